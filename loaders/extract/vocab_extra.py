"""The word lists of the later membership passes (sides of an agreement, …), compiled from
their headings under ``members:`` in the vocabulary YAML.

They live beside `Vocabulary` as one record, ``Vocabulary.extra``, so that a pass added
later adds its lists here and not to the long list of `Vocabulary` fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from lokgraph.codes import LEVELS, PARTIES
from lokgraph.errors import InputError

from .terms import Term, _fold
from .vocab_keys import (
    EXTRA_AGREEMENT_KEYS,
    EXTRA_COMPOUND_KEYS,
    EXTRA_MEMBER_KEYS,
    EXTRA_SECTIONS,
)
from .vocab_words import group_typed, phrase_words, prefix_typed
from .vocab_words import words as word_list

__all__ = [
    "EXTRA_AGREEMENT_KEYS",
    "EXTRA_COMPOUND_KEYS",
    "EXTRA_MEMBER_KEYS",
    "EXTRA_SECTIONS",
    "ExtraWords",
    "compile_extra",
]


@dataclass(frozen=True)
class ExtraWords:
    """Lists of the later membership passes (what each is for is said beside it in the YAML)."""

    #: words that name an agreement-like document besides ``agreement.words``: its parties
    #: are sides of it, not members ("samverkansavtal", "riktlinjer")
    side_documents: tuple[Term, ...]
    #: words that make the parties of an agreement sentence take part in work on it
    #: ("har involverats i arbetet med LÖK:en")
    side_work: tuple[Term, ...]
    #: definite group words that, anywhere in a document's sentence, name the group before
    group_references: tuple[Term, ...]
    #: group words with a level of their own, whatever their type's ("barnahus": individ)
    group_levels: tuple[Term, ...]
    #: actors with no party code that stand in a list of parties ("polis, läkare och BUP")
    other_actors: tuple[Term, ...]
    #: words before a genitive party that make it the party a person comes from, not a topic
    genitive_from: frozenset[str]
    #: words for a group being formed or meeting ("ett team kan bildas kring barnet")
    formed_words: tuple[Term, ...]
    #: meeting words that name a group only where someone takes part ("SIP-mötet")
    meeting_groups: tuple[Term, ...]
    #: words of casework about one child: consent, a network meeting (`casework`)
    casework_cues: tuple[Term, ...]
    #: words of a SIP: the casework group of such a document is a `sip_samverkan`
    casework_sip: tuple[Term, ...]
    #: political parties as a roster marks its elected members ("(S)"): `political_rosters`
    political_parties: tuple[Term, ...]
    #: words between a place preposition and a party of a lead line that keep it a place
    place_determiners: frozenset[str]
    #: openings of a sentence that defines a family centre in general ("En familjecentral …")
    definitions: tuple[Term, ...]
    #: words for a project a sentence's parties take part in, with no group of its own
    projects: tuple[Term, ...]
    #: words of a plan, wish or possibility: a family centre sentence with one names no
    #: members ("Där ska BVC och MVC arbeta")
    place_irrealis: frozenset[str]
    #: words between a colocation word and the services after it that make them something
    #: else's ("finns pengar fördelade mellan socialnämnden och …")
    colocation_breaks: frozenset[str]
    #: the endings of a board's name ("nämnden", "styrelsen"): a protocol titled so is the board's
    board_heads: tuple[str, ...]
    #: roles that open a roster line ("Ordförande (S), socialnämnden"): `roster_lines`
    roster_roles: tuple[Term, ...]
    #: verbs that make "samarbetet mellan …" after them the topic of a text ("Rutinen gäller
    #: samarbetet mellan …"), not a collaboration that takes place
    topic_verbs: frozenset[str]
    #: words anywhere in a sentence that refer back to the place ("bemannas den av …")
    place_pronouns: frozenset[str]
    #: verbs that after a comma name the speaker of a quote ("…, säger chefen på BVC")
    speech_verbs: frozenset[str]
    #: prepositions after a person word that make the compound team after them the person's
    #: workplace ("en socialsekreterare från kommunens familjeteam"): `listed_units`
    unit_prepositions: frozenset[str]
    #: words that may stand before an indefinite centre word opening a sentence ("På en …")
    place_generic_lead: frozenset[str]
    #: the indefinite stem of the centre word ("familjecentral")
    place_generic_stem: str
    #: a family centre only planned (`planned_places`): the centre stems, the words of a plan,
    #: the start verbs after a modal word (and the words after one that make it no verb), the
    #: words that say a centre exists (and those that do with "finns"), the words of other
    #: places, and the words of a collaboration (one or two words each, folded)
    place_stems: frozenset[str]
    #: (stem, group type): the kind of group each centre stem gives
    place_group_types: tuple[tuple[str, str], ...]
    place_plans: frozenset[str]
    place_modals: frozenset[str]
    place_start_verbs: frozenset[str]
    place_start_not_before: frozenset[str]
    place_exists: frozenset[str]
    place_exists_finns: frozenset[str]
    place_elsewhere: frozenset[str]
    place_joint: frozenset[str]
    #: a group dissolved (`ended_groups`): the words that end it, those that do with "finns",
    #: and the words of a new group that make a sentence tell nothing (one or two words each)
    group_ended: frozenset[str]
    group_ended_finns: frozenset[str]
    group_ended_new: frozenset[str]
    #: the words of an interview or a survey, and those before one that make the
    #: interviewed the source of what is said (`informants`)
    informant_cues: tuple[Term, ...]
    informant_sources: frozenset[str]
    leader_cues: frozenset[str]
    basis_words: frozenset[str]
    group_plan_words: frozenset[str]
    group_start_verbs: frozenset[str]
    group_plan_practice: frozenset[str]
    #: joint work without a group (`joint_work`): words of doing something together, adjectives
    #: before a noun of work (and those nouns), verbs of collaboration, and duty or wish words
    joint_words: frozenset[str]
    joint_adjectives: frozenset[str]
    joint_works: tuple[Term, ...]
    collaboration_verbs: frozenset[str]
    collaboration_nouns: frozenset[str]
    collaboration_stems: frozenset[str]
    joint_heads: frozenset[str]
    collaboration_having: frozenset[str]
    joint_modals: frozenset[str]
    joint_topics: frozenset[str]
    joint_articles: frozenset[str]
    #: a meeting's notes (`meeting_notes`): words of notes and of a meeting in a title
    notes_words: frozenset[str]
    #: words before a group named by its people's role that make it a receiver (`role_groups`)
    role_receivers: frozenset[str]
    #: words of meeting: with a group, the examples of the same sentence meet in it (`examples`)
    meeting_verbs: frozenset[str]
    meeting_words: frozenset[str]
    #: the party codes of a family centre's services (`centre_services`)
    centre_services: frozenset[str]
    #: words of a centre that does not exist yet ("blir", "kommande")
    centre_future: frozenset[str]
    #: (party) staff of a family centre who stand for their service there ("barnmorska": MVC)
    centre_staff: tuple[Term, ...]
    #: parts of the building a centre sentence may open at ("På bottenvåningen finns …")
    place_parts: tuple[Term, ...]
    #: the example markers of ``grammar.example_markers`` anywhere in a sentence
    example_words: re.Pattern[str]
    #: the head words of a network ("nätverk"): a group word ending in one is a network
    network_heads: tuple[str, ...]
    #: a group word after an adjective ("Samordnande grupp", `phrase_groups`): its heads,
    #: the adjective endings, the words with such an ending that are no adjective of one, and
    #: the copulas after which the phrase describes a group named before
    phrases: tuple[frozenset[str], tuple[str, ...], frozenset[str], frozenset[str]]
    #: the group types a network head turns into ``natverk`` (those with no better key)
    network_types: frozenset[str]
    #: (first part, level): a compound group whose first part ends so has that level
    #: ("skolchefsnätverket" is strategic: chiefs decide)
    prefix_levels: tuple[tuple[str, str], ...]
    #: (first part, group type): a compound group whose first part ends so is of that type
    #: ("socialchefsgruppen" is a chefsgrupp)
    prefix_types: tuple[tuple[str, str], ...]
    #: agreement words in the indefinite plural ("lokala överenskommelser ska tecknas"):
    #: agreements in general, not the one a later "Överenskommelsen" refers back to
    generic_plurals: tuple[Term, ...] = ()
    #: words in a document's title lines that make it an agenda ("Kallelse", "Dagordning"):
    #: the agreements its items name are up for decision (`agenda`)
    agendas: tuple[Term, ...] = ()
    #: the contract words of ``agreement.contract_frames`` ("avtal*") on their own
    contracts: tuple[Term, ...] = ()
    #: how many years an agreement lasts ("gäller i tre år"): the key is the number of years
    durations: tuple[Term, ...] = ()
    #: openings whose "Det" is the object, what the sentence before said ("Det har … enats
    #: om"): that sentence's agreement subject is this one's (`agreement_subject`)
    topic_openers: tuple[Term, ...] = ()
    #: a plan to make an agreement as the object of an approval ("förslag om att teckna")
    plans: tuple[Term, ...] = ()
    #: prepositions before the sides of an agreement ("mellan", "med"): `agreement_phrase`
    side_prepositions: frozenset[str] = frozenset()
    #: words before a date that opens a sentence ("I januari 2021 trädde den i kraft")
    fronted_openers: frozenset[str] = frozenset()
    #: a plan, a verb of making an agreement, and that verb in the present: `planned_agreements`
    plan_modals: tuple[Term, ...] = ()
    making_verbs: tuple[Term, ...] = ()
    making_present: tuple[Term, ...] = ()
    #: words after "det" that make it an expletive ("gäller det att …"), not the agreement
    fronted_clauses: frozenset[str] = frozenset()
    #: openings of a subjectless line on validity ("Gäller 2020–2023"): `dated_lines`
    validity_labels: tuple[Term, ...] = ()
    #: (words that make an agreement named in the definite form a former or national one,
    #: the endings of the definite singular, plurals with those endings): `presupposed`
    presupposition: tuple[frozenset[str], tuple[str, ...], frozenset[str]] = (
        frozenset(),
        (),
        frozenset(),
    )


def compile_extra(
    data: Mapping[str, Any],
    plain: Callable[[str, Mapping[str, Any], str], tuple],
    source: str,
    keyed: Callable[..., tuple],
) -> ExtraWords:
    """The `ExtraWords` of a vocabulary; ``plain`` and ``keyed`` compile lists of terms."""
    members = data.get("members") or {}
    compounds = data.get("group_compounds") or {}
    grammar = data.get("grammar") or {}
    agreement = data.get("agreement") or {}
    presupposing = agreement.get("presupposition") or {}
    return ExtraWords(
        group_levels=keyed("group_levels", LEVELS),
        side_documents=plain("side_documents", members, "side_document"),
        side_work=plain("side_work", members, "side_work"),
        group_references=plain("group_references", members, "group_reference"),
        other_actors=plain("other_actors", members, "actor"),
        genitive_from=frozenset(_fold(w) for w in members.get("genitive_from") or ()),
        formed_words=plain("formed_words", members, "formed"),
        meeting_groups=plain("meeting_groups", members, "meeting"),
        casework_cues=plain("casework_cues", members, "casework"),
        casework_sip=plain("casework_sip", members, "casework_sip"),
        political_parties=plain("political_parties", members, "political_party"),
        definitions=plain("definitions", members, "definition"),
        projects=plain("projects", members, "project"),
        place_determiners=frozenset(_fold(w) for w in members.get("place_determiners") or ()),
        place_irrealis=frozenset(_fold(w) for w in members.get("place_irrealis") or ()),
        colocation_breaks=frozenset(_fold(w) for w in members.get("colocation_breaks") or ()),
        board_heads=tuple(_fold(w) for w in members.get("board_heads") or ()),
        roster_roles=plain("roster_roles", members, "roster_role"),
        topic_verbs=frozenset(_fold(w) for w in members.get("topic_verbs") or ()),
        place_pronouns=frozenset(_fold(w) for w in members.get("place_pronouns") or ()),
        speech_verbs=frozenset(_fold(w) for w in members.get("speech_verbs") or ()),
        unit_prepositions=frozenset(_fold(w) for w in members.get("unit_prepositions") or ()),
        place_generic_lead=frozenset(_fold(w) for w in members.get("place_generic_lead") or ()),
        place_generic_stem=_fold(str(members.get("place_generic_stem") or "familjecentral")),
        place_stems=word_list(members, "place_stems"),
        place_group_types=group_typed(members.get("place_group_types") or {}, source),
        place_plans=word_list(members, "place_plans"),
        place_modals=word_list(members, "place_modals"),
        place_start_verbs=word_list(members, "place_start_verbs"),
        place_start_not_before=word_list(members, "place_start_not_before"),
        place_exists=word_list(members, "place_exists"),
        place_exists_finns=word_list(members, "place_exists_finns"),
        place_elsewhere=word_list(members, "place_elsewhere"),
        place_joint=word_list(members, "place_joint"),
        group_ended=word_list(members, "group_ended"),
        group_ended_finns=word_list(members, "group_ended_finns"),
        group_ended_new=word_list(members, "group_ended_new"),
        informant_cues=plain("informant_cues", members, "informant"),
        informant_sources=word_list(members, "informant_sources"),
        leader_cues=word_list(members, "leader_cues"),
        basis_words=word_list(members, "basis_words"),
        group_plan_words=word_list(members, "group_plan_words"),
        group_start_verbs=word_list(members, "group_start_verbs"),
        group_plan_practice=word_list(members, "group_plan_practice"),
        centre_services=_codes(members.get("centre_services") or (), "centre_services", source),
        joint_words=frozenset(_fold(w) for w in members.get("joint_words") or ()),
        joint_adjectives=frozenset(_fold(w) for w in members.get("joint_adjectives") or ()),
        joint_works=plain("joint_works", members, "joint_work"),
        collaboration_verbs=frozenset(_fold(w) for w in members.get("collaboration_verbs") or ()),
        collaboration_nouns=word_list(members, "collaboration_nouns"),
        collaboration_stems=word_list(members, "collaboration_stems"),
        joint_heads=word_list(members, "joint_heads"),
        collaboration_having=word_list(members, "collaboration_having"),
        joint_modals=frozenset(_fold(w) for w in members.get("joint_modals") or ()),
        joint_topics=frozenset(_fold(w) for w in members.get("joint_topics") or ()),
        joint_articles=frozenset(_fold(w) for w in members.get("joint_articles") or ()),
        notes_words=frozenset(_fold(w) for w in members.get("notes_words") or ()),
        role_receivers=word_list(members, "role_receivers"),
        meeting_verbs=word_list(members, "meeting_verbs"),
        meeting_words=frozenset(_fold(w) for w in members.get("meeting_words") or ()),
        centre_future=word_list(members, "centre_future"),
        centre_staff=keyed("centre_staff", PARTIES, members),
        place_parts=plain("place_parts", members, "place_part"),
        example_words=compile_examples(list(grammar.get("example_markers") or ())),
        network_heads=tuple(_fold(w) for w in compounds.get("network_heads") or ()),
        phrases=phrase_words(compounds.get("phrases") or {}),
        network_types=frozenset(str(t) for t in compounds.get("network_types") or ()),
        prefix_levels=_levelled(compounds.get("prefix_levels") or {}, source),
        prefix_types=prefix_typed(compounds.get("prefix_types") or {}, source),
        generic_plurals=plain("generic_plurals", agreement, "generic"),
        agendas=plain("agendas", agreement, "agenda"),
        contracts=plain("contracts", agreement.get("contract_frames") or {}, "contract"),
        durations=_years(agreement.get("durations") or {}, plain, source),
        topic_openers=plain("topic_openers", agreement, "topic_opener"),
        plans=plain("plans", agreement, "plan"),
        side_prepositions=frozenset(_fold(w) for w in agreement.get("side_prepositions") or ()),
        fronted_openers=frozenset(_fold(w) for w in agreement.get("fronted_openers") or ()),
        plan_modals=plain("plan_modals", agreement, "plan_modal"),
        making_verbs=plain("making_verbs", agreement, "making_verb"),
        making_present=plain("making_present", agreement, "making_present"),
        fronted_clauses=frozenset(_fold(w) for w in agreement.get("fronted_clauses") or ()),
        validity_labels=plain("validity_labels", agreement, "validity_label"),
        presupposition=(
            frozenset(_fold(w) for w in presupposing.get("breaks") or ()),
            tuple(_fold(w) for w in presupposing.get("endings") or ()),
            frozenset(_fold(w) for w in presupposing.get("plurals") or ()),
        ),
    )


def _codes(words: Iterable[Any], heading: str, source: str) -> frozenset[str]:
    """Party codes listed under ``members: <heading>``, each one known to `lokgraph.codes`."""
    out = frozenset(str(w) for w in words)
    unknown = sorted(out - set(PARTIES))
    if unknown:
        raise InputError(
            f"unknown code {unknown[0]!r} under 'members: {heading}'",
            where=source,
            fix="Use one of " + ", ".join(PARTIES),
        )
    return out


def _years(
    section: Any, plain: Callable[[str, Mapping[str, Any], str], tuple], source: str
) -> tuple:
    """The terms of ``agreement.durations``, each keyed by its number of years."""
    if not isinstance(section, dict) or not all(str(k).isdigit() for k in section):
        raise InputError("'agreement: durations' must map a number of years to words", where=source)
    named = {str(years): words for years, words in section.items()}
    return tuple(t for years in named for t in plain(years, named, years))


def _levelled(section: Mapping[str, Any], source: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(section, dict):
        raise InputError("'group_compounds: prefix_levels' must map levels to words", where=source)
    out = []
    for level, words in section.items():
        if level not in LEVELS:
            raise InputError(
                f"unknown level {level!r} under 'group_compounds: prefix_levels'",
                where=source,
                fix="Use one of " + ", ".join(LEVELS),
            )
        out += [(_fold(str(w)), str(level)) for w in words or ()]
    return tuple(out)


def compile_examples(words: list[str]) -> re.Pattern[str]:
    """One pattern for the example markers anywhere in a sentence ("till exempel", "t.ex").

    >>> bool(compile_examples(["till exempel", "t.ex"]).search("stöd från till  exempel BVC"))
    True
    """
    ordered = sorted((str(w) for w in words), key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return re.compile(r"(?<!\w)(?:" + (alternatives or r"(?!)") + r")(?!\w)\.?", re.I)
