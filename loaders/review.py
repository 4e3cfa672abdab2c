"""The review sheet: extracted facts as an editable sheet, and the corrected sheet read back.

A planner opens the sheet in Excel or LibreOffice, fixes a party or a status, deletes a wrong
row, and imports it; the quote stays beside every row so each decision can be checked. The
headings and values are Swedish, with the machine code beside each heading
(``slag (kind)``); `loaders/review_words.yaml` holds the words. The sheet is CSV (UTF-8 with
BOM) or, for a name ending in ``.xlsx``, a workbook; either way every cell is neutralised
against formula injection (`lokgraph.sheets`), and reading it back restores the exact text.
Excel's own saves are read too: semicolons, cp1252, with or without BOM.

>>> from lokgraph.facts import Fact
>>> fact = Fact(kind="absent", kommun="Leksand", party="BUP", group_type="styrgrupp",
...             reason="not_participating", quote="=BUP deltar inte", source="enkat.txt")
>>> header, rows = review_rows([fact])
>>> header[:3], rows[0][0], rows[0][header.index("orsak (reason)")]
(['slag (kind)', 'kommun (kommun)', 'part (party)'], 'saknas', 'deltar inte')
>>> facts_from_rows(header, rows, where="ark.csv") == [fact]
True
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from lokgraph.errors import InputError
from lokgraph.facts import Fact
from lokgraph.reference import find_kommun
from lokgraph.sheets import csv_text, read_sheet, write_xlsx
from lokgraph.store import write_atomic

from .sv_errors import sv_validation_message

__all__ = [
    "REQUIRED",
    "REVIEW_COLUMNS",
    "facts_from_rows",
    "is_review_sheet",
    "read_review",
    "review_csv",
    "review_rows",
    "write_review",
]

REVIEW_COLUMNS: tuple[str, ...] = tuple(Fact.model_fields)
#: Columns a sheet must have to be read as a review sheet.
REQUIRED: tuple[str, ...] = ("kind", "quote", "source")
#: Columns read back exactly as written (the others lose stray spaces around a code).
_FREE_TEXT = frozenset({"quote", "question", "group_name"})


def review_rows(facts: Iterable[Fact]) -> tuple[list[str], list[list[str]]]:
    """The sheet's Swedish header and one row of Swedish values per fact."""
    words = _words()
    header = [f"{words['columns'].get(c, c)} ({c})" for c in REVIEW_COLUMNS]
    rows = []
    for fact in facts:
        row = []
        for column, value in fact.model_dump().items():
            if column == "partial":
                row.append("ja" if value else "")
            elif value is None:
                row.append("")
            else:
                row.append(words["values"].get(column, {}).get(value, str(value)))
        rows.append(row)
    return header, rows


def review_csv(facts: Iterable[Fact]) -> str:
    """The sheet as CSV text, with a BOM so Excel shows å, ä and ö."""
    header, rows = review_rows(facts)
    return csv_text(rows, header=header)


def write_review(facts: Iterable[Fact], path: Path | str) -> Path:
    """Write the sheet: a workbook when `path` ends in .xlsx, else CSV.

    A sheet read back with `read_review` gives the same facts:

    >>> import tempfile
    >>> fact = Fact(kind="member", kommun="Orsa", party="BUP", group_type="styrgrupp",
    ...             quote="BUP sitter med i styrgruppen.", source="orsa.xlsx")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [read_review(write_review([fact], Path(folder) / name)) == [fact]
    ...      for name in ("granskning.csv", "granskning.xlsx")]
    [True, True]
    """
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        write_xlsx(path, {"granskning": review_rows(facts)})
    else:
        write_atomic(path, review_csv(facts))
    return path


def is_review_sheet(path: Path | str) -> bool:
    """A sheet whose header is (mostly) the review sheet's, so `import` knows it from a Forms
    export. A sheet with the review columns but one required missing still counts, so that
    reading it says which column is missing instead of taking it for a survey."""
    try:
        header, _ = read_sheet(path)
    except (OSError, InputError, UnicodeDecodeError):
        return False
    known = {c for c in (_column(h) for h in header) if c}
    return len(known) >= 4 or set(REQUIRED) <= known


def read_review(path: Path | str) -> list[Fact]:
    """The facts of a (corrected) sheet; a bad cell stops with its row, column and the fix."""
    header, rows = read_sheet(path)
    return facts_from_rows(header, rows, where=str(path))


def facts_from_rows(header: list[str], rows: list[list[str]], *, where: str) -> list[Fact]:
    """Facts from a sheet's header and rows (Swedish or code headings and values)."""
    columns = [_column(h) for h in header]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        words = _words()["columns"]
        names = ", ".join(f"{words.get(c, c)} ({c})" for c in missing)
        raise InputError(
            f"granskningsarket saknar kolumnen {names}",
            where=where,
            fix="Lägg tillbaka kolumnen, eller börja från ett ark som "
            "'lokgraph extract FIL --review ark.csv' har skrivit",
        )
    facts = []
    for number, row in enumerate(rows, start=2):
        values: dict[str, Any] = {}
        for column, cell in zip(columns, row, strict=False):
            if column is None or column in values:
                continue
            values[column] = _value(column, cell if column in _FREE_TEXT else cell.strip())
        if not any(v not in (None, False) for v in values.values()):
            continue
        try:
            facts.append(Fact(**values))
        except ValidationError as err:
            first = err.errors()[0]
            field = str(first["loc"][0]) if first["loc"] else None
            heading = header[columns.index(field)] if field in columns else "raden"
            raise InputError(
                f"ogiltigt värde: {sv_validation_message(first)}",
                where=f"{where}, rad {number}, kolumn {heading!r}",
                fix="Rätta cellen, eller ta bort raden för att stryka uppgiften",
            ) from err
        for column in ("kommun", "member_kommun"):  # a misspelt kommun names its cell
            if values.get(column):
                heading = header[columns.index(column)]
                find_kommun(str(values[column]), where=f"{where}, rad {number}, kolumn {heading!r}")
    return facts


# ---- private helpers -------------------------------------------------------------------------


@cache
def _words() -> dict[str, Any]:
    text = (resources.files("loaders") / "review_words.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def _headings() -> dict[str, str]:
    """Every accepted heading, folded, to its column code."""
    found: dict[str, str] = {}
    for code in REVIEW_COLUMNS:
        sv = _words()["columns"].get(code, code)
        for name in (code, sv, f"{sv} ({code})"):
            found[_fold(name)] = code
    return found


@cache
def _codes(column: str) -> dict[str, str]:
    """Every accepted value of a column, folded, to its code."""
    found: dict[str, str] = {}
    for code, sv in _words()["values"].get(column, {}).items():
        for name in (code, sv, f"{sv} ({code})"):
            found.setdefault(_fold(name), code)
    return found


def _fold(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").casefold().split())


def _column(heading: str) -> str | None:
    return _headings().get(_fold(heading))


def _value(column: str, cell: str) -> Any:
    if column == "partial":
        yes = {_fold(str(w)) for w in _words()["partial_yes"]}
        return _fold(cell) in yes
    if not cell.strip():
        return None
    return _codes(column).get(_fold(cell), cell)
