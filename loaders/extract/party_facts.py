"""The member and absent facts of one sentence, and a document's partial marks once it is read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lokgraph.codes import PARTIES
from lokgraph.facts import Fact

from .context import _Context
from .membership import _scope_break
from .reading import _Reading
from .spans import _find
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .facts import _Said


def _target(reading: _Reading, ctx: _Context, pos: int, v: Vocabulary) -> dict[str, Any]:
    groups = reading.groups
    if groups:
        chosen = None
        after_cue = [b for b in reading.backward if b.start >= pos]
        if after_cue:
            cue = after_cue[0]
            nxt = [g for g in groups if g.hit.start >= cue.end]
            if nxt and not [g for g in groups if pos <= g.hit.start < cue.start]:
                chosen = nxt[0]
        if chosen is None:
            before = [g for g in groups if g.hit.end <= pos]
            chosen = before[-1] if before else groups[0]
        return {"group_type": chosen.group_type, "level": chosen.level, "group_name": chosen.name}
    if reading.agreement or ctx.question == "Q1":
        return {"agreement_area": reading.area}
    if ctx.question is None and _find(v.extra.projects, reading.text):
        return {}  # "I första etappen ingår skolan": the project's, not the group's before
    if ctx.last_group is not None:
        g = ctx.last_group
        return {"group_type": g.group_type, "level": g.level, "group_name": g.name}
    return {}


def _party_facts(
    reading: _Reading, v: Vocabulary, ctx: _Context, base: _Said, members: bool = True
) -> list[Fact]:
    facts: list[Fact] = []
    named_specialists = {
        p.key for p in reading.parties if PARTIES[p.key].care_level == "specialist"
    } - {"SPECIALIST"}
    seen: set[tuple[str, str | None, str | None]] = set()
    for i, p in enumerate(reading.parties):
        if p.key == "SPECIALIST" and named_specialists:
            continue
        target = _target(reading, ctx, p.start, v)
        if reading.topics.get((p.start, p.end)) == "possessor":
            continue  # "skolans elevhälsa saknas": the pupil health service alone
        if i in reading.absent:
            key = ("absent", p.key, None)
            if key in seen:
                continue
            seen.add(key)
            facts.append(
                Fact(kind="absent", party=p.key, reason=reading.absent[i], **target, **base)
            )
            if _partial_and_hard(reading, p, i) and ("member", p.key, None) not in seen:
                # "deltar bara i vissa möten och är svåra att få med": a partial member too
                seen.add(("member", p.key, None))
                facts.append(Fact(kind="member", party=p.key, partial=True, **target, **base))
        elif not members or (p.start, p.end) in reading.topics:
            continue
        elif any(a <= p.start < b for a, b in reading.member_spans) or any(
            not _scope_break(reading.text, p, c, v, reading.groups, reading.backward)
            for c in reading.member_cues
        ):
            key = ("member", p.key, None)
            if key in seen or ("absent", p.key, None) in seen:
                continue
            if any(q.key == p.key for j, q in enumerate(reading.parties) if j in reading.absent):
                continue
            seen.add(key)
            partial = any(a <= p.start < b for a, b in reading.partial_clauses)
            facts.append(Fact(kind="member", party=p.key, partial=partial, **target, **base))
    if members and (reading.member_cues or reading.member_spans):
        names: list[tuple[str, int]] = [
            (k.key, k.start)
            for j, k in enumerate(reading.kommuner)
            if j not in reading.absent_kommun
            and (reading.member_cues or any(a <= k.start < b for a, b in reading.member_spans))
        ]
        if ctx.kommun:
            names += [
                (ctx.kommun, h.start)
                for h in reading.own_kommun
                if not any(a <= h.start < b for a, b in reading.absence_spans)
                and (reading.member_cues or any(a <= h.start < b for a, b in reading.member_spans))
            ]
        for name, pos in names:
            named: tuple[str, str | None, str | None] = ("member", None, name)
            if named in seen:
                continue
            seen.add(named)
            target = _target(reading, ctx, pos, v)
            partial = any(a <= pos < b for a, b in reading.partial_clauses)
            facts.append(Fact(kind="member", member_kommun=name, partial=partial, **target, **base))
    return facts


def _full_beats_partial(facts: list[Fact]) -> list[Fact]:
    """A document that lists a party as a full member of a group and again among those who
    join "vid behov" keeps it a full member (the partial mark is for parties only partly there);
    one also reported absent stays partial."""
    full = {
        (f.party, f.group_type, f.group_name)
        for f in facts
        if f.kind == "member" and f.party and not f.partial
    }
    absent = {f.party for f in facts if f.kind == "absent"}
    return [
        f.model_copy(update={"partial": False})
        if f.kind == "member"
        and f.partial
        and f.party not in absent
        and (f.party, f.group_type, f.group_name) in full
        else f
        for f in facts
    ]


def _grouped_beats_ungrouped(facts: list[Fact]) -> list[Fact]:
    """A document that makes a party a member of one of its groups and says elsewhere that
    it works with others in no group ("… i samverkan mellan region, skola och socialtjänst")
    tells of one participation: the member of no group goes (a partial one stays).

    >>> from loaders.extract import extract_text
    >>> text = ("Kommunen satsar på tidiga insatser i samverkan mellan skola och "
    ...         "socialtjänst. I styrgruppen sitter skolchefen.")
    >>> [(f.party, f.level) for f in extract_text(text, source="x") if f.kind == "member"]
    [('SOCIALTJANST', None), ('SKOLA', 'strategisk')]
    """
    grouped = {f.party for f in facts if f.kind == "member" and f.party and f.group_type}
    return [
        f
        for f in facts
        if not (
            f.kind == "member"
            and f.group_type is None
            and f.level is None
            and not f.partial
            and f.party in grouped
        )
    ]


def _partial_and_hard(reading: _Reading, p: Any, i: int) -> bool:
    """A party reported hard to engage in a sentence that also says it takes part only partly,
    with a member word of its own ("HAB deltar bara i vissa delar och är svår att få med")."""
    return (
        reading.absent.get(i) == "hard_to_engage"
        and any(a <= p.start < b for a, b in reading.partial_clauses)
        and any(c.start < p.start + 80 and c.end > p.start - 80 for c in reading.member_cues)
    )
