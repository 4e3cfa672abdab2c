"""A party named in the phrase of an agreement is a side of it, not a party that is missing.

"Det saknas en överenskommelse om samverkan mellan socialtjänsten och BUP": what is missing is
the agreement; socialtjänsten and BUP are its sides (tests/realtext/README.md: a missing
document is not an absent party; sides of an agreement are no members). A party stands in the
phrase when an agreement word comes before it in the same stretch of text with a side
preposition (``agreement.side_prepositions``: "mellan", "med") between and no verb, comma or
full stop.

>>> from loaders.extract import extract_text
>>> text = "Det saknas en överenskommelse om samverkan mellan socialtjänsten och BUP."
>>> [(f.kind, f.party, f.status) for f in extract_text(text, source="x", kommun="Mora")]
[('agreement_status', None, 'none')]
"""

from __future__ import annotations

from .spans import _find, _Hit, _words
from .terms import _fold
from .vocabulary import Vocabulary

__all__ = ["between_services", "in_agreement_phrase"]


def in_agreement_phrase(text: str, party: _Hit, v: Vocabulary) -> bool:
    """Whether ``party`` stands in the phrase of an agreement named before it."""
    hits = [h for h in _find(v.agreement_words, text) if h.start < party.start]
    if not hits:
        return False
    hit = max(hits, key=lambda h: h.start)
    stretch = text[hit.start : party.start]
    if any(mark in stretch for mark in ",.;:"):
        return False
    words = [_fold(w) for w, _, _ in _words(stretch)][1:]
    if len(words) > 8 or set(words) & v.grammar.verbs:
        return False
    return bool(set(words) & v.extra.side_prepositions)


def between_services(text: str, v: Vocabulary) -> bool:
    """Whether an agreement's sides are two services ("överenskommelsen mellan barnpsykiatrin
    och socialtjänsten", "mellan utbildningsnämnden och socialtjänsten"): another kind, not a
    LÖK or a RÖK (the sides are neither the kommun nor the region).

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> between_services("Överenskommelse mellan barnpsykiatrin och socialtjänsten.", v)
    True
    """
    parties = sorted(_find(v.parties, text), key=lambda h: h.start)
    for first, second in zip(parties, parties[1:], strict=False):
        before = [_fold(w) for w, _, _ in _words(text[: first.start])][-1:]
        joined = {_fold(w) for w, _, _ in _words(text[first.end : second.start])}
        if before and before[0] in v.extra.side_prepositions and joined <= v.grammar.list_joiners:
            return bool(joined)
    return False
