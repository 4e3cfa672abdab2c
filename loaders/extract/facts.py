"""Facts of an answer: the sentences read in order, turned into `Fact` records."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypedDict

from lokgraph.collector import collector_paused
from lokgraph.facts import Fact

from ..records import Answer
from . import document, sides
from .agenda import matter_groups
from .casework import casework_members, note_casework
from .centre_services import centre_members
from .colocation import defines
from .context import _Context
from .ended_groups import without_ended_groups
from .examples import examples_here, examples_taken, pending_examples
from .generic_places import general_place_sentence, one_centre
from .groups import _GroupMention
from .joint_work import joint_members, unbound
from .leaders import without_leaders
from .meeting_notes import notes_group
from .meetings import note_meeting, without_empty_meetings
from .minutes import board_title
from .party_facts import _full_beats_partial, _grouped_beats_ungrouped, _party_facts
from .persons import person_members
from .planned_groups import planned_group
from .planned_places import note_place_tense, without_planned_places
from .political_rosters import note_politicians, political_title_group
from .reading import _read
from .record import close_record, open_record
from .role_groups import role_members
from .sentences import MAX_SENTENCE, split_sentences
from .spans import _find, _resolve
from .status import Vote, _status_facts, agreement_votes
from .terms import _fold
from .vocabulary import Vocabulary, load_vocabulary


class _Said(TypedDict):
    """What every fact of one sentence shares: who said it, where, and the sentence."""

    kommun: str | None
    respondent: str | None
    question: str | None
    quote: str
    source: str


def extract_answers(
    answers: Iterable[Answer],
    vocabulary: Vocabulary | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    notes: list[str] | None = None,
) -> list[Fact]:
    """The facts of survey answers, in answer and sentence order.

    ``progress(done, total)`` is called about 50 times on the way (answers are a sequence then).
    ``notes`` gets a line in Swedish for what a planner should know (a text run too long to read
    as one sentence was read in pieces).

    >>> from loaders.records import Answer
    >>> a = Answer(source="enkät", kommun="Leksand", question="Q4",
    ...            text="Vi behöver även få med BUP och HAB.")
    >>> [(f.kind, f.party, f.reason) for f in extract_answers([a])]
    [('absent', 'BUP', 'needed'), ('absent', 'HAB', 'needed')]
    """
    # extraction makes no reference cycles (tests/test_extract_collector.py checks it), while
    # the collector would walk everything alive again and again: at 290 kommuner a sixth of
    # the time, and more the more the process holds (the survey, a curated structure)
    with collector_paused():
        return _extract_answers(answers, vocabulary or load_vocabulary(), progress, notes)


def _extract_answers(
    answers: Iterable[Answer],
    vocabulary: Vocabulary,
    progress: Callable[[int, int], None] | None,
    notes: list[str] | None,
) -> list[Fact]:
    facts: list[Fact] = []
    ctx: _Context | None = None
    items = list(answers)
    cut = start = 0
    step = max(1, len(items) // 50)
    for number, answer in enumerate(items, start=1):
        who = (answer.source, answer.kommun, answer.question, answer.respondent)
        # the paragraphs of one free-text document share their context (groups named in a
        # heading, lists opened by a lead line); survey answers each stand alone
        if ctx is None or answer.question is not None or who != ctx.who:
            if ctx is not None:
                facts[start:] = _finish(facts[start:], ctx, vocabulary)
            ctx, start = _Context(*who), len(facts)
        before = ctx.cut_runs
        facts.extend(_extract(answer.text, vocabulary, ctx))
        cut += ctx.cut_runs - before
        if progress is not None and (number % step == 0 or number == len(items)):
            progress(number, len(items))
    if ctx is not None:
        facts[start:] = _finish(facts[start:], ctx, vocabulary)
    if cut and notes is not None:
        what = "ett textstycke" if cut == 1 else f"{cut} textstycken"
        long = "långt" if cut == 1 else "långa"
        notes.append(
            f"{what} utan meningsslut var för {long} och lästes i delar om högst "
            f"{MAX_SENTENCE} tecken"
        )
    return facts


def extract_text(
    text: str,
    *,
    source: str,
    kommun: str | None = None,
    question: str | None = None,
    respondent: str | None = None,
    vocabulary: Vocabulary | None = None,
) -> list[Fact]:
    """The facts of one free text (one answer, or a whole document about one kommun).

    >>> facts = extract_text("Vi har en styrgrupp med representanter från BUP och IFO.",
    ...                      source="t", kommun="Orsa")
    >>> [(f.kind, f.party or f.group_type) for f in facts]
    [('group', 'styrgrupp'), ('member', 'BUP'), ('member', 'SOCIALTJANST')]
    """
    vocabulary = vocabulary or load_vocabulary()
    ctx = _Context(source, kommun, question, respondent)
    return _finish(_extract(text, vocabulary, ctx), ctx, vocabulary)


def _extract(text: str, v: Vocabulary, ctx: _Context) -> list[Fact]:
    facts: list[Fact] = []
    status_votes: list[Vote] = []
    deviation: tuple[str, str] | None = None
    sentences = split_sentences(text, v)
    ctx.cut_runs += sum(1 for s in sentences if s.piece == 1)
    for i, sentence in enumerate(sentences):
        open_record(sentence.text, v)  # the sentence scanned once: every pass reads this
        note_place_tense(sentence.text, ctx, v)
        if document.in_document(ctx):
            note_politicians(sentence.text, ctx, v)
        if sentence.is_heading:
            ctx.side_carry = False
            continue
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        document.before_reading(sentence, ctx, v)
        if document.in_document(ctx):
            note_casework(sentence.text, ctx, v)
        previous = ctx.last_group
        whole = document.takes_whole_line(sentence, ctx, v)
        reading = _read(
            sentence,
            v,
            ctx.kommun,
            previous,
            ctx.list_lead,
            whole,
            document.in_document(ctx),
        )
        if document.in_document(ctx) and not ctx.title_read:  # "Minnesanteckningar, möte …"
            notes = notes_group(sentence.text, bool(reading.groups), v)
            reading.groups += [notes] if notes is not None else []
        without_leaders(sentence.text, reading, previous, v)  # "IFO leds av …": no group, no member
        placed = False
        base: _Said = {
            "kommun": ctx.kommun,
            "respondent": ctx.respondent,
            "question": ctx.question,
            "quote": sentence.text,
            "source": ctx.source,
        }
        # groups (an agenda's items name matters, not groups that exist)
        # … nor a group only planned ("En styrgrupp ska bildas"), nor its members
        planned = planned_group(sentence.text, v)
        if planned or matter_groups(sentence, ctx):
            reading.groups = []
        for g in reading.groups:
            _adopt_name(g, ctx, v)
        document.note_mentions(sentence, reading, ctx, v)
        for g in reading.groups:
            note_meeting(g, ctx, v)
            if _seen_group(ctx, g):
                _keep_level(g, ctx)  # named again: the level it was first given
                placed = True
                continue
            ctx.group_levels[(g.group_type, g.name)] = g.level
            ctx.emitted_groups.append((g.group_type, g.name, g.governed_by))
            ctx.group_stems.setdefault((g.group_type, g.name), _group_stem(g, v))
            facts.append(
                Fact(
                    kind="group",
                    group_type=g.group_type,
                    level=g.level,
                    group_name=g.name,
                    governed_by=g.governed_by,
                    **base,
                )
            )
            placed = True
        # members and absences (the sides of an agreement are no members)
        joint = False
        if document.in_document(ctx):  # "På bottenvåningen finns BVC, MVC och …"
            centre_members(reading, previous, ctx, v, roster=sentence.block == "roster")
            joint = joint_members(reading, sentence.text, v)  # "… ägs gemensamt av X och Y"
            # "SIP-möte där …, till exempel X och Y"; in a SIP page "X och Y kan delta"
            examples_here(reading, sentence.text, v, bool(ctx.casework_quote))
        person_members(reading, sentence.text, previous, v)  # "en kurator från elevhälsan"
        side = sides.is_side(sentence, reading, ctx, v) or defines(sentence.text, v)
        sides.after_side(sentence, reading, side, ctx)
        facts_here = _party_facts(reading, v, ctx, base, members=not side)
        if not side:  # "socialchefsnätverket": the chiefs of social services
            facts_here += role_members(reading, v, base, facts_here)
        if joint:
            facts_here = unbound(facts_here)
        if any(f.group_type == "familjecentral" for f in facts_here) and general_place_sentence(
            sentence.text, v, one_centre(ctx.last_group, v)
        ):  # "Familjecentraler bygger på …", "Där ska BVC och MVC arbeta"
            facts_here = [
                f for f in facts_here if f.kind != "member" or f.group_type != "familjecentral"
            ]
        if not ctx.title_read:
            ctx.title_read = True
            ctx.board_minutes = document.in_document(ctx) and board_title(
                sentence.text, reading.groups, v
            )
        if ctx.board_minutes and sentence.block == "roster":  # the board's people
            facts_here = [f for f in facts_here if f.kind != "member" or f.group_type]
        if document.in_document(ctx):  # "… till exempel BVC och IFO. … ett team bildas …"
            taken = examples_taken(reading, ctx, v, dict(base))
            facts = [
                f
                for f in facts
                if not (taken and f.kind == "unplaced" and f.quote == ctx.examples_quote)
            ]
            facts_here = taken + facts_here
            ctx.examples, ctx.examples_quote = pending_examples(reading, v), sentence.text
        if planned:
            facts_here = [f for f in facts_here if f.kind != "member"]
        if facts_here:
            placed = True
            facts.extend(facts_here)
        document.after_reading(sentence, following, reading, ctx, v)
        # agreement status
        votes = agreement_votes(sentence, reading, v, ctx)
        if votes:
            placed = True
            # a document's agreements are told once, from all its paragraphs (`finish`)
            (ctx.votes if document.in_document(ctx) else status_votes).extend(votes)
        # deviation reporting
        if ctx.question == "Q5" or (
            ctx.question is None and _find(v.deviation_words, sentence.text)
        ):
            hits = _resolve(_find(v.deviation, sentence.text))
            if hits:
                placed = True
                if deviation is None:
                    deviation = (hits[0].key, sentence.text)
        if ctx.list_lead and sentence.text.rstrip().endswith(":"):
            placed = True  # it opens a list the next lines fill
        # a sentence that names a party or a group is never dropped, however short ("BUP.")
        if not placed and (reading.parties or reading.groups or not _boilerplate(sentence.text, v)):
            facts.append(Fact(kind="unplaced", **base))
    close_record()
    facts.extend(_status_facts(status_votes, ctx, v))
    if deviation is not None:
        facts.append(
            Fact(
                kind="deviation_reporting",
                status=deviation[0],
                kommun=ctx.kommun,
                respondent=ctx.respondent,
                question=ctx.question,
                quote=deviation[1],
                source=ctx.source,
            )
        )
    return facts


def _finish(facts: list[Fact], ctx: _Context, v: Vocabulary) -> list[Fact]:
    """A document's facts once all of it is read: group levels from everything it says, and
    one status fact per agreement from the votes of all its paragraphs."""
    out = without_empty_meetings(document.revise_levels(facts, ctx, v), ctx)
    out = without_planned_places(out, ctx, v)
    out = without_ended_groups(out, ctx, v)
    if document.in_document(ctx):
        out = casework_members(out, ctx, v)
        out = political_title_group(out, ctx)
    if document.in_document(ctx):
        out = _grouped_beats_ungrouped(_full_beats_partial(out))
    out += _status_facts(ctx.votes, ctx, v)
    ctx.votes = []
    return out


def _keep_level(g: _GroupMention, ctx: _Context) -> None:
    """A group named again keeps the level it was first given, unless a level word says more."""
    if g.explicit_level:
        return
    level = ctx.group_levels.get((g.group_type, g.name))
    if level is None and g.name is None:
        known = [lv for (t, _), lv in ctx.group_levels.items() if t == g.group_type]
        level = known[0] if known else None
    if level is not None:
        g.level = level


def _adopt_name(g: _GroupMention, ctx: _Context, v: Vocabulary) -> None:
    """A group named again in its definite form without its name is the group of that word
    named before: "Länsgrupp Barn och unga …" then "Länsgruppen består av …" is one group
    (but "ett samverkansnätverk" is a new one)."""
    if g.name is not None:
        return
    word = _fold(g.hit_text)
    ending = v.grammar.definite.search(word)
    if ending is None:
        return
    stem = word[: ending.start()]
    names = {name for (t, name), s in ctx.group_stems.items() if t == g.group_type and s == stem}
    if not names:
        names = {name for t, name, _ in ctx.emitted_groups if t == g.group_type}
    if len(names) == 1 and None not in names:
        g.name = names.pop()


def _group_stem(g: _GroupMention, v: Vocabulary) -> str:
    word = _fold(g.hit_text)
    ending = v.grammar.definite.search(word)
    return word[: ending.start()] if ending else word


def _seen_group(ctx: _Context, g: _GroupMention) -> bool:
    for group_type, name, governed_by in ctx.emitted_groups:
        if group_type != g.group_type:
            continue
        if (g.name is None or g.name == name) and (g.governed_by in (None, governed_by)):
            return True
    return False


def _boilerplate(text: str, v: Vocabulary) -> bool:
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < 2:
        return True
    return any(h.start == 0 or len(words) <= 4 for h in _find(v.boilerplate, text))
