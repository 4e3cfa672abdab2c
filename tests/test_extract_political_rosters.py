"""Political rosters (loaders/extract/political_rosters.py): the minutes of a group whose
roster marks its elected members by party ("Ordförande (S)", "ledamöter (M), (KD)") put the
group the title names, and its members, on the political level; one marker, a group not named
in the title, or a family centre stay as they are. Texts written for these tests in our own
words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract import extract_text
from loaders.importer import extract_path

READERS = ["text", "file"]


@pytest.fixture(params=READERS)
def run(request, tmp_path: Path):
    """A text read whole, and as a file (paragraph by paragraph, as ``lokgraph extract``)."""

    def read(text: str):
        if request.param == "text":
            return extract_text(text, source="test", kommun="Orsa")
        path = tmp_path / "minutes.txt"
        path.write_text(text, encoding="utf-8")
        return extract_path(path, kommun="Orsa")[0]

    return read


def levels(facts) -> set[tuple[str, str | None, str | None]]:
    return {(f.kind, f.party, f.level) for f in facts if f.kind in ("group", "member")}


MINUTES = (
    "Samverkansgruppen Barn och unga – protokoll\n"
    "Plats: kommunhuset\n\n"
    "Beslutande: ordförande (C); ledamöter (S), (M) och (V)\n\n"
    "Närvarande tjänstepersoner\n"
    "- socialchef\n"
    "- rektor för grundskolan\n\n"
    "§ 1 Gruppen går igenom elevhälsans rapport."
)


def test_elected_members_by_party_make_the_title_group_political(run):
    found = levels(run(MINUTES))
    assert ("group", None, "politisk") in found
    assert {lv for kind, _, lv in found if kind == "member"} == {"politisk"}
    assert ("member", "SOCIALTJANST", "politisk") in found


def test_one_party_marker_is_not_enough(run):
    text = MINUTES.replace("ledamöter (S), (M) och (V)", "ledamöter från skolan")
    assert ("group", None, "politisk") not in levels(run(text))


def test_a_group_named_only_in_the_body_is_not_raised(run):
    text = (
        "Kommunstyrelsens arbetsutskott – protokoll\n\n"
        "Beslutande: ordförande (C); ledamöter (S) och (M)\n\n"
        "§ 4 Arbetsutskottet informeras om att en samverkansgrupp med skola och BUP har "
        "bildats för att samordna stödet."
    )
    assert ("group", None, "politisk") not in levels(run(text))
