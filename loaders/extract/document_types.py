"""Kinds of document named in general: "riktlinjer och rutiner", "överenskommelser och avtal".

A sentence whose every agreement word stands in the indefinite plural, joined ("och", "eller",
"samt", a comma) to another word for a kind of document (``agreement.document_types``:
rutiner, anvisningar, delegationer, dokument …), names kinds of document, not an agreement of
its own: a heading over a list of links ("Överenskommelser och praktiska anvisningar"), the
question of an audit ("om det finns fastställda riktlinjer och rutiner"), the minutes of a
board ("delegationer och riktlinjer reviderades"). It gives no agreement status, unless it
names the sides of one ("överenskommelser och rutiner mellan landsting och kommuner").

>>> from loaders.extract import load_vocabulary
>>> v = load_vocabulary()
>>> names_types("Överenskommelser och praktiska anvisningar", v)
True
>>> names_types("Nämnden reviderade delegationer och riktlinjer.", v)
True
>>> names_types("Riktlinjerna och rutinerna gäller från 2020.", v)
False
>>> names_types("Det finns överenskommelser och rutiner mellan regionen och kommunerna.", v)
False
>>> names_types("Det finns en överenskommelse och rutiner för SIP.", v)
False
"""

from __future__ import annotations

from .agreements import _documents_in
from .spans import _find, _Hit, _words
from .terms import _fold
from .triggers import triggered_by
from .vocabulary import Vocabulary

__all__ = ["names_types"]


@triggered_by("document_types", empty=bool)
def names_types(text: str, v: Vocabulary) -> bool:
    """Whether a sentence names kinds of document in general and no agreement (see the
    module)."""
    mentions = _documents_in(text, v)
    if not mentions or any(h.key in ("region", "kommun") for h in _find(v.agreement_sides, text)):
        return False
    types = _find(v.document_types, text)
    return all(_general(text, m, types, v) for m in mentions)


def _general(text: str, mention: _Hit, types: list[_Hit], v: Vocabulary) -> bool:
    """Whether an agreement word is an indefinite plural joined to another kind of document
    ("riktlinjer och rutiner", "överenskommelser och praktiska anvisningar")."""
    words = _words(text[mention.start : mention.end])
    if not words or v.grammar.definite.search(_fold(words[-1][0])):
        return False
    if not v.grammar.plural.search(_fold(words[-1][0])):
        return False  # "en överenskommelse och rutiner": one agreement
    for t in types:
        if t.start < mention.end and mention.start < t.end:
            continue  # the agreement word itself ("riktlinjer")
        first, second = sorted(((mention.start, mention.end), (t.start, t.end)))
        gap = [_fold(w) for w in text[first[1] : second[0]].replace(",", " , ").split()]
        if gap and len(gap) <= 2 and (gap[0] in v.grammar.list_joiners or gap[0] == ","):
            return True
    return False
