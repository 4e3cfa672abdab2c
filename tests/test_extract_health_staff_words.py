"""A school doctor belongs to the pupil health service with the school nurse, not to the
health centre (tests/realtext/README.md, "Party codes": skolhälsovård, skolpsykolog →
ELEVHALSA); and "psykiatri" in the indefinite names a field or a region's department in a list
or a title ("psykiatri, barnmedicin och habilitering", "divisionschef psykiatri"), not the
adult psychiatric outpatient service ("psykiatrin", "vuxenpsykiatrin"). Texts written for
these tests in our own words.
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


def test_a_bare_psykiatri_in_a_list_of_departments_is_no_outpatient_clinic():
    text = (
        "Styrgruppen består av chefer från kommunerna (skola och socialtjänst) och från "
        "regionen (psykiatri, barnmedicin och habilitering)."
    )
    found = parties(text)
    assert "OPPENPSYKIATRI" not in found
    assert {"SKOLA", "SOCIALTJANST", "HAB"} <= found


def test_a_chief_of_psykiatri_is_no_outpatient_clinic():
    text = "Styrgrupp\n\nEva Ek, regionen, divisionschef psykiatri\nOla Berg, skolchef"
    assert "OPPENPSYKIATRI" not in parties(text)


def test_psykiatrin_the_service_still_is_one():
    assert "OPPENPSYKIATRI" in parties("Det är svårt att få till möten med psykiatrin.")
    assert "OPPENPSYKIATRI" in parties("I gruppen deltar vuxenpsykiatrin och socialtjänsten.")
