"""Clauses: a sentence cut at commas and clause words, with list pieces kept together."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .spans import _find
from .vocabulary import Vocabulary


def _plain_clauses(text: str, v: Vocabulary) -> list[tuple[int, int]]:
    return _clauses(text, v, [])


def _clauses(
    text: str,
    v: Vocabulary,
    entity_spans: list[tuple[int, int]],
    verbs: Sequence[tuple[int, int]] = (),
    absence_words: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """Clause spans: cut at commas, semicolons and clause words; list pieces stay joined,
    but never across a semicolon."""
    cuts = {0, len(text)}
    for m in _CUTS.finditer(text):
        cuts.add(m.start())
    for h in _find(v.clause_breaks, text):
        cuts.add(h.start)
    points = sorted(cuts)
    pieces = [(a, b) for a, b in zip(points, points[1:], strict=False) if b > a]
    merged: list[list[int]] = []
    pure_first = False
    blanked = _blanked(text, entity_spans)
    for a, b in pieces:
        # "Närhälsan deltar men inte HAB": a piece with a member word is a clause of its own
        pure = _is_list_piece(blanked, a, b) and not any(a <= s0 < b for s0, _ in verbs)
        # ", saknar socialtjänst" after a list is a clause of its own ("Varken BUP, HAB …"
        # still opens a list)
        opens = pure
        pure = pure and not any(a <= s0 < b for s0, _ in absence_words)
        if text[a] == ";":  # a semicolon ends a list: "… elevhälsan och IFO; BUP deltar ibland"
            merged.append([a, b])
            pure_first = False
        elif merged and (pure or pure_first):
            merged[-1][1] = b
            pure_first = False
        else:
            merged.append([a, b])
            pure_first = opens and len(merged) == 1
    return [(a, b) for a, b in merged]


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with every span blanked out (once per sentence, not once per piece)."""
    chars = list(text)
    for s, e in spans:
        e = min(e, len(chars))
        chars[s:e] = " " * max(0, e - s)
    return "".join(chars)


def _is_list_piece(blanked: str, a: int, b: int) -> bool:
    """Whether a piece holds at most one word besides the entities (already blanked out)."""
    return len(_WORD.findall(blanked, a, b)) <= 1


_WORD = re.compile(r"[^\W\d_]{2,}")
#: where a clause may end: a comma, a semicolon, a dash between spaces, a bracket
_CUTS = re.compile(r"[,;]|\s[-–]\s|\(|\)")


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in clauses:
        if a <= pos < b:
            return (a, b)
    return clauses[-1] if clauses else (0, pos + 1)


# ---------------------------------------------------------------------------------------------
# Facts of an answer
