"""`lokgraph push`, `pull`, `synth` and `summary`: the store to and from Neo4j, a synthetic
store, and the store's counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .cli_app import (
    Neo4jUri,
    StoreOpt,
    _bar,
    _print_summary,
    _read_store,
    _require,
    _said,
    _ticker,
    app,
    out,
)
from .errors import LokgraphError
from .store import DEFAULT_STORE, FileStore, write_atomic
from .sv import antal


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
    from .synth import synth_structure, synth_truth
    from .synth_survey import synth_survey_dump

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
