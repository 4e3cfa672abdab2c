"""The one typer app of `lokgraph` and what its commands share: the consoles, the options,
the store readers and the small helpers that print to the planner.

The commands register on `app` in their own modules (`lokgraph.cli_import`, `cli_queries`,
`cli_views`, `cli_store`, `cli_rounds`); `lokgraph.cli` imports them in order.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from .cli_help import SwedishGroup
from .errors import InputError, LokgraphError, StoreError
from .store import FileStore
from .terminal import printable

if TYPE_CHECKING:
    import networkx as nx
    from rich.console import Console
    from rich.progress import Progress, TaskID

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

            class _Printable(Console):
                def render_str(self, text: str, **options: Any) -> Any:
                    return super().render_str(printable(text), **options)

            self._console = _Printable(**self._options)
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

Backend = Annotated[
    str,
    typer.Option("--backend", help="Var frågorna körs: networkx (lagerfilen) eller neo4j."),
]
Neo4jUri = Annotated[
    str | None,
    typer.Option("--neo4j", envvar="NEO4J_URI", help="Serverns Bolt-adress ($NEO4J_URI)."),
]

Output = Annotated[Path, typer.Option("-o", "--output", help="Filen som skrivs.", metavar="FIL")]


def _load_round(store: Path, round_: str | None) -> nx.MultiDiGraph:
    """The store's graph as of a survey round (the latest unless one is asked for)."""
    from .rounds import at_round

    return at_round(_read_store(store), round_)


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


class _NoBar:
    """What `_bar` gives when stderr is no terminal: the same calls, and nothing shown."""

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, description: str, **fields: Any) -> TaskID:
        return cast("TaskID", 0)

    def update(self, task: TaskID, **fields: Any) -> None:
        return None

    def remove_task(self, task: TaskID) -> None:
        return None


def _on_terminal(stream: Any) -> bool:
    """False when rich would certainly find `stream` no terminal (rich's own test, without
    importing rich: its TTY_COMPATIBLE and FORCE_COLOR variables, then ``isatty``)."""
    if os.environ.get("TTY_COMPATIBLE", "") == "1" or os.environ.get("FORCE_COLOR"):
        return True
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _bar() -> Progress | _NoBar:
    """Progress on stderr, only on a terminal, so piped output (JSON, CSV) stays clean.

    Off a terminal, rich's progress machinery (a tenth of a short command's start-up) is not
    imported at all.
    """
    if not _on_terminal(sys.stderr):
        return _NoBar()
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
    """A line for the planner about what was done (stdout, plain, never wrapped).

    Written as it is: rich's console (without markup, highlighting or wrapping, as these
    lines were printed) gave the same text, at the cost of importing rich in every command.
    """
    sys.stdout.write(printable(f"{text}\n"))
    sys.stdout.flush()


def _note(text: str) -> None:
    sys.stderr.write(printable(f"obs: {text}\n"))
    sys.stderr.flush()


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


def _require(uri: str | None) -> str:
    if not uri:
        raise LokgraphError(
            "ingen Neo4j-server angavs",
            fix="Ange --neo4j bolt://värd:7687 eller sätt NEO4J_URI",
        )
    return uri
