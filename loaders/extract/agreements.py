"""Which agreement a sentence is about (LÖK, RÖK or another kind) and the dates it is valid.

In a free-text document a sentence about an agreement gets its kind from
``agreement.kinds`` in the vocabulary (RÖK words before other kinds before LÖK words: a
"länsövergripande" text is a RÖK even when it says "riktlinjer"), else from the kind the
document named last, else LÖK when the document is about one kommun and RÖK otherwise. Its
validity comes from the dates after ``agreement.valid_from`` and ``agreement.valid_to`` words
("gäller från 2015-01-01 till 2018-12-31", "sedan 2008", "Giltigt till och med: 2016-12-31")
or from a range of years ("gäller 2020–2023"); a year alone is its first day, a month its first
day.

>>> from loaders.extract import load_vocabulary
>>> v = load_vocabulary()
>>> validity("Riktlinjerna gäller från 2015-01-01 till 2018-12-31.", v)
('2015-01-01', '2018-12-31')
>>> validity("Kommunerna har sedan 2008 gemensamma riktlinjer.", v)
('2008-01-01', None)
>>> validity("Den började gälla den 1 januari 2014.", v)
('2014-01-01', None)
>>> validity("En uppdragshandling som gäller 2020–2023.", v)
('2020-01-01', '2023-01-01')
>>> kind_of("en länsövergripande överenskommelse", v), kind_of("BUS-överenskommelsen", v)
('ROK', 'other')
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .spans import _find
from .terms import _fold
from .vocabulary import Vocabulary

__all__ = ["kind_of", "validity"]

#: the order in which kinds win when a sentence names more than one
_KIND_ORDER = ("LOK", "other_named", "ROK", "other")

_ISO = r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"


def kind_of(text: str, v: Vocabulary, *, raw: bool = False) -> str | None:
    """The kind of agreement the words of a text name, or None (with ``raw``, a named BUS
    agreement is ``other_named`` rather than ``other``)."""
    keys = {h.key for h in _find(v.agreement_kinds, text)}
    kind = next((k for k in _KIND_ORDER if k in keys), None)
    return "other" if kind == "other_named" and not raw else kind


@lru_cache(maxsize=8)
def _date_pattern(names: str) -> re.Pattern[str]:
    return re.compile(
        _ISO
        + r"|(?:(?P<day>[0-3]?\d)\s+)?(?P<month>"
        + names
        + r")\s+(?P<myear>(?:19|20)\d\d)|(?<![\d-])"
        + _YEAR
        + r"(?![\d-]\d)",
        re.I,
    )


def _dates(text: str, v: Vocabulary) -> list[tuple[int, int, str]]:
    """Every date in a text as (start, end, ISO date): 2015-01-01, 1 januari 2014, maj 2019,
    2012 (a year alone)."""
    months = v.grammar.months
    pattern = _date_pattern("|".join(sorted(months, key=len, reverse=True)))
    out = []
    for m in pattern.finditer(text):
        try:
            if m.group("iso"):
                date = dt.date.fromisoformat(m.group("iso"))
            elif m.group("month"):
                month = months[_fold(m.group("month"))]
                date = dt.date(int(m.group("myear")), month, int(m.group("day") or 1))
            else:
                date = dt.date(int(m.group("year")), 1, 1)
        except ValueError:
            continue  # "2015-13-45" is no date
        out.append((m.start(), m.end(), date.isoformat()))
    return out


def validity(text: str, v: Vocabulary) -> tuple[str | None, str | None]:
    """The first and last day of validity a text gives (either may be None)."""
    dates = _dates(text, v)
    if not dates:
        return None, None
    start: str | None = None
    end: str | None = None
    cues = sorted(
        [(h.start, h.end, "from") for h in _find(v.valid_from_words, text)]
        + [(h.start, h.end, "to") for h in _find(v.valid_to_words, text)]
    )
    for i, (a, b, iso) in enumerate(dates):
        before = [c for c in cues if c[1] <= a and len(text[c[1] : a].split()) <= 3]
        if i > 0 and re.fullmatch(r"\s*[–—-]\s*", text[dates[i - 1][1] : a]):
            role = "to"  # "2020–2023", "2012-11-09 – 2013-12-31"
        elif before:
            role = before[-1][2]
        elif i + 1 < len(dates) and re.fullmatch(r"\s*[–—-]\s*", text[b : dates[i + 1][0]]):
            role = "from"
        else:
            continue
        if role == "from" and start is None:
            start = iso
        elif role == "to" and end is None:
            end = iso
    return start, end
