"""Agreement status: the statuses a sentence speaks for and one status per answer and area."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from lokgraph.facts import Fact

from .agenda import agenda_item, approves_a_plan, decided_proposal, note_agenda, on_agenda
from .agreement_subject import kind_in_document, note_subject
from .agreement_tables import agreement_row
from .agreements import _dates, _documents, new_side
from .charters import joint_charter
from .clauses import _clause_of
from .context import _Context
from .dated_lines import dated, dated_header, under_label
from .document_types import names_types
from .national import _refers_back, _states_only, drop_national_heading, national_again
from .planned_agreements import planned, with_plans
from .presupposed import presupposed
from .second_agreements import other_kinds
from .spans import _find, _Hit, _outside, _overlaps, _resolve, _words
from .terms import _fold
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .sentences import Sentence

if TYPE_CHECKING:
    from .reading import _Reading


class Vote(NamedTuple):
    """A sentence's word for an agreement's status (``reply``: only a Ja/Nej)."""

    status: str
    area: str
    quote: str
    reply: bool
    kind: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None


def _area(text: str, v: Vocabulary) -> str:
    keys = {h.key for h in _find(v.areas, text)}
    for area in ("missbruk", "psykisk_funktionsnedsattning"):
        if area in keys and "barn_unga" not in keys:
            return area
    return "barn_unga"


def _status_votes(reading: _Reading, v: Vocabulary, named: bool = False) -> list[tuple[str, bool]]:
    """The statuses a sentence speaks for, and whether they are only a Ja/Nej reply."""
    text = reading.text
    ignore = [(h.start, h.end) for h in _find(v.status_ignore, text)]
    absent_clauses = [
        c
        for c in reading.absence_spans
        if any(c[0] <= p.start < c[1] for i, p in enumerate(reading.parties) if i in reading.absent)
    ]

    not_started = [_clause_of(reading.clauses, h.start) for h in _find(v.not_started, text)]

    ended = [_clause_of(reading.clauses, h.start) for h in _find(v.ended, text)]
    named_spans = [(h.start, h.end) for h in _find(v.agreement_words, text)]
    named_spans += [(h.start, h.end) for h in _find(v.agreement_kinds, text) if _names(h, text, v)]

    def usable(hits: list[_Hit]) -> list[str]:
        out = ["none" for _ in ended]
        for h in _resolve(_outside(hits, ignore)):
            clause = _clause_of(reading.clauses, h.start)
            if h.key == "in_force" and clause in ended:
                continue  # "en överenskommelse som har upphört att gälla"
            if h.key == "in_force" and approves_a_plan(h, text, v):
                continue  # "godkände ett förslag om att teckna …": the plan, not the agreement
            if h.key == "in_progress" and decided_proposal(h, hits, text, v):
                continue  # "antar förslaget till överenskommelse": decided
            if h.key == "none" and not _in_clause(named_spans, clause) and named_spans:
                continue  # "Det finns överenskommelser, men vissa anvisningar saknas"
            if _overlaps(h, absent_clauses):
                continue
            clause = _clause_of(reading.clauses, h.start)
            if h.key == "in_progress" and clause in not_started:
                continue
            before = [_fold(w) for w, _, _ in _words(text[clause[0] : h.start])][-6:]
            after = [_fold(w) for w, _, _ in _words(text[h.end : clause[1]])][:2]
            if h.key == "in_force" and any(w in v.negators for w in after):
                out.append("none")  # "någon LÖK finns inte"
                continue
            if h.key != "under_revision" and any(w in v.hypothetical for w in before):
                continue
            if h.key in ("in_force", "in_progress") and v.wishes & {
                _fold(w) for w, _, _ in _words(text[: h.start])
            }:
                continue  # "… bör utvärderas, och riktlinjer tas fram": a wish
            # a negation in a gap of the phrase counts too ("har inte antagit överenskommelsen")
            inner = v.negators & {_fold(w) for w, _, _ in _words(text[h.start : h.end])}
            if _negated(before, v) or (h.key == "in_force" and inner):
                if h.key == "in_force":
                    # "Överenskommelsen är inte påskriven": written, not yet signed
                    end = h.end if inner else h.start
                    out.append("in_progress" if _named_before(text, clause[0], end, v) else "none")
                continue
            out.append(h.key)
        return out

    strong = usable(_find(v.status, text))
    if not strong and ended:
        return [("none", False)]
    if strong and named and set(strong) <= {"in_progress", "under_revision"}:
        # "Den gamla överenskommelsen gäller tills en ny är klar", "… är under revidering och
        # de gamla gäller": the old one holds, a new one is drafted (two agreements)
        strong += [s for s in usable(_find(v.status_weak, text)) if s == "in_force"]
    if strong:
        return [(s, False) for s in dict.fromkeys(strong)]
    if reading.agreement or named:
        found = _find(v.status_weak, text) + (_find(v.status_text, text) if named else [])
        weak = usable(found)
        if weak:
            return [(s, False) for s in dict.fromkeys(weak)]
    reply = [h.key for h in _find(v.status_reply, text)]
    return [(s, True) for s in dict.fromkeys(reply)]


def _combine(statuses: set[str]) -> str:
    if "under_revision" in statuses or {"in_force", "in_progress"} <= statuses:
        return "under_revision"
    for status in ("in_progress", "in_force", "none", "unknown"):
        if status in statuses:
            return status
    return "unknown"


def agreement_votes(
    sentence: Sentence, reading: _Reading, v: Vocabulary, ctx: _Context
) -> list[Vote]:
    """The agreement statuses a sentence votes for, with the agreement's kind and dates.

    In a survey answer only Q1 speaks about the kommun's LÖK. In a free-text document a
    sentence speaks about an agreement when it names one (or the document did, and the
    sentence has a status word or dates of its own); its kind comes from `agreements.kind_of`.
    """
    text = sentence.text
    if ctx.question is not None:
        if ctx.question != "Q1":
            return []
        return [Vote(s, reading.area, text, r) for s, r in _status_votes(reading, v)]
    proposed = bool(_find(v.proposals, text))
    if sentence.block == "heading":
        ctx.proposal = proposed  # "Förslag till beslut", "Beslutsärenden": until the next heading
    note_agenda(sentence, v, ctx)
    votes = _document_votes(sentence, reading, v, ctx)
    drop_national_heading(sentence, votes, v, ctx)
    if ctx.proposal or proposed or agenda_item(sentence, ctx):
        # "Kommunfullmäktige godkänner samverkansavtalet": proposed, not decided
        votes = [x._replace(status="in_progress") if x.status == "in_force" else x for x in votes]
    return votes


def _document_votes(
    sentence: Sentence, reading: _Reading, v: Vocabulary, ctx: _Context
) -> list[Vote]:
    """The votes of a sentence of a free-text document (see `agreement_votes`)."""
    text = sentence.text
    first, ctx.read_any = not ctx.read_any, True  # the first line is the document's title
    note_subject(sentence, first, v, ctx)
    if text.rstrip().endswith("?"):
        return []  # "Finns det en gällande överenskommelse?" asks, it does not tell
    row = agreement_row(sentence, v, ctx)
    named = row or bool(
        _find(v.agreement_words, text)
        or any(_names(h, text, v) for h in _find(v.agreement_kinds, text))
    )
    charter = joint_charter(text, v)  # "Kommunerna och regionen har tagit fram en rutin"
    named = named or charter or planned(text, v)  # "ska teckna avtal med …" names one
    if ctx.agreement_table and not row:
        return []  # the header row names its columns ("Avtal | Parter | Gäller"), no agreement
    if new_side(text, v) == (0, 0):
        return []  # "Västbus riktlinjer har ersatts": the old one, whose status is not ours
    national, ctx.national = ctx.national, False
    if _states_only(text, v) or (national and national_again(text, v)):
        ctx.national = True
        return []  # "överenskommelsen mellan staten och SKL": a national one, not ours
    kind = kind_in_document(text, reading, v, ctx, row)
    if kind in ctx.replaced_kinds and new_side(text, v) is None:
        return []
    local = bool(_find(v.local_agreement_words, text))
    # "Godkänd av: …", "Fastställt av länsgruppen 2015-09-23": the document itself
    header = under_label(sentence, v, ctx) or dated_header(text, v)
    named_before = ctx.names_agreement
    ctx.names_agreement = ctx.names_agreement or named  # by a word for it, not a header line
    named = named or header
    if not (local or named or ctx.names_agreement) or names_types(text, v):
        return []  # (or "riktlinjer och rutiner": kinds of document in general)
    votes = _status_votes(reading, v, named) or ([("in_force", False)] if charter else [])
    votes = with_plans(text, votes, v)  # "Kommunen ska teckna ett avtal med regionen"
    start, end = dated(text, v, reach=8 if header else 3)
    if not local and not named:
        # a sentence after the agreement was named speaks of it only with a word for it ("Nu
        # är de antagna", "Alla parter har antagit den") or with a status word of its own:
        # "Rutiner saknas" is about something else, and so is a date alone ("Från 2023
        # omfattar samverkan också skolan")
        if not (_refers_back(text, v) or ((start or end) and votes)):
            return []
        votes = [(s, r) for s, r in votes if not r]  # "Ja" alone says nothing in a document
    titled = sentence.block in ("heading", "item") or (first and sentence.opens_paragraph)
    listed = titled and _opens_with_name(text, v)
    if not votes and named and (listed or on_agenda(sentence, ctx, v)):
        # "Överenskommelse om samverkan kring barn och unga" as a heading or a listed item:
        # a document that names an agreement as its subject, and nothing says it is not done
        votes = [("in_force", True)]  # counts only when nothing else in the document does
    if (
        not votes
        and (named or ctx.names_agreement)
        and (start or end)
        # a plan before the date ("ska gälla från 2026"), not one in a clause after it
        and not v.hypothetical & {_fold(w) for w, _, _ in _words(_before_date(text, v))}
    ):
        votes = [("in_force", False)]  # "Sedan 2008 följer alla kommuner gemensamma riktlinjer"
    if not votes and row:
        votes = [("in_force", False)]  # a table of agreements lists those that apply
    elif not votes and named and not (ctx.proposal or ctx.agenda) and presupposed(text, v):
        votes = [("in_force", True)]  # "Den lokala överenskommelsen slår fast …": it exists
    if not votes:
        return []
    if header and not (kind or ctx.agreement_kind or named_before or _documents(text, v)):
        kind = "other"  # a guidance or a division of work that calls itself no agreement
    # a document titled on one subject ("Rutiner … vid misstänkta sexualbrott"): another kind
    default = "other" if ctx.subject_titled else "LOK" if ctx.kommun else "ROK"
    kind = kind or ctx.agreement_kind or default
    # "Grunden för den lokala överenskommelsen är den regionala": the second one exists
    second = [Vote("in_force", reading.area, text, True, k) for k in other_kinds(text, kind, v)]
    return [Vote(s, reading.area, text, r, kind, start, end) for s, r in votes] + second


def _negated(before: list[str], v: Vocabulary) -> bool:
    """Whether a negation among the words before a status word is its own, not that of a verb
    before "sedan", "när" … ("har inte följts upp sedan den tecknades")."""
    last = max((i for i, w in enumerate(before) if w in v.negators), default=-1)
    breaks = v.absence_roles["negation_breaks"]
    return last >= 0 and not any(w in breaks for w in before[last + 1 :])


def _in_clause(spans: list[tuple[int, int]], clause: tuple[int, int]) -> bool:
    return any(clause[0] <= a < clause[1] for a, _ in spans)


def _names(hit: _Hit, text: str, v: Vocabulary) -> bool:
    """Whether a kind word names an agreement ("riktlinjerna", "Norrbus", "RÖK"), not only the
    county it covers ("länets kommuner", "länsövergripande") or the sides of a collaboration
    ("ett samarbete mellan kommunen och regionen")."""
    if hit.key not in ("ROK", "LOK"):
        return True
    word = text[hit.start : hit.end]
    # "RÖK" names one; "länsgemensamma rutiner", "länets kommuner" only name the county
    return (
        word.isupper()
        or bool(_find(v.agreement_words, word))
        or (hit.key == "LOK" and bool(_find(v.extra.contracts, word)))  # "lokala avtalet"
    )


def _named_before(text: str, start: int, pos: int, v: Vocabulary) -> bool:
    """Whether the agreement stands in definite form before ``pos`` in its clause
    ("Överenskommelsen är inte …"): a document that exists, not one that is missing."""
    return any(
        h.end <= pos and v.grammar.definite.search(text[h.start : h.end])
        for h in _find(v.agreement_words, text[start:pos])
    )


def _before_date(text: str, v: Vocabulary) -> str:
    """The text up to three words after its first date (the whole text if it has none): "Från
    2026 ska den gälla", but not "Sedan 2021 gäller en överenskommelse om hur parterna ska …"."""
    dates = _dates(text, v)
    if not dates:
        return text
    after = text[dates[0][1] :].split()[:3]
    return text[: dates[0][1]] + " " + " ".join(after)


def _opens_with_name(text: str, v: Vocabulary) -> bool:
    """Whether a text starts with the name of an agreement (after a number: "1.2 Avtal …"),
    not a brand ("Västbus organisation: …")."""
    body = text.lstrip("0123456789. ")
    if len(body.split()) < 2:
        return False  # "3.2.4 Samverkansdokument": a section on a kind of document
    hits = _find(v.agreement_words, body) + [
        h for h in _find(v.agreement_kinds, body) if h.key == "other"
    ]
    # "Överenskommelse om …", and after one word before it: "Lokal överenskommelse för …"
    return any(
        not body[: h.start].strip() or (len(body[: h.start].split()) == 1 and body[0].isupper())
        for h in hits
    )


#: statuses a document tells apart as agreements of their own (an old one in force and a new
#: one drafted; none now and one drafted; one that ended)
_TOLD_APART = frozenset({"in_force", "in_progress", "none"})


def _told_apart(votes: list[Vote]) -> list[str]:
    """The statuses of a document's agreements of one kind: in force and in progress each
    count; none counts beside in progress, and beside in force only when told after it (an
    agreement that ran out, "det finns i dag ingen gällande"), not before ("saknades, men
    tecknades 2014")."""
    order = [x.status for x in votes]
    last = {s: max(i for i, x in enumerate(order) if x == s) for s in set(order)}
    chosen: list[str] = [s for s in ("in_force", "in_progress") if s in last]
    if "none" in last and last["none"] > last.get("in_force", -1):
        chosen.append("none")
    return chosen


def _status_facts(votes: list[Vote], ctx: _Context, v: Vocabulary) -> list[Fact]:
    """One fact per agreement (kind and area): its status from the votes of the answer.

    In a document an agreement in force and one being drafted are two facts ("the old LÖK
    holds while a new one is written"); in a survey answer they are one under revision.
    """
    facts = []
    for kind, area in dict.fromkeys((x.kind, x.area) for x in votes):
        mine = [x for x in votes if (x.kind, x.area) == (kind, area)]
        real = [x for x in mine if not x.reply]
        used = real or mine
        if kind is not None:
            # "började revideras 2010 … antogs 2012": a revision told before the agreement
            # was adopted is over
            last_force = max((i for i, x in enumerate(used) if x.status == "in_force"), default=-1)
            used = [
                x
                for i, x in enumerate(used)
                # … but not one told in the same sentence ("är under revidering och de gamla
                # gäller")
                if x.status != "under_revision"
                or i > last_force
                or x.quote == used[last_force].quote
            ]
        statuses = {x.status for x in used}
        if kind is not None and {"in_force", "under_revision"} <= statuses:
            # "antogs 2016. Den revideras nu": the one in force and its new version (two)
            chosen = ["in_force", "in_progress"]
        elif (
            kind is not None
            and len(statuses & _TOLD_APART) > 1
            and "under_revision" not in statuses
        ):
            chosen = _told_apart(used)
        else:
            chosen = [_combine(statuses)]
        for status in chosen:
            mine_of = [
                x
                for x in used
                if x.status == status
                or status == "under_revision"
                or (status == "in_progress" and x.status == "under_revision")
            ]
            # "Den nu gällande överenskommelsen beslutades 2012": the current one's dates first
            mine_of.sort(key=lambda x: not _find(v.current_words, x.quote))
            quotes = list(dict.fromkeys(x.quote for x in mine_of)) or [used[0].quote]
            starts = [x.valid_from for x in (mine_of or used) if x.valid_from]
            if status == "in_force" and not starts:
                # "tecknades 2020 och löpte ut …, har förlängts": the date told with its end
                starts = [x.valid_from for x in used if x.valid_from]
            ends = [x.valid_to for x in (mine_of or used) if x.valid_to]
            if status == "in_force" and not ends and "none" in chosen:
                # "ingen överenskommelse för 2019, bara den som gäller till och med 2018": the
                # end told beside "none" is the end of the one that was in force
                ends = [x.valid_to for x in used if x.status == "none" and x.valid_to]
            if status == "none" and "in_force" in chosen:
                starts = ends = []  # the dates are the ended one's, told on its fact
            facts.append(
                Fact(
                    kind="agreement_status",
                    status=status,
                    agreement_area=area,
                    agreement_kind=kind,  # type: ignore[arg-type]
                    valid_from=starts[0] if starts else None,
                    valid_to=ends[0] if ends else None,
                    kommun=ctx.kommun,
                    respondent=ctx.respondent,
                    question=ctx.question,
                    quote=" […] ".join(quotes),
                    source=ctx.source,
                )
            )
    return facts
