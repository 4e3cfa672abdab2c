"""Absence: which parties a sentence reports missing, and phrases that are negated."""

from __future__ import annotations

from .clauses import _clause_of
from .spans import _find, _gap, _head, _Hit, _tail, _words
from .terms import _fold
from .vocabulary import Vocabulary


def _wished(text: str, cue: _Hit, v: Vocabulary) -> bool:
    head = _head(text, cue.start)
    return any(_fold(w) in v.wishes for w, _, _ in _words(head)[-2:])


def _negated_absence(text: str, cue: _Hit, v: Vocabulary) -> bool:
    """An absence phrase that is itself negated: "det är inte svårt att få med skolan", "vi
    saknar inte BUP", or "deltar inte bara … utan även"."""
    phrase = {_fold(w) for w, _, _ in _words(text[cue.start : cue.end])}
    after = [_fold(w) for w, _, _ in _words(_tail(text, cue.end))][:1]
    if phrase & v.negators:
        return bool(after) and after[0] in v.grammar.not_only - v.grammar.also_not
    before = [_fold(w) for w, _, _ in _words(_head(text, cue.start))]
    if before and before[-1] in v.negators - v.grammar.negating_determiners:
        return True
    return bool(after) and after[0] in v.negators


def _absences(
    text: str,
    absence_cues: list[_Hit],
    member_cues: list[_Hit],
    clauses: list[tuple[int, int]],
    parties: list[_Hit],
    kommun_hits: list[_Hit],
    v: Vocabulary,
) -> tuple[dict[int, str], set[int], list[tuple[int, int]]]:
    """Which parties (by index) are absent and why, which kommuner, and the clauses it covers.

    A phrase covers its clause; when that clause names no party ("BUP, som vi behöver,
    deltar inte") it reaches back one clause unless that one has a member word. A party
    covered by two phrases takes the reason of the nearer one ("BUP är svår att nå och HAB
    har vi ingen kontakt med").
    """
    member_clauses = {_clause_of(clauses, c.start) for c in member_cues}
    reach: list[tuple[_Hit, tuple[int, int]]] = []
    absent_kommun: set[int] = set()
    for cue in sorted(absence_cues, key=lambda h: (h.start, -(h.end - h.start))):
        clause = _clause_of(clauses, cue.start)
        if not any(clause[0] <= p.start < clause[1] for p in parties):
            index = clauses.index(clause) if clause in clauses else 0
            if index > 0 and clauses[index - 1] not in member_clauses:
                clause = (clauses[index - 1][0], clause[1])
        reach.append((cue, clause))
        absent_kommun |= {i for i, k in enumerate(kommun_hits) if clause[0] <= k.start < clause[1]}
    absent: dict[int, str] = {}
    for i, p in enumerate(parties):
        cues_here = [cue for cue, (a, b) in reach if a <= p.start < b]
        if cues_here:
            absent[i] = min(
                cues_here, key=lambda c: (_gap(text, c, p, v.grammar.gap_break), c.start)
            ).key
    return absent, absent_kommun, [clause for _, clause in reach]


def _negated_nearby(text: str, cue: _Hit, v: Vocabulary) -> bool:
    """Whether a member word is negated ("ingår inte", "inte deltar"), but not "ingår inte
    bara skolan utan även IFO"."""
    head = _head(text, cue.start)
    tail = _tail(text, cue.end)
    breaks = _find(v.clause_breaks, tail)
    if breaks:  # "Närhälsan deltar men inte HAB": the "inte" is the next clause's
        tail = tail[: min(h.start for h in breaks)]
    before = [_fold(w) for w, _, _ in _words(head)][-2:]
    after = [_fold(w) for w, _, _ in _words(tail)][:3]
    if any(
        a in v.negators and b in v.grammar.not_only for a, b in zip(after, after[1:], strict=False)
    ):
        return False
    return any(w in v.negators for w in before + after[:2])
