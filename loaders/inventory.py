"""LÖK inventory sheets: one row per kommun, a column per RÖK area saying Ja, Nej or nothing.

A Forms export or a sheet kept by hand (``.csv`` in any of the encodings `loaders.forms`
reads, or ``.xlsx``). The header names the kommun column ("Kommun") and one column per area
("Missbruk", "Psykisk funktionsnedsättning", "Barn och unga"; the words are in
``lokgraph/data/changes.yaml``). Beside an area's column, optional columns give the LÖK's date
("Barn och unga tecknad") and how long it is valid ("Barn och unga giltig till"). A row whose
kommun cell is "RÖK" gives the regional agreements' own dates in the same columns, so the mean
time from RÖK to LÖK and the LÖKs outlasting their RÖK can be worked out.

Each Ja becomes the kommun's LÖK for that area with status ``in_force``, each Nej one with
status ``none``, an empty cell ("Svar saknas") nothing; every kommun of the sheet is recorded as
asked on the inventory's Source node (``kind: inventory``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lokgraph.codes import AREA_NAMES
from lokgraph.diff import change_words
from lokgraph.entities import agreement_structure, kommun_id, kommun_structure
from lokgraph.errors import InputError
from lokgraph.from_facts import source_id
from lokgraph.models import Agreement, Evidence, Source, Structure
from lokgraph.reference import find_kommun, region_for_kommun

from .forms import _read_rows

__all__ = ["INVENTORY_SUFFIXES", "is_inventory_sheet", "load_inventory"]

INVENTORY_SUFFIXES = (".csv", ".xlsx", ".xlsm")
_ANSWERS = ("ja", "nej", "saknas")


def _words() -> dict:
    return change_words()["inventory"]


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("_", " ").split())


def _column_roles(header: list[str]) -> tuple[int | None, dict[int, tuple[str, str]]]:
    """The kommun column, and per other column its (area, role): answer, signed or valid_to."""
    words = _words()
    kommun = None
    roles: dict[int, tuple[str, str]] = {}
    for i, cell in enumerate(header):
        text = _fold(cell)
        area = next(
            (a for a, names in words["areas"].items() if any(n in text for n in names)), None
        )
        if area is None:
            if kommun is None and any(w in text for w in words["kommun"]):
                kommun = i
            continue
        role = "answer"
        if any(w in text for w in words["valid_to"]):
            role = "valid_to"
        elif any(w in text for w in words["signed"]):
            role = "signed"
        roles[i] = (area, role)
    return kommun, roles


def is_inventory_sheet(path: Path | str) -> bool:
    """A sheet with a kommun column and area columns whose answers are (mostly) Ja / Nej."""
    path = Path(path)
    if path.suffix.casefold() not in INVENTORY_SUFFIXES:
        return False
    try:
        rows = _read_rows(path, None)
    except (InputError, OSError):
        return False
    if len(rows) < 2:
        return False
    kommun, roles = _column_roles(rows[0])
    answers = [i for i, (_, role) in roles.items() if role == "answer"]
    if kommun is None or not answers:
        return False
    cells = [_fold(row[i]) for row in rows[1:] for i in answers if i < len(row)]
    given = [c for c in cells if c]
    # most answers are Ja / Nej: an inventory (a stray word is then an error that names it)
    good = sum(_answer(c) is not None for c in given)
    return bool(given) and good >= 0.8 * len(given)


def _answer(cell: str) -> str | None:
    words = _words()
    if cell in words["said_nothing"]:
        return "saknas"
    if cell in words["said_yes"]:
        return "ja"
    if cell in words["said_no"]:
        return "nej"
    return None


def _date(cell: str, where: str) -> dt.date | None:
    text = cell.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as err:
        raise InputError(
            f"datumet {text!r} går inte att läsa",
            where=where,
            fix="Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2021-03-01, eller lämna cellen tom",
        ) from err


def load_inventory(path: Path | str, *, title: str | None = None) -> Structure:
    """The LÖKs of an inventory sheet as a structure: one Source, a LÖK per Ja or Nej."""
    path = Path(path)
    rows = _read_rows(path, None)
    if not rows:
        raise InputError("arket är tomt", where=path.name, fix="Exportera inventeringen igen")
    kommun_col, roles = _column_roles(rows[0])
    if kommun_col is None or not roles:
        raise InputError(
            "arket har ingen kommunkolumn eller inga kolumner per område",
            where=f"{path.name}, rad 1",
            fix="Ge kolumnerna rubrikerna Kommun, Missbruk, Psykisk funktionsnedsättning och "
            "Barn och unga",
        )
    words = _words()
    source = Source(
        id=source_id(str(path)),
        name=title or f"LÖK-inventering ({path.name})",
        kind="inventory",
        path=path.name,
    )
    nodes: list = []
    rels: list = []
    asked: list[str] = []
    replied: set[str] = set()
    rok_dates: dict[str, dict[str, dt.date | None]] = {}
    for number, row in enumerate(rows[1:], start=2):
        cell = row[kommun_col].strip() if kommun_col < len(row) else ""
        if not cell:
            continue
        values = _row_values(row, roles, f"{path.name}, rad {number}")
        if _fold(cell) in words["rok_row"]:
            for area, got in values.items():
                rok_dates[area] = got
            continue
        where = f"{path.name}, rad {number}"
        kommun = find_kommun(cell, where=where)
        asked.append(kommun.name)
        place = kommun_structure(kommun)
        nodes.extend(place.nodes)
        rels.extend(place.relationships)
        for area, got in values.items():
            answer = got.get("answer")
            if answer not in ("ja", "nej"):
                continue
            replied.add(kommun_id(kommun))
            label = words["answers"][answer]
            quote = f"{kommun.name}, LÖK {AREA_NAMES[area]}: {label}"
            said = (Evidence(source=source.id, quote=quote, respondent=kommun.name),)
            _, lok = agreement_structure(
                kommun, area, "in_force" if answer == "ja" else "none", evidence=said
            )
            for node in lok.nodes:
                if isinstance(node, Agreement) and node.kind == "LOK":
                    node = node.model_copy(
                        update={"valid_from": got.get("signed"), "valid_to": got.get("valid_to")}
                    )
                nodes.append(node)
            rels.extend(lok.relationships)
    if not asked:
        raise InputError(
            "arket har inga kommuner", where=path.name, fix="En rad per kommun, under rubrikerna"
        )
    nodes.extend(_roks(asked, rok_dates, source.id))
    surveyed = tuple(sorted({kommun_id(find_kommun(k)) for k in asked}))
    source = source.model_copy(update={"surveyed": surveyed, "answered": tuple(sorted(replied))})
    return Structure(nodes=(source, *nodes), relationships=tuple(rels))


def _row_values(row: list[str], roles: dict[int, tuple[str, str]], where: str) -> dict:
    values: dict[str, dict] = {}
    for i, (area, role) in roles.items():
        cell = row[i] if i < len(row) else ""
        slot = values.setdefault(area, {})
        if role == "answer":
            answer = _answer(_fold(cell))
            if answer is None and cell.strip():
                raise InputError(
                    f"svaret {cell.strip()!r} är varken Ja, Nej eller tomt",
                    where=where,
                    fix="Skriv Ja eller Nej, eller lämna cellen tom när svar saknas",
                )
            slot["answer"] = answer
        else:
            slot[role] = _date(cell, where)
    return values


def _roks(asked: list[str], dates: dict[str, dict], source: str) -> list[Agreement]:
    """The RÖK of each area with the dates of the sheet's RÖK row (when it has one)."""
    found = []
    regions = {region_for_kommun(find_kommun(k)).name for k in asked}
    for area, got in sorted(dates.items()):
        for region in sorted(regions):
            kommun = next(k for k in asked if region_for_kommun(find_kommun(k)).name == region)
            _, lok = agreement_structure(find_kommun(kommun), area)
            rok = next(n for n in lok.nodes if isinstance(n, Agreement) and n.kind == "ROK")
            quote = f"RÖK {AREA_NAMES[area]}, {region}"
            found.append(
                rok.model_copy(
                    update={
                        "valid_from": got.get("signed"),
                        "valid_to": got.get("valid_to"),
                        "status": "in_force",
                        "evidence": (Evidence(source=source, quote=quote),),
                    }
                )
            )
    return found
