"""Hits (where a vocabulary term matched) and the span arithmetic the passes share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .terms import Term


@dataclass(frozen=True)
class _Hit:
    key: str
    start: int
    end: int
    term: Term | None = None
    pre: int = 0
    kind: str = ""
    extra: str | None = None


def _blank(text: str, start: int, hits: list[_Hit]) -> str:
    """The text from ``start`` with the hits blanked out."""
    chars = list(text)
    for h in hits:
        for i in range(h.start, h.end):
            chars[i] = " "
    return "".join(chars[start:])


def _find(terms: tuple[Term, ...], text: str, kind: str = "") -> list[_Hit]:
    """Every match of every term (overlaps included; `_resolve` chooses)."""
    low = text.lower()
    hits = []
    for term in terms:
        if term.anchor and term.anchor not in low:
            continue
        for m in term.pattern.finditer(text):
            if m.end() == m.start():
                continue
            pre = m.end("pre") - m.start("pre")
            hits.append(_Hit(term.key, m.start(), m.end(), term, pre, kind))
    return hits


def _resolve(hits: list[_Hit]) -> list[_Hit]:
    """Non-overlapping hits: earliest first, then whole words before compounds, then longest."""
    order = sorted(hits, key=lambda h: (h.start, h.pre, -(h.term.weight if h.term else 0), -h.end))
    chosen: list[_Hit] = []
    for hit in order:
        if any(hit.start < c.end and c.start < hit.end for c in chosen):
            continue
        chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def _outside(hits: list[_Hit], spans: list[tuple[int, int]]) -> list[_Hit]:
    return [h for h in hits if not any(h.start < e and s < h.end for s, e in spans)]


def _overlaps(hit: _Hit, spans: Iterable[tuple[int, int]]) -> bool:
    return any(hit.start < e and s < hit.end for s, e in spans)


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in re.finditer(r"\w[\w:-]*", text)]


def _gap(text: str, a: _Hit, b: _Hit, breaks: re.Pattern[str]) -> int:
    """Distance between two hits, far when "och", "men" or a comma stands between them."""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    between = text[lo:hi] if lo < hi else ""
    return _distance(a, b) + (1000 if breaks.search(between) else 0)


def _distance(a: _Hit, b: _Hit) -> int:
    if b.start >= a.end:
        return b.start - a.end
    if a.start >= b.end:
        return a.start - b.end
    return 0
