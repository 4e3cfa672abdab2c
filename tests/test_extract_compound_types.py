"""A compound on a group word takes its type from its first part where that says what kind of
group it is: chiefs ("socialchefsgruppen", "chefsforumet") make a chefsgrupp, as its level
is already strategic; a chiefs' network is still a network. Texts written for these tests in
our own words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract import extract_text
from loaders.extract.vocabulary import load_vocabulary
from lokgraph.errors import InputError


def groups(text: str) -> list[tuple[str | None, str | None]]:
    facts = extract_text(text, source="test", kommun="Orsa")
    return [(f.group_type, f.level) for f in facts if f.kind == "group"]


@pytest.mark.parametrize(
    "text",
    [
        "Förvaltningschefsgruppen träffas en gång i månaden.",
        "Socialchefsgruppen i länet träffas en gång i månaden.",
        "I chefsforumet sitter skolchefen och socialchefen.",
    ],
)
def test_a_compound_of_chiefs_is_a_chefsgrupp(text):
    assert groups(text) == [("chefsgrupp", "strategisk")]


def test_a_network_of_chiefs_is_still_a_network():
    assert groups("Skolchefsnätverket träffas varje månad.") == [("natverk", "strategisk")]


def test_a_compound_with_another_first_part_stays_a_samverkansgrupp():
    assert groups("Vårdsamverkansgruppen träffas varje månad.")[0][0] == "samverkansgrupp"


def test_an_unknown_type_is_an_error_at_load(tmp_path):
    path = Path(__file__).resolve().parents[1] / "loaders" / "vocabulary.yaml"
    text = path.read_text(encoding="utf-8").replace("chefsgrupp: [chefs]", "chefgrupp: [chefs]")
    bad = tmp_path / "vocabulary.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="prefix_types"):
        load_vocabulary(bad)
