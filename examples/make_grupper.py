"""Write grupper.xlsx: a made-up sheet with one row per group and a column per party.

The kommuner are real (lokgraph knows every kommun by name); the groups and answers are
invented for the example. Run: python examples/make_grupper.py [FILE.xlsx]
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook

HEADER = (
    "Kommun",
    "Grupp",
    "Grupptyp",
    "Nivå",
    "BUP",
    "HAB",
    "Elevhälsa",
    "Socialtjänst",
    "Kommentar",
)
ROWS = (
    ("Bollnäs", "Styrgrupp barn och unga", "styrgrupp", "strategisk", "ja", "nej", "ja", "ja", ""),
    (
        "Bollnäs",
        "Konsultationsteam",
        "konsultationsteam",
        "individ",
        "delvis",
        "nej",
        "ja",
        "ja",
        "Vi behöver få med HAB i konsultationsteamet.",
    ),
    ("Ljusdal", "Ledningsgrupp BUS", "ledningsgrupp", "strategisk", "Nej", "nej", "ja", "ja", ""),
    (
        "Ljusdal",
        "Arbetsgrupp tidiga insatser",
        "arbetsgrupp",
        "operativ",
        "nej",
        "",
        "ja",
        "ja",
        "Arbetsgruppen får sitt uppdrag från ledningsgruppen.",
    ),
    (
        "Hudiksvall",
        "Samverkansgrupp",
        "samverkansgrupp",
        "operativ",
        "ja",
        "ja",
        "ja",
        "delvis",
        "",
    ),
)


def write_sheet(path: Path) -> Path:
    """The example sheet at `path` (every cell a plain string, none a formula)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Grupper"
    for row in (HEADER, *ROWS):
        sheet.append(row)
    book.save(path)
    return path


if __name__ == "__main__":
    print(write_sheet(Path(sys.argv[1] if len(sys.argv) > 1 else "grupper.xlsx")))
