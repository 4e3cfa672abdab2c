"""Compounds on a group word ("vårdteam", "HLT-teamen", "skolchefsnätverket"): groups the
vocabulary does not list, with the level of their head word or of their first part."""

from __future__ import annotations

import re
from functools import lru_cache

from .groups import PARTY_TEAMS
from .listed_units import unit_compound
from .phrase_groups import phrase_group_hits
from .spans import _Hit, _overlaps
from .terms import _fold
from .triggers import fires, triggered_by
from .vocabulary import Vocabulary

__all__ = ["compound_hits"]


def compound_hits(text: str, hits: list[_Hit], v: Vocabulary) -> tuple[list[_Hit], list[_Hit]]:
    """The compound groups of a sentence, and its other hits without those the compounds
    cover (a party word that swallowed a compound on a group word yields: "skolchefsnätverket").

    >>> from loaders.extract import load_vocabulary
    >>> from loaders.extract.spans import _find
    >>> v = load_vocabulary()
    >>> text = "Skolchefsnätverket och HLT-teamet"
    >>> groups, rest = compound_hits(text, _find(v.parties, text, "party"), v)
    >>> [(text[h.start : h.end], h.extra) for h in groups], rest
    ([('Skolchefsnätverket', 'strategisk'), ('HLT-teamet', 'individ')], [])
    """
    if not fires(v, text, "compound_heads"):  # asked once, not once per hit
        return [], list(hits)
    swallowed = [h for h in hits if _swallows_compound(text, h, v)]
    taken = [(h.start, h.end) for h in hits if h not in swallowed]
    # "BVC, familjeteamet, MVC", "en kurator från kommunens resursteam": a unit, no group
    compounds = [c for c in _compound_groups(text, taken, v) if not unit_compound(text, c, hits, v)]
    # "Samordnande grupp Barn och unga", "skolsociala team": a group word after an adjective
    compounds += phrase_group_hits(text, taken + [(c.start, c.end) for c in compounds], v)
    spans = [(c.start, c.end) for c in compounds]
    return compounds, [h for h in hits if not _overlaps(h, spans)]


@lru_cache(maxsize=8)
def _compound_pattern(heads: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    if not heads:
        return None
    alternatives = "|".join(re.escape(h) for h, _ in sorted(heads, key=lambda x: -len(x[0])))
    return re.compile(
        r"(?<![\w-])(?P<prefix>[^\W\d_][\w]*?-?)(?P<head>" + alternatives + r")"
        r"(?P<ending>en|et|er|erna|arna|na|ens|ets)?(?![\w-])",
        re.I,
    )


def _swallows_compound(text: str, hit: _Hit, v: Vocabulary) -> bool:
    """Whether a party word with an open ending ("skolchef*") matched a whole closed compound
    on a group word ("Skolchefsnätverket", "socialchefsnätverk"): the compound is the group.
    (Asked for each hit of a sentence `compound_hits` has found a compound head in.)

    >>> from loaders.extract import load_vocabulary
    >>> from loaders.extract.spans import _find
    >>> v = load_vocabulary()
    >>> text = "Skolchefsnätverket"
    >>> [_swallows_compound(text, h, v) for h in _find(v.parties, text, "party")]
    [True]
    """
    if hit.kind != "party" or hit.key in PARTY_TEAMS:
        return False
    if hit.term is None or not hit.term.text.endswith("*") or hit.end - hit.start < 8:
        return False  # only an open ending swallows a compound
    pattern = _compound_pattern(v.compound_heads)
    m = pattern.fullmatch(text, hit.start, hit.end) if pattern else None
    return m is not None and not m.group("prefix").endswith("-")


@triggered_by("compound_heads", empty=list)
def _compound_groups(text: str, taken: list[tuple[int, int]], v: Vocabulary) -> list[_Hit]:
    """Compounds on a group word that the vocabulary does not list ("vårdteam", "HLT-teamen",
    "länsnätverket") as samverkansgrupper, with the level of their head word (``extra``) and
    the compound as their name; not where a term already matched or the first part makes it
    something else ("målgruppen", "utredningsteam").

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> [(h.extra, h.term) for h in _compound_groups("Ett HLT-team och målgruppen", [], v)]
    [('individ', None)]
    """
    pattern = _compound_pattern(v.compound_heads)
    if pattern is None:
        return []
    levels = {_fold(h): level for h, level in v.compound_heads}
    out = []
    for m in pattern.finditer(text):
        prefix = _fold(m.group("prefix").rstrip("-"))
        word = prefix + _fold(m.group("head"))
        # a first part ("mål-"), a whole compound ("barngrupp", but not "barnnätverk") or the
        # end of a first part ("*om": "området" is no council)
        if len(prefix) < 2 or any(
            prefix.endswith(p[1:]) if p.startswith("*") else _blocks(p, word, levels)
            for p in v.not_group_prefixes
        ):
            continue
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        if any(
            e <= m.start()
            and not text[e : m.start()].strip()
            and v.grammar.genitive.search(text[s:e])
            for s, e in taken
        ):
            continue  # "IFO:s mottagningsgrupp" is a part of a service, not a group
        out.append(
            _Hit(
                _prefix_type(prefix, v) or "samverkansgrupp",
                m.start(),
                m.end(),
                None,
                0,
                "group",
                _prefix_level(prefix, v) or levels[_fold(m.group("head"))],
            )
        )
    return out


def _blocks(first: str, word: str, heads: dict[str, str]) -> bool:
    """Whether a ``not_groups`` first part makes a compound no group: "målgruppen" is none; a
    first part that is itself a word on a group head ("samråd") is none alone ("i samråd med")
    but a longer compound on another head is ("samrådsgruppen").

    >>> _blocks("samrad", "samrad", {"rad": "operativ", "grupp": "operativ"})
    True
    >>> _blocks("samrad", "samradsgrupp", {"rad": "operativ", "grupp": "operativ"})
    False
    """
    if not word.startswith(first):
        return False
    rest = word[len(first) :].lstrip("s-")
    return not (any(first.endswith(h) for h in heads) and any(rest.endswith(h) for h in heads))


def _prefix_level(prefix: str, v: Vocabulary) -> str | None:
    """The level a compound's first part gives it ("skolchefs-": strategisk), if any."""
    return next((level for end, level in v.extra.prefix_levels if prefix.endswith(end)), None)


def _prefix_type(prefix: str, v: Vocabulary) -> str | None:
    """The group type a compound's first part gives it ("socialchefs-": chefsgrupp), if any."""
    return next((kind for end, kind in v.extra.prefix_types if prefix.endswith(end)), None)


def _compound_name(word: str, v: Vocabulary) -> str:
    """A compound group's name: the word without its definite ending ("HLT-teamen" → "HLT-team").

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> _compound_name("HLT-teamen", v), _compound_name("Vårdteam", v)
    ('HLT-team', 'Vårdteam')

    A genitive is the same group ("Värmlandsrådets arbetsformer": the Värmlandsråd).

    >>> _compound_name("Värmlandsrådets", v), _compound_name("Vårdteams", v)
    ('Värmlandsråd', 'Vårdteam')
    """
    forms = [word, word[:-1]] if _fold(word).endswith("s") else [word]
    for form in forms:
        m = v.grammar.definite.search(_fold(form))
        stem = form[: m.start()] if m else form
        if any(_fold(stem).endswith(_fold(h)) for h, _ in v.compound_heads):
            return stem
    return word
