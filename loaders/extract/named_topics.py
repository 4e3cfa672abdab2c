"""A collaboration named, not reported: "samverkan mellan X och Y" as the gloss of a name.

A method or programme is often named by the parties it brings together: "SSPF – samverkan
mellan skola, socialtjänst, polis och fritid", "HLT, samarbete mellan skola och socialtjänst."
With only a short name and a dash, colon or comma before the member word and no verb in the
sentence, the phrase says what the name stands for, not that these services take part in
something here (the title rule of `membership._aimed` for a phrase that opens the line).

>>> from loaders.extract.vocabulary import load_vocabulary
>>> v = load_vocabulary()
>>> text = "SSPF – samverkan mellan skola, socialtjänst, polis och fritid"
>>> named_gloss(text, text.index("samverkan"), v)
True
>>> text = "ABC, samarbete mellan skola och socialtjänst."
>>> named_gloss(text, text.index("samarbete"), v)
True
>>> text = "I kommunen finns samverkan mellan skola och socialtjänst."
>>> named_gloss(text, text.index("samverkan"), v)
False
>>> text = "ABC – samverkan mellan skola och socialtjänst har funnits länge."
>>> named_gloss(text, text.index("samverkan"), v)
False
"""

from __future__ import annotations

import re

from .spans import _words
from .terms import _fold
from .vocabulary import Vocabulary

__all__ = ["named_gloss"]

#: a short name (up to three words) and the mark that makes what follows its gloss
_NAME_THEN_MARK = re.compile(r"^\s*(?:[\w&/+.-]+\s+){0,2}[\w&/+.-]+\s*[–—:,-]\s*$")


def named_gloss(text: str, cue_start: int, v: Vocabulary) -> bool:
    """Whether the member word at ``cue_start`` glosses a name before it ("SSPF – samverkan
    mellan …"): a short name and a dash, colon or comma before it, and no verb in the text."""
    before = text[:cue_start]
    if not before.strip() or not _NAME_THEN_MARK.match(before):
        return False
    return not {_fold(w) for w, _, _ in _words(text)} & v.grammar.verbs
