"""Dissolved groups: a group the document says is dissolved or closed down gives no group and
no member (tests/realtext/README.md, "A dissolved group gives no group and no member").

A group is dissolved when a sentence that names it (or refers back to it, `document`'s
mentions) has a word that ends it (``members.group_ended``: "upplöst", "avvecklades", "lades
ned"), or "finns" with a word of no longer (``group_ended_finns``: "finns inte längre kvar")
and no party (not "BUP finns inte längre med i gruppen", an absence). A sentence that also
forms a new group (``group_ended_new``: "upplöstes och ersattes av en ny") tells nothing about
which one is left. The group's member facts go with it; a sentence left without a fact is kept
as an unplaced fact.

>>> from loaders.extract.vocabulary import load_vocabulary
>>> v = load_vocabulary()
>>> ends_group("Styrgruppen upplöstes vid årsskiftet.", v)
True
>>> ends_group("I juni finns styrgruppen inte längre kvar.", v)
True
>>> ends_group("BUP finns inte längre kvar i styrgruppen.", v)
False
>>> ends_group("Nätverket lades ned och ersattes av ett nytt forum.", v)
False
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lokgraph.facts import Fact

from .spans import _find, _words
from .terms import _fold
from .triggers import triggered_by
from .unplaced import with_unplaced
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .context import _Context

__all__ = ["ends_group", "without_ended_groups"]


@triggered_by("extra.group_ended", "extra.group_ended_finns", empty=lambda: False)
def ends_group(text: str, v: Vocabulary) -> bool:
    """Whether a sentence about a group says it is dissolved (see the module)."""
    words = [_fold(w) for w, _, _ in _words(text)]
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    x = v.extra
    if _any(words, pairs, x.group_ended_new):
        return False
    if _any(words, pairs, x.group_ended):
        return True
    return (
        "finns" in words
        and _any(words, pairs, x.group_ended_finns)
        and not _find(v.parties, text, "party")
    )


def without_ended_groups(facts: list[Fact], ctx: _Context, v: Vocabulary) -> list[Fact]:
    """The facts of an answer or a document without the groups it says are dissolved."""
    ended: set[tuple[str | None, str | None]] = set()
    for f in facts:
        if f.kind != "group":
            continue
        key = (f.group_type, f.group_name)
        said = [f.quote, *ctx.mentions.get((str(f.group_type), f.group_name), ())]
        if key not in ended and any(ends_group(s, v) for s in said):
            ended.add(key)
    if not ended:
        return facts
    kept: list[Fact] = []
    dropped: list[Fact] = []
    for f in facts:
        gone = f.kind in ("group", "member") and (f.group_type, f.group_name) in ended
        (dropped if gone else kept).append(f)
    return with_unplaced(kept, dropped)


def _any(words: list[str], pairs: list[str], cues: frozenset[str]) -> bool:
    return any(w in cues for w in words) or any(p in cues for p in pairs)
