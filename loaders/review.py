"""The review sheet: extracted facts as an editable CSV, and the corrected sheet read back.

A planner opens the sheet in Excel or LibreOffice, fixes a party or a status, deletes a wrong
row, and imports it; the quote stays beside every row so each decision can be checked.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from lokgraph.errors import InputError
from lokgraph.facts import Fact
from lokgraph.store import write_atomic

__all__ = ["REVIEW_COLUMNS", "is_review_sheet", "read_review", "review_csv", "write_review"]

REVIEW_COLUMNS: tuple[str, ...] = tuple(Fact.model_fields)


def review_csv(facts: Iterable[Fact]) -> str:
    """The sheet as CSV text (UTF-8 with BOM when written, so Excel shows å, ä and ö)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=REVIEW_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for fact in facts:
        row = fact.model_dump()
        row["partial"] = "ja" if fact.partial else ""
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()


def write_review(facts: Iterable[Fact], path: Path | str) -> Path:
    path = Path(path)
    write_atomic(path, "\ufeff" + review_csv(facts))
    return path


def is_review_sheet(path: Path | str) -> bool:
    """A CSV whose header is the review sheet's (so `import` knows it from a Forms export)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            header = next(csv.reader(f), [])
    except (OSError, UnicodeDecodeError):
        return False
    return {"kind", "quote", "source"} <= set(header)


def read_review(path: Path | str) -> list[Fact]:
    """The facts of a (corrected) sheet; a bad cell stops with its row, column and the fix."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="cp1252")
    reader = csv.DictReader(io.StringIO(text), delimiter=";" if _semicolons(text) else ",")
    missing = {"kind", "quote", "source"} - set(reader.fieldnames or ())
    if missing:
        raise InputError(
            f"not a review sheet: no column {', '.join(sorted(missing))}",
            where=str(path),
            fix="Start from a sheet written by 'lokgraph extract FILE --review facts.csv'",
        )
    facts = []
    for number, row in enumerate(reader, start=2):
        values = {
            k: (v.strip() or None) if isinstance(v, str) else v
            for k, v in row.items()
            if k in REVIEW_COLUMNS
        }
        if not any(values.values()):
            continue
        values["partial"] = (values.get("partial") or "").lower() in ("ja", "true", "1", "yes")
        try:
            facts.append(Fact(**values))
        except ValidationError as err:
            first = err.errors()[0]
            column = str(first["loc"][0]) if first["loc"] else "row"
            raise InputError(
                first["msg"].removeprefix("Value error, "),
                where=f"{path}, row {number}, column {column!r}",
                fix="Correct the cell, or delete the row to drop the fact",
            ) from err
    return facts


def _semicolons(text: str) -> bool:
    """Excel in Swedish settings saves CSV with semicolons."""
    header = text.split("\n", 1)[0]
    return header.count(";") > header.count(",")
