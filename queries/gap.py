"""The answer of every gap query: a `Gap` record, with the quotes that show it, in one order."""

from __future__ import annotations

import json
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, field_validator

from lokgraph.models import Evidence
from lokgraph.sv import sv_key

from .catalog import CATALOG

__all__ = [
    "KINDS",
    "Evidence",
    "Gap",
    "evidence_from_json",
    "filter_kommun",
    "sort_gaps",
    "sv_key",
]

#: The gap kinds, in the order the registry and every report list them.
KINDS: tuple[str, ...] = tuple(entry.name for entry in CATALOG)


class Gap(BaseModel):
    """One missing link, as every query reports it.

    - `kind`: the query that found it (one of `KINDS`).
    - `kommun`: the kommun's name, or None for a county-level gap.
    - `party`: a party code of GLOSSARY.md, or None.
    - `status`: a short word that qualifies the gap within its kind (for example
      ``reported_absent`` or ``not_recorded``), or None; each query's docstring lists its words.
    - `subject`: the id of the node the gap is about (a group, an agreement, a survey), or None.
    - `detail`: one readable Swedish sentence.
    - `count` and `kommuner`: for county-level gaps, how many and which kommuner it concerns.
    - `evidence`: the quotes that show it, sorted and without repeats.

    >>> gap = Gap(kind="no_answer", kommun="Falun", detail="Falun svarade inte")
    >>> gap.party is None, gap.evidence
    (True, ())
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: str
    kommun: str | None = None
    party: str | None = None
    status: str | None = None
    subject: str | None = None
    detail: str
    count: int | None = None
    kommuner: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in KINDS:
            raise ValueError(f"unknown gap kind {value!r}; use one of {', '.join(KINDS)}")
        return value

    @field_validator("kommuner", mode="before")
    @classmethod
    def _sorted_kommuner(cls, value: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(set(value), key=sv_key))

    @field_validator("evidence", mode="before")
    @classmethod
    def _sorted_evidence(cls, value: Iterable[Evidence | dict]) -> tuple[Evidence, ...]:
        records = [e if isinstance(e, Evidence) else Evidence(**e) for e in value]
        unique = {e.sort_key(): e for e in records}
        return tuple(unique[key] for key in sorted(unique))

    def sort_key(self) -> tuple:
        kind = KINDS.index(self.kind)
        return (
            kind,
            self.kommun is not None,
            sv_key(self.kommun),
            -(self.count or 0),
            self.party or "",
            self.status or "",
            self.subject or "",
            self.detail,
        )


def sort_gaps(gaps: Iterable[Gap]) -> list[Gap]:
    """Gaps in report order: by kind (as `KINDS`), county-level first, then kommun (Swedish
    order), the larger count first, party, status, subject and detail. Repeats are dropped.

    >>> a = Gap(kind="no_answer", kommun="Säter", detail="x")
    >>> b = Gap(kind="missing_specialist", kommun="Åre", party="BUP", detail="y")
    >>> [g.kommun for g in sort_gaps([a, b, a])]
    ['Åre', 'Säter']

    Gaps alike but for their quotes are both kept, in the order of their JSON:

    >>> quoted = [Gap(kind="no_answer", kommun="Säter", detail="x",
    ...               evidence=[{"source": "source:a", "quote": q}]) for q in ("Nej", "Ja")]
    >>> [[e.quote for e in g.evidence] for g in sort_gaps([*quoted, a, quoted[0]])]
    [[], ['Ja'], ['Nej']]
    """
    # Ordered by the sort key, then by the whole record as JSON; only gaps with the same key
    # (rare) need their JSON to be told apart or dropped as repeats.
    same_key: dict[tuple, list[Gap]] = {}
    for gap in gaps:
        same_key.setdefault(gap.sort_key(), []).append(gap)
    ordered = []
    for key in sorted(same_key):
        found = same_key[key]
        if len(found) == 1:
            ordered += found
        else:
            unique = {gap.model_dump_json(): gap for gap in found}
            ordered += [unique[text] for text in sorted(unique)]
    return ordered


def filter_kommun(gaps: Iterable[Gap], kommun: str | None) -> list[Gap]:
    """The gaps about one kommun (by name, case-insensitive), county gaps that name it included.

    With `kommun` None, every gap.
    """
    gaps = list(gaps)
    if kommun is None:
        return gaps
    wanted = sv_key(kommun.strip())
    return [
        g
        for g in gaps
        if sv_key(g.kommun) == wanted or any(sv_key(k) == wanted for k in g.kommuner)
    ]


def evidence_from_json(values: object) -> list[Evidence]:
    """Evidence records from what a Bolt server returns for `evidence` properties.

    Takes a JSON string of a list of evidence objects (as the Neo4j store writes it), a list
    of such strings, already-parsed dicts, or None, and flattens them.

    >>> evidence_from_json(['[{"source": "s", "quote": "BUP saknas"}]', None, "[]"])
    [Evidence(source='s', quote='BUP saknas', question=None, page=None, respondent=None)]
    """
    found: list[Evidence] = []
    if values is None or values == "":
        return found
    if isinstance(values, str):
        return evidence_from_json(json.loads(values))
    if isinstance(values, dict):
        clean = {k: v for k, v in values.items() if v is not None}
        return [Evidence(**clean)]
    if isinstance(values, Iterable):
        for value in values:
            found.extend(evidence_from_json(value))
        return found
    raise TypeError(f"cannot read evidence from {type(values).__name__}: {values!r}")
