"""One service of a family centre named alone (loaders/extract/centre_services.py): in a
document about one centre that exists, a sentence that names one of its basic services in the
singular makes it a member of the centre at `individ` (tests/realtext/README.md, "Family
centres and barnahus"); the service in the plural ("förskolor", "barnavårdscentralerna") is
services in general or elsewhere, and a contact line names a person's unit, so neither does.
Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def members(text: str, kommun: str | None = None) -> set[tuple[str | None, str | None, str | None]]:
    found = extract_text(text, source="test", kommun=kommun)
    return {(f.party, f.group_type, f.level) for f in found if f.kind == "member"}


HEAD = "Familjecentralen i Lindåsen firar fem år.\n\n"


@pytest.mark.parametrize(
    ("sentence", "party"),
    [
        ("Verksamheten fungerar också som en öppen förskola med lekhall.", "FORSKOLA"),
        ("Två dagar i veckan har barnavårdscentralen mottagning i huset.", "BVC"),
        ("Socialtjänsten håller i en föräldragrupp varje torsdag.", "SOCIALTJANST"),
    ],
)
def test_one_service_in_the_singular_is_a_member_of_the_centre(sentence: str, party: str):
    assert (party, "familjecentral", "individ") in members(HEAD + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I kommunen finns dessutom sex öppna förskolor.",
        "Regionen driver barnavårdscentraler i alla kommundelar.",
        "Barnavårdscentralerna i länet följer ett gemensamt program.",
    ],
)
def test_one_service_in_the_plural_is_not(sentence: str):
    assert not {m for m in members(HEAD + sentence) if m[1] == "familjecentral"}


def test_a_contact_line_names_no_member():
    text = HEAD + "Kontakt\nAnna Berg, enhetschef, Socialtjänsten"
    assert not {m for m in members(text) if m[0] == "SOCIALTJANST"}


def test_a_planned_centre_still_gives_no_member():
    text = (
        "Ny familjecentral i Lindåsen\n\n"
        "Kommunen planerar att öppna en familjecentral nästa år.\n\n"
        "Där ska barnavårdscentralen ha mottagning två dagar i veckan."
    )
    assert not {m for m in members(text) if m[1] == "familjecentral"}


def test_a_service_the_kommun_acts_on_is_not_named_as_working_there():
    text = HEAD + "Kommunen flyttar nu den öppna förskolan till en annan stadsdel."
    assert not {m for m in members(text, kommun="Orsa") if m[0] == "FORSKOLA"}
