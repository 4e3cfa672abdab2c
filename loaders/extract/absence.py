"""Absence: which parties a sentence reports missing, and phrases that are negated."""

from __future__ import annotations

from collections.abc import Mapping

from .agreement_phrase import in_agreement_phrase
from .agreements import _documents, _side_words
from .clauses import _clause_of
from .spans import _find, _gap, _head, _Hit, _tail, _words
from .terms import _fold
from .triggers import triggered_by
from .vocabulary import Vocabulary


@triggered_by("wishes", empty=bool)
def _wished(text: str, cue: _Hit, v: Vocabulary) -> bool:
    head = _head(text, cue.start)
    return any(_fold(w) in v.wishes for w, _, _ in _words(head)[-2:])


@triggered_by("negators", empty=bool)
def _negated_absence(text: str, cue: _Hit, v: Vocabulary) -> bool:
    """An absence phrase that is itself negated: "det är inte svårt att få med skolan", "vi
    saknar inte BUP", or "deltar inte bara … utan även"."""
    phrase = {_fold(w) for w, _, _ in _words(text[cue.start : cue.end])}
    after = [_fold(w) for w, _, _ in _words(_tail(text, cue.end))][:1]
    if phrase & v.negators:
        return bool(after) and after[0] in v.grammar.not_only - v.grammar.also_not
    before = [_fold(w) for w, _, _ in _words(_head(text, cue.start))]
    if before and before[-1] in v.negators - v.grammar.negating_determiners:
        return True
    return bool(after) and after[0] in v.negators


def _absences(
    text: str,
    absence_cues: list[_Hit],
    member_cues: list[_Hit],
    clauses: list[tuple[int, int]],
    parties: list[_Hit],
    kommun_hits: list[_Hit],
    v: Vocabulary,
) -> tuple[dict[int, str], set[int], list[tuple[int, int]]]:
    """Which parties (by index) are absent and why, which kommuner, and the clauses it covers.

    A phrase covers its clause; when that clause names no party and little else ("BUP, som vi
    behöver, deltar inte") it reaches back one clause unless that one has a member word. A
    phrase about a plan ("BUP ska samordna med skolan men inte ingå i den") or after a place
    ("hos varken BUP eller IFO") reports no absence. In its own clause a party before the
    phrase is not absent when it is the one who lacks or experiences something (`_subject`). A
    party covered by two phrases takes the reason of the nearer one ("BUP är svår att nå och
    HAB har vi ingen kontakt med").
    """
    first = _words(text[:40])[:1]
    if first and _fold(first[0][0]) in v.absence_roles["past_openers"]:
        return {}, set(), []  # "Förut fanns ingen från skolan": what was missing before
    member_clauses = {_clause_of(clauses, c.start) for c in member_cues}
    reach: list[tuple[_Hit, tuple[int, int], int]] = []
    absent_kommun: set[int] = set()
    for cue in sorted(absence_cues, key=lambda h: (h.start, -(h.end - h.start))):
        if _after_place(text, cue, v):
            continue
        own = clause = _clause_of(clauses, cue.start)
        alone = not any(clause[0] <= p.start < clause[1] for p in parties)
        if alone and _bare(text, cue, clause, v):
            index = clauses.index(clause) if clause in clauses else 0
            if index > 0 and clauses[index - 1] not in member_clauses:
                clause = (clauses[index - 1][0], clause[1])
        if cue.key != "needed" and _planned(text, clause[0], cue.start, v):
            continue
        if _hedged(text, cue, v):
            continue  # "där saknas kanske mödravård": a guess, not a report
        reach.append((cue, clause, own[0]))
        absent_kommun |= {i for i, k in enumerate(kommun_hits) if clause[0] <= k.start < clause[1]}
    absent: dict[int, str] = {}
    for i, p in enumerate(parties):
        cues_here = [
            cue
            for cue, (a, b), own in reach
            if a <= p.start < b and not (own <= p.start and _subject(text, cue, p, parties, b, v))
        ]
        if cues_here:
            absent[i] = min(
                cues_here, key=lambda c: (_gap(text, c, p, v.grammar.gap_break), c.start)
            ).key
    return absent, absent_kommun, [clause for _, clause, _ in reach]


def _bare(text: str, cue: _Hit, clause: tuple[int, int], v: Vocabulary) -> bool:
    """Whether nothing but small words, pronouns and clause adverbs come before the phrase in
    its clause (then it may speak of the clause before: "BUP, som vi behöver, deltar inte", "…
    men de har inte haft möjlighet", "… men har hittills inte kunnat delta"; but not "…,
    gemensamma rutiner för informationsöverföring saknas")."""
    return all(
        len(w) <= 3
        or _fold(w) in v.absence_roles["subject_pronouns"]
        or _fold(w) in v.absence_roles["clause_adverbs"]
        for w, _, _ in _words(text[clause[0] : cue.start])
    )


def _after_place(text: str, cue: _Hit, v: Vocabulary) -> bool:
    """ "passar in hos varken BUP eller socialtjänsten": "varken" after a place word speaks of
    where a child fits, not of who takes part."""
    if _fold(text[cue.start : cue.end]) not in v.grammar.correlatives_neither:
        return False
    before = _words(_head(text, cue.start))
    word = _fold(before[-1][0]) if before else ""
    return word in v.places or word in v.absence_roles["before_neither"]


def _planned(text: str, start: int, pos: int, v: Vocabulary) -> bool:
    """A plan or a proposal before the phrase ("ska samordna … men inte ingå"), unless the plan
    word is itself negated ("kommer inte att delta")."""
    words = [_fold(w) for w, _, _ in _words(text[start:pos])]
    return any(
        w in v.hypothetical and (i + 1 == len(words) or words[i + 1] not in v.negators)
        for i, w in enumerate(words)
    )


def _hedged(text: str, cue: _Hit, v: Vocabulary) -> bool:
    """Whether a hedge (``absence_roles.hedges``: "kanske", "eventuellt") stands right before
    or after an absence phrase."""
    hedges = v.absence_roles["hedges"]
    before = _words(text[max(0, cue.start - 30) : cue.start])[-1:]
    after = _words(text[cue.end : cue.end + 30])[:1]
    return any(_fold(w) in hedges for w, _, _ in before + after)


def _subject(
    text: str, cue: _Hit, party: _Hit, parties: list[_Hit], clause_end: int, v: Vocabulary
) -> bool:
    """Whether a party in an absence phrase's clause is not the absent one: the subject who
    lacks ("Skolan saknar stöd från BUP", "I två kommuner saknar elevhälsan kontakt med HAB",
    but "BUP saknar vi"), who has the difficulty ("Skolan har svårt att få med BUP"), or one in
    another clause before or after "att"/"som" ("Primärvården är frustrerad över att BUP är svår
    att nå", "inte bjudits in till möten som socialtjänsten håller")."""
    if in_agreement_phrase(text, party, v):
        return True  # "saknas en överenskommelse mellan socialtjänsten och BUP": its sides
    roles = v.absence_roles
    phrase = [_fold(w) for w, _, _ in _words(text[cue.start : cue.end])]
    lacks = bool(phrase) and phrase[0] in roles["lacks"]
    if party.start >= cue.end:
        between_words = _words(text[cue.end : party.start])
        between = [_fold(w) for w, _, _ in between_words]
        if any(
            _fold(w) in roles["after_roles"] and not _role_before(text, cue.end + a, v)
            for w, a, _ in between_words
        ):
            return True  # "möten som socialtjänsten håller", but "en företrädare för BUP"
        if lacks and len(between) > 1 and between[-1] in roles["object_places"]:
            # "saknar fullständiga betyg efter grundskolan": what is lacked is the noun, the
            # party only its place or time (but "saknar en företrädare på BUP")
            return not _find(v.roles, text[cue.end : party.start])
        # "saknar elevhälsan helt kontakt med HAB": the subject right after the verb when
        # another party follows after other words
        return (
            lacks
            and len(phrase) == 1
            and not between
            and _object_follows(text, party, parties, clause_end, v)
        )
    if party.end > cue.start:
        return False
    if _labelled(text[party.end : cue.start], v):
        return True  # "BUP: Insatser för samspelsbehandling saknas": the label of a statement
    between = [_fold(w) for w, _, _ in _words(text[party.end : cue.start])]
    if set(between) & roles["subordinators"] and not _raised(between, roles):
        return True
    if _topic_of_noun(text, party, v):
        return True  # "Rutinen för samverkan med BUP saknas": BUP is the topic
    if cue.term is not None and " med ... " in f" {cue.term.text} ":
        return True  # "samverkan med ... behöver stärkas": the object is the slot after "med"
    if (
        cue.key == "needed"  # a need only: "har inte funnits med" is no passive
        and phrase[-2:-1]
        and phrase[-1] in roles["passive_objects"]
        and phrase[-2].endswith("s")
    ):
        return True  # "Skolans utredning kan behöva kompletteras med …": the object follows
    if any(
        cue.start < q.start < cue.end
        or (cue.end <= q.start and not text[cue.end : q.start].strip())
        for q in parties
    ):
        # "svårigheter i kontakten med BUP", "arbeta närmare BUP", "Elevhälsans samverkan med
        # BUP behöver stärkas": the phrase's object is in it or right after it
        return True
    after = [_fold(w) for w, _, _ in _words(text[cue.end : clause_end])][:1]
    if lacks:
        following = (phrase[1:] or after)[:1]
        return not (following and following[0] in roles["subject_pronouns"])
    object_after = any(
        cue.end <= q.start < clause_end and not _subject(text, cue, q, parties, clause_end, v)
        for q in parties
    )
    return bool(between) and between[-1] in roles["experiencer"] and object_after


def _labelled(between: str, v: Vocabulary) -> bool:
    """Whether a party stands as the label of a line ("BUP: …") before a statement with a
    subject of its own that is no person word ("BUP: Insatser saknas", but "BUP: Företrädare
    saknas" and "BUP: saknas")."""
    body = between.lstrip()
    return body.startswith(":") and bool(_words(body)) and not _find(v.roles, body)


def _raised(between: list[str], roles: Mapping[str, frozenset[str]]) -> bool:
    """Whether the words between a party and the phrase are only a verb that lends the party
    to the phrase and "att" ("Skolan riskerar att lämnas utanför", "BUP brukar inte delta")."""
    rest = [w for w in between if w not in roles["raising_verbs"]]
    return len(rest) < len(between) and set(rest) <= roles["subordinators"]


def _topic_of_noun(text: str, party: _Hit, v: Vocabulary) -> bool:
    """Whether a party stands in a topic phrase of a noun before it ("Rutinen för samverkan med
    BUP"), not after a person word ("Representation gällande specialistvården")."""
    head = _head(text, party.start)
    offset = party.start - len(head)
    before = _words(head)[-2:]
    if (
        len(before) == 2
        and _fold(before[1][0]) in _side_words(v.agreement_sides, "with")
        and (_documents(before[0][0], v) or _find(v.extra.side_documents, before[0][0]))
    ):
        return True  # "Avtalet med BUP saknas i diariet": a document, not BUP, is missing
    for word, start, _ in reversed(_words(head)):
        if _fold(word) in v.absence_roles["topic_words"]:
            return not _role_before(text, offset + start, v)
        if _fold(word) in v.grammar.verbs:
            return False  # "På samråden kring barnen är BUP aldrig med": a verb ends the phrase
    return False


def _role_before(text: str, pos: int, v: Vocabulary) -> bool:
    """Whether a person word ends right before ``pos`` ("representation gällande …",
    "företrädare för …")."""
    before = text[:pos].rstrip()
    return any(h.end == len(before) for h in _find(v.roles, before))


def _object_follows(
    text: str, party: _Hit, parties: list[_Hit], clause_end: int, v: Vocabulary
) -> bool:
    """Whether another party follows in the clause after words that are not list joiners."""
    for q in parties:
        if party.end <= q.start < clause_end:
            words = {_fold(w) for w, _, _ in _words(text[party.end : q.start])}
            if words - v.grammar.list_joiners:
                return True
    return False


@triggered_by("negators", empty=bool)
def _negated_nearby(text: str, cue: _Hit, v: Vocabulary) -> bool:
    """Whether a member word is negated ("ingår inte", "inte deltar"), but not "ingår inte
    bara skolan utan även IFO"."""
    head = _head(text, cue.start)
    tail = _tail(text, cue.end)
    breaks = _find(v.clause_breaks, tail)
    if breaks:  # "Närhälsan deltar men inte HAB": the "inte" is the next clause's
        tail = tail[: min(h.start for h in breaks)]
    before = [_fold(w) for w, _, _ in _words(head)][-2:]
    after = [_fold(w) for w, _, _ in _words(tail)][:3]
    if any(
        a in v.negators and b in v.grammar.not_only for a, b in zip(after, after[1:], strict=False)
    ):
        return False
    return any(w in v.negators for w in before + after[:2])
