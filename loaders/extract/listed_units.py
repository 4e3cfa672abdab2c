"""Compounds on a group word that name a unit of a service or an activity, not a group.

An open compound on a group word ("familjeteamet", "resursteam", "naturgrupp") is a group
where the text speaks of it as one. Two structures make it something else:

- it is one short item of a list of three or more short items with no other group word: a
  service unit among services ("BVC, familjeteamet, MVC"; "socialtjänsten, kommunens
  resursteam och BVC") or an activity among activities ("sångstunder, naturgrupp och
  sagoläsning");
- it is the workplace of a person ("en socialsekreterare från kommunens familjeteam": a
  person word, a preposition of `members.unit_prepositions`, an optional genitive).

Words: `members.unit_prepositions`, `members.roles`, `grammar.list_joiners`, `grammar.verbs`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .spans import _find, _Hit, _words
from .terms import _fold
from .triggers import triggered_by
from .vocabulary import Vocabulary

__all__ = ["unit_compound"]

#: what ends a list: the end of a sentence or clause, a table cell, a bracket or a dash
_BOUNDS = re.compile(r"[.;:!?|()\[\]\n\u2013\u2014]")
#: the most words before the compound in its item, and in another item to count as short
_SHORT = 3
_OTHER = 4


@lru_cache(maxsize=4)
def _separator(joiners: frozenset[str]) -> re.Pattern[str]:
    words = "|".join(sorted(re.escape(w) for w in joiners))
    return re.compile(r",|(?<![\w-])(?:" + words + r")(?![\w-])", re.I)


@triggered_by("compound_heads", empty=bool)
def unit_compound(text: str, compound: _Hit, hits: list[_Hit], v: Vocabulary) -> bool:
    """Whether a compound group of a sentence names a unit or an activity, not a group.

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> def unit(text, word):
    ...     start = text.index(word)
    ...     return unit_compound(text, _Hit("samverkansgrupp", start, start + len(word)), [], v)
    >>> unit("Där finns BVC, familjeteamet och MVC varje vecka.", "familjeteamet")
    True
    >>> unit("Vi erbjuder sångstunder, lekgrupp och sagoläsning.", "lekgrupp")
    True
    >>> unit("En kurator från kommunens resursteam berättade om barns behov.", "resursteam")
    True
    >>> unit("Kommunen har ett HLT-team där skolan och BUP ingår.", "HLT-team")
    False
    """
    return _list_item(text, compound, hits, v) or _workplace(text, compound, v)


def _list_item(text: str, compound: _Hit, hits: list[_Hit], v: Vocabulary) -> bool:
    """Whether the compound is one short item of a list of three or more short items in which
    no other item is a group word."""
    start = max((m.end() for m in _BOUNDS.finditer(text, 0, compound.start)), default=0)
    found = _BOUNDS.search(text, compound.end)
    end = found.start() if found else len(text)
    if any(
        h.kind == "group" and start <= h.start < end and h.start != compound.start for h in hits
    ):
        return False
    cuts = [start]
    for m in _separator(v.grammar.list_joiners).finditer(text, start, end):
        if not text[: m.start()].rstrip().endswith("-"):  # "stöd- och vårdteam": one word
            cuts += [m.start(), m.end()]
    cuts.append(end)
    items = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if text[a:b].strip()]
    own = next(((a, b) for a, b in items if a <= compound.start < b), None)
    if own is None or len(items) < 3 or text[compound.end : own[1]].strip():
        return False  # "ett team med elevhälsa, …": the list is the team's
    before = [_fold(w) for w, _, _ in _words(text[own[0] : compound.start])]
    if len(before) >= _SHORT or set(before) & v.grammar.verbs:
        return False  # "Här finns ett HLT-team, …": the team of a clause, not an item
    return sum(len(_words(text[a:b])) <= _OTHER for a, b in items if (a, b) != own) >= 2


def _workplace(text: str, compound: _Hit, v: Vocabulary) -> bool:
    """Whether the compound stands after a person word and a preposition of
    ``members.unit_prepositions``, with at most a genitive between."""
    head = text[max(0, compound.start - 80) : compound.start]
    words = _words(head)
    if words and v.grammar.genitive.search(_fold(words[-1][0])):
        words = words[:-1]  # "kommunens", "IFO:s"
    if not words or _fold(words[-1][0]) not in v.extra.unit_prepositions:
        return False
    before = head[: words[-1][1]].rstrip()
    return any(h.end == len(before) for h in _find(v.roles, before))
