"""The document model between sentences: what a heading, a lead line or a pronoun carries on.

A free-text document (an answer with no survey question: a ``.txt`` file, a page, a report)
is read as blocks (`Sentence.block`: heading, paragraph, item, row, roster). What the rules
need from that structure:

- **Lists under a lead.** A line that ends with a colon, or that list items or roster lines
  follow, opens a list when it names a group, a member word or a list heading
  (``members.list_heads``: "Ledamöter", "Deltagare", ``members.scope_heads``: "Verksamheter
  som omfattas", "Parter"). Every item, row or roster line under it gives its parties as
  members (partial when the lead says "vid behov"), or as absent when the lead is an absence
  ("Följande parter saknas:").
- **The group a block is about.** A group named in a heading or a lead line is the group of
  what follows, also under a heading that names no group ("Organisation", "Ledamöter"); a
  scope heading ("Verksamheter som omfattas") leaves its items with no group. A group named
  again keeps the level it was first given, and a document's sentences about a group set its
  level when the first one had no level word (`revise_levels`).
- **Pronouns and bare nouns.** "Gruppen", "Teamet", "De", "Där", "I den" at the start of a
  sentence are the last group named in the document, even across a heading.
- **A lead without its list.** "I gruppen sitter chefer." then "De kommer från skolan och
  BUP.": the second sentence gives the members of the first.

>>> from loaders.extract import extract_text
>>> text = "Barnhälsoteam\\n\\nDessa ingår i teamet\\n• BVC\\n• förskolan\\n\\nSekretess\\nBUP."
>>> [(f.kind, f.party, f.group_type) for f in extract_text(text, source="t") if f.party]
[('member', 'BVC', 'barnhalsoteam'), ('member', 'FORSKOLA', 'barnhalsoteam')]
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from lokgraph.codes import default_level
from lokgraph.facts import Fact

from .context import _Context
from .groups import FIXED_LEVEL_TYPES, political_type
from .membership import _words_of
from .sentences import Sentence
from .sides import SIDE, names_document
from .spans import _find, _outside, _resolve
from .terms import _fold
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .reading import _Reading

#: blocks that continue a list opened by the line before them
LIST_BLOCKS = frozenset({"item", "row", "roster"})


def in_document(ctx: _Context) -> bool:
    """Whether the answer is free text (no survey question), where blocks carry context."""
    return ctx.question is None


def refers_back(sentence: Sentence, v: Vocabulary) -> bool:
    """Whether the sentence opens with a word for the group named before ("Gruppen", "De")."""
    return bool(v.grammar.refers_back.match(sentence.text))


def before_reading(sentence: Sentence, ctx: _Context, v: Vocabulary) -> None:
    """Set up the group a sentence may refer to, before it is read."""
    if not in_document(ctx):
        return
    if ctx.last_group is None and ctx.doc_group is not None and refers_back(sentence, v):
        ctx.last_group = ctx.doc_group


def takes_whole_line(sentence: Sentence, ctx: _Context, v: Vocabulary) -> bool:
    """Whether every party of the sentence belongs to the list its lead opened: an item, row or
    roster line under a lead, or the sentence right after a lead without its list."""
    if not ctx.list_lead:
        return False
    if sentence.block in LIST_BLOCKS:
        return True
    if ctx.continues_any:  # the list itself: two parties or more
        return len(_resolve(_find(v.parties, sentence.text))) >= 2
    return ctx.continues and refers_back(sentence, v)


def lead_of(
    sentence: Sentence,
    following: Sentence | None,
    reading: _Reading,
    v: Vocabulary,
    document: bool = True,
) -> str | None:
    """The kind of list a sentence opens for the lines after it: ``member``,
    ``member_partial``, an absence reason or `SIDE` (the sides of an agreement); None when it
    opens none."""
    text = sentence.text.rstrip()
    listed = following is not None and following.block in LIST_BLOCKS
    if sentence.block in LIST_BLOCKS or not (text.endswith(":") or listed):
        return None
    named = [
        p
        for p in reading.parties
        if (p.start, p.end) not in reading.topics and not _at_place(text, p.start, v)
    ]
    if named and not _ends_with_member_word(text, v):
        return None  # ("… har fått stöd i samverkan med:" opens a list even so; a place does
        # not count: "På varje skola finns ett elevhälsoteam:")
    if reading.absence_reason:
        return reading.absence_reason
    scope = _find(v.scope_heads, text)
    if document and not reading.groups and (scope or names_document(text, v)):
        return SIDE  # "Parter:", "Flera överenskommelser reglerar samverkan:"
    heads = _find(v.list_heads, text) or scope
    if reading.groups or reading.member_cues or heads or _ends_with_member_word(text, v):
        return "member_partial" if _find(v.partial_cues, text) else "member"
    return None


def _same_paragraph(following: Sentence | None) -> bool:
    """Whether the next sentence goes on in the same paragraph."""
    return (
        following is not None and following.block == "paragraph" and not following.opens_paragraph
    )


def _at_place(text: str, pos: int, v: Vocabulary) -> bool:
    """Whether a place preposition and a determiner stand before ``pos`` ("På varje skola")."""
    words = [_fold(w) for w in re.findall(r"\w+", text[max(0, pos - 30) : pos])][-2:]
    return (
        len(words) == 2
        and words[0] in v.grammar.colocation_prepositions
        and words[1] in v.extra.place_determiners
    )


def _ends_with_member_word(text: str, v: Vocabulary) -> bool:
    """Whether a line ends with a member word and a colon ("… stöd i samverkan med:")."""
    if not text.endswith(":"):
        return False
    end = len(text) - 1
    return any(
        not text[h.end : end].strip()
        for h in _find(v.member_cues, text) + _find(v.weak_member_cues, text)
    )


def after_reading(
    sentence: Sentence, following: Sentence | None, reading: _Reading, ctx: _Context, v: Vocabulary
) -> None:
    """Update what the next sentences inherit: the list lead and the group of the block."""
    whole = takes_whole_line(sentence, ctx, v)
    keep = reading.inherited or (whole and sentence.block in LIST_BLOCKS)
    # the answer's paragraph goes on: "Vilka kan vara med? Det är barnets behov som avgör. Det
    # kan vara personal från skolan och BUP."
    waiting = ctx.continues_any and not reading.parties and _same_paragraph(following)
    lead = ctx.list_lead if keep or waiting else None
    ctx.continues = ctx.continues_any = waiting
    opened = lead_of(sentence, following, reading, v, in_document(ctx))
    if opened is not None:
        lead = opened
    elif (
        in_document(ctx)
        and (reading.groups or refers_back(sentence, v))
        and reading.member_cues
        and not reading.parties
        and following is not None
        and refers_back(following, v)
    ):
        lead, ctx.continues = "member", True  # "I gruppen sitter chefer. De kommer från …"
    elif (
        in_document(ctx)
        and reading.member_cues
        and not (reading.parties or reading.groups)
        and _words_of(sentence.text) & v.grammar.actors
        and following is not None
        and following.block == "paragraph"
    ):
        # "Flera aktörer deltar. I kommunen finns förskola och skola, i regionen BUP."
        lead, ctx.continues, ctx.continues_any = "member", True, True
    elif (
        in_document(ctx)
        and sentence.text.rstrip().endswith("?")
        and reading.member_cues
        and not (reading.parties or reading.groups)
        and following is not None
        and following.block == "paragraph"
    ):
        # a question about who takes part answered by the paragraph under it: "Vilka kan vara
        # med?" then "Det kan vara personal från skolan, BUP eller socialtjänsten."
        lead, ctx.continues, ctx.continues_any = "member", True, True
    ctx.list_lead = lead
    if reading.groups and sentence.block == "roster":
        return  # "Lena Vik, regional styrgrupp": where one person sits, not the list's group
    if reading.groups:
        ctx.last_group = reading.groups[-1]
        ctx.doc_group = reading.groups[-1]
        return
    if not in_document(ctx):
        return
    if _find(v.scope_heads, sentence.text):
        ctx.last_group = None  # "Verksamheter som omfattas": the items belong to no group


def note_mentions(sentence: Sentence, reading: _Reading, ctx: _Context, v: Vocabulary) -> None:
    """Remember the sentences about each group of a document (for `revise_levels`)."""
    if not in_document(ctx):
        return
    if reading.groups:
        for g in reading.groups:
            ctx.mentions.setdefault((g.group_type, g.name), []).append(sentence.text)
            if g.told_level and (g.group_type, g.name) not in ctx.explicit:
                ctx.told.add((g.group_type, g.name))
            ctx.explicit.setdefault((g.group_type, g.name), g.explicit_level)
    elif ctx.last_group is not None and refers_back(sentence, v):
        g = ctx.last_group
        ctx.mentions.setdefault((g.group_type, g.name), []).append(sentence.text)


def _level_votes(sentences: list[str], v: Vocabulary) -> str | None:
    """The level the sentences about a group speak for: level words first, then the cues of
    ``level_cues``; None when they say nothing or are split evenly."""
    for terms in (v.levels, v.level_cues):
        votes: Counter[str] = Counter()
        for text in sentences:
            ignore = [(h.start, h.end) for h in _find(v.level_ignore, text)]
            votes.update(h.key for h in _resolve(_outside(_find(terms, text), ignore)))
        ranked = votes.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
    return None


def revise_levels(facts: list[Fact], ctx: _Context, v: Vocabulary) -> list[Fact]:
    """The facts of a document with each group's level read from everything the document
    says about it, where the sentence that first named it had no level word: "Den lokala
    BUS-gruppen samordnar stödet tillsammans med dig och ditt barn" makes the BUS-grupp of the
    paragraph before a group on the individual level, and its members with it."""
    if not in_document(ctx):
        return facts
    levels = {
        key: level
        for key, sentences in ctx.mentions.items()
        if (not ctx.explicit.get(key) or key in ctx.told)
        # a political body decides too: what it does never lowers its level
        and default_level(key[0]) != "politisk"
        and key[0] not in FIXED_LEVEL_TYPES
        and (level := _level_votes(sentences, v)) is not None
        # a level the group word gave ("samrådet": individ) yields only to politicians in it
        and (key not in ctx.told or level == "politisk")
    }
    if not levels:
        return facts
    out = []
    for f in facts:
        level = levels.get((f.group_type or "", f.group_name))
        if level is not None and f.kind in ("group", "member", "absent") and f.level != level:
            kind = political_type(f.group_type or "", level)
            f = f.model_copy(update={"level": level, "group_type": kind})
        out.append(f)
    return out
