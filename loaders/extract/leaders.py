"""Who leads or convenes is a member only of a group: a member word of leading or convening
(``members.leader_cues``: "leds av", "sammankallande") counts where the sentence names a
group, or where it speaks of the group named before: its subject refers back ("Den leds av
rektor", "Gruppen leds av …": ``grammar.governance_pronouns``, ``members.group_references``)
or it opens with the word ("Sammankallande är socialchefen"). Otherwise it tells how a
service is run, not who takes part in anything ("IFO leds av en avdelningschef",
"Förvaltningen är huvudman, och verksamheten leds av chefen för elevhälsan").

>>> from loaders.extract import extract_text
>>> def members(text):
...     return [(f.party, f.group_type) for f in extract_text(text, source="x")
...             if f.kind == "member"]
>>> members("Verksamheten leds av chefen för elevhälsan.")
[]
>>> members("Styrgruppen leds av socialchefen.")
[('SOCIALTJANST', 'styrgrupp')]
>>> members("Vi har en styrgrupp för barn och unga. Den leds av socialchefen.")
[('SOCIALTJANST', 'styrgrupp')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .spans import _find, _words
from .terms import _fold
from .triggers import triggered_by
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .groups import _GroupMention
    from .reading import _Reading

__all__ = ["without_leaders"]


@triggered_by("member_cues")
def without_leaders(
    text: str, reading: _Reading, previous: _GroupMention | None, v: Vocabulary
) -> None:
    """Drop the leading and convening member words of a sentence that speaks of no group."""
    if reading.groups or reading.inherited or not reading.member_cues:
        return
    leaders = v.extra.leader_cues
    cues = [c for c in reading.member_cues if c.term is not None and _fold(c.term.text) in leaders]
    if not cues or (previous is not None and _of_the_group(text, cues[0].start, v)):
        return
    reading.member_cues = [c for c in reading.member_cues if c not in cues]


def _of_the_group(text: str, start: int, v: Vocabulary) -> bool:
    """Whether the words before a leader word speak of the group named before: there are
    none ("Sammankallande är …"), or the first refers back ("Den", "Gruppen", "Nätverket")."""
    if not _words(text[:start]):
        return True
    if v.grammar.governance_pronoun.match(text):
        return True
    return any(h.start == 0 for h in _find(v.extra.group_references, text))
