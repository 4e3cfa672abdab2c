"""A family centre is at the individual level whoever opened it or speaks of it: politicians
at its opening, a board that pays for it or a heading about the region move neither the
centre's level nor its members'. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def test_politicians_at_the_opening_leave_the_centre_at_the_individual_level():
    facts = extract_text(
        "Ny familjecentral i Orsa\n\n"
        "Kommunens och regionens gemensamma familjecentral har öppnat.\n"
        "I familjecentralen finns barnmorskemottagning, barnhälsovård och öppen förskola.\n"
        "Familjecentralen visades för politiker och chefer från kommunen och regionen.",
        source="test",
        kommun="Orsa",
    )
    levels = {(f.kind, f.group_type, f.level) for f in facts if f.group_type}
    assert levels == {
        ("group", "familjecentral", "individ"),
        ("member", "familjecentral", "individ"),
    }
    parties = {f.party for f in facts if f.kind == "member"}
    assert {"MVC", "BVC", "FORSKOLA"} <= parties
