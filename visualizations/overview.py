"""The geographic overview: Sweden's kommuner (or one area's) drawn from SCB's boundaries, each
coloured by whether BUP and HAB take part there.

A kommun is ``missing`` when a source reports BUP or HAB absent from its groups or LÖK,
``member`` when both take part, ``partial`` when only one of them does or one only some of the
time, ``no_answer`` when it was surveyed and did not answer, and ``not_recorded`` otherwise
(see :data:`visualizations.styles.SPECIALIST_STATUS`). Hovering a kommun shows its gaps with
one quote each; clicking it opens its network map: a file beside the page (``links``) or a map
carried in the page itself (``maps``). The page is self-contained and makes no request; every
text from the data reaches the screen through ``textContent``.

The boundaries are ``assets/sverige-granser.json``, made once by ``bench/make_boundaries.py``.

>>> from lokgraph.models import Principal, Structure
>>> from lokgraph.graph import build_graph
>>> g = build_graph(Structure(nodes=(Principal(id="kommun:orsa", name="Orsa", kind="kommun"),)))
>>> [(s.name, s.status) for s in kommun_statuses(g, area="Dalarnas län")][:2]
[('Avesta', 'not_recorded'), ('Borlänge', 'not_recorded')]
>>> page = overview_html(g, area="Dalarnas län")
>>> page.count('class="lg-kommun ')
15
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from lokgraph.errors import InputError, LokgraphError
from lokgraph.reference import (
    Kommun,
    find_region,
    kommuner,
    kommuner_in_lan,
    lan_names,
    normalise,
    regioner,
)
from lokgraph.sv import sv_key

from .boundaries import BOUNDARY_FILE, bbox, boundaries, view_box, whole_lan
from .bundled import asset_text, inline_assets
from .context import RenderContext
from .matrix import coverage
from .page import esc, html_head, json_for_script
from .report_gaps import gaps_of, query_titles
from .styles import SPECIALIST_STATUS, status_css
from .tooltips import evidence_text, shown

__all__ = [
    "BOUNDARY_FILE",
    "MAX_GAPS",
    "KommunStatus",
    "boundaries",
    "kommun_statuses",
    "overview_html",
    "overview_section",
    "report_overview",
    "specialist_status",
]

OVERVIEW_JS = "lokgraph-overview.js"
OVERVIEW_CSS = "lokgraph-overview.css"
#: At most this many gaps in a kommun's hover text (the rest are counted).
MAX_GAPS = 5
_PARTIES = ("BUP", "HAB")


@dataclass(frozen=True)
class KommunStatus:
    """One kommun on the overview: its code, name, län, specialist status and gap lines."""

    kommunkod: str
    name: str
    lan_kod: str
    status: str
    gaps: tuple[str, ...] = ()


def specialist_status(cells: Mapping[str, str], *, surveyed: bool, answered: bool) -> str:
    """The overview status of a kommun from its matrix statuses for BUP and HAB.

    >>> specialist_status({"BUP": "member", "HAB": "absent"}, surveyed=True, answered=True)
    'missing'
    >>> specialist_status({"BUP": "none", "HAB": "none"}, surveyed=True, answered=False)
    'no_answer'
    """
    values = [cells.get(p, "none") for p in _PARTIES]
    if "absent" in values:
        return "missing"
    if all(v == "member" for v in values):
        return "member"
    if any(v in ("member", "partial") for v in values):
        return "partial"
    if surveyed and not answered:
        return "no_answer"
    return "not_recorded"


def kommun_statuses(
    graph: nx.MultiDiGraph,
    *,
    area: str | None = None,
    with_names: bool = False,
    context: RenderContext | None = None,
    gaps: Iterable | None = None,
) -> list[KommunStatus]:
    """The status and gap lines of every kommun of Sweden, or of ``area`` (a län or a
    delregion of the graph), in Swedish name order. ``gaps`` are the report's gaps
    (:func:`visualizations.report_gaps.gaps_of`) when the caller has them already."""
    if context is None or context.graph is not graph:
        context = RenderContext(graph)
    chosen = _area_kommuner(graph, area, context) if area else list(kommuner())
    ids = {n: d for n, d in context.kommun_nodes}
    by_code = {d.get("kommunkod"): n for n, d in ids.items() if d.get("kommunkod")}
    by_name = {normalise(d.get("name", "")): n for n, d in ids.items()}
    node_of = {
        k.kommunkod: by_code.get(k.kommunkod) or by_name.get(normalise(k.name)) for k in chosen
    }
    rows = coverage(
        graph, kommuner=[n for n in node_of.values() if n], parties=_PARTIES, context=context
    )
    cells = {row.kommun_id: {p: row.cells[p].status for p in _PARTIES} for row in rows}
    surveyed, answered = _survey_sets(graph)
    lines = _gap_lines(graph, {k.name for k in chosen}, with_names, context, gaps)
    result = []
    for k in sorted(chosen, key=lambda k: sv_key(k.name)):
        node = node_of[k.kommunkod]
        status = specialist_status(
            cells.get(node or "", {}), surveyed=node in surveyed, answered=node in answered
        )
        result.append(KommunStatus(k.kommunkod, k.name, k.lan_kod, status, lines.get(k.name, ())))
    return result


def overview_section(
    statuses: list[KommunStatus],
    *,
    links: Mapping[str, str] | None = None,
    maps: Mapping[str, str] | None = None,
    heading: str = "Var saknas BUP och HAB?",
    lan_zoom: bool = False,
    names: bool = False,
    click: str = "klicka för kommunens nätverkskarta",
) -> str:
    """The overview as an HTML fragment (SVG map, legend, tooltip and its data), for a page
    that also carries :func:`overview_assets`.

    ``links`` maps a kommunkod to the address of its network map; ``maps`` to a map page
    (written with ``vis_assets=VIS_ASSETS_MARK``) carried in the fragment and opened on click.
    ``lan_zoom`` adds a list that zooms the map to one län; ``names`` writes each kommun's
    name on it; ``click`` says what a click does.
    """
    links = links or {}
    maps = maps or {}
    shapes = boundaries()["kommuner"]
    counts = {key: 0 for key in SPECIALIST_STATUS}
    paths = []
    kommun_data = {}
    for s in statuses:
        counts[s.status] += 1
        look = SPECIALIST_STATUS[s.status]
        label = esc(f"{s.name}: {look.name}")
        path = (
            f'<path class="lg-kommun lg-st-{s.status}" data-kod="{esc(s.kommunkod)}" '
            f'aria-label="{label}" d="{shapes[s.kommunkod]}"/>'
        )
        href = links.get(s.kommunkod)
        if href:
            path = f'<a href="{esc(href)}" aria-label="{label}">{path}</a>'
        elif s.kommunkod in maps:
            path = f'<a href="#" role="button" aria-label="{label}">{path}</a>'
        paths.append(path)
        kommun_data[s.kommunkod] = {
            "n": s.name,
            "s": s.status,
            "g": list(s.gaps),
            "m": s.kommunkod in maps,
            "h": bool(href),
        }
    codes = [s.kommunkod for s in statuses]
    lans = sorted({s.lan_kod for s in statuses})
    whole = {code: boundaries()["lan"][code] for code in lans if whole_lan(code, codes)}
    borders = "".join(f'<path class="lg-lan-border" d="{d}"/>' for d in whole.values())
    box = bbox(shapes[c] for c in codes) if codes else tuple(boundaries()["box"])
    view = view_box(box)
    labels = ""
    if names:
        spots = boundaries()["label_points"]
        size = round(view[2] / 55, 1)
        texts = "".join(
            '<text x="{}" y="{}">{}</text>'.format(*spots[s.kommunkod], esc(s.name))
            for s in statuses
        )
        labels = f'<g class="lg-names" font-size="{size}">{texts}</g>'
    data = {
        "kommuner": kommun_data,
        "status": {key: look.name for key, look in SPECIALIST_STATUS.items()},
        "view": view,
        "lan": {code: view_box(bbox(shapes[c] for c in codes if c[:2] == code)) for code in lans},
    }
    legend = "".join(
        f'<li><span class="lg-swatch lg-st-{key}"></span>{esc(look.name)}'
        f' <span class="lg-count">({counts[key]})</span></li>'
        for key, look in SPECIALIST_STATUS.items()
    )
    zoom = ""
    if lan_zoom and len(lans) > 1:
        options = "".join(
            f'<option value="{esc(code)}">{esc(lan_names().get(code, code))}</option>'
            for code in lans
        )
        zoom = (
            '<label for="lg-lan">Zooma till län</label>'
            f'<select id="lg-lan"><option value="">Hela kartan</option>{options}</select>'
        )
    carried = "".join(
        f'<script type="application/json" id="lg-kmap-{esc(code)}">{json_for_script(page)}'
        "</script>\n"
        for code, page in maps.items()
    )
    return _SECTION.format(
        heading=esc(heading),
        click=esc(click),
        view=" ".join(str(v) for v in view),
        paths="".join(paths),
        borders=borders,
        labels=labels,
        legend=legend,
        zoom=zoom,
        note=esc(boundaries()["attribution"]),
        data=json_for_script(data),
        maps=carried,
        dialog=_DIALOG if maps else "",
    )


def overview_assets(*, with_vis: bool = False) -> str:
    """The style and script an overview fragment needs, and vis-network (as JSON, for the
    carried maps) when ``with_vis``."""
    vis = (
        f'<script type="application/json" id="lg-vis-assets">{json_for_script(inline_assets())}'
        "</script>\n"
        if with_vis
        else ""
    )
    return f"{vis}<script>\n{asset_text(OVERVIEW_JS)}\n</script>\n"


def overview_css() -> str:
    """The overview's style sheet, with the status colours from the style table."""
    return f"{asset_text(OVERVIEW_CSS)}\n{status_css()}\n"


def overview_html(
    graph: nx.MultiDiGraph,
    *,
    area: str | None = None,
    with_names: bool = False,
    title: str | None = None,
    links: Mapping[str, str] | None = None,
    maps: Mapping[str, str] | None = None,
    context: RenderContext | None = None,
    statuses: list[KommunStatus] | None = None,
) -> str:
    """The overview as one page: Sweden's kommuner, or those of ``area`` (a län or delregion).

    ``statuses`` are those :func:`kommun_statuses` gives for the same arguments, when the
    caller has them already.
    """
    if statuses is None:
        statuses = kommun_statuses(graph, area=area, with_names=with_names, context=context)
    where = shown(area, with_names) if area else "Sverige"
    title = title or f"BUP och HAB i samverkan: {where}"
    section = overview_section(
        statuses, links=links, maps=maps, lan_zoom=area is None, names=area is not None
    )
    body = f'<body class="lg-overview-page">\n<h1>{esc(title)}</h1>\n{section}\n'
    body += overview_assets(with_vis=bool(maps)) + "</body>\n</html>\n"
    return html_head(title, f"<style>\n{overview_css()}</style>") + body


def report_overview(
    graph: nx.MultiDiGraph,
    anchors: Mapping[str, str],
    *,
    with_names: bool = False,
    context: RenderContext | None = None,
    gaps: Iterable | None = None,
) -> str:
    """The overview at the top of a report: the one län its kommuner lie in, or Sweden; a
    click on a kommun goes to its place in the report (``anchors``: kommun name → address)."""
    lans = {k.lan_kod for k in kommuner() if k.name in anchors}
    area = next(r.lan for r in regioner() if r.lan_kod in lans) if len(lans) == 1 else None
    statuses = kommun_statuses(graph, area=area, with_names=with_names, context=context, gaps=gaps)
    links = {s.kommunkod: anchors[s.name] for s in statuses if s.name in anchors}
    return overview_section(
        statuses,
        links=links,
        lan_zoom=area is None,
        names=area is not None,
        click="klicka för att gå till kommunen i rapporten",
    )


# ---- private helpers -------------------------------------------------------------------------


def _area_kommuner(graph: nx.MultiDiGraph, area: str, context: RenderContext) -> list[Kommun]:
    """The reference kommuner of a län (by its or its region's name) or of an Area node."""
    try:
        return list(kommuner_in_lan(find_region(area).lan_kod))
    except LokgraphError:
        pass
    from .selection import find_area

    area_id, _name = find_area(graph, area)
    names = {normalise(graph.nodes[k].get("name", "")) for k in context.area_kommuner(area_id)}
    found = [k for k in kommuner() if normalise(k.name) in names]
    if not found:
        raise InputError(f"the area {area!r} holds no kommun", fix="Name a län or a delregion")
    return found


def _survey_sets(graph: nx.MultiDiGraph) -> tuple[set[str], set[str]]:
    surveyed: set[str] = set()
    answered: set[str] = set()
    for _, d in graph.nodes(data=True):
        if d.get("label") == "Source":
            surveyed.update(d.get("surveyed") or ())
            answered.update(d.get("answered") or ())
    return surveyed, answered


def _gap_lines(
    graph: nx.MultiDiGraph,
    names: set[str],
    with_names: bool,
    context: RenderContext,
    gaps: Iterable | None = None,
) -> dict[str, tuple[str, ...]]:
    """Per kommun name: each gap in one line, then its first quote (unless an earlier gap
    showed it), specialist gaps first."""
    titles = query_titles()
    order = {kind: i for i, kind in enumerate(titles)}
    found = list(gaps) if gaps is not None else gaps_of(graph, context=context)[0]
    per: dict[str, list] = {}
    for gap in found:
        if gap.kommun in names:
            per.setdefault(gap.kommun, []).append(gap)
    lines: dict[str, tuple[str, ...]] = {}
    for name, own in per.items():
        own.sort(key=lambda g: (order.get(g.kind, len(order)), g.party or ""))
        out = []
        seen: set[str] = set()
        for gap in own[:MAX_GAPS]:
            out.append(shown(gap.detail, with_names))
            quotes = evidence_text(graph, gap.evidence, with_names, limit=1)
            if quotes and quotes[0] not in seen:  # a quote behind several gaps is shown once
                seen.add(quotes[0])
                out.append("  " + quotes[0])
        if len(own) > MAX_GAPS:
            more = len(own) - MAX_GAPS
            out.append(f"… och {more} {'lucka' if more == 1 else 'luckor'} till")
        lines[name] = tuple(out)
    return lines


_DIALOG = """\
<dialog id="lg-kommun-dialog" class="lg-kommun-dialog" aria-label="Kommunens nätverkskarta">
<form method="dialog"><button type="submit" class="lg-close">Stäng</button></form>
<iframe id="lg-kommun-frame" title="Kommunens nätverkskarta"></iframe>
</dialog>
"""
_SECTION = """\
<section class="lg-overview" aria-labelledby="lg-overview-h">
<div class="lg-overview-panel">
<h2 id="lg-overview-h">{heading}</h2>
<p class="lg-hint">Färgen visar om BUP och HAB deltar i kommunens grupper eller LÖK. Håll
musen över en kommun för dess luckor; {click}.</p>
<ul class="lg-status-legend">{legend}</ul>
{zoom}
<p class="lg-attribution">{note}</p>
</div>
<div class="lg-overview-map">
<svg id="lg-overview-svg" viewBox="{view}" role="img" aria-label="Karta över kommunerna"
 preserveAspectRatio="xMidYMid meet"><g class="lg-kommuner">{paths}</g>
<g class="lg-lan-borders">{borders}</g>{labels}</svg>
<div id="lg-tip" class="lg-tip" role="tooltip" hidden></div>
</div>
{dialog}<script type="application/json" id="lg-overview-data">{data}</script>
{maps}</section>
"""
