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
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lokgraph.errors import InputError, UnknownNameError
from lokgraph.reference import Kommun, find_kommun, region_for_kommun

from .records import QUESTIONS, Answer, Survey
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

#: Word artefacts that text dumps carry into cells, e.g. ``[bookmark: _GoBack]``.
_ARTEFACT = re.compile(r"\[(?:bookmark|anchor): ?[^\]]*\]")
_LIST_ITEM = re.compile(r"^\s*(?:[-–•*▪·]|\d{1,2}[.)])\s")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s")
_CONTINUES = (",", ":", ";", "-", "–")
_TO_REGION = re.compile(r"\b(?:samverka[nt]?|samarbete[t]?|samarbeta)\s+med\s+kommunen\b", re.I)
_TO_KOMMUN = re.compile(r"\b(?:samverka[nt]?|samarbete[t]?|samarbeta)\s+med\s+regionen\b", re.I)
_MIN_REPEAT_WORDS = 5

#: Header keywords → question, most specific first (Q5's text also says "överenskommelsen").
_QUESTION_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("avvikelse", "Q5"),
    ("goda exempel", "Q3"),
    ("svårighet", "Q4"),
    ("utmaning", "Q4"),
    ("samverkansstruktur", "Q2"),
    ("struktur", "Q2"),
    ("överenskommelse", "Q1"),
    ("lök", "Q1"),
    ("övrigt", "Q6"),
)


@dataclass(frozen=True)
class Para:
    """One paragraph of a table cell and where it stands in the file."""

    text: str
    location: str


@dataclass(frozen=True)
class TableRow:
    """A kommun row of a survey table, as written: the kommun cell and one cell per question."""

    kommun: str
    has_region: bool
    cells: tuple[tuple[Para, ...], ...]
    location: str


@dataclass(frozen=True)
class SurveyTable:
    """A survey table: the question header texts and the kommun rows."""

    questions: tuple[str, ...]
    rows: tuple[TableRow, ...]


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


def table_survey(table: SurveyTable, *, source: str, title: str) -> Survey:
    """The `Survey` of a survey table: kommuner resolved, answers split by respondent.

    Raises `UnknownNameError` (with the row's location and the closest names) for a kommun
    cell that names no kommun.
    """
    questions = question_ids(table.questions)
    resolved: list[Kommun] = []
    for row in table.rows:
        place = row.location.replace("line", "rad")  # the evidence says "line 4"
        resolved.append(find_kommun(row.kommun, where=f"{source}, {place}, kolumn 1"))
    repeated = _repeated_blocks(table.rows, resolved)
    answers: list[Answer] = []
    for row, kommun in zip(table.rows, resolved, strict=True):
        answers.extend(
            row_answers(
                kommun.name,
                row.has_region,
                row.cells,
                questions=questions,
                source=source,
                region=region_for_kommun(kommun).name,
                repeated=repeated,
            )
        )
    surveyed = list(dict.fromkeys(k.name for k in resolved))
    answered = {a.kommun for a in answers}
    regions = {region_for_kommun(k).name for k in resolved}
    return Survey(
        source=source,
        title=title,
        answers=tuple(answers),
        surveyed=tuple(surveyed),
        non_respondents=tuple(k for k in surveyed if k not in answered),
        region=regions.pop() if len(regions) == 1 else None,
    )


def row_answers(
    kommun: str,
    has_region: bool,
    cells: Sequence[Sequence[Para]],
    *,
    questions: Sequence[str | None],
    source: str,
    region: str,
    repeated: Iterable[str] = frozenset(),
) -> list[Answer]:
    """The answers of one kommun row: cells in question order, each a list of paragraphs.

    ``has_region`` says the region answered in the same cells; ``region`` is its name;
    ``repeated`` holds folded block texts that stand in more than one kommun's cells (see
    `_repeated_blocks`). The rule is in the module docstring.

    >>> cells = [
    ...     [Para("Vi har en antagen LÖK.", "line 3"), Para("Vi har läst den.", "line 4")],
    ...     [Para("Styrgruppen möts varje månad.", "line 5"), Para("Vi deltar.", "line 6")],
    ... ]
    >>> answers = row_answers("Kil", True, cells, questions=["Q1", "Q2"], source="enkat.txt",
    ...                       region="Region Värmland")
    >>> [(a.question, a.respondent, a.text) for a in answers][:2]
    [('Q1', 'Kil', 'Vi har en antagen LÖK.'), ('Q1', 'Region Värmland', 'Vi har läst den.')]
    """
    repeated = set(repeated)
    answers: list[Answer] = []
    cell_blocks = [split_blocks([p for p in cell if p.text]) for cell in cells]
    answered = [b for b in cell_blocks if b]
    two_blocks = sum(len(b) == 2 for b in answered)
    split_row = two_blocks > 0 and 3 * two_blocks >= len(answered)
    for question, blocks in zip(questions, cell_blocks, strict=False):
        if not blocks:
            continue
        if not has_region:
            owners: list[str | None] = [kommun] * len(blocks)
        else:
            owners = [_evidence(b, kommun, region, repeated) for b in blocks]
            if split_row and len(blocks) == 2:
                owners = [owners[0] or kommun, owners[1] or region]
        for owner, group in _merge(blocks, owners):
            answers.append(
                Answer(
                    source=source,
                    kommun=kommun,
                    question=question,
                    text="\n".join(p.text for p in group),
                    respondent=owner,
                    location=group[0].location,
                )
            )
    return answers


def split_blocks(paras: Sequence[Para]) -> list[list[Para]]:
    """Group a cell's paragraphs into blocks that belong together (rules: module docstring)."""
    blocks: list[list[Para]] = []
    for i, para in enumerate(paras):
        following = paras[i + 1].text if i + 1 < len(paras) else None
        if blocks and _continues(blocks[-1], para.text, following):
            blocks[-1].append(para)
        else:
            blocks.append([para])
    return blocks


def question_ids(headers: Sequence[str]) -> list[str | None]:
    """The question id of each header: its number (``3. Beskriv…`` → ``Q3``), else its
    keywords (`guess_question`), else its position."""
    result: list[str | None] = []
    for position, header in enumerate(headers, start=1):
        match = re.match(r"\s*(\d{1,2})\s*[.)]", header)
        found = f"Q{match.group(1)}" if match else guess_question(header)
        if found not in QUESTIONS or found in result:
            found = f"Q{position}" if f"Q{position}" not in result else None
        result.append(found)
    return result


def guess_question(header: str) -> str | None:
    """The question a header's words point to, or None.

    >>> guess_question("I vilken utsträckning förekommer rapportering av avvikelser?")
    'Q5'
    >>> guess_question("Har ni tecknat en lokal överenskommelse?")
    'Q1'
    """
    folded = header.casefold()
    for keyword, question in _QUESTION_KEYWORDS:
        if keyword in folded:
            return question
    return None


def clean_paragraph(text: str) -> str:
    """A paragraph without Word artefacts (``[bookmark: _GoBack]``) and outer whitespace."""
    return _ARTEFACT.sub("", text).replace("\ufeff", "").strip()


def _continues(block: list[Para], text: str, following: str | None) -> bool:
    """Whether a paragraph goes on with the block before it rather than starting a new one."""
    previous = block[-1].text
    if previous.endswith(_CONTINUES):
        return True
    if _LIST_ITEM.match(text) and (_LIST_ITEM.match(previous) or _is_heading(previous)):
        return True
    if _is_heading(text) and _LIST_ITEM.match(previous):
        return following is not None and bool(_LIST_ITEM.match(following))
    return bool(_NUMBERED.match(text)) and any(_NUMBERED.match(p.text) for p in block)


def _is_heading(text: str) -> bool:
    return (
        len(text.split()) <= 2 and not text.endswith((".", "!", "?")) and not _LIST_ITEM.match(text)
    )


def _evidence(block: list[Para], kommun: str, region: str, repeated: set[str]) -> str | None:
    text = "\n".join(p.text for p in block)
    if _fold(text) in repeated:
        return region
    to_region, to_kommun = _TO_REGION.search(text), _TO_KOMMUN.search(text)
    if to_region and not to_kommun:
        return region
    if to_kommun and not to_region:
        return kommun
    return None


def _merge(
    blocks: list[list[Para]], owners: list[str | None]
) -> list[tuple[str | None, list[Para]]]:
    merged: list[tuple[str | None, list[Para]]] = []
    for owner, block in zip(owners, blocks, strict=True):
        if merged and merged[-1][0] == owner:
            merged[-1][1].extend(block)
        else:
            merged.append((owner, list(block)))
    return merged


def _repeated_blocks(rows: Sequence[TableRow], kommuner: Sequence[Kommun]) -> set[str]:
    """Folded block texts that stand in the same question's cell of two or more kommuner."""
    seen: dict[tuple[int, str], set[str]] = defaultdict(set)
    for row, kommun in zip(rows, kommuner, strict=True):
        for column, cell in enumerate(row.cells):
            for block in split_blocks([p for p in cell if p.text]):
                folded = _fold("\n".join(p.text for p in block))
                if len(folded.split()) >= _MIN_REPEAT_WORDS:
                    seen[(column, folded)].add(kommun.name)
    return {text for (_, text), names in seen.items() if len(names) > 1}


def _fold(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(" .!?")


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
