"""`lokgraph import`, `extract`, `demo` and `export`: files into the store, and the store out
to files for other tools.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .cli_app import (
    StoreOpt,
    _bar,
    _check_date,
    _note,
    _print_summary,
    _read_store,
    _said,
    _writes_store,
    app,
    err,
    out,
)
from .store import DEFAULT_STORE, FileStore, graph_to_json, write_atomic
from .sv import antal
from .terminal import json_printable

if TYPE_CHECKING:
    import networkx as nx


# the options `import` and `extract` share, with one help text each
TextKommun = Annotated[
    str | None,
    typer.Option(help="Vilken kommun en .txt-fil handlar om, när texten inte säger det."),
]
MappingOpt = Annotated[Path | None, typer.Option(help="Kolumnmappning (YAML) för en Forms-export.")]


def _examples() -> list[Path]:
    folder = resources.files("lokgraph") / "examples"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yaml"))


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
    kommun: TextKommun = None,
    mapping: MappingOpt = None,
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
    kommun: TextKommun = None,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv uppgifterna som JSON.")] = False,
    review: Annotated[
        Path | None,
        typer.Option(help="Skriv uppgifterna som ett granskningsark (CSV eller .xlsx)."),
    ] = None,
    mapping: MappingOpt = None,
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
            json_printable(
                json.dumps([f.model_dump() for f in facts], ensure_ascii=False, indent=1)
            )
            + "\n"
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
