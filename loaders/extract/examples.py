"""Examples of who meets, named the sentence before the meeting: "Ett barn kan behöva stöd
från flera håll, till exempel från BVC, elevhälsan och socialtjänsten. … så att ett team kan
bildas kring barnet." The services of the examples are members of the group the next sentence
forms or meets in (tests/realtext/README.md, "Examples of who meets"), at its level.

A sentence holds examples when it names two parties or more after an example marker
(``grammar.example_markers``) and no group, member word or absence; the next sentence takes
them when it names a group, no party, and a word for a group being formed or meeting
(``members.formed_words``: "bildas", "samlas", "kallas till").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lokgraph.facts import Fact

from .meetings import is_meeting
from .spans import _find, _folded_words
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .context import _Context
    from .reading import _Reading

__all__ = ["pending_examples", "examples_taken", "examples_here"]


def pending_examples(reading: _Reading, v: Vocabulary) -> tuple[str, ...]:
    """The party codes a sentence gives as examples, when it places them nowhere else.

    >>> from loaders.extract import load_vocabulary
    >>> from loaders.extract.reading import _read
    >>> from loaders.extract.sentences import Sentence
    >>> v = load_vocabulary()
    >>> text = "Stöd kan komma från till exempel BVC, elevhälsan och socialtjänsten."
    >>> pending_examples(_read(Sentence(text), v, None), v)
    ('BVC', 'ELEVHALSA', 'SOCIALTJANST')
    """
    if reading.groups or reading.member_cues or reading.member_spans or reading.absent:
        return ()
    marker = v.extra.example_words.search(reading.text)
    if marker is None:
        return ()
    # ("Skola, vården (till exempel BUP) och socialtjänst …": the whole list it stands in)
    keys = tuple(dict.fromkeys(p.key for p in reading.parties))
    return keys if len(keys) >= 2 else ()


def examples_taken(reading: _Reading, ctx: _Context, v: Vocabulary, base: dict) -> list[Fact]:
    """Member facts for the examples of the sentence before, when this one forms their group."""
    if not ctx.examples or not reading.groups or reading.parties:
        return []
    g = reading.groups[-1]
    if not (_find(v.extra.formed_words, reading.text) or is_meeting(g, v)):
        return []  # ("Det görs vid ett SIP-möte": a meeting is formed by who comes to it)
    said = {**base, "quote": ctx.examples_quote}
    return [
        Fact(
            kind="member",
            party=key,
            group_type=g.group_type,
            level=g.level,
            group_name=g.name,
            **said,
        )
        for key in ctx.examples
    ]


def examples_here(reading: _Reading, text: str, v: Vocabulary, meeting_doc: bool = False) -> None:
    """Examples of who meets in the sentence that names the meeting: "… ett SIP-möte där ni
    träffar de som ansvarar, till exempel personal från socialtjänsten, skolan eller
    habiliteringen". With a group and a word of meeting (``members.meeting_verbs``), the two
    services or more after an example marker are members of the group (added in place).

    In a document about a meeting on one child (``meeting_doc``: a SIP, a network meeting,
    `casework`), the meeting need not be named in the sentence: "Även personal från till
    exempel skolan och förskolan kan delta" names who comes to it, and `casework_members`
    puts them in its group at `individ`."""
    if not (reading.groups or meeting_doc) or reading.member_spans:
        return
    marker = v.extra.example_words.search(text)
    if marker is None:
        return
    words = {w for w, _, _ in _folded_words(text)[0]}
    if not words & v.extra.meeting_verbs:
        return
    absent = {reading.parties[i].key for i in reading.absent}
    after = [
        p
        for p in reading.parties
        if p.start >= marker.end()
        and p.key not in absent
        and (p.start, p.end) not in reading.topics
    ]
    if len({p.key for p in after}) >= 2:
        reading.member_spans = reading.member_spans + [(p.start, p.end) for p in after]
