"""The records of a diff between two survey rounds and their Swedish words: a `Change` per
kommun, a `Count` per län, the `Diff` that holds them (made by :func:`lokgraph.diff.diff_graphs`).

>>> count_text(Count(lan="Dalarnas län", measure="SAMBU-team", before=0, after=1))
'SAMBU-team: 0 → 1 kommun'
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, Literal, Protocol, get_args

import yaml
from pydantic import BaseModel, ConfigDict

__all__ = [
    "CHANGE_KINDS",
    "Change",
    "ChangeKind",
    "Count",
    "Diff",
    "GapLike",
    "change_words",
    "count_text",
    "status_word",
]

ChangeKind = Literal[
    "group_added",
    "group_removed",
    "member_joined",
    "member_left",
    "absence_new",
    "absence_gone",
    "lok_status",
    "gap_opened",
    "gap_closed",
]
CHANGE_KINDS: tuple[str, ...] = get_args(ChangeKind)


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Change(_Record):
    """One change in one kommun (or county-wide when `kommun` is None)."""

    kind: ChangeKind
    kommun: str | None = None
    lan: str | None = None
    subject: str
    party: str | None = None
    before: str | None = None
    after: str | None = None
    quote_before: str = ""
    quote_after: str = ""
    source_before: str | None = None
    source_after: str | None = None
    #: for gap changes, the gap query that found it (queries/registry names)
    gap_kind: str | None = None
    #: the link the change is about, as node ids (for the maps): (from, to)
    link: tuple[str, str] | None = None


class Count(_Record):
    """How many kommuner of an area had something in each round ("SAMBU-team: 3 → 11")."""

    lan: str
    measure: str
    before: int
    after: int


class Diff(_Record):
    from_round: str | None = None
    to_round: str | None = None
    changes: tuple[Change, ...] = ()
    counts: tuple[Count, ...] = ()


class GapLike(Protocol):
    kind: str
    kommun: str | None
    party: str | None
    status: str | None
    subject: str | None
    detail: str
    evidence: Any


@cache
def change_words() -> dict[str, Any]:
    """The Swedish words of changes, statuses, group types and counts (data/changes.yaml)."""
    text = (resources.files("lokgraph") / "data" / "changes.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def status_word(status: str | None) -> str:
    """A LÖK status in Swedish.

    >>> status_word("in_force"), status_word(None)
    ('gällande', 'ingen uppgift')
    """
    return change_words()["statuses"].get(status, status or "")


def count_text(count: Count) -> str:
    """A count as a planner reads it.

    >>> count_text(Count(lan="x", measure="SAMBU-team", before=3, after=11))
    'SAMBU-team: 3 → 11 kommuner'
    >>> count_text(Count(lan="x", measure="BUP rapporteras saknas", before=1, after=1))
    'BUP rapporteras saknas: 1 → 1 kommun'
    """
    words = change_words()["counts"]
    unit = words["unit_one"] if count.after == 1 else words["unit"]
    return f"{count.measure}: {count.before} → {count.after} {unit}"
