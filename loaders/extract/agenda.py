"""Agendas and proposals: a document whose title lines call it a notice of a meeting or an
agenda, and an approval whose object is a plan.

A kallelse, föredragningslista or dagordning (``agreement.agendas`` in the title lines, the
headings before the first paragraph) lists matters to be decided. An agreement it names in a
listed item or a table row ("5. Samverkansavtal om ungdomsmottagning mellan X kommun och
nämnden", "7 A | Överenskommelse om …") is up for decision, so it is in progress (the settled
convention: agenda items are ``in_progress``), and nothing in the document makes it in force.

>>> from loaders.extract import extract_text
>>> text = "Kallelse\\nSocialnämnden\\n\\n1. Upprop\\n2. Överenskommelse om barnahus med regionen"
>>> [(f.agreement_kind, f.status) for f in extract_text(text, source="x", kommun="Mora")
...  if f.kind == "agreement_status"]
[('other', 'in_progress')]

A group an item or a table row names is a matter of the meeting too, not a group the agenda
says exists: its funding ("Finansiering av mobila närvårdsteam"), a review of it ("Översyn av
beredningen"), or the one who presents an item ("Information | ledningsgruppen"). The body
the agenda belongs to stands in its title lines and is read as before.

>>> text = "Kallelse\\nVårdstyrelsen\\n\\n1. Justering\\n2. Finansiering av mobila närvårdsteam"
>>> [f.kind for f in extract_text(text, source="x") if f.kind == "group"]
[]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .spans import _find, _Hit
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .context import _Context
    from .sentences import Sentence

__all__ = [
    "agenda_item",
    "approves_a_plan",
    "decided_proposal",
    "matter_groups",
    "note_agenda",
    "on_agenda",
]

#: the blocks an agenda lists its matters in
_ITEMS = frozenset({"item", "row", "heading"})
#: the blocks whose groups are matters of the meeting, not groups that exist (`matter_groups`)
_MATTERS = frozenset({"item", "row"})


def note_agenda(sentence: Sentence, v: Vocabulary, ctx: _Context) -> None:
    """Note whether the document's title lines (headings before its first paragraph) call it
    an agenda."""
    if not ctx.opening:
        return
    if sentence.block != "heading" and not sentence.is_heading:
        ctx.opening = False
    if _find(v.extra.agendas, sentence.text):
        ctx.agenda = True


def agenda_item(sentence: Sentence, ctx: _Context) -> bool:
    """Whether a sentence is a matter an agenda lists (an item, a row, a heading of its own)."""
    return ctx.agenda and sentence.block in _ITEMS


def matter_groups(sentence: Sentence, ctx: _Context) -> bool:
    """Whether the groups a sentence names are matters of an agenda: it is an item or a table
    row of a document whose title lines call it an agenda (not a heading, which may title the
    body itself)."""
    return ctx.agenda and sentence.block in _MATTERS


def approves_a_plan(hit: _Hit, text: str, v: Vocabulary) -> bool:
    """Whether what an in-force word approves is a plan to make an agreement
    (``agreement.plans``) with at most two words between ("godkändes ett förslag om att
    teckna"), not the proposed agreement itself ("antar förslaget till överenskommelse")."""
    return any(
        h.start >= hit.end and len(text[hit.end : h.start].split()) <= 2
        for h in _find(v.extra.plans, text)
    )


def on_agenda(sentence: Sentence, ctx: _Context, v: Vocabulary) -> bool:
    """An agenda item that names an agreement by a word for one, not only by a brand."""
    return agenda_item(sentence, ctx) and bool(_find(v.agreement_words, sentence.text))


def decided_proposal(hit: _Hit, hits: list[_Hit], text: str, v: Vocabulary) -> bool:
    """Whether a word of work in progress is what an in-force word right before it decides
    ("Nämnden antar förslaget till överenskommelse": the agreement is adopted), not a plan."""
    return any(
        h.key == "in_force"
        and h.end <= hit.start
        and len(text[h.end : hit.start].split()) <= 2
        and not approves_a_plan(h, text, v)
        for h in hits
    )
