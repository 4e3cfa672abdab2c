"""Swedish wording and order the command line and the pages share: counts with the right
singular or plural, and names sorted as Swedish readers expect.

>>> antal(1, "lucka", "luckor")
'1 lucka'
>>> antal(3, "lucka", "luckor")
'3 luckor'
>>> antal(0, "kommun", "kommuner")
'0 kommuner'
>>> antal(1200, "nod", "noder")
'1 200 noder'
>>> sorted(["Älvdalen", "Orsa", "Åre", "Vansbro"], key=sv_key)
['Orsa', 'Vansbro', 'Åre', 'Älvdalen']
"""

from __future__ import annotations

__all__ = ["antal", "sv_key", "tal"]

# å, ä, ö after z (and in that order); é as e and ü as y, as in Swedish dictionaries
_SV_ORDER = str.maketrans("åäöéü", "{|}ey")


def tal(n: int) -> str:
    """A whole number as Swedes write it, with a space between thousands (`12 345`)."""
    return f"{n:,}".replace(",", " ")


def antal(n: int, singular: str, plural: str) -> str:
    """`n` and the noun, singular for exactly one and plural otherwise (also for 0)."""
    return f"{tal(n)} {singular if n == 1 else plural}"


def sv_key(text: str | None) -> str:
    """A sort key for Swedish names: case folded, å, ä, ö after z; None sorts as "".

    >>> sorted(["öland", "Ekerö", "Åmål", "eda", None], key=sv_key)
    [None, 'eda', 'Ekerö', 'Åmål', 'öland']
    """
    return (text or "").lower().translate(_SV_ORDER)
