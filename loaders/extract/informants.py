"""Informants: the parties an audit or a study interviewed or surveyed give information, they
do not take part in a collaboration (tests/realtext/README.md: the scope of an audit is no
membership). A party after a word of an interview or a survey (``members.informant_cues``:
"intervjuat", "intervjuer med", "tillfrågats", "enkät") in the same clause, with no clause
opener between (``members.scope_breaks``: "som", "att"), is an informant. Not where the
interviewed are the source of what the sentence says (a word of ``informant_sources`` right
before the cue: "Enligt de intervjuade deltar BUP regelbundet", "I intervjuerna beskrivs
samverkan mellan …").

>>> from loaders.extract.vocabulary import load_vocabulary
>>> from loaders.extract.spans import _find, _resolve
>>> v = load_vocabulary()
>>> text = "Revisorerna har intervjuat företrädare för socialtjänsten och BUP."
>>> [text[a:b] for a, b in informants(text, _resolve(_find(v.parties, text, "party")), v)]
['socialtjänsten', 'BUP']
>>> text = "Enligt de intervjuade deltar BUP regelbundet."
>>> informants(text, _resolve(_find(v.parties, text, "party")), v)
[]
"""

from __future__ import annotations

from .spans import _find, _Hit, _words
from .terms import _fold
from .triggers import triggered_by
from .vocabulary import Vocabulary

__all__ = ["informants"]

_CLAUSE_ENDS = ".;:!?"


@triggered_by("extra.informant_cues", empty=list)
def informants(text: str, hits: list[_Hit], v: Vocabulary) -> list[tuple[int, int]]:
    """The spans of the party words in ``hits`` that are informants (see the module)."""
    cues = [c for c in _find(v.extra.informant_cues, text) if not _source(text, c, v)]
    out: list[tuple[int, int]] = []
    for h in hits:
        if h.kind != "party":
            continue
        for c in cues:
            between = text[c.end : h.start]
            if c.end > h.start or any(ch in between for ch in _CLAUSE_ENDS):
                continue
            if any(_fold(w) in v.scope_breaks for w, _, _ in _words(between)):
                continue
            out.append((h.start, h.end))
            break
    return out


def _source(text: str, cue: _Hit, v: Vocabulary) -> bool:
    before = _words(text[max(0, cue.start - 30) : cue.start])[-1:]
    return any(_fold(w) in v.extra.informant_sources for w, _, _ in before)
