"""Kommun names in text (from the reference data), except where they name a place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from lokgraph.reference import kommuner

from .grammar import Grammar
from .prefilter import candidates, matches
from .spans import _before, _Hit
from .terms import _UPPER_VARIANTS, _VARIANTS, _anchor, _lead, _runs


@dataclass(frozen=True)
class _KommunName:
    """A kommun's name as a pattern, compiled when a text first has its anchor."""

    name: str
    regex: str
    anchor: str

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(self.regex)

    @cached_property
    def runs(self) -> frozenset[str]:
        """The plain lower-case runs of the name: a match holds them all."""
        return _runs(self.name, word_start=True)

    @cached_property
    def lead(self) -> tuple[str, int, bool]:
        """The run every match has at a fixed distance from its start, and that distance."""
        return (*_lead(self.name), False)


@cache
def _kommun_patterns(word: str) -> tuple[_KommunName, ...]:
    """One pattern per kommun name, with its genitive and ``word`` ("kommun") after it."""
    out = []
    for k in kommuner():
        tokens = re.split(r"([\s-])", k.name)
        body = ""
        for tok in tokens:
            if tok == " ":
                body += r"\s+"
            elif tok == "-":
                body += r"[-\s]"
            else:
                body += "".join(
                    "[" + _UPPER_VARIANTS[c] + "]"
                    if c in _UPPER_VARIANTS
                    else "[" + _VARIANTS[c] + "]"
                    if c in _VARIANTS
                    else re.escape(c)
                    for c in tok
                )
        suffix = r"(?P<suf>\s+" + re.escape(word) + r"s?)?"
        regex = r"(?<![\w-])" + body + r"(?P<gen>s)?" + suffix + r"(?![\w-])"
        out.append(_KommunName(k.name, regex, _anchor(k.name)))
    return tuple(out)


def _find_kommuner(text: str, grammar: Grammar) -> list[_Hit]:
    """Kommun names, except places ("i Hjo", "i Skövde, Tidaholm och Skara") and a capitalised
    word that starts the sentence without "kommun" after it ("Vara ett stöd …")."""
    found: list[tuple[_Hit, bool]] = []
    for kommun in candidates(_kommun_patterns(grammar.kommun_word), text):
        name = kommun.name
        for m in matches(kommun, text):
            place = bool(grammar.place_before_kommun.search(_before(text, m.start())))
            at_start = m.start() < 40 and not text[: m.start()].strip(" \"”“'(•-–")
            if at_start and not m.group("suf"):
                place = True
            found.append((_Hit(name, m.start(), m.end(), None, 0, "kommun", m.group("gen")), place))
    found.sort(key=lambda x: x[0].start)
    hits = []
    previous: tuple[_Hit, bool] | None = None
    for hit, place in found:
        if previous is not None and previous[1]:
            between = text[previous[0].end : hit.start]
            if grammar.kommun_joiner.fullmatch(between):
                place = True
        if not place:
            hits.append(hit)
        previous = (hit, place)
    return hits
