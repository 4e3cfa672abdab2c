"""Sides of an agreement: in a document, the parties an agreement or a guideline names are
sides of it, not members of anything (tests/realtext/README.md, "Settled conventions").

A sentence is about sides when it names no group and names an agreement (``agreement.words``)
or an agreement-like document (``members.side_documents``: "samverkansavtal", "riktlinjer"),
unless it speaks of work on it (``members.side_work``: "har involverats i arbetet med
LÖK:en"). The items under a scope lead ("Parter", "Verksamheter som omfattas", or a lead that
names agreements: "Flera överenskommelser reglerar samverkan:") are sides too, and so are the
sentences right after a side sentence that named no party ("Överenskommelsen omfattar flera
verksamheter. Från regionen ingår primärvård …"), until a heading, a group or a sentence that
names no party and no member word. Survey answers are not read this way: there, a party "in
the LÖK" takes part in the LÖK work.

>>> from loaders.extract import extract_text
>>> text = "Parter\\n- Socialförvaltningen\\n- Habiliteringen\\n\\nAvtalet gäller från 2020-01-01."
>>> [f.kind for f in extract_text(text, source="t") if f.party]
[]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .agreement_phrase import in_agreement_phrase
from .spans import _find
from .terms import _fold
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .context import _Context
    from .reading import _Reading
    from .sentences import Sentence

__all__ = ["SIDE", "names_document", "is_side", "after_side"]

#: the list lead of a scope list: its items are sides of the agreement, not members
SIDE = "side"

_WORD = re.compile(r"[^\W\d_]+")


def names_document(text: str, v: Vocabulary) -> bool:
    """Whether a sentence names an agreement or an agreement-like document, and no work on it.

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> names_document("Socialtjänsten har samverkansavtal med skolan.", v)
    True
    >>> names_document("I arbetet med LÖK:en har förskolan involverats.", v)
    False
    >>> names_document("I gruppen sitter de verksamheter som riktlinjerna omfattar.", v)
    False
    """
    hits = _find(v.agreement_words, text) + _find(v.extra.side_documents, text)
    # "I gruppen sitter de verksamheter som riktlinjerna omfattar": in a subordinate clause
    # the document is not what the sentence is about (nor is work on one: "… finns, utom i
    # ett län där arbetet med en sådan överenskommelse har kommit långt")
    return bool(_main_clause(text, hits, v)) and not _main_clause(
        text, _find(v.extra.side_work, text), v
    )


def _main_clause(text: str, hits: list, v: Vocabulary) -> list:
    """The hits that no subordinate clause opener ("som", "där", "att" …) stands before."""
    return [
        h for h in hits if not v.scope_breaks & {_fold(w) for w in _WORD.findall(text[: h.start])}
    ]


def is_side(sentence: Sentence, reading: _Reading, ctx: _Context, v: Vocabulary) -> bool:
    """Whether the parties of a document's sentence are sides of an agreement (no members)."""
    if ctx.question is not None or reading.groups:
        return False
    if reading.inherited and ctx.list_lead == SIDE:
        return True
    if names_document(sentence.text, v):
        return True
    if reading.parties and all(in_agreement_phrase(sentence.text, p, v) for p in reading.parties):
        return True  # "… att det saknas en överenskommelse mellan socialtjänsten och BUP"
    return ctx.side_carry and bool(reading.parties) and not _find(v.extra.side_work, sentence.text)


def after_side(sentence: Sentence, reading: _Reading, side: bool, ctx: _Context) -> None:
    """Carry a side sentence that named no party to the sentences after it."""
    if reading.groups or sentence.is_heading:
        ctx.side_carry = False
    elif side and not reading.parties:
        ctx.side_carry = True
    elif not (reading.parties or reading.member_cues):
        ctx.side_carry = False
