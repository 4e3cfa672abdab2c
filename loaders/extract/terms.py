"""Vocabulary expressions compiled to regular expressions (the syntax of vocabulary.yaml's header).

>>> term = _compile_term("habilitering*", "HAB")
>>> bool(term.pattern.search("Barn- och ungdomshabiliteringen deltar")), term.anchor
(False, 'habilitering')
>>> bool(term.pattern.search("habiliteringen deltar"))
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Term:
    """One vocabulary expression compiled to a pattern; `key` is the code it stands for."""

    text: str
    key: str
    #: the regular expression of `pattern`
    regex: str
    weight: int
    name: str | None = None
    #: a plain lower-case part every match contains, to skip the pattern quickly
    anchor: str = ""

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The compiled expression, compiled when first used: most of a vocabulary's terms
        never meet a text that has their anchor, and compiling all of them took a quarter of
        a small import."""
        return re.compile(self.regex)

    @cached_property
    def runs(self) -> frozenset[str]:
        """Every plain lower-case run of letters and digits of the term: a match holds them
        all (the prefilter's test, `loaders.extract.triggers`)."""
        return _runs(self.text)


def _runs(text: str) -> frozenset[str]:
    """The runs of a-z and 0-9 of a term's text, lower-cased (å, ä, ö and é vary, so they
    split runs).

    >>> sorted(_runs("svårt att ... få med"))
    ['att', 'f', 'med', 'rt', 'sv']
    """
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))


#: What å, ä, ö and é may look like after OCR or when typed without diacritics.
_VARIANTS: dict[str, str] = {
    "å": "åaäàáâdio",
    "ä": "äaåàáâeéèëid4",
    "ö": "öo6óòôøeé0",
    "é": "éeèëo",
}


_UPPER_VARIANTS: dict[str, str] = {
    "Å": "ÅAÄ",
    "Ä": "ÄAÅ",
    "Ö": "ÖO6Ó0",
    "É": "ÉE",
}


_ACRONYM_SUFFIX = r"(?::?[a-zåäö]{1,6}|-\w+(?:-\w+)*)?"


_GAP = r"\s+(?:\S+\s+){0,5}?"


_FOLD = str.maketrans(
    {
        "å": "a",
        "ä": "a",
        "ö": "o",
        "é": "e",
        "è": "e",
        "à": "a",
        "á": "a",
        "ó": "o",
        "ò": "o",
        "ø": "o",
    }
)


def _token_regex(token: str, exact: bool = False) -> str:
    """One word of a term: ``*`` at either end is any word part; å/ä/ö take their variants;
    a word with a capital after its first letter (BUP, LÖK) is case-sensitive."""
    lead = token.startswith("*")
    trail = token.endswith("*")
    token = token.strip("*")
    acronym = exact or any(c.isupper() for c in token[1:])
    out: list[str] = []
    for i, char in enumerate(token):
        if char in _VARIANTS and (exact or not acronym):
            out.append("[" + _VARIANTS[char] + "]")
        elif char in _UPPER_VARIANTS:
            out.append("[" + _UPPER_VARIANTS[char] + "]")
        elif char == "-":
            out.append("-?" if i == len(token) - 1 else "[-\\s]?")
        else:
            out.append(re.escape(char))
    body = "".join(out)
    body = f"(?-i:{body})" if acronym else f"(?i:{body})"
    return ("\\w*" if lead else "") + body + ("\\w*" if trail else "")


def _compile_term(text: str, key: str, *, name: str | None = None) -> Term:
    """A vocabulary expression as a pattern (see the header of vocabulary.yaml)."""
    raw = text
    exact = text.startswith("=")
    text = text.lstrip("=")
    anchored = text.startswith("^")
    text = text.lstrip("^")
    prefix = text.startswith("*")
    text = text[1:] if prefix else text
    segments = [s.split() for s in re.split(r"\s+\.\.\.\s+", text)]
    seg_regex = []
    for tokens in segments:
        pieces = []
        for i, tok in enumerate(tokens):
            pieces.append(_token_regex(tok, exact))
            if i < len(tokens) - 1:
                pieces.append(r"\s*" if tok.rstrip("*").endswith("-") else r"\s+")
        seg_regex.append("".join(pieces))
    body = _GAP.join(seg_regex)
    last = segments[-1][-1]
    if last.endswith("*"):
        pass
    elif any(c.isupper() for c in last[1:]):
        body += _ACRONYM_SUFFIX + r"(?!\w)"
    else:
        body += r"(?!\w)"
    head = r"(?P<pre>\w*)" if prefix else r"(?<!\w)(?P<pre>)"
    if anchored:
        head = r"^[\W_]*" + head
    weight = sum(c.isalnum() for c in text)
    return Term(raw, key, head + body, weight, name, _anchor(text))


def _anchor(text: str) -> str:
    """The longest run of plain letters and digits of a term (å, ä, ö and é vary with OCR)."""
    runs = re.findall(r"[a-z0-9]+", text.lower().split(" ... ")[0])
    return max(runs, key=len) if runs else ""


def _fold(word: str) -> str:
    return word.lower().translate(_FOLD).replace("6", "o")


# ---------------------------------------------------------------------------------------------
# Sentences


def word_sets(section: Mapping[str, Any], keys: Iterable[str]) -> dict[str, frozenset[str]]:
    """Folded word sets of a vocabulary section of plain word lists (a missing list is empty).

    >>> sorted(word_sets({"lacks": ["Saknar", "önskar"]}, ("lacks", "experiencer"))["lacks"])
    ['onskar', 'saknar']
    """
    return {k: frozenset(_fold(str(w)) for w in section.get(k) or ()) for k in keys}
