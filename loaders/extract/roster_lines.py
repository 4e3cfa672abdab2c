"""Roster lines that open with a role: a line of an attendance list or a member list names a
person by the role they hold as often as by name ("Ordförande (S), socialnämnden",
"Förvaltningschef, barn- och utbildningsnämnden", "Strateg, Tillväxt och folkhälsa, Region
Sörmland"). Such a line is a ``roster`` block (`Sentence.block`) like "Anna Berg, BUP", so
under a lead ("Närvarande", "Beslutande", "Ledamöter") its service is a member of the group.

The first cell (the text before the first comma, without a bracketed party marker "(S)")
is a role when it is at most `MAX_ROLE_WORDS` words and its first or last word is a role
(``members.roles`` or ``members.roster_roles``); a name with a party marker ("Anna Berg (S),
…") is a roster line too. A line that ends with a full stop is a sentence, not a roster line.
A line without a comma that names a role between two roster lines ("Två företrädare för
landstingets folkhälsa") is one more line of the same roster.

>>> from loaders.extract import load_vocabulary
>>> v = load_vocabulary()
>>> [role_first(line, v) for line in ("Ordförande (C), barn- och utbildningsnämnden",
...     "Biträdande socialchef, § 1–8", "Strateg, Tillväxt och folkhälsa, Region Sörmland",
...     "Revisionsrapport, april 2020", "Ledamot, socialnämnden.", "Ordförande")]
[True, True, True, False, False, False]
"""

from __future__ import annotations

import re

from .spans import _find
from .vocabulary import Vocabulary

__all__ = ["MAX_ROLE_WORDS", "role_first", "role_lines"]

#: the longest first cell read as a role ("Avdelningschef arbetsmarknad och sysselsättning")
MAX_ROLE_WORDS = 5
_MARKER = re.compile(r"\s*\([^()]{1,15}\)\s*$")
_WORD = re.compile(r"[^\W\d_][\w-]*")


def role_first(body: str, v: Vocabulary) -> bool:
    """Whether a line is a roster line whose first cell is a role (see the module)."""
    if "," not in body or body.rstrip().endswith((".", ":", "?", "!")):
        return False
    cell = _MARKER.sub("", body.split(",", 1)[0]).strip()
    words = list(_WORD.finditer(cell))
    if not words or len(words) > MAX_ROLE_WORDS or not cell[0].isupper():
        return False
    ends = {words[0].span(), words[-1].span()}
    return any(
        (h.start, h.end) in ends for h in _find(v.roles, cell) + _find(v.extra.roster_roles, cell)
    )


def role_lines(body: str, previous: str, following: str, v: Vocabulary) -> bool:
    """Whether a line that reads as a heading is a roster line: its first cell is a role, or
    it names a role between a roster line (``previous``, the block before) and a line that is
    one (``following``)."""
    if role_first(body, v):
        return True
    if previous != "roster" or body.rstrip().endswith((".", ":")) or not following:
        return False
    named = bool(_find(v.roles, body) or _find(v.extra.roster_roles, body))
    return named and (role_first(following, v) or bool(_NAME.match(following)))


#: a "Namn Efternamn, …" line (as `sentences._ROSTER_NAME`, which imports this module)
_NAME = re.compile(
    r"^[A-ZÅÄÖÉ][a-zåäöéü-]+(?:\s+[A-ZÅÄÖÉ][a-zåäöéü-]+){1,2}(?:\s*\([^()]{1,15}\))?,\s"
)
