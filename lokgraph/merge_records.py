"""A merge's records, grouped by key and checked in one pass, then merged with what the graph
holds (`lokgraph.graph.merge` writes the results into networkx's dicts).

Grouping keeps each key's first record and, for a key stated more than once, all its records.
The same pass checks what `merge` promises to refuse before anything changes: a node id given
two labels, and a relationship whose ends are not of the labels its type goes between. A
relationship is checked once per key, since every record of a key has the same type and ends.
A group that the graph holds under another id (`lokgraph.same_group.group_renames`) is put on
that id here, record by record, instead of being copied first.

>>> from lokgraph.models import Principal, Relationship
>>> orsa = Principal(id="kommun:orsa", name="Orsa", kind="kommun")
>>> first, more = group_nodes([orsa, orsa], {}, {}, set(), None)
>>> list(first), more
(['kommun:orsa'], {})
>>> rel = Relationship(type="SERVES", source="kommun:orsa", target="kommun:orsa")
>>> try:
...     group_edges([rel], {}, first, {}, set(), None)
... except InputError as error:
...     print(error.problem)
SERVES cannot go from a Principal ('kommun:orsa'); it goes from Group to Principal
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .errors import InputError
from .graph_records import evidence_key
from .graph_records import node_attrs as _node_attrs
from .models import ALLOWED_ENDPOINTS, Node, Relationship
from .round_values import combine_rounds

__all__ = ["group_edges", "group_nodes", "merged_records", "renamed_node_attrs"]

#: a group id of the structure → (the id the graph holds it under, the name it takes)
Renames = dict[str, tuple[str, str]]
EdgeKey = tuple[str, str, str]


def group_nodes(
    nodes: Iterable[Node],
    held: dict[str, dict],
    renames: Renames,
    references: set[int],
    where: str | None,
) -> tuple[dict[str, Node], dict[str, list[Node]]]:
    """Each node id's first record, and every record of an id stated more than once.

    A record without evidence only fills missing values, so the same object (a kommun that
    every fact names) is taken once (`references`: the ids of those taken)."""
    first: dict[str, Node] = {}
    more: dict[str, list[Node]] = {}
    for node in nodes:
        if not node.evidence:
            if id(node) in references:
                continue
            references.add(id(node))
        key = node.id
        if renames and key in renames:
            key = renames[key][0]
        found = first.get(key)
        if found is None:
            old = held.get(key)
            if old is not None and old["label"] != node.label:
                raise _label_error(key, node.label, old["label"], where)
            first[key] = node
        else:
            if found.label != node.label:
                raise _label_error(key, node.label, found.label, where)
            more.setdefault(key, [found]).append(node)
    return first, more


def group_edges(
    rels: Iterable[Relationship],
    held: dict[str, dict],
    new_nodes: dict[str, Node],
    renames: Renames,
    references: set[int],
    where: str | None,
) -> tuple[dict[EdgeKey, Relationship], dict[EdgeKey, list[Relationship]]]:
    """Each (source, target, type)'s first record, and every record of a key stated more than
    once; each key's ends checked against the labels of the graph's nodes (`held`) and of the
    structure's new nodes (`new_nodes`)."""
    first: dict[EdgeKey, Relationship] = {}
    more: dict[EdgeKey, list[Relationship]] = {}
    new_labels = {node_id: node.label for node_id, node in new_nodes.items()}
    for rel in rels:
        if not rel.evidence:
            if id(rel) in references:
                continue
            references.add(id(rel))
        source, target = rel.source, rel.target
        if renames:
            if source in renames:
                source = renames[source][0]
            if target in renames:
                target = renames[target][0]
        key = (source, target, rel.type)
        found = first.get(key)
        if found is None:
            allowed_from, allowed_to = ALLOWED_ENDPOINTS[rel.type]
            # each end's label, from the graph or else from the structure's new nodes
            old = held.get(source)
            source_label = old["label"] if old is not None else new_labels.get(source)
            old = held.get(target)
            target_label = old["label"] if old is not None else new_labels.get(target)
            if source_label not in allowed_from or target_label not in allowed_to:
                raise _endpoint_error(key, source_label, target_label, where)
            first[key] = rel
        else:
            more.setdefault(key, [found]).append(rel)
    return first, more


def _label_error(node_id: str, label: str, known: str, where: str | None) -> InputError:
    return InputError(
        f"node {node_id!r} is a {label} here but a {known} elsewhere",
        where=where,
        fix="Give the two things different names",
    )


def _endpoint_error(
    key: EdgeKey, source: str | None, target: str | None, where: str | None
) -> InputError:
    """Why a relationship cannot be merged: its first end that names no node or a node of a
    label it cannot go from or to (`source` and `target`: the ends' labels, None for none)."""
    start, end_id, rel_type = key
    allowed_from, allowed_to = ALLOWED_ENDPOINTS[rel_type]
    ends = (("from", start, source, allowed_from), ("to", end_id, target, allowed_to))
    for side, end, label, allowed in ends:
        if label is None:
            return InputError(
                f"{rel_type} from {start!r} to {end_id!r} names no known node {end!r}",
                where=where,
                fix="Add that node, or correct the name",
            )
        if label not in allowed:
            return InputError(
                f"{rel_type} cannot go {side} a {label} ({end!r}); it goes from "
                f"{' or '.join(sorted(allowed_from))} to {' or '.join(sorted(allowed_to))}",
                where=where,
                fix="Use the relationship that DESIGN.md gives for these labels",
            )
    raise ValueError(f"both ends of {key!r} are allowed")  # called only when one is not


def renamed_node_attrs(renames: Renames) -> Callable[[Node], dict]:
    """`node_attrs`, with the name a renamed group takes."""

    def attrs_of(node: Node) -> dict:
        attrs = _node_attrs(node)
        renamed = renames.get(node.id)
        if renamed is not None:
            attrs["name"] = renamed[1]
        return attrs

    return attrs_of


def merged_records(
    first: dict[Any, Any],
    more: dict[Any, list],
    attrs_of: Callable[[Any], dict],
    old_of: Callable[[Any], dict | None],
    round_of: Callable[[str], str | None],
) -> Iterator[tuple[Any, dict | None, dict]]:
    """Each key's records merged, in the order the keys first come: (key, the attributes the
    graph holds or None, the merged attributes)."""
    for key, record in first.items():
        old = old_of(key)
        group = more.get(key)
        if old is None and group is None:
            yield key, None, attrs_of(record)  # new, and stated once: its record as it is
            continue
        records = group or (record,)
        if old is not None and _references_only(old, records, attrs_of):
            continue  # what the graph holds already, unchanged
        pending = _Pending(old, round_of)
        for each in records:
            pending.add(attrs_of(each))
        yield key, old, pending.result()


def _references_only(old: dict, records: Iterable[Any], attrs_of: Callable[[Any], dict]) -> bool:
    """Whether records leave `old` as it is: none has evidence or a value `old` lacks (a
    reference only fills missing values), and `old`'s evidence is in order already (the merge
    of references would sort it). A survey's facts name a kommun, unit or group the graph
    holds thousands of times (4,400 keys at 290 kommuner)."""
    for each in records:
        if each.evidence:
            return False
        for name in attrs_of(each):
            if name not in old:
                return False
    evidence = old.get("evidence") or ()
    if len(evidence) > 1:
        keys = [evidence_key(e) for e in evidence]
        return all(a < b for a, b in zip(keys, keys[1:], strict=False))
    return True


class _Pending:
    """The merged values and evidence of one node or edge while a structure is merged.

    Evidence is kept as a dict keyed by its sort key, so every record adds its evidence in
    time proportional to its own evidence, and the list is sorted once at the end. The rounds
    that the evidence so far states are kept beside it (one source per round), so a stated
    record's values are combined with `combine_rounds` without going over all the evidence.
    """

    __slots__ = ("old", "values", "evidence", "round_sources", "round_of", "fresh")

    def __init__(self, old: dict | None, round_of: Callable[[str], str | None]) -> None:
        self.old = old
        self.round_of = round_of
        self.values = {k: v for k, v in (old or {}).items() if k != "evidence"}
        self.evidence: dict[tuple[str, ...], dict] = {}
        self.round_sources: dict[str, str] = {}
        self.fresh = old is None  # a new node or edge takes its first record as it is
        self._add_evidence((old or {}).get("evidence", ()))

    def _add_evidence(self, records: Iterable[dict]) -> None:
        for record in records:
            self.evidence.setdefault(evidence_key(record), record)
            source = record.get("source", "")
            self.round_sources.setdefault(self.round_of(source) or "", source)

    def add(self, new: dict) -> None:
        """New values win where they are stated; evidence is the union of both.

        A record with no evidence is a reference to the thing (a group named by a member fact,
        a kommun named as a place), not a statement about it: it only fills values still
        missing. When another survey round stated the thing before with other values, both
        rounds' values are kept (see :mod:`lokgraph.round_values`) and the latest round's are
        the properties.
        """
        records = new.get("evidence") or ()
        if self.fresh:
            self.values = {k: v for k, v in new.items() if k != "evidence"}
            self.fresh = False
        elif records:
            # combine_rounds reads only the rounds of the old evidence: one source per round
            sources = [{"source": s} for s in self.round_sources.values()]
            self.values = combine_rounds({**self.values, "evidence": sources}, new, self.round_of)
            self.values.pop("evidence", None)
        else:
            for key, value in new.items():
                if key != "evidence" and key not in self.values:
                    self.values[key] = value
        self._add_evidence(records)

    def result(self) -> dict:
        merged = dict(self.values)
        merged["evidence"] = [self.evidence[key] for key in sorted(self.evidence)]
        return merged
