"""The notes of a meeting name its group (loaders/extract/meeting_notes.py): a title with a
word of notes and a word of a meeting, and no group or board, makes the meeting a
samverkansgrupp whose roster (present, absent, invited) are its members at its level; a
board's minutes and a title that names a group keep their own rules. Texts written for these
tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def facts(text: str) -> tuple[set, set]:
    found = extract_text(text, source="test")
    groups = {(f.group_type, f.level) for f in found if f.kind == "group"}
    members = {(f.party, f.level) for f in found if f.kind == "member" and f.party}
    return groups, members


NOTES = (
    "Anteckningar från möte i Barnkraft Söder, 2024-03-12\n"
    "Närvarande:\n"
    "Per Holm, BUP\n"
    "Lina Ek, socialtjänsten\n"
    "Förhindrade:\n"
    "Eva Sjö, elevhälsan\n"
    "Inbjudna:\n"
    "Omar Ali, barnhabiliteringen\n"
)


def test_a_meetings_notes_name_its_group_and_the_roster_its_members():
    groups, members = facts(NOTES)
    assert groups == {("samverkansgrupp", "operativ")}
    assert members == {(p, "operativ") for p in ("BUP", "SOCIALTJANST", "ELEVHALSA", "HAB")}


def test_a_boards_minutes_are_the_boards_own():
    text = (
        "Protokoll från sammanträde och möte med socialnämnden\n"
        "Närvarande:\n"
        "Per Holm, ordförande\n"
        "Lina Ek, socialtjänsten\n"
    )
    groups, members = facts(text)
    assert groups == set()
    assert ("SOCIALTJANST", "operativ") not in members


def test_notes_without_a_meeting_word_name_no_group():
    text = "Anteckningar om skolfrånvaro\n\nSkolan och socialtjänsten har olika rutiner."
    groups, _ = facts(text)
    assert groups == set()


def test_a_title_that_names_a_group_keeps_it():
    text = "Minnesanteckningar, möte i styrgruppen\nNärvarande:\nPer Holm, BUP\n"
    groups, members = facts(text)
    assert groups == {("styrgrupp", "strategisk")}
    assert members == {("BUP", "strategisk")}
