"""One way in for every survey format: pick the loader by the file's extension and content."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lokgraph.errors import InputError

from .docx_survey import load_survey_docx
from .forms import load_forms
from .records import Survey
from .survey_dump import _dump_survey, looks_like_dump
from .text import load_text, read_text

__all__ = ["SUPPORTED", "load_survey"]

#: Extensions `load_survey` reads, and what it reads them as.
SUPPORTED: dict[str, str] = {
    ".txt": "textdump av en Word-tabell, eller en fritext om en kommun",
    ".docx": "Word-dokument med en enkättabell",
    ".xlsx": "export från Microsoft Forms",
    ".csv": "export från Microsoft Forms",
}


def load_survey(
    path: str | Path,
    *,
    kommun: str | None = None,
    mapping: str | Path | Mapping[str, Any] | None = None,
    notes: list[str] | None = None,
) -> Survey:
    """Read any supported survey file into a `Survey`.

    ``.txt`` with the TAB-cell structure of a Word table dump → `load_survey_dump`; other
    ``.txt`` → `load_text` (``kommun`` says whose document it is); ``.docx`` →
    `load_survey_docx`; ``.xlsx`` and ``.csv`` → `load_forms` (with ``mapping``). Pass a list
    as ``notes`` to receive what the Forms loader guessed or found odd. Raises `InputError`
    for an extension not in `SUPPORTED`.
    """
    path = Path(path)
    suffix = path.suffix.casefold()
    if suffix == ".txt":
        decoded = read_text(path)
        if notes is not None:
            notes.extend(decoded.notes)  # what was doubtful in the text (loaders.text_quality)
        if looks_like_dump(decoded.text):
            return _dump_survey(decoded.text, path)
        return load_text(path, kommun=kommun)
    if suffix == ".docx":
        return load_survey_docx(path)
    if suffix in {".xlsx", ".csv"}:
        survey, found = load_forms(path, mapping)
        if notes is not None:
            notes.extend(found)
        return survey
    raise InputError(
        f"lokgraph kan inte läsa {suffix + '-filer' if suffix else 'filer utan filändelse'}",
        where=path.name,
        fix="Enkäter kan vara " + ", ".join(f"{ext} ({what})" for ext, what in SUPPORTED.items()),
    )
