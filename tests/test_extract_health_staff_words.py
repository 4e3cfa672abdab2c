"""A school doctor belongs to the pupil health service with the school nurse, not to the
health centre (tests/realtext/README.md, "Party codes": skolhälsovård, skolpsykolog →
ELEVHALSA). Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def parties(text: str) -> set[str | None]:
    facts = extract_text(text, source="test", kommun="Orsa")
    return {f.party for f in facts if f.kind in ("member", "absent")}


def test_a_school_doctor_is_pupil_health():
    text = "I samverkansgruppen sitter rektor, skolläkaren och en socialsekreterare."
    assert "ELEVHALSA" in parties(text)
    assert "VARDCENTRAL" not in parties(text)


def test_a_missing_school_doctor_is_missing_pupil_health():
    assert parties("I samverkansgruppen saknas skolläkaren sedan i våras.") == {"ELEVHALSA"}
