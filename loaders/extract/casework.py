"""Casework documents: a page about meetings on individual children gives its group that level.

A document that speaks of the consent a guardian gives before the services may share what
they know about a child, or of the network meeting held around one child
(``members.casework_cues``: "samtycke", "nätverksmöte"), describes collaboration about
individual children (tests/realtext/README.md: "A team formed around one child that is not
called a SIP is `samverkansgrupp` at `individ`"). The services it names as working together
without a group word are the members of that meeting's group at `individ`: of the one group
the document names, when that group is on the individual level, or of a new
`samverkansgrupp` at `individ` when it names no group (a `sip_samverkan` when the document's
title speaks of a SIP, ``members.casework_sip``, or the sentence that made it casework does; a
SIP named in the body as a next step after a consent leaves it a `samverkansgrupp`). A SIP is
itself casework: the plan is made at a meeting about one child, so a page that speaks of one
("Vilka är med på en SIP?", "Vid behov kallar vi till en SIP") is a casework document too. A
document that names a group on another level is left as it is (its services may sit there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lokgraph.facts import Fact

from .spans import _find
from .triggers import triggered_by
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .context import _Context

__all__ = ["casework_members", "is_casework", "note_casework"]

INDIVID = "individ"
TEAM = "samverkansgrupp"
SIP = "sip_samverkan"


@triggered_by("extra.casework_cues", empty=bool)
def is_casework(text: str, v: Vocabulary) -> bool:
    """Whether a sentence speaks of casework about one child (consent, a network meeting).

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> is_casework("Föräldrarna ger först sitt samtycke.", v)
    True
    >>> is_casework("Skolan och BUP träffas varje termin.", v)
    False
    """
    return bool(_find(v.extra.casework_cues, text))


@triggered_by("extra.casework_sip", empty=bool)
def speaks_of_sip(text: str, v: Vocabulary) -> bool:
    """Whether a sentence speaks of a SIP.

    >>> from loaders.extract import load_vocabulary
    >>> speaks_of_sip("Då kan en SIP vara något för dig.", load_vocabulary())
    True
    """
    return bool(_find(v.extra.casework_sip, text))


def note_casework(text: str, ctx: _Context, v: Vocabulary) -> None:
    """Remember the first sentence of a document that speaks of casework about one child (a
    SIP is such work: a plan made at a meeting about one child)."""
    if not ctx.casework_quote and (is_casework(text, v) or speaks_of_sip(text, v)):
        ctx.casework_quote = text


def casework_members(facts: list[Fact], ctx: _Context, v: Vocabulary) -> list[Fact]:
    """The facts of a casework document with its members of no group moved to its individ group.

    >>> from loaders.extract import extract_text
    >>> text = ("Om stöd till unga\\n\\nSkola och socialtjänst arbetar tillsammans med familjen."
    ...         "\\n\\nVårdnadshavaren skriver först under ett samtycke.")
    >>> sorted((f.kind, f.party, f.group_type, f.level)
    ...        for f in extract_text(text, source="t") if f.kind in ("member", "group"))
    ... # doctest: +NORMALIZE_WHITESPACE
    [('group', None, 'samverkansgrupp', 'individ'),
     ('member', 'SKOLA', 'samverkansgrupp', 'individ'),
     ('member', 'SOCIALTJANST', 'samverkansgrupp', 'individ')]
    """
    if not ctx.casework_quote:
        return facts
    loose = [f for f in facts if f.kind == "member" and f.group_type is None and f.party]
    if not loose:
        return facts
    groups = {(f.group_type, f.group_name, f.level) for f in facts if f.kind == "group"}
    if len(groups) > 1 or any(level != INDIVID for _, _, level in groups):
        return facts
    out = list(facts)
    if groups:
        group_type, name, _ = groups.pop()
    else:
        sip = speaks_of_sip(ctx.title_text, v) or speaks_of_sip(ctx.casework_quote, v)
        group_type, name = (SIP if sip else TEAM), None
        first = next(f for f in facts if f.kind == "member")
        out.append(
            Fact(
                kind="group",
                group_type=group_type,
                level=INDIVID,
                kommun=first.kommun,
                respondent=first.respondent,
                question=first.question,
                quote=ctx.casework_quote,
                source=first.source,
            )
        )
    moved = {"group_type": group_type, "group_name": name, "level": INDIVID}
    return [f.model_copy(update=moved) if f in loose else f for f in out]
