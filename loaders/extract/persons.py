"""People from a service in a group: a sentence about a group that names a person by role and
the service they come from ("I gruppen finns en kurator från elevhälsan och en socionom från
socialtjänsten", "Stommen i teamet är en specialpedagog från skolan", "Nätverkets medlemmar
är chefer inom barn och unga från socialtjänsten") says the service takes part, whatever verb
it has: GLOSSARY.md counts services, and a person in a group stands for theirs.

The rule is over the noun phrase: a role (``members.roles``, ``members.roster_roles``), at most
`REACH` words without a verb (``grammar.verbs``) or a clause break, then a preposition of
``grammar.person_of`` ("från", "inom", "på" …) right before the service; a service joined to
such a one by a list word only ("personal från skolan och BUP") is one too. The person is
what the group has or is: after a verb of ``grammar.verbs`` ("består av", "är", "finns") or
in a sentence that opens with the group ("I gruppen sitter …"), not a subject who acts or
speaks ("Verksamhetschefen på vårdcentralen ser samarbetet som …"). Only a sentence that names
a group, or refers to the one named before ("I gruppen …", "… i teamet …"), is read; its
absent services, topics and places stay as they are.

>>> from loaders.extract import extract_text
>>> text = "Styrgruppen\\n\\nI gruppen finns en kurator från elevhälsan och en socionom från IFO."
>>> sorted((f.party, f.group_type) for f in extract_text(text, source="t") if f.kind == "member")
[('ELEVHALSA', 'styrgrupp'), ('SOCIALTJANST', 'styrgrupp')]
>>> [f.kind for f in extract_text("En kurator från elevhälsan kommer på besök.", source="t")]
['unplaced']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .spans import _find, _folded_words
from .triggers import triggered_by
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .groups import _GroupMention
    from .reading import _Reading

__all__ = ["REACH", "person_members"]

#: how many words may stand between a role and the preposition before its service
REACH = 6


@triggered_by("roles", "extra.roster_roles", empty=bool)
def person_members(
    reading: _Reading, text: str, previous: _GroupMention | None, v: Vocabulary
) -> bool:
    """Add the services that people of a group sentence come from to its members (in place);
    whether it added any."""
    if not (reading.groups or _refers(text, previous, v)):
        return False
    opens = _opens_with_place(text, v)  # "I gruppen sitter …", "Där arbetar …"
    roles = [
        (h.start, h.end)
        for h in _find(v.roles, text) + _find(v.extra.roster_roles, text)
        if opens or _after_verb(text, h.start, v)
    ]
    if not roles:
        return False
    spans: list[tuple[int, int]] = []
    last: Any = None
    for j, p in enumerate(reading.parties):
        if j in reading.absent or (p.start, p.end) in reading.topics:
            last = None
            continue
        if _from_role(text, p.start, roles, v) or (last is not None and _listed(text, last, p, v)):
            spans.append((p.start, p.end))
            last = p
        else:
            last = None
    if spans:
        reading.member_spans = reading.member_spans + spans
    return bool(spans)


def _after_verb(text: str, at: int, v: Vocabulary) -> bool:
    """Whether a verb of ``grammar.verbs`` stands before ``at``: the person is what the group
    has or is ("Teamet består av en pedagog från …"), not the subject who acts or speaks
    ("Verksamhetschefen på vårdcentralen ser samarbetet som …")."""
    return any(w in v.grammar.verbs for w, _, _ in _folded_words(text[:at])[0])


def _opens_with_place(text: str, v: Vocabulary) -> bool:
    """Whether the sentence opens with the group as a place ("I gruppen", "Där"), not as the
    subject ("Gruppen lyder under …")."""
    if not v.grammar.refers_back.match(text):
        return False
    first = _folded_words(text[:12])[0][:1]
    return bool(first) and (
        first[0][0] in v.grammar.colocation_prepositions or first[0][0] in v.extra.place_pronouns
    )


def _refers(text: str, previous: _GroupMention | None, v: Vocabulary) -> bool:
    """Whether the sentence speaks of the group named before ("I gruppen", "… i teamet")."""
    if previous is None:
        return False
    return bool(v.grammar.refers_back.match(text) or _find(v.extra.group_references, text))


def _from_role(text: str, at: int, roles: list[tuple[int, int]], v: Vocabulary) -> bool:
    """Whether a preposition of ``grammar.person_of`` stands right before ``at`` and a role
    within `REACH` words before it, with no verb or clause break between."""
    for _start, end in roles:
        if end > at or at - end > 120:
            continue
        gap = text[end:at]
        if any(c in gap for c in ".;:") or ", " in gap.rstrip(", "):
            continue
        words = [w for w, _, _ in _folded_words(gap)[0]]
        if not words or words[-1] not in v.grammar.person_of or len(words) > REACH:
            continue
        if not any(w in v.grammar.verbs for w in words):
            return True
    return False


def _listed(text: str, before: Any, p: Any, v: Vocabulary) -> bool:
    """Whether only a comma or a list word stands between two services."""
    words = [w for w, _, _ in _folded_words(text[before.end : p.start])[0]]
    return len(words) <= 1 and all(w in v.grammar.list_joiners for w in words)
