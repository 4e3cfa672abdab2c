"""Triggers: a pass that finds nothing without a term of certain vocabulary lists says so.

A pass that finds nothing unless the sentence has a term of certain vocabulary lists declares
them with `triggered_by` (names of `Vocabulary` fields or ``grammar.…`` word sets, never
words typed in code) and is skipped, returning its ``empty()``, on a sentence where none of
them fires (`fires`, on the prefilter of `loaders.extract.prefilter`). A pass without a
declaration always runs. Declare only lists without which the pass can find nothing:
``tests/test_extract_prefilter.py`` runs all the real-text sets, the held-out sets, the
Dalarna survey and a synthetic survey with the prefilter off (`prefilter_off`) and on and
asserts the same facts, so a wrong declaration fails there. A cache of what passes find
registers its ``clear`` with `forget_with_prefilter`, so the two runs share nothing.

    >>> from loaders.extract.vocabulary import load_vocabulary
    >>> v = load_vocabulary()
    >>> fires(v, "Det går bra.", "absence"), fires(v, "BUP saknas.", "absence")
    (False, True)
    >>> with prefilter_off():
    ...     fires(v, "Det går bra.", "absence")
    True
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

from . import prefilter
from .kommuner import _kommun_patterns
from .prefilter import CURRENT, candidates, folded, forget_with_prefilter, matches, prefilter_off
from .terms import _fold

__all__ = [
    "candidates",
    "fires",
    "forget_with_prefilter",
    "matches",
    "prefilter_off",
    "triggered_by",
    "triggers_of",
]


def fires(v: Any, text: str, *lists: str) -> bool:
    """Whether ``text`` has the anchor of a term of any of the vocabulary lists named: fields
    of `Vocabulary` (``"absence"``), or of its grammar (``"grammar.between"``), or the
    kommun names (``"kommun_names"``). A word set
    (folded words), or a table of (word, value) pairs (``"compound_heads"``), fires when one
    of its words (folded) is in the folded text. If none fires, a pass
    triggered by these lists finds nothing in ``text``. Always true with the prefilter off."""
    return fired(v, text, lists) if prefilter.is_on() else True


def fired(v: Any, text: str, lists: tuple[str, ...]) -> bool:
    """`fires` with the prefilter on: the answer remembered in the sentence's record
    (`loaders.extract.record`) or else in the text's prefilter record (per lists, with the
    vocabulary it was found with)."""
    rec = CURRENT[0]
    if rec is not None and rec.text is text and rec.v is v:
        answer = rec.fired.get(lists)
        if answer is None:
            answer = rec.fired[lists] = _fires(v, text, lists)
        return answer
    seen = prefilter.seen(text)
    known = seen.fired.get(lists)
    if known is not None and known[0] is v:
        return known[1]
    found = _fires(v, text, lists)
    seen.fired[lists] = (v, found)
    return found


def _fires(v: Any, text: str, lists: tuple[str, ...]) -> bool:
    if prefilter.seen(text).odd:
        return True  # a case-blind pattern may read a letter there as i or s
    rec = CURRENT[0]
    if rec is not None and rec.text is text and rec.v is v:  # each list once a sentence
        known = rec.lists_fired
        for name in lists:
            answer = known.get(name)
            if answer is None:
                answer = known[name] = _list_fires(v, text, name)
            if answer:
                return True
        return False
    return any(_list_fires(v, text, name) for name in lists)


def _list_fires(v: Any, text: str, name: str) -> bool:
    """Whether one list (by name, as for `fires`) fires in a text without odd letters."""
    items = v
    if name == "kommun_names":  # the kommun names (`loaders.extract.kommuner`)
        items = _kommun_patterns(v.grammar.kommun_word)
    else:
        for part in name.split("."):
            items = getattr(items, part)
    if isinstance(items, frozenset):  # folded words: one of them in the folded text
        return any(map(folded(text).__contains__, items))
    if items and isinstance(items[0], tuple):  # a table of (word, value): its words
        return any(map(folded(text).__contains__, _table_words(items)))
    return bool(candidates(items, text))


#: per table of (word, value) pairs (``compound_heads``), by id with the table held: its words
_TABLES: dict[int, tuple[Any, frozenset[str]]] = {}


def _table_words(table: Sequence[tuple[str, Any]]) -> frozenset[str]:
    known = _TABLES.get(id(table))
    if known is None or known[0] is not table:
        if len(_TABLES) > 256:
            _TABLES.clear()
        known = _TABLES[id(table)] = (table, frozenset(_fold(w) for w, _ in table))
    return known[1]


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
            text = args[at_text] if len(args) > at_text else kwargs["text"]
            rec = CURRENT[0]
            if rec is not None and rec.text is text:  # the sentence being read: its record
                v = args[at_v] if len(args) > at_v else kwargs["v"]
                answer = rec.fired.get(lists) if rec.v is v else None
                if answer is None:
                    answer = fired(v, text, lists)
                if not answer:
                    return empty()
            elif prefilter.is_on():
                v = args[at_v] if len(args) > at_v else kwargs["v"]
                if not fired(v, text, lists):
                    return empty()
            return fn(*args, **kwargs)

        run.__triggers__ = lists  # type: ignore[attr-defined]
        return cast(F, run)

    return mark


def triggers_of(fn: Callable[..., Any]) -> tuple[str, ...] | None:
    """The lists a pass declared with `triggered_by`, or None (the pass always runs)."""
    return getattr(fn, "__triggers__", None)
