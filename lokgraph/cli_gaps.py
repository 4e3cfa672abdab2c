"""What `lokgraph gaps` prints in a terminal: a summary, one line per kommun, or for one kommun
every gap with its quote.

The summary is plain text with its columns measured once, so it takes the same time for 290
kommuner as writing the lines does; the gaps of one kommun are few enough for a rich table.

>>> from queries.gap import Gap
>>> gaps = [Gap(kind="no_answer", kommun="Orsa", detail="x"),
...         Gap(kind="lok_status", kommun="Mora", detail="y"),
...         Gap(kind="lok_status", kommun="Orsa", detail="z")]
>>> print(summary_text(gaps, ("lok_status", "no_answer")))
kommun  LÖK  svar  totalt
Mora      1     –       1
Orsa      1     1       2
<BLANKLINE>
3 luckor i 2 kommuner.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from queries.catalog import CATALOG
from queries.gap import Gap, sv_key

from .sv import antal, tal

__all__ = ["ALL_AREA", "summary_text", "total_line"]

ALL_AREA = "Hela området"  # the row of gaps that are about no single kommun
_SHORT = {entry.name: entry.short_sv for entry in CATALOG}


def summary_text(gaps: Sequence[Gap], kinds: Iterable[str]) -> str:
    """A table of how many gaps of each kind every kommun has, and the total line."""
    kinds = tuple(kinds)
    counts: dict[str, Counter[str]] = {}
    for gap in gaps:
        counts.setdefault(gap.kommun or "", Counter())[gap.kind] += 1
    order = sorted((k for k in counts if k), key=sv_key) + ([""] if "" in counts else [])
    header = ["kommun", *(_SHORT[k] for k in kinds), "totalt"]
    rows = [
        [
            kommun or ALL_AREA,
            *(tal(counts[kommun][k]) if counts[kommun][k] else "–" for k in kinds),
            tal(sum(counts[kommun].values())),
        ]
        for kommun in order
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [_line(row, widths) for row in [header, *rows]]
    return "\n".join([*lines, "", total_line(gaps)])


def _line(row: list[str], widths: list[int]) -> str:
    """The name left-aligned, the counts right-aligned under their headings."""
    cells = [row[0].ljust(widths[0])]
    cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
    return "  ".join(cells).rstrip()


def total_line(gaps: Sequence[Gap]) -> str:
    """'12 luckor i 5 kommuner och hela området.'"""
    places = {gap.kommun or "" for gap in gaps}
    kommuner = len(places - {""})
    where = antal(kommuner, "kommun", "kommuner")
    if "" in places:
        where = f"{where} och hela området" if kommuner else "hela området"
    return f"{antal(len(gaps), 'lucka', 'luckor')} i {where}."
