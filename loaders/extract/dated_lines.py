"""Dates of an agreement told outside the order `agreements.validity` reads: a date that opens
the sentence, and a subjectless line on validity.

Swedish puts the finite verb second: a time adverbial that opens a sentence has the verb right
after it and the subject after the verb ("2019 tecknades en avsiktsförklaring", "I januari
2021 trädde den i kraft", "Den 1 mars 2021 började den gälla"). Such a date is read with the
verb after it, the subject (a pronoun or an agreement word) set aside, so the cue words of
``agreement.valid_from`` and ``valid_to`` apply as they do before a date; and a pronoun in
that subject place refers back to the agreement named before, as one that opens a sentence
does ("Den trädde i kraft …"). The words that may stand before such a date are
``agreement.fronted_openers`` ("i", "den", "hösten").

A line that opens with a word of ``agreement.validity_labels`` and gives dates ("Gäller
2020-06-01 – 2022-12-31", "Giltighetstid 2021–2024", "Avtalstiden är tre år från och med …")
is a header field of the document, like "Gäller från: …" (``agreement.header_fields``); so
is a line of dates right under a heading that is such a label alone ("Giltighetstid" over
"2022-01-01 – 2025-12-31").

>>> from loaders.extract import load_vocabulary
>>> v = load_vocabulary()
>>> dated("I januari 2021 trädde den i kraft.", v)
('2021-01-01', None)
>>> dated("2019 tecknades en avsiktsförklaring mellan regionen och kommunen.", v)
('2019-01-01', None)
>>> dated("Den 1 mars 2021 började den gälla.", v)
('2021-03-01', None)
>>> dated("I januari 2021 samlades gruppen för första gången.", v)
(None, None)
>>> fronted_subject("I januari 2021 trädde den i kraft.", v)
True
>>> fronted_subject("I januari 2021 började det nya arbetet.", v)
False
>>> dated_header("Gäller 2020-06-01 – 2022-12-31", v), dated_header("Gäller alla skolor", v)
(True, False)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .agreements import _dates, validity
from .spans import _find, _words
from .terms import _fold
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .context import _Context
    from .sentences import Sentence

__all__ = ["dated", "dated_header", "fronted_subject", "under_label"]


def _fronted(text: str, v: Vocabulary) -> tuple[int, str, str] | None:
    """The end, first and last day of a date that opens a sentence (after the words of
    ``agreement.fronted_openers`` only), if there is one and a verb follows it."""
    dates = _dates(text, v)
    if not dates:
        return None
    a, b, first, last = dates[0]
    before = [_fold(w) for w, _, _ in _words(text[:a])]
    cue = text[:a].strip()
    # "Från och med 1 mars 2021 gäller den": a cue word alone before it fronts it too
    as_cue = any(
        h.start == 0 and h.end >= len(cue)
        for h in _find(v.valid_from_words + v.valid_to_words, cue)
    )
    if not as_cue and any(w not in v.extra.fronted_openers for w in before):
        return None
    return (b, first, last) if _words(text[b:]) else None


def _probes(rest: str, v: Vocabulary) -> list[tuple[str, bool]]:
    """The words after a date that opens a sentence as the cue words may read them: with the
    subject after the verb set aside ("trädde den i kraft" → "trädde i kraft", "trädde den
    nya överenskommelsen i kraft" → "trädde i kraft"), and as they stand; each with whether
    the subject set aside was a pronoun alone."""
    words = _words(rest)
    out: list[tuple[str, bool]] = []
    if len(words) < 2:
        return [(rest, False)]
    verb_end, (_, start, end) = words[0][2], words[1]
    nouns = [h for h in _find(v.agreement_words, rest) if h.start >= start]
    near = [h for h in nouns if len(_words(rest[start : h.start])) <= 2]
    if near:
        out.append((rest[:verb_end] + " " + rest[max(h.end for h in near) :].lstrip(), False))
    if _fold(words[1][0]) in v.grammar.agreement_refers & v.absence_roles["subject_pronouns"]:
        out.append((rest[:verb_end] + " " + rest[end:].lstrip(), True))
    return [*out, (rest, False)]


def _cue_at_verb(probe: str, v: Vocabulary) -> str | None:
    """ "from" or "to" when a cue word of validity starts the text (its verb), else None."""
    words = _words(probe)
    if not words or _fold(words[0][0]) in v.near_cues:
        return None  # "2019 till 2021": a range, read by `validity`
    for terms, role in ((v.valid_from_words, "from"), (v.valid_to_words, "to")):
        if any(h.start == words[0][1] for h in _find(terms, probe)):
            return role
    return None


def dated(text: str, v: Vocabulary, reach: int = 3) -> tuple[str | None, str | None]:
    """`agreements.validity`, and the date that opens the sentence where a cue word follows it
    as its verb ("2019 tecknades …"; see the module)."""
    start, end = validity(text, v, reach)
    found = _fronted(text, v)
    if found is None or (start and end):
        return start, end
    rest = text[found[0] :].lstrip(" ,")
    role = next((r for p, _ in _probes(rest, v) if (r := _cue_at_verb(p, v))), None)
    if role == "from" and start is None:
        start = found[1]
    elif role == "to" and end is None:
        end = found[2]
    return start, end


def fronted_subject(text: str, v: Vocabulary) -> bool:
    """Whether the subject after the verb of a date that opens the sentence is a pronoun that
    refers back ("I januari 2021 trädde den i kraft"), not an article ("började det nya
    arbetet")."""
    found = _fronted(text, v)
    if found is None:
        return False
    rest = text[found[0] :].lstrip(" ,")
    words = _words(rest)
    after = _fold(words[2][0]) if len(words) > 2 else ""
    if after in v.clause_openers or after in v.extra.fronted_clauses:
        return False  # "Från 2023 gäller det att …": an expletive "det"
    for probe, pronoun in _probes(rest, v):
        if not pronoun:
            continue
        if _cue_at_verb(probe, v):
            return True
        return not after.endswith(("a", "e")) and after not in v.grammar.determiner_followers
    return False


def dated_header(text: str, v: Vocabulary) -> bool:
    """Whether a text is a header field of its document: a word of ``agreement.header_fields``
    ("Godkänd av: …"), or a word of ``agreement.validity_labels`` that opens a line giving a
    date ("Gäller 2020–2023")."""
    if _find(v.header_fields, text):
        return True
    if not _find(v.extra.validity_labels, text):
        return False
    return any(validity(text, v, reach=8))


def under_label(sentence: Sentence, v: Vocabulary, ctx: _Context) -> bool:
    """Whether a sentence gives dates right under a heading that is a validity label alone
    ("Giltighetstid" over "2022-01-01 – 2025-12-31"); notes such a heading for the next one."""
    text = sentence.text
    above, ctx.validity_heading = ctx.validity_heading, False
    # a heading, or a line of a word or two with no full stop ("Giltighetstid" over its dates)
    label = sentence.block == "heading" or not text.rstrip().endswith((".", "!", "?"))
    if label and len(_words(text)) <= 2 and not _dates(text, v):
        ctx.validity_heading = bool(_find(v.extra.validity_labels, text))
        return False
    return above and any(validity(text, v, reach=8))
