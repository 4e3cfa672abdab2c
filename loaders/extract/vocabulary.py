"""Loading, merging and checking ``loaders/vocabulary.yaml`` (or a planner's own file).

Every heading and code is checked at load: a misspelt heading or an unknown code is an
`InputError` naming the file, never a list that silently does nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from loaders.safe_yaml import load_bundled, load_yaml
from lokgraph.codes import (
    AGREEMENT_AREAS,
    AGREEMENT_STATUSES,
    DEVIATION_LEVELS,
    GROUP_TYPES,
    LEVELS,
    PARTIES,
)
from lokgraph.errors import InputError
from lokgraph.facts import ABSENCE_REASONS

from .contracts import contract_terms
from .grammar import ABSENCE_ROLE_KEYS, Grammar, compile_grammar
from .sections import check_sections
from .terms import Term, _compile_term, _fold, word_sets
from .vocab_extra import ExtraWords, compile_extra

#: kinds of agreement in ``agreement.kinds``; ``other_named`` (a BUS agreement) wins over RÖK
AGREEMENT_KIND_KEYS = ("LOK", "ROK", "other", "other_named")
#: the sides an agreement names in ``agreement.sides`` (and the words that join them)
AGREEMENT_SIDE_KEYS = ("kommun", "region", "board", "state", "third", "joins", "with")


@dataclass(frozen=True)
class Vocabulary:
    """The compiled vocabulary: every list of ``vocabulary.yaml`` as terms (what each list
    is for is said beside it in the YAML)."""

    source: str
    parties: tuple[Term, ...]
    listed_parties: tuple[Term, ...]
    principals: tuple[Term, ...]
    groups: tuple[Term, ...]
    #: (head word, level) of the group compounds, and prefixes that make a compound no group
    compound_heads: tuple[tuple[str, str], ...]
    not_group_prefixes: frozenset[str]
    group_name_words: tuple[Term, ...]
    levels: tuple[Term, ...]
    level_ignore: tuple[Term, ...]
    level_cues: tuple[Term, ...]
    agreement_words: tuple[Term, ...]
    local_agreement_words: tuple[Term, ...]
    #: words for kinds of document ("rutiner", "anvisningar"): `document_types`
    document_types: tuple[Term, ...]
    #: a routine or strategy both principals made (document, made, kommun): `charters`
    charters: tuple[Term, ...]
    areas: tuple[Term, ...]
    status: tuple[Term, ...]
    status_weak: tuple[Term, ...]
    status_text: tuple[Term, ...]
    status_reply: tuple[Term, ...]
    status_ignore: tuple[Term, ...]
    not_started: tuple[Term, ...]
    ended: tuple[Term, ...]
    agreement_kinds: tuple[Term, ...]
    #: the sides an agreement names (one kommun, the region) and the subjects that make it
    #: a guideline on one condition or service (`agreements.kind_of`)
    agreement_sides: tuple[Term, ...]
    agreement_subjects: tuple[Term, ...]
    #: "ersätts av" (the new agreement after it), "ersätter" (the new one before it)
    replacements: tuple[Term, ...]
    #: headings of a proposal or an agenda: what stands under them is proposed, not decided
    proposals: tuple[Term, ...]
    #: lines of a document's header that make the document itself a steering document
    header_fields: tuple[Term, ...]
    valid_from_words: tuple[Term, ...]
    valid_to_words: tuple[Term, ...]
    #: "antogs", "beslutades" before a date: the start when no other is given
    adopted_words: tuple[Term, ...]
    #: "utgången av" before a year (its last day); "remiss", "synpunkter" (a deadline)
    year_end_words: tuple[Term, ...]
    deadline_words: tuple[Term, ...]
    #: short cue words ("till", "från") that need their date right after them, and the
    #: words that may stand between ("den", "utgången av")
    near_cues: frozenset[str]
    date_fillers: frozenset[str]
    #: "som", "när": a date cue after them is about the noun before them
    clause_openers: frozenset[str]
    version_words: tuple[Term, ...]
    #: "nu gällande": the current version, whose dates go first
    current_words: tuple[Term, ...]
    member_cues: tuple[Term, ...]
    weak_member_cues: tuple[Term, ...]
    list_member_cues: tuple[Term, ...]
    backward_cues: tuple[Term, ...]
    partial_cues: tuple[Term, ...]
    frequency_words: tuple[Term, ...]
    roles: tuple[Term, ...]
    list_words: tuple[Term, ...]
    unit_words: tuple[Term, ...]
    colocation: tuple[Term, ...]
    colocation_strong: tuple[Term, ...]
    list_heads: tuple[Term, ...]
    scope_heads: tuple[Term, ...]
    wishes: frozenset[str]
    aims: frozenset[str]
    aims_after: frozenset[str]
    questions: frozenset[str]
    scope_breaks: frozenset[str]
    after_group: tuple[Term, ...]
    absence: tuple[Term, ...]
    absence_list: tuple[Term, ...]
    absence_roles: Mapping[str, frozenset[str]]
    places: frozenset[str]
    governance: tuple[Term, ...]
    deviation_words: tuple[Term, ...]
    deviation: tuple[Term, ...]
    negators: frozenset[str]
    hypothetical: frozenset[str]
    clause_breaks: tuple[Term, ...]
    list_fillers: tuple[Term, ...]
    boilerplate: tuple[Term, ...]
    grammar: Grammar
    extra: ExtraWords
    raw: Mapping[str, Any] = field(repr=False, compare=False, default_factory=dict)


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
    return _load_file(Path(path).resolve(), ())


def _load_file(path: Path, seen: tuple[Path, ...]) -> Vocabulary:
    if path in seen:
        chain = " → ".join(p.name for p in (*seen, path))
        raise InputError(
            f"ordlistan bygger på sig själv ({chain})",
            where=str(path),
            fix="Ändra 'extends:' så att den pekar på default eller på en annan fil",
        )
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(
            f"ordlistan kan inte läsas: {err.strerror}",
            where=str(path),
            fix="Kontrollera sökvägen till ordlistan",
        ) from err
    except UnicodeDecodeError as err:
        raise InputError(
            "ordlistan är inte sparad som UTF-8",
            where=str(path),
            fix="Spara filen som UTF-8 i din textredigerare",
        ) from err
    try:
        data = load_yaml(text, name=str(path)) or {}
    except yaml.YAMLError as err:
        raise InputError(
            f"ordlistan är inte giltig YAML ({err})",
            where=str(path),
            fix="Kontrollera indraget; sätt citattecken runt ord som börjar med * eller har kolon",
        ) from err
    if not isinstance(data, dict):
        raise InputError(
            "en ordlista ska vara en samling listor (nyckel: [ord, …])",
            where=str(path),
            fix="Se loaders/vocabulary.yaml för hur en ordlista ser ut",
        )
    base = data.pop("extends", None)
    if base is not None:
        if base != _DEFAULT:
            base_path = (path.parent / str(base)).resolve()
            parent = _load_file(base_path, (*seen, path)).raw
        else:
            parent = _default_raw()
        data = _merge(parent, data)
    return _compile(data, str(path))


_DEFAULT = "default"


@cache
def _default_raw() -> dict[str, Any]:
    text = resources.files("loaders").joinpath("vocabulary.yaml").read_text(encoding="utf-8")
    return load_bundled(text)


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


def _compile(data: Mapping[str, Any], source: str) -> Vocabulary:
    check_sections(data, source)

    def keyed(
        section: str, valid: Iterable[str], where: Mapping[str, Any] | None = None
    ) -> tuple[Term, ...]:
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
        listed_parties=keyed("listed_parties", PARTIES),
        principals=keyed("principals", ("kommun", "region")),
        groups=keyed("groups", GROUP_TYPES),
        compound_heads=_compound_heads(data.get("group_compounds") or {}, source),
        not_group_prefixes=frozenset(
            _fold(w) for w in (data.get("group_compounds") or {}).get("not_groups") or ()
        ),
        group_name_words=plain("group_name_words"),
        levels=keyed("levels", LEVELS),
        level_ignore=plain("level_ignore"),
        level_cues=keyed("level_cues", LEVELS),
        agreement_words=plain("words", agreement, "agreement")
        + contract_terms(agreement.get("contract_frames"), agreement.get("subjects") or (), source),
        local_agreement_words=plain("local_words", agreement, "local"),
        document_types=plain("document_types", agreement, "document_type"),
        charters=keyed("charters", ("document", "made", "kommun"), agreement),
        areas=keyed("areas", AGREEMENT_AREAS, agreement),
        status=keyed("status", AGREEMENT_STATUSES, agreement),
        status_weak=keyed("status_weak", AGREEMENT_STATUSES, agreement),
        status_text=keyed("status_text", AGREEMENT_STATUSES, agreement),
        status_reply=keyed("status_reply", AGREEMENT_STATUSES, agreement),
        status_ignore=plain("status_ignore", agreement),
        not_started=plain("not_started", agreement),
        ended=plain("ended", agreement, "none"),
        agreement_kinds=keyed("kinds", AGREEMENT_KIND_KEYS, agreement),
        agreement_sides=keyed("sides", AGREEMENT_SIDE_KEYS, agreement),
        agreement_subjects=plain("subjects", agreement, "subject"),
        replacements=plain("replaced_by", agreement, "by") + plain("replaces", agreement, "of"),
        proposals=plain("proposals", agreement),
        header_fields=plain("header_fields", agreement),
        valid_from_words=plain("valid_from", agreement, "from"),
        valid_to_words=plain("valid_to", agreement, "to"),
        adopted_words=plain("adopted", agreement, "adopted"),
        year_end_words=plain("year_end", agreement),
        deadline_words=plain("deadlines", agreement),
        near_cues=frozenset(_fold(w) for w in agreement.get("near_cues") or ()),
        date_fillers=frozenset(_fold(w) for w in agreement.get("date_fillers") or ()),
        clause_openers=frozenset(_fold(w) for w in agreement.get("clause_openers") or ()),
        current_words=plain("current_words", agreement),
        version_words=plain("version_words", agreement),
        member_cues=plain("cues", members, "member") + plain("start_cues", members, "member"),
        weak_member_cues=plain("weak_cues", members, "member"),
        list_member_cues=plain("list_cues", members, "member"),
        backward_cues=plain("backward", members, "backward"),
        partial_cues=plain("partial", members, "partial"),
        frequency_words=plain("frequency_words", members, "frequency"),
        roles=plain("roles", members, "role"),
        list_words=plain("list_words", members, "list"),
        unit_words=plain("units", members, "unit"),
        colocation=plain("colocation", members, "colocation"),
        colocation_strong=plain("colocation_strong", members, "colocation"),
        after_group=plain("after_group", members, "member"),
        list_heads=plain("list_heads", members, "list_head"),
        scope_heads=plain("scope_heads", members, "scope_head"),
        wishes=frozenset(_fold(w) for w in members.get("wishes") or ()),
        aims=frozenset(_fold(w) for w in members.get("aims") or ()),
        aims_after=frozenset(_fold(w) for w in members.get("aims_after") or ()),
        questions=frozenset(_fold(w) for w in members.get("questions") or ()),
        scope_breaks=frozenset(_fold(w) for w in members.get("scope_breaks") or ()),
        absence=keyed("absence", ABSENCE_REASONS) + _framed(data.get("absence_frames"), source),
        absence_list=keyed("absence_list", ABSENCE_REASONS),
        absence_roles=word_sets(data.get("absence_roles") or {}, ABSENCE_ROLE_KEYS),
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
        grammar=compile_grammar(data.get("grammar") or _default_raw()["grammar"], source),
        extra=compile_extra(data, plain, source, keyed),
        raw=dict(data),
    )


def _compound_heads(section: Mapping[str, Any], source: str) -> tuple[tuple[str, str], ...]:
    heads = section.get("heads") or {}
    if not isinstance(heads, dict):
        raise InputError("'group_compounds: heads' must map levels to words", where=source)
    out = []
    for level, words in heads.items():
        if level not in LEVELS:
            raise InputError(
                f"unknown level {level!r} under 'group_compounds: heads'",
                where=source,
                fix="Use one of " + ", ".join(LEVELS),
            )
        out += [(str(w), str(level)) for w in words or ()]
    return tuple(out)


def _framed(frames: Any, source: str) -> tuple[Term, ...]:
    """Absence phrases composed of a frame and a predicate (``absence_frames``): every goal
    before every inclusion ("arbeta för att" … "få med", "se till att" … "hittar … plats"), so
    a planner adds a goal or a way of being included once, not each pair.

    >>> t = _framed({"needed": {"goals": ["se till att"], "inclusions": ["få med"]}}, "x")
    >>> [(x.key, x.text) for x in t]
    [('needed', 'se till att ... få med')]
    """
    terms: list[Term] = []
    for key, frame in (frames or {}).items():
        if key not in ABSENCE_REASONS or not isinstance(frame, dict):
            raise InputError(f"'absence_frames' has no reason {key!r}", where=source)
        pairs = [
            f"{g} ... {i}" for g in frame.get("goals") or [] for i in frame.get("inclusions") or []
        ]
        terms.extend(_terms(pairs, str(key), source, "absence_frames"))
    return tuple(terms)


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
