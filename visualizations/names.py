"""Personal names in survey answers, replaced by "[namn]" before any text is shown.

Survey answers name people ("Ursula Furtig håller i arbetet", "rektor Åsa Timonen",
"Deltagare från oss är Mauro"). Maps, the matrix and the report show quotes from those answers,
so every text from the data goes through :func:`redact_names` unless a planner asks for names
(``with_names=True``, ``--with-names``).

The rules are plain and local; no language model, no name register. A *capitalised word* is a
word of letters whose first letter is upper case and whose second is lower case ("Burman",
"Jansson-Perälä"); all-caps words (BUP, IFO, VC) never count. A *known word* is a word of the
vocabulary of places and organisations: the names of the 290 kommuner, the 21 regions and their
län (with genitive s), the delregioner met in the sources (Skaraborg, Fyrbodal, …), the party
names, group words, months and weekdays, and words ending like an organisation or a service
(-grupp, -team, -vård, -hälsa(n), -tjänst(en), -förvaltning(en), -mottagning(en), -central(en),
-kommun, -regionen, -sjukhus(et), …). A *first name* is one of about 400 common first names in
Sweden (:data:`FIRST_NAMES`), also in the genitive ("Ursulas").

What is redacted (each run of neighbouring words becomes one "[namn]"):

1. A first name followed by one to three capitalised words that are not known words, anywhere,
   also at the start of a sentence: "Elisabeth Burman kan …", "Sandra Jansson Perälä (IFO)".
2. Two to four capitalised words in a row that are not known words, not at the start of a
   sentence: "… och Kerstin-Lo Xyzsson …", "… med Furtig Ursula".
3. Capitalised words that are not known words right after a title or a phrase that introduces a
   person: "rektor Åsa Timonen", "enhetschef Olle", "Deltagare från oss är Mauro",
   "kontaktperson: Pirjo" (titles: rektor, chef, kurator, skolsköterska, samordnare,
   kontaktperson, ordförande, …, and any word ending in -chef, -strateg, -ledare, -samordnare,
   -ansvarig, -handläggare, -sköterska; phrases: "från oss är", "heter", "kontakta", …).
4. A single first name that is not at the start of a sentence: "… som Lena leder".

What is knowingly missed or wrongly hit:

- A single unknown surname with no title before it ("Burman har kontakt med BUP") and a single
  first name at the start of a sentence when that name is also a Swedish word or rare (Per, Bo,
  Stig, Dag, Hans, Liv, Björn, …: "Hans kollega …" must stay).
- Names written in lower case, all caps ("ANNA LARSSON"), initials ("A. Larsson"), names with
  particles in lower case beyond the first word ("Anna von Platen" loses "Anna" only via rule 4),
  and first names that are not in the list when they stand alone (rule 3 covers them only after
  a title).
- Names of people that are also place or organisation words ("Lisa Mora": "Mora" is a kommun)
  lose only the first name; a person named like a known word alone is kept.
- Place and organisation names that begin with a first name ("Maria Ungdom", "Karl Johans
  skola") lose that first name, and a name after "heter" is taken for a person even when it
  names a group ("Gruppen heter Barnkraft").
- Two capitalised words in a row that are not names but not in the vocabulary either (an English
  phrase, a project name such as "Trygga Vägar") are redacted by rule 2; the vocabulary is easy to
  extend: every word list is in ``visualizations/names.yaml``.
- Garbled OCR text ("Ursu1a") is not recognised.

>>> redact_names("Det finns en nästan färdig LÖK som Ursula Furtig håller i att redigera.")
'Det finns en nästan färdig LÖK som [namn] håller i att redigera.'
>>> redact_names("Vi har med rektor Åsa Timonen (förskola) i Region Dalarna.")
'Vi har med rektor [namn] (förskola) i Region Dalarna.'
>>> redact_names("Deltagare från oss är Mauro.")
'Deltagare från oss är [namn].'
"""

from __future__ import annotations

import functools
import itertools
import re
from importlib import resources

import yaml

from lokgraph.codes import GROUP_TYPES, PARTIES
from lokgraph.reference import kommuner, regioner

__all__ = ["EXTRA_KNOWN_WORDS", "FIRST_NAMES", "NAME_MARK", "is_known_word", "redact_names"]

NAME_MARK = "[namn]"


# the word lists live in names.yaml (Swedish language data, not code)
_LISTS = yaml.safe_load(
    (resources.files("visualizations") / "names.yaml").read_text(encoding="utf-8")
)
#: About 400 common first names in Sweden, lower case.
FIRST_NAMES: frozenset[str] = frozenset(_LISTS["first_names"].split())
# lone at the start of a sentence, these stay ("Hans kollega", "Dag för dag", "Per vecka")
_AMBIGUOUS_FIRST = frozenset(_LISTS["ambiguous_first_names"].split())
#: Capitalised words that are not names, beyond the reference data and the party vocabulary.
EXTRA_KNOWN_WORDS: frozenset[str] = frozenset(_LISTS["known_words"].split())
_KNOWN_SUFFIXES: tuple[str, ...] = tuple(_LISTS["known_suffixes"])
_TITLES = frozenset(_LISTS["titles"].split())
_TITLE_SUFFIXES: tuple[str, ...] = tuple(_LISTS["title_suffixes"])
# phrases that introduce a person: the words before the name, lower case
_INTRO_PHRASES: tuple[tuple[str, ...], ...] = tuple(tuple(p) for p in _LISTS["intro_phrases"])

_WORD = r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)*"
_TOKEN_RE = re.compile(_WORD)
_TOKEN_SPLIT = re.compile(f"({_WORD})")  # the words kept between the gaps
# A capitalised word: _CAPITALISED_RE; what ends a sentence before a word: _SENTENCE_END. Both
# are tested by hand, with these characters (the patterns are kept as their definition).
_CAPITALISED_RE = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ]*(?:-[A-ZÀ-ÖØ-Þa-zß-öø-ÿ]+)*")
_SENTENCE_END = re.compile(r"(^|[.!?:;•\n\r]|(^|\s)[-–—*]|[\"”“'(\[])\s*$")
_UPPER = frozenset(chr(c) for c in range(0x100) if re.fullmatch("[A-ZÀ-ÖØ-Þ]", chr(c)))
_LOWER = frozenset(chr(c) for c in range(0x100) if re.fullmatch("[a-zß-öø-ÿ]", chr(c)))
_ENDS = frozenset(".!?:;•\"”“'([")
_DASHES = frozenset("-–—*")


def redact_names(text: str) -> str:
    """``text`` with likely personal names replaced by "[namn]" (see the module docstring).

    >>> redact_names("Elisabeth Burman kan informera mer. Cristin Bergdahl och Anita Larsson.")
    '[namn] kan informera mer. [namn] och [namn].'
    >>> redact_names("Styrgrupp God och nära vård samt Polsam i Ludvika kommun.")
    'Styrgrupp God och nära vård samt Polsam i Ludvika kommun.'
    """
    if not text:
        return text
    return _redacted(text)


def is_known_word(word: str) -> bool:
    """Whether a capitalised word is a place, organisation or other non-name word.

    >>> is_known_word("Leksands"), is_known_word("Styrgruppen"), is_known_word("Burman")
    (True, True, False)
    """
    key = word.lower()
    if key in _vocabulary():
        return True
    parts = key.split("-")
    if len(parts) > 1 and all(p in _vocabulary() for p in parts):
        return True
    if key in FIRST_NAMES:
        return False
    return key.endswith(_KNOWN_SUFFIXES)


# ---- private helpers -------------------------------------------------------------------------


# A report shows the same quotes many times (in gap lists, map tooltips, matrix cells); the
# rules are a pure function of the text, so each distinct text is redacted once.
@functools.lru_cache(maxsize=1 << 16)
def _redacted(text: str) -> str:
    # the text split at its words: the gaps at even places, word k at place 2k + 1 (a gap may
    # be empty), so the rules read words and the text between them without match objects
    parts = _TOKEN_SPLIT.split(text)
    words = parts[1::2]
    # a capitalised word (as _CAPITALISED_RE says: upper case, then lower case; the rest of a
    # word's letters fit that pattern whatever they are), tested once per word
    capitalised = [len(w) > 1 and w[0] in _UPPER and w[1] in _LOWER for w in words]
    if True not in capitalised:  # nothing to look at
        return text
    found: list[tuple[int, int]] = []  # (first, last) word of each name
    i = 0
    while i < len(words):
        if not capitalised[i]:
            i += 1
            continue
        run = _capitalised_run(parts, capitalised, i)
        name = _name_in_run(parts, i, run)
        if name is not None:
            found.append(name)
        i += len(run)
    if not found:
        return text
    # word k is part 2k + 1: it starts where the parts before it end
    offsets = list(itertools.accumulate(map(len, parts), initial=0))
    out = []
    pos = 0
    for first, last in found:
        out.append(text[pos : offsets[2 * first + 1]])
        out.append(NAME_MARK)
        pos = offsets[2 * last + 2]
    out.append(text[pos:])
    return "".join(out)


@functools.cache
def _vocabulary() -> frozenset[str]:
    words: set[str] = set(EXTRA_KNOWN_WORDS)

    def add(name: str) -> None:
        for word in re.findall(_WORD, name.lower()):
            words.add(word)
            words.add(word + "s")
            for part in word.split("-"):
                words.add(part)
                words.add(part + "s")

    for k in kommuner():
        add(k.name)
        add(k.lan)
    for r in regioner():
        add(r.name)
    for party in PARTIES.values():
        add(party.name)
    for group_type in GROUP_TYPES:
        add(group_type.replace("_", " "))
    return frozenset(words)


def _capitalised_run(parts: list[str], capitalised: list[bool], i: int) -> list[int]:
    """Indexes of capitalised words from ``i`` on, joined only by single spaces."""
    run: list[int] = []
    j = i
    while j < len(capitalised) and len(run) < 5:
        if not capitalised[j]:
            break
        if run and parts[2 * j] != " ":
            break
        run.append(j)
        j += 1
    return run


def _first_name(word: str) -> bool:
    key = word.lower()
    return key in FIRST_NAMES or (key.endswith("s") and key[:-1] in FIRST_NAMES)


def _at_sentence_start(parts: list[str], i: int) -> bool:
    r"""Whether the text before word ``i`` ends a sentence as _SENTENCE_END says, read from the
    gap before the word alone: a word ends with a letter, which ends no sentence.

    >>> [_at_sentence_start([gap, "X", ""], 0) for gap in ("", "  ", "- ", "(")]
    [True, True, True, True]
    >>> [_at_sentence_start(["", "a", gap, "X", ""], 1) for gap in (". ", "\n ", " - ", "-", " ")]
    [True, True, True, False, False]
    """
    gap = parts[2 * i]
    stripped = gap.rstrip()  # str.isspace, the characters `\s` matches
    trailing = gap[len(stripped) :]
    if "\n" in trailing or "\r" in trailing:
        return True
    if not stripped:
        return i == 0  # the text so far is blank, or ends with the word before
    last = stripped[-1]
    if last in _ENDS:
        return True
    if last not in _DASHES:
        return False
    # a dash after white space or at the start of the text (not right after the word before)
    return stripped[-2].isspace() if len(stripped) > 1 else i == 0


def _after_title(parts: list[str], i: int) -> bool:
    """Whether the words just before word ``i`` are a title or a phrase that introduces a name."""
    if i == 0 or not re.fullmatch(r"\s*:?\s*", parts[2 * i]):
        return False
    before = [w.lower() for w in parts[2 * max(0, i - 3) + 1 : 2 * i : 2]]
    last = before[-1]
    if last in _TITLES or (last.endswith(_TITLE_SUFFIXES) and not last.endswith("chefer")):
        return True
    return any(tuple(before[-len(p) :]) == p for p in _INTRO_PHRASES)


def _name_in_run(parts: list[str], i: int, run: list[int]) -> tuple[int, int] | None:
    """The first and last word index of a name in a capitalised run, or None."""
    words = [parts[2 * j + 1] for j in run]
    unknown = [not is_known_word(w) for w in words]
    at_start = _at_sentence_start(parts, i)
    # rule 3: after a title, the unknown words that follow are a name
    if unknown[0] and _after_title(parts, i):
        last = _last_unknown(run, unknown, 0)
        return run[0], last
    # rule 1: a first name and unknown capitalised words after it
    for k, word in enumerate(words):
        if _first_name(word) and k + 1 < len(words) and unknown[k + 1]:
            return run[k], _last_unknown(run, unknown, k + 1)
    # rule 2: two or more unknown words, not at the start of a sentence
    if not at_start and len(words) >= 2 and unknown[0] and unknown[1]:
        return run[0], _last_unknown(run, unknown, 1)
    # rule 4: a single first name
    for k, word in enumerate(words):
        if not _first_name(word) or not unknown[k]:
            continue
        if k == 0 and at_start:
            if word.lower().rstrip("s") in _AMBIGUOUS_FIRST or word.lower() in _AMBIGUOUS_FIRST:
                continue
            if len(words) == 1 and not _followed_by_lower(parts, run[0]):
                continue
            return run[0], run[0]
        return run[k], run[k]
    return None


def _followed_by_lower(parts: list[str], j: int) -> bool:
    """Whether a lone word at a sentence start is followed by more of the sentence."""
    if 2 * j + 3 >= len(parts):
        return False
    return parts[2 * j + 2].strip() in ("", ",", "(") and parts[2 * j + 3][:1].islower()


def _last_unknown(run: list[int], unknown: list[bool], k: int) -> int:
    last = run[k]
    for idx in range(k, len(run)):
        if not unknown[idx]:
            break
        last = run[idx]
    return last
