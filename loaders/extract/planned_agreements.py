"""Agreements still to be made: a verb of making one after a word of plan ("Kommunen ska teckna
ett samverkansavtal med regionen", "Ett avtal kommer att tecknas under hösten", "ska i sin tur
teckna avtal med grannkommunerna"), or in the present ("I samband med flytten tecknar kommunen
ett samverkansavtal med regionen"), with an agreement word as its object or subject, are in
progress (``agreement.plan_modals``, ``making_verbs``, ``making_present``).

The status words of ``agreement.status`` give no status after a word of plan ("ska", "kommer")
because a plan is no agreement in force; this pass gives the plan its own status, in a
document only (a survey answer's status is read from its own phrases). A negation or a wish
between the plan and the verb gives none ("ska inte teckna").

>>> from loaders.extract import load_vocabulary
>>> v = load_vocabulary()
>>> planned("Kommunen ska teckna ett samverkansavtal med regionen.", v)
True
>>> planned("Skövde ska i sin tur teckna avtal med de andra kommunerna.", v)
True
>>> planned("I samband med flytten tecknar kommunen ett samverkansavtal med regionen.", v)
True
>>> planned("Kommunen ska inte teckna något avtal med regionen.", v)
False
>>> planned("Eleverna ska ta fram en plan för sitt arbete.", v)
False
"""

from __future__ import annotations

from .spans import _find, _Hit, _words
from .terms import _fold
from .triggers import triggered_by
from .vocabulary import Vocabulary

__all__ = ["planned", "with_plans"]

#: how many words may stand between the plan and the verb, and the verb and the agreement
_REACH = 3


def _agreement_near(text: str, verb: _Hit, v: Vocabulary) -> bool:
    """Whether an agreement word is the verb's object (up to three words after it) or its
    subject (before it in the sentence: "Ett avtal kommer att tecknas")."""
    for h in _agreement_words(text, v):
        if h.start >= verb.end and len(_words(text[verb.end : h.start])) <= _REACH:
            return True
        if h.end <= verb.start:
            return True
    return False


def _agreement_words(text: str, v: Vocabulary) -> list[_Hit]:
    """The words for an agreement or an agreement-like document ("avtal", "samverkansavtal")."""
    return _find(v.agreement_words, text) + _find(v.extra.side_documents, text)


def _between(text: str, a: int, b: int) -> list[str]:
    return [_fold(w) for w, _, _ in _words(text[a:b])]


@triggered_by("extra.making_verbs", "extra.making_present", empty=bool)
def planned(text: str, v: Vocabulary) -> bool:
    """Whether a sentence tells of an agreement still to be made (see the module)."""
    blocked = v.negators | v.wishes
    for verb in _find(v.extra.making_present, text):
        if _agreement_near(text, verb, v) and not blocked & set(_between(text, 0, verb.start)):
            after = [h for h in _agreement_words(text, v) if h.start >= verb.end]
            if any(len(_words(text[verb.end : h.start])) <= _REACH for h in after):
                return True  # the present of making: its object after it
    modals = _find(v.extra.plan_modals, text)
    for verb in _find(v.extra.making_verbs, text):
        for modal in modals:
            gap = _between(text, modal.end, verb.start)
            plan = modal.end <= verb.start and len(gap) <= _REACH and not blocked & set(gap)
            if plan and _agreement_near(text, verb, v):
                return True
    return False


def with_plans(text: str, votes: list[tuple[str, bool]], v: Vocabulary) -> list[tuple[str, bool]]:
    """A document sentence's votes with a plan to make an agreement read as in progress: the
    plan replaces what its status words said ("Ett avtal kommer att tecknas": not in force).

    >>> from loaders.extract import load_vocabulary
    >>> with_plans("Ett avtal kommer att tecknas i höst.", [("in_force", False)], load_vocabulary())
    [('in_progress', False)]
    """
    if not planned(text, v):
        return votes
    # an agreement in force told beside the plan stays ("har redan en … eller planerar att ta
    # fram en"): a status word of its own outside the plan
    kept = [x for x in votes if x[0] == "in_force" and _find(v.status, text)]
    return [*kept, ("in_progress", False)]
