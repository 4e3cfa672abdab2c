"""Roster lines that open with a role (loaders/extract/roster_lines.py): an attendance list or
a member list names people by their role as often as by name ("Ordförande (S),
socialnämnden", "Förvaltningschef, barn- och utbildningsnämnden"); under a lead such a line
gives its service as a member of the group, like "Anna Berg, BUP" does. A line that is a
sentence, or a heading of a report with a comma, is no roster line. Texts written for these
tests in our own words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract import extract_text
from loaders.extract.sentences import split_sentences
from loaders.importer import extract_path


@pytest.fixture(params=["text", "file"])
def run(request, tmp_path: Path):
    """A text read whole, and as a file (as ``lokgraph extract`` reads it)."""

    def read(text: str):
        if request.param == "text":
            return extract_text(text, source="test", kommun="Mora")
        path = tmp_path / "notes.txt"
        path.write_text(text, encoding="utf-8")
        return extract_path(path, kommun="Mora")[0]

    return read


def members(facts) -> set[tuple[str | None, str | None]]:
    return {(f.party, f.group_type) for f in facts if f.kind == "member" and f.party}


def test_role_lines_under_a_heading_are_the_groups_members(run):
    text = (
        "Styrgruppen för barn och unga – anteckningar\n\n"
        "Närvarande\n"
        "Verksamhetschef, BUP\n"
        "Ordförande, socialnämnden\n"
        "Områdeschef, barn- och utbildningsförvaltningen\n"
    )
    assert members(run(text)) == {
        ("BUP", "styrgrupp"),
        ("SOCIALTJANST", "styrgrupp"),
        ("SKOLA", "styrgrupp"),
    }


def test_role_with_a_party_marker_opens_a_roster_line(run):
    text = (
        "Barn- och ungdomsrådet\n\n"
        "Beslutande\n"
        "Ordförande (KD), socialnämnden\n"
        "Ledamot (L), barn- och utbildningsnämnden\n"
        "Vice ordförande (MP), hälso- och sjukvårdsnämnden\n"
    )
    found = members(run(text))
    assert {p for p, _ in found} >= {"SOCIALTJANST", "SKOLA"}


def test_a_name_with_a_party_marker_is_a_roster_line():
    blocks = [s.block for s in split_sentences("Ledamöter\nPer Holm (S), socialnämnden\n")]
    assert blocks == ["heading", "roster"]


def test_a_role_line_between_roster_lines_continues_the_list(run):
    text = (
        "Samverkansgruppen – minnesanteckningar\n\n"
        "Närvarande\n"
        "Enhetschef, elevhälsan\n"
        "Två representanter för vårdcentralen i Mora\n"
        "Biträdande rektor, gymnasieskolan\n"
    )
    assert {p for p, _ in members(run(text))} == {"ELEVHALSA", "VARDCENTRAL", "SKOLA"}


def test_heading_with_a_comma_or_a_sentence_is_no_roster_line():
    text = (
        "Granskningsrapport, mars 2021\n"
        "Ordförande, ledamöter och ersättare kallas till mötet.\n"
        "Kallelse, möte 2\n"
    )
    assert [s.block for s in split_sentences(text)] == ["heading", "paragraph", "heading"]


def test_role_lines_without_a_lead_give_no_members(run):
    text = "Kontakt\n\nVerksamhetschef, BUP\nEnhetschef, socialtjänsten\n"
    assert members(run(text)) == set()
