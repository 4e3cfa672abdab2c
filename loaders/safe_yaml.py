"""YAML that a planner's file cannot turn into a memory bomb: one loader for every YAML input.

Structure files and Forms mapping files are written by hand or sent by others, so they are
read with bounds, each refused with one Swedish paragraph in well under a second:

- a file larger than `MAX_BYTES` (the bundled examples are about 10 KB);
- aliases (``*name``) that together would expand to more than `MAX_ALIAS_NODES` values: the
  "billion laughs" file of nine aliases of aliases that grows to billions of values;
- nesting deeper than `MAX_DEPTH` (no real structure file nests more than about six levels;
  10,000 nested lists would otherwise end in a RecursionError);
- a date that does not exist (``valid_from: 2025-13-45``), named with its line and field.

The loader is PyYAML's safe loader with the bounds checked while the document is composed,
before anything is built from it. YAML syntax errors are PyYAML's `yaml.YAMLError` as before.

>>> load_yaml("kommuner: [Orsa, Mora]", name="struktur.yaml")
{'kommuner': ['Orsa', 'Mora']}
>>> load_yaml("giltig_fran: 2025-13-45", name="struktur.yaml")
Traceback (most recent call last):
lokgraph.errors.InputError: struktur.yaml, rad 1 (giltig_fran): datumet 2025-13-45 finns inte ...
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import yaml

from lokgraph.errors import InputError

__all__ = [
    "MAX_ALIAS_NODES",
    "MAX_BYTES",
    "MAX_DEPTH",
    "BoundedLoader",
    "check_size",
    "load_bundled",
    "load_yaml",
]

#: The largest YAML file read, in bytes.
MAX_BYTES = 2_000_000
#: How deep mappings and lists may nest.
MAX_DEPTH = 40
#: How many values all aliases of a file may stand for together, once expanded.
MAX_ALIAS_NODES = 10_000

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_DATE = re.compile(r"^(\d{4})-(\d\d?)-(\d\d?)")


class BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader with the bounds of this module; subclass it to add constructors."""

    #: The file's name in messages (set by `load_yaml`).
    source_name = "YAML-filen"

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._sizes: dict[int, int] = {}  # id(node) -> values it stands for, expanded
        self._aliased = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: ANN401 - PyYAML's API
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            target = self.anchors.get(event.anchor)
            if target is not None:
                self._aliased += self._sizes.get(id(target), 1)
                if self._aliased > MAX_ALIAS_NODES:
                    raise self._refuse(
                        event.start_mark,
                        f"aliasen *{event.anchor} och de före den skulle bli fler än "
                        f"{MAX_ALIAS_NODES:,} värden när de packas upp".replace(",", " "),
                        "Filen behöver inga alias som pekar på alias; skriv ut listorna, "
                        "eller dela upp filen",
                    )
            return super().compose_node(parent, index)
        if self.check_event(yaml.ScalarEvent):
            node = super().compose_node(parent, index)
            self._sizes[id(node)] = 1
            return node
        self._depth += 1
        if self._depth > MAX_DEPTH:
            event = self.peek_event()
            raise self._refuse(
                event.start_mark,
                f"listor och avsnitt är nästlade djupare än {MAX_DEPTH} nivåer",
                "Skriv filen plattare, som exemplen i lokgraph/examples/",
            )
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        self._sizes[id(node)] = 1 + sum(self._sizes.get(id(c), 1) for c in _children(node))
        return node

    def _refuse(self, mark: yaml.Mark, problem: str, fix: str) -> InputError:
        return InputError(
            f"filen läses inte: {problem}",
            where=f"{self.source_name}, rad {mark.line + 1}",
            fix=fix,
        )

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        for key_node, value_node in node.value:
            if value_node.tag == _TIMESTAMP:
                self._check_date(key_node, value_node)
        return super().construct_mapping(node, deep=deep)

    def _check_date(self, key_node: yaml.Node, value_node: yaml.Node) -> None:
        field = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        _date_or_error(self, value_node, field)


def _date_or_error(loader: BoundedLoader, node: yaml.Node, field: str | None) -> Any:  # noqa: ANN401
    value = str(node.value)
    if not isinstance(node, yaml.ScalarNode):  # "!!timestamp" on a list or mapping: PyYAML's error
        found = "sequence" if isinstance(node, yaml.SequenceNode) else "mapping"
        raise yaml.constructor.ConstructorError(
            None, None, f"expected a scalar node, but found {found}", node.start_mark
        )
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        where = f"{loader.source_name}, rad {node.start_mark.line + 1}"
        raise InputError(
            f"datumet {value} finns inte ({_why(value)})",
            where=f"{where} ({field})" if field else where,
            fix="Skriv ett datum som finns, som ÅÅÅÅ-MM-DD, till exempel 2026-06-30",
        ) from None


def _construct_date(loader: BoundedLoader, node: yaml.Node) -> Any:  # noqa: ANN401
    return _date_or_error(loader, node, None)


BoundedLoader.add_constructor(_TIMESTAMP, _construct_date)


def check_size(path: Path | str, *, limit: int = MAX_BYTES) -> None:
    """Refuse a YAML file larger than `limit` bytes before it is read."""
    try:
        size = os.stat(path).st_size
    except OSError:
        return  # the caller's read reports a missing or unreadable file
    if size > limit:
        raise InputError(
            f"filen är {_mb(size)} stor, större än de {_mb(limit)} som en YAML-fil får vara",
            where=str(path),
            fix="Dela upp filen i flera, till exempel en per län eller delregion",
        )


def load_bundled(text: str) -> Any:  # noqa: ANN401
    """A YAML file that ships with lokgraph (trusted, so without the bounds): the safe
    loader, with PyYAML's C parser where the wheel has one (the same data, ten times faster:
    the resolver and constructor are the same Python code).

    >>> load_bundled("parties: {BUP: [BUP]}")
    {'parties': {'BUP': ['BUP']}}
    """
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_yaml(
    text: str,
    *,
    name: str,
    loader: type[BoundedLoader] = BoundedLoader,
    limit: int = MAX_BYTES,
) -> Any:  # noqa: ANN401 - YAML gives any value
    """One YAML document, read within the bounds; `name` is the file's name in messages."""
    if len(text) > limit:
        raise InputError(
            f"texten är {_mb(len(text))} stor, större än de {_mb(limit)} som en YAML-fil får vara",
            where=name,
            fix="Dela upp filen i flera, till exempel en per län eller delregion",
        )
    bounded = type(loader.__name__, (loader,), {"source_name": name})
    instance = bounded(text)
    try:
        return instance.get_single_data()
    finally:
        instance.dispose()


def _children(node: yaml.Node | None) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _why(value: str) -> str:
    match = _DATE.match(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
        if not 1 <= month <= 12:
            return f"månad {month} finns inte"
        try:
            dt.date(year, month, 1)
        except ValueError:
            return "året går inte att läsa"
        return f"dag {day} finns inte i månad {month}"
    return "datumet går inte att läsa"


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")
