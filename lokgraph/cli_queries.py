"""`lokgraph gaps` and `lokgraph query`: the gap questions, on the store or on a Neo4j server."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .cli_app import (
    Backend,
    Neo4jUri,
    RoundOpt,
    StoreOpt,
    _bar,
    _kommun_in,
    _load_round,
    _require,
    _said,
    app,
    out,
)
from .errors import LokgraphError
from .store import DEFAULT_STORE
from .terminal import json_printable, printable


def _gaps(
    store: Path,
    backend: str,
    neo4j: str | None,
    kind: str | None,
    kommun: str | None,
    round_: str | None = None,
) -> list:
    from queries.registry import get_query, run_all, run_all_cypher, run_cypher, run_query

    from .reference import find_kommun

    name = find_kommun(kommun).name if kommun else None
    query = get_query(kind).name if kind else None
    if backend not in ("networkx", "neo4j"):
        raise LokgraphError(f"okänd --backend {backend!r}", fix="Ange networkx eller neo4j")
    if backend == "neo4j":
        from .neo4j_store import Neo4jStore

        if round_:
            raise LokgraphError(
                "--round går inte med --backend neo4j: Cypher-frågorna ser hela grafen på servern",
                fix="Kör frågorna på lagret (--backend networkx), eller lägg bara den omgången "
                "på servern",
            )
        with Neo4jStore(_require(neo4j)) as server:
            server.check()  # a damaged record is an error, not a quiet wrong answer
            if query:
                return run_cypher(query, server, kommun=name)
            return run_all_cypher(server, kommun=name)
    graph = _load_round(store, round_)
    name = _kommun_in(graph, kommun, store)
    with _bar() as bar:
        task = bar.add_task("kör gapfrågorna", total=None)

        def tick(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        if query:
            return run_query(query, graph, kommun=name)
        # run_all shares one index of the graph between the queries
        return run_all(graph, kommun=name, progress=tick)


def _gap_rows(gaps: list) -> list[dict]:
    return [g.model_dump(mode="json") for g in gaps]


def _print_gaps(gaps: list) -> None:
    from rich.table import Table

    from queries.registry import get_query

    if not gaps:
        out.print("Inga luckor hittades.")
        return
    by_kommun: dict[str, list] = {}
    for gap in gaps:
        by_kommun.setdefault(gap.kommun or "", []).append(gap)
    for kommun, items in by_kommun.items():
        table = Table(title=kommun or "Hela området", title_justify="left", show_edge=False)
        table.add_column("lucka")
        table.add_column("part")
        table.add_column("beskrivning")
        table.add_column("citat")
        for gap in items:
            quote = gap.evidence[0].quote if gap.evidence else ""
            table.add_row(
                get_query(gap.kind).title_sv,
                gap.party or "",
                gap.detail,
                (quote[:90] + "…") if len(quote) > 90 else quote,
            )
        out.print(table)
    from .cli_gaps import total_line

    _said(total_line(gaps))


def _print_gap_summary(gaps: list, kind: str | None) -> None:
    """One line per kommun with its count of each kind of gap; the quotes come with --kommun."""
    from queries.catalog import CATALOG

    from .cli_gaps import summary_text

    # plain writes of fixed text (no markup, no emoji codes): rich is not needed to print them
    if not gaps:
        sys.stdout.write("Inga luckor hittades.\n")
        return
    kinds = [kind] if kind else [entry.name for entry in CATALOG]
    sys.stdout.write(printable(summary_text(gaps, kinds)) + "\n")
    sys.stdout.write(
        "Luckorna med citat: lokgraph gaps --kommun NAMN (alla på en gång: --json eller --csv). "
        "Vad frågorna söker: lokgraph query --list.\n"
    )


@app.command()
def gaps(
    store: StoreOpt = DEFAULT_STORE,
    kind: Annotated[
        str | None, typer.Option(help="Bara den här frågan (se: lokgraph query --list).")
    ] = None,
    kommun: Annotated[str | None, typer.Option(help="Bara den här kommunen.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv en JSON-lista.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Skriv CSV.")] = False,
    backend: Backend = "networkx",
    neo4j: Neo4jUri = None,
    round_: RoundOpt = None,
) -> None:
    """Kör alla gapfrågor (eller en): antal luckor per kommun, med --kommun varje lucka med citat.

    Exempel: lokgraph gaps --kind missing_specialist --kommun Leksand
    Exempel: lokgraph gaps --json --backend neo4j --neo4j bolt://localhost:7687
    """
    found = _gaps(store, backend, neo4j, kind, kommun, round_)
    if as_json:
        sys.stdout.write(
            json_printable(json.dumps(_gap_rows(found), ensure_ascii=False, indent=1)) + "\n"
        )
    elif as_csv:
        from .sheets import csv_text

        rows = [
            [
                gap.kind,
                gap.kommun or "",
                gap.party or "",
                gap.status or "",
                gap.detail,
                " | ".join(e.quote for e in gap.evidence),
                " | ".join(sorted({e.source for e in gap.evidence})),
            ]
            for gap in found
        ]
        header = ["kind", "kommun", "party", "status", "detail", "quotes", "sources"]
        sys.stdout.write(csv_text(rows, header=header, bom=False))
    elif kommun:
        _print_gaps(found)
    else:
        _print_gap_summary(found, kind)


@app.command()
def query(
    name: Annotated[str | None, typer.Argument(help="Frågans namn.", metavar="NAMN")] = None,
    list_: Annotated[bool, typer.Option("--list", help="Visa vad varje fråga gör.")] = False,
    cypher: Annotated[
        bool, typer.Option("--cypher", help="Skriv frågans Cypher-tvilling.")
    ] = False,
    store: StoreOpt = DEFAULT_STORE,
    kommun: Annotated[str | None, typer.Option(help="Bara den här kommunen.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv en JSON-lista.")] = False,
    backend: Backend = "networkx",
    neo4j: Neo4jUri = None,
    round_: RoundOpt = None,
) -> None:
    """Kör en gapfråga, lista alla, eller skriv en frågas Cypher för Neo4j Browser.

    Exempel: lokgraph query missing_specialist --kommun Leksand
    Exempel: lokgraph query --list
    """
    if list_ or name is None:
        from queries.catalog import CATALOG  # names and texts only: no graph library, no rich

        for q in CATALOG:
            typer.echo(f"{typer.style(q.name, bold=True)}  {q.title_sv}\n  {q.description_sv}\n")
        return
    from queries.registry import get_query

    if cypher:
        sys.stdout.write(get_query(name).cypher)
        return
    found = _gaps(store, backend, neo4j, name, kommun, round_)
    if as_json:
        sys.stdout.write(
            json_printable(json.dumps(_gap_rows(found), ensure_ascii=False, indent=1)) + "\n"
        )
    else:
        _print_gaps(found)
