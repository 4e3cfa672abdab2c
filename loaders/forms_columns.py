"""Microsoft Forms exports: the mapping and the columns it names or that are guessed.

See `loaders.forms` for the mapping's keys and how a column is found or guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from lokgraph.errors import InputError

from .forms_cells import _column_index, _letter
from .records import QUESTIONS
from .safe_yaml import check_size, load_yaml
from .survey_dump import guess_question
from .sv_errors import sv_yaml_problem
from .text import read_text

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
