"""An agreement named in the definite form is one that exists ("Den lokala överenskommelsen
slår fast …", "Kommunens chef skrev om samarbetsavtalet med barnahuset").

A sentence of a document that names an agreement in the definite form and says nothing of its
status still tells that it exists: a weak vote for in force, which counts only when nothing
else in the document speaks of an agreement of that kind (`status._status_facts` prefers any
other vote). Not after a word of a plan or a wish (``hypothetical``, ``members.wishes``: "Den
nya överenskommelsen ska …") nor under a negation.

>>> from loaders.extract import load_vocabulary
>>> v = load_vocabulary()
>>> presupposed("Den lokala överenskommelsen slår fast hur samverkan ska ledas.", v)
True
>>> presupposed("En överenskommelse behövs.", v), presupposed("Vi vill att avtalet …", v)
(False, False)
>>> presupposed("Strategin ersätter den tidigare överenskommelsen.", v)
False
"""

from __future__ import annotations

from .spans import _find, _Hit, _words
from .terms import _fold
from .vocabulary import Vocabulary

__all__ = ["definite_singular", "presupposed"]


def presupposed(text: str, v: Vocabulary) -> bool:
    """Whether a sentence names one agreement in the definite singular ("överenskommelsen",
    "samarbetsavtalet"; not "avtalen") with no plan, wish or negation before it, and no word
    that makes it a former or a national one (``agreement.presupposition``: "den
    tidigare överenskommelsen", "den nationella överenskommelsen")."""
    return any(exists(text, hit, v) for hit in _find(v.agreement_words, text))


def exists(text: str, hit: _Hit, v: Vocabulary) -> bool:
    """Whether the agreement word ``hit`` of a text names one agreement that exists: in the
    definite singular (`definite_singular`), with no plan, wish, negation or former/national
    word before it anywhere in the text (see `presupposed`)."""
    breaks = v.extra.presupposition[0]
    stop = v.hypothetical | v.wishes | v.negators | breaks
    before = {_fold(w) for w, _, _ in _words(text[: hit.start])}
    return definite_singular(text, hit, v) and not before & stop


def definite_singular(text: str, hit: _Hit, v: Vocabulary) -> bool:
    """Whether the agreement word ``hit`` of a text is in the definite singular.

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> t = "Lokala överenskommelser tecknas utifrån den regionala överenskommelsen och avtalen."
    >>> [definite_singular(t, h, v) for h in _find(v.agreement_words, t)]
    [False, True]
    """
    _, endings, plurals = v.extra.presupposition
    nouns = [
        _fold(w)
        for w, _, _ in _words(text[hit.start : hit.end])
        if _find(v.agreement_words, w) or _find(v.extra.contracts, w)
    ]
    return any(w.endswith(endings) and w not in plurals for w in nouns)
