"""Hits (where a vocabulary term matched) and the span arithmetic the passes share."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from .prefilter import CURRENT, candidates, forget_with_prefilter, matches, odd_letters
from .terms import Term, _fold


class _Hit(NamedTuple):
    """Where a term matched (or a pass found a name): its key, span, term, the length of a
    compound's first part before the term (``pre``), what it is (``kind``) and what a pass
    adds (``extra``: a level, a genitive). A named tuple, as a sentence makes dozens: a frozen
    dataclass took three times as long to make."""

    key: str
    start: int
    end: int
    term: Term | None = None
    pre: int = 0
    kind: str = ""
    extra: str | None = None


def _blank(text: str, start: int, hits: list[_Hit]) -> str:
    """The text from ``start`` with the hits blanked out."""
    chars = list(text)
    for h in hits:
        for i in range(h.start, h.end):
            chars[i] = " "
    return "".join(chars[start:])


#: recent `_find` results: the passes ask for the same list in the same sentence many times
_FOUND: dict[tuple[int, str, str], tuple[tuple[Term, ...], list[_Hit]]] = {}
forget_with_prefilter(_FOUND.clear)


def _find(terms: tuple[Term, ...], text: str, kind: str = "") -> list[_Hit]:
    """Every match of every term (overlaps included; `_resolve` chooses)."""
    rec = CURRENT[0]
    if rec is not None and rec.text is text:  # the sentence being read: its record
        return rec.find(terms, kind)
    found = candidates(terms, text)
    if not found:  # most lists asked about a sentence have no term it can hold
        return []
    key = (id(terms), kind, text)
    known = _FOUND.get(key)
    if known is not None and known[0] is terms:
        return list(known[1])
    hits = _find_all(found, text, kind)
    if len(_FOUND) > 512:
        _FOUND.clear()
    _FOUND[key] = (terms, hits)  # holding ``terms`` keeps its id from being reused
    return list(hits)


def _find_all(found: list[Term], text: str, kind: str) -> list[_Hit]:
    """The hits of the candidate terms ``found`` in the text."""
    hits = []
    for term in found:
        for m in matches(term, text):
            start, end = m.span()
            if end == start:
                continue
            a, b = m.span("pre")
            hits.append(_Hit(term.key, start, end, term, b - a, kind))
    return hits


#: per list (by id, the list held) and word: whether a term of the list matches the word
_WORD_TERMS: dict[tuple[int, str, bool], tuple[tuple[Term, ...], bool]] = {}


def word_is_term(terms: tuple[Term, ...], word: str, *, whole: bool = True) -> bool:
    """Whether a term of the list matches the whole word (``whole``) or a start of it:
    ``any(t.pattern.fullmatch(word) for t in terms)``, remembered per list and word (the
    passes ask it of the words after a group word or a party, the same words again and
    again, and a list has hundreds of terms).

    >>> from loaders.extract.vocabulary import load_vocabulary
    >>> v = load_vocabulary()
    >>> word_is_term(v.parties, "förskola"), word_is_term(v.parties, "förskolan och")
    (True, False)
    >>> word_is_term(v.groups, "Styrgruppen", whole=False), word_is_term(v.groups, "Stor")
    (True, False)
    """
    key = (id(terms), word, whole)
    known = _WORD_TERMS.get(key)
    if known is not None and known[0] is terms:
        return known[1]
    low = word.lower()
    if len(low) == len(word) and not odd_letters(word):  # a match holds its term's anchor
        tried = [t for t in terms if not t.anchor or t.anchor in low]
    else:
        tried = list(terms)
    if whole:
        found = any(t.pattern.fullmatch(word) for t in tried)
    else:
        found = any(t.pattern.match(word) for t in tried)
    if len(_WORD_TERMS) > 20_000:
        _WORD_TERMS.clear()
    _WORD_TERMS[key] = (terms, found)  # holding ``terms`` keeps its id from being reused
    return found


def _resolve(hits: list[_Hit]) -> list[_Hit]:
    """Non-overlapping hits: earliest first, then whole words before compounds, then longest."""
    order = sorted(hits, key=lambda h: (h.start, h.pre, -(h.term.weight if h.term else 0), -h.end))
    chosen: list[_Hit] = []
    for hit in order:
        if any(hit.start < c.end and c.start < hit.end for c in chosen):
            continue
        chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def _outside(hits: list[_Hit], spans: list[tuple[int, int]]) -> list[_Hit]:
    return [h for h in hits if not any(h.start < e and s < h.end for s, e in spans)]


def _overlaps(hit: _Hit, spans: Iterable[tuple[int, int]]) -> bool:
    return any(hit.start < e and s < hit.end for s, e in spans)


_WORD = re.compile(r"\w[\w:-]*")


def _words(text: str) -> list[tuple[str, int, int]]:
    """The words of a text with their spans (a new list: the passes ask again and again about
    the same sentence, so the words are found once per text)."""
    return list(_word_spans(text))


@lru_cache(maxsize=64)
def _word_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple([(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)])


@lru_cache(maxsize=64)
def _folded_words(text: str) -> tuple[tuple[tuple[str, int, int], ...], tuple[int, ...]]:
    """The folded words of a text with their spans, and their starts (for `_folded_between`)."""
    words = tuple((_fold(w), a, b) for w, a, b in _word_spans(text))
    return words, tuple(a for _, a, _ in words)


def _folded_between(text: str, lo: int, hi: int) -> list[str]:
    """The folded words that lie wholly between ``lo`` and ``hi``.

    >>> _folded_between("BUP och Skolan deltar", 3, 14)
    ['och', 'skolan']
    """
    words, starts = _folded_words(text)
    out = []
    for w, a, b in words[bisect_left(starts, lo) :]:
        if a >= hi:
            break
        if b <= hi:
            out.append(w)
    return out


#: how far back or ahead of a position the word tests look (they need a few words, and
#: looking at the whole sentence each time would make long sentences quadratic)
WINDOW = 160

_PUNCT = re.compile(r"[,;:.!?()]")


def _before(text: str, pos: int, window: int = WINDOW) -> str:
    """The text right before ``pos``, at most ``window`` characters."""
    return text[max(0, pos - window) : pos]


def _head(text: str, pos: int) -> str:
    """The part of the clause before ``pos``: back to the last punctuation (within the window).

    >>> _head("BUP, som vi behöver, deltar inte", 21)
    ' '
    >>> _head("Vi vill att BUP deltar", 16)
    'Vi vill att BUP '
    """
    return _PUNCT.split(_before(text, pos))[-1]


def _tail(text: str, pos: int) -> str:
    """The part of the clause after ``pos``, up to the next punctuation (within the window)."""
    return _PUNCT.split(text[pos : pos + WINDOW])[0]


def _gap(text: str, a: _Hit, b: _Hit, breaks: re.Pattern[str]) -> int:
    """Distance between two hits, far when "och", "men" or a comma stands between them."""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    between = text[lo:hi] if lo < hi else ""
    return _distance(a, b) + (1000 if breaks.search(between) else 0)


def _distance(a: _Hit, b: _Hit) -> int:
    if b.start >= a.end:
        return b.start - a.end
    if a.start >= b.end:
        return a.start - b.end
    return 0
