"""Groups written as a phrase: a group word after an adjective is a group the way a compound
on it is ("Samordnande grupp Barn och unga", "Taktisk grupp psykiatri", "skolsociala team",
"ett regionalt nätverk" are what "samordningsgrupp", "skolteam" and "länsnätverk" would be),
and so is an indefinite group word that opens a line and is followed by a name ("Nätverk
Barn och unga", "Grupp Norra länsdelen"). The adjective stands after an indefinite article
("ett regionalt nätverk") or opens the name of a body with a capital ("Taktisk grupp
psykiatri"); bare plurals in lower case are a kind of people or work ("kriminella nätverk",
"ibland i gemensamma team"), and after a copula the phrase describes a group named before
("Det är ett välfungerande team").

The words are ``group_compounds: phrases`` of the vocabulary: the heads (singular only:
"sociala grupper" and "olika grupper" are people), the endings that make a word an adjective
(-isk, -al, -ell, -iv, the participles in -ande, "gemensam"), and the words with such an
ending that make no group ("olika", "socialt nätverk"). The group is a samverkansgrupp (a
network word makes it a network, as for compounds) with the level of its head word
(``group_compounds: heads``: a team works on single children, a group coordinates); a
service's own team ("BUP:s neuropsykiatriska team") is a part of it, not a group.

>>> from loaders.extract import load_vocabulary
>>> v = load_vocabulary()
>>> def groups(text, taken=()):
...     return [(text[h.start : h.end], h.extra) for h in phrase_group_hits(text, list(taken), v)]
>>> groups("Inom Samordnande grupp Barn och unga möts olika grupper och ett lokalt team.")
[('Samordnande grupp', 'operativ'), ('lokalt team', 'individ')]
>>> groups("Det är ett välfungerande team."), groups("Det handlar om kriminella nätverk.")
([], [])
>>> groups("Nätverk Barn och unga"), groups("BUP:s akuta team", [(0, 5)]), groups("Teamet Norr")
([('Nätverk', 'operativ')], [], [])
"""

from __future__ import annotations

import re
from functools import lru_cache

from .spans import _Hit
from .terms import _fold
from .triggers import triggered_by
from .vocabulary import Vocabulary

__all__ = ["phrase_group_hits"]

#: the shortest adjective read before a group word ("lokal")
MIN_ADJECTIVE = 5
#: the definite endings of the heads ("gruppen", "teamet"): a back-reference, not a new group
_DEFINITE = ("en", "et")


@lru_cache(maxsize=8)
def _patterns(heads: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The phrase pattern (adjective, head) and the line-opening one (head, a name after)."""
    if not heads:
        return None
    alternatives = "|".join(sorted(heads, key=len, reverse=True))
    phrase = re.compile(
        r"(?<![\w-])(?:(?P<article>en|ett)\s+)?(?P<adj>[^\W\d_][\w]*)\s+(?P<head>"
        + alternatives
        + r")(?![\w-])"
    )
    opening = re.compile(r"^(?P<head>" + alternatives + r")\s+")
    return phrase, opening


@triggered_by("compound_heads", empty=list)
def phrase_group_hits(text: str, taken: list[tuple[int, int]], v: Vocabulary) -> list[_Hit]:
    """The phrase groups of a sentence outside the spans already ``taken`` by other terms."""
    heads, endings, not_adjectives, copulas = v.extra.phrases
    patterns = _patterns(heads)
    if patterns is None:
        return []
    phrase, opening = patterns
    levels = {_fold(h): level for h, level in v.compound_heads}
    out: list[_Hit] = []
    folded_text = _fold(text)
    if len(folded_text) != len(text):
        return []  # (offsets in the folded text must be the text's)
    for m in phrase.finditer(folded_text):
        adj, head = m.group("adj"), m.group("head")
        if len(adj) < MIN_ADJECTIVE or adj in not_adjectives or not adj.endswith(endings):
            continue
        before = folded_text[: m.start()].split()[-1:]
        if m.group("article") and head.endswith(_DEFINITE) or before and before[0] in copulas:
            continue  # "Det är ett välfungerande team": it describes a group named before
        if not m.group("article") and not text[m.start("adj")].isupper():
            continue  # "kriminella nätverk", "i gemensamma team": people or a kind of work
        if _blocked(text, m.start(), m.end(), taken, v):
            continue
        out.append(_hit(m.start("adj"), m.end(), head, levels))
    first = opening.match(folded_text)
    named = first is not None and (text[first.end()].isupper() or text[first.end()].isdigit())
    if first is not None and named and text[0].isupper() and first.group("head") in heads:
        head = first.group("head")
        if not head.endswith(_DEFINITE) and not _blocked(text, 0, first.end("head"), taken, v):
            out.append(_hit(0, first.end("head"), head, levels))
    return out


def _blocked(text: str, start: int, end: int, taken: list[tuple[int, int]], v: Vocabulary) -> bool:
    """Whether a term already covers the span, or a genitive service owns it ("BUP:s …")."""
    if any(start < e and s < end for s, e in taken):
        return True
    return any(
        e <= start and not text[e:start].strip() and bool(v.grammar.genitive.search(text[s:e]))
        for s, e in taken
    )


def _hit(start: int, end: int, head: str, levels: dict[str, str]) -> _Hit:
    """A samverkansgrupp hit with the level of its head word ("teamet": the level of "team")."""
    level = next((lv for h, lv in levels.items() if head.startswith(h)), None)
    return _Hit("samverkansgrupp", start, end, None, 0, "group", level)
