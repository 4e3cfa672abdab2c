"""The services of one family centre, read from how a page about it lists them.

A page about one family centre names its services in many ways, mostly without a member
word: "På bottenvåningen finns mödravårdscentral, barnavårdscentral och öppen förskola",
"Familjecentralen har också mödrahälsovård och socialtjänst", "… med sina fyra grundstenar:
barnhälsovård, mödravård, socialtjänst och öppna förskolan", "Barnhälsovård och öppen förskola
håller öppet som vanligt", or by its staff ("Här träffar du barnmorska, förskollärare och
socionom"). The rule is over the document, not the verb: in a document whose group is a
family centre, a sentence that names no other group and lists two or more of the centre's
services (``members.centre_services``, its staff under ``members.centre_staff`` standing
for their service) names members of the centre (tests/realtext/README.md, "Family centres and
barnahus"). A sentence that opens at another place ("På vårdcentralen finns …"; a part of the
house, ``members.place_parts``, is no other place) does not, and the later passes still drop
a centre in general or in plans (`generic_places`), topics, absences and sides.

>>> from loaders.extract import extract_text
>>> text = ("Familjecentralen Solgården fyller fem år.\\n\\n"
...         "På bottenvåningen finns barnmorska, BVC och öppen förskola.")
>>> sorted(f.party for f in extract_text(text, source="t") if f.kind == "member")
['BVC', 'FORSKOLA', 'MVC']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .basis import basis_sentence
from .joint_work import _in_list_of
from .spans import _find, _Hit, _overlaps, _resolve
from .terms import _fold
from .triggers import triggered_by
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .context import _Context
    from .groups import _GroupMention
    from .reading import _Reading

__all__ = ["centre_members", "staff_hits"]

_FIRST = re.compile(r"\s*(\w+)\s+(\w+)")
_WORDS = re.compile(r"\w+")
_NAME = re.compile(r"\s+([A-ZÅÄÖ][\w-]+)")
CENTRE = "familjecentral"


@triggered_by("extra.centre_staff", empty=list)
def staff_hits(text: str, v: Vocabulary) -> list[_Hit]:
    """The staff words of a sentence as party hits of the service they stand for.

    >>> from loaders.extract import load_vocabulary
    >>> [h.key for h in staff_hits("Här arbetar barnmorskor och en socionom.", load_vocabulary())]
    ['MVC', 'SOCIALTJANST']
    """
    return _resolve(_find(v.extra.centre_staff, text, "party"))


def centre_members(
    reading: _Reading, last_group: _GroupMention | None, ctx: _Context, v: Vocabulary
) -> None:
    """Add the centre's services a document sentence lists to its members (in place).

    ``last_group`` is the document's group before this sentence; the sentence must name the
    centre or stand after it, name no other group and list two services or more. From the
    sentence that names an agreement or a declaration of intent on, the document lists what
    it covers (sides of an agreement are no members), and the rule is off; so it is while the
    document has spoken of its centre only as a plan (`planned_places`)."""
    _note_names(reading, ctx)
    if ctx.centre_agreed or reading.agreement or _find(v.extra.side_documents, reading.text):
        ctx.centre_agreed = True
        return
    if ctx.place_plan and not ctx.place_exists:  # a centre only planned so far (planned_places)
        return
    here = [g.group_type for g in reading.groups]
    if any(t != CENTRE for t in here):
        return
    if not here and (last_group is None or last_group.group_type != CENTRE):
        return
    text = reading.text
    if _elsewhere(reading, ctx, v) or _not_this_centre(text, v) or basis_sentence(text, v):
        return
    taken = [(p.start, p.end) for p in reading.parties]
    staff = [h for h in staff_hits(text, v) if not _overlaps(h, taken)]
    if reading.member_cues:  # member words decide there ("Här möts BVC och familjestödet")
        reading.parties = reading.parties + staff  # (after the others: absences index them)
        return
    absent = {reading.parties[i].key for i in reading.absent}
    everyone = reading.parties + staff
    named = [
        p
        for p in everyone
        if p.key not in absent
        and (p.start, p.end) not in reading.topics
        and p.key != "FAMILJECENTRAL"
    ]
    services = [p for p in named if p.key in v.extra.centre_services]
    if len({p.key for p in services}) < 2:
        return
    # other services in one list with them are the centre's too ("barnhälsovård,
    # barnmorskemottagning och ungdomsmottagning"), not one named apart ("från en vårdcentral")
    ordered = sorted(named, key=lambda h: h.start)
    listed = [
        p
        for j, p in enumerate(ordered)
        if p in services
        or any(_in_list_of(text, ordered, j, (q.start, q.end), v) for q in services)
    ]
    reading.parties = everyone
    reading.member_spans = reading.member_spans + [(p.start, p.end) for p in listed]


def _note_names(reading: _Reading, ctx: _Context) -> None:
    """Remember the proper name right after a centre word ("familjecentralen Lönnen"): a
    sentence that opens at it ("I Lönnen finns …") is at the centre."""
    for g in reading.groups:
        if g.group_type == CENTRE:
            m = _NAME.match(reading.text[g.hit.end :])
            if m:
                ctx.centre_names = ctx.centre_names | {_fold(m.group(1))}


def _not_this_centre(text: str, v: Vocabulary) -> bool:
    """Whether the sentence speaks of a centre still to come ("Kärnan i familjecentralen blir
    …") or of centres in general: the centre word without a definite ending ("För att kallas
    familjecentral krävs …", "alla familjecentraler har …").

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> _not_this_centre("Alla familjecentraler har BVC och MVC.", v)
    True
    >>> _not_this_centre("Familjecentralen har BVC och MVC.", v)
    False
    """
    words = [_fold(w) for w in _WORDS.findall(text)]
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    future = v.extra.centre_future
    if any(w in future or w in v.extra.place_irrealis for w in words) or any(
        p in future for p in pairs
    ):
        return True  # ("kommer att öppna"; but "barnmorskan kommer varannan vecka" is a visit)
    stem = v.extra.place_generic_stem
    return any(w.startswith(stem) and w[len(stem) :] in ("", "s", "er", "ers") for w in words)


def _elsewhere(reading: _Reading, ctx: _Context, v: Vocabulary) -> bool:
    """Whether the sentence opens at a place other than the centre ("På vårdcentralen finns
    …"), not at a part of its house ("På bottenvåningen finns …") or the centre itself (its
    word or its name: "I Lönnen finns …")."""
    text = reading.text
    m = _FIRST.match(text)
    if m is None or _fold(m.group(1)) not in v.grammar.colocation_prepositions:
        return False
    if _fold(m.group(2)) in ctx.centre_names:
        return False
    if any(g.hit.start == m.start(2) for g in reading.groups):
        return False  # "På familjecentralen samlas …"
    part = [h for h in _find(v.extra.place_parts, text) if h.start == m.start(2)]
    return not part
