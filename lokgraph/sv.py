"""Swedish wording the command line shares: counts with the right singular or plural.

>>> antal(1, "lucka", "luckor")
'1 lucka'
>>> antal(3, "lucka", "luckor")
'3 luckor'
>>> antal(0, "kommun", "kommuner")
'0 kommuner'
>>> antal(1200, "nod", "noder")
'1 200 noder'
"""

from __future__ import annotations

__all__ = ["antal", "tal"]


def tal(n: int) -> str:
    """A whole number as Swedes write it, with a space between thousands (`12 345`)."""
    return f"{n:,}".replace(",", " ")


def antal(n: int, singular: str, plural: str) -> str:
    """`n` and the noun, singular for exactly one and plural otherwise (also for 0)."""
    return f"{tal(n)} {singular if n == 1 else plural}"
