"""Agreement status: the statuses a sentence speaks for and one status per answer and area."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lokgraph.facts import Fact

from .clauses import _clause_of
from .context import _Context
from .spans import _find, _Hit, _outside, _overlaps, _resolve, _words
from .terms import _fold
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .reading import _Reading


def _area(text: str, v: Vocabulary) -> str:
    keys = {h.key for h in _find(v.areas, text)}
    for area in ("missbruk", "psykisk_funktionsnedsattning"):
        if area in keys and "barn_unga" not in keys:
            return area
    return "barn_unga"


def _status_votes(reading: _Reading, v: Vocabulary) -> list[tuple[str, bool]]:
    """The statuses a sentence speaks for, and whether they are only a Ja/Nej reply."""
    text = reading.text
    ignore = [(h.start, h.end) for h in _find(v.status_ignore, text)]
    absent_clauses = [
        c
        for c in reading.absence_spans
        if any(c[0] <= p.start < c[1] for i, p in enumerate(reading.parties) if i in reading.absent)
    ]

    not_started = [_clause_of(reading.clauses, h.start) for h in _find(v.not_started, text)]

    def usable(hits: list[_Hit]) -> list[str]:
        out = []
        for h in _resolve(_outside(hits, ignore)):
            if _overlaps(h, absent_clauses):
                continue
            clause = _clause_of(reading.clauses, h.start)
            if h.key == "in_progress" and clause in not_started:
                continue
            before = [_fold(w) for w, _, _ in _words(text[clause[0] : h.start])][-6:]
            after = [_fold(w) for w, _, _ in _words(text[h.end : clause[1]])][:2]
            if h.key == "in_force" and any(w in v.negators for w in after):
                out.append("none")  # "någon LÖK finns inte"
                continue
            if h.key != "under_revision" and any(w in v.hypothetical for w in before):
                continue
            if any(w in v.negators for w in before):
                if h.key == "in_force":
                    out.append("none")
                continue
            out.append(h.key)
        return out

    strong = usable(_find(v.status, text))
    if strong:
        return [(s, False) for s in dict.fromkeys(strong)]
    if reading.agreement:
        weak = usable(_find(v.status_weak, text))
        if weak:
            return [(s, False) for s in dict.fromkeys(weak)]
    reply = [h.key for h in _find(v.status_reply, text)]
    return [(s, True) for s in dict.fromkeys(reply)]


def _combine(statuses: set[str]) -> str:
    if "under_revision" in statuses or {"in_force", "in_progress"} <= statuses:
        return "under_revision"
    for status in ("in_progress", "in_force", "none", "unknown"):
        if status in statuses:
            return status
    return "unknown"


def _status_facts(votes: list[tuple[str, str, str, bool]], ctx: _Context) -> list[Fact]:
    facts = []
    areas = dict.fromkeys(area for _, area, _, _ in votes)
    for area in areas:
        mine = [v for v in votes if v[1] == area]
        real = [v for v in mine if not v[3]]
        used = real or mine
        status = _combine({v[0] for v in used})
        quotes = list(
            dict.fromkeys(v[2] for v in used if v[0] == status or status == "under_revision")
        )
        if not quotes:
            quotes = [used[0][2]]
        facts.append(
            Fact(
                kind="agreement_status",
                status=status,
                agreement_area=area,
                kommun=ctx.kommun,
                respondent=ctx.respondent,
                question=ctx.question,
                quote=" […] ".join(quotes),
                source=ctx.source,
            )
        )
    return facts
