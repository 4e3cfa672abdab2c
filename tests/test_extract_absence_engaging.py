"""Report language for parties that are hard to engage or seldom there, in our own words (after
reading how public audit and follow-up reports say it): getting a service to do something
("svårt att få rektorerna att prioritera mötena"), a service's accessibility as a shortcoming
or an obstacle, a service that itself finds it hard to take part, "sällan representerad"; and
a need after a passive verb and "med" names what follows it, not the subject before
("Skolans utredning kan behöva kompletteras med …").
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text
from lokgraph.facts import Fact


def run(text: str) -> list[Fact]:
    return extract_text(text, source="test", kommun="Orsa")


def absent(text: str) -> dict[str | None, str | None]:
    return {f.party: f.reason for f in run(text) if f.kind == "absent"}


@pytest.mark.parametrize(
    ("text", "party", "reason"),
    [
        (
            "Det är svårt att få rektorerna att prioritera samverkansmötena.",
            "SKOLA",
            "hard_to_engage",
        ),
        (
            "Enligt de intervjuade är det svårt att få socialtjänsten att ta ansvar för arbetet.",
            "SOCIALTJANST",
            "hard_to_engage",
        ),
        (
            "Vi har inte lyckats få socialtjänsten att komma till nätverket.",
            "SOCIALTJANST",
            "hard_to_engage",
        ),
        ("Skolan har svårt att få BUP att delta i mötena.", "BUP", "hard_to_engage"),
        (
            "Flera intervjuade upplever att BUP:s tillgänglighet är begränsad.",
            "BUP",
            "hard_to_engage",
        ),
        (
            "Socialtjänstens bristande tillgänglighet nämns som ett hinder för samverkan.",
            "SOCIALTJANST",
            "hard_to_engage",
        ),
        ("BUP har haft svårt att delta på grund av hög arbetsbelastning.", "BUP", "hard_to_engage"),
        (
            "Vårdcentralerna har svårt att avsätta tid för samverkan.",
            "VARDCENTRAL",
            "hard_to_engage",
        ),
        ("BUP är sällan representerad när gruppen träffas.", "BUP", "not_participating"),
        (
            "Granskningen visar att habiliteringen sällan finns representerad i grupperna.",
            "HAB",
            "not_participating",
        ),
        ("Gruppen behöver kompletteras med BUP.", "BUP", "needed"),
    ],
)
def test_report_language_names_the_absent_party(text, party, reason):
    found = absent(text)
    assert found.get(party) == reason, found


@pytest.mark.parametrize(
    "text",
    [
        "Skolans utredning kan behöva kompletteras med en medicinsk bedömning.",
        "Det är inte svårt att få skolan att delta.",
        "Socialtjänsten har god tillgänglighet för familjerna.",
        "BUP:s tillgänglighet har förbättrats under året.",
    ],
)
def test_no_absence(text):
    assert not absent(text)


def test_the_one_who_has_the_difficulty_is_not_absent():
    assert absent("Skolan har svårt att få BUP att delta i mötena.") == {"BUP": "hard_to_engage"}
