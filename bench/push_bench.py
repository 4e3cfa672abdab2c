"""Push benchmark: batched UNWIND writes against one query per row, on the same server, same run.

Builds a large synthetic graph from lokgraph's models (all 290 kommuner with their units,
groups, agreements and activities: over 20,000 nodes and 60,000 relationships; seeded, so a
seed always gives the same graph), pushes it to Neo4j in batches, then pushes a sample of
about 3,000 rows with one query (and one transaction) per row, and prints both rates and their
ratio, then times an unchanged re-push (which reads only ids and digests). The server is a
Neo4j 5.26 started here (tests/neo4j_server.py: Java and Maven), or the one at NEO4J_URI.
Before timing, one push and clear warm the server up (a cold JVM is several times slower).

    python bench/push_bench.py                  # full size
    python bench/push_bench.py --quick          # a small graph, for CI: keeps it from rotting
    python bench/push_bench.py --json out.json  # also write the numbers
    python bench/push_bench.py --batch-size 5000  # also with other batch sizes
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lokgraph.codes import PARTIES  # noqa: E402
from lokgraph.entities import kommun_id, kommun_structure, region_id, unit_id  # noqa: E402
from lokgraph.graph import build_graph, new_graph, summary  # noqa: E402
from lokgraph.models import (  # noqa: E402
    Activity,
    Agreement,
    Evidence,
    Group,
    Relationship,
    Source,
    Structure,
    Unit,
)
from lokgraph.reference import kommuner, region_for_kommun  # noqa: E402

GROUP_TYPES = ("styrgrupp", "arbetsgrupp", "konsultationsteam", "samverkansgrupp")
LEVELS = ("politisk", "strategisk", "operativ", "individ")
REGION_PARTIES = ("BUP", "HAB", "VARDCENTRAL", "MVC", "BVC", "UM", "OPPENPSYKIATRI")


def synthetic_structure(
    n_kommuner: int = 290, *, groups: int = 30, activities: int = 20, seed: int = 1
) -> Structure:
    """Per kommun: the kommun, a survey Source, a unit per party, `groups` groups (a chain of
    governance, four members each, some absences), a LÖK on the region's RÖK, `activities`
    activities. Real kommun names; the rest drawn from `random.Random(seed)`."""
    rng = random.Random(seed)
    chosen = list(kommuner())[:n_kommuner]
    all_nodes: list = []
    all_rels: list[Relationship] = []
    roks = {}
    for kommun in chosen:
        region = region_for_kommun(kommun)
        k_id, r_id = kommun_id(kommun), region_id(region)
        place = kommun_structure(kommun)
        all_nodes += place.nodes
        all_rels += place.relationships
        if r_id not in roks:
            roks[r_id] = Agreement(
                id=f"agreement:{r_id}:rok",
                name=f"RÖK {region.name}",
                kind="ROK",
                status="in_force",
                valid_from="2023-01-01",
            )
            all_nodes.append(roks[r_id])
            all_rels.append(Relationship(type="PARTY_TO", source=r_id, target=roks[r_id].id))
        source = Source(
            id=f"source:enkat:{k_id}",
            name=f"Enkät {kommun.name}",
            kind="survey",
            date="2024-03-01",
            surveyed=(k_id,),
            answered=(k_id,) if rng.random() < 0.9 else (),
        )
        units = []
        for party in sorted(PARTIES):
            owner = r_id if party in REGION_PARTIES else k_id
            units.append(Unit(id=f"{unit_id(owner, party)}:{k_id}", name=party, party=party))
        nodes: list = [source, *units]
        rels = [
            Relationship(type="PART_OF", source=u.id, target=_owner(u, k_id, r_id)) for u in units
        ]
        group_ids = []
        for g in range(groups):
            quote = Evidence(
                source=source.id,
                quote=f"{kommun.name} har grupp {g}, där 'BUP' deltar ibland.",
                respondent=k_id,
            )
            group = Group(
                id=f"group:{k_id}:{g}",
                name=f"{rng.choice(GROUP_TYPES).capitalize()} {g} {kommun.name}",
                group_type=rng.choice(GROUP_TYPES),
                level=LEVELS[g % len(LEVELS)],
                evidence=(quote,),
            )
            nodes.append(group)
            group_ids.append(group.id)
            rels.append(Relationship(type="SERVES", source=group.id, target=k_id))
            if g:
                rels.append(
                    Relationship(type="REPORTS_TO", source=group.id, target=group_ids[g // 2])
                )
            for member in rng.sample(units, 4):
                rels.append(
                    Relationship(
                        type="MEMBER_OF",
                        source=member.id,
                        target=group.id,
                        partial=rng.random() < 0.2 or None,
                    )
                )
        for absent in rng.sample(units, 10):
            rels.append(
                Relationship(
                    type="ABSENT_FROM",
                    source=absent.id,
                    target=rng.choice(group_ids),
                    reason=rng.choice(("inte tillfrågad", "svår att engagera", "saknas")),
                )
            )
        lok = Agreement(
            id=f"agreement:{k_id}:lok",
            name=f"LÖK {kommun.name}",
            kind="LOK",
            status=rng.choice(("in_force", "in_progress", "under_revision")),
            valid_from="2024-01-01",
        )
        nodes.append(lok)
        rels.append(Relationship(type="IMPLEMENTS", source=lok.id, target=roks[r_id].id))
        rels.append(Relationship(type="PARTY_TO", source=k_id, target=lok.id))
        for party_unit in rng.sample(units, 3):
            rels.append(Relationship(type="PARTY_TO", source=party_unit.id, target=lok.id))
        for a in range(activities):
            act = Activity(
                id=f"activity:{k_id}:{a}",
                name=f"Aktivitet {a} i {kommun.name}",
                focus_area="tidiga insatser",
                timeline=f"2025 Q{a % 4 + 1}",
            )
            nodes.append(act)
            rels.append(
                Relationship(type="RESPONSIBLE_FOR", source=rng.choice(units).id, target=act.id)
            )
            rels.append(
                Relationship(type="FOLLOWED_UP_BY", source=act.id, target=rng.choice(group_ids))
            )
        all_nodes += nodes
        all_rels += rels
    return Structure(nodes=tuple(all_nodes), relationships=tuple(all_rels))


def _owner(unit: Unit, k_id: str, r_id: str) -> str:
    return r_id if unit.party in REGION_PARTIES else k_id


@contextlib.contextmanager
def bolt_server() -> Iterator[tuple[str, str | None, str | None]]:
    """(uri, user, password) of NEO4J_URI when set, else of a Neo4j 5.26 started for the run."""
    if os.environ.get("NEO4J_URI"):
        yield (
            os.environ["NEO4J_URI"],
            os.environ.get("NEO4J_USER"),
            os.environ.get("NEO4J_PASSWORD"),
        )
        return
    from tests.neo4j_server import neo4j_server

    with neo4j_server() as server:
        _SERVER["pid"] = server.pid
        yield server.uri, server.user, server.password
    _SERVER.clear()


# The Neo4j process when this run started it: its CPU time counts, as well as this process's,
# so that a rate can be given per CPU second, which other work on a shared machine disturbs
# far less than the wall-clock rate.
_SERVER: dict[str, int] = {}


def _cpu_s() -> float | None:
    """CPU seconds used so far by this process and the server (None: server unknown)."""
    pid = _SERVER.get("pid")
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    return time.process_time() + ticks / os.sysconf("SC_CLK_TCK")


def run(*, quick: bool, seed: int, batch_sizes: list[int] = ()) -> dict:
    """Build, warm up, push batched (the store's default batch size, then each of
    `batch_sizes`), re-push unchanged, push the sample with one query per row."""
    from lokgraph.neo4j_store import Neo4jStore

    n_kommuner, sample_kommuner = (12, 2) if quick else (290, 9)
    start = time.perf_counter()
    graph = build_graph(synthetic_structure(n_kommuner, seed=seed))
    build_s = time.perf_counter() - start
    rows = graph.number_of_nodes() + graph.number_of_edges()
    # the first kommuner of the same graph (the generator draws kommun by kommun): ~3,000 rows
    sample = build_graph(synthetic_structure(sample_kommuner, seed=seed))
    sample_rows = sample.number_of_nodes() + sample.number_of_edges()
    result: dict = {
        "kommuner": n_kommuner,
        "nodes": graph.number_of_nodes(),
        "relationships": graph.number_of_edges(),
        "build_s": round(build_s, 2),
        "batched": [],
    }
    with bolt_server() as (uri, user, password):
        with Neo4jStore(uri, user=user, password=password) as store:
            (row,) = store.run("CALL dbms.components() YIELD versions RETURN versions[0] AS v")
            result["server"] = f"Neo4j {row['v']}"
            sizes = [store.batch_size, *(b for b in batch_sizes if b != store.batch_size)]
            store.clear()
            store.save(sample)  # warm-up: the JIT compiles the write path
            store.save(graph)
            store.clear()
        for size in sizes:
            with Neo4jStore(uri, user=user, password=password, batch_size=size) as store:
                store.clear()
                store.save(new_graph())  # the schema statements, outside the timing
                seconds = _timed(store.save, graph)
                _check(store, graph)
                if size == sizes[0]:
                    wall, cpu = _timed(store.save, graph)
                    result["unchanged_repush_s"] = round(wall, 2)
                    result["unchanged_repush_cpu_s"] = round(cpu, 2) if cpu else None
                store.clear()
            result["batched"].append(_rate(rows, seconds, batch_size=size))
        with Neo4jStore(uri, user=user, password=password, batch_size=1) as single:
            seconds = _timed(single.save, sample)
            _check(single, sample)
            single.clear()
        result["per_row"] = _rate(sample_rows, seconds, batch_size=1)
    # other work on the machine slows the server down: say how busy it was
    result["load_average_1min_at_end"] = round(os.getloadavg()[0], 1)
    result["cpus"] = os.cpu_count()
    per_row = result["per_row"]["rows_per_s"]
    per_row_cpu = result["per_row"]["rows_per_cpu_s"]
    for batched in result["batched"]:
        batched["ratio"] = round(batched["rows_per_s"] / per_row, 1)
        if per_row_cpu and batched["rows_per_cpu_s"]:
            batched["cpu_ratio"] = round(batched["rows_per_cpu_s"] / per_row_cpu, 1)
    result["ratio"] = result["batched"][0]["ratio"]
    return result


def _timed(fn, *args) -> tuple[float, float | None]:
    """Wall seconds and CPU seconds (client and server; None when the server is not ours)."""
    cpu = _cpu_s()
    start = time.perf_counter()
    fn(*args)
    wall = time.perf_counter() - start
    after = _cpu_s()
    return wall, (after - cpu if cpu is not None and after is not None else None)


def _check(store, graph) -> None:
    if store.counts() != summary(graph):
        raise SystemExit("the server's counts differ from the graph's after the push")


def _rate(rows: int, timed: tuple[float, float | None], *, batch_size: int) -> dict:
    seconds, cpu = timed
    return {
        "batch_size": batch_size,
        "rows": rows,
        "seconds": round(seconds, 2),
        "rows_per_s": round(rows / seconds),
        "cpu_s": round(cpu, 2) if cpu else None,
        "rows_per_cpu_s": round(rows / cpu) if cpu else None,
    }


def _per_cpu(rate: dict) -> str:
    if not rate.get("rows_per_cpu_s"):
        return ""
    ratio = f", {rate['cpu_ratio']}x per CPU second" if rate.get("cpu_ratio") else ""
    return f"; {rate['rows_per_cpu_s']:,} rows per CPU second of client and server{ratio}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small graph (for CI)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the numbers")
    parser.add_argument(
        "--batch-size",
        type=int,
        action="append",
        default=[],
        metavar="N",
        help="also push with N rows a batch (repeatable; the store's default always runs)",
    )
    args = parser.parse_args(argv)
    result = run(quick=args.quick, seed=args.seed, batch_sizes=args.batch_size)
    lines = [
        f"{result['server']}: {result['nodes']:,} nodes and {result['relationships']:,} "
        f"relationships ({result['kommuner']} kommuner), built in {result['build_s']} s"
    ]
    for b in result["batched"]:
        lines.append(
            f"  batched, {b['batch_size']} rows a batch: {b['rows']:,} rows in "
            f"{b['seconds']} s = {b['rows_per_s']:,} rows/s ({b['ratio']}x one query per row)"
            + _per_cpu(b)
        )
    p = result["per_row"]
    lines.append(
        f"  one query per row: {p['rows']:,} rows in {p['seconds']} s = {p['rows_per_s']:,} rows/s"
        + _per_cpu(p)
    )
    cpu = result.get("unchanged_repush_cpu_s")
    lines.append(
        f"  unchanged re-push of the whole graph: {result['unchanged_repush_s']} s"
        + (f" ({cpu} CPU s)" if cpu else "")
    )
    lines.append(
        f"  load average at the end: {result['load_average_1min_at_end']} on {result['cpus']} CPUs"
    )
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
