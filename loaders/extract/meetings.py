"""Meetings as groups: a word for a meeting ("SIP-mötet", "SIP-arbetet", ``members.meeting_groups``)
names a group of its own only where the document says who takes part in it (tests/realtext/
README.md: "Examples of who meets … are members of that meeting's group at its level"); named
without members ("Teamet kan leda SIP-möten") it is no group, nor with only partners that have
no party code ("Vi samarbetar med regionen och blir ett team": the region as a whole).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lokgraph.facts import Fact

from .spans import _find
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .context import _Context
    from .groups import _GroupMention

__all__ = ["is_meeting", "note_meeting", "without_empty_meetings"]


def is_meeting(g: _GroupMention, v: Vocabulary) -> bool:
    """Whether a group was named by a meeting word.

    >>> from loaders.extract import load_vocabulary
    >>> from loaders.extract.groups import _GroupMention
    >>> from loaders.extract.spans import _Hit
    >>> v = load_vocabulary()
    >>> is_meeting(_GroupMention(_Hit("sip_samverkan", 0, 9), "sip_samverkan", "individ", None,
    ...                          hit_text="SIP-mötet"), v)
    True
    """
    word = g.hit_text
    return any(h.start == 0 and h.end == len(word) for h in _find(v.extra.meeting_groups, word))


def note_meeting(g: _GroupMention, ctx: _Context, v: Vocabulary) -> None:
    """Remember whether a group of the document is named only by meeting words."""
    key = (g.group_type, g.name)
    (ctx.meetings if is_meeting(g, v) else ctx.firm_groups).add(key)


def without_empty_meetings(facts: list[Fact], ctx: _Context) -> list[Fact]:
    """The facts without the group facts of meetings that no member with a party code takes
    part in."""
    empty = {
        key
        for key in ctx.meetings - ctx.firm_groups
        if not any(
            f.kind == "member" and f.party and (f.group_type, f.group_name) == key for f in facts
        )
    }
    if not empty:
        return facts
    return [f for f in facts if not (f.kind == "group" and (f.group_type, f.group_name) in empty)]
