"""Word survey tables dumped to text, and the table-to-answers rules every table loader shares.

**The dump format** (seed 000): Word writes a table to text cell by cell. A line that starts with
a TAB starts a cell; the lines after it without a TAB are the cell's further paragraphs. The
first row holds the questions (``Kommun``, then cells numbered ``1.`` … ``6.``); every further
row is a kommun cell and one answer cell per question. A kommun cell with a second paragraph
``Region`` means the region answered for that kommun too, in the same cells.

**Whose paragraph is it** (`row_answers`). In a row without ``Region`` every answer is the
kommun's. In a ``Region`` row each cell's paragraphs are first grouped into *blocks*: a
paragraph joins the block before it when that one ends in ``,`` ``:`` ``;`` or a dash (the
sentence goes on), when it is a list item (``-``, ``•``, ``1.``) after a list item or after a
short heading (at most two words, no full stop: ``Strategiskt``), when it is such a heading
between two list items, or when it is a numbered item in a block that already has one. Then:

1. *Evidence first.* A block whose text (case and spacing folded, at least five words) stands
   in another kommun's cell of the same question is the region's: the region sends one text
   to all kommuner of an area. A block that speaks of "samverkan med kommunen" is the region's,
   one that speaks of "samverkan med regionen" the kommun's.
2. *Position.* In a cell of exactly two blocks, the first is the kommun's and the second the
   region's, but only when the row as a whole is written that way: at least a third of its
   answered cells have two blocks. A row where (nearly) every cell is one block is one voice
   for both (a joint group answering), and its odd two-block cell is not split.
3. *Otherwise* the respondent is None: one block alone, three or more blocks, or a joint row.
   Consecutive blocks with the same respondent make one `Answer`.

On seed 000 this gives the kommun/region split of Hedemora, Ludvika, Malung-Sälen, Smedjebacken
and Vansbro; Avesta's single paragraphs and Smedjebacken's Q3 are the region's by repetition;
Malung-Sälen's and Vansbro's single "samverkan med kommunen" paragraphs are the region's by
the cue; Leksand's Q4 and Q5 split into a kommun paragraph and a terse one that reads as the
region's. Limits: Leksand's Q1 (one long answer over two paragraphs, joined by its trailing
comma), Q2 (a numbered structure) and Q3 get None although they read as the kommun's; Mora,
Orsa and Älvdalen are joint rows (all None, also Orsa's one two-paragraph cell, Q3);
Hedemora's one-paragraph Q6 is None. The rule
trusts the order kommun-then-region: a region that writes first, or a kommun that answers in
two separate blocks, is split wrongly, and two kommuner that share one text are both taken
for the region.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from lokgraph.errors import InputError, UnknownNameError
from lokgraph.reference import find_kommun

from .records import Survey
from .survey_rules import (
    Para,
    SurveyTable,
    TableRow,
    clean_paragraph,
    guess_question,
    question_ids,
    row_answers,
    split_blocks,
    table_survey,
)
from .text import read_text

__all__ = [
    "Para",
    "TableRow",
    "SurveyTable",
    "load_survey_dump",
    "read_dump_table",
    "looks_like_dump",
    "table_survey",
    "row_answers",
    "split_blocks",
    "question_ids",
    "guess_question",
    "clean_paragraph",
]


def load_survey_dump(path: str | Path) -> Survey:
    """Read a Word-table text dump into a `Survey`: one `Answer` per kommun, question and
    respondent part (see the module docstring for the respondent rule).

    ``surveyed`` lists every kommun of the table, ``non_respondents`` those whose cells are
    all empty, ``region`` the region of the kommuner's län. Locations are ``line N``.
    """
    path = Path(path)
    return _dump_survey(read_text(path).text, path)


def _dump_survey(text: str, path: Path) -> Survey:
    """`load_survey_dump` of a file's text already read (`load_survey` reads it once)."""
    return table_survey(_dump_table(text, path), source=path.name, title=path.stem)


def looks_like_dump(text: str) -> bool:
    """Whether a text has the TAB-cell structure of a Word table dump."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines or not lines[0].startswith("\t"):
        return False
    cells = [line[1:].strip() for line in lines if line.startswith("\t")]
    if len(cells) <= 2:
        return False
    if any(_is_kommun_cell([Para(c, "")]) for c in cells if c):
        return True
    # a survey table whose kommun names are all misspelt is still a table: its first cell is
    # the "Kommun" heading and questions follow (read_dump_table then names the bad kommun)
    return cells[0].casefold().startswith("kommun") and _looks_like_question(cells[1])


def read_dump_table(path: str | Path) -> SurveyTable:
    """The header and kommun rows of a text dump, paragraphs cleaned, empty ones kept out."""
    path = Path(path)
    return _dump_table(read_text(path).text, path)


def _dump_table(text: str, path: Path) -> SurveyTable:
    lines = text.split("\n")
    cells: list[tuple[int, list[Para]]] = []
    for number, line in enumerate(lines, start=1):
        if line.startswith("\t"):
            cells.append((number, []))
            line = line[1:]
        elif not cells:
            if line.strip():
                raise InputError(
                    "text före tabellens första cell",
                    where=f"{path.name}, rad {number}",
                    fix="En textdump av en tabell börjar varje cell med en tabb; ta bort "
                    "texten före tabellen",
                )
            continue
        text = clean_paragraph(line)
        if text:
            cells[-1][1].append(Para(text, f"line {number}"))
    if not cells:
        raise InputError(
            "filen är tom", where=f"{path.name}, rad 1", fix="Ge en textdump av enkättabellen"
        )

    first_row = next((i for i, (_, paras) in enumerate(cells) if _is_kommun_cell(paras)), None)
    if first_row is None:
        _check_header(
            [" ".join(p.text for p in paras) for _, paras in cells[1:]], cells[1:], path.name
        )
        raise InputError(
            "ingen kommunrad: ingen cell börjar med ett kommunnamn",
            where=f"{path.name}, rad {cells[0][0]}",
            fix="Tabellens första kolumn ska ange kommunen på varje rad",
        )
    width = first_row
    if width < 2:
        raise InputError(
            "ingen rubrikrad med frågor före den första kommunen",
            where=f"{path.name}, rad {cells[0][0]}",
            fix="Behåll tabellens första rad (Kommun, sedan frågorna)",
        )
    header = [" ".join(p.text for p in paras) for _, paras in cells[1:width]]
    _check_header(header, cells[1:width], path.name)
    rows: list[TableRow] = []
    body = cells[width:]
    for start in range(0, len(body), width):
        chunk = body[start : start + width]
        row_line, kommun_paras = chunk[0]
        if len(chunk) < width:
            if all(not paras for _, paras in chunk):
                break
            raise InputError(
                f"sista raden har {len(chunk)} celler, rubrikraden {width}",
                where=f"{path.name}, rad {row_line}",
                fix="Varje rad behöver lika många celler (rader som börjar med en tabb) som "
                "rubrikraden",
            )
        if not kommun_paras or len(kommun_paras[0].text.split()) > 4:
            raise InputError(
                "här borde en kommuncell stå (en rad har "
                f"{width} celler), men här står {_preview(kommun_paras)}",
                where=f"{path.name}, rad {row_line}, kolumn 1",
                fix=f"Kontrollera att raden före har exakt {width} celler, var och en med en "
                "tabb först",
            )
        rows.append(
            TableRow(
                kommun=kommun_paras[0].text,
                has_region=_marks_region(kommun_paras[1:]),
                cells=tuple(tuple(paras) for _, paras in chunk[1:]),
                location=f"line {row_line}",
            )
        )
    return SurveyTable(questions=tuple(header), rows=tuple(rows))


def _check_header(header: list[str], cells: list[tuple[int, list[Para]]], name: str) -> None:
    """A short cell after the questions is a kommun that was not recognised: say which."""
    for i, text in enumerate(header):
        questions_before = all(_looks_like_question(h) for h in header[:i] if h)
        if i and text and not _looks_like_question(text) and questions_before:
            find_kommun(cells[i][1][0].text, where=f"{name}, rad {cells[i][0]}, kolumn 1")


def _looks_like_question(text: str) -> bool:
    return bool(re.match(r"\s*\d{1,2}\s*[.)]", text)) or text.endswith("?") or len(text.split()) > 4


def _is_kommun_cell(paras: list[Para]) -> bool:
    if not paras or len(paras[0].text.split()) > 4:
        return False
    try:
        find_kommun(paras[0].text)
    except UnknownNameError:
        return False
    return True


def _marks_region(paras: Sequence[Para]) -> bool:
    return any(p.text.casefold().startswith("region") for p in paras)


def _preview(paras: list[Para]) -> str:
    if not paras:
        return "en tom cell"
    words = paras[0].text.split()
    return repr(" ".join(words[:6]) + (" …" if len(words) > 6 else ""))
