"""Absence as revision reports, reviews and protocols write it (issue #11): who in a clause is
the absent party, and statements that only look like absences. Every text is written for these
tests in our own words; none is copied from a page.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text
from lokgraph.facts import Fact


def run(text: str, kommun: str | None = "Orsa") -> list[Fact]:
    return extract_text(text, source="test", kommun=kommun)


def absent(facts: list[Fact]) -> dict[str, str | None]:
    return {f.party: f.reason for f in facts if f.kind == "absent" and f.party}


# --- the subject who lacks is not the one missing -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of "saknar" lacks something; the party after it is the missing one
        ("Förskolan och socialtjänsten saknar stöd från BUP.", {"BUP"}),
        ("Skolan saknar ofta kunskap om hur man når HAB.", {"HAB"}),
        # inverted order: the party before "saknar vi" is the missing one
        ("HAB saknar vi helt i gruppen.", {"HAB"}),
        # the one who has the difficulty is not absent
        ("Elevhälsan har svårt att få med BUP i planeringen.", {"BUP"}),
        # a party before "att" stands in another clause
        ("Socialtjänsten och skolan är missnöjda över att BUP är så svår att nå.", {"BUP"}),
        # but the subject of "är svår att nå" is the one hard to reach
        ("BUP är svår att nå.", {"BUP"}),
    ],
)
def test_who_in_the_clause_is_absent(text, expected):
    assert set(absent(run(text))) == expected


def test_a_subject_that_lacks_routines_is_no_absence():
    assert absent(run("Socialtjänsten saknar rutiner för att följa upp sina ärenden.")) == {}


# --- statements that look like absences ---------------------------------------------------------


def test_a_child_known_by_neither_is_no_absence():
    text = "Flera barn hör inte hemma hos varken BUP eller socialtjänsten, och de faller mellan."
    assert absent(run(text, None)) == {}


def test_a_proposal_that_a_party_should_not_join_is_no_absence():
    text = "Partiets svar: BUP och elevhälsan ska samarbeta med skolan men inte ingå i den."
    assert absent(run(text, None)) == {}


def test_a_missing_routine_after_a_list_of_parties_does_not_reach_back():
    text = (
        "Ansvaret mellan elevhälsan och BUP behöver skrivas ned, gemensamma rutiner för "
        "informationsöverföring saknas."
    )
    assert absent(run(text, None)) == {}


def test_a_short_clause_still_reaches_back_to_the_party():
    assert absent(run("Vi har bjudit in HAB men de har inte haft möjlighet att delta.")) == {
        "HAB": "hard_to_engage"
    }
    assert set(absent(run("BUP, som vi gärna vill ha med, deltar inte."))) == {"BUP"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object of the phrase is in it or right after it; the one before is the subject
        ("Skolhälsovården berättar om svårigheter i kontakten med BUP.", {"BUP": "hard_to_engage"}),
        ("Rektorn menar att skolan måste arbeta närmare BUP.", {"BUP": "needed"}),
        ("Samverkan med habiliteringen behöver förstärkas.", {"HAB": "needed"}),
        # a party in a relative clause after the phrase is not the absent one
        (
            "Förskolan har inte bjudits in till de möten som socialtjänsten håller.",
            {"FORSKOLA": "not_asked"},
        ),
        # a fronted adverbial puts the subject right after "saknar"
        ("I två kommuner saknar elevhälsan helt kontakt med habiliteringen.", {"HAB": "missing"}),
        ("Socialnämnden bör verka för att BUP deltar i träffarna.", {"BUP": "needed"}),
        ("Avvikelser skickades till BUP, men BUP svarade inte.", {"BUP": "hard_to_engage"}),
        ("BUP är fortsatt svårtillgängligt för skolorna.", {"BUP": "hard_to_engage"}),
    ],
)
def test_absence_in_review_wording(text, expected):
    assert absent(run(text, None)) == expected


def test_a_partner_with_no_party_in_the_slot_is_no_absence():
    assert absent(run("Elevhälsans samverkan med andra aktörer behöver stärkas.", None)) == {}


def test_partial_and_hard_to_engage_in_one_sentence_is_both():
    facts = run("Vårdcentralerna deltar bara i vissa av mötena och är svåra att få med.", None)
    assert absent(facts) == {"VARDCENTRAL": "hard_to_engage"}
    assert [(f.party, f.partial) for f in facts if f.kind == "member"] == [("VARDCENTRAL", True)]


def test_a_full_member_listed_again_among_those_called_when_needed_stays_full():
    text = (
        "Barnhälsoteamet\n\nI barnhälsoteamet ingår alltid BVC och förskolan.\n\n"
        "Vid behov ingår även BVC och socialtjänsten i barnhälsoteamet."
    )
    partial = {f.party: f.partial for f in run(text, None) if f.kind == "member"}
    assert partial == {"BVC": False, "FORSKOLA": False, "SOCIALTJANST": True}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Företrädare för HAB har inte medverkat i gruppen under hösten.", "HAB"),
        ("Närvaron från vårdcentralen har minskat under året.", "VARDCENTRAL"),
        ("Socialtjänsten bjuds sällan in till elevhälsans möten.", "SOCIALTJANST"),
        ("Elevhälsan har inte blivit kallad till de samordnade planerna.", "ELEVHALSA"),
        ("Revisorerna föreslår att habiliteringen bjuds in till gruppen.", "HAB"),
        ("Ledningsgruppen bör kompletteras med en företrädare för BUP.", "BUP"),
        ("Det har varit svårt att få till en jämn närvaro från BUP.", "BUP"),
        ("Samverkan med socialtjänsten fungerar dåligt enligt skolorna.", "SOCIALTJANST"),
        ("Skolorna uppger att BUP sällan återkopplar efter en remiss.", "BUP"),
        ("Barn- och ungdomspsykiatrin har uteblivit från tre av mötena.", "BUP"),
        ("HAB har valt att inte delta i den lokala gruppen.", "HAB"),
    ],
)
def test_more_ways_reviews_report_an_absent_party(text, party):
    assert set(absent(run(text, None))) == {party}


@pytest.mark.parametrize(
    "text",
    [
        "Rutinen för samverkan med BUP saknas i diariet.",
        "Barn som inte får hjälp av varken skolan eller BUP riskerar att fara illa.",
        "Socialtjänsten och BUP saknar gemensamma rutiner.",
        "BUP saknar läkare och har långa väntetider.",
    ],
)
def test_missing_routines_and_help_are_no_absent_party(text):
    assert absent(run(text, None)) == {}


# --- a clause adverb after "men" keeps the subject of the clause before --------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Habiliteringen har fått frågan men har ännu inte deltagit.", "HAB"),
        ("BUP har fått kallelser men har tyvärr aldrig deltagit.", "BUP"),
        ("Socialtjänsten är tillfrågad men har hittills inte kunnat delta.", "SOCIALTJANST"),
    ],
)
def test_a_clause_adverb_after_men_still_reaches_the_subject(text: str, expected: str) -> None:
    assert expected in absent(run(text))


def test_a_clause_with_its_own_words_before_the_phrase_does_not_reach_back() -> None:
    # the second clause has its own subject: the routines are what is missing, not BUP
    facts = run("Vi träffar BUP varje månad, men gemensamma rutiner för remisser saknas.")
    assert "BUP" not in absent(facts)
