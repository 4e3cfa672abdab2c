"""The prefilter: which vocabulary terms a sentence can match, and which passes it can wake.

Every vocabulary term has plain lower-case runs of letters and digits that every match holds
(`Term.runs`: "hab" for ``HAB``, "habilitering" for ``*habilitering*``) and, the longest of
them, its anchor. Testing a sentence for a list's anchors term by term was a Python loop over
the whole list for every sentence and list; here the sentence's words are looked up once (each
word's runs are remembered) and each list keeps its terms by anchor, so `candidates` yields
only the terms whose runs the sentence has, in the list's own order.

Passes build on this with **triggers**. A pass that finds nothing unless the sentence has a
term of certain vocabulary lists declares them with `triggered_by` (names of `Vocabulary`
fields or ``grammar.…`` word sets, never words typed in code) and is skipped, returning its
``empty()``, on a sentence where none of them fires. A pass without a declaration always
runs. Declare only lists without which the pass can find nothing:
``tests/test_extract_prefilter.py`` runs all the real-text sets, the held-out sets, the
Dalarna survey and a synthetic survey with the prefilter off (`prefilter_off`) and on and
asserts the same facts, so a wrong declaration fails there. A cache of what passes find
registers its ``clear`` with `forget_with_prefilter`, so the two runs share nothing.

    >>> from loaders.extract.vocabulary import load_vocabulary
    >>> v = load_vocabulary()
    >>> len(v.parties) > 100
    True
    >>> sorted({t.key for t in candidates(v.parties, "Barn- och ungdomshabiliteringen deltar")})
    ['HAB']
    >>> fires(v, "Det går bra.", "absence"), fires(v, "BUP saknas.", "absence")
    (False, True)
    >>> with prefilter_off():
    ...     fires(v, "Det går bra.", "absence")
    True
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar, cast

from .terms import _fold

_RUN = re.compile(r"[a-z0-9]+")
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
    def lead(self) -> str: ...

    @property
    def pattern(self) -> re.Pattern[str]: ...


T = TypeVar("T", bound=_Anchored)

#: off only in the equivalence test (`prefilter_off`): every term tested, every pass run
_ON = [True]


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
    for clear in _CACHES:
        clear()
    try:
        yield
    finally:
        _ON[0] = before
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
#: per anchor: the lists indexed by it (their ids) and the positions of its terms there
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
    whose every run it has (made when first asked), its folded form, and the answers of
    `fires`."""

    __slots__ = ("runs", "odd", "low", "by_list", "folded", "fired")

    def __init__(self, text: str) -> None:
        low = text.lower()
        self.runs: frozenset[str] = frozenset().union(*map(_in_word, _RUN.findall(low)))
        self.odd = bool(_ODD.search(text))
        #: the lower-cased text where each of its positions is the text's own, else ""
        self.low = low if len(low) == len(text) and not self.odd else ""
        self.by_list: dict[int, list[int]] | None = None
        self.folded: str | None = None
        self.fired: dict[tuple[int, tuple[str, ...]], tuple[Any, bool]] = {}

    def lists(self) -> dict[int, list[int]]:
        """Per list (by id): the positions of its terms that can match, in list order."""
        by_list: dict[int, list[int]] = {}
        runs = self.runs
        for anchor in runs & _POSTINGS.keys():
            for list_id, pos, needs in _POSTINGS[anchor]:
                if needs <= runs:
                    if list_id in by_list:
                        by_list[list_id].append(pos)
                    else:
                        by_list[list_id] = [pos]
        for positions in by_list.values():
            positions.sort()
        self.by_list = by_list
        return by_list


#: per text: what the prefilter knows of it (the last few texts: the passes ask about one
#: sentence and its parts)
_TEXTS: dict[str, _Text] = {}


def _index(items: Sequence[_Anchored]) -> _Index:
    index = _INDEXES.get(id(items))
    if index is not None and index.items is items:
        return index
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


def candidates(items: Sequence[T], text: str) -> list[T]:
    """The items of a list (terms, kommun names) that can match ``text``, in list order:
    those whose every run (`Term.runs`) the lower-cased text has."""
    index = _INDEXES.get(id(items))
    if index is None or index.items is not items:
        index = _index(items)
    seen = _TEXTS.get(text) or _text(text)
    if seen.odd or not _ON[0]:
        low = text.lower()
        return [t for t in items if not t.anchor or t.anchor in low]
    hit = (seen.by_list or seen.lists()).get(id(items))
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
    low = (_TEXTS.get(text) or _text(text)).low if _ON[0] else ""
    lead = item.lead
    if not (low and lead):
        return list(item.pattern.finditer(text))
    pattern, find = item.pattern, low.find
    found = []
    end = 0
    at = find(lead)
    while at >= 0:
        if at >= end:
            m = pattern.match(text, at)
            if m is not None and m.end() > at:
                found.append(m)
                end = m.end()
        at = find(lead, at + 1)
    return found


def fires(v: Any, text: str, *lists: str) -> bool:
    """Whether ``text`` has the anchor of a term of any of the vocabulary lists named: fields
    of `Vocabulary` (``"absence"``), or of its grammar (``"grammar.between"``). A word set
    (folded words) fires when one of its words is in the folded text. If none fires, a pass
    triggered by these lists finds nothing in ``text``. Always true with the prefilter off."""
    if not _ON[0]:
        return True
    seen = _text(text)
    key = (id(v), lists)
    known = seen.fired.get(key)
    if known is not None and known[0] is v:
        return known[1]
    found = _fires(v, text, lists)
    seen.fired[key] = (v, found)  # holding ``v`` keeps its id from being reused
    return found


def _folded(text: str) -> str:
    seen = _text(text)
    if seen.folded is None:
        seen.folded = _fold(text)
    return seen.folded


def _fires(v: Any, text: str, lists: tuple[str, ...]) -> bool:
    for name in lists:
        items = v
        for part in name.split("."):
            items = getattr(items, part)
        if isinstance(items, frozenset):  # folded words: one of them in the folded text
            folded = _folded(text)
            if any(w in folded for w in items):
                return True
        elif candidates(items, text):
            return True
    return False


F = TypeVar("F", bound=Callable[..., Any])


def triggered_by(*lists: str, empty: Callable[[], Any] = lambda: None) -> Callable[[F], F]:
    """Declare the vocabulary lists (as for `fires`) without whose terms a pass finds nothing.

    The pass must take the sentence as a parameter named ``text`` and the vocabulary as one
    named ``v``; on a text where none of the lists fires it is not run and ``empty()`` is
    what it returns (None, False for a test, a new empty list …).

    >>> @triggered_by("governance", empty=list)
    ... def cues(text, v):
    ...     return [text]
    >>> from loaders.extract.vocabulary import load_vocabulary
    >>> cues("Det går bra.", load_vocabulary()), triggers_of(cues)
    ([], ('governance',))
    """

    def mark(fn: F) -> F:
        names = list(inspect.signature(fn).parameters)
        at_text, at_v = names.index("text"), names.index("v")

        @functools.wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            if _ON[0]:
                text = args[at_text] if len(args) > at_text else kwargs["text"]
                v = args[at_v] if len(args) > at_v else kwargs["v"]
                if not fires(v, text, *lists):
                    return empty()
            return fn(*args, **kwargs)

        run.__triggers__ = lists  # type: ignore[attr-defined]
        return cast(F, run)

    return mark


def triggers_of(fn: Callable[..., Any]) -> tuple[str, ...] | None:
    """The lists a pass declared with `triggered_by`, or None (the pass always runs)."""
    return getattr(fn, "__triggers__", None)
