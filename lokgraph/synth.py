"""Synthetic national data: one made-up truth per kommun, as a structure and as survey answers.

The same truth gives the graph (for queries, maps and pushes at national scale) and the free
text a survey would hold (for extraction at national scale, scored against that truth). Real
kommun and region names; everything else is drawn from a seeded random generator, so a seed
always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from importlib import resources

import networkx as nx
import yaml

from .codes import AREA_NAMES, default_level
from .entities import (
    agreement_id,
    agreement_structure,
    group_id,
    kommun_id,
    kommun_structure,
    region_id,
    unit_structure,
)
from .from_facts import survey_source
from .graph import build_graph
from .models import Agreement, Evidence, Group, Relationship, Structure
from .reference import Kommun, kommuner, region_for_kommun, regioner

__all__ = [
    "QUESTION_TEXTS",
    "SynthGroup",
    "SynthKommun",
    "pick_kommuner",
    "synth_graph",
    "synth_structure",
    "synth_truth",
]

# the Swedish words and sentences of the data (data/synth.yaml); a seed draws from them by
# position, so their order is part of what a seed gives
_WORDS = yaml.safe_load(
    (resources.files("lokgraph") / "data" / "synth.yaml").read_text(encoding="utf-8")
)


def _table(key: str) -> dict[str, tuple[str, ...]]:
    return {name: tuple(texts) for name, texts in _WORDS[key].items()}


#: The survey's six questions, in order.
QUESTION_TEXTS: tuple[str, ...] = tuple(_WORDS["questions"])
#: How the parties are written in answers; the first form is the plain one.
SURFACE: dict[str, tuple[str, ...]] = _table("surface")
_GROUP_WORDS = _table("group_words")
_TOPICS: tuple[str, ...] = tuple(_WORDS["topics"])
#: Answer sentences per agreement status, absence reason and deviation practice, and filler.
STATUS_TEXT = _table("status_text")
ABSENCE_TEXT = _table("absence_text")
DEVIATION_TEXT = _table("deviation_text")
FILLER: tuple[str, ...] = tuple(_WORDS["filler"])
_KOMMUN_PARTIES = ("SOCIALTJANST", "ELEVHALSA", "SKOLA", "FORSKOLA", "LSS")
_REGION_PARTIES = ("VARDCENTRAL", "UM", "FAMILJECENTRAL", "BVC", "OPPENPSYKIATRI")
_LEVEL_TYPES = {
    "politisk": ("polsam",),
    "strategisk": ("styrgrupp", "ledningsgrupp", "chefsgrupp"),
    "operativ": ("arbetsgrupp", "samverkansgrupp", "beredningsgrupp"),
    "individ": ("konsultationsteam", "barnhalsoteam", "sambu", "beh"),
}


@dataclass(frozen=True)
class SynthGroup:
    """One made-up group with who takes part, who is reported missing and whom it answers to."""

    name: str
    group_type: str
    level: str
    members: tuple[str, ...]
    partial: tuple[str, ...] = ()
    absent: tuple[tuple[str, str], ...] = ()
    reports_to: str | None = None
    in_survey: bool = True


@dataclass(frozen=True)
class SynthKommun:
    """The truth for one kommun: its groups, its LÖK, whether and how it answered."""

    kommun: Kommun
    answered: bool
    lok_status: str
    deviation: str
    lok_valid_to: str | None
    groups: tuple[SynthGroup, ...] = field(default=())


def pick_kommuner(n: int) -> list[Kommun]:
    """n real kommuner: a whole län when one has that many (15 → Dalarna, 49 → Västra
    Götaland), else the first n in SCB's order, so sizes compare like with like."""
    everyone = list(kommuner())
    if n >= len(everyone):
        return everyone
    for lan in ("20", "14", "01", "12"):
        in_lan = [k for k in everyone if k.lan_kod == lan]
        if len(in_lan) == n:
            return in_lan
    return everyone[:n]


def _group_name(rng: random.Random, group_type: str, kommun: Kommun, used: set[str]) -> str:
    word = rng.choice(_GROUP_WORDS[group_type])
    name = f"{word[0].upper()}{word[1:]} {kommun.name}"
    while name in used:
        name = f"{word[0].upper()}{word[1:]} {rng.choice(_TOPICS)}, {kommun.name}"
        if name in used:
            name = f"{name} {len(used)}"
    used.add(name)
    return name


def synth_truth(n_kommuner: int, seed: int = 1) -> list[SynthKommun]:
    """Made-up structures for n real kommuner: 8–25 groups each, over all levels, with gaps as
    surveys find them.

    BUP and HAB each take part in a kommun (in one group or several), are reported absent from
    some of its groups, or are not recorded at all; a few kommuner lack a level; some groups
    answer to no strategic group; a share of kommuner does not answer the survey.
    """
    rng = random.Random(seed)
    truth = []
    for kommun in pick_kommuner(n_kommuner):
        used: set[str] = set()
        n_groups = rng.randint(8, 25)
        levels = ["strategisk"] + (["politisk"] if rng.random() < 0.6 else [])
        allowed = [lvl for lvl in ("operativ", "individ") if rng.random() < 0.93] or ["operativ"]
        levels += allowed
        levels += rng.choices(
            allowed + ["strategisk"], [5] * len(allowed) + [1], k=n_groups - len(levels)
        )
        rng.shuffle(levels)
        levels.sort(key=("politisk", "strategisk", "operativ", "individ").index)
        states = {
            "BUP": rng.choices(("present", "absent", "unrecorded"), (55, 25, 20))[0],
            "HAB": rng.choices(("present", "absent", "unrecorded"), (50, 25, 25))[0],
        }
        working = [i for i, lvl in enumerate(levels) if lvl in ("operativ", "individ")]
        seats: dict[str, set[int]] = {}
        for party, state in states.items():
            k = 1 if rng.random() < 0.4 else rng.randint(2, 4)
            picked = rng.sample(working, k=min(k, len(working))) if state != "unrecorded" else []
            seats[party] = set(picked)
        groups: list[SynthGroup] = []
        top: str | None = None
        operative: list[str] = []
        for i, level in enumerate(levels):
            group_type = rng.choice(_LEVEL_TYPES[level])
            name = _group_name(rng, group_type, kommun, used)
            members = set(rng.sample(_KOMMUN_PARTIES, k=rng.randint(1, 3)))
            members |= set(rng.sample(_REGION_PARTIES, k=rng.randint(1, 2)))
            partial: list[str] = []
            absent: list[tuple[str, str]] = []
            for party, state in states.items():
                if i not in seats[party]:
                    continue
                if state == "absent":
                    absent.append((party, rng.choice(tuple(ABSENCE_TEXT))))
                else:
                    members.add(party)
                    if rng.random() < 0.3:
                        partial.append(party)
            reports_to = None
            if level == "strategisk" and top is None:
                top = name
            elif level == "operativ":
                reports_to = top if rng.random() < 0.85 else None
                operative.append(name)
            elif level == "individ":
                reports_to = rng.choice(operative) if operative and rng.random() < 0.8 else None
            groups.append(
                SynthGroup(
                    name=name,
                    group_type=group_type,
                    level=level,
                    members=tuple(sorted(members)),
                    partial=tuple(sorted(partial)),
                    absent=tuple(absent),
                    reports_to=reports_to,
                    in_survey=True,
                )
            )
        # the survey answer names the main groups: the first of each level and the specialists'
        named = {levels.index(lvl) for lvl in set(levels)}
        named |= seats["BUP"] | seats["HAB"]
        named |= set(range(min(6, len(groups))))
        groups = [g if i in named else replace(g, in_survey=False) for i, g in enumerate(groups)]
        status = rng.choices(list(STATUS_TEXT), [5, 3, 2, 1])[0]
        late = status == "in_force" and rng.random() < 0.2
        truth.append(
            SynthKommun(
                kommun=kommun,
                answered=rng.random() < 0.8,
                lok_status=status,
                deviation=rng.choice(list(DEVIATION_TEXT)),
                lok_valid_to="2027-12-31"
                if late
                else ("2026-06-30" if status == "in_force" else None),
                groups=tuple(groups),
            )
        )
    return truth


def synth_graph(n_kommuner: int, seed: int = 1) -> nx.MultiDiGraph:
    """The graph of `synth_truth`, for benchmarks and tests.

    >>> graph = synth_graph(3, seed=1)
    >>> sorted(d["name"] for _, d in graph.nodes(data=True) if d.get("kind") == "kommun")
    ['Upplands Väsby', 'Vallentuna', 'Österåker']
    """
    return build_graph(synth_structure(synth_truth(n_kommuner, seed)))


def synth_structure(
    truth: Iterable[SynthKommun], *, source_path: str = "synth-enkat.txt"
) -> Structure:
    """The graph of a truth: groups, members, absences, governance, LÖKs and RÖKs, the survey."""
    truth = list(truth)
    source, structure = survey_source(
        path=source_path,
        title="Syntetisk enkät",
        surveyed=[t.kommun.name for t in truth],
        answered=[t.kommun.name for t in truth if t.answered],
    )
    nodes: list = list(structure.nodes)
    rels: list = list(structure.relationships)
    regions = {region_for_kommun(t.kommun).name for t in truth}
    for region in regioner():
        if region.name in regions:
            nodes.append(
                Agreement(
                    id=agreement_id("ROK", region.name, "barn_unga"),
                    name=f"RÖK {region.name} ({AREA_NAMES['barn_unga']})",
                    kind="ROK",
                    status="in_force",
                    valid_from=_date("2023-01-01"),
                    valid_to=_date("2026-06-30"),
                )
            )
    units: dict[tuple[str, str], str] = {}

    def unit(party: str, kommun: Kommun) -> str:
        key = (party, kommun.name if party in _KOMMUN_PARTIES else region_for_kommun(kommun).name)
        if key not in units:
            uid, s = unit_structure(party, kommun=kommun)
            units[key] = uid
            nodes.extend(s.nodes)
            rels.extend(s.relationships)
        return units[key]

    for t in truth:
        k = t.kommun
        s = kommun_structure(k)
        nodes.extend(s.nodes)
        rels.extend(s.relationships)
        said = (Evidence(source=source.id, quote=STATUS_TEXT[t.lok_status][0], respondent=k.name),)
        _, lok = agreement_structure(k, "barn_unga", t.lok_status, evidence=said)
        lok_nodes = [
            n.model_copy(update={"valid_to": _date(t.lok_valid_to)}) if n.kind == "LOK" else n
            for n in lok.nodes
            if n.label == "Agreement"
        ]
        nodes.extend(lok_nodes)
        rels.extend(lok.relationships)
        ids = {g.name: group_id(k.name, g.group_type, g.name) for g in t.groups}
        for g in t.groups:
            gid = ids[g.name]
            ev = (Evidence(source=source.id, quote=f"{g.name} finns.", respondent=k.name),)
            nodes.append(
                Group(id=gid, name=g.name, group_type=g.group_type, level=g.level, evidence=ev)
            )
            rels.append(Relationship(type="SERVES", source=gid, target=kommun_id(k)))
            for party in g.members:
                rels.append(
                    Relationship(
                        type="MEMBER_OF",
                        source=unit(party, k),
                        target=gid,
                        partial=True if party in g.partial else None,
                        evidence=ev,
                    )
                )
            for party, reason in g.absent:
                quote = ABSENCE_TEXT[reason][0].format(p=party, P=party, g=g.name.lower())
                rels.append(
                    Relationship(
                        type="ABSENT_FROM",
                        source=unit(party, k),
                        target=gid,
                        reason=reason,
                        evidence=(Evidence(source=source.id, quote=quote, respondent=k.name),),
                    )
                )
            if g.reports_to:
                rels.append(Relationship(type="REPORTS_TO", source=gid, target=ids[g.reports_to]))
        rels.append(
            Relationship(type="MEMBER_OF", source=kommun_id(k), target=ids[t.groups[0].name])
        )
        rels.append(
            Relationship(
                type="MEMBER_OF",
                source=region_id(region_for_kommun(k)),
                target=ids[t.groups[0].name],
            )
        )
    return Structure(nodes=tuple(nodes), relationships=tuple(rels))


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


assert all(default_level(t) for types in _LEVEL_TYPES.values() for t in types)
