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

import csv
import io
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from lokgraph.errors import InputError, UnknownNameError
from lokgraph.reference import find_kommun, find_region, kommuner_in_lan, region_for_kommun

from .records import QUESTIONS, Answer, Survey
from .safe_yaml import check_size, load_yaml
from .survey_dump import clean_paragraph, guess_question
from .sv_errors import sv_yaml_problem
from .text import read_text

__all__ = ["FormsResult", "load_forms", "read_mapping"]

#: Forms' own columns (Swedish and English exports), folded: never read, never guessed.
METADATA_HEADERS = frozenset(
    {
        "id",
        "starttid",
        "sluttid",
        "e-post",
        "epost",
        "e-postadress",
        "namn",
        "senast ändrad",
        "senaste ändringstid",
        "tid för slutförande",
        "slutförandetid",
        "start time",
        "completion time",
        "email",
        "e-mail",
        "name",
        "last modified time",
        "total poäng",
        "total points",
        "quiz feedback",
    }
)
_PERSONAL = frozenset({"e-post", "epost", "e-postadress", "namn", "email", "e-mail", "name"})
_RESPONDENT_WORDS = ("respondent", "svarande", "huvudman", "organisation")
_MAPPING_KEYS = frozenset({"kommun", "respondent", "region", "sheet", "questions"})
_DELIMITERS = ("\t", ";", ",")


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


def read_mapping(mapping: str | Path | Mapping[str, Any]) -> dict[str, Any]:
    """A mapping file (YAML) or dict, checked: known keys, questions Q1..Q6, text values."""
    name = "the mapping"
    if isinstance(mapping, str | Path):
        name = Path(mapping).name
        try:
            check_size(mapping)
            loaded = load_yaml(read_text(mapping).text, name=name)
        except yaml.YAMLError as err:
            line = getattr(getattr(err, "problem_mark", None), "line", None)
            raise InputError(
                "mappningsfilen är inte giltig YAML: "
                + sv_yaml_problem(getattr(err, "problem", None) or str(err)),
                where=f"{name}, rad {line + 1}" if line is not None else name,
                fix="Se loaders/forms_mapping.example.yaml",
            ) from err
    else:
        loaded = dict(mapping)
    if not isinstance(loaded, dict):
        raise InputError(
            "en mappning ska bestå av rader 'nyckel: värde'",
            where=name,
            fix="Se loaders/forms_mapping.example.yaml",
        )
    unknown = sorted(set(loaded) - _MAPPING_KEYS)
    if unknown:
        raise InputError(
            f"okänd nyckel {unknown[0]!r}",
            where=name,
            fix="Använd " + ", ".join(sorted(_MAPPING_KEYS)),
        )
    questions = loaded.get("questions") or {}
    if not isinstance(questions, dict) or any(q not in QUESTIONS for q in questions):
        raise InputError(
            "'questions' ska para ihop Q1..Q6 med kolumner"
            + (
                f", inte {next(iter(set(questions) - set(QUESTIONS)))!r}"
                if isinstance(questions, dict)
                else ""
            ),
            where=f"{name}, nyckeln 'questions'",
            fix="Skriv till exempel 'Q2: D' eller 'Q2: Hur ser er samverkansstruktur ut'",
        )
    config = {k: v for k, v in loaded.items() if v is not None and k != "questions"}
    config = {k: str(v) for k, v in config.items()}
    config["questions"] = {q: str(v) for q, v in questions.items() if v is not None}
    return config


class _Columns:
    """Finds columns by mapping reference or by guessing from the headers."""

    def __init__(self, headers: list[str], file_name: str, mapping_name: str) -> None:
        self.headers = headers
        self.file_name = file_name
        self.mapping_name = mapping_name
        self.folded = [h.casefold() for h in headers]

    def describe(self, col: int) -> str:
        return f"kolumn {_letter(col)} {self.headers[col]!r}"

    def usable(self, col: int) -> bool:
        return bool(self.headers[col]) and self.folded[col] not in METADATA_HEADERS

    def find(self, ref: str, key: str) -> int:
        wanted = " ".join(ref.split()).casefold()
        where = f"{self.mapping_name}, key {key!r}"
        col = next((i for i, h in enumerate(self.folded) if h == wanted), None)
        if col is None and re.fullmatch(r"[A-Za-z]{1,3}", ref.strip()):
            index = _column_index(ref.strip())
            col = index if index < len(self.headers) else None
        if col is None:
            starts = [i for i, h in enumerate(self.folded) if wanted and h.startswith(wanted)]
            col = starts[0] if len(starts) == 1 else None
        if col is None:
            raise InputError(
                f"ingen kolumn {ref!r} i {self.file_name}",
                where=where,
                fix="Ange en rubrik eller en kolumnbokstav; rubrikerna är " + self._listing(),
            )
        if self.folded[col] in _PERSONAL:
            raise InputError(
                f"{self.describe(col)} innehåller personnamn eller e-postadresser",
                where=where,
                fix="Ange kommunen och frågorna, aldrig en persons namn eller e-post",
            )
        return col

    def kommun(self, ref: str | None, notes: list[str]) -> int:
        if ref:
            return self.find(ref, "kommun")
        candidates = [
            i
            for i, h in enumerate(self.folded)
            if self.usable(i) and "kommun" in h and guess_question(h) is None
        ]
        if not candidates:
            raise InputError(
                "ingen kommunkolumn: ingen rubrik innehåller 'kommun'",
                where=f"{self.file_name}, rad 1",
                fix="Ange kommunkolumnen i en mappningsfil (kommun: <rubrik eller bokstav>, "
                "med --mapping); rubrikerna är " + self._listing(),
            )
        exact = [i for i in candidates if self.folded[i] == "kommun"]
        col = (exact or candidates)[0]
        notes.append(f"gissning: {self.describe(col)} är kommunen")
        return col

    def respondent(self, ref: str | None, kommun_col: int, notes: list[str]) -> int | None:
        if ref:
            return self.find(ref, "respondent")
        for i, h in enumerate(self.folded):
            if i != kommun_col and self.usable(i) and any(w in h for w in _RESPONDENT_WORDS):
                notes.append(
                    f"gissning: {self.describe(i)} säger vem som svarade (kommun eller region)"
                )
                return i
        return None

    def questions(
        self, refs: Mapping[str, str] | None, taken: set[int | None], notes: list[str]
    ) -> list[tuple[int, str]]:
        if refs:
            found = [(self.find(ref, q), q) for q, ref in refs.items()]
            return sorted(found)
        found = []
        for i, header in enumerate(self.headers):
            if i in taken or not self.usable(i):
                continue
            question = guess_question(header)
            if question is None:
                match = re.match(r"\s*(\d{1,2})\s*[.)]", header)
                question = f"Q{match.group(1)}" if match else None
            if question not in QUESTIONS:
                notes.append(
                    f"hoppades över: {self.describe(i)} är ingen av frågorna "
                    "(ange den under 'questions' i en mappningsfil för att läsa den)"
                )
                continue
            if any(q == question for _, q in found):
                notes.append(f"gissning: {self.describe(i)} är också {question}")
            else:
                notes.append(f"gissning: {self.describe(i)} är {question}")
            found.append((i, question))
        return found

    def _listing(self) -> str:
        return ", ".join(f"{_letter(i)} {h!r}" for i, h in enumerate(self.headers) if h) or "(inga)"


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
