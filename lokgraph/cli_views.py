"""`lokgraph map`, `matrix` and `report`: the HTML (and CSV) a planner opens."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .cli_app import (
    Output,
    RoundOpt,
    StoreOpt,
    WithNames,
    _bar,
    _kommun_in,
    _load_round,
    _said,
    _ticker,
    app,
)
from .store import DEFAULT_STORE


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
