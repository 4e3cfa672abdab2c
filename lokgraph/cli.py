"""The `lokgraph` command: a thin layer that wires loaders, store, queries and maps together.

Each command is a few lines over the library; every failure becomes one Swedish paragraph on
stderr (see `lokgraph.cli_errors`), so a planner sees what to fix and never a traceback.
Everything a planner reads here is Swedish; progress goes to stderr, and only on a terminal.
"""

from __future__ import annotations

import functools
import gc
import json
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import interrupt
from .cli_errors import run
from .cli_help import SwedishGroup
from .errors import InputError, LokgraphError, StoreError
from .store import DEFAULT_STORE, FileStore, graph_to_json, write_atomic
from .sv import antal

if TYPE_CHECKING:
    import networkx as nx
    from rich.console import Console
    from rich.progress import Progress

__all__ = ["app", "main"]

app = typer.Typer(
    help="lokgraph: samverkansstrukturer för barns och ungas hälsa som graf, "
    "och var länkarna saknas.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    cls=SwedishGroup,
    options_metavar="[FLAGGOR]",
    subcommand_metavar="KOMMANDO [ARGUMENT]...",
)


class _Console:
    """A rich Console made when first used: `--help` and `query --list` never import rich's
    layout machinery, and networkx and pydantic load only in the commands that need them."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)

    def get(self) -> Console:
        """The rich Console itself (rich's Progress needs the object, not this stand-in)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return self._console


out = _Console()
err = _Console(stderr=True)

StoreOpt = Annotated[
    Path,
    typer.Option(
        "--store",
        envvar="LOKGRAPH_STORE",
        help="Lagerfilen (standard lokgraph-store.json, eller $LOKGRAPH_STORE).",
        metavar="FIL",
    ),
]
WithNames = Annotated[
    bool, typer.Option("--with-names", help="Behåll personnamn från enkätsvaren.")
]
RoundOpt = Annotated[
    str | None,
    typer.Option(
        "--round", help="Enkätomgång att visa, t.ex. 2024 (standard: den senaste omgången)."
    ),
]


def _load_round(store: Path, round_: str | None) -> nx.MultiDiGraph:
    """The store's graph as of a survey round (the latest unless one is asked for)."""
    from .rounds import at_round

    return at_round(_read_store(store), round_)


def _examples() -> list[Path]:
    folder = resources.files("lokgraph") / "examples"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yaml"))


def _print_summary(graph: nx.MultiDiGraph) -> None:
    from rich.table import Table

    from .graph import summary

    counts = summary(graph)
    table = Table(title="Grafen", show_edge=False)
    table.add_column("noder per etikett")
    table.add_column("antal", justify="right")
    table.add_column("kanter per typ")
    table.add_column("antal", justify="right")
    nodes, edges = list(counts["nodes"].items()), list(counts["edges"].items())
    for i in range(max(len(nodes), len(edges))):
        n = nodes[i] if i < len(nodes) else ("", "")
        e = edges[i] if i < len(edges) else ("", "")
        table.add_row(n[0], str(n[1]), e[0], str(e[1]))
    table.add_row("totalt", str(graph.number_of_nodes()), "totalt", str(graph.number_of_edges()))
    out.print(table)


def _bar() -> Progress:
    """Progress on stderr, only on a terminal, so piped output (JSON, CSV) stays clean."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeRemainingColumn(),
        console=err.get(),
        transient=True,
        disable=not err.is_terminal,
    )


def _ticker(bar: Any, task: Any) -> Callable[[int, int], None]:
    """A ``progress(done, total)`` callback that moves one task of a `_bar`."""

    def tick(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    return tick


def _said(text: str) -> None:
    """A line for the planner about what was done (stdout, plain, never wrapped)."""
    out.print(text, markup=False, highlight=False, soft_wrap=True)


def _note(text: str) -> None:
    err.print(f"obs: {text}", markup=False, highlight=False, soft_wrap=True)


def _check_date(text: str) -> None:
    import datetime

    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"--date {text!r} är inget datum", fix="Skriv det som ÅÅÅÅ-MM-DD, t.ex. 2024-03-01"
        ) from None


def _read_store(store: Path) -> nx.MultiDiGraph:
    """The stored graph for a command that reads it: a missing or empty store is an error."""
    how = f"Skapa det med lokgraph import FIL --store {store} (eller prova lokgraph demo)"
    if not store.exists():
        raise StoreError(f"lagret {store} finns inte", fix=how)
    graph = FileStore(store).load()
    if graph.number_of_nodes() == 0:
        raise StoreError(f"lagret {store} är tomt", fix=how.replace("Skapa", "Fyll"))
    return graph


def _kommun_in(graph: nx.MultiDiGraph, kommun: str | None, store: Path) -> str | None:
    """The official name of `kommun`, which must be a real kommun and be in the store."""
    if not kommun:
        return None
    from .entities import kommun_id
    from .reference import find_kommun

    found = find_kommun(kommun)
    if graph is not None and kommun_id(found) not in graph:
        held = sorted(
            d["name"]
            for _, d in graph.nodes(data=True)
            if d.get("label") == "Principal" and d.get("kind") == "kommun"
        )
        some = ", ".join(held[:5]) + (" med flera" if len(held) > 5 else "")
        raise InputError(
            f"{found.name} finns inte i lagret {store}",
            fix=f"Importera en enkät eller strukturfil om {found.name} först"
            + (f", eller välj en av kommunerna i lagret: {some}" if held else ""),
        )
    return found.name


def _writes_store(command: Callable[..., None]) -> Callable[..., None]:
    """Hold the store's write lock while the command runs, from reading the store to writing
    it, so two writers never lose each other's data (see `lokgraph.lock`)."""

    @functools.wraps(command)
    def locked(*args: object, **kwargs: object) -> None:
        from .lock import store_lock

        with store_lock(Path(str(kwargs["store"]))):
            command(*args, **kwargs)

    return locked


@app.command("import")
@_writes_store
def import_(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Strukturfiler (YAML), granskningsark (CSV, xlsx) eller enkäter.",
            metavar="FIL",
        ),
    ],
    store: StoreOpt = DEFAULT_STORE,
    kommun: Annotated[
        str | None,
        typer.Option(help="Vilken kommun en .txt-fil handlar om, när texten inte säger det."),
    ] = None,
    mapping: Annotated[
        Path | None, typer.Option(help="Kolumnmappning (YAML) för en Forms-export.")
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(help="Källans rubrik som rapporten citerar, t.ex. 'Enkät LÖK 2024'."),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Källans datum (ÅÅÅÅ-MM-DD).", metavar="DATUM")
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
    """Läs filer och för in dem i lagret; att importera samma fil två gånger ändrar inget.

    En enkät tolkas först till uppgifter; ett granskningsark ersätter de uppgifter som dess
    enkät gav. Inget skrivs om inte alla filer kan läsas utan fel.

    Exempel: lokgraph import enkat.txt lokgraph/examples/dalarna.yaml --store dalarna.json
    Exempel: lokgraph import enkat-2024.txt --round 2024
    Exempel: lokgraph import enkat.txt --title "Uppföljning av RÖK barn och unga" --date 2024-03-01
    """
    from loaders.importer import read_path

    if date:
        _check_date(date)
    from .rounds import file_heading
    from .session import merge_into

    graph = FileStore(store).load()
    before = store.read_text(encoding="utf-8") if store.exists() else None
    with _bar() as bar:
        for path in files:
            task = bar.add_task(f"läser svaren i {path.name}", total=None)

            def tick(done: int, total: int, task: Any = task) -> None:
                bar.update(task, completed=done, total=total)

            imported = read_path(
                path, kommun=kommun, mapping=mapping, progress=tick, title=title, date=date
            )
            bar.update(task, description=f"för in {path.name} i grafen", completed=0, total=1)
            nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
            merge_into(
                graph,
                imported.structure,
                replaces=imported.sources,
                round=round_,
                heading=file_heading(path),
                where=str(path),
            )
            bar.remove_task(task)
            _said(
                f"{path}: {graph.number_of_nodes() - nodes:+} noder, "
                f"{graph.number_of_edges() - edges:+} kanter"
                + (
                    f" ur {antal(len(imported.facts), 'uppgift', 'uppgifter')}"
                    if imported.facts
                    else ""
                )
            )
            if imported.unplaced:
                _said(
                    f"  {antal(imported.unplaced, 'mening', 'meningar')} kunde inte tolkas och "
                    "sparas som citat på sin kommun (se lokgraph extract --review)"
                )
            if imported.loose:
                _said(
                    f"  {antal(imported.loose, 'uppgift', 'uppgifter')} utan kommun eller region "
                    "sparas bara som citat på källan"
                )
            for note in imported.notes:
                _note(note)
        task = bar.add_task(f"sparar {store.name}", total=1)
        text = graph_to_json(graph)
        if text != before:
            write_atomic(store, text)
        bar.update(task, completed=1)
    _said(f"{store} är oförändrat" if text == before else f"skrev {store}")


@app.command()
def extract(
    file: Annotated[
        Path, typer.Argument(help="En enkätfil (.txt, .docx, .xlsx, .csv).", metavar="FIL")
    ],
    kommun: Annotated[
        str | None, typer.Option(help="Vilken kommun en .txt-fil handlar om.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv uppgifterna som JSON.")] = False,
    review: Annotated[
        Path | None,
        typer.Option(help="Skriv uppgifterna som ett granskningsark (CSV eller .xlsx)."),
    ] = None,
    mapping: Annotated[
        Path | None, typer.Option(help="Kolumnmappning (YAML) för en Forms-export.")
    ] = None,
) -> None:
    """Visa de uppgifter en enkät ger, utan att spara dem.

    Exempel: lokgraph extract enkat.txt --json > uppgifter.json
    Exempel: lokgraph extract svar.xlsx --review ark.csv  (sedan: lokgraph import ark.csv)
    """
    from loaders.importer import extract_path
    from loaders.review import write_review

    facts, _survey, notes = extract_path(file, kommun=kommun, mapping=mapping)
    for note in notes:
        _note(note)
    if review:
        write_review(facts, review)
        err.print(
            f"skrev {antal(len(facts), 'uppgift', 'uppgifter')} till {review}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    if as_json:
        sys.stdout.write(
            json.dumps([f.model_dump() for f in facts], ensure_ascii=False, indent=1) + "\n"
        )
    elif not review:
        from rich.table import Table

        table = Table("slag", "kommun", "part", "grupp", "status", "citat", show_lines=False)
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
    out_dir: Annotated[
        Path, typer.Option("--out", help="Mapp för demofilerna.", metavar="MAPP")
    ] = Path("lokgraph-demo"),
) -> None:
    """Bygg de medföljande exemplen till ett lager och skriv karta, matris och gaprapport.

    Exempel: lokgraph demo --out demo
    """
    from loaders.curated import load_structure_file

    from .graph import merge, new_graph

    graph = new_graph()
    for path in _examples():
        merge(graph, load_structure_file(path), where=str(path))
    store = out_dir / "lokgraph-store.json"
    FileStore(store).save(graph)
    _said(f"skrev {store}")
    for path in _write_views(graph, out_dir, with_names=False):
        _said(f"skrev {path}")
    _print_summary(graph)


def _write_views(graph: nx.MultiDiGraph, out_dir: Path, *, with_names: bool) -> list[Path]:
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
    fmt: Annotated[
        str, typer.Option("--format", help="graphml, gexf, json, csv eller xlsx (Kumu).")
    ],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Filen (eller mappen, för csv).", metavar="FIL"),
    ] = None,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Exportera lagret till Gephi (GraphML, GEXF), Kumu (CSV-ark eller .xlsx) eller JSON.

    Exempel: lokgraph export --format graphml -o karta.graphml
    Exempel: lokgraph export --format csv -o kumu.csv  (kumu-elements.csv, kumu-connections.csv)
    """
    from .export import export

    graph = _read_store(store)
    target = output or Path(f"lokgraph-export.{fmt}" if fmt != "csv" else "lokgraph-export")
    for path in export(graph, fmt, target):
        _said(f"skrev {path}")


Backend = Annotated[
    str,
    typer.Option("--backend", help="Var frågorna körs: networkx (lagerfilen) eller neo4j."),
]
Neo4jUri = Annotated[
    str | None,
    typer.Option("--neo4j", envvar="NEO4J_URI", help="Serverns Bolt-adress ($NEO4J_URI)."),
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

    if not gaps:
        _said("Inga luckor hittades.")
        return
    kinds = [kind] if kind else [entry.name for entry in CATALOG]
    sys.stdout.write(summary_text(gaps, kinds) + "\n")
    _said(
        "Luckorna med citat: lokgraph gaps --kommun NAMN (alla på en gång: --json eller --csv). "
        "Vad frågorna söker: lokgraph query --list."
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
        sys.stdout.write(json.dumps(_gap_rows(found), ensure_ascii=False, indent=1) + "\n")
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
        sys.stdout.write(json.dumps(_gap_rows(found), ensure_ascii=False, indent=1) + "\n")
    else:
        _print_gaps(found)


Output = Annotated[Path, typer.Option("-o", "--output", help="Filen som skrivs.", metavar="FIL")]


@app.command("map")
def map_(
    output: Output = Path("karta.html"),
    store: StoreOpt = DEFAULT_STORE,
    kommun: Annotated[str | None, typer.Option(help="En kommun och dess regionala länkar.")] = None,
    area: Annotated[str | None, typer.Option(help="Ett län eller en delregion.")] = None,
    with_names: WithNames = False,
    round_: RoundOpt = None,
) -> None:
    """Skriv kartorna: utan --kommun en översikt över var BUP och HAB saknas, med varje
    kommuns nätverkskarta (bredvid, eller inuti för --area); HTML som fungerar offline.

    Exempel: lokgraph map --kommun Leksand -o leksand.html
    Exempel: lokgraph map --area "Dalarnas län" -o dalarna.html
    """
    from visualizations.map_set import write_maps

    from .reference import find_kommun

    find_kommun(kommun) if kommun else None  # an unknown name fails before the store is read
    graph = _load_round(store, round_)
    name = _kommun_in(graph, kommun, store)
    with _bar() as bar:
        task = bar.add_task("ritar kartorna", total=None)
        written = write_maps(
            graph,
            output,
            kommun=name,
            area=area,
            with_names=with_names,
            progress=_ticker(bar, task),
        )
    for path in written:
        _said(f"skrev {path}")


@app.command()
def matrix(
    output: Output = Path("matris.html"),
    store: StoreOpt = DEFAULT_STORE,
    as_csv: Annotated[bool, typer.Option("--csv", help="Skriv CSV i stället för HTML.")] = False,
    with_names: WithNames = False,
    round_: RoundOpt = None,
) -> None:
    """Skriv täckningsmatrisen: kommuner × parter, deltar / delvis / saknas / inte uppgivet.

    Exempel: lokgraph matrix -o matris.html
    Exempel: lokgraph matrix --csv -o matris.csv
    """
    from visualizations.matrix import matrix_csv, matrix_html
    from visualizations.write import save

    graph = _load_round(store, round_)
    if as_csv and output == Path("matris.html"):
        output = Path("matris.csv")
    with _bar() as bar:
        bar.add_task("bygger matrisen", total=None)
        text = matrix_csv(graph) if as_csv else matrix_html(graph, with_names=with_names)
        written = save(text, output)
    _said(f"skrev {written}")


@app.command()
def report(
    output: Output = Path("rapport.html"),
    store: StoreOpt = DEFAULT_STORE,
    with_names: WithNames = False,
    round_: RoundOpt = None,
) -> None:
    """Skriv gaprapporten: en utskrivbar sida per område, med citat, karta och matris.

    Exempel: lokgraph report -o rapport.html
    """
    from visualizations.report import report_html
    from visualizations.write import save

    graph = _load_round(store, round_)
    with _bar() as bar:
        task = bar.add_task("skriver rapporten, område för område", total=None)
        html = report_html(graph, with_names=with_names, progress=_ticker(bar, task))
        bar.update(task, description="sparar rapporten")
        written = save(html, output)
    _said(f"skrev {written}")


@app.command()
def push(
    neo4j: Neo4jUri = None,
    store: StoreOpt = DEFAULT_STORE,
    batch_size: Annotated[
        int | None,
        typer.Option(help="Rader per transaktion (standard: 1000).", metavar="ANTAL"),
    ] = None,
    round_: Annotated[
        str | None,
        typer.Option(
            "--round",
            help="Skicka grafen som den var i en enkätomgång (standard: hela lagret).",
        ),
    ] = None,
) -> None:
    """Skriv lagret till en Neo4j-server: först villkoren, sedan MERGE i omgångar.

    Inloggningen tas från NEO4J_USER och NEO4J_PASSWORD (eller adressen); att skicka två
    gånger ändrar inget.

    Exempel: lokgraph push --neo4j bolt://localhost:7687
    Exempel: lokgraph push --neo4j bolt://localhost:7687 --round 2024
    """
    from .neo4j_store import Neo4jStore

    graph = FileStore(store).load()
    if round_:  # the Cypher twins then answer for that round
        from .rounds import at_round

        graph = at_round(graph, round_)
    with Neo4jStore(_require(neo4j), batch_size=batch_size) as server, _bar() as bar:
        server.save(
            graph, progress=_ticker(bar, bar.add_task("skickar grafen till Neo4j", total=None))
        )
        counts = server.counts()
    nodes = sum(counts["nodes"].values())
    edges = sum(counts["edges"].values())
    _said(
        f"skickade {store}: servern har nu {antal(nodes, 'nod', 'noder')} och "
        f"{antal(edges, 'relation', 'relationer')}"
    )


@app.command()
def pull(neo4j: Neo4jUri = None, store: StoreOpt = DEFAULT_STORE) -> None:
    """Läs grafen på en Neo4j-server tillbaka till en lagerfil.

    Exempel: lokgraph pull --neo4j bolt://localhost:7687 --store kopia.json
    """
    from .neo4j_store import Neo4jStore

    with Neo4jStore(_require(neo4j)) as server:
        graph = server.load()
    FileStore(store).save(graph)
    _said(f"skrev {store}")
    _print_summary(graph)


def _require(uri: str | None) -> str:
    if not uri:
        raise LokgraphError(
            "ingen Neo4j-server angavs",
            fix="Ange --neo4j bolt://värd:7687 eller sätt NEO4J_URI",
        )
    return uri


@app.command()
def synth(
    kommuner: Annotated[
        int, typer.Option(help="Hur många kommuner (290 = hela Sverige).", metavar="ANTAL")
    ] = 290,
    seed: Annotated[
        int, typer.Option(help="Slumpfrö; samma frö ger samma data.", metavar="TAL")
    ] = 1,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Mappen att skriva till.", metavar="MAPP")
    ] = Path("lokgraph-synth"),
    second_round: Annotated[
        bool,
        typer.Option(
            "--second-round",
            help="Skriv även en andra omgång med kända förändringar (omgång 2024 och 2025 i "
            "lagret, enkat-2.txt och forandringar.json).",
        ),
    ] = False,
) -> None:
    """Skriv en syntetisk struktur (lager) och dess enkätsvar (en textdump av en Word-tabell).

    Riktiga kommun- och regionnamn, 8–25 grupper per kommun på alla nivåer, LÖK och RÖK, BUP
    eller HAB rapporterade som saknade i en del av kommunerna, och svenska fritextsvar ur en
    frasgrammatik, så att `lokgraph import MAPP/enkat.txt` prövar tolkningen i stor skala.

    Exempel: lokgraph synth --kommuner 290 --seed 1 -o sverige
    """
    from .graph import build_graph
    from .synth import synth_structure, synth_survey_dump, synth_truth

    if not 1 <= kommuner <= 290:
        raise LokgraphError(
            f"--kommuner {kommuner} går inte: Sverige har 290 kommuner", fix="Ange 1 till 290"
        )
    truth = synth_truth(kommuner, seed)
    if second_round:
        from .synth_rounds import write_two_rounds

        for path in write_two_rounds(truth, seed, output):
            out.print(f"skrev {path}")
        return
    survey = output / "enkat.txt"
    graph = build_graph(synth_structure(truth, source_path=str(survey)))
    store = output / "lokgraph-store.json"
    FileStore(store).save(graph)
    write_atomic(survey, synth_survey_dump(truth, seed))
    _said(f"skrev {store}")
    _said(f"skrev {survey}")
    _print_summary(graph)


@app.command("summary")
def summary_(store: StoreOpt = DEFAULT_STORE) -> None:
    """Räkna lagrets noder och kanter.

    Exempel: lokgraph summary --store dalarna.json
    """
    _print_summary(_read_store(store))


# the follow-up commands (diff, inventory) register on `app` in their own module
from . import cli_rounds  # noqa: E402, F401


def main() -> None:
    """The console entry point: every failure becomes one Swedish paragraph and exit 1 or 2.

    Usage errors exit 2, everything else 1, Ctrl-C 130; see `lokgraph.cli_errors`.
    """
    # One command per process: what start-up made lives until exit, so the collector skips
    # it (freeze), and a graph of 50,000 objects is not scanned again and again while built.
    gc.freeze()
    gc.set_threshold(50_000, 10, 10)
    interrupt.install()
    code = run(app)
    # A networkx graph is a reference cycle (it and its cached views), so what the command
    # made waits for the interpreter's last collection, which walks all of it only to free
    # what the OS frees at exit anyway (a fifth of `gaps` at 290 kommuner): frozen, it is not.
    # Files are closed and locks released by their with-blocks before this point.
    gc.freeze()
    sys.exit(code)
