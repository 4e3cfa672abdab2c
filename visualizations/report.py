"""The gap report: one printable HTML page with a section per area, its gaps, map and matrix.

Areas are the län and delregioner of the graph; a län's section covers its kommuner that no
delregion section covers. Each section lists the gap queries' results per kommun with the
quotes behind them, embeds the area's network map (an ``iframe`` whose ``srcdoc`` is the map
page; vis-network is carried once, in the report, and the maps use it) and the coverage matrix
of its kommuner. Every text from the data is escaped with ``html.escape(quote=True)`` and
personal names are replaced by "[namn]" unless ``with_names``.

>>> from lokgraph.models import Principal, Structure
>>> from lokgraph.graph import build_graph
>>> g = build_graph(Structure(nodes=(Principal(id="kommun:orsa", name="Orsa", kind="kommun"),)))
>>> "<h1>" in report_html(g)
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace

import networkx as nx

from lokgraph.collector import collector_paused
from lokgraph.errors import LokgraphError
from lokgraph.ids import slug
from lokgraph.sv import antal, sv_key

from .bundled import VIS_ASSETS_MARK, asset_text, inline_assets
from .context import RenderContext
from .inventory_table import INVENTORY_CSS, inventory_section
from .matrix import MATRIX_CSS, coverage, matrix_legend, matrix_table, parties_of
from .network_map import map_html
from .overview import overview_assets, overview_css, report_overview
from .page import esc, html_head, json_for_script
from .report_gaps import GAP_STATUS_NAMES, ReportGap, gaps_of, query_titles
from .tooltips import evidence_text, shown

__all__ = ["report_html"]

MAP_HEIGHT_PX = 560


def report_html(
    graph: nx.MultiDiGraph,
    *,
    with_names: bool = False,
    title: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    gaps: Iterable[object] | None = None,
) -> str:
    """The whole report as one HTML page: contents, then one section per area.

    ``progress(done, total)`` is called after each area's section is written. ``gaps`` are
    the gap queries' results when they have already been run on this graph
    (``queries.registry.run_all``); without them the report runs the queries itself.

    >>> from lokgraph.graph import build_graph
    >>> from lokgraph.models import Principal, Structure
    >>> g = build_graph(Structure(nodes=(Principal(id="kommun:orsa", name="Orsa",
    ...                                            kind="kommun"),)))
    >>> "<title>Luckor i Orsa &amp; Mora</title>" in report_html(g, title="Luckor i Orsa & Mora")
    True
    """
    # tens of thousands of strings, dicts and lists and no cycles: without the pause, the
    # collector walks the whole graph again and again meanwhile (a fifth of the report)
    with collector_paused():
        return _report_html(graph, with_names, title, progress, gaps)


def _report_html(
    graph: nx.MultiDiGraph,
    with_names: bool,
    title: str | None,
    progress: Callable[[int, int], None] | None,
    found_gaps: Iterable[object] | None,
) -> str:
    title = title or "Luckor i samverkan för barn och unga"
    # what the sections' maps and matrices share, worked out once for the whole report
    context = RenderContext(graph)
    gaps, ran = gaps_of(graph, context=context, found_gaps=found_gaps)
    sections = _sections(graph, context)
    parties = parties_of(graph)
    by_kommun: dict[str, list[ReportGap]] = defaultdict(list)
    county: list[ReportGap] = []
    for gap in gaps:
        if gap.kommun:
            by_kommun[gap.kommun].append(gap)
        else:
            county.append(gap)
    parts = []
    toc = []
    if progress is not None:
        progress(0, len(sections))
    for index, (_area_id, name, kommun_ids) in enumerate(sections):
        anchor = f"omrade-{index + 1}"
        area_name = shown(name, with_names)
        toc.append(f'<li><a href="#{anchor}">{esc(area_name)}</a></li>')
        parts.append(
            _section(
                graph,
                anchor,
                area_name,
                kommun_ids,
                by_kommun,
                county,
                with_names,
                context=context,
                parties=parties,
            )
        )
        if progress is not None:
            progress(index + 1, len(sections))
    unplaced = [g for g in county if not g.kommuner]
    intro = (
        "Rapporten visar, område för område, var länkar saknas i samverkan kring barn och unga: "
        "vad frågorna hittar per kommun, citaten som visar det, områdets karta och vilka parter "
        "som medverkar i varje kommun."
    )
    if not ran:
        intro += " Luckfrågorna är inte installerade; rapporten visar de rapporterade frånvarona."
    names_note = (
        "Personnamn i citaten visas."
        if with_names
        else "Personnamn i citaten är ersatta med [namn]."
    )
    body = [
        f"<header><h1>{esc(title)}</h1><p>{esc(intro)}</p>",
        f'<p class="lg-note">{esc(names_note)}</p>',
    ]
    if toc:
        body.append(f'<nav class="lg-toc"><h2>Områden</h2><ol>{"".join(toc)}</ol></nav>')
    if ran:
        body.append(_questions())
    body.append("</header>")
    if sections:  # first, where BUP and HAB are missing; a click goes to the kommun below
        anchors = _anchors(graph, sections, by_kommun)
        body.append(
            report_overview(graph, anchors, with_names=with_names, context=context, gaps=gaps)
        )
    if unplaced:
        body.append('<section class="lg-area"><h2>Hela underlaget</h2>')
        body.append(_gap_list(graph, unplaced, with_names))
        body.append("</section>")
    body.extend(parts)
    body.append(inventory_section(graph, with_names=with_names))
    if not sections:
        body.append("<p>Grafen innehåller inga områden med kommuner.</p>")
    css = asset_text("lokgraph-report.css") + MATRIX_CSS + INVENTORY_CSS
    css += overview_css() if sections else ""
    style = f"<style>\n{css}\n</style>"
    return html_head(title, style) + _BODY.format(
        body="\n".join(body),
        assets=json_for_script(inline_assets()) if sections else '""',
        fill_js=asset_text("lokgraph-report.js"),
        overview_js=overview_assets() if sections else "",
    )


# ---- private helpers -------------------------------------------------------------------------


def _anchors(
    graph: nx.MultiDiGraph, sections: list[tuple[str, str, set[str]]], by_kommun: dict
) -> dict[str, str]:
    """Kommun name → where the report tells about it: its gaps, else its area's section."""
    anchors = {}
    for index, (_area_id, _name, kommun_ids) in enumerate(sections):
        for k in kommun_ids:
            name = graph.nodes[k].get("name", k)
            anchors[name] = (
                f"#{_kommun_anchor(name)}" if name in by_kommun else f"#omrade-{index + 1}"
            )
    return anchors


def _kommun_anchor(name: str) -> str:
    return f"kommun-{slug(name)}"


def _sections(graph: nx.MultiDiGraph, context: RenderContext) -> list[tuple[str, str, set[str]]]:
    """(area id, heading, kommun ids) per delregion, then per län for the kommuner left."""
    area_kommuner = context.area_kommuner
    areas = {n: d for n, d in graph.nodes(data=True) if d.get("label") == "Area"}
    delregions = sorted(
        (n for n, d in areas.items() if d.get("kind") == "delregion"),
        key=lambda n: sv_key(areas[n].get("name", n)),
    )
    lans = sorted(
        (n for n, d in areas.items() if d.get("kind") == "lan"),
        key=lambda n: sv_key(areas[n].get("name", n)),
    )
    sections = []
    covered: set[str] = set()
    within_lan = {d: _lan_of(graph, d, lans, context) for d in delregions}
    for lan in lans:
        for d in delregions:
            if within_lan[d] == lan:
                kommuner = area_kommuner(d)
                if kommuner:
                    sections.append((d, areas[d].get("name", d), kommuner))
                    covered |= kommuner
        rest = area_kommuner(lan) - covered
        if rest:
            name = areas[lan].get("name", lan)
            heading = name if len(rest) == len(area_kommuner(lan)) else f"{name}, övriga"
            sections.append((lan, heading, rest))
            covered |= rest
    for d in delregions:
        if within_lan[d] is None:
            kommuner = area_kommuner(d) - covered
            if kommuner:
                sections.append((d, areas[d].get("name", d), kommuner))
                covered |= kommuner
    return sections


def _lan_of(
    graph: nx.MultiDiGraph, area: str, lans: list[str], context: RenderContext
) -> str | None:
    for _, target, key in graph.out_edges(area, keys=True):
        if key == "IN_AREA" and target in lans:
            return target
    kommuner = context.area_kommuner(area)
    for lan in lans:
        if kommuner and kommuner <= context.area_kommuner(lan):
            return lan
    return None


def _section(
    graph: nx.MultiDiGraph,
    anchor: str,
    area_name: str,
    kommun_ids: set[str],
    by_kommun: dict[str, list[ReportGap]],
    county: list[ReportGap],
    with_names: bool,
    *,
    context: RenderContext,
    parties: list[str],
) -> str:
    names = sorted((graph.nodes[k].get("name", k) for k in kommun_ids), key=sv_key)
    out = [f'<section class="lg-area" id="{anchor}" aria-labelledby="{anchor}-h">']
    out.append(f'<h2 id="{anchor}-h">{esc(area_name)}</h2>')
    count = antal(len(names), "kommun", "kommuner")
    out.append(f'<p class="lg-note">{count}: {esc(", ".join(names))}</p>')
    informed_here = _informed(graph, kommun_ids, context)
    answered_here = _answered(graph, kommun_ids, context)
    shared = [
        _per_area(g, set(names), answered_here) for g in county if set(g.kommuner) & set(names)
    ]
    if shared:
        out.append("<h3>Gemensamt för området</h3>")
        out.append(_gap_list(graph, shared, with_names))
    out.append("<h3>Luckor per kommun</h3>")
    quiet = []
    for name in names:
        gaps = by_kommun.get(name, [])
        if not gaps:
            quiet.append(name)
            continue
        out.append(f'<div class="lg-kommun" id="{_kommun_anchor(name)}"><h4>{esc(name)}</h4>')
        out.append(_gap_list(graph, gaps, with_names))
        out.append("</div>")
    quiet_known = [name for name in quiet if name in informed_here]
    unknown = [name for name in quiet if name not in informed_here]
    if quiet_known:
        out.append(f'<p class="lg-note">Inga luckor funna: {esc(", ".join(quiet_known))}.</p>')
    if unknown:
        out.append(
            '<p class="lg-note">Inget underlag (ingen grupp, LÖK eller enkät nämner dem): '
            f"{esc(', '.join(unknown))}.</p>"
        )
    out.append('<div class="lg-map-block"><h3>Karta</h3>')
    out.append(_map_frame(graph, kommun_ids, area_name, anchor, with_names, context))
    out.append("</div>")
    out.append("<h3>Vilka parter medverkar?</h3>")
    out.append(matrix_legend())
    rows = coverage(graph, kommuner=kommun_ids, parties=parties, context=context)
    out.append(matrix_table(graph, rows, parties, with_names=with_names))
    out.append("</section>")
    return "\n".join(out)


_COUNTED = re.compile(r"\bi \d+ av \d+ kommuner\b")


def _per_area(gap: ReportGap, names: set[str], informed: set[str]) -> ReportGap:
    """A county-level gap told for one area: its kommuner there, out of the area's kommuner
    the data says something about (not the whole graph's)."""
    here = tuple(sorted(k for k in gap.kommuner if k in names))
    counted = f"i {len(here)} av {antal(len(informed & names), 'kommun', 'kommuner')}"
    return replace(gap, kommuner=here, detail=_COUNTED.sub(counted, gap.detail))


def _questions() -> str:
    items = []
    for title, description in query_titles().values():
        if description:
            items.append(f"<dt>{esc(title)}</dt><dd>{esc(description)}</dd>")
    if not items:
        return ""
    return (
        '<details class="lg-questions"><summary>Frågorna som rapporten ställer</summary>'
        f"<dl>{''.join(items)}</dl></details>"
    )


def _informed(graph: nx.MultiDiGraph, kommun_ids: set[str], context: RenderContext) -> set[str]:
    """The names of the kommuner the data says something about: a group serves them, they
    are party to a LÖK, or a survey asked them."""
    found = context.informed & kommun_ids
    return {graph.nodes[k].get("name", k) for k in found}


def _answered(graph: nx.MultiDiGraph, kommun_ids: set[str], context: RenderContext) -> set[str]:
    """The names of the kommuner that can be counted in a share: a group serves them, they
    are party to a LÖK, or they answered a survey (asked but silent ones are not counted, as
    in the hard_to_engage query's "av N")."""
    answered = context.answered
    targets = context.coverage_targets
    found = {k for k in kommun_ids if k in answered or targets.get(k)}
    return {graph.nodes[k].get("name", k) for k in found}


def _gap_list(graph: nx.MultiDiGraph, gaps: Iterable[ReportGap], with_names: bool) -> str:
    grouped: dict[str, list[ReportGap]] = defaultdict(list)
    for gap in gaps:
        grouped[gap.kind].append(gap)
    titles = query_titles()
    order = [k for k in titles if k in grouped] + sorted(k for k in grouped if k not in titles)
    out = ['<dl class="lg-gaps">']
    for kind in order:
        title = titles.get(kind, (kind.replace("_", " "), ""))[0]
        out.append(f"<dt>{esc(title)}</dt>")
        for gap in grouped[kind]:
            status = GAP_STATUS_NAMES.get(gap.status or "", (gap.status or "").replace("_", " "))
            red = " lg-red" if gap.status in ("reported_absent", "none") else ""
            badge = f' <span class="lg-status{red}">{esc(status)}</span>' if status else ""
            out.append(f"<dd><p>{esc(shown(gap.detail, with_names))}{badge}</p>")
            quotes = evidence_text(graph, gap.evidence, with_names, limit=4)
            if quotes:
                out.append('<ul class="lg-quotes">')
                out.extend(f"<li>{esc(q)}</li>" for q in quotes)
                out.append("</ul>")
            out.append("</dd>")
    out.append("</dl>")
    return "\n".join(out)


def _map_frame(
    graph: nx.MultiDiGraph,
    kommun_ids: set[str],
    area_name: str,
    anchor: str,
    with_names: bool,
    context: RenderContext | None = None,
) -> str:
    """An empty ``iframe`` and its map page as JSON; the report's script fills the frame.

    The page is stored without vis-network, which the report carries once
    (``#lg-vis-assets``), so a report of many areas stays small; each frame still runs its own
    copy in its own document.
    """
    try:
        page = map_html(
            graph,
            kommuner=kommun_ids,
            with_names=with_names,
            title=f"Karta: {area_name}",
            controls=False,
            cluster=False,
            context=context,
            vis_assets=VIS_ASSETS_MARK,
        )
    except LokgraphError as error:
        return f'<p class="lg-note">Ingen karta: {esc(error)}</p>'
    data_id = f"{anchor}-karta"
    return (
        f'<iframe class="lg-map" data-map="{data_id}" title="{esc("Karta: " + area_name)}" '
        f'height="{MAP_HEIGHT_PX}"></iframe>\n'
        f'<script type="application/json" id="{data_id}">{json_for_script(page)}</script>\n'
        "<noscript><p>Kartan behöver JavaScript.</p></noscript>"
    )


_BODY = """\
<body>
{body}
<script type="application/json" id="lg-vis-assets">{assets}</script>
<script>
{fill_js}
</script>
{overview_js}</body>
</html>
"""
