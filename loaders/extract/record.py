"""The sentence record: one sentence scanned once, and every pass reads what was found.

The reading loop (`loaders.extract.facts`) opens a record for each sentence it reads
(`open_record`). The record holds the sentence's prefilter record (its letter runs and, per
vocabulary list, the terms that can match it: one pass over the sentence's words for all the
lists), every list's hits once found (`SentenceRecord.find`), the answers of `fires`, and
whether the sentence can name an entity at all (`SentenceRecord.entities`: a party, a group,
a principal or a kommun). A pass reads the record instead of scanning the text again:

    rec = record_of(text)            # the record, or None for a text that is not the sentence
    hits = rec.find(v.parties, "party")  # the same as ``_find(v.parties, text, "party")``
    rec.fires(v, "absence")          # the same as ``fires(v, text, "absence")``

``_find`` and ``fires`` answer from the record themselves when they are asked about the
sentence being read, so a pass written with them shares the scan too. A pass that finds
nothing in a sentence without an entity declares it with ``@triggered_by(*ENTITIES)``
(or the lists it needs); the loop passes over such a sentence for it. Nothing is kept from
one sentence to the next: the record of a sentence goes when the next one opens (a real
survey does not repeat itself, so remembering sentences across answers would only help the
synthetic one). With the prefilter off (`prefilter_off`, the equivalence test's reference)
no record is opened and every pass scans the text itself.

    >>> from loaders.extract.vocabulary import load_vocabulary
    >>> v = load_vocabulary()
    >>> text = "BUP saknas i styrgruppen."
    >>> rec = open_record(text, v)
    >>> {h.key for h in rec.find(v.parties, "party")}, rec.fires(v, "absence"), rec.entities
    ({'BUP'}, True, True)
    >>> record_of(text) is rec, record_of(text[:10]) is None
    (True, True)
    >>> open_record("Det går bra.", v).entities
    False
    >>> close_record()
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import prefilter
from .prefilter import _INDEXES, CURRENT, candidates
from .spans import _find_all, _Hit
from .triggers import fired

if TYPE_CHECKING:
    from .terms import Term
    from .vocabulary import Vocabulary

__all__ = ["ENTITIES", "SentenceRecord", "close_record", "open_record", "record_of"]

#: the lists without a term of which a sentence names no party, group, principal or kommun
#: (``kommun_names``: the kommun names of `loaders.extract.kommuner`)
ENTITIES = ("parties", "groups", "principals", "compound_heads", "listed_parties", "kommun_names")


class SentenceRecord:
    """What is known of the sentence being read: its text, the vocabulary it is read with,
    its prefilter record, the hits found so far per list and kind, the answers of `fires`."""

    __slots__ = ("text", "v", "seen", "by_list", "hits", "fired", "lists_fired", "_entities")

    def __init__(self, text: str, v: Vocabulary) -> None:
        self.text = text
        self.v = v
        self.seen = seen = prefilter.seen(text)
        #: per list indexed by the prefilter (by id): the positions of its candidate terms
        self.by_list = None if seen.odd else seen.by_list or seen.lists()
        #: per (list id, kind): the list (held, so its id is not reused) and its hits
        self.hits: dict[tuple[int, str], tuple[Sequence[Any], list[_Hit]]] = {}
        #: per lists asked about: whether one fires (`loaders.extract.triggers.fires`)
        self.fired: dict[tuple[str, ...], bool] = {}
        #: per list name: whether it fires (each list tested once a sentence)
        self.lists_fired: dict[str, bool] = {}
        self._entities: bool | None = None

    def find(self, terms: tuple[Term, ...], kind: str = "") -> list[_Hit]:
        """Every match of every term of the list (a new list each time; `spans._find`)."""
        tid = id(terms)
        key = (tid, kind)
        known = self.hits.get(key)
        if known is not None and known[0] is terms:
            return list(known[1])
        index = _INDEXES.get(tid)
        by_list = self.by_list
        if by_list is not None and index is not None and index.items is terms:
            # the candidates from the record's one lookup for all lists (`prefilter.candidates`)
            at = by_list.get(tid)
            if index.always:
                here, runs = self.seen.runs, index.runs
                at = sorted((at or []) + [i for i in index.always if runs[i] <= here])
            found = [terms[i] for i in at] if at else []
        else:  # a list asked about for the first time, or odd letters
            found = candidates(terms, self.text)
        hits = _find_all(found, self.text, kind) if found else []
        self.hits[key] = (terms, hits)
        return list(hits)

    def fires(self, v: Vocabulary, *lists: str) -> bool:
        """Whether a term of one of the lists can be in the sentence (`triggers.fires`)."""
        return fired(v, self.text, lists)

    @property
    def entities(self) -> bool:
        """Whether the sentence can name a party, a group, a principal or a kommun."""
        if self._entities is None:
            self._entities = self.fires(self.v, *ENTITIES)
        return self._entities


def open_record(text: str, v: Vocabulary) -> SentenceRecord | None:
    """Open the record of the sentence about to be read (None with the prefilter off): the
    record of the sentence before goes."""
    rec = SentenceRecord(text, v) if prefilter.is_on() else None
    CURRENT[0] = rec
    return rec


def close_record() -> None:
    """Let the last sentence's record go (at the end of a text)."""
    CURRENT[0] = None


def record_of(text: str) -> SentenceRecord | None:
    """The record of the sentence being read, if ``text`` is that sentence (the same string:
    a clause or a word of it has none)."""
    rec = CURRENT[0]
    return rec if rec is not None and rec.text is text else None
