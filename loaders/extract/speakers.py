"""The speaker of a quote: "…, säger verksamhetschefen på socialförvaltningen" names who
speaks, and the service after the speech verb is where the speaker works, not a member of
what the sentence is about.

>>> from loaders.extract.vocabulary import load_vocabulary
>>> v = load_vocabulary()
>>> text = "Vi vill öppna i höst, säger chefen på BVC."
>>> [text[a:b] for a, b in speaker_spans(text, v)]
['säger chefen på BVC.']
>>> speaker_spans("BVC och MVC säger att de vill delta.", v)
[]
"""

from __future__ import annotations

import re

from .spans import _find, _Hit, _overlaps
from .terms import _fold
from .triggers import triggered_by
from .vocabulary import Vocabulary

__all__ = ["glossed_before", "speaker_spans", "unspoken_parties"]

_WORD = re.compile(r"\w+")


@triggered_by("extra.speech_verbs", empty=list)
def speaker_spans(text: str, v: Vocabulary) -> list[tuple[int, int]]:
    """Spans from a speech verb right after a comma or a quote mark to the end of its clause."""
    out = []
    for m in _WORD.finditer(text):
        if _fold(m.group()) not in v.extra.speech_verbs:
            continue
        before = text[: m.start()].rstrip()
        if not before or before[-1] not in ',”"–-':
            continue  # "BVC säger att …": the party speaks as itself
        end = re.search(r"[.;!?]|$", text[m.end() :])
        span = (m.start(), m.end() + (end.end() if end else 0))
        if _sits_in(text[span[0] : span[1]], v):
            continue  # "…, säger socialchefen, som sitter i styrgruppen": a member who speaks
        out.append(span)
    return out


def _sits_in(clause: str, v: Vocabulary) -> bool:
    """Whether the speaker's clause says, in a relative clause, that the speaker takes part
    ("…, som också sitter i styrgruppen")."""
    relative = [
        w
        for w in _WORD.finditer(clause)
        if _fold(w.group()) in v.absence_roles.get("subordinators", ())
    ]
    if not relative:
        return False
    rest = clause[relative[0].end() :]
    return bool(_find(v.member_cues, rest) or _find(v.weak_member_cues, rest))


def unspoken_parties(text: str, hits: list[_Hit], v: Vocabulary) -> list[_Hit]:
    """The party hits of a sentence outside the speaker of a quote."""
    parties = [h for h in hits if h.kind == "party"]
    spoken = speaker_spans(text, v) if parties else []
    return [h for h in parties if not _overlaps(h, spoken)]


def glossed_before(text: str, parties: list[_Hit], pos: int) -> _Hit | None:
    """The party right before ``pos`` with only its short form in brackets (and one word)
    between: "barnavårdscentralen (BVC) två dagar i veckan" (used for partial cues)."""
    prior = [p for p in parties if p.end <= pos]
    if prior and re.fullmatch(r"\s*\([^()]*\)\s*(?:\w+\s+)?", text[prior[-1].end : pos]):
        return prior[-1]
    return None
