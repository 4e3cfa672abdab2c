"""Word ``.docx`` surveys: a table with the questions in the first row and a kommun per row.

The first column names the kommun; a second paragraph ``Region`` in that cell means the region
answered in the same cells, exactly as in the text dump. Paragraphs within a cell are kept, and
the respondent of each is decided by the rules of `loaders.survey_dump` (shared, so a survey
gives the same answers from its ``.docx`` and from its text dump). Locations read
``table T, row R, column C, paragraph P``.

When the document has several tables, the first whose top-left cell says "Kommun" is read,
else the first table with at least two rows and two columns. Horizontally merged cells count
once.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from lokgraph.errors import InputError

from .records import Survey
from .survey_dump import Para, SurveyTable, TableRow, clean_paragraph, table_survey

if TYPE_CHECKING:  # python-docx loads only when a .docx is read
    from docx.table import _Row

__all__ = ["load_survey_docx", "read_docx_table"]


def load_survey_docx(path: str | Path) -> Survey:
    """Read the survey table of a Word document into a `Survey` (same rules as the dump).

    Raises `InputError` for a file that is not a Word document or has no such table, and
    `UnknownNameError` for a first-column cell that names no kommun.
    """
    path = Path(path)
    return table_survey(read_docx_table(path), source=path.name, title=path.stem)


def read_docx_table(path: str | Path) -> SurveyTable:
    """The header and kommun rows of a document's survey table."""
    import docx  # python-docx; imported here so the other loaders do not pay for it
    from docx.opc.exceptions import PackageNotFoundError

    path = Path(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise InputError(
            "filen är inget Word-dokument (.docx)",
            where=path.name,
            fix="Spara den ur Word som .docx, eller som text (.txt)",
        ) from err
    except OSError as err:
        raise InputError(
            f"filen går inte att läsa ({err.strerror or err})",
            where=path.name,
            fix="Kontrollera sökvägen",
        ) from err

    tables = list(document.tables)
    candidates = [i for i, t in enumerate(tables) if len(t.rows) >= 2 and len(t.columns) >= 2]
    if not candidates:
        raise InputError(
            "ingen tabell med en rubrikrad och en rad per kommun",
            where=path.name,
            fix="Lägg enkäten i en Word-tabell: frågorna på första raden, en kommun per rad",
        )
    index = next(
        (i for i in candidates if "kommun" in tables[i].cell(0, 0).text.casefold()),
        candidates[0],
    )
    number, table = index + 1, tables[index]

    grid = [_row_cells(row, number, r) for r, row in enumerate(table.rows, start=1)]
    header = [" ".join(p.text for p in cell) for cell in grid[0][1:]]
    rows: list[TableRow] = []
    for r, cells in enumerate(grid[1:], start=2):
        if not cells or not any(cells):
            continue
        kommun_cell = cells[0]
        if not kommun_cell:
            raise InputError(
                "en rad med svar men utan kommun",
                where=f"{path.name}, tabell {number}, rad {r}, kolumn 1",
                fix="Skriv kommunens namn i radens första cell",
            )
        answer_cells = list(cells[1:]) + [()] * (len(header) - len(cells) + 1)
        rows.append(
            TableRow(
                kommun=kommun_cell[0].text,
                has_region=any(p.text.casefold().startswith("region") for p in kommun_cell[1:]),
                cells=tuple(answer_cells[: len(header)]),
                location=f"table {number}, row {r}",
            )
        )
    return SurveyTable(questions=tuple(header), rows=tuple(rows))


def _row_cells(row: _Row, table_number: int, row_number: int) -> list[tuple[Para, ...]]:
    """The cells of a table row as cleaned, non-empty paragraphs; merged cells once."""
    result: list[tuple[Para, ...]] = []
    previous = None
    for column, cell in enumerate(row.cells, start=1):
        if previous is not None and cell._tc is previous:
            continue
        previous = cell._tc
        paras = []
        for p, paragraph in enumerate(cell.paragraphs, start=1):
            text = clean_paragraph(paragraph.text)
            if text:
                where = f"table {table_number}, row {row_number}, column {column}, paragraph {p}"
                paras.append(Para(text, where))
        result.append(tuple(paras))
    return result
