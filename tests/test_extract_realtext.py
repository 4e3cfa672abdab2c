"""The extractor on the kinds of real Swedish text issue #11 lists: one test per phenomenon and
per precision slip. Every text here is written for these tests (our own words, invented
places and names where it matters); none is copied from a page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract import extract_text
from loaders.importer import extract_path
from lokgraph.facts import Fact


def run(text: str, kommun: str | None = "Orsa") -> list[Fact]:
    return extract_text(text, source="test", kommun=kommun)


def members(facts: list[Fact]) -> set[tuple[str | None, str | None]]:
    return {(f.party, f.level) for f in facts if f.kind == "member" and f.party}


def kinds(facts: list[Fact], kind: str) -> list[Fact]:
    return [f for f in facts if f.kind == kind]


# --- the document model -------------------------------------------------------------------------


def test_a_group_in_a_heading_carries_to_the_items_under_its_lead():
    text = (
        "Barnhälsoteam\n\n"
        "Barnhälsoteamet träffas varannan vecka.\n\n"
        "Dessa funktioner ska alltid ingå\n"
        "• barnavårdscentralen\n"
        "• förskolans specialpedagog\n\n"
        "Vid behov kan även dessa ingå\n"
        "• socialsekreterare\n"
    )
    facts = run(text)
    assert members(facts) == {
        ("BVC", "individ"),
        ("FORSKOLA", "individ"),
        ("SOCIALTJANST", "individ"),
    }
    partial = {f.party for f in kinds(facts, "member") if f.partial}
    assert partial == {"SOCIALTJANST"}


def test_gruppen_after_a_heading_is_the_last_group_named():
    text = (
        "Länsgrupp för barns hälsa\n\n"
        "Länsgruppen håller ihop de strategiska frågorna i länet.\n\n"
        "Organisation\n"
        "Gruppen består av chefer från elevhälsan och socialtjänsten."
    )
    assert members(run(text, None)) == {("ELEVHALSA", "strategisk"), ("SOCIALTJANST", "strategisk")}


def test_a_lead_without_its_list_is_filled_by_the_next_sentence():
    text = (
        "Varje kommun har en lokal Västbusgrupp. I den sitter chefer för verksamheterna. "
        "De kommer bland annat från skolan, socialtjänsten och BUP."
    )
    assert members(run(text)) == {
        ("SKOLA", "operativ"),
        ("SOCIALTJANST", "operativ"),
        ("BUP", "operativ"),
    }


def test_roster_lines_under_ledamoter_are_members_of_the_group():
    text = (
        "Styrgruppen för barn och unga leder arbetet.\n\n"
        "Ledamöter\n"
        "Karin Holm, Orsa kommun, socialchef\n"
        "Per Ek, Region Dalarna, verksamhetschef BUP\n"
        "Lisa Berg, Orsa kommun, ordförande"
    )
    assert members(run(text)) == {("SOCIALTJANST", "strategisk"), ("BUP", "strategisk")}


def test_items_under_a_scope_heading_are_sides_not_members_of_the_group_before():
    # the settled convention (tests/realtext/README.md): sides of an agreement are no members
    text = (
        "Styrgruppen följer upp överenskommelsen.\n\n"
        "Verksamheter som omfattas\n"
        "- Socialtjänsten\n"
        "- Förskolan och skolan\n"
    )
    assert members(run(text)) == set()


def test_a_text_file_keeps_its_context_across_paragraphs(tmp_path: Path):
    path = tmp_path / "sida.txt"
    path.write_text(
        "Orsa kommun\n\nBUS-grupp\n\nGruppen träffas en gång i månaden.\n\n"
        "Deltagare\n- elevhälsan\n- IFO\n",
        encoding="utf-8",
    )
    facts, _survey, _notes = extract_path(path)
    assert members(facts) == {("ELEVHALSA", "operativ"), ("SOCIALTJANST", "operativ")}
    assert {f.kommun for f in facts} == {"Orsa"}


# --- group words it did not know ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I kommunen finns en Västbusgrupp med skolan och BUP.", "Västbus"),
        ("Norrbusgruppen i Kiruna samlar skolan och BUP.", "Norrbus"),
        ("BUSSAM är ett forum där skolan och BUP sitter med.", "BUSSAM"),
        ("I Samba deltar skolan och BUP.", "Samba"),
    ],
)
def test_regional_brand_groups_are_samverkansgrupper(text, name):
    facts = run(text)
    assert [(f.group_type, f.group_name) for f in kinds(facts, "group")] == [
        ("samverkansgrupp", name)
    ]
    assert {p for p, _ in members(facts)} == {"SKOLA", "BUP"}


def test_board_names_are_their_services():
    facts = run("I styrgruppen ingår företrädare för utbildningsnämnden och socialnämnden.")
    assert members(facts) == {("SKOLA", "strategisk"), ("SOCIALTJANST", "strategisk")}


# --- participation without the member words -----------------------------------------------------


def test_samverkan_mellan_names_who_takes_part():
    facts = run("I kommunen sker samverkan mellan elevhälsan, IFO och BUP.")
    assert members(facts) == {("ELEVHALSA", None), ("SOCIALTJANST", None), ("BUP", None)}
    # the scope of an audit is a topic, not a membership (tests/test_extract_audit_topics.py)
    assert members(run("Granskningen gäller samverkan mellan elevhälsan, IFO och BUP.")) == set()


def test_an_aim_to_strengthen_collaboration_names_no_members():
    assert members(run("Projektet ska stärka samverkan mellan skolan och socialtjänsten.")) == set()


def test_samarbetspartner_names_members():
    assert {p for p, _ in members(run("Samarbetspartner är skola och socialtjänst."))} == {
        "SKOLA",
        "SOCIALTJANST",
    }


# --- agreements in formal text ------------------------------------------------------------------


def agreements(facts: list[Fact]) -> set[tuple]:
    return {
        (f.agreement_kind, f.status, f.valid_from, f.valid_to)
        for f in kinds(facts, "agreement_status")
    }


def test_validity_dates_are_kept_with_the_kind():
    text = (
        "Länsövergripande överenskommelse om barn och unga\n\n"
        "Överenskommelsen gäller från 2016-01-01 till 2019-12-31."
    )
    assert agreements(run(text, None)) == {("ROK", "in_force", "2016-01-01", "2019-12-31")}


def test_guidelines_of_one_kommun_are_another_kind_of_agreement():
    text = "Riktlinjerna har fastställts av socialnämnden. De gäller från 2017-07-01."
    assert agreements(run(text)) == {("other", "in_force", "2017-07-01", None)}


def test_a_revision_told_before_the_adoption_is_over():
    text = (
        "Den regionala överenskommelsen började revideras 2019. "
        "Den reviderade överenskommelsen antogs 2021 av alla kommuner i länet."
    )
    assert agreements(run(text, None)) == {("ROK", "in_force", "2021-01-01", None)}


def test_an_old_lok_in_force_and_a_new_one_drafted_are_two_agreements():
    text = (
        "Vår lokala överenskommelse tecknades 2014 och gäller fortfarande. "
        "En ny lokal överenskommelse är under framtagande."
    )
    assert agreements(run(text)) == {
        ("LOK", "in_force", "2014-01-01", None),
        ("LOK", "in_progress", None, None),
    }


def test_a_draft_out_for_comment_is_in_progress():
    assert agreements(run("Förslaget till lokal överenskommelse är ute på remiss.")) == {
        ("LOK", "in_progress", None, None)
    }


def test_routine_yearly_revision_is_no_revision():
    text = "Den länsgemensamma överenskommelsen är antagen av alla parter och revideras varje år."
    assert agreements(run(text, None)) == {("ROK", "in_force", None, None)}


# --- absence in reports -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Samverkansgruppen saknar representation från BUP.",
        "BUP deltar sällan i samverkansgruppen.",
        "Revisionen ser brister i deltagandet från BUP.",
        "Det har varit svårt att få med BUP i arbetet.",
    ],
)
def test_absence_as_reports_write_it(text):
    facts = run(text)
    assert [f.party for f in kinds(facts, "absent")] == ["BUP"]
    assert members(facts) == set()


# --- precision slips ----------------------------------------------------------------------------


def test_a_gloss_in_brackets_is_not_a_second_party():
    facts = run("Barnhälsovården (primärvården) och förskolan ingår i barnhälsoteamet.")
    assert {p for p, _ in members(facts)} == {"BVC", "FORSKOLA"}


def test_the_receiver_of_a_draft_is_not_a_member():
    facts = run("Utkastet till ny LÖK har skickats till HAB och BUP för synpunkter.")
    assert members(facts) == set()
    assert agreements(facts) == {("LOK", "in_progress", None, None)}


def test_a_missing_document_is_not_a_missing_party():
    facts = run("Styrgruppen har träffats fyra gånger. Avtalet saknas i diariet.")
    assert kinds(facts, "absent") == []


def test_a_bus_agreement_is_not_a_bus_group():
    facts = run("BUS-överenskommelsen gäller sedan 2012.", None)
    assert kinds(facts, "group") == []
    assert agreements(facts) == {("other", "in_force", "2012-01-01", None)}


# --- what it could not place --------------------------------------------------------------------


@pytest.mark.parametrize("text", ["BUP.", "BUP:s väntetider är långa.", "Om HAB vet vi lite."])
def test_a_sentence_naming_a_party_but_giving_no_fact_is_unplaced_with_its_quote(text):
    facts = run(text)
    assert [(f.kind, f.quote) for f in facts] == [("unplaced", text)]


def test_the_import_counts_the_unplaced_sentences(tmp_path: Path):
    from loaders.importer import read_path

    path = tmp_path / "anteckning.txt"
    path.write_text("Orsa\n\nBUP deltar i styrgruppen.\n\nBUP:s väntetider är långa.\n", "utf-8")
    assert read_path(path).unplaced == 1


# --- levels from the whole document, and lists next to a weak member word -----------------------


def test_what_a_document_says_about_a_group_sets_its_level():
    text = (
        "I kommunen finns en BUS-grupp med representanter för förskolan och IFO.\n\n"
        "BUS-gruppen samordnar stödet tillsammans med dig och ditt barn."
    )
    facts = run(text)
    assert [(f.group_type, f.level) for f in kinds(facts, "group")] == [
        ("samverkansgrupp", "individ")
    ]
    assert members(facts) == {("FORSKOLA", "individ"), ("SOCIALTJANST", "individ")}


def test_a_group_named_again_keeps_its_first_level():
    text = (
        "Länsgruppen är länets strategiska forum för barn och unga.\n\n"
        "Ledamöter\n"
        "Eva Lund, Region Norr, verksamhetschef BUP"
    )
    assert members(run(text, None)) == {("BUP", "strategisk")}


def test_a_list_of_parties_next_to_a_weak_member_word_takes_part():
    assert {p for p, _ in members(run("Skola, polis och socialtjänst samverkar i länet."))} == {
        "SKOLA",
        "SOCIALTJANST",
    }
    # one party alone next to it is not enough
    assert members(run("Socialtjänsten samverkar ofta.")) == set()


def test_agreements_listed_as_headings_or_items_are_in_force_when_nothing_else_is_said():
    text = (
        "Styrande dokument\n\n"
        "1.1 Överenskommelse mellan kommunerna och regionen om barn och unga i länet\n"
        "1.2 Samverkansavtal mellan skolan och BUP\n"
    )
    assert {(k, s) for k, s, _, _ in agreements(run(text, None))} == {
        ("ROK", "in_force"),
        ("other", "in_force"),
    }


def test_a_document_tells_each_agreement_once_from_all_its_paragraphs():
    text = (
        "Överenskommelse om barn och unga i länet\n\n"
        "Överenskommelsen är ute på remiss.\n\n"
        "Remissen har skickats till alla kommuner. Den är ute på remiss till mars."
    )
    facts = kinds(run(text, None), "agreement_status")
    assert [(f.agreement_kind, f.status) for f in facts] == [("ROK", "in_progress")]


def test_a_document_about_a_bus_agreement_keeps_calling_it_that():
    text = (
        "BUS – barn i behov av särskilt stöd\n\n"
        "Överenskommelsen tecknades 2012 av alla kommuner i länet och regionen."
    )
    assert agreements(run(text, None)) == {("other", "in_force", "2012-01-01", None)}


# --- compounds on a group word, minutes -------------------------------------------------------


def test_a_compound_on_a_group_word_is_a_group_with_the_level_of_its_head():
    facts = run("Elevhälsan och socialtjänsten ingår i ett nära stöd- och vårdteam.")
    assert [(f.group_type, f.level, f.group_name) for f in kinds(facts, "group")] == [
        ("samverkansgrupp", "individ", "vårdteam")
    ]
    assert members(facts) == {("ELEVHALSA", "individ"), ("SOCIALTJANST", "individ")}


@pytest.mark.parametrize(
    "text",
    [
        "Målgruppen är barn och unga upp till 20 år.",
        "IFO:s mottagningsgrupp tar emot anmälningar.",
        "Ansvarsområdet är socialtjänstens.",
    ],
)
def test_compounds_that_are_no_groups(text):
    assert kinds(run(text), "group") == []


def test_those_present_at_a_meeting_are_members_of_the_group_that_met():
    text = (
        "Minnesanteckningar\n"
        "Beredningsgruppen för barn och unga\n\n"
        "Närvarande:\n"
        "Karin Holm, chef för elevhälsan, utbildningsförvaltningen\n"
        "Per Ek, enhetschef, barn- och ungdomspsykiatrin\n"
    )
    assert members(run(text)) == {
        ("ELEVHALSA", "operativ"),
        ("SKOLA", "operativ"),
        ("BUP", "operativ"),
    }


def test_parties_that_have_a_group_in_common_are_its_members():
    facts = run("Förskola, skola och socialtjänst i Orsa har en gemensam samverkansgrupp.")
    assert members(facts) == {
        ("FORSKOLA", "operativ"),
        ("SKOLA", "operativ"),
        ("SOCIALTJANST", "operativ"),
    }
