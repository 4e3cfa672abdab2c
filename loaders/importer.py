"""From a file on disk to a structure: picks the loader, runs the extractor, names the source.

The command line calls this for `import` and `extract`; it returns data and never writes a
store, so the caller decides what to retract and merge.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lokgraph.errors import InputError
from lokgraph.facts import Fact
from lokgraph.from_facts import facts_to_structure, source_id, survey_source
from lokgraph.models import Structure
from lokgraph.rounds import file_heading, with_round
from lokgraph.session import structure_of_facts

from .records import Survey
from .survey import load_survey

__all__ = ["Imported", "STRUCTURE_SUFFIXES", "extract_path", "read_path", "readable_title"]

STRUCTURE_SUFFIXES = (".yaml", ".yml")
Progress = Callable[[int, int], None]


@dataclass
class Imported:
    """What one file gives: the structure, the sources it replaces, its facts and notes."""

    structure: Structure
    sources: list[str]
    facts: list[Fact] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: facts the extractor could not place (kept as quotes on their kommun)
    unplaced: int = 0
    #: facts without a kommun or region to stand on (kept as quotes on the source only)
    loose: int = 0


def _survey(path: Path, kommun: str | None, mapping: Path | None) -> tuple[Survey, list[str]]:
    _require_file(path)
    notes: list[str] = []
    return load_survey(path, kommun=kommun, mapping=mapping, notes=notes), notes


def extract_path(
    path: Path | str,
    *,
    kommun: str | None = None,
    mapping: Path | None = None,
    progress: Progress | None = None,
) -> tuple[list[Fact], Survey, list[str]]:
    """The facts of a survey file, the survey it was read as, and the loader's notes."""
    from .extract import extract_answers

    path = Path(path)
    survey, notes = _survey(path, kommun, mapping)
    survey = _on_region(survey, notes)
    facts = extract_answers(survey.answers, progress=progress, notes=notes)
    return facts, survey, notes


def read_path(
    path: Path | str,
    *,
    kommun: str | None = None,
    mapping: Path | None = None,
    progress: Progress | None = None,
    title: str | None = None,
    date: str | None = None,
) -> Imported:
    """Read any supported file: structure YAML, review sheet, or survey.

    `title` and `date` name the source as reports cite it; without a title, a survey's own
    title is used when it has one, else a readable one is made (see `readable_title`). Each
    source in the structure is in its default survey round (its date, or a year in its title
    or in the file's first line); ``Store.merge(..., round=...)`` puts it in another.
    """
    imported = _read(Path(path), kommun, mapping, progress, title, date)
    heading = file_heading(Path(path))
    imported.structure = with_round(imported.structure, None, heading=heading)
    return imported


def _read(
    path: Path,
    kommun: str | None,
    mapping: Path | None,
    progress: Progress | None,
    title: str | None,
    date: str | None,
) -> Imported:
    _require_file(path)
    if path.suffix.lower() in STRUCTURE_SUFFIXES:
        from .curated import load_structure_file

        return Imported(load_structure_file(path), [source_id(str(path))])
    from .inventory import is_inventory_sheet, load_inventory

    if is_inventory_sheet(path):
        return Imported(load_inventory(path), [source_id(str(path))])
    from .review import is_review_sheet, read_review

    if path.suffix.lower() in (".csv", ".xlsx") and is_review_sheet(path):
        facts = read_review(path)
        structure, sources = structure_of_facts(facts, kind="review", title=title, date=date)
        return Imported(structure, sources, facts)
    facts, survey, notes = extract_path(path, kommun=kommun, mapping=mapping, progress=progress)
    _require_owner(path, survey)
    answered = sorted({a.kommun for a in survey.answers if a.kommun and a.text.strip()})
    source, structure = survey_source(
        path=str(path),
        title=title or readable_title(survey, path),
        surveyed=survey.surveyed or answered,
        answered=answered,
        date=date,
    )
    placed = facts_to_structure(facts, source=source)
    structure += placed
    loose = len(placed.nodes[0].evidence) if placed.nodes else 0
    unplaced = sum(1 for f in facts if f.kind == "unplaced")
    return Imported(structure, [source.id], facts, notes, unplaced=unplaced, loose=loose)


def readable_title(survey: Survey, path: Path) -> str:
    """The survey's title, unless it is only the file's name; then what it is and where.

    >>> from loaders.records import Survey
    >>> s = Survey(source="000_06d6.txt", title="000_06d6", answers=(),
    ...            surveyed=("Leksand", "Orsa"))
    >>> readable_title(s, Path("000_06d6.txt"))
    'Enkät till 2 kommuner i Dalarnas län'
    >>> readable_title(s.model_copy(update={"title": "Uppföljning LÖK 2024"}), Path("x.txt"))
    'Uppföljning LÖK 2024'
    """
    from lokgraph.reference import find_kommun
    from lokgraph.sv import antal

    if survey.title and survey.title not in (path.stem, path.name):
        return survey.title
    kommuner = sorted({a.kommun for a in survey.answers if a.kommun} | set(survey.surveyed))
    lans = sorted({find_kommun(k).lan for k in kommuner})
    if len(kommuner) == 1:
        return f"Text om {kommuner[0]}"
    where = f" i {lans[0]}" if len(lans) == 1 else ""
    if kommuner:
        return f"Enkät till {antal(len(kommuner), 'kommun', 'kommuner')}{where}"
    return f"Text om {survey.region}" if survey.region else path.name


def _require_file(path: Path) -> None:
    """A missing path or a folder is an OS error, which the command line words in Swedish."""
    if not path.exists():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))


def _on_region(survey: Survey, notes: list[str]) -> Survey:
    """A text about a region (a `Region X` heading, no kommun): its facts stand on the region."""
    if not survey.region or any(a.kommun for a in survey.answers):
        return survey
    answers = tuple(
        a if a.respondent else a.model_copy(update={"respondent": survey.region})
        for a in survey.answers
    )
    notes.append(
        f"texten handlar om {survey.region} och nämner ingen kommun, så uppgifterna sparas "
        "på regionen (ange --kommun om den gäller en kommun)"
    )
    return survey.model_copy(update={"answers": answers})


def _require_owner(path: Path, survey: Survey) -> None:
    """A text whose kommun (or region) cannot be known is refused, not imported half-lost."""
    if any(a.kommun or a.respondent for a in survey.answers) or not survey.answers:
        return
    raise InputError(
        "texten säger inte vilken kommun den handlar om, så dess uppgifter skulle inte "
        "kunna knytas till någon kommun",
        where=path.name,
        fix=f"Ange kommunen med --kommun, till exempel: lokgraph import {path.name} "
        "--kommun Leksand (eller skriv kommunens namn ensamt på textens första rad)",
    )
