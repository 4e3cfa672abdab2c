"""A group named by the role of the people in it names its members: "skolchefsnätverket",
"Socialchefsgruppen", "rektorsgruppen" are groups of the chiefs of one service, so that
service is a member of the group at its level (chiefs: strategisk, from the compound's first
part; `compounds`). The rule is over the word: a group word that opens with a party word
(``parties``) and holds a role word (``members.roles``: "*chef*", "rektor*") names the party.
A group word that only opens with a party ("BUP-teamet", "elevhälsoteamet") is a unit or team
of it, not a group of its people, and names no member here; nor does a group that something
goes or belongs to (``members.role_receivers``: "hör till skolchefsnätverket").

>>> from loaders.extract import extract_text
>>> found = extract_text("Frågan togs upp i socialchefsnätverket i maj.", source="t")
>>> [(f.kind, f.party, f.group_type, f.level) for f in found if f.kind != "unplaced"]
[('group', None, 'natverk', 'strategisk'), ('member', 'SOCIALTJANST', 'natverk', 'strategisk')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lokgraph.facts import Fact

from .spans import _find, _folded_words, _resolve
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .reading import _Reading

__all__ = ["role_members"]


def role_members(reading: _Reading, v: Vocabulary, base: Any, known: list[Fact]) -> list[Fact]:
    """Member facts for the party of each group word named by its people's role, in that
    group (``known``: the sentence's facts so far, which keep a party they already place)."""
    out: list[Fact] = []
    placed = {f.party for f in known if f.kind in ("member", "absent")}
    for g in reading.groups:
        word = g.hit_text
        if not word or not _find(v.roles, word):
            continue
        first = [h for h in _resolve(_find(v.parties, word, "party")) if h.start == 0]
        if not first or first[0].key in placed or _received(reading.text, g.hit.start, v):
            continue
        placed.add(first[0].key)
        out.append(
            Fact(
                kind="member",
                party=first[0].key,
                group_type=g.group_type,
                level=g.level,
                group_name=g.name,
                **base,
            )
        )
    return out


def _received(text: str, start: int, v: Vocabulary) -> bool:
    """Whether the group word is what something goes or belongs to ("hör till
    skolchefsnätverket", "skickas till länets socialchefsgrupp"): a receiver, whose people
    are no members of what the sentence tells (tests/realtext/README.md: receivers are not
    members). One genitive or determiner may stand between ("till förbundets …")."""
    words = [w for w, _, _ in _folded_words(text[:start])[0]][-2:]
    if words and words[-1] in v.extra.role_receivers:
        return True
    return len(words) == 2 and words[0] in v.extra.role_receivers
