"""Services that do something together, said without a member word: a concrete collaboration
with no group (tests/realtext/README.md, "A concrete collaboration without a group" gives
members at level null).

Real pages say it with a word of jointness, not of membership: "Projektet ägs gemensamt av
socialkontoret och utbildningskontoret", "… en satsning som elevhälsan, grundskolan och
socialtjänsten äger tillsammans", "Socialtjänsten har tillsammans med skolan tagit fram …",
"BVC och förskolan gör gemensamma hembesök", or with a verb of collaboration that a list or a
"med" stands away from ("I kommunen samarbetar socialtjänsten nära med skola och BUP",
"Under året började förvaltningarna och BVC samverka"). The rule is over the clause: a clause
with such a word (``members.joint_words``, a ``members.joint_adjectives`` word before a noun
of work, ``members.joint_works``, or a verb of ``members.collaboration_verbs`` not after
"att") and two services or more names them as members, in a sentence that no other member
rule placed. Before a partner ("tillsammans med Y") and for a verb, a service must be the
one that does it (before the word, or right after the verb); otherwise the sentence describes
a duty ("- samverkar med socialtjänst och BUP" in a list of what a service does) or persons
("… klipptes av X tillsammans med ordförandena för …"). A duty, need, wish, task or plan
(``members.joint_modals``: "ska", "behöver", "önskemål", "uppdrag" …, or "att" right before
the word) names none, nor does a topic ("rutiner för samverkan med …") or a question a
document describes or audits (``members.joint_topics``: "beskriver hur X och Y samverkar").

>>> from loaders.extract import extract_text
>>> text = "Skolan och socialtjänsten driver projektet tillsammans."
>>> [(f.party, f.level) for f in extract_text(text, source="t") if f.kind == "member"]
[('SKOLA', None), ('SOCIALTJANST', None)]
>>> [f.kind for f in extract_text("Skolan och socialtjänsten ska arbeta tillsammans.", source="t")]
['unplaced']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lokgraph.facts import Fact

from .clauses import _clause_of
from .spans import _find, _folded_words, _resolve
from .triggers import triggered_by
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .reading import _Reading

__all__ = ["joint_members", "unbound"]

#: how many words a noun of work may stand after its adjective ("gemensamma, regelbundna hembesök")
_REACH = 3


@triggered_by(
    "extra.joint_words",
    "extra.joint_adjectives",
    "extra.collaboration_verbs",
    "extra.collaboration_nouns",
    "extra.collaboration_stems",
    empty=bool,
)
def joint_members(reading: _Reading, text: str, v: Vocabulary) -> bool:
    """Add the services of a clause of joint work to the members (in place); whether it did.

    ``text`` is the reading's sentence (of a document: survey answers keep their own rules).
    Only a sentence with no group, no agreement, no member word and no list of members is
    read."""
    if reading.groups or reading.agreement or reading.member_cues or reading.member_spans:
        return False
    x = v.extra
    words, _ = _folded_words(text)
    folded = [w for w, _, _ in words]
    cues: list[tuple[int, int, bool]] = []  # (start, end, needs a subject before it)
    nouns: list[int] = []  # cues that are nouns: their subject stands before them
    verbs: list[int] = []  # cues that are verbs of collaboration: services on both sides
    for i, (w, a, b) in enumerate(words):
        before = folded[i - 1] if i else ""
        if before == "att" or v.grammar.topic_preposition.search(text[:a]):
            continue  # "i uppdrag att tillsammans med …", "rutiner för samverkan med BUP"
        if any(q in x.joint_topics or q in x.joint_modals for q in folded[:i]):
            continue  # "beskriver hur skola och BUP samverkar", "ska samverka" (not "barn som
            # behöver stöd" after the word)
        partner = bool(v.grammar.partner.match(text[b:]))
        # "ett gemensamt projekt": after an article the adverb is an adjective
        adjective = w in x.joint_adjectives or (w in x.joint_words and before in x.joint_articles)
        if w in x.joint_words and not adjective:
            cues.append((a, b, partner))  # "X tillsammans med Y": X is a service too
        elif adjective and _work_follows(text, words, i, v):
            cues.append((a, b, False))
        elif w in x.collaboration_verbs:
            cues.append((a, b, True))  # "samverkar med …" with no service doing it: a duty
            verbs.append(a)
        elif _collaboration_noun(w, x):  # "har ett nära samarbete med", "samverkansmöten"
            cues.append((a, b, True))
            nouns.append(a)
    if not cues or _find(x.side_documents, text):
        return False  # (the parties of a document on the collaboration are its sides)
    absent = {id(reading.parties[j]) for j in reading.absent}
    # "Polisen och socialtjänsten tar ett gemensamt ansvar": an actor with no code (the police,
    # the region) is a partner too, though only the services become members
    pool = sorted(reading.parties + _partners(text, reading, v), key=lambda h: h.start)
    spans = []
    for at, end, subject in cues:
        clause = _clause_of(reading.clauses, at)
        # (a list the clause splitter cut at a comma stays one list)
        here = [
            p
            for j, p in enumerate(pool)
            if _in_list_of(text, pool, j, clause, v)
            and id(p) not in absent
            and (p.start, p.end) not in reading.topics
        ]
        inverted = at not in nouns  # ("I kommunen samarbetar socialtjänsten med …")
        if subject and not any(
            p.end <= at or (inverted and _inverted(text, end, p, v)) for p in here
        ):
            continue
        if not inverted and not _had(text, at, here, v):
            continue  # "övergångar från BUP till vuxenpsykiatrin, samverkan": nobody has it
        if subject and not _partner_named(text, end, here, v):
            continue  # "bestämmer tillsammans med dig och ditt barn": the partner is a person
        services = [p for p in here if p.kind == "party"]
        # ("Polisen samarbetar ofta med socialtjänsten": a verb names a habit of one service,
        # so it takes two services; a word of doing something together takes any partner)
        sides = services if at in verbs else here
        if len({p.key for p in sides}) >= 2 and services:
            spans += [(p.start, p.end) for p in services]
    if spans:
        reading.member_spans = reading.member_spans + spans
    return bool(spans)


def _partners(text: str, reading: _Reading, v: Vocabulary) -> list[Any]:
    """Actors with no party code (``members.other_actors``: the police) and principals (the
    region, ``principals``) of the sentence, outside its services."""
    taken = [(p.start, p.end) for p in reading.parties]
    hits = _resolve(_find(v.extra.other_actors, text, "actor") + _find(v.principals, text, "actor"))
    return [h for h in hits if not any(h.start < b and a < h.end for a, b in taken)]


def _had(text: str, at: int, here: list[Any], v: Vocabulary) -> bool:
    """Whether a verb of having or doing (``members.collaboration_having``: "har", "driver")
    stands between the last service before a collaboration noun and the noun, or right before
    that service (inverted order)."""
    before = [p for p in here if p.end <= at]
    if not before:
        return False
    gap = _folded_words(text[before[-1].end : at])[0]
    if any(w in v.extra.collaboration_having for w, _, _ in gap):
        return True
    # "I år inleder socialtjänsten ett samarbete med BUP": the verb before its subject
    lead = _folded_words(text[: before[-1].start])[0]
    return bool(lead) and lead[-1][0] in v.extra.collaboration_having


def _collaboration_noun(word: str, x: Any) -> bool:
    """A noun of collaboration ("samarbete", "samverkan"), or a compound of a collaboration
    stem on a head of joint work ("samverkansmöten", "samarbetsprojektet")."""
    if word in x.collaboration_nouns:
        return True
    return any(
        word.startswith(stem) and any(word[len(stem) :].startswith(h) for h in x.joint_heads)
        for stem in x.collaboration_stems
    )


def _in_list_of(
    text: str, parties: list[Any], j: int, clause: tuple[int, int], v: Vocabulary
) -> bool:
    """Whether party ``j`` stands in the clause, or in one list with a party that does."""
    lo = hi = j
    while lo > 0 and _joined(text[parties[lo - 1].end : parties[lo].start], v):
        lo -= 1
    while hi + 1 < len(parties) and _joined(text[parties[hi].end : parties[hi + 1].start], v):
        hi += 1
    return any(clause[0] <= parties[k].start < clause[1] for k in range(lo, hi + 1))


def _joined(gap: str, v: Vocabulary) -> bool:
    words = [w for w, _, _ in _folded_words(gap)[0]]
    return len(words) <= 1 and all(w in v.grammar.list_joiners for w in words) and "." not in gap


def _partner_named(text: str, end: int, here: list[Any], v: Vocabulary) -> bool:
    """Whether a service is the partner after "med" (within two words: "tillsammans med
    skolan", "samarbetar med bland annat skolan"), or the word has no "med" after it."""
    m = v.grammar.partner.match(text[end:])
    if m is None:
        return True
    after = end + m.end()
    return any(p.start >= after and len(text[after : p.start].split()) <= 2 for p in here)


def _inverted(text: str, end: int, party: Any, v: Vocabulary) -> bool:
    """Whether a service stands right after the verb, before its "med", as its subject ("I
    kommunen samarbetar socialtjänsten nära med skolan")."""
    if party.start < end:
        return False
    return not v.grammar.partner.search(text[end : party.start])


def _work_follows(text: str, words: tuple, i: int, v: Vocabulary) -> bool:
    """Whether a noun of joint work follows the adjective at word ``i`` within a few words."""
    after = words[i + 1 : i + 1 + _REACH]
    if not after:
        return False
    lo, hi = after[0][1], after[-1][2]
    return any(lo <= h.start and h.end <= hi for h in _find(v.extra.joint_works, text))


def unbound(facts: list[Fact]) -> list[Fact]:
    """The member facts of a joint-work sentence belong to no group (level null), whatever
    group the document named before: the sentence names its own collaboration."""
    return [
        f.model_copy(update={"group_type": None, "group_name": None, "level": None})
        if f.kind == "member" and f.group_type is not None
        else f
        for f in facts
    ]
