"""Spreadsheets lokgraph writes and reads: the one rule that keeps a cell from running as a formula.

Every CSV and xlsx lokgraph writes goes through `neutralise`: a text cell that begins with
``=``, ``+``, ``-``, ``@``, TAB or CR (OWASP's CSV-injection list) gets a leading apostrophe,
so Excel and LibreOffice show it as text instead of running it. A cell that already begins
with an apostrophe gets one more, so `restore` (used when a review sheet is read back) gives
the exact text again. CSV is written UTF-8 with a BOM (Excel then shows å, ä and ö) and read
as Excel saves it: UTF-8 with or without BOM or cp1252, commas or semicolons.

>>> neutralise('=HYPERLINK("http://x","klicka")')
'\\'=HYPERLINK("http://x","klicka")'
>>> restore(neutralise("-2+3")), restore(neutralise("'citat'")), neutralise("BUP deltar")
('-2+3', "'citat'", 'BUP deltar')
>>> csv_text([["=1+1", "Älvdalen"]], header=["a", "b"]).encode("utf-8")[:3]
b'\\xef\\xbb\\xbf'
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .errors import InputError

__all__ = [
    "DANGEROUS",
    "Sheet",
    "csv_text",
    "neutralise",
    "read_sheet",
    "restore",
    "write_xlsx",
    "xlsx_bytes",
]

#: First characters that make a spreadsheet treat a cell as a formula (or mangle it).
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = (*DANGEROUS, "'")

Sheet = tuple[list[str], list[list[str]]]


def neutralise(value: Any) -> Any:
    """The cell as written: text that a spreadsheet would run gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_ESCAPED):
        return "'" + value
    return value


def restore(value: str) -> str:
    """The text a neutralised cell stood for (the inverse of `neutralise` on text)."""
    if len(value) > 1 and value[0] == "'" and value[1:].startswith(_ESCAPED):
        return value[1:]
    return value


def csv_text(
    rows: Iterable[Sequence[Any]],
    *,
    header: Sequence[str],
    bom: bool = True,
    delimiter: str = ",",
) -> str:
    """A CSV sheet with every cell neutralised; with a BOM unless `bom` is False."""
    out = io.StringIO()
    # CRLF as Excel writes it; it also makes the writer quote a cell holding a bare CR
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow(["" if v is None else neutralise(v) for v in row])
    return ("\ufeff" if bom else "") + out.getvalue()


def xlsx_bytes(sheets: dict[str, Sheet]) -> bytes:
    """An .xlsx workbook, one worksheet per entry, every text cell neutralised and typed text."""
    from openpyxl import Workbook

    book = Workbook()
    blank = book.worksheets[0]  # a new Workbook comes with one empty sheet
    book.remove(blank)
    for title, (header, rows) in sheets.items():
        sheet = book.create_sheet(title=title[:31])
        for row in [list(header), *rows]:
            sheet.append(["" if v is None else neutralise(v) for v in row])
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula, whatever the text
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_xlsx(path: Path | str, sheets: dict[str, Sheet]) -> Path:
    """Write a workbook (see `xlsx_bytes`) to a temporary file, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(xlsx_bytes(sheets))
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def read_sheet(path: Path | str) -> Sheet:
    """Header and rows of a CSV or .xlsx sheet as Excel saves it, each cell restored."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(path)
    text = _decode(path.read_bytes())
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    try:
        rows = [[restore(cell) for cell in row] for row in reader]
    except csv.Error as err:
        raise InputError(
            f"arket går inte att läsa som CSV ({err})",
            where=str(path),
            fix="Spara det igen från Excel som CSV (kommaavgränsad eller semikolonavgränsad)",
        ) from err
    if not rows:
        return [], []
    return rows[0], rows[1:]


def _decode(data: bytes) -> str:
    """UTF-8 with or without BOM, else cp1252 (what Excel on Swedish Windows saves as CSV)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    """Excel with Swedish settings saves CSV with semicolons."""
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def _read_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for a file that is no workbook
        raise InputError(
            "filen är ingen Excel-arbetsbok (.xlsx)",
            where=str(path),
            fix="Spara arket från Excel som .xlsx eller som CSV",
        ) from err
    try:
        sheet = book.worksheets[0]
        rows = [[restore(_cell_text(v)) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        return [], []
    return rows[0], rows[1:]


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
