"""A second synthetic survey round with known changes, so `lokgraph diff` is checked against truth.

From the truth of one round, :func:`next_round` makes the next: teams started, parties joining
and leaving groups, absences no longer reported, LÖKs signed. It returns the new truth and the
changes it made, in the words `lokgraph.diff` uses: (kind, kommun, subject, party).

>>> from lokgraph.synth import synth_truth
>>> first = synth_truth(15, seed=1)
>>> second, made = next_round(first, seed=1)
>>> sorted({kind for kind, *_ in made})
['absence_gone', 'group_added', 'lok_status', 'member_joined', 'member_left']
>>> next_round(first, seed=1) == (second, made)
True
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

from .codes import AREA_NAMES
from .graph import merge, new_graph
from .models import Structure
from .rounds import with_round
from .store import FileStore, write_atomic
from .synth import (
    _KOMMUN_PARTIES,
    _REGION_PARTIES,
    SynthGroup,
    SynthKommun,
    _group_name,
    synth_structure,
)
from .synth_survey import synth_survey_dump

__all__ = ["Made", "next_round", "two_rounds", "write_two_rounds"]

#: one change the generator made: (kind, kommun, subject, party)
Made = tuple[str, str, str, str | None]
_NEW_TEAMS = ("sambu", "konsultationsteam", "barnhalsoteam")


def next_round(truth: list[SynthKommun], seed: int = 1) -> tuple[list[SynthKommun], list[Made]]:
    """The next round of a truth and the changes made to it (same seed, same round)."""
    rng = random.Random(f"next-round-{seed}")
    made: list[Made] = []
    after = []
    for t in truth:
        name = t.kommun.name
        groups = list(t.groups)
        for i, g in enumerate(groups):
            roll = rng.random()
            if roll < 0.08:
                taken = set(g.members) | {p for p, _ in g.absent}
                free = [p for p in _KOMMUN_PARTIES + _REGION_PARTIES if p not in taken]
                if free:
                    party = rng.choice(free)
                    groups[i] = replace(g, members=tuple(sorted((*g.members, party))))
                    made.append(("member_joined", name, g.name, party))
            elif roll < 0.14 and len(g.members) > 2:
                party = rng.choice(g.members)
                members = tuple(p for p in g.members if p != party)
                partial = tuple(p for p in g.partial if p != party)
                groups[i] = replace(g, members=members, partial=partial)
                made.append(("member_left", name, g.name, party))
            elif roll < 0.24 and g.absent:
                party, _ = g.absent[0]
                groups[i] = replace(g, absent=g.absent[1:])
                made.append(("absence_gone", name, g.name, party))
        if rng.random() < 0.3:
            groups.append(_new_team(rng, t, groups))
            made.append(("group_added", name, groups[-1].name, None))
        status, valid_to = t.lok_status, t.lok_valid_to
        if status != "in_force" and rng.random() < 0.4:
            status, valid_to = "in_force", "2026-06-30"
            made.append(("lok_status", name, f"LÖK {name} ({AREA_NAMES['barn_unga']})", None))
        after.append(replace(t, groups=tuple(groups), lok_status=status, lok_valid_to=valid_to))
    return after, made


def two_rounds(
    truth: list[SynthKommun], seed: int = 1, years: tuple[str, str] = ("2024", "2025")
) -> tuple[Structure, Structure, list[SynthKommun], list[Made]]:
    """Both rounds as structures (sources in rounds `years`), the second truth and its changes."""
    second, made = next_round(truth, seed)
    first_structure = with_round(synth_structure(truth, source_path="enkat.txt"), years[0])
    second_structure = with_round(synth_structure(second, source_path="enkat-2.txt"), years[1])
    return first_structure, second_structure, second, made


def _new_team(rng: random.Random, t: SynthKommun, groups: list[SynthGroup]) -> SynthGroup:
    kind = rng.choice(_NEW_TEAMS)
    used = {g.name for g in groups}
    operative = [g.name for g in groups if g.level == "operativ"]
    kommun_side = rng.sample(_KOMMUN_PARTIES, k=2)
    region_side = rng.sample(_REGION_PARTIES, k=1)
    return SynthGroup(
        name=_group_name(rng, kind, t.kommun, used),
        group_type=kind,
        level="individ",
        members=tuple(sorted((*kommun_side, *region_side))),
        reports_to=operative[0] if operative else None,
    )


def write_two_rounds(truth: list[SynthKommun], seed: int, folder: Path) -> list[Path]:
    """Both rounds into one store, each round's survey dump, and the changes made (JSON)."""
    first, second, second_truth, made = two_rounds(truth, seed)
    graph = new_graph()
    merge(graph, first)
    merge(graph, second)
    store = folder / "lokgraph-store.json"
    FileStore(store).save(graph)
    written = [store]
    for name, t in (("enkat.txt", truth), ("enkat-2.txt", second_truth)):
        write_atomic(folder / name, synth_survey_dump(t, seed))
        written.append(folder / name)
    rows = [dict(zip(("kind", "kommun", "subject", "party"), m, strict=True)) for m in made]
    text = json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    write_atomic(folder / "forandringar.json", text)
    written.append(folder / "forandringar.json")
    return written
