"""A meeting convened around one child that is not called a SIP ("kallar till ett
nätverksmöte") is a team about that child: a samverkansgrupp at the individual level (settled
convention in tests/realtext/README.md); network meetings spoken of in the plural are no such
group. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def groups(text: str) -> set[tuple[str | None, str | None]]:
    return {(f.group_type, f.level) for f in extract_text(text, source="test") if f.kind == "group"}


def test_a_network_meeting_called_around_a_child_is_a_team_about_it():
    text = "Behöver eleven stöd från fler håll bjuder skolan in föräldrarna till ett nätverksmöte."
    assert groups(text) == {("samverkansgrupp", "individ")}


def test_network_meetings_in_general_are_no_group():
    assert groups("Förskolan deltar sällan i de nätverksmöten som hålls i kommunen.") == set()
