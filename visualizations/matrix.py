"""The coverage matrix: kommuner × parties, each cell member, partial, reported absent or no data.

A party covers a kommun when a unit of that party is MEMBER_OF a group that SERVES the kommun
or PARTY_TO the kommun's LÖK, the same reading as the ``missing_specialist`` query. Each cell
keeps the quotes behind it, shown on hover (``title``) and in print as footnote-free text.

>>> from lokgraph.models import Principal, Structure
>>> from lokgraph.graph import build_graph
>>> g = build_graph(Structure(nodes=(Principal(id="kommun:orsa", name="Orsa", kind="kommun"),)))
>>> [(row.kommun, row.cells["BUP"].status) for row in coverage(g)]
[('Orsa', 'none')]
>>> matrix_csv(g).splitlines()[1].startswith("Orsa,")
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from lokgraph.adjacency import adjacency, node_dicts
from lokgraph.codes import PARTIES
from lokgraph.collector import collector_paused
from lokgraph.presence import presence
from lokgraph.reference import lan_names
from lokgraph.sheets import csv_text
from lokgraph.sv import sv_key

from .context import RenderContext
from .page import esc, html_head
from .tooltips import REASON_NAMES, evidence_text, shown

__all__ = [
    "DEFAULT_PARTIES",
    "STATUSES",
    "STATUS_NAMES",
    "Cell",
    "CellLink",
    "CoverageRow",
    "coverage",
    "matrix_csv",
    "matrix_html",
    "matrix_table",
    "parties_of",
]

#: The columns every matrix has, in this order; other parties found in the graph follow.
DEFAULT_PARTIES: tuple[str, ...] = (
    "BUP",
    "HAB",
    "ELEVHALSA",
    "SOCIALTJANST",
    "VARDCENTRAL",
    "SKOLA",
    "UM",
    "FAMILJECENTRAL",
)
#: Cell statuses, strongest first.
STATUSES: tuple[str, ...] = ("member", "partial", "absent", "none")
STATUS_NAMES = {
    "member": "medverkar",
    "partial": "delvis",
    "absent": "rapporteras saknas",
    "none": "ej uppgift",
}
STATUS_COLOURS = {
    "member": ("#cdebd3", "#1e6b35"),
    "partial": ("#fbeab0", "#7a5a00"),
    "absent": ("#f6c6c6", "#8e1b1b"),
    "none": ("#f1f2f4", "#5b6270"),
}
STATUS_SIGNS = {"member": "✓", "partial": "◐", "absent": "✗", "none": "–"}


@dataclass(frozen=True)
class CellLink:
    """One edge behind a cell: which group or agreement, how, and its quotes (as dicts)."""

    target: str
    target_name: str
    relation: str  # member, partial or absent
    reason: str | None = None
    evidence: tuple[dict, ...] = ()


@dataclass(frozen=True)
class Cell:
    status: str
    links: tuple[CellLink, ...] = ()


@dataclass
class CoverageRow:
    """One kommun: its id, name, län and a cell per party code."""

    kommun_id: str
    kommun: str
    lan: str | None
    cells: dict[str, Cell] = field(default_factory=dict)


def parties_of(graph: nx.MultiDiGraph) -> list[str]:
    """The matrix columns: :data:`DEFAULT_PARTIES`, then other parties of units in the graph."""
    found = {d.get("party") for _, d in graph.nodes(data=True) if d.get("label") == "Unit"}
    extra = [p for p in PARTIES if p in found and p not in DEFAULT_PARTIES]
    return [*DEFAULT_PARTIES, *extra]


def coverage(
    graph: nx.MultiDiGraph,
    *,
    kommuner: Iterable[str] | None = None,
    parties: Iterable[str] | None = None,
    context: RenderContext | None = None,
) -> list[CoverageRow]:
    """One row per kommun (Swedish order), one cell per party.

    A cell is ``member`` when a unit of the party is a full member of a group serving the
    kommun or party to its LÖK, ``partial`` when it only takes part some of the time, ``absent``
    when a source reports it missing from one of those and it is nowhere a member, and ``none``
    when nothing is recorded: `lokgraph.presence`, the reading the missing_specialist query
    shares (a partial cell with an absence behind it is that query's partial gap).
    ``kommuner`` limits the rows to these kommun ids. ``context``
    shares the groups and LÖKs of each kommun between matrices of the same, unchanged graph.
    """
    columns = list(parties) if parties is not None else parties_of(graph)
    wanted = set(kommuner) if kommuner is not None else None
    lans = lan_names()
    if context is None or context.graph is not graph:
        context = RenderContext(graph)
    targets = context.coverage_targets
    rows: dict[str, CoverageRow] = {}
    for n, d in context.kommun_nodes:
        if wanted is None or n in wanted:
            rows[n] = CoverageRow(n, d.get("name", n), lans.get(d.get("lan_kod", "")))
    nodes, (_, pred) = node_dicts(graph), adjacency(graph)
    for k, row in rows.items():
        links: dict[str, list[CellLink]] = defaultdict(list)
        for target in targets.get(k, ()):
            name = nodes[target].get("name", target)
            for unit, keyed in pred[target].items():  # graph.in_edges(target) in order
                attrs = nodes[unit]
                party = attrs.get("party")
                if attrs.get("label") != "Unit" or party not in columns:
                    continue
                for key, data in keyed.items():
                    if key in ("MEMBER_OF", "PARTY_TO"):
                        relation = "partial" if data.get("partial") else "member"
                    elif key == "ABSENT_FROM":
                        relation = "absent"
                    else:
                        continue
                    links[party].append(
                        CellLink(
                            target,
                            name,
                            relation,
                            data.get("reason"),
                            tuple(data.get("evidence", ())),
                        )
                    )
        for party in columns:
            found = sorted(
                links.get(party, []),
                key=lambda link: (STATUSES.index(link.relation), link.target_name),
            )
            status = presence(
                (link.relation, nodes[link.target].get("group_type")) for link in found
            )
            row.cells[party] = Cell(status, tuple(found))
    return sorted(rows.values(), key=lambda r: sv_key(r.kommun))


def matrix_table(
    graph: nx.MultiDiGraph,
    rows: list[CoverageRow],
    parties: list[str],
    *,
    with_names: bool = False,
    caption: str | None = None,
) -> str:
    """The matrix as an HTML ``<table>`` (no page around it), every text escaped."""
    out = ['<table class="lg-matrix">']
    if caption:
        out.append(f"<caption>{esc(caption)}</caption>")
    out.append('<thead><tr><th scope="col">Kommun</th>')
    for party in parties:
        info = PARTIES[party]
        out.append(f'<th scope="col" title="{esc(info.name)}">{esc(_short(party))}</th>')
    out.append("</tr></thead><tbody>")
    lan = None
    several = len({row.lan for row in rows}) > 1
    for row in sorted(rows, key=lambda r: (sv_key(r.lan or "~"), sv_key(r.kommun))):
        if several and row.lan != lan:
            lan = row.lan
            out.append(
                f'<tr class="lg-lan"><th scope="rowgroup" colspan="{len(parties) + 1}">'
                f"{esc(lan or 'Okänt län')}</th></tr>"
            )
        out.append(f'<tr><th scope="row">{esc(row.kommun)}</th>')
        for party in parties:
            cell = row.cells[party]
            tip = _cell_tooltip(graph, row, party, cell, with_names)
            sign = STATUS_SIGNS[cell.status]
            out.append(
                f'<td class="lg-{cell.status}" title="{esc(tip)}">'
                f'<span aria-hidden="true">{sign}</span>'
                f'<span class="lg-sr"> {esc(STATUS_NAMES[cell.status])}</span></td>'
            )
        out.append("</tr>")
    out.append("</tbody><tfoot>")
    for status in STATUSES:
        out.append(f'<tr class="lg-count"><th scope="row">{esc(STATUS_NAMES[status])}</th>')
        for party in parties:
            count = sum(1 for row in rows if row.cells[party].status == status)
            out.append(f'<td class="lg-{status}">{count}</td>')
        out.append("</tr>")
    out.append("</tfoot></table>")
    return "".join(out)


def matrix_html(
    graph: nx.MultiDiGraph, with_names: bool = False, *, title: str | None = None
) -> str:
    """The coverage matrix as one self-contained HTML page (no script, no request elsewhere).

    >>> from lokgraph.graph import build_graph
    >>> from lokgraph.models import Principal, Structure
    >>> g = build_graph(Structure(nodes=(Principal(id="kommun:orsa", name="Orsa",
    ...                                            kind="kommun"),)))
    >>> page = matrix_html(g, title="Täckning <Dalarna>")
    >>> "<title>Täckning &lt;Dalarna&gt;</title>" in page, "<script" in page
    (True, False)
    """
    with collector_paused():  # many small records and strings, no cycles
        rows = coverage(graph)
        parties = parties_of(graph)
        table = matrix_table(graph, rows, parties, with_names=with_names)
    title = title or "Vilka parter medverkar i kommunernas samverkan?"
    style = f"<style>\n{_PAGE_CSS_START}{MATRIX_CSS}\n{_PAGE_CSS_END}</style>"
    return html_head(title, style) + _BODY.format(
        title=esc(title),
        legend=matrix_legend(),
        intro=esc(
            f"{len(rows)} kommuner × {len(parties)} parter. En part räknas när en av dess "
            "verksamheter medverkar i en grupp för kommunen eller är part i kommunens LÖK. "
            "Håll muspekaren över en ruta för att se citaten bakom den."
        ),
        table=table,
        names_note=esc(_names_note(with_names)),
    )


def matrix_csv(graph: nx.MultiDiGraph) -> str:
    """The matrix as CSV: kommun, län, then one column per party code with the Swedish status.

    With a BOM, so Excel shows å, ä and ö, and every cell neutralised (`lokgraph.sheets`).

    >>> import networkx as nx
    >>> matrix_csv(nx.MultiDiGraph()).splitlines()[0]
    '\ufeffkommun,län,BUP,HAB,ELEVHALSA,SOCIALTJANST,VARDCENTRAL,SKOLA,UM,FAMILJECENTRAL'
    """
    parties = parties_of(graph)
    rows = [
        [row.kommun, row.lan or "", *(STATUS_NAMES[row.cells[p].status] for p in parties)]
        for row in coverage(graph, parties=parties)
    ]
    return csv_text(rows, header=["kommun", "län", *parties])


def matrix_legend() -> str:
    """The colour key of the matrix, as HTML."""
    items = "".join(
        f'<li><span class="lg-key lg-{s}">{STATUS_SIGNS[s]}</span> {esc(STATUS_NAMES[s])}</li>'
        for s in STATUSES
    )
    return f'<ul class="lg-matrix-legend">{items}</ul>'


# ---- private helpers -------------------------------------------------------------------------


def _short(party: str) -> str:
    names = {
        "ELEVHALSA": "Elevhälsa",
        "SOCIALTJANST": "Socialtjänst",
        "VARDCENTRAL": "Vårdcentral",
        "SKOLA": "Skola",
        "FAMILJECENTRAL": "Familjecentral",
        "OPPENPSYKIATRI": "Öppenpsyk.",
        "SLUTENVARD": "Slutenvård",
        "SAMTALSMOTTAGNING": "Samtalsmott.",
        "SPECIALIST": "Specialist",
        "VARD_OCH_OMSORG": "Vård o omsorg",
    }
    return names.get(party, party if len(party) <= 4 else PARTIES[party].name)


def _cell_tooltip(
    graph: nx.MultiDiGraph, row: CoverageRow, party: str, cell: Cell, with_names: bool
) -> str:
    head = f"{PARTIES[party].name} i {row.kommun}: {STATUS_NAMES[cell.status]}"
    if not cell.links:
        return head + "\nIngen grupp eller LÖK för kommunen nämner parten."
    lines = [head]
    for link in cell.links:
        how = {
            "member": "medverkar i",
            "partial": "medverkar delvis i",
            "absent": "saknas i",
        }[link.relation]
        reason = f" ({REASON_NAMES.get(link.reason, link.reason)})" if link.reason else ""
        lines.append(f"• {how} {shown(link.target_name, with_names)}{reason}")
        lines.extend("  " + q for q in evidence_text(graph, link.evidence, with_names, limit=2))
    return "\n".join(lines)


def _names_note(with_names: bool) -> str:
    if with_names:
        return "Personnamn i citaten visas."
    return "Personnamn i citaten är ersatta med [namn]."


MATRIX_CSS = """\
.lg-matrix { border-collapse: collapse; font-size: 0.9rem; margin: 0.5rem 0 1rem; }
.lg-matrix caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
.lg-matrix th, .lg-matrix td { border: 1px solid #d4d8de; padding: 0.3rem 0.5rem; }
.lg-matrix thead th { background: #3b4a5f; color: #fff; position: sticky; top: 0; }
.lg-matrix tbody th { text-align: left; background: #f7f8fa; white-space: nowrap; }
.lg-matrix td { white-space: nowrap; cursor: help; text-align: center; min-width: 2.2em; }
.lg-matrix thead th { font-weight: 600; font-size: 0.8rem; }
.lg-matrix tr.lg-lan th { background: #e4e8ee; text-align: left; font-weight: 600;
  padding-top: 0.5rem; }
.lg-sr { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.lg-matrix tfoot th { text-align: left; font-weight: normal; background: #f7f8fa; }
.lg-matrix tfoot td { text-align: center; cursor: default; font-weight: 600; }
.lg-matrix tfoot tr:first-child th, .lg-matrix tfoot tr:first-child td {
  border-top: 2px solid #3b4a5f; }
.lg-member { background: #cdebd3; color: #1e6b35; }
.lg-partial { background: #fbeab0; color: #7a5a00; }
.lg-absent { background: #f6c6c6; color: #8e1b1b; font-weight: 600; }
.lg-none { background: #f1f2f4; color: #5b6270; }
.lg-matrix-legend { list-style: none; padding: 0; display: flex; gap: 1.2rem; flex-wrap: wrap; }
.lg-key { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 3px;
  padding: 0 0.2em; }
"""

_PAGE_CSS_START = """\
body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; margin: 1.5rem;
  color: #1d2330; }
h1 { font-size: 1.4rem; margin: 0 0 0.5rem; }
p { max-width: 60rem; }
.lg-note { color: #5b6270; font-size: 0.85rem; }
"""
_PAGE_CSS_END = """\
@media print {
  body { margin: 0; }
  .lg-matrix thead th { position: static; }
  .lg-matrix td { cursor: auto; }
}
"""
_BODY = """\
<body>
<h1>{title}</h1>
<p>{intro}</p>
{legend}
{table}
<p class="lg-note">{names_note}</p>
</body>
</html>
"""
