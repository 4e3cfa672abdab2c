"""Routines, strategies and documents that both principals made: agreements by another name.

"Rutin", "strategi", "dokument" or "vägledning" are no agreement words: a kommun has routines
of its own, and a page links to documents of every kind. But a sentence that says the region
and the kommuner made one together (``agreement.charters``: a document word, a word of
adopting or making it, and both principals in the sentence) tells of an agreement in all
but name, in force: "Länets kommuner och regionen har tillsammans tagit fram en rutin för …",
"Landstinget och länets kommuner antog 2011 dokumentet Gemensamma utgångspunkter", "den
rutin som antagits av kommunerna och regionen". Its kind is read as any agreement's.

>>> from loaders.extract import load_vocabulary
>>> v = load_vocabulary()
>>> joint_charter("Länets kommuner och regionen har tagit fram en gemensam rutin för SIP.", v)
True
>>> joint_charter("Regionen har tagit fram en rutin för remisser.", v)
False
>>> joint_charter("Kommunerna och regionen ska ta fram en strategi.", v)
False
"""

from __future__ import annotations

from .spans import _find, _words
from .terms import _fold
from .triggers import triggered_by
from .vocabulary import Vocabulary

__all__ = ["joint_charter"]


@triggered_by("charters", empty=bool)
def joint_charter(text: str, v: Vocabulary) -> bool:
    """Whether a sentence says both principals made or adopted a routine, strategy or
    document (see the module), with no plan, wish or negation before the word of making."""
    hits = _find(v.charters, text)
    keys = {h.key for h in hits}
    if not {"document", "made", "kommun"} <= keys:
        return False
    if not any(h.key == "region" for h in _find(v.agreement_sides, text)):
        return False
    made = min(h.start for h in hits if h.key == "made")
    before = {_fold(w) for w, _, _ in _words(text[:made])}
    return not before & (v.hypothetical | v.wishes | v.negators)
