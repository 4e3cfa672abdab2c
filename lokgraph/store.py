"""Where a graph lives: the store interface, and the embedded store that keeps it in one file.

The file is JSON, the graph's dicts with sorted keys and an item a line, so the same graph
always gives the same bytes (`lokgraph.store_text`, version 2; stores of version 1, one record
a line or indented, load the same way), and it is written to a temporary file and renamed over
the old one, so a crash mid-write leaves the previous store whole.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from . import interrupt
from .collector import collector_paused
from .errors import StoreError
from .lock import remove_stale_temp_files, store_lock
from .store_text import FORMAT, READS, store_text

if TYPE_CHECKING:  # networkx and pydantic load with the first graph, not with the command line
    import networkx as nx

    from .graph import MergeStats
    from .models import Structure

__all__ = [
    "DEFAULT_STORE",
    "FileStore",
    "GraphStore",
    "graph_from_json",
    "graph_to_json",
    "write_atomic",
]

DEFAULT_STORE = Path("lokgraph-store.json")


@runtime_checkable
class GraphStore(Protocol):
    """What queries, maps and the command line need of a store, wherever the graph lives."""

    def load(self) -> nx.MultiDiGraph:
        """The whole graph (empty if nothing is stored yet)."""
        ...

    def save(self, graph: nx.MultiDiGraph) -> None:
        """Replace what is stored with this graph."""
        ...

    def merge(self, structure: Structure, *, where: str | None = None) -> MergeStats:
        """Add a structure; nothing is written if it does not validate."""
        ...


def graph_to_json(graph: nx.MultiDiGraph) -> str:
    """The store text of a graph: sorted, so equal graphs give equal text."""
    with collector_paused():  # tens of thousands of strings, no cycles
        return store_text(graph)


def graph_from_json(text: str, *, where: str = "store") -> nx.MultiDiGraph:
    """The graph of a store's text, checked record by record (`lokgraph.store_check`)."""
    with collector_paused():  # the parsed records hold no cycles: see lokgraph.collector
        return _graph_from_json(text, where)


def _graph_from_json(text: str, where: str) -> nx.MultiDiGraph:
    from .store_check import check_document, check_document_v2

    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise StoreError(
            f"filen är inget läsbart lager (JSON-fel på rad {err.lineno}, kolumn {err.colno})",
            where=where,
            fix="Återställ filen från en säkerhetskopia, eller importera källorna igen till ett "
            "nytt lager",
        ) from err
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise StoreError(
            "filen är inget lokgraph-lager",
            where=where,
            fix="Ange med --store en fil som lokgraph har skrivit",
        )
    version = doc.get("version")
    if version not in READS or type(version) is not int:
        readable = " och ".join(str(v) for v in READS)
        raise StoreError(
            f"lagret har version {version}, den här lokgraph läser version {readable}",
            where=where,
            fix="Använd den lokgraph-version som skrev det, eller importera källorna igen",
        )
    if version == 1:
        check_document(doc, where=where)
        return _filled(doc["nodes"], doc["edges"])
    check_document_v2(doc, where=where)
    return _filled_v2(doc["nodes"], doc["edges"])


def _filled(nodes: list[dict], edges: list[dict]) -> nx.MultiDiGraph:
    """A graph of checked records of version 1 (ids unique, every edge's ends present, no edge
    twice).

    The records, new from the parser, become the graph's attribute dicts, put in place as
    `add_node` and `add_edge` would put them but without their checks and copies (most of a
    load at 290 kommuner otherwise).
    """
    from .adjacency import adjacency
    from .graph import new_graph

    graph = new_graph()
    attrs, (succ, pred) = vars(graph)["_node"], adjacency(graph)
    for node in nodes:
        n = node.pop("id")
        attrs[n], succ[n], pred[n] = node, {}, {}
    for edge in edges:
        u, v = edge.pop("source"), edge.pop("target")
        keys = succ[u].get(v)
        if keys is None:
            keys = succ[u][v] = pred[v][u] = {}
        keys[edge["type"]] = edge
    return graph


def _filled_v2(nodes: dict[str, dict], edges: dict[str, dict]) -> nx.MultiDiGraph:
    """A graph of checked dicts of version 2: they are the graph's own dicts already, in the
    order `_filled` gives a store of version 1 (nodes by id, each node's edges by target and
    type, its predecessors by source). An empty dict of targets or edges is no edge."""
    from .adjacency import adjacency
    from .graph import new_graph

    graph = new_graph()
    attrs, (succ, pred) = vars(graph)["_node"], adjacency(graph)
    attrs.update(nodes)
    for n in nodes:
        succ[n], pred[n] = {}, {}
    for u, out in edges.items():
        mine = succ.get(u, {})  # a node, if it has an edge: checked
        for v, keyed in out.items():
            if keyed:
                mine[v] = pred[v][u] = keyed
    return graph


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text so that readers see the old file or the new one, never half of one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, _file_mode(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        interrupt.check()  # a Ctrl-C that Python swallowed still stops the write
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _file_mode(path: Path) -> int:
    """The old file's mode, or what the umask gives a new file (mkstemp's 0600 is too tight)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class FileStore:
    """The embedded default: one JSON file.

    >>> import tempfile, pathlib
    >>> store = FileStore(pathlib.Path(tempfile.mkdtemp()) / "g.json")
    >>> store.load().number_of_nodes()
    0
    """

    def __init__(self, path: Path | str = DEFAULT_STORE) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"FileStore({str(self.path)!r})"

    def load(self) -> nx.MultiDiGraph:
        from .graph import new_graph
        from .store_check import decode_store

        remove_stale_temp_files(self.path)
        if not self.path.exists():
            return new_graph()
        where = str(self.path)
        return graph_from_json(decode_store(self.path.read_bytes(), where=where), where=where)

    def save(self, graph: nx.MultiDiGraph) -> None:
        """Replace the stored graph, holding the store's write lock (see `lokgraph.lock`)."""
        text = graph_to_json(graph)
        with store_lock(self.path):
            write_atomic(self.path, text)

    def merge(self, structure: Structure, *, where: str | None = None) -> MergeStats:
        """Load, merge and save under one hold of the write lock, so no other writer's data
        is lost between the load and the save."""
        from .graph import merge

        with store_lock(self.path):
            graph = self.load()
            stats = merge(graph, structure, where=where)
            if stats.changed or not self.path.exists():
                self.save(graph)
        return stats
