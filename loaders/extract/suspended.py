"""Suspended compounds: "barn- och mödrahälsovården" names two services, barnhälsovården and
mödrahälsovården. Swedish writes the first part of a compound with a hyphen and lets it share
the last word's head ("skol- och socialchefer", "mödra- och barnhälsovård", "social- och vård-
och omsorgschefer"); the first part with that head is a party of its own when the vocabulary
knows the whole word.
"""

from __future__ import annotations

import re

from .spans import _find, _Hit
from .vocabulary import Vocabulary

__all__ = ["suspended_parties"]

#: a first part and its hyphen before a list joiner ("skol- och"); the words after it, up to
#: the first whole word, are read by `suspended_parties`
_PART = re.compile(r"(?<![\w-])([^\W\d_]{2,})-(,?)\s+(?=\w)")
_WORD = re.compile(r"([^\W\d_]+)(-?)\s*")


def suspended_parties(text: str, taken: list[_Hit], v: Vocabulary) -> list[_Hit]:
    """Party hits for the first parts of suspended compounds that no term already covers.

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> text = "Här finns barn- och mödrahälsovården."
    >>> [(h.key, text[h.start : h.end]) for h in suspended_parties(text, _find(v.parties, text), v)]
    [('BVC', 'barn-')]
    >>> text = "I gruppen sitter social-, vård- och omsorgschefer."
    >>> [(h.key, text[h.start : h.end]) for h in suspended_parties(text, _find(v.parties, text), v)]
    [('SOCIALTJANST', 'social-')]
    """
    if "- " not in text:
        return []
    out: list[_Hit] = []
    for m in _PART.finditer(text):
        if any(h.start <= m.start(1) < h.end for h in taken):
            continue  # "barn- och ungdomspsykiatrin" is one term
        head = _completing_word(text, m.end(), v, joined=bool(m.group(2)))
        if head is None:
            continue
        first = m.group(1)
        for i in range(1, len(head) - 2):
            word = first + head[i:]
            found = [
                h for h in _find(v.parties, word, "party") if h.start == 0 and h.end == len(word)
            ]
            if found:
                out.append(_Hit(found[0].key, m.start(1), m.end(1) + 1, None, 0, "party"))
                break
    return out


def _completing_word(text: str, pos: int, v: Vocabulary, joined: bool = False) -> str | None:
    """The first whole word after a joiner at ``pos``, past other first parts ("vård- och");
    a comma after the hyphen is a joiner too ("social-, vård- och omsorgschefer")."""
    while True:
        m = _WORD.match(text, pos)
        if m is None:
            return None
        word, hyphen = m.group(1), m.group(2)
        pos = m.end()
        if word.lower() in v.grammar.list_joiners:
            joined = True
            continue
        if not joined:
            return None
        if not hyphen:
            return word
        joined = False
