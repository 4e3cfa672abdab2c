"""Small checked word lists of `vocab_extra`: one- or two-word entries, and tables of group
types (each type one `lokgraph.codes.GROUP_TYPES` knows, or an error naming the heading).

>>> words({"w": ["På väg", "Redan"]}, "w") == frozenset({"pa vag", "redan"})
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lokgraph.codes import GROUP_TYPES
from lokgraph.errors import InputError

from .terms import _fold

__all__ = ["group_typed", "phrase_words", "prefix_typed", "words"]


def words(members: Mapping[str, Any], key: str) -> frozenset[str]:
    """A list of one- or two-word entries, folded, with single spaces."""
    return frozenset(" ".join(_fold(w) for w in str(e).split()) for e in members.get(key) or ())


def group_typed(section: Any, source: str) -> tuple[tuple[str, str], ...]:
    """(stem, group type) pairs from ``members: place_group_types``, each type a known one."""
    if not isinstance(section, dict):
        raise InputError("'members: place_group_types' must map stems to group types", where=source)
    for kind in section.values():
        if str(kind) not in GROUP_TYPES:
            raise InputError(
                f"unknown group type {kind!r} under 'members: place_group_types'",
                where=source,
                fix="Use one of " + ", ".join(GROUP_TYPES),
            )
    return tuple((_fold(str(k)), str(t)) for k, t in section.items())


def prefix_typed(section: Any, source: str) -> tuple[tuple[str, str], ...]:
    """(first part, group type) pairs from ``group_compounds: prefix_types``, types known."""
    where = "'group_compounds: prefix_types'"
    if not isinstance(section, dict):
        raise InputError(f"{where} must map group types to first parts", where=source)
    out = []
    for kind, parts in section.items():
        if str(kind) not in GROUP_TYPES:
            raise InputError(
                f"unknown group type {kind!r} under {where}",
                where=source,
                fix="Use one of " + ", ".join(GROUP_TYPES),
            )
        out += [(_fold(str(w)), str(kind)) for w in parts or ()]
    return tuple(out)


def phrase_words(section: Mapping[str, Any]) -> tuple[Any, ...]:
    """``group_compounds: phrases`` (`phrase_groups`): the group heads, the adjective endings,
    the words with such an ending that are no adjective of a group ("olika"), and the copulas
    after which the phrase describes a group ("är ett välfungerande team")."""
    return (
        words(section, "heads"),
        tuple(_fold(str(w)) for w in section.get("endings") or ()),
        words(section, "not_adjectives"),
        words(section, "copulas"),
    )
