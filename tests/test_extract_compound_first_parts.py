"""A first part that is itself a word on a group head (loaders/extract/compounds.py,
``group_compounds: not_groups``): "samråd" alone is a consultation, no group ("i samråd med
skolan"), but a compound of it on another head is one ("samrådsgruppen"). Texts written for
these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def groups(text: str) -> set[tuple[str | None, str | None]]:
    return {(f.group_type, f.level) for f in extract_text(text, source="t") if f.kind == "group"}


def test_a_compound_on_another_head_after_a_blocked_first_part_is_a_group():
    text = "Den lokala politiska samrådsgruppen träffas två gånger per termin."
    assert groups(text) == {("politisk_samverkan", "politisk")}
    assert groups("Samrådsgruppen för elevhälsa träffas i morgon.") == {
        ("samverkansgrupp", "operativ")
    }


def test_the_blocked_word_alone_is_still_no_group():
    assert groups("Remissen skrivs i samråd med skolan och vårdnadshavarna.") == set()
    assert groups("Målgruppen är barn 0-6 år.") == set()
