"""Services at one place: the members of a familjecentral (or another joint place) read from
the words that say the services work there ("finns", "arbetar", "under samma tak")."""

from __future__ import annotations

import re

from .groups import _GroupMention
from .spans import _find, _Hit
from .terms import _fold
from .vocabulary import Vocabulary

__all__ = ["CENTRE", "colocation_cues", "at_the_place", "defines"]

#: the party whose word, in a document about the place, names the family centre itself: its
#: other mentions are the centre, not a party (an elevhälsoteam keeps its staff as members:
#: "Elevhälsoteamet består av rektor, skolsköterska och kurator")
CENTRE = "FAMILJECENTRAL"


def defines(text: str, v: Vocabulary) -> bool:
    """Whether a sentence says what a family centre is in general ("En familjecentral samlar
    …", "Med familjecentral menas …"): its services are no members of one (README)."""
    return bool(_find(v.extra.definitions, text))


def colocation_cues(
    text: str,
    parties: list[_Hit],
    colocated: _GroupMention | None,
    groups: list[_GroupMention],
    previous: _GroupMention | None,
    refers_back: bool,
    document: bool,
    v: Vocabulary,
) -> list[_Hit]:
    """The words of a sentence that make its services members of a place.

    After the place in the same sentence ("På familjecentralen arbetar BVC och MVC", and so
    at a barnahus: "På barnahuset finns åklagare, socialtjänsten och BUP"), or, in a
    document about a familjecentral, in a sentence that refers back to it ("Där finns …"),
    that says the services share rooms ("… finns i samma lokaler") or that lists two services
    or more with such a word ("Mödrahälsovård, barnhälsovård och öppen förskola arbetar
    tillsammans för familjerna").
    """
    # (each list on its own: a new tuple would be a new list to the prefilter's caches)
    place = next((g for g in groups if _is_place(g, v)), None) if colocated is None else None
    if place is not None:  # "På barnahuset finns åklagare, socialtjänsten och BUP"
        words = _find(v.colocation, text) + _find(v.colocation_strong, text)
        before = re.search(r"(\w+)\s+$", text[: place.hit.start])
        if before and _fold(before.group(1)) in v.grammar.colocation_prepositions:
            return [_member(c) for c in words if c.start >= place.hit.end]
    if colocated is None and not (
        document and previous is not None and previous.group_type == "familjecentral"
    ):
        return []
    words = _find(v.colocation, text) + _find(v.colocation_strong, text)
    if colocated is not None:
        return [_member(c) for c in words if c.start >= colocated.hit.end]
    if not (document and previous is not None and previous.group_type == "familjecentral"):
        return []
    # (not "I sjukhuset finns BVC och MVC": a sentence that opens at another place)
    first = re.match(r"\s*(\w+)", text)
    elsewhere = first is not None and _fold(first.group(1)) in v.grammar.colocation_prepositions
    listed = (
        len({p.key for p in parties}) >= 2
        and words
        and not groups
        and not elsewhere
        and not _broken(text, words[0], parties, v)
    )
    pointed = bool(parties) and words and not groups and not elsewhere and _points_back(text, v)
    if refers_back or _find(v.colocation_strong, text) or listed or pointed:
        return [_member(c) for c in words]
    return []


def _is_place(g: _GroupMention, v: Vocabulary) -> bool:
    """Whether a group is a joint place other than a familjecentral: a word on a stem of
    ``members.place_stems`` ("barnahuset") that gives no familjecentral."""
    word = _fold(g.hit_text)
    return g.group_type != "familjecentral" and any(
        word.startswith(stem) for stem in v.extra.place_stems
    )


def at_the_place(
    text: str, parties: list[_Hit], place: _GroupMention | None, v: Vocabulary
) -> list:
    """Spans of the services named right before the place ("Barnmorskemottagningen på
    Familjens hus"): members of it."""
    if place is None:
        return []
    out = []
    for p in parties:
        gap = text[p.end : place.hit.start]
        m = re.fullmatch(r"\s+(\w+)\s+", gap)
        if m and _fold(m.group(1)) in v.grammar.colocation_prepositions:
            out.append((p.start, p.end))
    return out


def _broken(text: str, cue: _Hit, parties: list[_Hit], v: Vocabulary) -> bool:
    """Whether a preposition stands between the colocation word and the first service after it
    ("finns pengar … fördelade mellan socialnämnden och …": the services are not the ones
    that are there)."""
    after = [p for p in parties if p.start >= cue.end]
    if not after:
        return False
    gap = text[cue.end : after[0].start]
    return any(_fold(w) in v.extra.colocation_breaks for w in re.findall(r"\w+", gap))


def _points_back(text: str, v: Vocabulary) -> bool:
    """Whether a word of the sentence refers back to the place ("bemannas den av …")."""
    return any(_fold(w) in v.extra.place_pronouns for w in re.findall(r"\w+", text))


def _member(c: _Hit) -> _Hit:
    return _Hit("member", c.start, c.end, c.term, 0, "member")
