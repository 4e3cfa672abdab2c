"""Reading one sentence: the passes run in order and their result as a `_Reading`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lokgraph.codes import default_level

from .absence import _absences, _negated_absence, _negated_nearby, _wished
from .clauses import _clause_of, _clauses
from .colocation import CENTRE, at_the_place, colocation_cues
from .compounds import _compound_name, compound_hits
from .groups import (
    _after_group_positions,
    _brand_only,
    _familjecentral_group,
    _governance,
    _group_name,
    _GroupMention,
    _heading_group,
    _levels,
    _negated_group,
    _team_named,
    _term_level,
    network_type,
)
from .kommuner import _find_kommuner
from .membership import (
    _aimed,
    _in_lists,
    _list_after,
    _list_cues,
    _listed_next_to,
    _topics,
    _without_glosses,
    _words_of,
)
from .sentences import Sentence
from .sides import SIDE
from .spans import (
    _before,
    _blank,
    _find,
    _folded_between,
    _Hit,
    _outside,
    _overlaps,
    _resolve,
)
from .speakers import glossed_before, unspoken_parties
from .status import _area
from .suspended import suspended_parties
from .terms import _fold
from .vocabulary import Vocabulary


@dataclass
class _Reading:
    text: str
    parties: list[_Hit]
    kommuner: list[_Hit]
    own_kommun: list[_Hit]
    groups: list[_GroupMention]
    clauses: list[tuple[int, int]]
    absent: dict[int, str]  # party hit index -> reason
    absent_kommun: set[int]
    member_cues: list[_Hit]
    member_spans: list[tuple[int, int]]
    backward: list[_Hit]
    partial_clauses: list[tuple[int, int]]
    agreement: bool
    area: str
    absence_spans: list[tuple[int, int]]
    topics: dict[tuple[int, int], str] = field(default_factory=dict)
    inherited: bool = False
    absence_reason: str | None = None


def _read(
    sentence: Sentence,
    v: Vocabulary,
    own_kommun: str | None,
    previous: _GroupMention | None = None,
    list_lead: str | None = None,
    whole: bool = False,
    document: bool = False,
) -> _Reading:
    text = sentence.text
    group_words = _find(v.groups, text, "group")
    # "BUS-överenskommelsen" is an agreement, not a BUS group
    agreements_in = [(h.start, h.end) for h in _find(v.agreement_words, text)]
    group_words = [
        g for g in group_words if not any(a > g.start and e == g.end for a, e in agreements_in)
    ]
    # "barn- och ungdomsmottagningen (BUM)" has no code: a longer actor word wins
    actors = _find(v.extra.other_actors, text)
    party_words = [p for p in _find(v.parties, text, "party") if not _inside(p, actors)]
    # "barn- och mödrahälsovården": barnhälsovården too
    entity_hits = party_words + suspended_parties(text, party_words, v) + group_words
    entity_hits += _find(v.principals, text, "principal")
    member_cues = [c for c in _find(v.member_cues, text, "member") if not _aimed(text, c, v)]
    agreement = bool(_find(v.agreement_words, text))
    # "I den sitter …", "Där sitter …": the group of the sentence before
    refers_back = previous is not None and bool(
        v.grammar.refers_back.match(text)
        # "… kom nätverket att omfatta socialtjänsten": the network named before
        or (document and _find(v.extra.group_references, text))
    )
    # "ett nära stöd- och vårdteam", "HLT-teamen": a compound on a group word is a group
    compounds, entity_hits = compound_hits(text, entity_hits, v)
    group_words += compounds
    entity_hits += compounds
    taken = [(h.start, h.end) for h in entity_hits]
    # weak member words count with a group or the agreement, or next to a list of parties
    weak_cues: list[_Hit] = []
    if agreement or group_words or refers_back or sum(h.kind == "party" for h in entity_hits) > 1:
        # "rutiner för samverkan med BUP": a weak member word after a preposition is a topic
        weak_cues = [
            c
            for c in _find(v.weak_member_cues, text, "member")
            if not v.grammar.topic_preposition.search(_before(text, c.start))
            and not _aimed(text, c, v)
            # "samlar in synpunkter från BUP": a particle makes it another verb
            and not v.grammar.particle.match(text[c.end :])
        ]
    if agreement or group_words or refers_back:
        member_cues += weak_cues
        weak_cues = []
    if group_words:  # "… en verksamhet där socialtjänst och BUP i samma lokaler tar emot barn"
        member_cues += _find(v.colocation_strong, text, "member")
    absence_cues = _find(v.absence, text, "absence")
    kommuner = _find_kommuner(text, v.grammar)
    if sentence.block == "roster":  # "Karin Lund, vårdenhetschef": the person, not the kommun
        kommuner = [k for k in kommuner if k.start > text.find(",")]
    entity_hits += kommuner
    resolved = _resolve(entity_hits)
    group_hits = [
        h for h in resolved if h.kind == "group" and not _brand_only(text, h, agreements_in, v)
    ]
    groups: list[_GroupMention] = []
    name_spans: list[tuple[int, int]] = []
    bracket_spans: list[tuple[int, int]] = []
    for hit in group_hits:
        name, name_end = _group_name(text, hit, v)
        if name_end > hit.end:
            name_spans.append((hit.end, name_end))
        level = hit.extra if hit.term is None and hit.extra else default_level(hit.key)
        if hit.term is None and hit.extra and name is None:
            name = _compound_name(text[hit.start : hit.end], v)
        word = text[hit.start : hit.end]
        told = _term_level(word, v)  # "Barnahuset": a samverkansgrupp about single children
        # "JämtBus-nätverket": a network (the brand term ends at the hyphen)
        tail = re.match(r"-\w+", text[hit.end :])
        kind = network_type(hit.key, word + (tail.group() if tail else ""), v)
        mention = _GroupMention(hit, kind, told or level, name, hit_text=word)
        mention.explicit_level = told is not None
        mention.told_level = told is not None
        groups.append(mention)
    resolved = _outside(resolved, name_spans)
    # "Ledningsgruppen för barn och unga (socialchef, skolchef och VC-chef)": the brackets
    # right after a group list its members
    for g in groups:
        end = max([g.hit.end] + [e for s0, e in name_spans if s0 == g.hit.end])
        m = re.match(r"\s*\(([^()]*)\)", text[end:])
        if m:
            bracket_spans.append((end + m.start(1), end + m.end(1)))
    parties = _without_glosses(text, unspoken_parties(text, resolved, v))  # "…, säger …"
    listed_only = _outside(_resolve(_find(v.listed_parties, text, "party")), taken + name_spans)
    if listed_only:
        listed_only = _in_lists(text, listed_only, parties, v)
        parties = sorted(parties + listed_only, key=lambda h: h.start)
        resolved = sorted(resolved + listed_only, key=lambda h: h.start)
    colocated = _familjecentral_group(text, parties, groups, v)
    if colocated is None and document and not (whole and list_lead):
        # a document that speaks of its familjecentral speaks of a joint team, not a party
        # (but an item of a list of parties names it as one: "- familjecentralerna")
        colocated = _team_named(text, parties, groups, v)
    if colocated is not None:
        kind = colocated.group_type
        parties = [
            p
            for p in parties
            if p is not colocated.hit and not (document and p.key == colocated.hit.key == CENTRE)
        ]
        colocated = _GroupMention(
            _Hit(kind, colocated.hit.start, colocated.hit.end, None, 0, "group"),
            kind,
            default_level(kind),
            None,
            hit_text=text[colocated.hit.start : colocated.hit.end],
        )
        groups.append(colocated)
        # "Barnmorskemottagningen på Familjens hus"
        bracket_spans += at_the_place(text, parties, colocated, v)
    # "På familjecentralen arbetar …", "Familjecentralen … . Här arbetar BVC och MVC."
    member_cues += colocation_cues(
        text, parties, colocated, groups, previous, refers_back, document, v
    )
    # "skola, IFO och BUP samverkar", "I Fokus samverkar skolan, IFO och BUP": a weak member
    # word right next to a list of two or more parties counts without a group
    absence_near = [(h.start, h.end) for h in absence_cues]
    member_cues += [
        c
        for c in weak_cues + _list_cues(text, v, member_cues)
        if c.term is not None
        and " ... " not in c.term.text
        and not _overlaps(c, absence_near)
        # "samlas polis, läkare, socialtjänst och BUP": actors without a code stand in the list
        and _listed_next_to(text, c, parties + actors, v)
    ]
    kommun_hits = [h for h in resolved if h.kind == "kommun"]
    # a kommun right before a party word owns it ("Leksands vårdcentral", "Hjo vårdcentral")
    kommun_hits = [
        k
        for k in kommun_hits
        if not any(
            p.start >= k.end and not text[k.end : p.start].strip() and p.start - k.end <= 2
            for p in parties
        )
    ]
    principals = [h for h in resolved if h.kind == "principal"]
    roles = _find(v.roles, text, "role")
    topics = _topics(text, parties + principals, roles, v)
    own = [h for h in principals if h.key == "kommun" and (h.start, h.end) not in topics]
    _levels(text, groups, sentence.heading_level, v)
    _governance(text, groups, v, previous)
    # clauses
    filler_spans = [(h.start, h.end) for h in _find(v.list_fillers, text)]
    entity_spans = [(h.start, h.end) for h in resolved] + filler_spans
    verbs = [(h.start, h.end) for h in member_cues]
    absence_words = [(h.start, h.end) for h in _resolve(absence_cues)]
    clauses = _clauses(text, v, entity_spans, verbs, absence_words)
    # absence first: a negated member word ("ingår inte") is an absence phrase too
    absence_cues = [c for c in _resolve(absence_cues) if not _negated_absence(text, c, v)]
    negated = [
        c
        for c in member_cues
        if not _overlaps(c, [(a.start, a.end) for a in absence_cues])
        and _negated_nearby(text, c, v)
    ]
    absence_cues += [
        _Hit("not_participating", c.start, c.end, c.term, 0, "absence")
        for c in negated
        # "BUP ska samordna med skolan men inte ingå i den": a plan, not a report of absence
        if not v.hypothetical & set(_folded_between(text, max(0, c.start - 120), c.start))
    ]
    # a negated member word in a plan is neither an absence nor a membership
    member_cues = [c for c in member_cues if c not in negated]
    # "BUP borde delta", "habiliteringen behöver vara med": a wish, so still absent
    absence_cues += [
        _Hit("needed", c.start, c.end, c.term, 0, "absence")
        for c in member_cues
        if not _overlaps(c, [(a.start, a.end) for a in absence_cues]) and _wished(text, c, v)
    ]
    # "arbetar utan BUP och HAB": only the list right after the word is absent
    listed = parties + kommun_hits + principals
    stops = [h for h in resolved if h.kind == "group"]
    list_absences: list[tuple[_Hit, tuple[int, int]]] = []
    for cue in _resolve(_find(v.absence_list, text, "absence")):
        span = _list_after(text, cue.end, listed, roles, stops, v, first=True)
        if span is not None:
            list_absences.append((cue, span))
    absence_spans = [(a.start, a.end) for a in absence_cues]
    absence_spans += [(c.start, span[1]) for c, span in list_absences]
    member_cues = [c for c in member_cues if not _overlaps(c, absence_spans)]
    # "en styrgrupp med socialchef, skolchef och vårdcentralens chef": the list right after a
    # group word and "med" names its members
    list_spans: list[tuple[int, int]] = []
    after_group = _find(v.after_group, text)
    for g in groups:
        end = max([g.hit.end] + [e for s0, e in name_spans if s0 == g.hit.end])
        if _negated_group(text, g.hit, absence_cues, v):
            continue
        colon = re.match(r"(?:-\w+)?\s*(?::|\s[-–]\s)", text[end:])
        if colon is None and _heading_group(text, g.hit, v):
            # a line that opens with the group: "Arbetsgrupp tidiga insatser: IFO, BVC"
            colon = re.match(r"(?:-\w+)?(?:\s+[^\s,.;:()]+){1,4}?\s*:", text[end:])
            if colon and _words_of(colon.group()) & v.grammar.verbs:
                colon = None  # "Styrgruppen har träffats en gång: …" is a sentence
        if colon:  # "Styrgrupp: socialchef, skolchef, VC-chef", "Arbetsgrupp – IFO, skola"
            span = _list_after(text, end + colon.end(), listed, roles, stops, v)
            if span is not None:
                list_spans.append(span)
            continue
        for pos in _after_group_positions(text, end, v):
            opener = next((c for c in after_group if c.start == pos), None)
            if opener is not None:
                span = _list_after(text, opener.end, listed, roles, stops, v)
                if span is not None:
                    list_spans.append(span)
                break
    # an item of a list that the sentence before opened with a colon
    inherited = False
    if whole and list_lead and not groups and not absence_cues:
        # an item, row or roster line under its lead: every party in it is on the list
        mine = sorted((p for p in listed if (p.start, p.end) not in topics), key=lambda h: h.start)
        if mine:
            span = (mine[0].start, mine[-1].end)
            if list_lead.startswith("member"):
                list_spans.append(span)
            elif list_lead != SIDE:
                list_absences.append((_Hit(list_lead, 0, 0, None, 0, "absence"), span))
            inherited = True
    elif list_lead and not groups and not member_cues and not absence_cues:
        span = _list_after(text, 0, listed, roles, stops, v)
        rest = re.sub(r"\([^()]*\)?", " ", _blank(text, span[1], listed)) if span else ""
        if span is not None and not re.search(r"[^\W\d_]{2,}", rest):
            if list_lead.startswith("member"):
                list_spans.append(span)
            elif list_lead != SIDE:
                list_absences.append((_Hit(list_lead, 0, 0, None, 0, "absence"), span))
            inherited = True
    absent, absent_kommun, absent_clauses = _absences(
        text, absence_cues, member_cues, clauses, parties, kommun_hits, v
    )
    for i, p in enumerate(parties):
        if any(a <= p.start < b for a, b in list_spans) and any(
            _clause_of(clauses, c.start) == _clause_of(clauses, p.start) for c in absence_cues
        ):
            # "Konsultationsteamet med elevhälsan och IFO saknar BUP": the group's own list
            # is not what the absence in its clause is about (but "med BUP, men de kommer
            # sällan" is)
            absent.pop(i, None)
        for cue, (a, b) in list_absences:
            if a <= p.start < b:
                absent[i] = cue.key
        if topics.get((p.start, p.end)) == "place" and not any(
            c.start <= p.start <= c.end + 1
            and _fold(text[c.start : c.end]) not in v.grammar.correlatives_neither
            for c in absence_cues
        ):
            absent.pop(i, None)  # "det saknas lokaler i skolan", "passar in hos varken BUP …"
    for j, k in enumerate(kommun_hits):
        if any(a <= k.start < b for a, b in list_spans):
            absent_kommun.discard(j)
        if any(a <= k.start < b for _, (a, b) in list_absences):
            absent_kommun.add(j)
    absent_clauses += [(c.start, span[1]) for c, span in list_absences]
    partial_cues = _find(v.partial_cues, text)
    meets = [_clause_of(clauses, h.start) for h in _find(v.frequency_words, text)]
    partial_clauses = []
    for c in partial_cues:
        clause = _clause_of(clauses, c.start)
        if clause in meets:
            continue
        # "rektor, elevhälsa och vid behov BUP": only what follows the cue in the list
        joined = v.grammar.partial_joined.search(text[clause[0] : c.start])
        last = [p for p in parties if clause[0] <= p.end <= c.start]
        if joined and any(c.end <= p.start < clause[1] for p in parties):
            clause = (c.start, clause[1])
        elif last and not text[last[-1].end : c.start].strip() and "," in text[clause[0] : c.start]:
            # "familjebehandlingen, elevhälsan och BUP vid behov": the last item only
            head = text[clause[0] : last[-1].start]
            joiners = list(v.grammar.partial_joiners.finditer(head))
            if joiners:
                clause = (clause[0] + joiners[-1].end(), clause[1])
        lo = max(0, c.start - 40)
        bracket = re.search(r"\(\s*$", text[lo : c.start])
        at = lo + bracket.start() if bracket else -1
        before = [p for p in parties if at >= 0 and p.end <= at and not text[p.end : at].strip()]
        if before:  # "… och BUP (vid behov)": the party before the bracket
            clause = (before[-1].start, c.end)
        elif (prior := glossed_before(text, parties, c.start)) is not None:
            clause = (prior.start, c.end)  # "barnavårdscentralen (BVC) två dagar i veckan"
        partial_clauses.append(clause)
    if inherited and (partial_clauses or list_lead == "member_partial"):
        partial_clauses.append((0, len(text)))  # "BUP (vid behov)"
    area = _area(text, v)
    backward = _find(v.backward_cues, text)
    backward = [b for b in backward if not _overlaps(b, absence_spans)]
    return _Reading(
        text=text,
        parties=parties,
        kommuner=kommun_hits,
        own_kommun=own if own_kommun else [],
        groups=groups,
        clauses=clauses,
        absent=absent,
        absent_kommun=absent_kommun,
        member_cues=member_cues,
        member_spans=bracket_spans + list_spans,
        backward=backward,
        partial_clauses=partial_clauses,
        agreement=agreement,
        area=area,
        absence_spans=absent_clauses,
        topics=topics,
        inherited=inherited,
        absence_reason=absence_cues[0].key if absence_cues else None,
    )


def _inside(hit: _Hit, others: list[_Hit]) -> bool:
    """Whether a longer hit covers this one."""
    return any(
        o.start <= hit.start and hit.end <= o.end and o.end - o.start > hit.end - hit.start
        for o in others
    )
