"""A store opened by a script: read its graph, or change it inside one ``with`` block.

`open_store` opens a file store or a Neo4j server as a `Store`. Reading needs nothing more;
writing happens inside ``with store:``, which holds the store's write lock, works on a copy of
the graph and writes it once, atomically, when the block ends. If the block raises, nothing is
written. Merging follows `lokgraph import`: what a source stated before is taken back first,
so merging the same data twice changes nothing, and every source belongs to a survey round.

>>> import pathlib, tempfile
>>> from lokgraph import Fact, open_store
>>> path = pathlib.Path(tempfile.mkdtemp()) / "lager.json"
>>> fact = Fact(kind="absent", kommun="Orsa", party="BUP", group_type="styrgrupp",
...             reason="not_participating", quote="BUP deltar inte i styrgruppen.",
...             source="enkat-orsa.xlsx")
>>> with open_store(path) as store:
...     stats = store.merge_facts([fact], round="2025")
>>> stats.edges_added > 0, store.rounds()
(True, ['2025'])
>>> isinstance(store, Store), isinstance(store.backend, GraphStore), store.backend.path == path
(True, True, True)
>>> ("unit:region-dalarna:bup", "group:orsa:styrgrupp", "ABSENT_FROM") in store.graph().edges
True
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import networkx as nx

from .errors import StoreError
from .facts import Fact
from .from_facts import facts_source, facts_to_structure, source_id
from .graph import MergeStats, merge, retract_source
from .lock import store_lock
from .models import SourceKind, Structure
from .rounds import at_round, rounds, with_round
from .store import DEFAULT_STORE, FileStore, GraphStore, graph_to_json, write_atomic

if TYPE_CHECKING:
    from .neo4j_store import Neo4jStore

__all__ = ["Store", "merge_into", "open_store", "structure_of_facts"]

_BOLT_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def open_store(
    target: str | os.PathLike[str] | GraphStore = DEFAULT_STORE,
    *,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> Store:
    """Open a store: a file path (the embedded store), a Bolt URI, or a store object.

    For a Bolt URI, credentials come from the arguments, else from the URI, else from
    ``NEO4J_USER`` and ``NEO4J_PASSWORD``; the connection is made when the store is opened.

    >>> open_store("lokgraph-store.json")
    Store(FileStore('lokgraph-store.json'))
    """
    if isinstance(target, str | os.PathLike):
        text = os.fspath(target)
        if text.startswith(_BOLT_SCHEMES):
            return Store(_neo4j(text, user=user, password=password, database=database))
        return Store(FileStore(Path(text)))
    if not isinstance(target, GraphStore):
        raise StoreError(
            f"{target!r} är inget lager",
            fix="Ange en lagerfil, en Bolt-adress (bolt://värd:7687) eller ett FileStore",
        )
    return Store(target)


def merge_into(
    graph: nx.MultiDiGraph,
    structure: Structure,
    *,
    replaces: Iterable[str] = (),
    round: str | None = None,
    heading: str = "",
    where: str | None = None,
) -> MergeStats:
    """Merge a structure into a graph as ``lokgraph import`` does.

    First what each source id in `replaces` stated (in that round) is taken back, then the
    structure is merged with its sources in `round` (or each source's own default round: its
    date, or a year in its title or in `heading`). Nothing changes if the structure does not
    validate.

    >>> from lokgraph import Principal, Structure, new_graph
    >>> g = new_graph()
    >>> orsa = Structure(nodes=(Principal(id="kommun:orsa", name="Orsa", kind="kommun"),))
    >>> merge_into(g, orsa).nodes_added, merge_into(g, orsa).changed
    (1, False)
    """
    for source in replaces:
        retract_source(graph, f"{source}@{round}" if round else source)
    return merge(graph, with_round(structure, round, heading=heading), where=where)


def structure_of_facts(
    facts: Iterable[Fact],
    *,
    kind: SourceKind = "survey",
    title: str | None = None,
    date: str | None = None,
) -> tuple[Structure, list[str]]:
    """Facts as one structure, one Source per file named in their `source`, and those
    sources' ids (what merging the structure replaces). New sources get `kind`, `title` (else
    the file's name) and `date`.

    This is how a review sheet is imported: its facts replace what their survey stated.

    >>> fact = Fact(kind="group", kommun="Orsa", group_type="styrgrupp", quote="Vi har en "
    ...             "styrgrupp.", source="enkat.xlsx")
    >>> structure, sources = structure_of_facts([fact])
    >>> sources, [n.label for n in structure.nodes][:2]
    (['source:enkat-xlsx'], ['Source', 'Area'])
    """
    by_source: dict[str, list[Fact]] = {}
    for fact in facts:
        by_source.setdefault(fact.source, []).append(fact)
    structure = Structure()
    for name, group in sorted(by_source.items()):
        source = facts_source(name, title=title, kind=kind)
        if date:
            source = source.model_copy(update={"date": date})
        structure += facts_to_structure(group, source=source)
    return structure, [source_id(name) for name in sorted(by_source)]


class Store:
    """A store opened for a script. Read it any time; change it inside ``with store:``.

    The ``with`` block takes the store's write lock, loads the graph once, and lets `merge`,
    `merge_facts` and `retract` change a working copy; `graph` and `load` show that copy.
    When the block ends the copy is written in one atomic step (only if it changed), and the
    lock is released. When the block raises, nothing is written. On a Neo4j server the
    changes are sent when the block ends, in batches of one transaction each.
    """

    def __init__(self, backend: GraphStore) -> None:
        self.backend = backend
        self._working: nx.MultiDiGraph | None = None
        self._before: str | None = None
        self._hold: contextlib.ExitStack | None = None

    def __repr__(self) -> str:
        return f"Store({self.backend!r})"

    # -- reading --------------------------------------------------------------------------

    def load(self) -> nx.MultiDiGraph:
        """The whole graph with every round (inside ``with``: the working copy itself)."""
        if self._working is not None:
            return self._working
        return self.backend.load()

    def graph(self, round: str | None = None) -> nx.MultiDiGraph:
        """The graph as of a survey round (default: the latest), as queries and maps take it."""
        return at_round(self.load(), round)

    def rounds(self) -> list[str]:
        """The survey rounds the store holds, oldest first ("" is the unnamed round)."""
        return rounds(self.load())

    # -- writing --------------------------------------------------------------------------

    def __enter__(self) -> Store:
        hold = contextlib.ExitStack()
        hold.enter_context(_write_lock(self.backend))
        key = _key(self.backend)
        try:
            if self._hold is not None or key in _writing:
                # the lock lets its holder in again; a second working copy would overwrite
                # the first one's changes when it is written
                raise StoreError(
                    f"{self.backend!r} är redan öppet för skrivning",
                    fix="Skriv allt i ett with-block i taget",
                )
            _writing.add(key)
            hold.callback(_writing.discard, key)
            self._working = self.backend.load()
            self._before = _stored_text(self.backend)
        except BaseException:
            hold.close()
            raise
        self._hold = hold
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        hold, graph, before = self._hold, self._working, self._before
        self._hold, self._working, self._before = None, None, None
        if hold is None or graph is None:
            return
        with hold:
            if exc_type is None:
                _commit(self.backend, graph, before)

    def merge(
        self,
        structure: Structure,
        *,
        replaces: Iterable[str] = (),
        round: str | None = None,
        where: str | None = None,
    ) -> MergeStats:
        """Merge a structure, first taking back what the sources in `replaces` stated.

        `round` puts the structure's sources in that survey round (see `merge_into`). The
        stats count what the merge put in after the taking back, so merging the same data
        again counts what it put back, while the store's bytes stay the same.
        """
        return merge_into(
            self._graph_to_change(), structure, replaces=replaces, round=round, where=where
        )

    def merge_facts(
        self,
        facts: Iterable[Fact],
        *,
        round: str | None = None,
        kind: SourceKind = "survey",
        title: str | None = None,
        date: str | None = None,
    ) -> MergeStats:
        """Merge facts; they replace what their sources (the files their `source` names)
        stated before, as a corrected review sheet does. New sources get `kind`, `title` and
        `date` (as reports cite them).
        """
        structure, sources = structure_of_facts(facts, kind=kind, title=title, date=date)
        return self.merge(structure, replaces=sources, round=round)

    def retract(self, source: str) -> int:
        """Take back what one source (its id) stated; returns how many edges went."""
        return retract_source(self._graph_to_change(), source)

    def _graph_to_change(self) -> nx.MultiDiGraph:
        if self._working is None:
            raise StoreError(
                "lagret ändras bara inuti ett with-block",
                where=repr(self.backend),
                fix="Skriv: with open_store(sökväg) as store: store.merge(...)",
            )
        return self._working


_writing: set[str] = set()  # the stores a with-block of this process is writing


def _key(backend: GraphStore) -> str:
    if isinstance(backend, FileStore):
        return str(backend.path.resolve())
    return repr(backend)


def _neo4j(uri: str, *, user: str | None, password: str | None, database: str | None) -> Neo4jStore:
    from .neo4j_store import Neo4jStore

    return Neo4jStore(uri, user=user, password=password, database=database)


def _write_lock(backend: GraphStore) -> contextlib.AbstractContextManager[object]:
    """The store's write lock (`lokgraph.lock`), held from the load to the rename of the new
    file. A server store is shared by design and has no file to lock.
    """
    if isinstance(backend, FileStore):
        return store_lock(backend.path)
    return contextlib.nullcontext()


def _stored_text(backend: GraphStore) -> str | None:
    """The bytes of a file store as text (to write only when they change)."""
    if isinstance(backend, FileStore) and backend.path.exists():
        return backend.path.read_text(encoding="utf-8")
    return None


def _commit(backend: GraphStore, graph: nx.MultiDiGraph, before: str | None) -> None:
    if isinstance(backend, FileStore):
        if before is None and graph.number_of_nodes() == 0:
            return  # nothing to keep: no empty store is made
        text = graph_to_json(graph)
        if text != before:
            write_atomic(backend.path, text)
        return
    backend.save(graph)
