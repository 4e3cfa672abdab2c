"""The word lists of the later membership passes (sides of an agreement, …), compiled from
their headings under ``members:`` in the vocabulary YAML.

They live beside `Vocabulary` as one record, ``Vocabulary.extra``, so that a pass added
later adds its lists here and not to the long list of `Vocabulary` fields.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .terms import Term

__all__ = ["EXTRA_MEMBER_KEYS", "ExtraWords", "compile_extra"]

#: headings under ``members:`` read into `ExtraWords`
EXTRA_MEMBER_KEYS = ("side_documents", "side_work")


@dataclass(frozen=True)
class ExtraWords:
    """Lists of the later membership passes (what each is for is said beside it in the YAML)."""

    #: words that name an agreement-like document besides ``agreement.words``: its parties
    #: are sides of it, not members ("samverkansavtal", "riktlinjer")
    side_documents: tuple[Term, ...]
    #: words that make the parties of an agreement sentence take part in work on it
    #: ("har involverats i arbetet med LÖK:en")
    side_work: tuple[Term, ...]


def compile_extra(
    members: Mapping[str, Any], plain: Callable[[str, Mapping[str, Any], str], tuple]
) -> ExtraWords:
    """The `ExtraWords` of a ``members:`` section; ``plain`` compiles one list of terms."""
    return ExtraWords(
        side_documents=plain("side_documents", members, "side_document"),
        side_work=plain("side_work", members, "side_work"),
    )
