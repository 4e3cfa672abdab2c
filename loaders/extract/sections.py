"""The headings of ``vocabulary.yaml`` and their sub-headings, checked when it is loaded.

>>> check_sections({"agreement": {"kinds": {}}}, "test")
>>> try:
...     check_sections({"agreement": {"kind": {}}}, "test")
... except InputError as err:
...     print(str(err).split(". ")[0])
test: unknown heading 'kind' under 'agreement'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lokgraph.codes import DEVIATION_LEVELS
from lokgraph.errors import InputError

from .grammar import ABSENCE_ROLE_KEYS, GRAMMAR_KEYS
from .vocab_extra import (
    EXTRA_AGREEMENT_KEYS,
    EXTRA_COMPOUND_KEYS,
    EXTRA_MEMBER_KEYS,
    EXTRA_SECTIONS,
)

__all__ = ["check_sections"]

_SECTIONS: dict[str, tuple[str, ...]] = {
    "version": (),
    "parties": (),
    "listed_parties": (),
    "principals": (),
    "groups": (),
    "group_compounds": ("heads", "not_groups", *EXTRA_COMPOUND_KEYS),
    "group_name_words": (),
    "levels": (),
    "level_ignore": (),
    "level_cues": (),
    "agreement": (
        "words",
        "local_words",
        "document_types",
        "charters",
        "areas",
        "status",
        "status_weak",
        "status_text",
        "status_reply",
        "not_started",
        "ended",
        "status_ignore",
        "kinds",
        "sides",
        "subjects",
        "replaced_by",
        "replaces",
        "proposals",
        "header_fields",
        "valid_from",
        "valid_to",
        "adopted",
        "year_end",
        "near_cues",
        "date_fillers",
        "clause_openers",
        "version_words",
        "current_words",
        "deadlines",
        *EXTRA_AGREEMENT_KEYS,
    ),
    "members": (
        "cues",
        "weak_cues",
        "start_cues",
        "list_cues",
        "backward",
        "partial",
        "frequency_words",
        "roles",
        "list_words",
        "after_group",
        "wishes",
        "scope_breaks",
        "units",
        "colocation",
        "colocation_strong",
        "list_heads",
        "scope_heads",
        "aims",
        "aims_after",
        "questions",
        *EXTRA_MEMBER_KEYS,
    ),
    "absence": (),
    "absence_list": (),
    "absence_frames": ("needed",),
    "absence_roles": ABSENCE_ROLE_KEYS,
    "places": (),
    "governance": (),
    "deviation": ("words", *DEVIATION_LEVELS),
    "negators": (),
    "hypothetical": (),
    "clause_breaks": (),
    "list_fillers": (),
    "boilerplate": (),
    "grammar": GRAMMAR_KEYS,
    **EXTRA_SECTIONS,
}


def check_sections(data: Mapping[str, Any], source: str) -> None:
    """A misspelt heading would silently do nothing: name it and the valid ones."""
    for key, value in data.items():
        if key not in _SECTIONS:
            raise InputError(
                f"unknown heading {key!r} in the vocabulary",
                where=source,
                fix="Use one of " + ", ".join(_SECTIONS),
            )
        subkeys = _SECTIONS[key]
        if subkeys and isinstance(value, dict):
            for sub in value:
                if sub not in subkeys:
                    raise InputError(
                        f"unknown heading {sub!r} under '{key}'",
                        where=source,
                        fix="Use one of " + ", ".join(subkeys),
                    )
