"""An agreement named again by the head of its name: "Länsövergripande samverkansavtal
2018–2020" over "Samverkansavtalet ersätter de tidigare länsavtalen" is one agreement, a RÖK,
not a second one of another kind because its bare word is a kind word of its own
(``agreement.kinds: other``).

A sentence whose only kind words are of the kind ``other`` and stand in the definite form
("samverkansavtalet") takes the kind the same word had where the document named it before
with a word that made it another kind ("länsövergripande samverkansavtal"), as a group named
again by its bare word is the group named before.

>>> from loaders.extract import load_vocabulary
>>> from loaders.extract.context import _Context
>>> v = load_vocabulary()
>>> ctx = _Context(source="doc", kommun=None, question=None, respondent=None)
>>> note_kind_words("Länsövergripande samverkansavtal 2018–2020", "ROK", v, ctx)
>>> named_again("Samverkansavtalet ersätter de tidigare länsavtalen.", "other", v, ctx)
'ROK'
>>> named_again("Ett samverkansavtal om familjecentraler tecknas.", "other", v, ctx)
'other'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .spans import _find
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .context import _Context

__all__ = ["named_again", "note_kind_words"]


def _other_words(text: str, v: Vocabulary) -> list[tuple[str, str]]:
    """The kind words of the kind ``other`` in a text: (the term, the word as written)."""
    return [
        (h.term.text, text[h.start : h.end])
        for h in _find(v.agreement_kinds, text)
        if h.key == "other" and h.term is not None
    ]


def named_again(text: str, raw: str | None, v: Vocabulary, ctx: _Context) -> str | None:
    """The kind of a sentence's agreement: the earlier kind of its word when the sentence names
    it again in the definite form by a kind word of ``other`` alone (see the module)."""
    if raw != "other":
        return raw
    words = _other_words(text, v)
    if not words or not all(v.grammar.definite.search(word) for _, word in words):
        return raw
    kinds = {ctx.kind_words.get(term) for term, _ in words}
    if len(kinds) == 1 and None not in kinds:
        return kinds.pop()
    return raw


def note_kind_words(text: str, kind: str | None, v: Vocabulary, ctx: _Context) -> None:
    """Remember the kind a sentence gave the ``other`` kind words it names in the indefinite
    form, when that kind is another ("Länsövergripande samverkansavtal": RÖK)."""
    if kind is None or kind == "other":
        return
    for term, word in _other_words(text, v):
        if not v.grammar.definite.search(word):
            ctx.kind_words.setdefault(term, kind)
