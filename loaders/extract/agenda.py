"""Agendas: a document whose title lines call it a notice of a meeting or an agenda.

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
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .spans import _find
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .context import _Context
    from .sentences import Sentence

__all__ = ["agenda_item", "note_agenda"]

#: the blocks an agenda lists its matters in
_ITEMS = frozenset({"item", "row", "heading"})


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
