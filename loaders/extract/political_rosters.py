"""Political rosters: a group whose own minutes list elected members by their political party
("Beslutande: ordförande (KD); ledamöter (M), (S)", "Ledamot (M), socialnämnden") sits on the
political level (GLOSSARY.md: a group of politicians is `politisk`), and so do its members.

Only the group the document's title names is raised (the minutes are that group's), only where
the document gives at least ``MIN_MARKERS`` party markers (``members.political_parties`` in
brackets), and never a group whose type fixes its level (a family centre).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lokgraph.facts import Fact

from .groups import FIXED_LEVEL_TYPES, political_type
from .spans import _find
from .triggers import triggered_by
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .context import _Context

__all__ = ["MIN_MARKERS", "note_politicians", "party_markers", "political_title_group"]

#: how many party markers a document needs before its title group counts as political
MIN_MARKERS = 2
POLITISK = "politisk"


@triggered_by("extra.political_parties", empty=int)
def party_markers(text: str, v: Vocabulary) -> int:
    """How many political parties a sentence names in brackets ("(S)", "(KD)").

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> party_markers("Beslutande: ordförande (KD); ledamöter (M), (M) och (S)", v)
    4
    >>> party_markers("Skolan (S-skolan) och BUP möts.", v)
    0
    """
    hits = _find(v.extra.political_parties, text)
    return sum(
        1
        for h in hits
        if h.start > 0 and text[h.start - 1] == "(" and text[h.end : h.end + 1] == ")"
    )


def note_politicians(text: str, ctx: _Context, v: Vocabulary) -> None:
    """Remember the document's title (its first sentence) and how many party markers its
    sentences give."""
    if not ctx.title_text:
        ctx.title_text = text
    ctx.party_markers += party_markers(text, v)


def political_title_group(facts: list[Fact], ctx: _Context) -> list[Fact]:
    """The facts with the title's group, its members and absences raised to `politisk`.

    >>> from loaders.extract import extract_text
    >>> text = ("Barnrådet – protokoll\\n\\nBeslutande\\nOrdförande (S), socialnämnden\\n"
    ...         "Ledamot (M), barn- och utbildningsnämnden\\n\\n§ 1 Rådet går igenom året.")
    >>> sorted({(f.kind, f.level) for f in extract_text(text, source="t")
    ...         if f.kind == "group"})
    [('group', 'politisk')]
    >>> sorted({(f.group_type, f.level) for f in extract_text(text, source="t")
    ...         if f.kind == "group"})
    [('politisk_samverkan', 'politisk')]
    """
    if ctx.party_markers < MIN_MARKERS or not ctx.title_text:
        return facts
    titled = {
        (f.group_type, f.group_name)
        for f in facts
        if f.kind == "group" and f.quote == ctx.title_text and f.level != POLITISK
    }
    if len(titled) != 1:
        return facts
    key = titled.pop()
    if key[0] in FIXED_LEVEL_TYPES:
        return facts
    # a generic group so raised is a political body (`groups.political_type`)
    kind = political_type(key[0] or "", POLITISK)
    return [
        f.model_copy(update={"level": POLITISK, "group_type": kind})
        if f.kind in ("group", "member", "absent") and (f.group_type, f.group_name) == key
        else f
        for f in facts
    ]
