"""The `lokgraph` command: a thin layer that wires loaders, store, queries and maps together.

Each command is a few lines over the library; every LokgraphError becomes one paragraph on
stderr and exit code 1, so a planner sees what to fix and never a traceback.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from .cli_errors import run
from .errors import LokgraphError
from .graph import merge, new_graph, retract_source, summary
from .store import DEFAULT_STORE, FileStore, graph_to_json, write_atomic

__all__ = ["app", "main"]

app = typer.Typer(
    help="lokgraph: samverkansstrukturer för barns och ungas hälsa som graf, "
    "och var länkarna saknas.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
out = Console()
err = Console(stderr=True)

StoreOpt = Annotated[
    Path,
    typer.Option(
        "--store",
        envvar="LOKGRAPH_STORE",
        help="The store file (default lokgraph-store.json, or $LOKGRAPH_STORE).",
    ),
]
WithNames = Annotated[
    bool, typer.Option("--with-names", help="Keep personal names from survey answers.")
]
RoundOpt = Annotated[
    str | None,
    typer.Option(
        "--round", help="Enkätomgång att visa, t.ex. 2024 (standard: den senaste omgången)."
    ),
]


def _load_round(store: Path, round_: str | None):
    """The store's graph as of a survey round (the latest unless one is asked for)."""
    from .rounds import at_round

    return at_round(FileStore(store).load(), round_)


def _examples() -> list[Path]:
    folder = resources.files("lokgraph") / "examples"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yaml"))


def _print_summary(graph) -> None:
    counts = summary(graph)
    table = Table(title="Graph", show_edge=False)
    table.add_column("nodes per label")
    table.add_column("n", justify="right")
    table.add_column("edges per type")
    table.add_column("n", justify="right")
    nodes, edges = list(counts["nodes"].items()), list(counts["edges"].items())
    for i in range(max(len(nodes), len(edges))):
        n = nodes[i] if i < len(nodes) else ("", "")
        e = edges[i] if i < len(edges) else ("", "")
        table.add_row(n[0], str(n[1]), e[0], str(e[1]))
    table.add_row("total", str(graph.number_of_nodes()), "total", str(graph.number_of_edges()))
    out.print(table)


def _bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


@app.command("import")
def import_(
    files: Annotated[
        list[Path], typer.Argument(help="Structure YAML, review CSV or survey files.")
    ],
    store: StoreOpt = DEFAULT_STORE,
    kommun: Annotated[
        str | None, typer.Option(help="Whose text a .txt file is, when it does not say.")
    ] = None,
    mapping: Annotated[
        Path | None, typer.Option(help="Column mapping (YAML) for a Forms export.")
    ] = None,
    round_: Annotated[
        str | None,
        typer.Option(
            "--round",
            help="Enkätomgången filerna hör till, t.ex. 2024 "
            "(standard: källans datum eller ett årtal i rubriken).",
        ),
    ] = None,
) -> None:
    """Read files and merge them into the store; importing the same file twice changes nothing.

    A survey is extracted into facts first; a review sheet replaces the facts its survey gave.
    Nothing is written unless every file reads without error.

    Example: lokgraph import enkat.txt lokgraph/examples/dalarna.yaml --store dalarna.json
    Example: lokgraph import enkat-2024.txt --round 2024
    """
    from loaders.importer import read_path

    from .rounds import file_heading, with_round

    graph = FileStore(store).load()
    before = store.read_text(encoding="utf-8") if store.exists() else None
    with _bar() as bar:
        for path in files:
            task = bar.add_task(f"{path.name}", total=None)

            def tick(done: int, total: int, task: int = task) -> None:
                bar.update(task, completed=done, total=total)

            imported = read_path(path, kommun=kommun, mapping=mapping, progress=tick)
            nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
            for source in imported.sources:
                retract_source(graph, f"{source}@{round_}" if round_ else source)
            structure = with_round(imported.structure, round_, heading=file_heading(path))
            merge(graph, structure, where=str(path))
            bar.remove_task(task)
            facts = f" from {len(imported.facts)} facts" if imported.facts else ""
            out.print(
                f"{path}: {graph.number_of_nodes() - nodes:+} nodes, "
                f"{graph.number_of_edges() - edges:+} edges{facts}"
            )
            for note in imported.notes:
                out.print(f"  note: {note}")
    text = graph_to_json(graph)
    if text == before:
        out.print(f"{store} unchanged")
    else:
        write_atomic(store, text)
        out.print(f"wrote {store}")


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A survey file (.txt, .docx, .xlsx, .csv).")],
    kommun: Annotated[str | None, typer.Option(help="Whose text a .txt file is.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the facts as JSON.")] = False,
    review: Annotated[
        Path | None, typer.Option(help="Write the facts as an editable CSV sheet.")
    ] = None,
    mapping: Annotated[Path | None, typer.Option(help="Column mapping for a Forms export.")] = None,
) -> None:
    """Print the facts a survey gives, without storing them.

    Example: lokgraph extract enkat.txt --json > facts.json
    Example: lokgraph extract svar.xlsx --review facts.csv  (then: lokgraph import facts.csv)
    """
    from loaders.importer import extract_path
    from loaders.review import write_review

    facts, _survey, notes = extract_path(file, kommun=kommun, mapping=mapping)
    for note in notes:
        err.print(f"note: {note}")
    if review:
        write_review(facts, review)
        err.print(f"wrote {len(facts)} facts to {review}")
    if as_json:
        sys.stdout.write(
            json.dumps([f.model_dump() for f in facts], ensure_ascii=False, indent=1) + "\n"
        )
    elif not review:
        table = Table("kind", "kommun", "party", "group", "status", "quote", show_lines=False)
        for f in facts:
            table.add_row(
                f.kind,
                f.kommun or "",
                f.party or "",
                f.group_type or (f.agreement_area or ""),
                f.status or f.reason or "",
                f.quote[:70],
            )
        out.print(table)


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the demo files.")] = Path(
        "lokgraph-demo"
    ),
) -> None:
    """Build the bundled examples into a store and write the map, matrix and gap report.

    Example: lokgraph demo --out demo
    """
    from loaders.curated import load_structure_file

    graph = new_graph()
    for path in _examples():
        merge(graph, load_structure_file(path), where=str(path))
    store = out_dir / "lokgraph-store.json"
    FileStore(store).save(graph)
    out.print(f"wrote {store}")
    for path in _write_views(graph, out_dir, with_names=False):
        out.print(f"wrote {path}")
    _print_summary(graph)


def _write_views(graph, out_dir: Path, *, with_names: bool) -> list[Path]:
    """The map, the matrix and the report of a graph, as far as those modules exist."""
    from visualizations.map_set import write_maps
    from visualizations.matrix import matrix_html
    from visualizations.report import report_html
    from visualizations.write import save

    written = write_maps(graph, out_dir / "karta.html", with_names=with_names)
    for name, render in (
        ("matris.html", matrix_html),
        ("rapport.html", report_html),
    ):
        written.append(save(render(graph, with_names=with_names), out_dir / name))
    return written


@app.command("export")
def export_(
    fmt: Annotated[str, typer.Option("--format", help="graphml, gexf, json or csv.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File (or folder for csv).")
    ] = None,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Export the store for Gephi (GraphML, GEXF), Kumu (CSV sheets) or other tools (JSON).

    Example: lokgraph export --format graphml -o karta.graphml
    Example: lokgraph export --format csv -o kumu/   (elements.csv + connections.csv)
    """
    from .export import export

    target = output or Path(f"lokgraph-export.{fmt}" if fmt != "csv" else "lokgraph-export")
    for path in export(FileStore(store).load(), fmt, target):
        out.print(f"wrote {path}")


Backend = Annotated[
    str,
    typer.Option("--backend", help="Where the queries run: networkx (the store file) or neo4j."),
]
Neo4jUri = Annotated[
    str | None,
    typer.Option("--neo4j", envvar="NEO4J_URI", help="Bolt URI of the server ($NEO4J_URI)."),
]


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
        raise LokgraphError(f"unknown backend {backend!r}", fix="Use networkx or neo4j")
    if backend == "neo4j":
        from .neo4j_store import Neo4jStore

        with Neo4jStore(_require(neo4j)) as server:
            if query:
                return run_cypher(query, server, kommun=name)
            return run_all_cypher(server, kommun=name)
    graph = _load_round(store, round_)
    # run_all shares one index of the graph between the queries
    return run_query(query, graph, kommun=name) if query else run_all(graph, kommun=name)


def _gap_rows(gaps: list) -> list[dict]:
    return [g.model_dump(mode="json") for g in gaps]


def _print_gaps(gaps: list) -> None:
    from queries.registry import get_query

    if not gaps:
        out.print("Inga luckor hittades.")
        return
    by_kommun: dict[str, list] = {}
    for gap in gaps:
        by_kommun.setdefault(gap.kommun or "Hela området", []).append(gap)
    for kommun, items in by_kommun.items():
        table = Table(title=kommun, title_justify="left", show_edge=False)
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
    out.print(f"{len(gaps)} luckor i {len(by_kommun)} kommuner och områden.")


@app.command()
def gaps(
    store: StoreOpt = DEFAULT_STORE,
    kind: Annotated[str | None, typer.Option(help="Only this query (see: query --list).")] = None,
    kommun: Annotated[str | None, typer.Option(help="Only this kommun.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
    backend: Backend = "networkx",
    neo4j: Neo4jUri = None,
    round_: RoundOpt = None,
) -> None:
    """Run every gap query (or one) and show the missing links per kommun, with the quotes.

    Example: lokgraph gaps --kind missing_specialist --kommun Leksand
    Example: lokgraph gaps --json --backend neo4j --neo4j bolt://localhost:7687
    """
    found = _gaps(store, backend, neo4j, kind, kommun, round_)
    if as_json:
        sys.stdout.write(json.dumps(_gap_rows(found), ensure_ascii=False, indent=1) + "\n")
    elif as_csv:
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["kind", "kommun", "party", "status", "detail", "quotes", "sources"])
        for gap in found:
            writer.writerow(
                [
                    gap.kind,
                    gap.kommun or "",
                    gap.party or "",
                    gap.status or "",
                    gap.detail,
                    " | ".join(e.quote for e in gap.evidence),
                    " | ".join(sorted({e.source for e in gap.evidence})),
                ]
            )
    else:
        _print_gaps(found)


@app.command()
def query(
    name: Annotated[str | None, typer.Argument(help="The query's name.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="Say what each query does.")] = False,
    cypher: Annotated[bool, typer.Option("--cypher", help="Print the Cypher twin.")] = False,
    store: StoreOpt = DEFAULT_STORE,
    kommun: Annotated[str | None, typer.Option(help="Only this kommun.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
    backend: Backend = "networkx",
    neo4j: Neo4jUri = None,
) -> None:
    """Run one gap query, list them all, or print a query's Cypher for Neo4j Browser.

    Example: lokgraph query missing_specialist --kommun Leksand
    Example: lokgraph query --list
    """
    from queries.registry import all_queries, get_query

    if list_ or name is None:
        for q in all_queries():
            out.print(f"[bold]{q.name}[/bold]  {q.title_sv}\n  {q.description_sv}\n")
        return
    if cypher:
        sys.stdout.write(get_query(name).cypher)
        return
    found = _gaps(store, backend, neo4j, name, kommun)
    if as_json:
        sys.stdout.write(json.dumps(_gap_rows(found), ensure_ascii=False, indent=1) + "\n")
    else:
        _print_gaps(found)


Output = Annotated[Path, typer.Option("-o", "--output", help="The file to write.")]


@app.command("map")
def map_(
    output: Output = Path("karta.html"),
    store: StoreOpt = DEFAULT_STORE,
    kommun: Annotated[str | None, typer.Option(help="One kommun and its regional links.")] = None,
    area: Annotated[str | None, typer.Option(help="A län or delregion by name.")] = None,
    with_names: WithNames = False,
    round_: RoundOpt = None,
) -> None:
    """Write the maps: without --kommun, the overview of where BUP and HAB are missing, with
    each kommun's network map (beside it, or inside it for --area); offline HTML.

    Example: lokgraph map --kommun Leksand -o leksand.html
    Example: lokgraph map --area "Dalarnas län" -o dalarna.html
    """
    from visualizations.map_set import write_maps

    from .reference import find_kommun

    name = find_kommun(kommun).name if kommun else None
    graph = _load_round(store, round_)
    for path in write_maps(graph, output, kommun=name, area=area, with_names=with_names):
        out.print(f"wrote {path}")


@app.command()
def matrix(
    output: Output = Path("matris.html"),
    store: StoreOpt = DEFAULT_STORE,
    as_csv: Annotated[bool, typer.Option("--csv", help="Write CSV instead of HTML.")] = False,
    with_names: WithNames = False,
    round_: RoundOpt = None,
) -> None:
    """Write the coverage matrix: kommuner × parties, member / partial / absent / not recorded.

    Example: lokgraph matrix -o matris.html
    Example: lokgraph matrix --csv -o matris.csv
    """
    from visualizations.matrix import matrix_csv, matrix_html
    from visualizations.write import save

    graph = _load_round(store, round_)
    text = matrix_csv(graph) if as_csv else matrix_html(graph, with_names=with_names)
    out.print(f"wrote {save(text, output)}")


@app.command()
def report(
    output: Output = Path("rapport.html"),
    store: StoreOpt = DEFAULT_STORE,
    with_names: WithNames = False,
    round_: RoundOpt = None,
) -> None:
    """Write the gap report: one printable page per area, with quotes, map and matrix.

    Example: lokgraph report -o rapport.html
    """
    from visualizations.report import report_html
    from visualizations.write import save

    html = report_html(_load_round(store, round_), with_names=with_names)
    out.print(f"wrote {save(html, output)}")


@app.command()
def push(
    neo4j: Neo4jUri = None,
    store: StoreOpt = DEFAULT_STORE,
    batch_size: Annotated[
        int | None, typer.Option(help="Rows per transaction (default: the server's dialect).")
    ] = None,
) -> None:
    """Write the store to a Neo4j server: constraints first, then batches of MERGE.

    Credentials come from NEO4J_USER and NEO4J_PASSWORD (or the URI); pushing twice changes
    nothing.

    Example: lokgraph push --neo4j bolt://localhost:7687
    """
    from .neo4j_store import Neo4jStore

    graph = FileStore(store).load()
    with Neo4jStore(_require(neo4j), batch_size=batch_size) as server:
        server.save(graph)
        counts = server.counts()
    nodes = sum(counts["nodes"].values())
    edges = sum(counts["edges"].values())
    out.print(f"pushed {store}: the server holds {nodes} nodes and {edges} relationships")


@app.command()
def pull(neo4j: Neo4jUri = None, store: StoreOpt = DEFAULT_STORE) -> None:
    """Read the graph on a Neo4j server back into a store file.

    Example: lokgraph pull --neo4j bolt://localhost:7687 --store kopia.json
    """
    from .neo4j_store import Neo4jStore

    with Neo4jStore(_require(neo4j)) as server:
        graph = server.load()
    FileStore(store).save(graph)
    out.print(f"wrote {store}")
    _print_summary(graph)


def _require(uri: str | None) -> str:
    if not uri:
        raise LokgraphError(
            "no Neo4j server given", fix="Pass --neo4j bolt://host:7687 or set NEO4J_URI"
        )
    return uri


@app.command()
def synth(
    kommuner: Annotated[int, typer.Option(help="How many kommuner (290 = all of Sweden).")] = 290,
    seed: Annotated[
        int, typer.Option(help="The random seed; the same seed gives the same data.")
    ] = 1,
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write to.")] = Path(
        "lokgraph-synth"
    ),
) -> None:
    """Write a synthetic structure (store) and its survey answers (a Word-table text dump).

    Real kommun and region names, 8–25 groups per kommun on every level, LÖKs and RÖKs, BUP or
    HAB reported absent in a share of kommuner, and Swedish free-text answers built from a
    phrase grammar, so that `lokgraph import OUT/enkat.txt` exercises extraction at scale.

    Example: lokgraph synth --kommuner 290 --seed 1 -o sverige
    """
    from .graph import build_graph
    from .synth import synth_structure, synth_survey_dump, synth_truth

    if not 1 <= kommuner <= 290:
        raise LokgraphError(f"--kommuner {kommuner} is out of range", fix="Give 1 to 290")
    truth = synth_truth(kommuner, seed)
    survey = output / "enkat.txt"
    graph = build_graph(synth_structure(truth, source_path=str(survey)))
    store = output / "lokgraph-store.json"
    FileStore(store).save(graph)
    write_atomic(survey, synth_survey_dump(truth, seed))
    out.print(f"wrote {store}")
    out.print(f"wrote {survey}")
    _print_summary(graph)


@app.command("summary")
def summary_(store: StoreOpt = DEFAULT_STORE) -> None:
    """Count the nodes and edges of the store.

    Example: lokgraph summary --store dalarna.json
    """
    _print_summary(FileStore(store).load())


def main() -> None:
    """The console entry point: every failure becomes one Swedish paragraph and exit 1 or 2.

    Usage errors exit 2, everything else 1, Ctrl-C 130; see `lokgraph.cli_errors`.
    """
    sys.exit(run(app))
