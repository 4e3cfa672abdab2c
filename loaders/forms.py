"""Microsoft Forms exports (``.xlsx``, ``.csv``): one response a row, one question a column.

`load_forms` returns a `FormsResult`, a named tuple ``(survey, notes)``: the `Survey`, and
human-readable notes on what was guessed or found odd (``survey, notes = load_forms(path)``).

**Reading.** ``.xlsx`` is read with openpyxl (read-only, values not formulas), from the
mapping's ``sheet`` or the first sheet. ``.csv`` may be UTF-8, UTF-8 with BOM, UTF-16 (with BOM,
as Excel's "Unicode text" writes it) or cp1252, separated by commas, semicolons or TABs: the
encoding comes from the byte-order mark, else strict UTF-8, else cp1252; the separator from
`csv.Sniffer` on a sample, else the most frequent of TAB, ``;`` and ``,`` in the header line.
Row 1 is the header; rows are numbered as a spreadsheet shows them, columns by letter.

**The mapping** (YAML file, or the same as a dict; see ``loaders/forms_mapping.example.yaml``)::

    kommun: Kommun              # required unless guessable: header text or column letter
    respondent: Svarar för      # optional: a column saying who answered (kommun or region)
    region: Värmlands län       # optional: the län or region surveyed
    sheet: Blad1                # optional, .xlsx only
    questions:                  # optional: Q1..Q6 → header text (or its unique start) or letter
      Q1: C                     # when given, only the columns listed here are read
      Q2: Hur ser er samverkansstruktur ut

A column is found by its header (case and spacing folded), else by its letter, else by a
unique header that starts with the text given.

**Guessing** what the mapping does not say: the kommun column is the one whose header
contains "kommun"; the respondent column one whose header says "respondent", "svarande",
"huvudman" or "organisation"; questions by keywords ("avvikelse" → Q5, "goda exempel" → Q3,
"svårigheter"/"utmaningar" → Q4, "samverkansstruktur"/"struktur" → Q2, "överenskommelse" →
Q1, "övrigt" → Q6), else by a leading number (``3. …``). Each guess is a note. Forms'
metadata columns (ID, Starttid, Sluttid, E-post, Namn, Senast ändrad and their English
names) are never read: a person's name or e-mail never enters an `Answer`, and a mapping that
points at them is refused.

**Respondent.** Without a respondent column every answer is the kommun's. With one, a value
naming a region (``Region Värmland``, ``Region``) makes the row the region's, a kommun name
that kommun's; anything else leaves it None (with a note that does not repeat the value).
A region named in the kommun column itself (``Region Värmland``) is the region answering
about no one kommun: its answers have ``kommun`` None and the region as respondent.

**Coverage.** ``surveyed`` is the mapping's län's kommuner when ``region`` is given, else the
kommuner that appear; ``non_respondents`` the surveyed kommuner without a non-empty answer.
A kommun (with the same respondent) on two rows is kept twice, both rows' answers with their
own locations, and noted.

Errors are `InputError` with file, row and column: empty file, undecodable bytes, no kommun
column (the headers seen are listed), a row with answers but no kommun; an unknown kommun is
an `UnknownNameError` with the closest names.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from lokgraph.errors import InputError, UnknownNameError
from lokgraph.reference import find_kommun, find_region, kommuner_in_lan, region_for_kommun

from .forms_cells import _letter, _paragraphs, _read_rows
from .forms_columns import METADATA_HEADERS, _Columns, read_mapping  # noqa: F401 (re-exported)
from .records import Answer, Survey

__all__ = ["FormsResult", "load_forms", "read_mapping"]


class FormsResult(NamedTuple):
    """What `load_forms` returns: the survey and the notes on guesses and oddities."""

    survey: Survey
    notes: list[str]


def load_forms(
    path: str | Path, mapping: str | Path | Mapping[str, Any] | None = None
) -> FormsResult:
    """Read a Forms export into a `Survey`, guided by ``mapping`` (a YAML file or a dict).

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "svar.csv"
    >>> _ = path.write_text("ID;Namn;Kommun;Övrigt\\n1;Anna A;Kil;Bra möten.\\n", "utf-8")
    >>> survey, notes = load_forms(path)
    >>> [(a.kommun, a.question, a.text, a.location) for a in survey.answers]
    [('Kil', 'Q6', 'Bra möten.', 'row 2, column D')]
    >>> notes[0]
    "gissning: kolumn C 'Kommun' är kommunen"
    """
    path = Path(path)
    config = read_mapping(mapping) if mapping is not None else {}
    mapping_name = Path(mapping).name if isinstance(mapping, str | Path) else "the mapping"
    rows = _read_rows(path, config.get("sheet"))
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        raise InputError(
            "filen är tom: ingen rubrikrad",
            where=f"{path.name}, rad 1, kolumn A",
            fix="Exportera svaren igen",
        )
    headers = [" ".join(h.replace("\ufeff", "").split()) for h in rows[0]]
    if not any(headers):
        raise InputError(
            "rubrikraden är tom",
            where=f"{path.name}, rad 1, kolumn A",
            fix="Behåll rubrikraden som Forms skriver (en fråga per kolumn)",
        )
    notes: list[str] = []
    columns = _Columns(headers, path.name, mapping_name)
    kommun_col = columns.kommun(config.get("kommun"), notes)
    respondent_col = columns.respondent(config.get("respondent"), kommun_col, notes)
    question_cols = columns.questions(config.get("questions"), {kommun_col, respondent_col}, notes)
    region_name = (
        find_region(str(config["region"]), where=f"{mapping_name}, key 'region'").name
        if config.get("region")
        else None
    )

    answers: list[Answer] = []
    seen: dict[tuple[str | None, str | None], list[int]] = {}
    order: list[str] = []
    own_regions: set[str] = set()
    for number, row in enumerate(rows[1:], start=2):
        row = list(row) + [""] * (len(headers) - len(row))
        texts = {col: _paragraphs(row[col]) for col, _ in question_cols}
        raw_kommun = row[kommun_col].strip()
        if raw_kommun.isdigit():  # a kommunkod that a spreadsheet stored as a number
            raw_kommun = raw_kommun.zfill(4)
        if not raw_kommun:
            if any(texts.values()):
                raise InputError(
                    "en rad med svar men utan kommun",
                    where=f"{path.name}, rad {number}, kolumn {_letter(kommun_col)}",
                    fix="Fyll i kommunen, eller ta bort raden",
                )
            continue
        own_region = _region_named(raw_kommun)
        kommun: str | None
        respondent: str | None
        if own_region:  # the region answering for itself, about no one kommun
            kommun, respondent = None, own_region
            own_regions.add(own_region)
        else:
            kommun = find_kommun(
                raw_kommun, where=f"{path.name}, rad {number}, kolumn {_letter(kommun_col)}"
            ).name
            if kommun not in order:
                order.append(kommun)
            respondent = (
                kommun
                if respondent_col is None
                else _respondent(row[respondent_col], kommun, number, respondent_col, notes)
            )
        seen.setdefault((kommun, respondent), []).append(number)
        for col, question in question_cols:
            if texts[col]:
                answers.append(
                    Answer(
                        source=path.name,
                        kommun=kommun,
                        question=question,
                        text=texts[col],
                        respondent=respondent,
                        location=f"row {number}, column {_letter(col)}",
                    )
                )
    for (kommun, respondent), numbers in seen.items():
        if len(numbers) > 1:
            listed = ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"
            notes.append(
                f"{kommun or respondent} answers on rows {listed} "
                f"(respondent {respondent or 'unknown'}): all kept; delete the rows that should "
                "not count"
            )

    if region_name:
        surveyed = [k.name for k in kommuner_in_lan(region_name)]
        for kommun in order:
            if kommun not in surveyed:
                notes.append(f"{kommun} is not in {region_name}'s län; kept as surveyed")
                surveyed.append(kommun)
    else:
        surveyed = order
        regions = {region_for_kommun(find_kommun(k)).name for k in order} | own_regions
        region_name = regions.pop() if len(regions) == 1 else None
    answered = {a.kommun for a in answers}
    survey = Survey(
        source=path.name,
        title=path.stem,
        answers=tuple(answers),
        surveyed=tuple(surveyed),
        non_respondents=tuple(k for k in surveyed if k not in answered),
        region=region_name,
    )
    return FormsResult(survey, notes)


def _region_named(value: str) -> str | None:
    """The region a cell names ("Region Värmland", "Värmlands län"), or None."""
    folded = value.casefold()
    if not (folded.startswith("region") or folded.endswith(" län")):
        return None
    try:
        return find_region(value).name
    except UnknownNameError:
        return None


def _respondent(value: str, kommun: str, row: int, col: int, notes: list[str]) -> str | None:
    value = value.strip()
    if not value:
        return kommun
    if value.casefold().startswith("region") or value.casefold().endswith(" län"):
        return _region_named(value) or region_for_kommun(find_kommun(kommun)).name
    try:
        return find_kommun(value).name
    except UnknownNameError:
        notes.append(
            f"rad {row}, kolumn {_letter(col)}: den som svarat är varken en kommun eller en "
            "region; lämnas tom"
        )
        return None
