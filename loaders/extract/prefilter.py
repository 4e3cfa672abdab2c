"""The prefilter: which vocabulary terms can match a sentence, and where.

Every vocabulary term has plain lower-case runs of letters and digits that every match holds
(`Term.runs`: "hab" for ``HAB``, "habilitering" for ``*habilitering*``, and ``^run`` for one
that starts a word) and, the longest of them, its anchor. Testing a sentence for a list's
anchors term by term was a Python loop over the whole list for every sentence and list; here
the sentence's words are looked up once (each word's runs are remembered) and each list keeps
its terms by anchor, so `candidates` yields only the terms whose every run the sentence has,
in the list's own order. `matches` then tries a term's pattern only where the text has its
lead (`Term.lead`) instead of at every position. `prefilter_off` is the reference: the old
anchor test, every pattern searched, every triggered pass run (see `triggers`).

    >>> from loaders.extract.vocabulary import load_vocabulary
    >>> v = load_vocabulary()
    >>> len(v.parties) > 100
    True
    >>> sorted({t.key for t in candidates(v.parties, "Barn- och ungdomshabiliteringen deltar")})
    ['HAB']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from .terms import _fold

_RUN = re.compile(r"[a-z0-9]+")
_WORD_RUN = re.compile(r"\w+")
#: letters that a case-blind pattern reads as i or s but that lower-case to something else:
#: a text with one is tested the old way, term by term on its anchor
_ODD = re.compile("[\u0131\u017f]")


class _Anchored(Protocol):
    @property
    def anchor(self) -> str: ...

    @property
    def runs(self) -> frozenset[str]: ...


class _Searched(_Anchored, Protocol):
    @property
    def lead(self) -> tuple[str, int, bool]: ...

    @property
    def pattern(self) -> re.Pattern[str]: ...


T = TypeVar("T", bound=_Anchored)

#: off only in the equivalence test (`prefilter_off`): every term tested, every pass run
_ON = [True]

#: the record of the sentence being read (`loaders.extract.record`), or None
CURRENT: list[Any] = [None]


#: caches whose entries depend on the prefilter (`forget_with_prefilter`), emptied whenever it
#: is switched, so a run without it computes everything afresh
_CACHES: list[Callable[[], None]] = []


def forget_with_prefilter(clear: Callable[[], None]) -> None:
    """Register a cache's ``clear``: a cache of what passes found must not carry results from
    a run with the prefilter into one without it (or the equivalence test proves nothing)."""
    _CACHES.append(clear)


@contextmanager
def prefilter_off() -> Iterator[None]:
    """Extraction without the prefilter: every term's anchor tested on its own, every pass run
    (the reference the equivalence test compares with)."""
    before = _ON[0]
    _ON[0] = False
    CURRENT[0] = None
    for clear in _CACHES:
        clear()
    try:
        yield
    finally:
        _ON[0] = before
        CURRENT[0] = None
        for clear in _CACHES:
            clear()


class _Index:
    """A list's terms by anchor (their positions in the list), the runs each term needs, and
    the terms without an anchor."""

    __slots__ = ("items", "by_anchor", "always", "runs")

    def __init__(self, items: Sequence[_Anchored]) -> None:
        self.items = items
        by_anchor: dict[str, list[int]] = {}
        always: list[int] = []
        for i, item in enumerate(items):
            if item.anchor:
                by_anchor.setdefault(item.anchor, []).append(i)
            else:
                always.append(i)
        self.by_anchor = {a: tuple(p) for a, p in by_anchor.items()}
        self.always = tuple(always)
        self.runs = tuple(item.runs for item in items)


#: per list (by id, with the list held so its id is not reused): its index
_INDEXES: dict[int, _Index] = {}
#: per anchor: the lists indexed by it (their ids), the positions of its terms there and the
#: runs each needs
_POSTINGS: dict[str, list[tuple[int, int, frozenset[str]]]] = {}
#: every run of every list indexed so far, and their lengths
_ANCHORS: set[str] = set()
_LENGTHS: list[int] = []
#: the runs that terms need at the start of a word (``^run`` in `Term.runs`), and their lengths
_HEADS: set[str] = set()
_HEAD_LENGTHS: list[int] = []
#: per word (a run of a-z0-9 of the lower-cased text): the known runs inside it
_WORDS: dict[str, frozenset[str]] = {}


class _Text:
    """What the prefilter knows of one text: its runs, per list the positions of the terms
    that can match it (made for all lists when first asked), its folded form, and the
    answers of `fires`."""

    __slots__ = ("runs", "odd", "low", "by_list", "folded", "fired", "word_starts", "word_set")

    def __init__(self, text: str) -> None:
        low = text.lower()
        self.runs: frozenset[str] = frozenset().union(*map(_in_word, _RUN.findall(low)))
        self.odd = bool(_ODD.search(text))
        #: the lower-cased text where each of its positions is the text's own, else ""
        self.low = low if len(low) == len(text) and not self.odd else ""
        self.by_list: dict[int, list[int]] | None = None
        self.folded: str | None = None
        self.fired: dict[tuple[str, ...], tuple[Any, bool]] = {}
        #: where each run of word characters starts (made when first asked)
        self.word_starts: list[int] | None = None
        self.word_set: frozenset[int] | None = None

    def lists(self) -> dict[int, list[int]]:
        """Per list (by id): the positions of its terms that can match, in list order."""
        by_list: dict[int, list[int]] = {}
        runs, postings, known = self.runs, _POSTINGS, by_list.get
        for anchor in runs & postings.keys():
            for list_id, pos, needs in postings[anchor]:
                if needs <= runs:
                    positions = known(list_id)
                    if positions is None:
                        by_list[list_id] = [pos]
                    else:
                        positions.append(pos)
        for positions in by_list.values():
            positions.sort()
        self.by_list = by_list
        return by_list


#: per text: what the prefilter knows of it (the last few texts: the passes ask about one
#: sentence and its parts)
_TEXTS: dict[str, _Text] = {}


#: lists asked about once: a list is indexed when it is asked about again (a list made on the
#: fly, ``v.colocation + v.colocation_strong``, is tested term by term instead)
_ONCE: dict[int, Sequence[Any]] = {}


def _index(items: Sequence[_Anchored]) -> _Index | None:
    index = _INDEXES.get(id(items))
    if index is not None and index.items is items:
        return index
    if _ONCE.get(id(items)) is not items:
        if len(_ONCE) > 256:
            _ONCE.clear()
        _ONCE[id(items)] = items
        return None
    del _ONCE[id(items)]
    if len(_INDEXES) > 4096 or id(items) in _INDEXES:
        # many vocabularies in one process (tests), or a list freed and another in its place
        _INDEXES.clear()
        _POSTINGS.clear()
    index = _INDEXES[id(items)] = _Index(items)
    for anchor, positions in index.by_anchor.items():
        _POSTINGS.setdefault(anchor, []).extend((id(items), p, index.runs[p]) for p in positions)
    runs = set().union(*index.runs)
    new = {r for r in runs if r[0] != "^"} - _ANCHORS
    heads = {r[1:] for r in runs if r[0] == "^"} - _HEADS
    if new or heads:
        _ANCHORS.update(new)
        _LENGTHS[:] = sorted({len(a) for a in _ANCHORS})
        _HEADS.update(heads)
        _HEAD_LENGTHS[:] = sorted({len(a) for a in _HEADS})
        _WORDS.clear()  # what a word holds depends on the runs known
    _TEXTS.clear()  # what a text holds depends on the lists known
    if CURRENT[0] is not None:  # nor may the sentence's record answer from the old lists
        CURRENT[0].by_list = None
    return index


def _in_word(word: str) -> frozenset[str]:
    found = _WORDS.get(word)
    if found is None:
        size = len(word)
        found = frozenset(
            [
                word[i : i + k]
                for k in _LENGTHS
                if k <= size
                for i in range(size - k + 1)
                if word[i : i + k] in _ANCHORS
            ]
            + ["^" + word[:k] for k in _HEAD_LENGTHS if k <= size and word[:k] in _HEADS]
        )
        if len(_WORDS) > 50_000:
            _WORDS.clear()
        _WORDS[word] = found
    return found


def odd_letters(text: str) -> bool:
    """Whether a text has a letter that a case-blind pattern reads as i or s but that
    lower-cases to something else (its terms' anchors then say nothing)."""
    return bool(_ODD.search(text))


def is_on() -> bool:
    """Whether the prefilter is on (it is, except in `prefilter_off`)."""
    return _ON[0]


def seen(text: str) -> _Text:
    """What the prefilter knows of a text: its runs, whether it has odd letters, the answers
    of `loaders.extract.triggers.fires` so far."""
    return _TEXTS.get(text) or _text(text)


def _text(text: str) -> _Text:
    known = _TEXTS.get(text)
    if known is None:
        if len(_TEXTS) > 64:
            _TEXTS.clear()
        known = _TEXTS[text] = _Text(text)
    return known


def anchors_in(text: str) -> frozenset[str]:
    """The runs of the lists indexed so far that occur in ``text`` (lower-cased; ``^run``
    for one at the start of a word)."""
    return _text(text).runs


#: lists up to this long are tested term by term in a text without a record of its own
_SMALL = 24


def candidates(items: Sequence[T], text: str) -> list[T]:
    """The items of a list (terms, kommun names) that can match ``text``, in list order:
    those whose every run (`Term.runs`) the lower-cased text has."""
    index = _INDEXES.get(id(items))
    if index is None or index.items is not items:
        index = _index(items)
    seen = _TEXTS.get(text)
    if seen is None and index is not None and len(items) > _SMALL:
        seen = _text(text)
    if seen is None or index is None or seen.odd or not _ON[0]:
        # a short list in a text not seen before (a word, the rest of a clause): its terms
        # tested one by one on their anchor costs less than the text's record
        low = text.lower()
        return [t for t in items if not t.anchor or t.anchor in low]
    by_list = seen.by_list
    hit = (seen.lists() if by_list is None else by_list).get(id(items))
    if index.always:
        here, runs = seen.runs, index.runs
        extra = [i for i in index.always if runs[i] <= here]
        hit = sorted((hit or []) + extra)
    return [items[i] for i in hit] if hit else []


def matches(item: _Searched, text: str) -> list[re.Match[str]]:
    """What ``item.pattern.finditer(text)`` finds, for a non-empty pattern: where the item
    has a lead (the run every match starts with), the pattern is tried only where the
    lower-cased text has that run instead of at every position.

    >>> from loaders.extract.vocabulary import load_vocabulary
    >>> bup = next(t for t in load_vocabulary().parties if t.text == "BUP")
    >>> [m.start() for m in matches(bup, "bup, BUP och BUP:s")]
    [5, 13]
    """
    lead, offset, prefixed = item.lead
    seen = _TEXTS.get(text)
    if seen is not None:
        low = seen.low
    else:  # a text without a record: the same test, made here
        low = text.lower()
        low = low if len(low) == len(text) and not _ODD.search(text) else ""
    if not (low and lead and _ON[0]):
        return list(item.pattern.finditer(text))
    starts: list[int] | None = None
    words: frozenset[int] | None = None
    if seen is not None:
        if seen.word_starts is None:
            seen.word_starts = [m.start() for m in _WORD_RUN.finditer(text)]
            seen.word_set = frozenset(seen.word_starts)
        starts, words = seen.word_starts, seen.word_set
    elif prefixed:
        starts = [m.start() for m in _WORD_RUN.finditer(text)]
    pattern, find = item.pattern, low.find
    found = []
    end, tried = 0, -1
    at = find(lead, offset)
    while at >= 0:
        start = at - offset
        if prefixed and starts is not None:
            # "*grupp": the match starts where its word starts (or where the last one ended)
            i = bisect_right(starts, start) - 1
            start = max(starts[i] if i >= 0 else start, end)
        elif words is not None and start not in words:
            at = find(lead, at + 1)
            continue  # "är" (lead "r"): not where a word starts, where each such pattern's
            # look-behind for a word character fails
        if start >= end and start > tried:
            tried = start
            m = pattern.match(text, start)
            if m is not None and m.end() > start:
                found.append(m)
                end = m.end()
        at = find(lead, at + 1)
    return found


def folded(text: str) -> str:
    """The folded text (`_fold`), made once per text."""
    seen = _text(text)
    if seen.folded is None:
        seen.folded = _fold(text)
    return seen.folded
