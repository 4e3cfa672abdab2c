"""Facts and surveys become nodes and edges here, the one place that decides how.

Survey groups are known by kommun and group type (one styrgrupp per kommun unless a curated
file says more), so that every sentence about "styrgruppen" in one kommun's answers lands on
the same node, and a member and an absence from two answers meet on it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from importlib import resources

import yaml

from .codes import default_level
from .collector import collector_paused
from .entities import (
    agreement_structure,
    group_id,
    kommun_id,
    kommun_structure,
    unit_structure,
)
from .facts import Fact
from .ids import make_id
from .models import (
    Evidence,
    Group,
    Node,
    Principal,
    Relationship,
    Source,
    SourceKind,
    Structure,
)
from .reference import Kommun, find_kommun, find_region

__all__ = ["facts_source", "facts_to_structure", "source_id", "survey_source"]


def source_id(path_or_title: str) -> str:
    """The id of a document: its file name, so the same file always gives the same source.

    >>> source_id("../shared/seeds/000_06d682ea16d55562.txt")
    'source:000-06d682ea16d55562-txt'
    """
    return make_id("source", _file_name(path_or_title))


def _file_name(path: str) -> str:
    """The last part of a path written with / or \\ (a Windows path in a review sheet)."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def survey_source(
    *,
    path: str,
    title: str,
    surveyed: Iterable[str],
    answered: Iterable[str],
    kind: SourceKind = "survey",
    date: str | None = None,
) -> tuple[Source, Structure]:
    """The Source node of a survey, with every kommun asked, whether it answered or not."""
    asked = [find_kommun(k) for k in surveyed]
    replied = {find_kommun(k).kommunkod for k in answered}
    source = Source(
        id=source_id(path),
        name=title,
        kind=kind,
        date=date,
        path=_file_name(path),
        surveyed=tuple(sorted(kommun_id(k) for k in asked)),
        answered=tuple(sorted(kommun_id(k) for k in asked if k.kommunkod in replied)),
    )
    structure = Structure(nodes=(source,))
    for k in asked:
        structure += kommun_structure(k)
        if k.kommunkod in replied:
            structure += Structure(
                relationships=(
                    Relationship(type="STATED_IN", source=kommun_id(k), target=source.id),
                )
            )
    return source, structure


@functools.cache
def _group_words() -> dict:
    text = resources.files("lokgraph.data").joinpath("group_names.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def group_name(group_type: str, owner: str, name: str | None = None) -> str:
    """What a planner calls a survey group: its type's word with å, ä and ö, the words the
    text gave it when they are not a name of their own (a topic), and whose it is.

    >>> group_name("barnhalsoteam", "Avesta")
    'Barnhälsoteam, Avesta'
    >>> group_name("styrgrupp", "Avesta", "god och nära vård")
    'Styrgrupp god och nära vård, Avesta'
    >>> group_name("samverkansgrupp", "Orsa", "Samverkansgruppen Tidiga insatser")
    'Samverkansgruppen Tidiga insatser, Orsa'
    >>> group_name("styrgrupp", "Malung-Sälen", "GNV")
    'Styrgrupp GNV, Malung-Sälen'
    >>> group_name("konsultationsteam", "Orsa", "KT Orsa")
    'KT Orsa'
    """
    words = _group_words()
    base = words["names"].get(group_type) or group_type.replace("_", " ").capitalize()
    if name:
        head = base.split()[0].rstrip("-").casefold()
        first = name.split()[0]
        acronym = len(first) > 1 and first.isupper() and first not in words["topic_acronyms"]
        if group_type == "samverkan" or acronym or (len(head) > 4 and head in name.casefold()):
            base = name[:1].upper() + name[1:]  # the group's own name
        else:
            base = f"{base} {name}"  # a topic or an acronym after the group word
    return base if owner.casefold() in base.casefold() else f"{base}, {owner}"


def _owner(fact: Fact, kommun: Kommun | None) -> str:
    """Whose a group is: its kommun, else the region that wrote about it, else the document.

    Groups of a regional report are then never merged with another report's groups of the
    same type.
    """
    if kommun is not None:
        return kommun.name
    return fact.respondent or _file_name(fact.source)


def _group(
    fact: Fact,
    kommun: Kommun | None,
    group_type: str,
    level: str | None,
    *,
    name: str | None = None,
    evidence: tuple[Evidence, ...] = (),
) -> Structure:
    """A survey group; without evidence it is only a reference and changes no stated values."""
    owner = _owner(fact, kommun)
    reference = _group_reference(
        owner, kommun, group_type, level or default_level(group_type), name
    )
    if not evidence:
        return reference
    # the reference was validated and the evidence was made by `facts_to_structure`
    group = reference.nodes[0].model_copy(update={"evidence": evidence})
    return Structure.model_construct(nodes=(group,), relationships=reference.relationships)


@functools.lru_cache(maxsize=8192)
def _group_reference(
    owner: str, kommun: Kommun | None, group_type: str, level: str | None, name: str | None
) -> Structure:
    """A survey group without evidence, with SERVES to its kommun: made once per group and
    shared by every fact that names it (the records are frozen)."""
    gid = group_id(owner, group_type)
    group = Group(
        id=gid, name=group_name(group_type, owner, name), group_type=group_type, level=level
    )
    rels = (Relationship(type="SERVES", source=gid, target=kommun_id(kommun)),) if kommun else ()
    return Structure(nodes=(group,), relationships=rels)


def _target(fact: Fact, kommun: Kommun | None) -> tuple[str, Structure]:
    """The group or agreement a member or absence fact is about."""
    if fact.group_type is None and fact.agreement_area and kommun is not None:
        return agreement_structure(kommun, fact.agreement_area)
    structure = _group(fact, kommun, fact.group_type or "samverkan", fact.level)
    return structure.nodes[0].id, structure


class _Records:
    """The nodes and relationships of a source's facts, in the order the facts give them.

    Each fact's records are appended (the shared, frozen references of its kommun, group or
    unit among them) instead of being summed into a `Structure` per fact. A reference (a
    structure without evidence: a kommun with its län and region, a unit, a group named by a
    member fact) is appended the first time only: a merge adds a record without evidence
    once anyway, and at 290 kommuner the repeats were six records in seven.
    """

    __slots__ = ("nodes", "rels", "_references")

    def __init__(self, first: Source) -> None:
        self.nodes: list[Node] = [first]
        self.rels: list[Relationship] = []
        # id → the reference itself, which keeps it alive so that its id is not reused
        self._references: dict[int, Structure] = {}

    def add(self, *structures: Structure) -> None:
        for structure in structures:
            if id(structure) in self._references:
                continue
            if _is_reference(structure):
                self._references[id(structure)] = structure
            self.nodes.extend(structure.nodes)
            self.rels.extend(structure.relationships)


def _is_reference(structure: Structure) -> bool:
    """Whether no record of the structure carries evidence."""
    return not any(n.evidence for n in structure.nodes) and not any(
        r.evidence for r in structure.relationships
    )


def _one(fact: Fact, evidence: tuple[Evidence, ...], out: _Records) -> bool:
    """Append what one fact says to `out`; False when nothing could be placed."""
    kommun = find_kommun(fact.kommun) if fact.kommun else None
    base = kommun_structure(kommun) if kommun else Structure()
    if fact.kind == "group":
        s = _group(
            fact,
            kommun,
            fact.group_type or "samverkan",
            fact.level,
            name=fact.group_name,
            evidence=evidence,
        )
        out.add(base, s)
        if fact.governed_by:
            parent = _group(fact, kommun, fact.governed_by, None)
            out.add(parent)
            out.rels.append(
                Relationship(
                    type="REPORTS_TO",
                    source=s.nodes[0].id,
                    target=parent.nodes[0].id,
                    evidence=evidence,
                )
            )
        return True
    if fact.kind in ("member", "absent"):
        target, s = _target(fact, kommun)
        is_agreement = target.startswith("agreement:")
        if fact.party is not None:
            region = None
            if kommun is None and fact.respondent:
                region = find_region(fact.respondent)
            if kommun is None and region is None:
                return _unplaced(fact, evidence, out)
            unit, us = unit_structure(fact.party, kommun=kommun, region=region)
            out.add(base, s, us)
            if fact.kind == "absent":
                rel = Relationship(
                    type="ABSENT_FROM",
                    source=unit,
                    target=target,
                    reason=fact.reason or "missing",
                    evidence=evidence,
                )
            else:
                rel = Relationship(
                    type="PARTY_TO" if is_agreement else "MEMBER_OF",
                    source=unit,
                    target=target,
                    partial=True if fact.partial else None,
                    evidence=evidence,
                )
            out.rels.append(rel)
        elif fact.member_kommun and fact.kind == "member":
            other = find_kommun(fact.member_kommun)
            out.add(base, s, kommun_structure(other))
            out.rels.append(
                Relationship(
                    type="PARTY_TO" if is_agreement else "MEMBER_OF",
                    source=kommun_id(other),
                    target=target,
                    evidence=evidence,
                )
            )
        else:
            return _unplaced(fact, evidence, out)
        return True
    if fact.kind == "agreement_status" and kommun is not None and fact.agreement_kind != "other":
        # the kommun's LÖK, or the county's RÖK when the text is about that one; with the
        # dates the text gives (another kind of agreement stays as evidence on the kommun)
        dates = {
            key: dt.date.fromisoformat(value)
            for key, value in (("valid_from", fact.valid_from), ("valid_to", fact.valid_to))
            if value
        }
        _, s = agreement_structure(kommun, fact.agreement_area or "barn_unga")
        lok, rok = s.nodes[-2], s.nodes[-1]
        update = {"status": fact.status, "evidence": evidence, **dates}
        if fact.agreement_kind == "ROK":
            rok = rok.model_copy(update=update)
        else:
            lok = lok.model_copy(update=update)
        out.add(base)
        out.nodes.extend((*s.nodes[:-2], lok, rok))
        out.rels.extend(s.relationships)
        return True
    if fact.kind == "deviation_reporting" and kommun is not None:
        _, s = agreement_structure(kommun, fact.agreement_area or "barn_unga")
        lok = s.nodes[-2].model_copy(
            update={"deviation_reporting": fact.status, "evidence": evidence}
        )
        out.add(base)
        out.nodes.extend((*s.nodes[:-2], lok, s.nodes[-1]))
        out.rels.extend(s.relationships)
        return True
    return _unplaced(fact, evidence, out)


def _unplaced(fact: Fact, evidence: tuple[Evidence, ...], out: _Records) -> bool:
    """A sentence nobody could place stays as evidence on its kommun (or, returning False,
    on its source)."""
    if fact.kommun:
        k = find_kommun(fact.kommun)
        node = Principal(
            id=kommun_id(k),
            name=k.name,
            kind="kommun",
            kommunkod=k.kommunkod,
            lan_kod=k.lan_kod,
            evidence=evidence,
        )
        out.add(kommun_structure(k))
        out.nodes.append(node)
        return True
    return False


def facts_to_structure(facts: Iterable[Fact], *, source: Source) -> Structure:
    """All facts of one source as one structure, each node and edge with its quote.

    Facts without a kommun that cannot be placed are kept as evidence on the source node.
    """
    with collector_paused():
        return _facts_to_structure(facts, source)


def _facts_to_structure(facts: Iterable[Fact], source: Source) -> Structure:
    out = _Records(source)
    loose: list[Evidence] = []
    for fact in facts:
        evidence = (
            Evidence(
                source=source.id,
                quote=fact.quote,
                question=fact.question,
                respondent=fact.respondent,
            ),
        )
        if not _one(fact, evidence, out):
            loose.extend(evidence)
    if loose:
        out.nodes[0] = source.model_copy(update={"evidence": source.evidence + tuple(loose)})
    # every record was validated when made (or is a copy of one with validated values)
    return Structure.model_construct(nodes=tuple(out.nodes), relationships=tuple(out.rels))


def facts_source(path: str, title: str | None = None, kind: SourceKind = "review") -> Source:
    """A Source node for facts that come without a survey (a review sheet, a text)."""
    name = _file_name(path)
    return Source(id=source_id(path), name=title or name, kind=kind, path=name)
