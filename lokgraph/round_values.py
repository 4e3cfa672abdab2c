"""Per-round properties: what a node or edge looked like in each survey round, when rounds disagree.

A graph keeps one set of properties per node and edge, and those are the latest round's. When a
second round states different values for the same thing (a LÖK that was `none` and is now
`in_force`), the attribute `by_round` keeps a list of ``{"round": R, "values": {...}}``, one
entry per round that stated it, so the view of an older round can show that round's values.
A graph with one round never has `by_round`, so its store is byte for byte what it was before.

>>> old = {"label": "Agreement", "status": "none", "evidence": [{"source": "s1"}]}
>>> new = {"label": "Agreement", "status": "in_force", "evidence": [{"source": "s2"}]}
>>> merged = combine_rounds(old, new, {"s1": "2023", "s2": "2024"}.get)
>>> merged["status"], [e["round"] for e in merged["by_round"]]
('in_force', ['2023', '2024'])
>>> values_at(merged, "2023")["status"]
'none'
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["BY_ROUND", "combine_rounds", "drop_rounds", "values_at"]

BY_ROUND = "by_round"
_NOT_VALUES = frozenset({"evidence", BY_ROUND})

RoundOf = Callable[[str], "str | None"]


def _values(attrs: dict) -> dict:
    return {k: v for k, v in attrs.items() if k not in _NOT_VALUES}


def _rounds(attrs: dict, round_of: RoundOf) -> set[str]:
    return {round_of(e.get("source", "")) or "" for e in attrs.get("evidence", ())}


def _fold(entries: list[dict], round_: str | None) -> dict:
    """The values as of a round: each round's stated values over the earlier rounds' (as a
    merge does, "stated values win"); a round before every entry gets the first entry's."""
    result: dict = {}
    for i, entry in enumerate(entries):
        if i == 0 or round_ is None or entry["round"] <= round_:
            result.update(entry["values"])
    return result


def _unstated(attrs: dict, entries: list[dict]) -> dict:
    """Properties no round stated (filled in by references to the thing): kept in every round."""
    stated = {k for e in entries for k in e["values"]}
    return {k: v for k, v in _values(attrs).items() if k not in stated}


def combine_rounds(old: dict, new: dict, round_of: RoundOf) -> dict:
    """The properties of `old` after a stated record `new`; the latest round's values win.

    Without rounds (or when both sides are of one round) this is "new values win", as always.
    """
    merged = dict(old)
    new_values = _values(new)
    old_rounds, new_rounds = _rounds(old, round_of), _rounds(new, round_of)
    table = {e["round"]: e for e in old.get(BY_ROUND, ())}
    other = old_rounds - new_rounds
    if not table and (not other or _values(old) == {**_values(old), **new_values}):
        merged.update(new_values)
        return merged
    if not table:
        first = min(old_rounds)
        table[first] = {"round": first, "values": _values(old)}
    for r in new_rounds:
        table[r] = {"round": r, "values": {**table.get(r, {}).get("values", {}), **new_values}}
    entries = [table[r] for r in sorted(table)]
    merged = {k: v for k, v in old.items() if k in _NOT_VALUES}
    merged.update(_unstated(old, entries))
    merged.update(_fold(entries, None))
    merged[BY_ROUND] = entries
    return merged


def values_at(attrs: dict, round_: str | None) -> dict:
    """The properties as of a round (see `_fold`); without `by_round`, the properties."""
    entries = attrs.get(BY_ROUND)
    if not entries or round_ is None:
        return _values(attrs)
    return {**_unstated(attrs, entries), **_fold(entries, round_)}


def drop_rounds(attrs: dict, round_of: RoundOf) -> None:
    """After evidence left: forget the rounds that no longer state the thing (in place).

    An entry stands for its round and the later rounds up to the next entry; it stays while
    any of those rounds still states the thing, renamed to the first of them.
    """
    entries = attrs.get(BY_ROUND)
    if not entries:
        return
    present = sorted(_rounds(attrs, round_of))
    kept = []
    for i, entry in enumerate(entries):
        end = entries[i + 1]["round"] if i + 1 < len(entries) else None
        span = [r for r in present if r >= entry["round"] and (end is None or r < end)]
        if i == 0:
            span = [r for r in present if end is None or r < end]
        if span:
            kept.append({"round": span[0], "values": entry["values"]})
    if not kept:
        del attrs[BY_ROUND]
        return
    unstated = _unstated(attrs, entries)
    for key in _values(attrs):
        attrs.pop(key)
    attrs.update(unstated)
    attrs.update(_fold(kept, None))
    if len(kept) > 1:
        attrs[BY_ROUND] = kept
    else:
        del attrs[BY_ROUND]
