"""The files ``lokgraph map`` and ``lokgraph demo`` write: the geographic overview first.

- one kommun: its network map;
- a län or delregion: the area's overview with each kommun's network map carried in the same
  file (click a kommun), and the area's network map beside it (``<name>-natverk.html``);
- everything: Sweden's overview, with each kommun's network map beside it in a folder
  ``<name>-kommuner/`` (they share one copy of vis-network there) and the whole network map
  as ``<name>-natverk.html``.

>>> import tempfile, pathlib
>>> from lokgraph.models import Principal, Structure
>>> from lokgraph.graph import build_graph
>>> g = build_graph(Structure(nodes=(Principal(id="kommun:orsa", name="Orsa", kind="kommun"),)))
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> [p.name for p in write_maps(g, folder / "karta.html")]
['karta.html', 'karta-natverk.html', 'karta-kommuner']
>>> sorted(p.name for p in (folder / "karta-kommuner").iterdir())[0]
'orsa.html'
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx

from lokgraph.ids import slug

from .bundled import VIS_ASSETS_MARK, linked_vis_assets, vis_asset_files
from .context import RenderContext
from .network_map import map_html
from .overview import KommunStatus, kommun_statuses, overview_html
from .write import save

__all__ = ["Progress", "kommun_maps", "write_maps"]


#: ``progress(done, total)``: how far a long rendering has come
Progress = Callable[[int, int], None]


def write_maps(
    graph: nx.MultiDiGraph,
    output: Path,
    *,
    kommun: str | None = None,
    area: str | None = None,
    with_names: bool = False,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the maps for ``lokgraph map`` (see the module docstring); returns what was
    written: the page to open first, then the rest (a folder counts as one).

    ``progress(done, total)`` is called as the pages are drawn: one step per kommun map and
    one each for the overview and the whole network map.

    >>> import tempfile
    >>> from lokgraph.graph import build_graph
    >>> from lokgraph.models import Principal, Structure
    >>> g = build_graph(Structure(nodes=(Principal(id="kommun:orsa", name="Orsa",
    ...                                            kind="kommun"),)))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [p.name for p in write_maps(g, Path(folder) / "orsa.html", kommun="Orsa")]
    ['orsa.html']
    """
    output = Path(output)
    if kommun is not None:
        return [save(map_html(graph, kommun=kommun, with_names=with_names), output)]
    context = RenderContext(graph)
    statuses = kommun_statuses(graph, area=area, with_names=with_names, context=context)
    held = {d.get("name") for _, d in context.kommun_nodes}
    total = sum(1 for s in statuses if s.name in held) + 2
    steps = _Steps(progress, total)
    network = output.with_name(f"{output.stem}-natverk{output.suffix}")
    if area is not None:
        maps = kommun_maps(graph, statuses, with_names=with_names, context=context, progress=steps)
        page = overview_html(graph, area=area, with_names=with_names, maps=maps, statuses=statuses)
        steps()
        area_map = map_html(graph, area=area, with_names=with_names, context=context)
        steps()
        return [save(page, output), save(area_map, network)]
    folder = output.with_name(f"{output.stem}-kommuner")
    beside = kommun_maps(
        graph,
        statuses,
        with_names=with_names,
        context=context,
        vis_assets=linked_vis_assets(),
        progress=steps,
    )
    names = {s.kommunkod: s.name for s in statuses}
    links = {}
    for code, page in beside.items():
        save(page, folder / f"{slug(names[code])}.html")
        links[code] = f"{folder.name}/{slug(names[code])}.html"
    if links:
        for name, text in vis_asset_files().items():
            save(text, folder / name)
    page = overview_html(graph, with_names=with_names, links=links, statuses=statuses)
    written = [save(page, output)]
    steps()
    written.append(save(map_html(graph, with_names=with_names, context=context), network))
    steps()
    if links:
        written.append(folder)
    return written


def kommun_maps(
    graph: nx.MultiDiGraph,
    statuses: list[KommunStatus],
    *,
    with_names: bool = False,
    context: RenderContext | None = None,
    vis_assets: str = VIS_ASSETS_MARK,
    progress: Callable[[], None] | None = None,
) -> dict[str, str]:
    """kommunkod → the network map page of each of these kommuner that the graph holds, with
    ``vis_assets`` in place of vis-network; ``progress()`` is called after each page."""
    context = context if context is not None and context.graph is graph else RenderContext(graph)
    held = {d.get("name") for _, d in context.kommun_nodes}
    pages = {}
    for s in statuses:
        if s.name not in held:
            continue
        pages[s.kommunkod] = map_html(
            graph, kommun=s.name, with_names=with_names, context=context, vis_assets=vis_assets
        )
        if progress is not None:
            progress()
    return pages


class _Steps:
    """Counts steps and reports them to a ``Progress`` callback (or to nothing)."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0
        if progress is not None:
            progress(0, total)

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)
