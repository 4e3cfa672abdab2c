"""Possessors: a party word in the genitive directly before another party word owns it and
does not take part beside it ("skolans elevhälsa" is ELEVHALSA alone, tests/realtext/README.md
"Skolans elevhälsa"; "förskolans och skolans elevhälsa" too). A person after the genitive
("vårdcentralens chef") or a plain word ("BUP:s väntetider", a topic) is read elsewhere
(`membership._topics`).

>>> from loaders.extract.vocabulary import load_vocabulary
>>> from loaders.extract.spans import _find
>>> v = load_vocabulary()
>>> text = "I gruppen deltar förskolans och skolans elevhälsa samt BUP."
>>> hits = _find(v.parties, text, "party")
>>> sorted(text[a:b] for a, b in possessors(text, hits, v))
['förskolans', 'skolans']
"""

from __future__ import annotations

import re

from .spans import _Hit
from .terms import _fold
from .vocabulary import Vocabulary

__all__ = ["possessors"]

_NEXT = re.compile(r"\s+(\w[\w:-]*)")


def possessors(text: str, hits: list[_Hit], v: Vocabulary) -> set[tuple[int, int]]:
    """The spans of the party words in ``hits`` that own the party word after them."""
    parties = sorted((h for h in hits if h.kind == "party"), key=lambda h: h.start)
    starts = {h.start: h for h in parties}
    out: set[tuple[int, int]] = set()
    for h in reversed(parties):  # from the right: "A:s och B:s C" needs B:s first
        if not v.grammar.genitive.search(text[h.start : h.end]):
            continue
        nxt = _NEXT.match(text, h.end)
        if nxt is None:
            continue
        owned = starts.get(nxt.start(1))
        if owned is not None and owned.key != h.key:
            out.add((h.start, h.end))
        elif _fold(nxt.group(1)) in v.grammar.list_joiners:
            after = _NEXT.match(text, nxt.end())
            other = starts.get(after.start(1)) if after else None
            if other is not None and (other.start, other.end) in out:
                out.add((h.start, h.end))
    return out
