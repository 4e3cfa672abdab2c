"""Curated structure files: the YAML records themselves.

The loader that remembers each mapping's line, the context that turns a record into a place in
the file for error messages, and the checks every record goes through (a list of records, a
name, only known keys, a model that validates).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from lokgraph.errors import InputError
from lokgraph.from_facts import source_id
from lokgraph.models import Evidence
from lokgraph.reference import Kommun, Region

from .safe_yaml import BoundedLoader
from .sv_errors import sv_validation_message

_LINE = "__line__"


class _LineLoader(BoundedLoader):
    """A safe, bounded loader that remembers the line of every mapping, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _Context:
    """The file being read: where errors point, and the names records refer to."""

    def __init__(self, path: Path, region: Region | None) -> None:
        self.path = path
        self.region = region
        self.areas: dict[str, tuple[str, tuple[Kommun, ...]]] = {}
        self.groups: dict[str, str] = {}
        self.group_serves: dict[str, tuple[Kommun, ...]] = {}
        self.source_id = source_id(str(path))

    def where(self, record: dict | None, what: str) -> str:
        line = record.get(_LINE) if isinstance(record, dict) else None
        return f"{self.path}, rad {line} ({what})" if line else f"{self.path} ({what})"

    def fail(self, record: dict | None, what: str, problem: str, fix: str) -> InputError:
        return InputError(problem, where=self.where(record, what), fix=fix)

    def evidence(self, record: dict) -> tuple[Evidence, ...]:
        quote = record.get("quote", "")
        return (
            Evidence(
                source=self.source_id,
                quote=str(quote),
                page=str(record["page"]) if "page" in record else None,
            ),
        )


def _items(ctx: _Context, doc: dict, key: str) -> list[dict]:
    value = doc.get(key) or []
    if not isinstance(value, list):
        raise InputError(
            f"{key} är inte en lista",
            where=str(ctx.path),
            fix=f"Skriv varje post under {key} som '- name: …'",
        )
    for i, rec in enumerate(value):
        if not isinstance(rec, dict):
            raise InputError(
                f"{key}[{i}] ska vara en post med nycklar, inte {rec!r}",
                where=str(ctx.path),
                fix="Ge varje post sina nycklar, till exempel '- name: …'",
            )
    return value


def _name(ctx: _Context, rec: dict, what: str) -> str:
    name = rec.get("name")
    if not name:
        raise ctx.fail(rec, what, "en post utan namn", "Lägg till 'name: …'")
    return str(name)


def _check_keys(ctx: _Context, rec: dict, what: str, allowed: set[str]) -> None:
    extra = sorted(set(rec) - allowed - {_LINE})
    if extra:
        raise ctx.fail(
            rec,
            what,
            f"okänt fält {extra[0]!r}",
            "Använd bara " + ", ".join(sorted(allowed)),
        )


def _model(ctx: _Context, rec: dict, what: str, cls: type, **fields: Any) -> Any:
    try:
        return cls(**fields)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "post"
        raise ctx.fail(
            rec,
            f"{what}.{field}",
            sv_validation_message(first),
            "Rätta värdet; docs/structure-format.md visar vad varje fält tar",
        ) from err
