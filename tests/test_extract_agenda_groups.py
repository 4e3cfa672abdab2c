"""An agenda's items name matters of the meeting: a group named in an item or a table row (its
funding, a review of it, the one who presents an item) is no group the text says exists
(`agenda.matter_groups`); the body the agenda belongs to, named in its title lines, and the
groups of a page that is no agenda are read as before. Texts written for these tests in our
own words.
"""

from __future__ import annotations

from loaders.extract import extract_text
from lokgraph.facts import Fact


def run(text: str) -> list[Fact]:
    return extract_text(text, source="test", kommun="Orsa")


def groups(facts: list[Fact]) -> set[str | None]:
    return {f.group_type for f in facts if f.kind == "group"}


def test_a_team_whose_funding_is_an_item_is_no_group():
    facts = run(
        "Kallelse\nHälso- och sjukvårdsnämnden\n\n"
        "1. Val av justerare\n2. Budget för mobila närvårdsteam\n3. Delårsrapport"
    )
    assert not groups(facts)


def test_a_group_presenting_an_item_in_a_table_row_is_no_group():
    facts = run(
        "Föredragningslista\nBarn- och utbildningsnämnden\n\n"
        "Nr | Ärende | Föredragande\n"
        "1 | Upprop |\n"
        "2 | Information om skolskjuts | ledningsgruppen\n"
        "3 | Översyn av elevhälsoteamen | verksamhetschef"
    )
    assert not groups(facts)


def test_the_same_lines_outside_an_agenda_keep_their_groups():
    facts = run(
        "Så arbetar vi\n\n"
        "- Ledningsgruppen med socialchefen och skolchefen träffas varje månad.\n"
        "- Elevhälsoteamen finns på alla skolor."
    )
    assert {"ledningsgrupp", "beh"} <= groups(facts)


def test_a_group_in_the_body_of_minutes_stays():
    facts = run(
        "Protokoll\nSocialnämnden\n\n"
        "Nämnden informerades om att en styrgrupp med socialchefen och skolchefen har bildats."
    )
    assert "styrgrupp" in groups(facts)
