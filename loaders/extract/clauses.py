"""Clauses: a sentence cut at commas and clause words, with list pieces kept together."""

from __future__ import annotations

import re

from .spans import _find
from .vocabulary import Vocabulary


def _plain_clauses(text: str, v: Vocabulary) -> list[tuple[int, int]]:
    return _clauses(text, v, [])


def _clauses(
    text: str,
    v: Vocabulary,
    entity_spans: list[tuple[int, int]],
    verbs: list[tuple[int, int]] = (),  # type: ignore[assignment]
    absence_words: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> list[tuple[int, int]]:
    """Clause spans: cut at commas, semicolons and clause words; list pieces stay joined,
    but never across a semicolon."""
    cuts = {0, len(text)}
    for m in re.finditer(r"[,;]|\s[-–]\s|\(|\)", text):
        cuts.add(m.start())
    for h in _find(v.clause_breaks, text):
        cuts.add(h.start)
    points = sorted(cuts)
    pieces = [(a, b) for a, b in zip(points, points[1:], strict=False) if b > a]
    merged: list[list[int]] = []
    pure_first = False
    for a, b in pieces:
        # "Närhälsan deltar men inte HAB": a piece with a member word is a clause of its own
        pure = _is_list_piece(text, a, b, entity_spans) and not any(a <= s0 < b for s0, _ in verbs)
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


def _is_list_piece(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    chars = list(text[a:b])
    for s, e in spans:
        for i in range(max(s, a), min(e, b)):
            chars[i - a] = " "
    rest = re.findall(r"[^\W\d_]{2,}", "".join(chars))
    return len(rest) <= 1


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in clauses:
        if a <= pos < b:
            return (a, b)
    return clauses[-1] if clauses else (0, pos + 1)


# ---------------------------------------------------------------------------------------------
# Facts of an answer
