"""A record's attributes in the graph, and back: how a frozen model becomes the dict that a node
or edge of the networkx graph holds (plain JSON values, no None, its evidence sorted last).

>>> from lokgraph.models import Evidence, Relationship
>>> rel = Relationship(type="SERVES", source="group:orsa:kt", target="kommun:orsa",
...                    evidence=(Evidence(source="s2", quote="b"), Evidence(source="s1")))
>>> edge_attrs(rel)
{'type': 'SERVES', 'evidence': [{'source': 's1', 'quote': ''}, {'source': 's2', 'quote': 'b'}]}
>>> [e.source for e in evidence_of(edge_attrs(rel))]
['s1', 's2']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .models import Evidence, Node, Relationship, RoundValues
from .round_values import BY_ROUND

__all__ = ["edge_attrs", "evidence_key", "evidence_of", "node_attrs", "round_records"]


def _plain(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _evidence_dicts(evidence: Sequence[Evidence]) -> list[dict]:
    """The records as dicts, each once, in sort-key order (most records have one or none)."""
    if not evidence:
        return []
    if len(evidence) == 1:  # no comprehension for one record: 60,000 calls in a national build
        return [_fields(evidence[0])]
    unique = {e.sort_key(): e for e in evidence}
    return [_fields(unique[key]) for key in sorted(unique)]


def _fields(record: Evidence) -> dict:
    """A frozen record's fields without the None values, as ``model_dump`` gives them for a
    record of plain values, read from the record's own dict (no serializer per record)."""
    return {k: v for k, v in record.__dict__.items() if v is not None}


def evidence_key(record: dict) -> tuple[str, ...]:
    """`Evidence.sort_key` of a stored evidence record (None values are left out there)."""
    return (
        record["source"],
        record.get("question") or "",
        record.get("page") or "",
        record.get("respondent") or "",
        record.get("quote", ""),
    )


def evidence_of(attrs: dict) -> list[Evidence]:
    """The evidence records of a node's or edge's attributes."""
    return [Evidence(**e) for e in attrs.get("evidence", ())]


def _round_dicts(entries: tuple[RoundValues, ...]) -> list[dict]:
    return [{"round": e.round, "values": {k: _plain(v) for k, v in e.values}} for e in entries]


def round_records(attrs: dict) -> tuple[RoundValues, ...]:
    """The `by_round` entries of a node's or edge's attributes as records."""
    return tuple(
        RoundValues(round=e["round"], values=tuple(sorted(e["values"].items())))
        for e in attrs.get(BY_ROUND, ())
    )


_NOT_NODE_VALUES = frozenset({"id", "evidence", BY_ROUND})


def node_attrs(node: Node) -> dict:
    """A node's attributes in the graph; its evidence last, as a merge leaves them."""
    attrs = {
        k: v if v.__class__ is str else _plain(v)  # most values are text: no call for them
        for k, v in node.__dict__.items()
        if k not in _NOT_NODE_VALUES and v is not None and v != ()
    }
    if node.by_round:
        attrs[BY_ROUND] = _round_dicts(node.by_round)
    attrs["evidence"] = _evidence_dicts(node.evidence)
    return attrs


def edge_attrs(rel: Relationship) -> dict:
    """An edge's attributes in the graph; its evidence last, as a merge leaves them."""
    attrs: dict = {"type": rel.type}
    if rel.partial is not None:
        attrs["partial"] = rel.partial
    if rel.reason is not None:
        attrs["reason"] = rel.reason
    if rel.by_round:
        attrs[BY_ROUND] = _round_dicts(rel.by_round)
    attrs["evidence"] = _evidence_dicts(rel.evidence)
    return attrs
