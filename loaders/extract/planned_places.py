"""Family centres and barnahus only planned: a document that speaks of its centre as a plan and
never as one that exists gives no group for it (tests/realtext/README.md, "Family centres
and barnahus": a centre that is only planned gives no group and no member). Each centre stem
(``members.place_stems``: "familjecentr", "barnahus") is read on its own, and gives the group
type ``members.place_group_types`` names for it.

The document is read as a whole, in the sentences (headings too) with a centre word
(``members.place_stems``). Two signs, read from the words, not from phrases:

- a plan: a word of a plan (``place_plans``: "avsiktsförklaring", "planeras", "etablering",
  "på väg"), or a modal word (``place_modals``: "ska", "vill", "att") up to three words
  before a start verb (``place_start_verbs``: "ska tillsammans öppna", "om att starta");
- a centre that exists: a word of a past opening or of lasting (``place_exists``:
  "invigdes", "firar", "funnits", "redan"), or "finns" with a word of now (``place_exists_finns``:
  "finns i dag"); a sentence about other places (``place_elsewhere``: "i sju av länets
  kommuner", "på andra håll") tells nothing about this one.

When the document has a plan and no centre that exists, its familjecentral groups go; the
members read into the centre become members of no group (level null) where their sentence
says they work together (``place_joint``: "Familjecentralen är ett samarbete mellan …"), and
go otherwise (what the centre shall hold, a description of centres in general). In a
document whose centre exists, a sentence that plans another one ("Det är dags att öppna
ytterligare en familjecentral med öppen förskola") still names no members. A sentence left
without a fact is kept as an unplaced fact.

>>> from loaders.extract.vocabulary import load_vocabulary
>>> v = load_vocabulary()
>>> place_tense("Kommunen och regionen ska tillsammans öppna en familjecentral.", v)
(True, False)
>>> place_tense("Familjecentralen invigdes i maj.", v)
(False, True)
>>> place_tense("Familjecentraler finns redan i sju av länets kommuner.", v)
(False, False)
>>> place_tense("Där ska öppna förskolan och BVC finnas.", v)
(False, False)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lokgraph.facts import Fact

from .spans import _words
from .terms import _fold
from .triggers import triggered_by
from .unplaced import with_unplaced
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .context import _Context

__all__ = ["note_place_tense", "place_tense", "without_planned_places"]

#: how many words a start verb may stand after its modal word ("ska tillsammans med regionen öppna")
_REACH = 3


@triggered_by("extra.place_stems", empty=lambda: (False, False))
def place_tense(text: str, v: Vocabulary) -> tuple[bool, bool]:
    """(plan, exists): whether a sentence with a centre word speaks of a planned centre, and
    whether of one that exists here."""
    words = [_fold(w) for w, _, _ in _words(text)]
    x = v.extra
    if not any(s in w for w in words for s in x.place_stems):
        return False, False
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    elsewhere = _any(words, pairs, x.place_elsewhere)
    exists = not elsewhere and (
        _any(words, pairs, x.place_exists)
        or ("finns" in words and _any(words, pairs, x.place_exists_finns))
    )
    plan = _any(words, pairs, x.place_plans) or any(
        w in x.place_modals and _starts(words[i + 1 : i + 1 + _REACH], words, i, v)
        for i, w in enumerate(words)
    )
    return plan, exists


def note_place_tense(text: str, ctx: _Context, v: Vocabulary) -> None:
    """Remember what a sentence of the document says of its centres (see `place_tense`), per
    centre stem it names."""
    plan, exists = place_tense(text, v)
    if not (plan or exists):
        return
    low = _fold(text)
    for stem in v.extra.place_stems:
        if stem in low:
            if plan:
                ctx.place_plan.add(stem)
            if exists:
                ctx.place_exists.add(stem)


def without_planned_places(facts: list[Fact], ctx: _Context, v: Vocabulary) -> list[Fact]:
    """The facts of a document, without the centre it only plans (see the module)."""
    if not ctx.place_plan:
        return facts
    out: list[Fact] = []
    dropped: list[Fact] = []
    for f in facts:
        stem = _centre_of(f, v)
        planned = stem in ctx.place_plan and stem not in ctx.place_exists
        if stem is None or f.kind not in ("group", "member") or stem not in ctx.place_plan:
            out.append(f)
        elif not planned and (f.kind == "group" or not place_tense(f.quote, v)[0]):
            out.append(f)  # a centre that exists, but not the one a sentence plans beside it
        elif planned and f.kind == "member" and _joint(f.quote, v):
            out.append(f.model_copy(update={"group_type": None, "group_name": None, "level": None}))
        else:
            dropped.append(f)
    return with_unplaced(out, dropped)


def _centre_of(f: Fact, v: Vocabulary) -> str | None:
    """The centre stem a group or member fact is about: by its group type where the type is
    named by the stem ("familjecentral"), else ("barnahus", a samverkansgrupp) where the fact's
    sentence has the stem's word."""
    low: str | None = None
    for stem, kind in v.extra.place_group_types:
        if f.group_type != kind:
            continue
        if kind.startswith(stem):
            return stem
        low = _fold(f.quote) if low is None else low
        if stem in low:
            return stem
    return None


def _starts(after: list[str], words: list[str], i: int, v: Vocabulary) -> bool:
    x = v.extra
    for j, w in enumerate(after):
        if w in x.place_start_verbs:
            k = i + 1 + j + 1
            return k >= len(words) or words[k] not in x.place_start_not_before
    return False


def _joint(text: str, v: Vocabulary) -> bool:
    """Whether a sentence says its services work together, not what a centre in general or
    a planned one holds ("I en familjecentral finns …", "Där ska …")."""
    words = [_fold(w) for w, _, _ in _words(text)]
    if any(w in v.extra.place_irrealis for w in words):
        return False
    lead = v.extra.place_generic_lead
    i = 0
    while i < len(words) and words[i] in lead:
        i += 1
    stem = v.extra.place_generic_stem
    if i and i < len(words) and words[i] in (stem, stem + "er"):
        return False
    return any(w in v.extra.place_joint for w in words)


def _any(words: list[str], pairs: list[str], cues: frozenset[str]) -> bool:
    return any(w in cues for w in words) or any(p in cues for p in pairs)
