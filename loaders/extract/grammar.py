"""The small words and endings the rules are built on (``grammar:`` in vocabulary.yaml).

Every list is required and checked when the vocabulary is loaded; a planner's own file without
``extends: default`` and without a ``grammar`` heading gets the bundled one. Word sets are kept
folded (å → a, see `_fold`) for comparison with folded words; the patterns that look at raw
text take each word as written and with its first letter in either case.

>>> g = compile_grammar({**{k: ["x"] for k in GRAMMAR_KEYS}, "refers_back": ["i den", "där"]},
...                     "test")
>>> bool(g.refers_back.match("I den sitter BUP")), bool(g.refers_back.match("Därför"))
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from lokgraph.errors import InputError

from .terms import _fold

__all__ = ["ABSENCE_ROLE_KEYS", "GRAMMAR_KEYS", "Grammar", "compile_grammar"]

#: the word lists of ``absence_roles`` (who in a clause is the absent party; `absence._subject`)
ABSENCE_ROLE_KEYS = (
    "lacks",
    "experiencer",
    "subject_pronouns",
    "clause_adverbs",
    "subordinators",
    "after_roles",
    "topic_words",
    "before_neither",
    "negation_breaks",
    "past_openers",
    "raising_verbs",
    "object_places",
    "passive_objects",
    "hedges",
)

GRAMMAR_KEYS: tuple[str, ...] = (
    "abbreviations",
    "level_word",
    "list_joiners",
    "partial_joiners",
    "gap_words",
    "task_openers",
    "verbs",
    "list_non_openers",
    "person_of",
    "not_only",
    "also_not",
    "negating_determiners",
    "correlatives",
    "correlative_partner",
    "correlatives_neither",
    "name_stopwords",
    "name_skip_first",
    "name_trailing",
    "age_word",
    "refers_back",
    "governance_pronouns",
    "group_prepositions",
    "topic_prepositions",
    "particles",
    "partner_word",
    "relative_words",
    "colocation_prepositions",
    "place_before_kommun",
    "kommun_word",
    "genitive_endings",
    "definite_endings",
    "plural_endings",
    "plural_definite_endings",
    "adjective_endings",
    "group_word_inflections",
    "months",
    "agreement_refers",
    "determiner_followers",
    "example_markers",
    "between_words",
    "actor_words",
)


@dataclass(frozen=True)
class Grammar:
    """The compiled ``grammar`` section: folded word sets and the patterns built from them."""

    abbreviations: frozenset[str]
    level_word: str
    list_joiners: frozenset[str]
    task_openers: frozenset[str]
    verbs: frozenset[str]
    list_non_openers: frozenset[str]
    person_of: frozenset[str]
    not_only: frozenset[str]
    also_not: frozenset[str]
    negating_determiners: frozenset[str]
    correlatives: frozenset[str]
    correlative_partner: frozenset[str]
    #: "varken": the word that opens "varken … eller"
    correlatives_neither: frozenset[str]
    name_stopwords: frozenset[str]
    name_skip_first: frozenset[str]
    name_trailing: frozenset[str]
    age_word: frozenset[str]
    colocation_prepositions: frozenset[str]
    #: "som", "där": words that open a relative clause
    relatives: frozenset[str]
    #: "mellan": the word that ends a member phrase naming the sides of a collaboration
    between: frozenset[str]
    #: "aktörer", "verksamheter": who takes part, named before the list of them
    actors: frozenset[str]
    #: what may follow a group word's head in its inflected forms ("", "en", "erna" …)
    group_inflections: frozenset[str]
    kommun_word: str
    #: month names (folded) → 1-12, in the order the list gives them
    months: dict[str, int]
    #: first words of a sentence that mean the agreement named before
    agreement_refers: frozenset[str]
    #: words after "Den"/"Det" that make it the article of another noun ("Den tredje delen")
    determiner_followers: frozenset[str]
    #: "I den …", "Där …" at the start of a sentence
    refers_back: re.Pattern[str]
    #: a pronoun right after "Under" ("Under den finns …")
    governance_pronoun: re.Pattern[str]
    #: a preposition opening a short qualifier after a group ("för skolfrågor")
    group_preposition: re.Pattern[str]
    #: a preposition right before a weak member word (then it is a topic)
    topic_preposition: re.Pattern[str]
    #: a particle right after a weak member word ("samlar in")
    particle: re.Pattern[str]
    #: "med" right after a colocation word
    partner: re.Pattern[str]
    #: "där"/"som" within a few words after a familjecentral
    relative_after: re.Pattern[str]
    #: a preposition right before a kommun name (then it is a place)
    place_before_kommun: re.Pattern[str]
    #: only joiners between two kommun names
    kommun_joiner: re.Pattern[str]
    #: a list joiner at the end of a text, and every one in a text (partial lists)
    partial_joined: re.Pattern[str]
    partial_joiners: re.Pattern[str]
    #: a word that puts two parties in different clauses
    gap_break: re.Pattern[str]
    genitive: re.Pattern[str]
    definite: re.Pattern[str]
    #: the endings of an indefinite plural noun ("riktlinjer", "överenskommelser")
    plural: re.Pattern[str]
    #: a plural noun, indefinite or definite ("förskolor", "förskolorna")
    any_plural: re.Pattern[str]
    adjective: re.Pattern[str]
    #: ", till exempel" / "(t.ex.": an apposition that lists examples of the noun before it
    example_marker: re.Pattern[str]


def _first_either(word: str) -> str:
    """A word as a pattern whose first letter may be upper or lower case."""
    head, rest = word[0], word[1:]
    pieces = [re.escape(p) for p in rest.split(" ")]
    first = f"[{re.escape(head.lower())}{re.escape(head.upper())}]" if head.isalpha() else head
    return first + r"\s+".join(pieces)


def _alt(words: Iterable[str], *, either: bool = True) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(_first_either(w) if either else re.escape(w) for w in ordered)


def _with_folded(words: Iterable[str]) -> list[str]:
    return [*words, *(_fold(w) for w in words)]


def compile_grammar(section: Mapping[str, Any], source: str) -> Grammar:
    """The `Grammar` of a ``grammar`` mapping; a missing key or a non-list is an `InputError`."""
    words: dict[str, list[str]] = {}
    for key in GRAMMAR_KEYS:
        value = section.get(key)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            raise InputError(
                f"'grammar' needs a non-empty list '{key}'",
                where=source,
                fix="Copy the list from loaders/vocabulary.yaml",
            )
        if not all(isinstance(w, str | int) and str(w).strip() for w in value):
            raise InputError(f"a word under 'grammar' ({key}) is empty or not text", where=source)
        words[key] = [str(w).strip() for w in value]

    def folded(key: str) -> frozenset[str]:
        return frozenset(_fold(w) for w in words[key])

    endings = {k: _alt(words[k], either=False) for k in GRAMMAR_KEYS if k.endswith("_endings")}
    return Grammar(
        abbreviations=frozenset(w.lower() for w in words["abbreviations"]),
        level_word=words["level_word"][0],
        list_joiners=folded("list_joiners"),
        task_openers=folded("task_openers"),
        verbs=folded("verbs"),
        list_non_openers=folded("list_non_openers"),
        person_of=folded("person_of"),
        not_only=folded("not_only"),
        also_not=folded("also_not"),
        negating_determiners=folded("negating_determiners"),
        correlatives=folded("correlatives"),
        correlative_partner=folded("correlative_partner"),
        correlatives_neither=folded("correlatives_neither"),
        name_stopwords=folded("name_stopwords"),
        name_skip_first=folded("name_skip_first"),
        name_trailing=folded("name_trailing"),
        age_word=folded("age_word"),
        colocation_prepositions=folded("colocation_prepositions"),
        relatives=folded("relative_words"),
        between=folded("between_words"),
        actors=folded("actor_words"),
        group_inflections=folded("group_word_inflections") | {""},  # and the bare head
        kommun_word=words["kommun_word"][0],
        agreement_refers=folded("agreement_refers"),
        determiner_followers=folded("determiner_followers"),
        months={_fold(m): i + 1 for i, m in enumerate(words["months"][:12])},
        refers_back=re.compile(r"\s*(?:" + _alt(words["refers_back"]) + r")\b"),
        governance_pronoun=re.compile(
            r"\s*(?:" + _alt(words["governance_pronouns"], either=False) + r")\b", re.I
        ),
        group_preposition=re.compile(
            r"(?:" + _alt(words["group_prepositions"], either=False) + r")\b", re.I
        ),
        topic_preposition=re.compile(r"\b(?:" + _alt(words["topic_prepositions"]) + r")\s+$"),
        particle=re.compile(r"\s+(?:" + _alt(words["particles"], either=False) + r")\b"),
        partner=re.compile(r"\s+(?:" + _alt(words["partner_word"], either=False) + r")\b"),
        relative_after=re.compile(
            r"(?:\s+\w+){0,3}?,?\s+(?:"
            + _alt(_with_folded(words["relative_words"]), either=False)
            + r")\b"
        ),
        place_before_kommun=re.compile(
            r"(?:\b(?:" + _alt(words["place_before_kommun"]) + r")\s+)$"
        ),
        kommun_joiner=re.compile(
            r"\s*(?:,|" + _alt(words["list_joiners"], either=False) + r"|,\s*"
            r"(?:" + _alt(words["list_joiners"], either=False) + r"))\s*"
        ),
        partial_joined=re.compile(
            r"(?:,|" + "|".join(r"\b" + re.escape(w) for w in words["partial_joiners"]) + r")\s*$"
        ),
        partial_joiners=re.compile(
            r",|" + "|".join(r"\b" + re.escape(w) + r"\b" for w in words["partial_joiners"])
        ),
        gap_break=re.compile(
            r",|" + "|".join(r"\b" + re.escape(w) + r"\b" for w in words["gap_words"])
        ),
        # searched, so a word's letters are tried from their first only (the same words
        # match: a later start would find the same ending)
        genitive=re.compile(
            r"(?::s|(?<![a-zåäö])[a-zåäö]{3,}(?:" + endings["genitive_endings"] + r"))$", re.I
        ),
        definite=re.compile(r"(?:" + endings["definite_endings"] + r")$"),
        plural=re.compile(r"(?:" + endings["plural_endings"] + r")$"),
        any_plural=re.compile(
            r"(?:" + endings["plural_endings"] + "|" + endings["plural_definite_endings"] + r")$"
        ),
        adjective=re.compile(r"(?:" + endings["adjective_endings"] + r")$"),
        example_marker=re.compile(
            r"[,(]\s*(?:" + _alt(words["example_markers"]) + r")(?!\w)\.?", re.I
        ),
    )
