"""The kind of agreement a sentence of a document is about, with the subject a heading gives.

The settled convention (tests/realtext/README.md, "Agreement kind"): the subject decides
before the sides. An agreement on one service or one group of children (a family centre, a
youth clinic, a barnahus) is ``other`` even between one kommun and the region, and so is an
agreement told under a heading or a title that names such a subject ("Familjecentraler", then
"Kommunen har ett avtal med regionen"). The subject words are ``agreement.subjects``.

>>> from loaders.extract import extract_text
>>> text = "Familjecentraler\\n\\nKommunen har en lokal överenskommelse med regionen sedan 2019."
>>> [(f.agreement_kind, f.status) for f in extract_text(text, source="x", kommun="Mora")
...  if f.kind == "agreement_status"]
[('other', 'in_force')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .agreement_again import named_again, note_kind_words
from .agreements import kind_of, new_side
from .spans import _find
from .terms import _fold
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .context import _Context
    from .reading import _Reading
    from .sentences import Sentence

__all__ = ["kind_in_document", "note_subject"]


def note_subject(sentence: Sentence, first: bool, v: Vocabulary, ctx: _Context) -> None:
    """Remember whether the title or the heading a sentence stands under names a subject of an
    agreement: the title for the whole document, a heading until the next heading."""
    ctx.subject_before, ctx.subject_now = (
        ctx.subject_now,
        bool(_find(v.agreement_subjects, sentence.text)),
    )
    lead = sentence.text.rstrip().endswith(":")
    if not (first or lead or sentence.block == "heading"):
        return
    named = ctx.subject_now
    if first and named:
        ctx.named_other = True  # a page titled "Ungdomsmottagningar": its agreement is on them
        ctx.subject_titled = True
    if not lead or named:
        # a lead line ("… godkänna förslaget om ungdomsmottagningarna:") carries its subject
        # to the items under it, until the next heading
        ctx.subject_heading = named


def kind_in_document(
    text: str, reading: _Reading, v: Vocabulary, ctx: _Context, row: bool = False
) -> str | None:
    """The kind of agreement a sentence of a document is about (see `agreements.kind_of`): a
    document that named a BUS agreement keeps calling it that ("Överenskommelsen tecknades av
    alla kommuner i länet"), a sentence under a title or heading with a subject is on that
    subject (or, opening "Det har …", on the subject of the sentence before), a ``row`` of a
    table of agreements is one by its cells alone, and a sentence
    that only refers back takes the kind named before (not that of
    agreements named in general, `_generic`)."""
    kommuner = reading.kommuner
    side = new_side(text, v)
    if side is not None and side[0] > 0:
        # "De tidigare Västbus-riktlinjerna ersätts av den nya …": the old kind's history
        # ("Riktlinjerna antogs 2005") is no longer an agreement in force
        old = kind_of(text[: side[0]], v)
        if old is not None and old != kind_of(text[side[0] : side[1]], v):
            ctx.replaced_kinds.add(old)
    if side is not None:  # the new one's kind
        kommuner = [
            k._replace(start=k.start - side[0], end=k.end - side[0])
            for k in kommuner
            if side[0] <= k.start and k.end <= side[1]
        ]
        text = text[side[0] : side[1]]
    raw = kind_of(text, v, raw=True, kommuner=kommuner, own=ctx.kommun, listed=row)
    raw = named_again(text, raw, v, ctx)  # "Samverkansavtalet" after a county-wide one
    if raw in ("LOK", "ROK", None) and ctx.subject_before and _find(v.extra.topic_openers, text):
        raw = "other_subject"  # "… med läs- och skrivsvårigheter. Det har kommunerna enats om"
    if raw == "other_named":
        ctx.named_other = True
    county = {h.term.text for h in _find(v.agreement_kinds, text) if h.key == "ROK" and h.term}
    if raw == "other_subject":
        ctx.subject_county_words |= county
    elif raw == "ROK" and county and county <= ctx.subject_county_words:
        # "… en länsöverenskommelse om hälsoundersökningar …", later "Länsöverenskommelsen
        # finns här": the one on that subject again
        raw = "other_subject"
    kind = "other" if raw in ("other_named", "other_subject") else raw
    if kind == "ROK" and ctx.named_other:
        kind = "other"
    if kind in ("LOK", "ROK") and (ctx.subject_titled or ctx.subject_heading):
        kind = "other"  # "Familjecentraler" above "Kommunen har ett avtal med regionen"
    first = text.split(maxsplit=1)[0] if text.split() else ""
    if kind is None and _fold(first) in v.grammar.agreement_refers:
        return ctx.agreement_kind  # "Den tecknades 2012": the one named before
    if kind is not None and not _generic(text, v):
        ctx.agreement_kind = kind
    note_kind_words(text, kind, v, ctx)
    return kind


def _generic(text: str, v: Vocabulary) -> bool:
    """Whether every agreement a text names is one in the indefinite plural ("Lokala
    överenskommelser ska tecknas"): agreements in general, not one a later sentence refers to."""
    generic = _find(v.extra.generic_plurals, text)
    named = _find(v.agreement_words, text)
    return bool(generic) and all(any(g.start <= h.start < g.end for g in generic) for h in named)
