"""Agreement status in formal text (issue #11): proposals and agendas, a document's header
lines, and what is no status of ours. Every text is written for these tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import agreements, statuses


def test_a_decision_under_a_proposal_heading_is_in_progress():
    text = (
        "Tjänsteskrivelse\n\n"
        "Förslag till beslut\n"
        "Barn- och utbildningsnämnden godkänner den lokala överenskommelsen med regionen."
    )
    assert statuses(text, "Gagnef") == {("LOK", "in_progress")}


def test_agreements_listed_under_an_agenda_heading_are_in_progress():
    text = (
        "Dagordning\n\n"
        "1. Val av justerare\n"
        "2. Överenskommelse om samverkan kring barn och unga mellan Orsa kommun och regionen\n"
    )
    assert statuses(text) == {("LOK", "in_progress")}


def test_a_validity_proposed_keeps_its_date_but_is_in_progress():
    text = "Förvaltningen föreslår att den länsgemensamma överenskommelsen gäller från 1 maj 2025."
    assert agreements(text) == {("ROK", "in_progress", "2025-05-01", None)}


def test_a_header_line_approving_a_document_without_an_agreement_word_is_another_kind():
    text = (
        "Vägledning för första linjen och barnpsykiatrin\n\n"
        "Godkänd av: verksamhetschefer inom primärvård och psykiatri\n"
        "Ansvarig för revidering: utvecklingsenheten\n"
    )
    assert statuses(text) == {("other", "in_force")}


def test_a_header_line_fixing_a_document_gives_its_start_date():
    text = (
        "Gemensam vägledning för barn och unga i länet\n"
        "Kommunerna i länet och regionen\n"
        "Fastställd av länsgruppen för barn och unga 2016-03-01.\n"
    )
    assert agreements(text) == {("ROK", "in_force", "2016-03-01", None)}


def test_a_county_adjective_before_routines_names_no_agreement():
    text = "Revisorerna pekar på att det saknas länsgemensamma rutiner för journalöverföring."
    assert statuses(text) == set()


def test_an_agreement_between_the_state_and_skr_is_not_the_countys():
    text = (
        "Inom ramen för överenskommelsen mellan staten och SKR har en kartläggning av "
        "ungas hälsa tagits fram."
    )
    assert statuses(text) == set()


def test_a_date_alone_after_an_agreement_was_named_is_no_status():
    text = (
        "Kommunerna och regionen samverkar genom gemensamma överenskommelser och rutiner.\n\n"
        "Från 2026 omfattar samverkan också gymnasieskolan."
    )
    assert all(start != "2026-01-01" for _, _, start, _ in agreements(text))


def test_a_wish_that_guidelines_be_written_is_no_draft():
    text = (
        "Motionären anser att arbetet bör följas upp, och att gemensamma riktlinjer tas fram "
        "för skolor och barnpsykiatri."
    )
    assert statuses(text) == set()


def test_an_agreement_the_parties_made_in_a_year_is_in_force_from_it():
    text = (
        "Planen bygger på den regionala överenskommelse om psykisk hälsa som länets "
        "kommuner och regionen träffade 2016."
    )
    assert agreements(text) == {("ROK", "in_force", "2016-01-01", None)}


def test_a_documents_first_line_naming_an_agreement_is_its_subject():
    text = (
        "Lokal överenskommelse om barn i behov av särskilt stöd mellan regionen och Orsa kommun "
        "och de verksamheter som berörs\n\n"
        "Bakgrund\n"
        "Huvudmännen vill skapa förutsättningar för samordnade insatser."
    )
    assert statuses(text, "Orsa") == {("LOK", "in_force")}


def test_a_page_titled_by_a_service_makes_its_county_agreement_another_kind():
    text = (
        "Familjecentraler\n\n"
        "Sedan april 2020 gäller en länsgemensam överenskommelse om hur parterna ska arbeta "
        "tillsammans."
    )
    assert agreements(text) == {("other", "in_force", "2020-04-01", None)}


def test_work_done_according_to_an_agreement_tells_it_is_in_force():
    text = "Barnen undersöks enligt en länsgemensam överenskommelse och en gemensam rutin."
    assert statuses(text) == {("ROK", "in_force")}


def test_a_listed_task_on_an_agreement_is_no_title():
    text = "Uppdraget omfattar att\n- införa överenskommelsen i verksamheterna\n- följa upp den"
    assert statuses(text) == set()


def test_a_brand_said_to_be_guidelines_is_in_force():
    text = "Norrbus är riktlinjer för samverkan kring barn och unga mellan länets kommuner."
    assert statuses(text) == {("other", "in_force")}


def test_a_plan_resting_on_an_agreement_tells_it_holds():
    text = "Handlingsplanen bygger på den regionala överenskommelsen om barn och unga."
    assert statuses(text) == {("ROK", "in_force")}


def test_a_signed_declaration_of_intent_is_another_kind_in_force():
    text = "Avsiktsförklaring tecknad mellan kommunen, regionen och polisen om tidiga insatser"
    assert statuses(text, "Orsa") == {("other", "in_force")}


def test_a_common_policy_being_drafted_is_in_progress():
    text = (
        "Länets kommuner och regionen håller på att ta fram en gemensam policy för barn som "
        "behöver särskilt stöd."
    )
    assert statuses(text) == {("ROK", "in_progress")}


def test_an_agreement_adjusted_is_in_force():
    text = "Den länsgemensamma överenskommelsen om barns hälsa justerades i januari 2024."
    assert statuses(text) == {("ROK", "in_force")}


def test_a_section_named_by_a_kind_of_document_is_no_agreement():
    assert statuses("3.2 Samverkansdokument\n\nHär beskrivs vad granskningen fann.") == set()


def test_a_pronoun_late_in_a_sentence_does_not_refer_to_the_agreement():
    text = (
        "Kommunerna och regionen samverkar genom gemensamma överenskommelser.\n\n"
        "Från 2026 omfattar samverkan också skolan, och modellen görs om för att klara det."
    )
    assert all(start != "2026-01-01" for _, _, start, _ in agreements(text))


def test_an_agreement_being_prepared_is_in_progress():
    assert statuses("Den lokala överenskommelsen är under beredning.", "Orsa") == {
        ("LOK", "in_progress")
    }


def test_a_header_line_under_an_agreement_title_keeps_the_agreements_kind():
    text = (
        "Överenskommelse om samverkan kring barn och unga i länet\n\n"
        "Gäller från: 2021-02-01\n"
        "Version: 3\n"
    )
    assert agreements(text) == {("ROK", "in_force", "2021-02-01", None)}


def test_the_old_agreement_holding_until_a_new_one_is_ready_is_two_agreements():
    text = "Den gamla lokala överenskommelsen gäller tills en ny är klar."
    assert statuses(text, "Orsa") == {("LOK", "in_force"), ("LOK", "in_progress")}


def test_an_agreement_in_force_and_now_revised_is_two_agreements():
    text = "Den länsgemensamma överenskommelsen antogs 2017. Den revideras nu av en arbetsgrupp."
    # the year it was adopted is its start (the seventh-session date convention)
    assert agreements(text) == {
        ("ROK", "in_force", "2017-01-01", None),
        ("ROK", "in_progress", None, None),
    }


def test_a_board_that_decided_to_approve_an_agreement_adopted_it():
    text = "Socialnämnden beslutade 2023-04-11 att godkänna den lokala överenskommelsen."
    assert statuses(text, "Orsa") == {("LOK", "in_force")}


def test_the_month_an_agreement_was_signed_starts_its_validity():
    text = "Den lokala överenskommelsen undertecknades i juni 2020 och gäller tills vidare."
    assert agreements(text, "Orsa") == {("LOK", "in_force", "2020-06-01", None)}


def test_a_group_working_also_from_an_agreement_tells_it_holds():
    text = "Ledningsgruppen utgår också från länets överenskommelse om barns och ungas hälsa."
    assert statuses(text) == {("ROK", "in_force")}
