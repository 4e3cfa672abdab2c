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
barnahus"). So does a sentence that names one of them in the singular ("Verksamheten fungerar
som en öppen förskola", "BVC har mottagning där två dagar i veckan"), outside a
roster line: the service in the plural is services in general or elsewhere ("Regionen har
barnavårdscentraler där …", "I kommunen finns sju öppna förskolor"), a contact line names a
person's unit, and one the kommun acts on ("Kommunen lägger ner den öppna förskolan") or that
stands after a preposition ("pengar delade mellan socialnämnden och …") is not one that works
there. A sentence that opens at another place ("På vårdcentralen finns …"; a part of the
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
_WORD_END = re.compile(r"[\w-]*")
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
    reading: _Reading,
    last_group: _GroupMention | None,
    ctx: _Context,
    v: Vocabulary,
    roster: bool = False,
) -> None:
    """Add the centre's services a document sentence lists to its members (in place).

    ``last_group`` is the document's group before this sentence; the sentence must name the
    centre or stand after it, name no other group and list two services or more, or name one
    in the singular when it is no ``roster`` line. From the
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
    if not services:
        return
    if len({p.key for p in services}) == 1:  # one service: in the singular, named alone
        if roster or any(_plural(text, p, v) for p in services if p not in staff):
            return
        if any(k.start < services[0].start for k in reading.own_kommun):
            return  # the kommun acts on the service ("Kommunen lägger ner den öppna förskolan")
        if _after_preposition(text, services[0], v):
            return  # something else's ("pengar fördelade mellan socialnämnden och …")
        reading.parties = everyone
        reading.member_spans = reading.member_spans + [(p.start, p.end) for p in services]
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


def _plural(text: str, hit: _Hit, v: Vocabulary) -> bool:
    """Whether a service is named in the plural: the word the hit ends in ("förskolor",
    "BVC-grupper" are plural; "öppna förskolan", "BVC" are not).

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> text = "Här finns öppna förskolor och BVC."
    >>> [_plural(text, h, v) for h in (_Hit("FORSKOLA", 10, 24), _Hit("BVC", 29, 32))]
    [True, False]
    """
    end = _WORD_END.match(text, hit.end)
    word = text[hit.start : end.end() if end else hit.end]
    return bool(v.grammar.any_plural.search(_fold(word)))


def _after_preposition(text: str, hit: _Hit, v: Vocabulary) -> bool:
    """Whether a preposition of ``members.colocation_breaks`` stands right before the service
    (or before its article): the service is something else's, not one that is there.

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> _after_preposition("Pengarna delas mellan socialnämnden och skolan.", _Hit("S", 23, 36), v)
    True
    >>> _after_preposition("På torsdagar har BVC öppet.", _Hit("BVC", 17, 20), v)
    False
    """
    before = [_fold(w) for w in _WORDS.findall(text[: hit.start])][-2:]
    return any(w in v.extra.colocation_breaks for w in before)


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
