"""The follow-up commands: `lokgraph diff` (what changed between two rounds) and
`lokgraph inventory` (the LÖKs per kommun and RÖK area).

They register on the one typer app of :mod:`lokgraph.cli_app`; :mod:`lokgraph.cli` imports
this module. Like every command they are a few lines over the library and print Swedish.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .cli_app import _read_store, app, err, out
from .errors import InputError
from .store import DEFAULT_STORE
from .sv import sv_key
from .terminal import json_printable

if TYPE_CHECKING:  # the graph code loads when a command runs, not for --help
    import networkx as nx

    from .diff import Diff

__all__ = ["diff", "inventory", "print_diff", "print_inventory"]


@app.command()
def diff(
    stores: Annotated[
        list[Path] | None,
        typer.Argument(help="Ett lager (två omgångar i det) eller två lager (före, efter)."),
    ] = None,
    from_: Annotated[
        str | None, typer.Option("--from", help="Omgången före (standard: den näst senaste).")
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="Omgången efter (standard: den senaste).")
    ] = None,
    store: Annotated[
        Path,
        typer.Option("--store", envvar="LOKGRAPH_STORE", help="Lagret om inget annat anges."),
    ] = DEFAULT_STORE,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv ut JSON.")] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Skriv förändringsrapporten (HTML).")
    ] = None,
    with_names: Annotated[
        bool, typer.Option("--with-names", help="Behåll personnamn i citaten.")
    ] = False,
) -> None:
    """Vad som ändrats mellan två enkätomgångar: grupper, parter, frånvaro, LÖK och luckor.

    Exempel: lokgraph diff --from 2023 --to 2024
    Exempel: lokgraph diff fore.json efter.json -o forandringar.html
    """
    from .rounds import round_label

    paths = list(stores or []) or [store]
    if len(paths) > 2:
        raise InputError(
            f"{len(paths)} lager angavs", fix="Ange ett lager (två omgångar i det) eller två lager"
        )
    before_graph, after_graph, from_round, to_round = _sides(paths, from_, to)
    err.print(f"Jämför {round_label(from_round)} med {round_label(to_round)} …")
    found = _diff(before_graph, after_graph, from_round, to_round)
    if output:
        from visualizations.change_report import change_report_html
        from visualizations.write import save

        html = change_report_html(found, with_names=with_names)
        err.print(f"skrev {save(html, output)}")
    if as_json:
        sys.stdout.write(
            json_printable(json.dumps(found.model_dump(mode="json"), ensure_ascii=False, indent=1))
        )
        sys.stdout.write("\n")
    else:
        print_diff(found)


def _sides(
    paths: list[Path], from_: str | None, to: str | None
) -> tuple[nx.MultiDiGraph, nx.MultiDiGraph, str | None, str | None]:
    """The two graphs to compare and their round names."""
    from .rounds import at_round, at_rounds, latest_round, round_label, rounds

    graphs = [_read_store(p) for p in paths]
    if len(graphs) == 2:
        before, after = graphs
        from_round = from_ or latest_round(before)
        to_round = to or latest_round(after)
        return at_round(before, from_), at_round(after, to), from_round, to_round
    graph = graphs[0]
    known = rounds(graph)
    if len(known) < 2 and not (from_ and to):
        named = ", ".join(map(round_label, known)) or "ingen"
        raise InputError(
            f"lagret {paths[0]} har bara en omgång ({named})",
            fix="Importera en omgång till med --round, eller jämför två lager: "
            "lokgraph diff fore.json efter.json",
        )
    to_round = to or known[-1]
    from_round = from_ or max((r for r in known if r < to_round), default=known[0])
    before, after = at_rounds(graph, from_round, to_round)
    return before, after, from_round, to_round


def _diff(
    before: nx.MultiDiGraph, after: nx.MultiDiGraph, from_round: str | None, to_round: str | None
) -> Diff:
    from queries.registry import run_all

    from .diff import diff_graphs

    return diff_graphs(
        before,
        after,
        gaps_before=run_all(before),
        gaps_after=run_all(after),
        from_round=from_round,
        to_round=to_round,
    )


def print_diff(found: Diff) -> None:
    """The diff as Swedish tables: the counts per län first, then the changes per kommun."""
    from rich.table import Table

    from .diff import change_words, count_text, status_word
    from .rounds import round_label

    words = change_words()["changes"]
    title = f"Förändringar från {round_label(found.from_round)} till {round_label(found.to_round)}"
    out.print(f"[bold]{title}[/bold]")
    moved = [c for c in found.counts if c.before != c.after]
    by_lan: dict[str, list[str]] = {}
    for count in moved:
        by_lan.setdefault(count.lan, []).append(count_text(count))
    for lan, lines in by_lan.items():
        out.print(f"\n[bold]{lan}[/bold]")
        for line in lines:
            out.print(f"  {line}", markup=False, highlight=False)
    if not found.changes:
        out.print("\nInga förändringar hittades.")
        return
    by_kommun: dict[str, list] = {}
    for change in found.changes:
        by_kommun.setdefault(change.kommun or "Hela området", []).append(change)
    for kommun, changes in by_kommun.items():
        table = Table(title=kommun, title_justify="left", show_edge=False)
        for column in ("förändring", "vad", "part", "före", "efter", "citat före", "citat efter"):
            table.add_column(column)
        for c in changes:
            before, after = c.before, c.after
            if c.kind == "lok_status":
                before, after = status_word(before), status_word(after)
            table.add_row(
                words[c.kind],
                c.subject,
                c.party or "",
                before or "",
                after or "",
                _short(c.quote_before),
                _short(c.quote_after),
            )
        out.print(table)
    n, k = len(found.changes), len(by_kommun)
    out.print(
        f"{n} {'förändring' if n == 1 else 'förändringar'} i "
        f"{k} {'kommun eller område' if k == 1 else 'kommuner och områden'}."
    )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@app.command()
def inventory(
    file: Annotated[
        Path | None,
        typer.Argument(help="Ett inventeringsark (CSV, XLSX) eller en strukturfil (YAML)."),
    ] = None,
    store: Annotated[
        Path,
        typer.Option("--store", envvar="LOKGRAPH_STORE", help="Lagret, om ingen fil anges."),
    ] = DEFAULT_STORE,
    round_: Annotated[
        str | None, typer.Option("--round", help="Enkätomgång (standard: den senaste).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv ut JSON.")] = False,
) -> None:
    """LÖK per kommun och RÖK-område: Ja / Nej / Svar saknas, tid till LÖK, LÖK som gäller
    längre än sin RÖK.

    Exempel: lokgraph inventory lokgraph/examples/inventory/dalarna-lok-inventering.csv
    Exempel: lokgraph inventory --store dalarna.json --json
    """
    from .inventory import lok_inventory
    from .rounds import at_round

    if file is not None:
        from loaders.importer import read_path

        from .graph import build_graph

        graph = build_graph(read_path(file).structure)
    else:
        graph = at_round(_read_store(store), round_)
    found = lok_inventory(graph)
    if as_json:
        rows = [lan.model_dump(mode="json") for lan in found]
        sys.stdout.write(json_printable(json.dumps(rows, ensure_ascii=False, indent=1)) + "\n")
        return
    print_inventory(found)


def print_inventory(found: list) -> None:
    """The inventory as Swedish tables: the summary per area, then the list per kommun."""
    from rich.table import Table

    from .codes import AREA_NAMES
    from .diff import change_words
    from .inventory import months_text

    answers = change_words()["inventory"]["answers"]
    if not found:
        out.print("Inga LÖK eller RÖK i underlaget.")
        return
    for lan in found:
        table = Table(title=f"LÖK-inventering, {lan.lan}", title_justify="left", show_edge=False)
        for column in ("område", "Ja", "Nej", "Svar saknas", "tid till LÖK", "gäller längre"):
            table.add_column(column, justify="left" if column == "område" else "right")
        for area in lan.areas:
            table.add_row(
                AREA_NAMES[area.area],
                str(area.ja),
                str(area.nej),
                str(area.saknas),
                months_text(area.mean_months),
                str(area.outlasting),
            )
        out.print(table)
        per_kommun = Table(show_edge=False)
        per_kommun.add_column("kommun")
        for area in lan.areas:
            per_kommun.add_column(AREA_NAMES[area.area])
        kommuner = sorted({k.kommun for a in lan.areas for k in a.kommuner}, key=sv_key)
        cells = {(a.area, k.kommun): k for a in lan.areas for k in a.kommuner}
        for name in kommuner:
            row = [name]
            for area in lan.areas:
                k = cells.get((area.area, name))
                text = answers[k.answer] if k else ""
                if k and k.outlasts_rok:
                    text += " *"
                row.append(text)
            per_kommun.add_row(*row)
        out.print(per_kommun)
        out.print("* gäller längre än sin RÖK")
