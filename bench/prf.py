"""Precision, recall and F1 per fact kind: the numbers and the table the scoring scripts print.

`bench/score_realtext.py` and `bench/score_heldout.py` count, per kind, the keys the extractor
got right (tp), added (fp) and missed (fn); this module turns the counts into a table with a
micro-averaged last row, and into the same numbers for ``--json``.

>>> text, numbers = prf_table({"member": {"tp": 9, "fp": 1, "fn": 2},
...                            "absent": {"tp": 1, "fp": 0, "fn": 0}})
>>> print(text)
kind       tp   fp   fn   prec    rec     f1
member      9    1    2   0.90   0.82   0.86
absent      1    0    0   1.00   1.00   1.00
micro      10    1    2   0.91   0.83   0.87
>>> numbers["micro"]["tp"], round(numbers["member"]["recall"], 3)
(10, 0.818)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["TP_FP_FN", "prf", "prf_table"]

#: the three counts of a kind, in the order tables and JSON show them
TP_FP_FN = ("tp", "fp", "fn")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (1.0 when there is nothing to find or nothing found).

    >>> prf(9, 1, 2)
    (0.9, 0.8181818181818182, 0.8571428571428572)
    >>> prf(0, 0, 0)
    (1.0, 1.0, 1.0)
    """
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def prf_table(
    counts: Mapping[str, Mapping[str, int]], micro: Iterable[str] | None = None, *, width: int = 8
) -> tuple[str, dict[str, dict[str, float]]]:
    """A row per kind of `counts` (kind → tp, fp, fn) and a ``micro`` row over the kinds in
    `micro` (every kind when None), the kind names in a column `width` wide; and kind → its
    counts, precision, recall and f1."""
    summed = set(counts) if micro is None else set(micro)
    lines = [f"{'kind':<{width}}{'tp':>5}{'fp':>5}{'fn':>5}{'prec':>7}{'rec':>7}{'f1':>7}"]
    numbers: dict[str, dict[str, float]] = {}

    def row(kind: str, c: Mapping[str, int]) -> None:
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        numbers[kind] = {"tp": c["tp"], "fp": c["fp"], "fn": c["fn"]}
        numbers[kind].update(precision=p, recall=r, f1=f)
        lines.append(
            f"{kind:<{width}}{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}{p:>7.2f}{r:>7.2f}{f:>7.2f}"
        )

    for kind, c in counts.items():
        row(kind, c)
    row("micro", {key: sum(counts[k][key] for k in counts if k in summed) for key in TP_FP_FN})
    return "\n".join(lines), numbers
