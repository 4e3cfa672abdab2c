"""A national-size synthetic collaboration graph that gives every kind of gap, for benchmarks.

`synthetic_graph(n_kommuner, seed)` builds, for the first n real kommuner (all 290 by
default) and their regions: every region's specialist and first-line units, each kommun's own
units, 8–25 groups per kommun across the four levels with governance (REPORTS_TO) and a share
left ungoverned, one or two delregional steering groups per region that kommun groups report
to, memberships (some partial) with BUP and HAB absent and reported so in a share of kommuner,
a LÖK per kommun and area with every status (some missing, some outlasting their RÖK), the
RÖKs, and one survey Source with a fifth of the kommuner silent. The same arguments always
give the same graph.

`lokgraph.synth` makes a graph from a made-up truth that also renders as survey text (for the
extractor); this generator only makes the graph, tuned so that every gap query has work to do.
"""

from __future__ import annotations

import datetime as dt
import random

import networkx as nx

from lokgraph.codes import AGREEMENT_AREAS, AREA_NAMES, GROUP_TYPES
from lokgraph.entities import (
    agreement_id,
    group_id,
    kommun_id,
    kommun_structure,
    region_id,
    unit_structure,
)
from lokgraph.graph import merge, new_graph
from lokgraph.models import Agreement, Evidence, Group, Relationship, Source, Structure
from lokgraph.reference import Kommun, Region, kommuner, region_for_kommun

__all__ = ["KOMMUN_PARTIES", "REGION_PARTIES", "SURVEY_ID", "synthetic_graph"]

KOMMUN_PARTIES: tuple[str, ...] = ("ELEVHALSA", "SKOLA", "FORSKOLA", "SOCIALTJANST", "LSS")
REGION_PARTIES: tuple[str, ...] = (
    "BUP",
    "HAB",
    "OPPENPSYKIATRI",
    "VARDCENTRAL",
    "UM",
    "BVC",
    "FAMILJECENTRAL",
)
SURVEY_ID = "source:synthetic-enkat"
_TYPES_BY_LEVEL: dict[str, tuple[str, ...]] = {
    level: tuple(t for t, lv in GROUP_TYPES.items() if lv == level)
    for level in ("politisk", "strategisk", "operativ", "individ")
}
_STATUSES = ("in_force", "in_progress", "under_revision", "none", "unknown")
_ABSENCE = (
    ("not_participating", "{p} har inte deltagit i {g}."),
    ("not_asked", "{p} har inte heller tillfrågats om {g}."),
    ("hard_to_engage", "Det är en ständig utmaning att få med {p} i {g}."),
    ("needed", "Vi behöver även få med {p} i {g}."),
)


def synthetic_graph(n_kommuner: int = 290, seed: int = 1) -> nx.MultiDiGraph:
    """The synthetic graph of the first `n_kommuner` kommuner (SCB order), seeded.

    >>> g = synthetic_graph(3, seed=7)
    >>> sorted({d["label"] for _, d in g.nodes(data=True)})
    ['Agreement', 'Area', 'Group', 'Principal', 'Source', 'Unit']
    >>> again = synthetic_graph(3, seed=7)
    >>> list(again.nodes(data=True)) == list(g.nodes(data=True))
    True
    """
    if not 1 <= n_kommuner <= len(kommuner()):
        raise ValueError(f"n_kommuner must be between 1 and {len(kommuner())}, not {n_kommuner}")
    rng = random.Random(seed)
    chosen = list(kommuner()[:n_kommuner])
    parts = _Parts()
    answered = [k for k in chosen if rng.random() < 0.8]
    parts.nodes.append(
        Source(
            id=SURVEY_ID,
            name="Syntetisk enkät om samverkan för barn och unga",
            kind="survey",
            surveyed=tuple(sorted(kommun_id(k) for k in chosen)),
            answered=tuple(sorted(kommun_id(k) for k in answered)),
        )
    )
    regions: dict[str, list[Kommun]] = {}
    for k in chosen:
        regions.setdefault(region_for_kommun(k).lan_kod, []).append(k)
    for members in regions.values():
        region = region_for_kommun(members[0])
        steering = _region(parts, rng, region, members)
        for k in members:
            _kommun(parts, rng, k, region, steering)
    graph = new_graph()
    merge(graph, Structure(nodes=tuple(parts.nodes), relationships=tuple(parts.rels)))
    return graph


class _Parts:
    """The nodes and relationships collected so far, each unit made once."""

    def __init__(self) -> None:
        self.nodes: list = []
        self.rels: list[Relationship] = []
        self.units: dict[tuple[str, str], str] = {}

    def unit(self, party: str, kommun: Kommun) -> str:
        owner = kommun.name if party in KOMMUN_PARTIES else region_for_kommun(kommun).name
        if (party, owner) not in self.units:
            uid, structure = unit_structure(party, kommun=kommun)
            self.units[party, owner] = uid
            self.nodes.extend(structure.nodes)
            self.rels.extend(structure.relationships)
        return self.units[party, owner]

    def rel(self, type_: str, source: str, target: str, **kw: object) -> None:
        self.rels.append(Relationship(type=type_, source=source, target=target, **kw))


def _quote(text: str, respondent: str, question: str = "Q2") -> tuple[Evidence, ...]:
    return (Evidence(source=SURVEY_ID, quote=text, question=question, respondent=respondent),)


def _region(parts: _Parts, rng: random.Random, region: Region, members: list[Kommun]) -> list[str]:
    """The region's RÖKs and one or two delregional steering groups with its specialists."""
    for area in AGREEMENT_AREAS:
        parts.nodes.append(
            Agreement(
                id=agreement_id("ROK", region.name, area),
                name=f"RÖK {region.name} ({AREA_NAMES[area]})",
                kind="ROK",
                area=area,
                status="in_force",
                valid_from=dt.date(2023, 1, 1),
                valid_to=dt.date(2026, 6, 30),
            )
        )
    steering = []
    for i in range(1 if len(members) < 6 else 2):
        name = f"Delregional styrgrupp {i + 1}, {region.lan}"
        gid = group_id(region.name, "styrgrupp", name)
        quote = _quote(f"{name} leder arbetet i länsdelen.", region.name)
        parts.nodes.append(
            Group(id=gid, name=name, group_type="styrgrupp", level="strategisk", evidence=quote)
        )
        served = rng.sample(members, k=min(len(members), rng.randint(2, 5)))
        for k in served:
            parts.rel("SERVES", gid, kommun_id(k))
        for party in ("BUP", "HAB", "VARDCENTRAL"):
            if rng.random() < 0.7:
                parts.rel("MEMBER_OF", parts.unit(party, members[0]), gid)
        parts.rel("MEMBER_OF", region_id(region), gid)
        steering.append(gid)
    return steering


def _kommun(
    parts: _Parts, rng: random.Random, k: Kommun, region: Region, steering: list[str]
) -> None:
    structure = kommun_structure(k)
    parts.nodes.extend(structure.nodes)
    parts.rels.extend(structure.relationships)
    kid = kommun_id(k)
    bup_absent = rng.random() < 0.3
    hab_absent = rng.random() < 0.25
    groups = _groups(parts, rng, k)
    strategic = [g for g, level in groups if level == "strategisk"]
    operative = [g for g, level in groups if level == "operativ"]
    for gid, level in groups:
        parts.rel("SERVES", gid, kid)
        if level == "operativ" and rng.random() < 0.85 and (strategic or steering):
            parts.rel("REPORTS_TO", gid, rng.choice(strategic or steering))
        elif level == "individ" and operative and rng.random() < 0.8:
            parts.rel("REPORTS_TO", gid, rng.choice(operative))
        for party in rng.sample(KOMMUN_PARTIES, k=rng.randint(1, 3)):
            parts.rel("MEMBER_OF", parts.unit(party, k), gid, partial=rng.random() < 0.1 or None)
        first_line = ("VARDCENTRAL", "UM", "BVC", "FAMILJECENTRAL")
        for party in rng.sample(first_line, k=rng.randint(0, 2)):
            parts.rel("MEMBER_OF", parts.unit(party, k), gid)
        for party, absent, share in (("BUP", bup_absent, 0.2), ("HAB", hab_absent, 0.15)):
            if not absent and level in ("operativ", "individ") and rng.random() < share:
                partial = rng.random() < 0.3 or None
                parts.rel("MEMBER_OF", parts.unit(party, k), gid, partial=partial)
        if level == "individ" and rng.random() < 0.05:
            parts.rel("MEMBER_OF", parts.unit("OPPENPSYKIATRI", k), gid)
    for party, absent in (("BUP", bup_absent), ("HAB", hab_absent)):
        if absent and groups and rng.random() < 0.8:
            for gid, _ in rng.sample(groups, k=min(len(groups), rng.randint(1, 2))):
                reason, text = rng.choice(_ABSENCE)
                quote = text.format(p=party, g=gid.split(":")[-1].replace("-", " "))
                parts.rel(
                    "ABSENT_FROM",
                    parts.unit(party, k),
                    gid,
                    reason=reason,
                    evidence=_quote(quote, k.name, "Q4"),
                )
    if rng.random() < 0.2:
        parts.rel("MEMBER_OF", kid, rng.choice(groups)[0])
    _agreements(parts, rng, k, region)


def _groups(parts: _Parts, rng: random.Random, k: Kommun) -> list[tuple[str, str]]:
    n = rng.randint(8, 25)
    levels = ["operativ", "individ"]
    if rng.random() < 0.9:
        levels.append("strategisk")
    if rng.random() < 0.5:
        levels.append("politisk")
    levels += rng.choices(("operativ", "individ", "strategisk"), (5, 5, 1), k=n - len(levels))
    groups = []
    for i, level in enumerate(levels):
        group_type = rng.choice(_TYPES_BY_LEVEL[level])
        name = f"{group_type.replace('_', ' ').capitalize()} {i + 1} {k.name}"
        gid = group_id(k.name, group_type, name)
        quote = _quote(f"Vi har {name.lower()}.", k.name)
        parts.nodes.append(
            Group(id=gid, name=name, group_type=group_type, level=level, evidence=quote)
        )
        groups.append((gid, level))
    return groups


def _agreements(parts: _Parts, rng: random.Random, k: Kommun, region: Region) -> None:
    for area in AGREEMENT_AREAS:
        if rng.random() < (0.15 if area == "barn_unga" else 0.35):
            continue  # no LÖK recorded for this area
        status = rng.choices(_STATUSES, (5, 2, 2, 1, 1))[0]
        late = status == "in_force" and rng.random() < 0.2
        lok = Agreement(
            id=agreement_id("LOK", k.name, area),
            name=f"LÖK {k.name} ({AREA_NAMES[area]})",
            kind="LOK",
            area=area,
            status=status,
            valid_to=dt.date(2027, 12, 31) if late else None,
            evidence=_quote(f"LÖK för {AREA_NAMES[area]}: {status}.", k.name, "Q1"),
        )
        parts.nodes.append(lok)
        parts.rel("PARTY_TO", kommun_id(k), lok.id)
        parts.rel("PARTY_TO", region_id(region), lok.id)
        parts.rel("IMPLEMENTS", lok.id, agreement_id("ROK", region.name, area))
        if area == "barn_unga" and rng.random() < 0.3:
            parts.rel("PARTY_TO", parts.unit("BUP", k), lok.id)
