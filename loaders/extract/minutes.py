"""Minutes of a board: the people listed in a board's protocol (members, officials present)
attend the board, not a collaboration, so its roster lines give no members.

A document whose title (first line) names a board ("Barn- och utbildningsnämnden", a word
ending in one of ``members.board_heads``) and no group is such a protocol; a joint meeting of
a group ("Minnesanteckningar, möte i samverkansgruppen") is not.

>>> from loaders.extract.vocabulary import load_vocabulary
>>> v = load_vocabulary()
>>> board_title("Socialnämnden", [], v), board_title("Samverkansgruppen, protokoll", [1], v)
(True, False)
"""

from __future__ import annotations

from typing import Any

from .spans import _words
from .terms import _fold
from .vocabulary import Vocabulary

__all__ = ["board_title"]


def board_title(text: str, groups: list[Any], v: Vocabulary) -> bool:
    """Whether a document title names a board and no group."""
    if groups:
        return False
    return any(_fold(w).endswith(head) for w, _, _ in _words(text) for head in v.extra.board_heads)
