"""Rule-based extraction of facts (groups, members, absences, LÖK status) from Swedish answers.

The extractor reads free text sentence by sentence with regular expressions built from
``loaders/vocabulary.yaml`` (no model, no download). Every fact keeps the original sentence as
its quote; sentences that no rule places become ``unplaced`` facts.

How a sentence is read:

- **Entities**: party words (BUP, socialförvaltningen …), group words (styrgrupp, SAMBU-team …)
  and kommun names. Overlaps are resolved by the earliest, then the most specific match, so
  "partssamverkansgruppen" is a Partssamverkan and not a samverkansgrupp, and party words
  inside a group's name ("Styrgrupp Familjecentral 0-5 år") are not parties.
- **Clauses**: a sentence is cut at commas and at words like "men", "där", "eftersom"; a
  comma piece that is only a list of parties stays with its neighbour, so "BUP, HAB och LSS"
  is one clause.
- **Absence first**: a party in a clause with an absence phrase ("har inte deltagit",
  "svårt att få med", "avsaknad av" …, or a negated member word: "ingår inte") is absent, with
  the phrase's reason, and never a member from that sentence. A negated phrase ("det är inte
  svårt att få med", "deltar inte bara … utan även") is none. "utan" makes only the list right
  after it absent ("arbetar utan BUP och HAB", but not "utan även HAB").
- **Members**: when the sentence has a member word outside absence phrases ("med
  representanter från", "där ingår", "består av", "sitter med i" …), its other parties are
  members, except one after a subordinate clause opener ("deltar i utbildningar som BUP
  håller"); ``partial`` when their clause says "en gång i månaden", "vid behov" … ("rektor och
  vid behov BUP": only what follows the cue). A list right after a group and "med", "finns",
  a colon or a dash ("en styrgrupp med socialchef, skolchef och vårdcentralens chef",
  "Styrgrupp: …"), and items one a line after "Styrgruppen består av:", are the group's
  members without a member word. A person stands for the party named with it ("verksamhetschef
  på BUP", "vårdcentralens chef"). A party word used as a place or a topic ("i skolan",
  "remisser till BUP", "BUP:s väntetider") is no member. A member word after a wish ("BUP
  borde delta") is an absence (needed). A bare "kommunen" is the answer's own kommun
  (``member_kommun``); a bare "regionen" is no unit and gives no fact. "Specialistvården"
  (SPECIALIST) is dropped when the same sentence names BUP, HAB or another specialist unit.
  Weak member words ("samlar", "möts", "rymmer", "samverkar" …) count only in a sentence
  that names a group, not with a particle ("samlar in") and not for a party after "att"/"om"
  that follows the group ("Styrgruppen ansvarar för att IFO och BUP samverkar"). A genitive
  before a unit word (``members.units``: "IFO:s mottagningsgrupp", "BUP:s öppenvård",
  "socialtjänstens förebyggande enhet") is the party, not a topic. A familjecentral named as
  a place where two or more services work ("på familjecentralen arbetar …", "familjecentralen
  där … finns", "samlokaliserad med …", ``members.colocation``) is a group of type
  familjecentral and the services are its members. A line that opens with a bare group word
  and a short name before a colon ("Arbetsgrupp tidiga insatser: IFO, EHT") lists members.
- **Target**: the group named in the sentence (the one after "sitter med i", else the one
  before the party, else the first one), else the agreement when the sentence names it (LÖK,
  överenskommelse) or the answer is to Q1, else the last group named earlier in the same
  answer, else none (a Q4 complaint "svårt att få med BUP" may have no group).
  Parties in brackets right after a group ("Ledningsgruppen (socialchef, skolchef)") are its
  members without a member word.
- **Groups**: type from the vocabulary, level from the nearest level word in the sentence,
  else from a heading line ("Strategiskt"), else the type's default; a name when words follow
  the group word ("Styrgrupp God och nära vård"); ``governed_by`` from phrases like "får
  uppdrag från", "har gett … i uppdrag", "kopplat till", and "Under den finns …" for the
  group of the sentence before.
- **LÖK status** (Q1 answers, or any sentence naming the agreement when the question is not
  known): strong phrases win over weak ones ("finns") in a sentence; negated ones flip to
  ``none``, planned ones ("kommer … att") count not. Per answer: revision, or an old agreement
  plus a new one in progress, is ``under_revision``; then in progress, in force, none.
- **Deviation reporting** (Q5, or sentences on avvikelser when the question is not known):
  the first phrase of the answer decides none, few or some.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from lokgraph.codes import (
    AGREEMENT_AREAS,
    AGREEMENT_STATUSES,
    DEVIATION_LEVELS,
    GROUP_TYPES,
    LEVELS,
    PARTIES,
    default_level,
)
from lokgraph.errors import InputError
from lokgraph.facts import ABSENCE_REASONS, Fact
from lokgraph.reference import kommuner

from .records import Answer

__all__ = [
    "Vocabulary",
    "Term",
    "load_vocabulary",
    "extract_answers",
    "extract_text",
    "split_sentences",
    "Sentence",
]


@dataclass(frozen=True)
class Term:
    """One vocabulary expression compiled to a pattern; `key` is the code it stands for."""

    text: str
    key: str
    pattern: re.Pattern[str]
    weight: int
    name: str | None = None
    #: a plain lower-case part every match contains, to skip the pattern quickly
    anchor: str = ""


@dataclass(frozen=True)
class Vocabulary:
    """The compiled vocabulary: every list of ``vocabulary.yaml`` as terms."""

    source: str
    parties: tuple[Term, ...]
    principals: tuple[Term, ...]
    groups: tuple[Term, ...]
    group_name_words: tuple[Term, ...]
    levels: tuple[Term, ...]
    level_ignore: tuple[Term, ...]
    agreement_words: tuple[Term, ...]
    local_agreement_words: tuple[Term, ...]
    areas: tuple[Term, ...]
    status: tuple[Term, ...]
    status_weak: tuple[Term, ...]
    status_reply: tuple[Term, ...]
    status_ignore: tuple[Term, ...]
    not_started: tuple[Term, ...]
    member_cues: tuple[Term, ...]
    weak_member_cues: tuple[Term, ...]
    backward_cues: tuple[Term, ...]
    partial_cues: tuple[Term, ...]
    frequency_words: tuple[Term, ...]
    roles: tuple[Term, ...]
    list_words: tuple[Term, ...]
    unit_words: tuple[Term, ...]
    colocation: tuple[Term, ...]
    colocation_strong: tuple[Term, ...]
    wishes: frozenset[str]
    scope_breaks: frozenset[str]
    after_group: tuple[Term, ...]
    absence: tuple[Term, ...]
    absence_list: tuple[Term, ...]
    places: frozenset[str]
    governance: tuple[Term, ...]
    deviation_words: tuple[Term, ...]
    deviation: tuple[Term, ...]
    negators: frozenset[str]
    hypothetical: frozenset[str]
    clause_breaks: tuple[Term, ...]
    list_fillers: tuple[Term, ...]
    boilerplate: tuple[Term, ...]
    raw: Mapping[str, Any] = field(repr=False, compare=False, default_factory=dict)


@dataclass(frozen=True)
class Sentence:
    """One sentence of an answer: its text (the quote) and the level of the heading above it."""

    text: str
    heading_level: str | None = None
    is_heading: bool = False


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """The vocabulary of ``loaders/vocabulary.yaml``, or of a planner's own YAML file.

    A file that says ``extends: default`` adds its lists to the bundled vocabulary; any other
    file stands alone. The bundled one is read once and cached.

    >>> v = load_vocabulary()
    >>> sorted({t.key for t in v.parties})[:3]
    ['BUP', 'BVC', 'ELEVHALSA']
    """
    if path is None:
        return _default_vocabulary()
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as err:
        raise InputError(f"cannot read the vocabulary: {err.strerror}", where=str(path)) from err
    except yaml.YAMLError as err:
        raise InputError(
            f"the vocabulary is not valid YAML ({err})",
            where=str(path),
            fix="Check the indentation and quote terms that start with * or contain a colon",
        ) from err
    if not isinstance(data, dict):
        raise InputError("a vocabulary file must be a mapping of lists", where=str(path))
    base = data.pop("extends", None)
    if base is not None:
        if base != _DEFAULT:
            base_path = (path.parent / str(base)).resolve()
            parent = load_vocabulary(base_path).raw
        else:
            parent = _default_raw()
        data = _merge(parent, data)
    return _compile(data, str(path))


def split_sentences(text: str, vocabulary: Vocabulary | None = None) -> list[Sentence]:
    """The sentences of a text, with the level of any heading line ("Strategiskt") above them.

    Lines broken in the middle of a sentence (OCR, hard wraps) are joined; list markers
    ("1.", "•", "-") start a new sentence and are dropped; abbreviations like "t.ex." and
    "bl.a." do not end one.

    >>> [s.text for s in split_sentences("Vi har t.ex. BUP. 1. Styrgrupp\\n• ELOF-team")]
    ['Vi har t.ex. BUP.', '1. Styrgrupp', 'ELOF-team']
    """
    vocabulary = vocabulary or load_vocabulary()
    text = _ARTEFACT.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\t", " ")
    lines: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if (
            lines
            and lines[-1]
            and line
            and not _LIST_MARKER.match(raw)
            and line[0].islower()
            and not lines[-1].rstrip().endswith((".", "!", "?", ":", ";"))
            and not _is_heading(lines[-1], vocabulary)
        ):
            joiner = "" if re.search(r"\w-$", lines[-1]) else " "
            lines[-1] = lines[-1].rstrip() + joiner + line
        else:
            lines.append(line)
    sentences: list[Sentence] = []
    heading: str | None = None
    for line in lines:
        if not line:
            heading = None
            continue
        body = _LIST_MARKER.sub("", line, count=1).strip()
        if not body:
            continue
        level = _is_heading(body, vocabulary)
        if level:
            heading = level
            sentences.append(Sentence(body, level, True))
            continue
        for part in _split_line(body):
            sentences.append(Sentence(part, heading))
    return sentences


def extract_answers(answers: Iterable[Answer], vocabulary: Vocabulary | None = None) -> list[Fact]:
    """The facts of survey answers, in answer and sentence order.

    >>> from loaders.records import Answer
    >>> a = Answer(source="enkät", kommun="Leksand", question="Q4",
    ...            text="Vi behöver även få med BUP och HAB.")
    >>> [(f.kind, f.party, f.reason) for f in extract_answers([a])]
    [('absent', 'BUP', 'needed'), ('absent', 'HAB', 'needed')]
    """
    vocabulary = vocabulary or load_vocabulary()
    facts: list[Fact] = []
    for answer in answers:
        facts.extend(
            _extract(
                answer.text,
                vocabulary,
                _Context(answer.source, answer.kommun, answer.question, answer.respondent),
            )
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
    return _extract(text, vocabulary, _Context(source, kommun, question, respondent))


# ---------------------------------------------------------------------------------------------
# Vocabulary: compiling the YAML terms


#: What å, ä, ö and é may look like after OCR or when typed without diacritics.
_VARIANTS: dict[str, str] = {
    "å": "åaäàáâdio",
    "ä": "äaåàáâeéèëid4",
    "ö": "öo6óòôøeé0",
    "é": "éeèëo",
}


_UPPER_VARIANTS: dict[str, str] = {
    "Å": "ÅAÄ",
    "Ä": "ÄAÅ",
    "Ö": "ÖO6Ó0",
    "É": "ÉE",
}


_ACRONYM_SUFFIX = r"(?::?[a-zåäö]{1,6}|-\w+(?:-\w+)*)?"


_GAP = r"\s+(?:\S+\s+){0,5}?"


_FOLD = str.maketrans(
    {
        "å": "a",
        "ä": "a",
        "ö": "o",
        "é": "e",
        "è": "e",
        "à": "a",
        "á": "a",
        "ó": "o",
        "ò": "o",
        "ø": "o",
    }
)


_DEFAULT = "default"


@cache
def _default_raw() -> dict[str, Any]:
    text = resources.files("loaders").joinpath("vocabulary.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def _default_vocabulary() -> Vocabulary:
    return _compile(_default_raw(), "loaders/vocabulary.yaml")


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return [*base, *(x for x in extra if x not in base)]
    return extra if extra is not None else base


_SECTIONS: dict[str, tuple[str, ...]] = {
    "version": (),
    "parties": (),
    "principals": (),
    "groups": (),
    "group_name_words": (),
    "levels": (),
    "level_ignore": (),
    "agreement": (
        "words",
        "local_words",
        "areas",
        "status",
        "status_weak",
        "status_reply",
        "not_started",
        "status_ignore",
    ),
    "members": (
        "cues",
        "weak_cues",
        "start_cues",
        "backward",
        "partial",
        "frequency_words",
        "roles",
        "list_words",
        "after_group",
        "wishes",
        "scope_breaks",
        "units",
        "colocation",
        "colocation_strong",
    ),
    "absence": (),
    "absence_list": (),
    "places": (),
    "governance": (),
    "deviation": ("words", *DEVIATION_LEVELS),
    "negators": (),
    "hypothetical": (),
    "clause_breaks": (),
    "list_fillers": (),
    "boilerplate": (),
}


def _check_sections(data: Mapping[str, Any], source: str) -> None:
    """A misspelt heading would silently do nothing: name it and the valid ones."""
    for key, value in data.items():
        if key not in _SECTIONS:
            raise InputError(
                f"unknown heading {key!r} in the vocabulary",
                where=source,
                fix="Use one of " + ", ".join(_SECTIONS),
            )
        subkeys = _SECTIONS[key]
        if subkeys and isinstance(value, dict):
            for sub in value:
                if sub not in subkeys:
                    raise InputError(
                        f"unknown heading {sub!r} under '{key}'",
                        where=source,
                        fix="Use one of " + ", ".join(subkeys),
                    )


def _compile(data: Mapping[str, Any], source: str) -> Vocabulary:
    _check_sections(data, source)

    def keyed(section: str, valid: Iterable[str], where: Mapping[str, Any] | None = None):
        mapping = (where if where is not None else data).get(section) or {}
        if not isinstance(mapping, dict):
            raise InputError(f"'{section}' must map codes to lists of terms", where=source)
        valid = tuple(valid)
        terms: list[Term] = []
        for key, entries in mapping.items():
            if key not in valid:
                raise InputError(
                    f"unknown code {key!r} under '{section}'",
                    where=source,
                    fix="Use one of " + ", ".join(valid),
                )
            terms.extend(_terms(entries or [], str(key), source, section))
        return tuple(terms)

    def plain(section: str, where: Mapping[str, Any] | None = None, key: str = "") -> tuple:
        entries = (where if where is not None else data).get(section) or []
        return tuple(_terms(entries, key or section, source, section))

    agreement = data.get("agreement") or {}
    members = data.get("members") or {}
    deviation = data.get("deviation") or {}
    governance_keys = ("reports_to_next", "gives_to_next", "under_next")
    return Vocabulary(
        source=source,
        parties=keyed("parties", PARTIES),
        principals=keyed("principals", ("kommun", "region")),
        groups=keyed("groups", GROUP_TYPES),
        group_name_words=plain("group_name_words"),
        levels=keyed("levels", LEVELS),
        level_ignore=plain("level_ignore"),
        agreement_words=plain("words", agreement, "agreement"),
        local_agreement_words=plain("local_words", agreement, "local"),
        areas=keyed("areas", AGREEMENT_AREAS, agreement),
        status=keyed("status", AGREEMENT_STATUSES, agreement),
        status_weak=keyed("status_weak", AGREEMENT_STATUSES, agreement),
        status_reply=keyed("status_reply", AGREEMENT_STATUSES, agreement),
        status_ignore=plain("status_ignore", agreement),
        not_started=plain("not_started", agreement),
        member_cues=plain("cues", members, "member") + plain("start_cues", members, "member"),
        weak_member_cues=plain("weak_cues", members, "member"),
        backward_cues=plain("backward", members, "backward"),
        partial_cues=plain("partial", members, "partial"),
        frequency_words=plain("frequency_words", members, "frequency"),
        roles=plain("roles", members, "role"),
        list_words=plain("list_words", members, "list"),
        unit_words=plain("units", members, "unit"),
        colocation=plain("colocation", members, "colocation"),
        colocation_strong=plain("colocation_strong", members, "colocation"),
        after_group=plain("after_group", members, "member"),
        wishes=frozenset(_fold(w) for w in members.get("wishes") or ()),
        scope_breaks=frozenset(_fold(w) for w in members.get("scope_breaks") or ()),
        absence=keyed("absence", ABSENCE_REASONS),
        absence_list=keyed("absence_list", ABSENCE_REASONS),
        places=frozenset(_fold(w) for w in data.get("places") or ()),
        governance=keyed("governance", governance_keys),
        deviation_words=plain("words", deviation, "deviation"),
        deviation=keyed(
            "deviation",
            DEVIATION_LEVELS,
            {"deviation": {k: x for k, x in deviation.items() if k != "words"}},
        ),
        negators=frozenset(_fold(w) for w in data.get("negators") or ()),
        hypothetical=frozenset(_fold(w) for w in data.get("hypothetical") or ()),
        clause_breaks=plain("clause_breaks"),
        list_fillers=plain("list_fillers"),
        boilerplate=plain("boilerplate"),
        raw=dict(data),
    )


def _terms(entries: Any, key: str, source: str, section: str) -> Iterator[Term]:
    if isinstance(entries, str):
        entries = [entries]
    for entry in entries:
        name = None
        if isinstance(entry, dict):
            name = entry.get("name")
            entry = entry.get("term")
        if not isinstance(entry, str) or not entry.strip():
            raise InputError(
                f"a term under '{section}' ({key}) is empty or not text: {entry!r}", where=source
            )
        yield _compile_term(entry.strip(), key, name=name)


def _token_regex(token: str, exact: bool = False) -> str:
    """One word of a term: ``*`` at either end is any word part; å/ä/ö take their variants;
    a word with a capital after its first letter (BUP, LÖK) is case-sensitive."""
    lead = token.startswith("*")
    trail = token.endswith("*")
    token = token.strip("*")
    acronym = exact or any(c.isupper() for c in token[1:])
    out: list[str] = []
    for i, char in enumerate(token):
        if char in _VARIANTS and (exact or not acronym):
            out.append("[" + _VARIANTS[char] + "]")
        elif char in _UPPER_VARIANTS:
            out.append("[" + _UPPER_VARIANTS[char] + "]")
        elif char == "-":
            out.append("-?" if i == len(token) - 1 else "[-\\s]?")
        else:
            out.append(re.escape(char))
    body = "".join(out)
    body = f"(?-i:{body})" if acronym else f"(?i:{body})"
    return ("\\w*" if lead else "") + body + ("\\w*" if trail else "")


def _compile_term(text: str, key: str, *, name: str | None = None) -> Term:
    """A vocabulary expression as a pattern (see the header of vocabulary.yaml)."""
    raw = text
    exact = text.startswith("=")
    text = text.lstrip("=")
    anchored = text.startswith("^")
    text = text.lstrip("^")
    prefix = text.startswith("*")
    text = text[1:] if prefix else text
    segments = [s.split() for s in re.split(r"\s+\.\.\.\s+", text)]
    seg_regex = []
    for tokens in segments:
        pieces = []
        for i, tok in enumerate(tokens):
            pieces.append(_token_regex(tok, exact))
            if i < len(tokens) - 1:
                pieces.append(r"\s*" if tok.rstrip("*").endswith("-") else r"\s+")
        seg_regex.append("".join(pieces))
    body = _GAP.join(seg_regex)
    last = segments[-1][-1]
    if last.endswith("*"):
        pass
    elif any(c.isupper() for c in last[1:]):
        body += _ACRONYM_SUFFIX + r"(?!\w)"
    else:
        body += r"(?!\w)"
    head = r"(?P<pre>\w*)" if prefix else r"(?<!\w)(?P<pre>)"
    if anchored:
        head = r"^[\W_]*" + head
    weight = sum(c.isalnum() for c in text)
    return Term(raw, key, re.compile(head + body), weight, name, _anchor(text))


def _anchor(text: str) -> str:
    """The longest run of plain letters and digits of a term (å, ä, ö and é vary with OCR)."""
    runs = re.findall(r"[a-z0-9]+", text.lower().split(" ... ")[0])
    return max(runs, key=len) if runs else ""


def _fold(word: str) -> str:
    return word.lower().translate(_FOLD).replace("6", "o")


# ---------------------------------------------------------------------------------------------
# Sentences


_ARTEFACT = re.compile(r"\[(?:bookmark|anchor):[^\]]*\]")


_LIST_MARKER = re.compile(
    r"^\s*(?:[-–—•*▪·●○]+|\d{1,2}(?:\.\d{1,2})*[.)]|[a-z][)]|e(?=\s+[a-zåäö]))\s+"
)


_ABBREVIATIONS = frozenset(
    {
        "t.ex",
        "bl.a",
        "m.m",
        "s.k",
        "ca",
        "dvs",
        "d.v.s",
        "osv",
        "o.s.v",
        "etc",
        "resp",
        "ev",
        "fr.o.m",
        "t.o.m",
        "nr",
        "kap",
        "jfr",
        "m.fl",
        "p.g.a",
        "pga",
        "inkl",
        "exkl",
        "tf",
        "fil",
        "dr",
        "tel",
        "st",
        "mfl",
        "ex",
        "obs",
        "sek",
        "f.d",
        "mm",
        "o.d",
        "e.d",
        "kl",
        "tex",
        "bla",
        "enl",
        "avd",
        "forts",
        "prof",
    }
)


_END = re.compile(r"[.!?…]+[\"”’)]*(?=\s|$)")


def _is_heading(line: str, vocabulary: Vocabulary) -> str | None:
    """The level a short heading line names ("Strategiskt", "Operativ nivå:"), else None."""
    stripped = line.strip().rstrip(":").strip()
    if not stripped or len(stripped.split()) > 3 or stripped.endswith("."):
        return None
    for term in vocabulary.levels:
        m = term.pattern.match(stripped)
        if m and not stripped[m.end() :].strip(" :-").replace("nivå", "").strip():
            return term.key
    return None


def _split_line(line: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for m in _END.finditer(line):
        end = m.end()
        rest = line[end:].lstrip()
        if not rest:
            break
        first = rest[0]
        before = line[start : m.start() + 1].split()
        word = before[-1].lower().rstrip(".") if before else ""
        if word in _ABBREVIATIONS or re.fullmatch(r"(?:\w\.)+\w?", word + "."):
            continue
        if len(word) == 1 and word.isalpha():
            continue
        if first.islower():
            # typed in lower case ("ingen lök ännu. bup är svåra …"): a full stop after a
            # real word and before a real word still ends the sentence
            if m.group().startswith("…") or not re.fullmatch(r"[^\W\d_]{3,}", word):
                continue
        elif not (first.isupper() or first.isdigit() or first in "\"”“'•-–(["):
            continue
        parts.append(line[start:end].strip())
        start = end
    tail = line[start:].strip()
    if tail:
        parts.append(tail)
    return [p for p in parts if p]


# ---------------------------------------------------------------------------------------------
# Reading one sentence


@dataclass(frozen=True)
class _Hit:
    key: str
    start: int
    end: int
    term: Term | None = None
    pre: int = 0
    kind: str = ""
    extra: str | None = None


@dataclass
class _GroupMention:
    hit: _Hit
    group_type: str
    level: str | None
    name: str | None
    governed_by: str | None = None
    explicit_level: bool = False


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
) -> _Reading:
    text = sentence.text
    group_words = _find(v.groups, text, "group")
    entity_hits = _find(v.parties, text, "party") + group_words
    entity_hits += _find(v.principals, text, "principal")
    member_cues = _find(v.member_cues, text, "member")
    agreement = bool(_find(v.agreement_words, text))
    # "I den sitter …", "Där sitter …": the group of the sentence before
    refers_back = previous is not None and bool(_REFERS_BACK.match(text))
    if agreement or group_words or refers_back:
        # "rutiner för samverkan med BUP": a weak member word after a preposition is a topic
        member_cues += [
            c
            for c in _find(v.weak_member_cues, text, "member")
            if not re.search(
                r"\b(?:för|om|kring|över|av|angående|gällande|rörande)\s+$", text[: c.start]
            )
            # "samlar in synpunkter från BUP": a particle makes it another verb
            and not re.match(r"\s+(?:in|upp|ihop)\b", text[c.end :])
        ]
    absence_cues = _find(v.absence, text, "absence")
    entity_hits += _find_kommuner(text)
    resolved = _resolve(entity_hits)
    group_hits = [h for h in resolved if h.kind == "group"]
    groups: list[_GroupMention] = []
    name_spans: list[tuple[int, int]] = []
    bracket_spans: list[tuple[int, int]] = []
    for hit in group_hits:
        name, name_end = _group_name(text, hit, v)
        if name_end > hit.end:
            name_spans.append((hit.end, name_end))
        groups.append(_GroupMention(hit, hit.key, default_level(hit.key), name))
    resolved = _outside(resolved, name_spans)
    # "Ledningsgruppen för barn och unga (socialchef, skolchef och VC-chef)": the brackets
    # right after a group list its members
    for g in groups:
        end = max([g.hit.end] + [e for s0, e in name_spans if s0 == g.hit.end])
        m = re.match(r"\s*\(([^()]*)\)", text[end:])
        if m:
            bracket_spans.append((end + m.start(1), end + m.end(1)))
    parties = [h for h in resolved if h.kind == "party"]
    colocated = _familjecentral_group(text, parties, groups, v)
    if colocated is not None:
        parties = [p for p in parties if p is not colocated.hit]
        colocated = _GroupMention(
            _Hit("familjecentral", colocated.hit.start, colocated.hit.end, None, 0, "group"),
            "familjecentral",
            default_level("familjecentral"),
            None,
        )
        groups.append(colocated)
        member_cues += [
            _Hit("member", c.start, c.end, c.term, 0, "member")
            for c in _find(v.colocation + v.colocation_strong, text)
            if c.start >= colocated.hit.end
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
    absence_cues += [
        _Hit("not_participating", c.start, c.end, c.term, 0, "absence")
        for c in member_cues
        if not _overlaps(c, [(a.start, a.end) for a in absence_cues])
        and _negated_nearby(text, c, v)
    ]
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
        if colon is None and _heading_group(text, g.hit):
            # a line that opens with the group: "Arbetsgrupp tidiga insatser: IFO, BVC"
            colon = re.match(r"(?:-\w+)?(?:\s+[^\s,.;:()]+){1,4}?\s*:", text[end:])
            if colon and _words_of(colon.group()) & _VERBISH:
                colon = None  # "Styrgruppen har träffats en gång: …" is a sentence
        if colon:  # "Styrgrupp: socialchef, skolchef, VC-chef", "Arbetsgrupp – IFO, skola"
            span = _list_after(text, end + colon.end(), listed, roles, stops, v)
            if span is not None:
                list_spans.append(span)
            continue
        for pos in _after_group_positions(text, end):
            cue = next((c for c in after_group if c.start == pos), None)
            if cue is not None:
                span = _list_after(text, cue.end, listed, roles, stops, v)
                if span is not None:
                    list_spans.append(span)
                break
    # an item of a list that the sentence before opened with a colon
    inherited = False
    if list_lead and not groups and not member_cues and not absence_cues:
        span = _list_after(text, 0, listed, roles, stops, v)
        rest = re.sub(r"\([^()]*\)?", " ", _blank(text, span[1], listed)) if span else ""
        if span is not None and not re.search(r"[^\W\d_]{2,}", rest):
            if list_lead == "member":
                list_spans.append(span)
            else:
                list_absences.append((_Hit(list_lead, 0, 0, None, 0, "absence"), span))
            inherited = True
    absent, absent_kommun, absent_clauses = _absences(
        text, absence_cues, member_cues, clauses, parties, kommun_hits
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
            c.start <= p.start <= c.end + 1 for c in absence_cues
        ):
            absent.pop(i, None)  # "det saknas lokaler i skolan"
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
        joined = re.search(r"(?:,|\boch|\bsamt)\s*$", text[clause[0] : c.start])
        last = [p for p in parties if clause[0] <= p.end <= c.start]
        if joined and any(c.end <= p.start < clause[1] for p in parties):
            clause = (c.start, clause[1])
        elif last and not text[last[-1].end : c.start].strip() and "," in text[clause[0] : c.start]:
            # "familjebehandlingen, elevhälsan och BUP vid behov": the last item only
            head = text[clause[0] : last[-1].start]
            joiners = list(re.finditer(r",|\boch\b|\bsamt\b", head))
            if joiners:
                clause = (clause[0] + joiners[-1].end(), clause[1])
        bracket = re.search(r"\(\s*$", text[: c.start])
        before = [
            p
            for p in parties
            if bracket and p.end <= bracket.start() and not text[p.end : bracket.start()].strip()
        ]
        if before:  # "… och BUP (vid behov)": the party before the bracket
            clause = (before[-1].start, c.end)
        partial_clauses.append(clause)
    if inherited and partial_clauses:
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


_GENITIVE = re.compile(r"(?::s|[a-zåäö]{3,}(?:ens|ans|ns))$", re.I)

_LIST_JOINERS = frozenset({"och", "samt", "eller"})


def _topics(
    text: str, hits: list[_Hit], roles: list[_Hit], v: Vocabulary
) -> dict[tuple[int, int], str]:
    """Party words used as a place or a topic, not as a party taking part.

    ``place``: after a preposition of ``places`` ("i skolan", "remisser till BUP"), unless a
    person or another party stands before it ("verksamhetschef på BUP", "kurator på IFO").
    ``topic``: a genitive followed by a plain word ("BUP:s väntetider", "familjecentralens
    styrgrupp"), but not by a person ("vårdcentralens chef") or "och" ("BUP:s och HAB:s").
    """
    out: dict[tuple[int, int], str] = {}
    people = [(h.start, h.end) for h in hits] + [(r.start, r.end) for r in roles]
    for h in hits:
        m = re.search(r"(\w[\w:-]*)\s+$", text[: h.start])
        if m and _fold(m.group(1)) in v.places:
            before = text[: m.start()].rstrip()
            person = any(e == len(before) or (s < len(before) <= e) for s, e in people)
            if not person:
                out[(h.start, h.end)] = "place"
                continue
        word = text[h.start : h.end]
        if _GENITIVE.search(word):
            nxt = re.match(r"\s+(\w[\w:-]*)", text[h.end :])
            if nxt is None or _fold(nxt.group(1)) in _LIST_JOINERS:
                continue
            at = h.end + nxt.start(1)
            if any(s == at for s, _ in people):
                continue
            if _unit_follows(text[h.end :], v):
                continue  # "IFO:s mottagningsgrupp", "socialtjänstens förebyggande enhet"
            out[(h.start, h.end)] = "topic"
    return out


def _familjecentral_group(
    text: str, parties: list[_Hit], groups: list[_GroupMention], v: Vocabulary
) -> _GroupMention | None:
    """A familjecentral described as a place where services work together ("familjecentralen
    där BVC, MVC och socialtjänsten arbetar under samma tak", "På familjecentralen arbetar
    …"): with no other group in the sentence, two or more other services after it and a word
    of ``colocation``, it is the group and not a party."""
    if groups:
        return None
    fc = [p for p in parties if p.key == "FAMILJECENTRAL"]
    if len(fc) != 1:
        return None
    hit = fc[0]
    others = {p.key for p in parties if p.start >= hit.end and p.key != "FAMILJECENTRAL"}
    if len(others) < 2:
        return None
    if _find(v.colocation_strong, text[hit.end :]):
        return _GroupMention(hit, "familjecentral", default_level("familjecentral"), None)
    cues = [
        c
        for c in _find(v.colocation, text[hit.end :])
        # "Familjecentralen samarbetar med BUP" is a partner, not a unit in it
        if not re.match(r"\s+med\b", text[hit.end + c.end :])
    ]
    if not cues:
        return None
    before = re.search(r"(\w+)\s+$", text[: hit.start])
    after = re.match(r"(?:\s+\w+){0,3}?,?\s+(?:där|dar|som)\b", text[hit.end :])
    if not (after or (before and _fold(before.group(1)) in {"i", "pa", "pd"})):
        return None
    return _GroupMention(hit, "familjecentral", default_level("familjecentral"), None)


_AFTER_BREAKS = frozenset({"att", "om"})

_VERBISH = frozenset(
    _fold(w)
    for w in (
        *("har", "hade", "är", "var", "blir", "ska", "kommer", "kan", "finns", "fanns"),
        *("träffas", "träffades", "möts", "består", "ingår", "deltar", "arbetar", "behöver"),
    )
)


def _words_of(text: str) -> set[str]:
    return {_fold(w) for w, _, _ in _words(text)}


def _heading_group(text: str, hit: _Hit) -> bool:
    """A group word in its bare form that opens the line ("Arbetsgrupp barn och unga: …"),
    as bullet lists name a group before its members."""
    if text[: hit.start].strip(" -–•*"):
        return False
    return not re.search(r"(?:en|na|et|erna|arna)$", _fold(text[hit.start : hit.end]))


def _unit_follows(rest: str, v: Vocabulary) -> bool:
    """Whether the next word names a part of a service ("öppenvård"), also after an
    adjective or a "barn- och" ("förebyggande enhet", "barn- och ungdomsenhet"), but not
    after a noun ("väntetider för enheten")."""
    head = re.split(r"[,;:.!?()]", rest)[0]
    words = re.findall(r"\w[\w-]*", head)[:4]
    i = 0
    while i < len(words):
        if any(t.pattern.fullmatch(words[i]) for t in v.unit_words):
            # "familjecentralens styrgrupp" is a group of its own, not a unit
            return not any(t.pattern.fullmatch(words[i]) for t in v.groups)
        if words[i].endswith("-") and i + 1 < len(words) and _fold(words[i + 1]) == "och":
            i += 2  # "barn- och ungdomsenhet"
        elif i == 0 and re.search(r"(?:ande|ende|iska|ska|iga|ade)$", _fold(words[i])):
            i += 1  # "förebyggande enhet", "psykiatriska mottagning"
        else:
            return False
    return False


_REFERS_BACK = re.compile(
    r"\s*(?:(?:i|I)\s+(?:den|det|denna|detta|dessa|dem|gruppen|teamet|teamen|grupperna)"
    r"|Där|där)\b"
)


def _blank(text: str, start: int, hits: list[_Hit]) -> str:
    """The text from ``start`` with the hits blanked out."""
    chars = list(text)
    for h in hits:
        for i in range(h.start, h.end):
            chars[i] = " "
    return "".join(chars[start:])


def _after_group_positions(text: str, end: int) -> list[int]:
    """Where a member list may start after a group and its name: right after it, after a
    bracket ("Styrgruppen (GNV) med …"), or after a short "för …" ("för skolfrågor med …")."""
    m = re.match(r"(?:-\w+)?\s*(?:\([^()]*\)\s*)?,?\s*", text[end:])
    pos = end + m.end()
    out = [pos]
    f = re.match(r"(?:för|på|i|inom|vid)\b", text[pos:], re.I)
    if f:
        rest = pos + f.end()
        out += [rest + w.start(1) for w in re.finditer(r"\s+([^\s,.;:()]+)", text[rest:])][:4]
    return out


def _negated_group(text: str, hit: _Hit, absence_cues: list[_Hit], v: Vocabulary) -> bool:
    """A group said not to exist or to be lacking ("ingen styrgrupp med BUP", "saknar en
    styrgrupp med …"): its "med" list names no members."""
    before = [_fold(w) for w, _, _ in _words(text[: hit.start])][-3:]
    if any(w in v.negators for w in before):
        return True
    return any(
        c.end <= hit.start and len(text[c.end : hit.start].split()) <= 2 for c in absence_cues
    )


_FIRST_NOT = frozenset(
    _fold(w)
    for w in (
        *("och", "samt", "eller", "som", "liksom", "plus", "även", "också", "dessutom"),
        *("från", "för", "på", "i", "inom", "vid", "hos"),
    )
)

#: a word before one of these is a person in a list ("fältassistent från IFO")
_OF = frozenset(_fold(w) for w in ("från", "för", "på", "vid", "hos", "inom"))


def _list_after(
    text: str,
    start: int,
    listed: list[_Hit],
    roles: list[_Hit],
    stops: list[_Hit],
    v: Vocabulary,
    *,
    first: bool = False,
) -> tuple[int, int] | None:
    """The span of a list of parties that starts at ``start`` ("socialchef, skolchef och
    vårdcentralens chef", "representanter från IFO samt verksamhetschef på BUP"), from its
    first to its last party; None when no party comes before a word that is not a list word.
    With ``first``, the list may not open with "och", "även" … ("utan även HAB" is no list)."""
    fillers = _find(v.list_words, text)
    pos = start
    found: tuple[int, int] | None = None
    previous_party = False
    opening = True
    while pos < len(text):
        gap = re.match(r"[\s,]*", text[pos:])
        if "," in gap.group() and opening and first:
            return None
        pos += gap.end()
        if pos >= len(text):
            break
        if any(s.start == pos for s in stops):
            break
        hit = max((h for h in listed if h.start == pos), key=lambda h: h.end, default=None)
        if hit is not None:
            found = (found[0] if found else hit.start, hit.end)
            pos = hit.end
            previous_party = True
            opening = False
            continue
        word = re.match(r"\w[\w:.-]*\w|\w", text[pos:])
        if word is None:
            break
        options = [h for h in roles + fillers if h.start == pos]
        if options:
            filler = max(options, key=lambda h: h.end)
            if opening and _fold(text[filler.start : filler.end]) in _FIRST_NOT:
                return None
            pos = filler.end
            previous_party = False
            opening = False
            continue
        if previous_party and word.group()[0].isupper():
            pos += word.end()  # "BUP Värmland", "Närhälsan Kungshamn"
            continue
        if previous_party and _unit_follows(text[pos:], v):
            # "IFO:s mottagningsgrupp", "socialtjänstens förebyggande enhet"
            head = re.split(r"[,;:.!?()]", text[pos:])[0]
            units = [
                m.end()
                for m in list(re.finditer(r"\w[\w-]*", head))[:4]
                if any(t.pattern.fullmatch(m.group()) for t in v.unit_words)
            ]
            if units:
                pos += units[0]
                continue
        nxt = re.match(r"\s+(\w+)", text[pos + word.end() :])
        if found and nxt and _fold(nxt.group(1)) in _OF:
            pos += word.end()  # a person not in the vocabulary: "fältassistent från IFO"
            previous_party = False
            opening = False
            continue
        break
    return found


def _scope_break(
    text: str, party: _Hit, cue: _Hit, v: Vocabulary, groups: list[_GroupMention] = ()
) -> bool:
    """Whether a subordinate clause opens between a member word and a party after it, so
    that the word is not about the party: "deltar i utbildningar som BUP håller", "består av
    … och har beslutat att bjuda in BUP". The "som" of "såväl … som" is no break."""
    lo, hi = cue.end, party.start
    if lo >= hi:
        # a member word after the party: "Styrgruppen ansvarar för att elevhälsan och
        # vårdcentralen samarbetar" is about a task of the group, not its members
        before = [g for g in groups if g.hit.end <= party.start]
        if not before or cue.start < party.end:
            return False
        between = _words_of(text[before[-1].hit.end : party.start])
        return bool(between & _AFTER_BREAKS)
    words = [_fold(w) for w, _, _ in _words(text[lo:hi])]
    breaks = set(v.scope_breaks)
    if "saval" in {_fold(w) for w, _, _ in _words(text[:hi])}:
        breaks.discard("som")
    return any(w in breaks for w in words)


def _wished(text: str, cue: _Hit, v: Vocabulary) -> bool:
    head = re.split(r"[,;:.!?()]", text[: cue.start])[-1]
    return any(_fold(w) in v.wishes for w, _, _ in _words(head)[-2:])


def _negated_absence(text: str, cue: _Hit, v: Vocabulary) -> bool:
    """An absence phrase that is itself negated: "det är inte svårt att få med skolan", "vi
    saknar inte BUP", or "deltar inte bara … utan även"."""
    phrase = {_fold(w) for w, _, _ in _words(text[cue.start : cue.end])}
    after = [_fold(w) for w, _, _ in _words(re.split(r"[,;:.!?()]", text[cue.end :])[0])][:1]
    if phrase & v.negators:
        return bool(after) and after[0] in _NOT_ONLY - {"heller"}
    before = [_fold(w) for w, _, _ in _words(re.split(r"[,;:.!?()]", text[: cue.start])[-1])]
    if before and before[-1] in v.negators - {"ingen", "inga", "inget"}:
        return True
    return bool(after) and after[0] in v.negators


def _levels(text: str, groups: list[_GroupMention], heading: str | None, v: Vocabulary) -> None:
    """Set each group's level: a level word in the sentence, else the heading line above,
    else the group type's default (already set)."""
    ignore = [(h.start, h.end) for h in _find(v.level_ignore, text)]
    clauses = _plain_clauses(text, v)
    for lh in _resolve(_outside(_find(v.levels, text), ignore)):
        target = _level_target(groups, lh, clauses)
        if target is not None and not target.explicit_level:
            target.level = lh.key
            target.explicit_level = True
    for g in groups:
        same = [o for o in groups if o.group_type == g.group_type and o.explicit_level]
        if not g.explicit_level and same:
            g.level = same[0].level
            g.explicit_level = True
    for g in groups:
        if not g.explicit_level and heading:
            g.level = heading


def _absences(
    text: str,
    absence_cues: list[_Hit],
    member_cues: list[_Hit],
    clauses: list[tuple[int, int]],
    parties: list[_Hit],
    kommun_hits: list[_Hit],
) -> tuple[dict[int, str], set[int], list[tuple[int, int]]]:
    """Which parties (by index) are absent and why, which kommuner, and the clauses it covers.

    A phrase covers its clause; when that clause names no party ("BUP, som vi behöver,
    deltar inte") it reaches back one clause unless that one has a member word. A party
    covered by two phrases takes the reason of the nearer one ("BUP är svår att nå och HAB
    har vi ingen kontakt med").
    """
    member_clauses = {_clause_of(clauses, c.start) for c in member_cues}
    reach: list[tuple[_Hit, tuple[int, int]]] = []
    absent_kommun: set[int] = set()
    for cue in sorted(absence_cues, key=lambda h: (h.start, -(h.end - h.start))):
        clause = _clause_of(clauses, cue.start)
        if not any(clause[0] <= p.start < clause[1] for p in parties):
            index = clauses.index(clause) if clause in clauses else 0
            if index > 0 and clauses[index - 1] not in member_clauses:
                clause = (clauses[index - 1][0], clause[1])
        reach.append((cue, clause))
        absent_kommun |= {i for i, k in enumerate(kommun_hits) if clause[0] <= k.start < clause[1]}
    absent: dict[int, str] = {}
    for i, p in enumerate(parties):
        cues_here = [cue for cue, (a, b) in reach if a <= p.start < b]
        if cues_here:
            absent[i] = min(cues_here, key=lambda c: (_gap(text, c, p), c.start)).key
    return absent, absent_kommun, [clause for _, clause in reach]


def _find(terms: tuple[Term, ...], text: str, kind: str = "") -> list[_Hit]:
    """Every match of every term (overlaps included; `_resolve` chooses)."""
    low = text.lower()
    hits = []
    for term in terms:
        if term.anchor and term.anchor not in low:
            continue
        for m in term.pattern.finditer(text):
            if m.end() == m.start():
                continue
            pre = m.end("pre") - m.start("pre")
            hits.append(_Hit(term.key, m.start(), m.end(), term, pre, kind))
    return hits


def _resolve(hits: list[_Hit]) -> list[_Hit]:
    """Non-overlapping hits: earliest first, then whole words before compounds, then longest."""
    order = sorted(hits, key=lambda h: (h.start, h.pre, -(h.term.weight if h.term else 0), -h.end))
    chosen: list[_Hit] = []
    for hit in order:
        if any(hit.start < c.end and c.start < hit.end for c in chosen):
            continue
        chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def _outside(hits: list[_Hit], spans: list[tuple[int, int]]) -> list[_Hit]:
    return [h for h in hits if not any(h.start < e and s < h.end for s, e in spans)]


def _overlaps(hit: _Hit, spans: Iterable[tuple[int, int]]) -> bool:
    return any(hit.start < e and s < hit.end for s, e in spans)


@cache
def _kommun_patterns() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    out = []
    for k in kommuner():
        tokens = re.split(r"([\s-])", k.name)
        body = ""
        for tok in tokens:
            if tok == " ":
                body += r"\s+"
            elif tok == "-":
                body += r"[-\s]"
            else:
                body += "".join(
                    "[" + _UPPER_VARIANTS[c] + "]"
                    if c in _UPPER_VARIANTS
                    else "[" + _VARIANTS[c] + "]"
                    if c in _VARIANTS
                    else re.escape(c)
                    for c in tok
                )
        pattern = re.compile(r"(?<![\w-])" + body + r"(?P<gen>s)?(?P<suf>\s+kommuns?)?(?![\w-])")
        out.append((k.name, pattern, _anchor(k.name)))
    return tuple(out)


_LOCATION = re.compile(r"(?:\b(?:i|I|på|På|inom|Region|region|län|till)\s+)$")


def _find_kommuner(text: str) -> list[_Hit]:
    """Kommun names, except places ("i Hjo", "i Skövde, Tidaholm och Skara") and a capitalised
    word that starts the sentence without "kommun" after it ("Vara ett stöd …")."""
    found: list[tuple[_Hit, bool]] = []
    low = text.lower()
    for name, pattern, anchor in _kommun_patterns():
        if anchor not in low:
            continue
        for m in pattern.finditer(text):
            place = bool(_LOCATION.search(text[: m.start()]))
            at_start = not text[: m.start()].strip(" \"”“'(•-–")
            if at_start and not m.group("suf"):
                place = True
            found.append((_Hit(name, m.start(), m.end(), None, 0, "kommun", m.group("gen")), place))
    found.sort(key=lambda x: x[0].start)
    hits = []
    previous: tuple[_Hit, bool] | None = None
    for hit, place in found:
        if previous is not None and previous[1]:
            between = text[previous[0].end : hit.start]
            if re.fullmatch(r"\s*(?:,|och|samt|eller|,\s*och)\s*", between):
                place = True
        if not place:
            hits.append(hit)
        previous = (hit, place)
    return hits


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in re.finditer(r"\w[\w:-]*", text)]


def _plain_clauses(text: str, v: Vocabulary) -> list[tuple[int, int]]:
    return _clauses(text, v, [])


def _level_target(
    groups: list[_GroupMention], lh: _Hit, clauses: list[tuple[int, int]]
) -> _GroupMention | None:
    """The group a level word describes: the nearest one before it in its clause, else the
    nearest one at all ("arbetsgrupper som arbetar på operativ nivå", "På operativ nivå har vi
    ett konsultationsteam")."""
    free = [g for g in groups if not g.explicit_level]
    if not free:
        return None
    clause = _clause_of(clauses, lh.start)
    before = [g for g in free if g.hit.end <= lh.start and g.hit.start >= clause[0]]
    if before:
        return before[-1]
    return min(free, key=lambda g: _distance(g.hit, lh))


def _gap(text: str, a: _Hit, b: _Hit) -> int:
    """Distance between two hits, far when "och", "men" or a comma stands between them."""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    between = text[lo:hi] if lo < hi else ""
    return _distance(a, b) + (1000 if re.search(r",|\boch\b|\bmen\b", between) else 0)


def _distance(a: _Hit, b: _Hit) -> int:
    if b.start >= a.end:
        return b.start - a.end
    if a.start >= b.end:
        return a.start - b.end
    return 0


def _negated_nearby(text: str, cue: _Hit, v: Vocabulary) -> bool:
    """Whether a member word is negated ("ingår inte", "inte deltar"), but not "ingår inte
    bara skolan utan även IFO"."""
    head = re.split(r"[,;:.!?()]", text[: cue.start])[-1]
    tail = re.split(r"[,;:.!?()]", text[cue.end :])[0]
    breaks = _find(v.clause_breaks, tail)
    if breaks:  # "Närhälsan deltar men inte HAB": the "inte" is the next clause's
        tail = tail[: min(h.start for h in breaks)]
    before = [_fold(w) for w, _, _ in _words(head)][-2:]
    after = [_fold(w) for w, _, _ in _words(tail)][:3]
    if any(a in v.negators and b in _NOT_ONLY for a, b in zip(after, after[1:], strict=False)):
        return False
    return any(w in v.negators for w in before + after[:2])


_NOT_ONLY = frozenset({"bara", "enbart", "endast", "heller"})


def _area(text: str, v: Vocabulary) -> str:
    keys = {h.key for h in _find(v.areas, text)}
    for area in ("missbruk", "psykisk_funktionsnedsattning"):
        if area in keys and "barn_unga" not in keys:
            return area
    return "barn_unga"


_NAME_STOPWORDS = frozenset(
    {"i", "1", "med", "som", "dar", "mellan", "har", "ar", "samt", "for", "pa", "inom", "enligt"}
)


def _group_name(text: str, hit: _Hit, v: Vocabulary) -> tuple[str | None, int]:
    """The name written after a group word, and where it ends.

    Name words are the vocabulary's ``group_name_words``, capitalised words and acronyms,
    and an age range ("0-5 år"). A leading "för" is skipped ("Styrgruppen för god och nära
    vård"); punctuation, a preposition or another group word ends the name.
    """
    if hit.term is not None and hit.term.name:
        return hit.term.name, hit.end
    rest = text[hit.end :]
    if not rest or not rest[0].isspace():
        return None, hit.end
    tokens = list(re.finditer(r"\S+", rest))
    words: list[str] = []
    end = hit.end
    for i, m in enumerate(tokens):
        raw = m.group()
        core = re.sub(r"^[^\w]+|[^\w]+$", "", raw)
        if not core:
            break
        folded = _fold(core)
        nxt = (
            _fold(re.sub(r"^[^\w]+|[^\w]+$", "", tokens[i + 1].group()))
            if i + 1 < len(tokens)
            else ""
        )
        if i == 0 and folded == "for" and len(tokens) > 1:
            continue
        if raw[0] in "([":
            break
        if folded == "ar" and words and re.fullmatch(r"\d+(?:[-–]\d+)?", words[-1]):
            ok = True  # "0-5 år"
        elif re.fullmatch(r"\d+(?:[-–]\d+)?", core):
            ok = nxt == "ar" or "-" in core or "–" in core
        elif folded in _NAME_STOPWORDS:
            ok = False
        elif any(t.pattern.fullmatch(core) for t in v.group_name_words):
            ok = True
        elif not words and core[0].islower() and any(t.pattern.fullmatch(core) for t in v.parties):
            ok = True  # a topic right after the group word: "arbetsgrupp förskola"
        else:
            ok = core[0].isupper() and (not words or words[-1][0].isupper())
            ok = ok and not any(t.pattern.match(core) for t in v.groups)
        if not ok:
            break
        words.append(core)
        # the name ends before its punctuation: "Styrgrupp GNV: socialchef …" keeps the colon
        end = hit.end + m.start() + raw.find(core) + len(core)
        if re.search(r"[,:;.!?()\[\]]", raw) or raw != raw.rstrip("\"”“'’"):
            break
    while words and _fold(words[-1]) in {"och", "for", "i", "samt"}:
        words.pop()
    if not words:
        return None, hit.end
    return " ".join(words), end


def _governance(
    text: str, groups: list[_GroupMention], v: Vocabulary, previous: _GroupMention | None
) -> None:
    """Set ``governed_by`` from phrases like "får uppdrag från", "har gett", "kopplat till";
    "Under den finns tre arbetsgrupper" refers to the group of the sentence before."""
    cues = _resolve(_find(v.governance, text))
    for cue in cues:
        before = [g for g in groups if g.hit.end <= cue.start]
        after = [g for g in groups if g.hit.start >= cue.end]
        pronoun = re.match(r"\s*(?:den|denna|dessa|dem|gruppen)\b", text[cue.end :], re.I)
        if cue.key == "under_next" and previous is not None and after and pronoun:
            if (after[0].group_type, after[0].name) != (previous.group_type, previous.name):
                after[0].governed_by = previous.group_type
            continue
        gap = 1 if cue.key == "under_next" else 3
        if not after or len(text[cue.end : after[0].hit.start].split()) > gap:
            continue
        if cue.key == "reports_to_next" and before and after:
            before[-1].governed_by = after[0].group_type
        elif cue.key == "gives_to_next" and before and after:
            after[0].governed_by = before[-1].group_type
        elif cue.key == "under_next" and len(after) >= 2 and after[1] is not after[0]:
            after[1].governed_by = after[0].group_type


def _clauses(
    text: str,
    v: Vocabulary,
    entity_spans: list[tuple[int, int]],
    verbs: list[tuple[int, int]] = (),  # type: ignore[assignment]
    absence_words: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> list[tuple[int, int]]:
    """Clause spans: cut at commas, semicolons and clause words; list pieces stay joined,
    but never across a semicolon."""
    cuts = {0, len(text)}
    for m in re.finditer(r"[,;]|\s[-–]\s|\(|\)", text):
        cuts.add(m.start())
    for h in _find(v.clause_breaks, text):
        cuts.add(h.start)
    points = sorted(cuts)
    pieces = [(a, b) for a, b in zip(points, points[1:], strict=False) if b > a]
    merged: list[list[int]] = []
    pure_first = False
    for a, b in pieces:
        # "Närhälsan deltar men inte HAB": a piece with a member word is a clause of its own
        pure = _is_list_piece(text, a, b, entity_spans) and not any(a <= s0 < b for s0, _ in verbs)
        # ", saknar socialtjänst" after a list is a clause of its own ("Varken BUP, HAB …"
        # still opens a list)
        opens = pure
        pure = pure and not any(a <= s0 < b for s0, _ in absence_words)
        if text[a] == ";":  # a semicolon ends a list: "… elevhälsan och IFO; BUP deltar ibland"
            merged.append([a, b])
            pure_first = False
        elif merged and (pure or pure_first):
            merged[-1][1] = b
            pure_first = False
        else:
            merged.append([a, b])
            pure_first = opens and len(merged) == 1
    return [(a, b) for a, b in merged]


def _is_list_piece(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    chars = list(text[a:b])
    for s, e in spans:
        for i in range(max(s, a), min(e, b)):
            chars[i - a] = " "
    rest = re.findall(r"[^\W\d_]{2,}", "".join(chars))
    return len(rest) <= 1


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in clauses:
        if a <= pos < b:
            return (a, b)
    return clauses[-1] if clauses else (0, pos + 1)


# ---------------------------------------------------------------------------------------------
# Facts of an answer


@dataclass
class _Context:
    source: str
    kommun: str | None
    question: str | None
    respondent: str | None
    last_group: _GroupMention | None = None
    emitted_groups: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    list_lead: str | None = None


def _extract(text: str, v: Vocabulary, ctx: _Context) -> list[Fact]:
    facts: list[Fact] = []
    status_votes: list[tuple[str, str, str, bool]] = []  # (status, area, quote, reply)
    deviation: tuple[str, str] | None = None
    for sentence in split_sentences(text, v):
        if sentence.is_heading:
            continue
        reading = _read(sentence, v, ctx.kommun, ctx.last_group, ctx.list_lead)
        # "Styrgruppen består av:" and then one item a line: the items are its members
        # ("Följande parter saknas:" and then one a line: those are absent)
        lead = ctx.list_lead if reading.inherited else None  # the next item of the same list
        if sentence.text.rstrip().endswith(":") and not reading.parties:
            if reading.absence_reason:
                lead = reading.absence_reason
            elif reading.groups or reading.member_cues:
                lead = "member"
        ctx.list_lead = lead
        placed = False
        base = {
            "kommun": ctx.kommun,
            "respondent": ctx.respondent,
            "question": ctx.question,
            "quote": sentence.text,
            "source": ctx.source,
        }
        # groups
        for g in reading.groups:
            if _seen_group(ctx, g):
                placed = True
                continue
            ctx.emitted_groups.append((g.group_type, g.name, g.governed_by))
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
        # members and absences
        facts_here = _party_facts(reading, v, ctx, base)
        if facts_here:
            placed = True
            facts.extend(facts_here)
        if reading.groups:
            ctx.last_group = reading.groups[-1]
        # agreement status
        if ctx.question == "Q1" or (
            ctx.question is None and _find(v.local_agreement_words, sentence.text)
        ):
            votes = _status_votes(reading, v)
            if votes:
                placed = True
                status_votes.extend((s, reading.area, sentence.text, r) for s, r in votes)
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
        if not placed and not _boilerplate(sentence.text, v):
            facts.append(Fact(kind="unplaced", **base))
    facts.extend(_status_facts(status_votes, ctx))
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


def _seen_group(ctx: _Context, g: _GroupMention) -> bool:
    for group_type, name, governed_by in ctx.emitted_groups:
        if group_type != g.group_type:
            continue
        if (g.name is None or g.name == name) and (g.governed_by in (None, governed_by)):
            return True
    return False


def _target(reading: _Reading, ctx: _Context, pos: int) -> dict[str, Any]:
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
    if ctx.last_group is not None:
        g = ctx.last_group
        return {"group_type": g.group_type, "level": g.level, "group_name": g.name}
    return {}


def _party_facts(reading: _Reading, v: Vocabulary, ctx: _Context, base: dict) -> list[Fact]:
    facts: list[Fact] = []
    named_specialists = {
        p.key for p in reading.parties if PARTIES[p.key].care_level == "specialist"
    } - {"SPECIALIST"}
    seen: set[tuple[str, str | None, str | None]] = set()
    for i, p in enumerate(reading.parties):
        if p.key == "SPECIALIST" and named_specialists:
            continue
        target = _target(reading, ctx, p.start)
        if i in reading.absent:
            key = ("absent", p.key, None)
            if key in seen:
                continue
            seen.add(key)
            facts.append(
                Fact(kind="absent", party=p.key, reason=reading.absent[i], **target, **base)
            )
        elif (p.start, p.end) in reading.topics:
            continue
        elif any(a <= p.start < b for a, b in reading.member_spans) or any(
            not _scope_break(reading.text, p, c, v, reading.groups) for c in reading.member_cues
        ):
            key = ("member", p.key, None)
            if key in seen or ("absent", p.key, None) in seen:
                continue
            if any(q.key == p.key for j, q in enumerate(reading.parties) if j in reading.absent):
                continue
            seen.add(key)
            partial = any(a <= p.start < b for a, b in reading.partial_clauses)
            facts.append(Fact(kind="member", party=p.key, partial=partial, **target, **base))
    if reading.member_cues or reading.member_spans:
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
            key = ("member", None, name)
            if key in seen:
                continue
            seen.add(key)
            target = _target(reading, ctx, pos)
            partial = any(a <= pos < b for a, b in reading.partial_clauses)
            facts.append(Fact(kind="member", member_kommun=name, partial=partial, **target, **base))
    return facts


def _status_votes(reading: _Reading, v: Vocabulary) -> list[tuple[str, bool]]:
    """The statuses a sentence speaks for, and whether they are only a Ja/Nej reply."""
    text = reading.text
    ignore = [(h.start, h.end) for h in _find(v.status_ignore, text)]
    absent_clauses = [
        c
        for c in reading.absence_spans
        if any(c[0] <= p.start < c[1] for i, p in enumerate(reading.parties) if i in reading.absent)
    ]

    not_started = [_clause_of(reading.clauses, h.start) for h in _find(v.not_started, text)]

    def usable(hits: list[_Hit]) -> list[str]:
        out = []
        for h in _resolve(_outside(hits, ignore)):
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
            if any(w in v.negators for w in before):
                if h.key == "in_force":
                    out.append("none")
                continue
            out.append(h.key)
        return out

    strong = usable(_find(v.status, text))
    if strong:
        return [(s, False) for s in dict.fromkeys(strong)]
    if reading.agreement:
        weak = usable(_find(v.status_weak, text))
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


def _status_facts(votes: list[tuple[str, str, str, bool]], ctx: _Context) -> list[Fact]:
    facts = []
    areas = dict.fromkeys(area for _, area, _, _ in votes)
    for area in areas:
        mine = [v for v in votes if v[1] == area]
        real = [v for v in mine if not v[3]]
        used = real or mine
        status = _combine({v[0] for v in used})
        quotes = list(
            dict.fromkeys(v[2] for v in used if v[0] == status or status == "under_revision")
        )
        if not quotes:
            quotes = [used[0][2]]
        facts.append(
            Fact(
                kind="agreement_status",
                status=status,
                agreement_area=area,
                kommun=ctx.kommun,
                respondent=ctx.respondent,
                question=ctx.question,
                quote=" […] ".join(quotes),
                source=ctx.source,
            )
        )
    return facts


def _boilerplate(text: str, v: Vocabulary) -> bool:
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < 2:
        return True
    return any(h.start == 0 or len(words) <= 4 for h in _find(v.boilerplate, text))
