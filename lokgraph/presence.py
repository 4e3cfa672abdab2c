"""How present a party is in a kommun: the one reading the gap queries, the matrix and the
report share, so that they can never disagree.

A party's links in a kommun are its edges into the groups that serve the kommun and into the
kommun's LÖK: (relation, group_type) with relation ``member``, ``partial`` or ``absent`` and
group_type None for the agreement. Its presence is

- ``member`` when it is a full member of a named kind of group or party to the LÖK (or a full
  member of a generic ``samverkan`` group, unless it is also partial somewhere and reported
  absent: "Kommunen har medverkan från … BUP" does not outweigh "BUP deltar bara i vissa
  delar" and "svårt att få med BUP");
- ``partial`` when it takes part only some of the time;
- ``absent`` when a source reports it missing and it takes part nowhere;
- ``none`` when nothing is recorded.

A **partial gap** is a partial presence that a source also reports absent or hard to engage:
the planner reads it as a gap in specialist participation, with both quotes.

>>> presence([("partial", "arbetsgrupp"), ("member", "samverkan"), ("absent", None)])
'partial'
>>> is_partial_gap([("partial", "arbetsgrupp"), ("member", "samverkan"), ("absent", None)])
True
>>> presence([("partial", "arbetsgrupp"), ("member", "styrgrupp"), ("absent", None)])
'member'
>>> presence([("member", "samverkan")]), presence([("absent", None)]), presence([])
('member', 'absent', 'none')
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["GENERIC_GROUP_TYPES", "PRESENCES", "is_partial_gap", "presence"]

#: group types that say only "they collaborate", not in what kind of group
GENERIC_GROUP_TYPES: frozenset[str] = frozenset({"samverkan"})
#: the presences, strongest first
PRESENCES: tuple[str, ...] = ("member", "partial", "absent", "none")

Link = tuple[str, "str | None"]


def presence(links: Iterable[Link]) -> str:
    """The presence of a party from its links (see the module docstring)."""
    relations = list(links)
    full = [gt for rel, gt in relations if rel == "member"]
    partial = any(rel == "partial" for rel, _ in relations)
    absent = any(rel == "absent" for rel, _ in relations)
    if any(gt not in GENERIC_GROUP_TYPES for gt in full):
        return "member"
    if full and not (partial and absent):
        return "member"
    if partial or full:
        return "partial"
    return "absent" if absent else "none"


def is_partial_gap(links: Iterable[Link]) -> bool:
    """Whether a party is present only partly and also reported absent or hard to engage."""
    relations = list(links)
    return presence(relations) == "partial" and any(rel == "absent" for rel, _ in relations)
