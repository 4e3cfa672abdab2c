"""The table-to-answers rules every table loader shares (a Word text dump, a ``.docx``).

A survey table as paragraphs, rows and cells; the question ids of its headers; and whose each
paragraph is (kommun or region). The rules are written out in the docstring of
`loaders.survey_dump`, which re-exports every public name here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lokgraph.reference import Kommun, find_kommun, region_for_kommun

from .records import QUESTIONS, Answer, Survey

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
