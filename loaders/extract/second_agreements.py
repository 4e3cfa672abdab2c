"""A second agreement of another kind in one sentence: the one the first rests on.

A sentence gets one kind of agreement (`agreements.kind_of`), but a sentence that names two
agreements, each with a kind word of its own in its noun phrase, speaks of both: "Grunden för
den lokala överenskommelsen är den regionala överenskommelsen", "lokala överenskommelser
tecknas utifrån den länsövergripande överenskommelsen". The one of the other kind, named in
the definite singular with no negation or former word right before it, is one that exists:
a weak vote for in force (it counts only when nothing else in the document speaks of an
agreement of that kind, as `presupposed` does).

>>> from loaders.extract import load_vocabulary
>>> v = load_vocabulary()
>>> other_kinds("Grunden för den lokala överenskommelsen är den regionala överenskommelsen.",
...             "LOK", v)
['ROK']
>>> other_kinds("Vi tecknar lokala överenskommelser utifrån den länsövergripande "
...             "överenskommelsen.", "LOK", v)
['ROK']
>>> other_kinds("Den regionala överenskommelsen ska följas av lokala överenskommelser.", "ROK", v)
[]
>>> other_kinds("Den lokala överenskommelsen följer överenskommelsen i länet.", "LOK", v)
[]
>>> other_kinds("BUS-gruppen arbetar utifrån den regionala överenskommelsen.", "other", v)
[]
"""

from __future__ import annotations

from .presupposed import definite_singular
from .spans import _find, _Hit, _resolve, _words
from .terms import _fold
from .triggers import triggered_by
from .vocabulary import Vocabulary

__all__ = ["other_kinds"]

#: the kinds a kind word of a noun phrase can give its agreement
_PHRASE_KINDS = frozenset({"LOK", "ROK", "other_named"})


@triggered_by("agreement_kinds", empty=list)
def other_kinds(text: str, kind: str | None, v: Vocabulary) -> list[str]:
    """The kinds, other than ``kind``, of the agreements a sentence names in the definite
    singular with a kind word of their own (see the module)."""
    mentions = _resolve(_find(v.agreement_words, text))  # not a brand alone ("BUS-gruppen")
    if len(mentions) < 2:
        return []
    words = [h for h in _find(v.agreement_kinds, text) if h.key in _PHRASE_KINDS]
    breaks = v.negators | v.extra.presupposition[0]
    out: list[str] = []
    for m in mentions:
        own = {h.key for h in words if _in_phrase(text, h, m)}
        if len(own) != 1 or not definite_singular(text, m, v):
            continue
        before = {_fold(w) for w, _, _ in _words(text[: m.start])[-3:]}
        found = "other" if "other_named" in own else next(iter(own))
        if found != kind and not before & breaks and found not in out:
            out.append(found)
    return out


def _in_phrase(text: str, word: _Hit, mention: _Hit) -> bool:
    """Whether a kind word stands in the noun phrase of an agreement word: it ends at the
    agreement word's end ("lokala överenskommelsen") or right before it ("den
    länsövergripande överenskommelsen"), at most two words before it."""
    if word.end == mention.end:
        return len(_words(text[word.start : mention.start])) <= 2
    return word.end <= mention.start and not text[word.end : mention.start].strip()
