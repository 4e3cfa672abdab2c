"""visualizations: the ways out. Network maps, the coverage matrix and the gap report.

Each page is a function that returns a self-contained HTML string (or CSV text); `save` writes
any of them to a file (UTF-8, atomically) and `write_maps` writes the set of map pages that
``lokgraph map`` writes. Pass the graph as of a round (`lokgraph.Store.graph`). The public
names are those in ``__all__`` (listed in the README); the modules behind them are private.

>>> import pathlib, tempfile
>>> from lokgraph import Principal, Structure, build_graph
>>> from visualizations import map_html, matrix_csv, matrix_html, report_html, save, write_maps
>>> graph = build_graph(Structure(nodes=(Principal(id="kommun:orsa", name="Orsa",
...                                                kind="kommun"),)))
>>> "Orsa" in map_html(graph, kommun="Orsa")
True
>>> report_html(graph).startswith("<!DOCTYPE html>")
True
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> save(matrix_html(graph), folder / "matris.html").name, (folder / "matris.html").exists()
('matris.html', True)
>>> "kommun,län" in save(matrix_csv(graph), folder / "matris.csv").read_text(encoding="utf-8")
True
>>> [p.name for p in write_maps(graph, folder / "karta.html", kommun="Orsa")]
['karta.html']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lokgraph._lazy import lazy_exports, public_names

if TYPE_CHECKING:
    import networkx as nx

    from .map_set import write_maps
    from .matrix import matrix_csv, matrix_html
    from .report import report_html
    from .write import save

# loaded on first use, so `import visualizations.<module>` costs only that module
# (the one list of the public names: ``__all__`` is made from it, and
# tests/test_public_api.py checks that the TYPE_CHECKING imports above name the same)
_WHERE = {
    ".map_set": ("write_maps",),
    ".matrix": ("matrix_csv", "matrix_html"),
    ".report": ("report_html",),
    ".write": ("save",),
}
__all__ = public_names(_WHERE, "map_html")
__getattr__, __dir__ = lazy_exports(__name__, _WHERE)


def map_html(
    graph: nx.MultiDiGraph,
    *,
    kommun: str | None = None,
    area: str | None = None,
    with_names: bool = False,
    title: str | None = None,
) -> str:
    """The network map as one offline HTML page: of one kommun (its structure and the regional
    units it links to), of a län or delregion (``area``, e.g. "Dalarnas län"), or of all.

    Personal names in the data are replaced by "[namn]" unless ``with_names``.

    >>> from lokgraph import Principal, Structure, build_graph
    >>> graph = build_graph(Structure(nodes=(Principal(id="kommun:orsa", name="Orsa",
    ...                                                kind="kommun"),)))
    >>> "<title>" in map_html(graph, title="Orsa")
    True
    """
    from .network_map import map_html as full_map_html

    return full_map_html(graph, kommun=kommun, area=area, with_names=with_names, title=title)
