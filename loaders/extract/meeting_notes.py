"""The notes of a meeting name its group: a document titled as the notes or minutes of a
meeting ("Minnesanteckningar, gemensamt möte NOSAM Barn och unga") that names no group word
the vocabulary knows and no board is about a meeting of a collaboration group, so its
attendance roster ("Närvarande:" then one person and service a line) names that group's
members. With no better key the group is a ``samverkansgrupp`` at its default level
(tests/realtext/README.md: a forum or brand group with no better key), which what the
document says of it may still revise (`document.revise_levels`).

Both words must stand in the title: a notes word (``members.notes_words``: "anteckning",
"protokoll" in any compound) and a meeting word (``members.meeting_words``: "möte",
"mötet", "träff"). A board's minutes (a word ending in ``members.board_heads``) are the
board's own (`minutes`).

>>> from loaders.extract import extract_text
>>> text = ("Minnesanteckningar, möte Barnforum Norr\\n"
...         "Närvarande:\\nAnna Berg, BUP\\nOla Ek, socialtjänsten")
>>> sorted((f.kind, f.party, f.level) for f in extract_text(text, source="t")
...        if f.kind in ("group", "member"))
[('group', None, 'operativ'), ('member', 'BUP', 'operativ'), ('member', 'SOCIALTJANST', 'operativ')]
"""

from __future__ import annotations

from lokgraph.codes import default_level

from .groups import _GroupMention
from .spans import _folded_words, _Hit
from .triggers import triggered_by
from .vocabulary import Vocabulary

__all__ = ["notes_group"]

KIND = "samverkansgrupp"


@triggered_by("extra.notes_words", empty=lambda: None)
def notes_group(text: str, has_group: bool, v: Vocabulary) -> _GroupMention | None:
    """The group of a meeting whose notes a document's title (``text``) announces, or None
    (also when the title already names a group: ``has_group``)."""
    if has_group:
        return None
    words, _ = _folded_words(text)
    x = v.extra
    if not any(n in w for w, _, _ in words for n in x.notes_words):
        return None
    if any(w.endswith(head) for w, _, _ in words for head in x.board_heads):
        return None  # "Protokoll, socialnämnden": the board's own minutes
    meeting = next(((a, b) for w, a, b in words if w in x.meeting_words), None)
    if meeting is None:
        return None
    a, b = meeting
    hit = _Hit(KIND, a, b, None, 0, "group")
    return _GroupMention(hit, KIND, default_level(KIND), None, hit_text=text[a:b])
