r"""National agreements (the state and SKR their sides) are no agreement of the county or the
kommun: the sentence that names one, the sentence right after it that only refers back, and a
heading just before it that names the agreement by a bare word give no agreement item.

>>> from loaders.extract import extract_text
>>> text = (
...     "Överenskommelsen för 2030\n\n"
...     "Regeringen och SKR har kommit överens om en överenskommelse för 2030."
... )
>>> [f for f in extract_text(text, source="doc") if f.kind == "agreement_status"]
[]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dated_lines import fronted_subject
from .spans import _find, _resolve, _words
from .terms import _fold
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .context import _Context
    from .sentences import Sentence

__all__ = ["drop_national_heading", "national_again"]

#: the sides that make an agreement ours (a kommun, the region, a board)
_OURS = frozenset({"kommun", "region", "board"})


def _states_only(text: str, v: Vocabulary) -> bool:
    """Whether the sides a text names are the state's (staten, SKR), none of the region or a
    kommun."""
    # the longest name wins: "Sveriges Kommuner och Landsting" is the state's, not a region
    keys = {h.key for h in _resolve(_find(v.agreement_sides, text))}
    return "state" in keys and not keys & {"kommun", "region", "board"}


def national_again(text: str, v: Vocabulary) -> bool:
    """Whether a sentence after one on a national agreement speaks of that one: it refers
    back ("Överenskommelsen ska ge …") and names no kind and no side of its own."""
    sides = {h.key for h in _find(v.agreement_sides, text)} & {"kommun", "region", "board"}
    return _refers_back(text, v) and not sides and not _find(v.agreement_kinds, text)


def drop_national_heading(sentence: Sentence, votes: list, v: Vocabulary, ctx: _Context) -> None:
    """After a document sentence is read: a heading that named an agreement by a bare word
    ("Överenskommelsen för 2021–2022") and voted, followed right away by a sentence on a
    national agreement, was about that one; its votes are taken back from the document's."""
    bare, ctx.bare_heading_votes = ctx.bare_heading_votes, 0
    if ctx.national and bare and len(ctx.votes) >= bare:
        del ctx.votes[-bare:]
    elif sentence.block == "heading" and votes and _bare(sentence.text, v):
        ctx.bare_heading_votes = len(votes)


def _bare(text: str, v: Vocabulary) -> bool:
    """Whether a text names no kind of agreement and no side of one ("Överenskommelsen för
    2021–2022", not "Lokal överenskommelse" or "Överenskommelse med regionen")."""
    sides = {h.key for h in _find(v.agreement_sides, text)}
    return not sides & _OURS and not _find(v.agreement_kinds, text)


def _refers_back(text: str, v: Vocabulary) -> bool:
    """Whether a sentence refers to the agreement named before: a word for it anywhere
    ("Alla parter har antagit överenskommelsen"), a pronoun only as its first word ("Den
    gäller från …", not "… för att klara det")."""
    words = [_fold(w) for w, _, _ in _words(text)]
    nouns = v.grammar.agreement_refers - v.absence_roles["subject_pronouns"]
    if _find(v.version_words, text):
        return True  # "den version som gäller till …"
    if len(words) > 1 and words[1] in v.grammar.determiner_followers:
        words = words[1:]  # "Den tredje delen är planerad till …": an article, not "it"
    if bool(words) and (words[0] in v.grammar.agreement_refers or bool(nouns & set(words))):
        return True
    return fronted_subject(text, v)  # "I januari 2021 trädde den i kraft"
