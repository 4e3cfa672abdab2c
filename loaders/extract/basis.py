"""Collaboration as a basis, a support or a need, not a report of who takes part: "Modellen
bygger på samverkan mellan skola och socialtjänst", "Styrkan ligger i samarbetet mellan
BVC och öppna förskolan", "Lagen stöder samverkan mellan vårdgivare och skola", "Det kräver
samverkan mellan …" (tests/realtext/README.md: a general statement of duty, need or wish
gives no member). A word of ``members.basis_words`` in the clause before a member word of
collaboration ("samverkan mellan", "samarbete mellan": ``grammar.between_words``) makes it
one. Where the sentence names a group, the group is what the collaboration is the basis of
("Teamen bygger på ett nära samarbete mellan skola och socialtjänst"), and its members stay.

>>> from loaders.extract.vocabulary import load_vocabulary
>>> from loaders.extract.spans import _find
>>> v = load_vocabulary()
>>> def basis(text):
...     cue = [c for c in _find(v.member_cues, text, "member")][0]
...     return collaboration_basis(text, cue, v)
>>> basis("Modellen bygger på ett nära samarbete mellan skola och socialtjänst.")
True
>>> basis("Arbetet sker i samverkan mellan skola och socialtjänst.")
False
>>> basis("Styrgruppen bygger på samverkan mellan skola och socialtjänst.")
False
"""

from __future__ import annotations

from .spans import _find, _head, _Hit, _words
from .terms import _fold
from .vocabulary import Vocabulary

__all__ = ["basis_sentence", "collaboration_basis"]


def collaboration_basis(text: str, cue: _Hit, v: Vocabulary) -> bool:
    """Whether a member word of collaboration is what something is based on, supported by or
    needs, in a sentence that names no group (see the module)."""
    if not {_fold(w) for w, _, _ in _words(text[cue.start : cue.end])} & v.grammar.between:
        return False
    head = {_fold(w) for w, _, _ in _words(_head(text, cue.start))}
    if not head & v.extra.basis_words:
        return False
    return not _find(v.groups, text) and not _group_word(text, v)


def basis_sentence(text: str, v: Vocabulary) -> bool:
    """Whether a sentence makes collaboration a basis or a need (see the module): then it
    describes, it does not list a centre's services either ("Styrkan ligger i samverkan
    mellan verksamheter som mödrahälsovård, barnhälsovård och öppen förskola")."""
    return any(collaboration_basis(text, c, v) for c in _find(v.member_cues, text, "member"))


def _group_word(text: str, v: Vocabulary) -> bool:
    """Whether a word of the sentence is a group word's head or ends in one, inflected
    ("teamen", "HLT-teamet", "nätverken": ``compound_heads``)."""
    words = [_fold(w) for w, _, _ in _words(text)]
    ends = v.grammar.group_inflections
    return any(
        h in w and w[w.rindex(h) + len(h) :] in ends for h, _ in v.compound_heads for w in words
    )
