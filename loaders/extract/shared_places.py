"""A place word shared by a coordination: after a preposition of ``places`` the parties joined
to the first one by "och", "samt", "eller" or a comma are places too ("stöd i skola och
förskola", "remisser till BUP, HAB och vårdcentralen"), not parties taking part.

>>> from loaders.extract.vocabulary import load_vocabulary
>>> from loaders.extract.spans import _find, _resolve
>>> v = load_vocabulary()
>>> text = "Teamet ger stöd i skola och förskola."
>>> hits = _resolve(_find(v.parties, text, "party"))
>>> first = next(h for h in hits if text[h.start : h.end] == "skola")
>>> [text[a:b] for a, b in shared_places(text, hits, {(first.start, first.end): "place"}, v)]
['förskola']
"""

from __future__ import annotations

import re

from .spans import _Hit
from .terms import _fold
from .vocabulary import Vocabulary

__all__ = ["shared_places"]

_BETWEEN = re.compile(r"\s*(?:,\s*)?(\w+)?\s*")


def shared_places(
    text: str, hits: list[_Hit], topics: dict[tuple[int, int], str], v: Vocabulary
) -> list[tuple[int, int]]:
    """The spans of the party words joined to a place word before them (see the module)."""
    out: list[tuple[int, int]] = []
    ordered = sorted(hits, key=lambda h: h.start)
    for before, h in zip(ordered, ordered[1:], strict=False):
        span = (before.start, before.end)
        if topics.get(span) != "place" and span not in out:
            continue
        if (h.start, h.end) in topics:
            continue
        gap = text[before.end : h.start]
        m = _BETWEEN.fullmatch(gap)
        if m is None or len(gap) > 12:
            continue
        word = m.group(1)
        if word is None and "," not in gap:
            continue
        if word is not None and _fold(word) not in v.grammar.list_joiners:
            continue
        out.append((h.start, h.end))
    return out
