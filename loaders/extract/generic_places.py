"""Family centres in general or in plans: a sentence about what family centres are, or about
what one shall, could or is meant to hold, names no members of a centre (README, "Family
centres and barnahus": a centre that is only planned, or a definition of family centres in
general, gives no member).

Two signs, both read from the words and not from phrases:

- the centre word is indefinite (no definite ending) and opens the sentence, as its subject
  in the plural ("Familjecentraler bygger på …", "I familjecentraler finns …");
- the sentence speaks of a plan, a wish or a possibility (``members.place_irrealis``:
  "ska", "vill", "kan", "tanken är att …").

>>> from loaders.extract.vocabulary import load_vocabulary
>>> v = load_vocabulary()
>>> general_place_sentence("Familjecentraler bygger på samarbete mellan BVC och MVC.", v)
True
>>> general_place_sentence("Där ska BVC och öppen förskola arbeta tillsammans.", v)
True
>>> general_place_sentence("På familjecentralen arbetar BVC och MVC.", v)
False
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .spans import _words
from .terms import _fold
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .groups import _GroupMention

__all__ = ["general_place_sentence", "one_centre"]


def general_place_sentence(text: str, v: Vocabulary, named_centre: bool = False) -> bool:
    """Whether a sentence speaks of family centres in general or of a planned one.

    In a document that has named one centre ("Familjecentralen Rosenlund"), a sentence of the
    general kind ("I en familjecentral finns …") describes that centre, so only the plan or
    wish sign counts there."""
    words = [_fold(w) for w, _, _ in _words(text)]
    if any(w in v.extra.place_irrealis for w in words):
        return True
    if named_centre:
        return False
    lead = v.extra.place_generic_lead
    i = 0
    while i < len(words) and words[i] in lead:
        i += 1
    if i >= len(words):
        return False
    head = words[i]
    stem = v.extra.place_generic_stem
    if not head.startswith(stem):
        return False
    ending = head[len(stem) :]
    # the bare plural "familjecentraler" speaks of centres in general ("På en familjecentral
    # möter familjer …" under "Våra familjecentraler" describes the ones a region has)
    return ending == "er"


def one_centre(group: _GroupMention | None, v: Vocabulary) -> bool:
    """Whether the document's last group is one family centre, named in the definite singular
    ("Familjecentralen Rosenlund"), not centres in general ("Familjecentraler i länet")."""
    if group is None or group.group_type != "familjecentral":
        return False
    words = [_fold(w) for w, _, _ in _words(group.hit_text)]
    stem = v.extra.place_generic_stem
    return any(w.startswith(stem) and w[len(stem) :] == "en" for w in words)
