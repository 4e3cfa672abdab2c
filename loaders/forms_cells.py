"""Microsoft Forms exports: the rows and cells of an ``.xlsx`` or ``.csv`` file.

The encodings and separators a ``.csv`` may have, the cell values of an ``.xlsx`` as text, a
cell's paragraphs, and spreadsheet column letters (see `loaders.forms` for the format).
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from lokgraph.errors import InputError

from .survey_dump import clean_paragraph
from .text import read_text

_DELIMITERS = ("\t", ";", ",")


def _read_rows(path: Path, sheet: str | None) -> list[list[str]]:
    suffix = path.suffix.casefold()
    if suffix in {".xlsx", ".xlsm"}:
        return _xlsx_rows(path, sheet)
    text = read_text(path).text
    if not text.strip():
        return []
    reader = csv.reader(io.StringIO(text), delimiter=_sniff_delimiter(text))
    try:
        return [[cell for cell in row] for row in reader]
    except csv.Error as err:
        raise InputError(
            f"CSV-filen går inte att läsa ({err})",
            where=f"{path.name}, rad {reader.line_num}",
            fix="Exportera svaren igen som CSV",
        ) from err


def _xlsx_rows(path: Path, sheet: str | None) -> list[list[str]]:
    import openpyxl  # only for .xlsx

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise InputError(
            "filen är ingen Excel-arbetsbok (.xlsx)",
            where=path.name,
            fix="Hämta svaren från Forms med 'Öppna i Excel', eller exportera som CSV",
        ) from err
    try:
        if sheet and sheet not in workbook.sheetnames:
            raise InputError(
                f"inget blad {sheet!r}",
                where=f"{path.name}",
                fix="Bladen heter " + ", ".join(repr(s) for s in workbook.sheetnames),
            )
        worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
        return [[_cell_text(v) for v in row] for row in worksheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _sniff_delimiter(text: str) -> str:
    sample = text[:16384]
    first = sample.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters="".join(_DELIMITERS)).delimiter
        if delimiter in first:
            return delimiter
    except csv.Error:
        pass
    counts = {d: first.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _paragraphs(value: str) -> str:
    lines = value.replace("_x000D_", "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(p for p in (clean_paragraph(line) for line in lines) if p)


def _letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _column_index(letters: str) -> int:
    index = 0
    for char in letters.upper():
        index = index * 26 + ord(char) - ord("A") + 1
    return index - 1
