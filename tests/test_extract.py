"""The Swedish extractor on small texts written for these tests (none is copied from a seed).

The texts imitate how different counties write: Dalarna's survey answers, Skaraborg's
Partssamverkan and SAMBU-team, Värmland's BUS-grupp and socialkontor, Jönköping's governance
chain, and OCR-damaged text with å/ä/ö lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract import (
    extract_answers,
    extract_text,
    load_vocabulary,
    split_sentences,
)
from loaders.records import Answer
from lokgraph.errors import InputError
from lokgraph.facts import Fact


def run(text: str, *, kommun: str | None = "Tibro", question: str | None = None) -> list[Fact]:
    return extract_text(text, source="test", kommun=kommun, question=question)


def codes(facts: list[Fact], kind: str) -> list[str]:
    return sorted(f.party for f in facts if f.kind == kind and f.party)


def of_kind(facts: list[Fact], kind: str) -> list[Fact]:
    return [f for f in facts if f.kind == kind]


# --- sentences ---------------------------------------------------------------------------------


def test_sentences_keep_abbreviations_together():
    text = "Vi har bl.a. en styrgrupp, t.ex. för GNV. Den träffas ca. fyra gånger per år."
    assert [s.text for s in split_sentences(text)] == [
        "Vi har bl.a. en styrgrupp, t.ex. för GNV.",
        "Den träffas ca. fyra gånger per år.",
    ]


def test_sentences_drop_list_markers_and_keep_items_apart():
    text = "1. Styrgruppen leder arbetet\n2. Arbetsgruppen planerar\n• SAMBU-team\n- ELOF-team"
    assert [s.text for s in split_sentences(text)] == [
        "Styrgruppen leder arbetet",
        "Arbetsgruppen planerar",
        "SAMBU-team",
        "ELOF-team",
    ]


def test_sentences_join_hard_wrapped_lines():
    text = "Kommunen och regionen har en gemensam\nstyrgrupp som leds av\nsocialchefen."
    assert [s.text for s in split_sentences(text)] == [
        "Kommunen och regionen har en gemensam styrgrupp som leds av socialchefen."
    ]


def test_heading_line_gives_its_level_to_the_lines_below():
    text = (
        "Strategiskt\nLedningsgrupp för barn och unga\n"
        "Operativ nivå:\nSamverkansgrupp i varje skolområde"
    )
    sentences = split_sentences(text)
    assert [(s.text, s.heading_level, s.is_heading) for s in sentences] == [
        ("Strategiskt", "strategisk", True),
        ("Ledningsgrupp för barn och unga", "strategisk", False),
        ("Operativ nivå:", "operativ", True),
        ("Samverkansgrupp i varje skolområde", "operativ", False),
    ]


# --- groups ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "group_type", "level"),
    [
        ("Vi har en styrgrupp för frågorna.", "styrgrupp", "strategisk"),
        ("Frågorna lyfts i POLSAM.", "polsam", "politisk"),
        ("Kommunalt forum fattar besluten.", "kommunalt_forum", "politisk"),
        ("Länsdelsgruppen träffas varje månad.", "lansdelsgrupp", "operativ"),
        ("Det finns ett konsultationsteam.", "konsultationsteam", "individ"),
        ("Vi har startat SAMBU-team på två skolor.", "sambu", "individ"),
        ("Partssamverkansgruppen har en handlingsplan.", "partssamverkan", "operativ"),
        ("Våra lokala chefsstyrgrupper fungerar.", "styrgrupp", "strategisk"),
        ("Ett ELOF-team arbetar med frånvaron.", "elof", "individ"),
        ("Ärenden tas upp i SIP-samverkan.", "sip_samverkan", "individ"),
    ],
)
def test_group_type_and_default_level(text, group_type, level):
    groups = of_kind(run(text), "group")
    assert [(g.group_type, g.level) for g in groups] == [(group_type, level)]
    assert groups[0].quote == text


def test_level_word_overrides_the_default_for_the_group_it_describes():
    facts = run(
        "Det finns arbetsgrupper som arbetar på individnivå och samverkansgrupper som arbetar "
        "på strategisk nivå."
    )
    assert [(g.group_type, g.level) for g in of_kind(facts, "group")] == [
        ("arbetsgrupp", "individ"),
        ("samverkansgrupp", "strategisk"),
    ]


def test_level_word_before_the_group():
    facts = run("På operativ nivå har vi ett barnhälsoteam.")
    assert [(g.group_type, g.level) for g in of_kind(facts, "group")] == [
        ("barnhalsoteam", "operativ")
    ]


def test_heading_level_applies_to_groups_below_it():
    facts = run("Operativt\nKonsultationsteamet träffas varannan vecka.")
    assert [(g.group_type, g.level) for g in of_kind(facts, "group")] == [
        ("konsultationsteam", "operativ")
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Vi har en Styrgrupp God och nära vård sedan i fjol.", "God och nära vård"),
        ("Styrgruppen för god och nära vård träffas i maj.", "god och nära vård"),
        ("Chefsgrupp barn och ungas hälsa (inrättad 2019) leder arbetet.", "barn och ungas hälsa"),
        ("Styrgrupp Småbarn 0-6 år: planerar insatser.", "Småbarn 0-6 år"),
        ("Vi har en styrgrupp GNV med tre arbetsgrupper.", "GNV"),
        ("Kommunens BUS-grupp träffas varje månad.", "BUS"),
        ("Styrgruppen med förvaltningschefer träffas i maj.", None),
        ("Barnhälsoteam i Hjo är ett gott exempel.", None),
        ("Vi har en samverkansgrupp som träffas ofta.", None),
    ],
)
def test_group_name(text, name):
    assert of_kind(run(text), "group")[0].group_name == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Det finns en arbetsgrupp som får uppdrag från styrgruppen.",
            {("arbetsgrupp", "styrgrupp")},
        ),
        (
            "Kopplat till styrgruppen finns två arbetsgrupper för barn och unga.",
            {("arbetsgrupp", "styrgrupp")},
        ),
        (
            "Länsdelsgruppen rapporterar till Strategigrupp barn och unga, som i sin tur får "
            "uppdrag från Ledningsgruppen för samverkan.",
            {("lansdelsgrupp", "strategigrupp"), ("strategigrupp", "ledningsgrupp")},
        ),
        (
            "Ledningsgruppen har gett beredningsgruppen i uppdrag att utse en arbetsgrupp.",
            {("beredningsgrupp", "ledningsgrupp"), ("arbetsgrupp", "beredningsgrupp")},
        ),
        ("Under mars träffade styrgruppen alla arbetsgrupper.", set()),
    ],
)
def test_governance(text, expected):
    got = {(g.group_type, g.governed_by) for g in of_kind(run(text), "group") if g.governed_by}
    assert got == expected


# --- members -----------------------------------------------------------------------------------


def test_members_of_the_group_in_the_sentence_with_kommuner():
    facts = run(
        "Vi har en styrgrupp med representanter från Tibro, Hjo och Karlsborgs kommun, "
        "vårdcentralerna, BUP och habiliteringen."
    )
    members = of_kind(facts, "member")
    assert codes(facts, "member") == ["BUP", "HAB", "VARDCENTRAL"]
    assert sorted(f.member_kommun for f in members if f.member_kommun) == [
        "Hjo",
        "Karlsborg",
        "Tibro",
    ]
    assert {f.group_type for f in members} == {"styrgrupp"}


def test_bare_region_is_no_party_and_bare_kommunen_is_the_answers_own_kommun():
    facts = run("Arbetsgruppen har deltagare från kommunen och regionen.", kommun="Hjo")
    members = of_kind(facts, "member")
    assert [(f.party, f.member_kommun) for f in members] == [(None, "Hjo")]


def test_places_and_owners_are_not_member_kommuner():
    facts = run(
        "I styrgruppen sitter verksamhetschefen för Hjo vårdcentral och rektorer i Tibro, "
        "Skövde och Töreboda."
    )
    assert codes(facts, "member") == ["SKOLA", "VARDCENTRAL"]
    assert [f.member_kommun for f in of_kind(facts, "member") if f.member_kommun] == []


def test_members_refer_to_the_last_group_of_the_answer():
    facts = run("Vi har en samverkansgrupp som träffas varje månad. Där ingår skola och IFO.")
    assert [(f.party, f.group_type) for f in of_kind(facts, "member")] == [
        ("SKOLA", "samverkansgrupp"),
        ("SOCIALTJANST", "samverkansgrupp"),
    ]


def test_members_of_the_agreement_when_the_sentence_is_about_it():
    facts = run(
        "I arbetet med LÖK:en har förskolan, LSS och vård- och omsorgsförvaltningen involverats."
    )
    members = of_kind(facts, "member")
    assert codes(facts, "member") == ["FORSKOLA", "LSS", "VARD_OCH_OMSORG"]
    assert {(f.group_type, f.agreement_area) for f in members} == {(None, "barn_unga")}


def test_sitter_med_i_points_each_party_to_the_group_after_it():
    facts = run(
        "Chefen för IFO sitter med i styrgruppen och rektorerna sitter med i arbetsgruppen."
    )
    assert [(f.party, f.group_type) for f in of_kind(facts, "member")] == [
        ("SOCIALTJANST", "styrgrupp"),
        ("SKOLA", "arbetsgrupp"),
    ]


def test_parties_without_a_member_word_are_not_members():
    facts = run("Vi skickar färre remisser till BUP numera.")
    assert of_kind(facts, "member") == []
    assert [f.kind for f in facts] == ["unplaced"]


def test_partial_participation():
    facts = run(
        "I konsultationsteamet deltar skolsköterska och kurator varje vecka. "
        "En gång per termin deltar även BUP och habiliteringen."
    )
    partial = {f.party: f.partial for f in of_kind(facts, "member")}
    assert partial == {"ELEVHALSA": False, "BUP": True, "HAB": True}


def test_partial_only_for_the_clause_that_says_so():
    facts = run("I arbetsgruppen deltar vårdcentralen alltid, BUP och HAB endast vid behov.")
    assert {f.party: f.partial for f in of_kind(facts, "member")} == {
        "VARDCENTRAL": False,
        "BUP": True,
        "HAB": True,
    }


def test_specialist_is_dropped_when_the_unit_is_named():
    facts = run("I teamet deltar specialistvården, det vill säga BUP, ibland.")
    assert codes(facts, "member") == ["BUP"]
    facts = run("I teamet deltar specialistvården ibland.")
    assert codes(facts, "member") == ["SPECIALIST"]


# --- absences ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("BUP har inte deltagit i arbetet.", "not_participating"),
        ("I styrgruppen deltar inte BUP.", "not_participating"),
        ("BUP ingår inte i styrgruppen.", "not_participating"),
        ("Vi har ej haft BUP med på mötena.", "not_participating"),
        ("BUP har inte tillfrågats om att vara med.", "not_asked"),
        ("BUP har inte bjudits in till gruppen.", "not_asked"),
        ("Det är svårt att få med BUP i samverkan.", "hard_to_engage"),
        ("Vi upplever svårigheter att samverka med BUP.", "hard_to_engage"),
        ("Att få med BUP är vår största utmaning.", "hard_to_engage"),
        ("Vi behöver också få med BUP.", "needed"),
        ("Vi skulle vilja ha med BUP i gruppen.", "needed"),
        ("BUP saknas i styrgruppen.", "missing"),
        ("Det finns en avsaknad av BUP i arbetet.", "missing"),
    ],
)
def test_absence_reason(text, reason):
    facts = run(text)
    absent = of_kind(facts, "absent")
    assert [(f.party, f.reason) for f in absent] == [("BUP", reason)]
    assert of_kind(facts, "member") == []


def test_absence_wins_over_membership_in_the_same_sentence():
    facts = run("Styrgruppen består av socialtjänst och skola, men BUP deltar inte.")
    assert codes(facts, "member") == ["SKOLA", "SOCIALTJANST"]
    assert codes(facts, "absent") == ["BUP"]


def test_a_list_after_the_absence_phrase_is_all_absent():
    facts = run("Varken BUP, HAB eller öppenpsykiatrin deltar i arbetsgruppen.")
    assert codes(facts, "absent") == ["BUP", "HAB", "OPPENPSYKIATRI"]
    assert codes(facts, "member") == []


def test_absence_targets_the_group_in_context():
    facts = run("Vi har en ledningsgrupp för barn och unga. Habiliteringen saknas där.")
    (absent,) = of_kind(facts, "absent")
    assert (absent.party, absent.group_type, absent.reason) == ("HAB", "ledningsgrupp", "missing")


def test_absence_in_a_q1_answer_targets_the_agreement():
    facts = run("BUP har inte deltagit i arbetet.", question="Q1")
    (absent,) = of_kind(facts, "absent")
    assert (absent.group_type, absent.agreement_area) == (None, "barn_unga")


# --- OCR damage ----------------------------------------------------------------------------------


def test_ocr_damaged_text_is_read_and_quoted_as_written():
    text = (
        "Den lokala 6verenskommelsen for barns och ungas hilsa ar under framtagande. "
        "I partssamverkansgruppen ingar socialtjansten, elevhilsan och primirvarden. "
        "Nirhilsan och Barn- och ungdomspsykiatrin saknas dock i gruppen."
    )
    facts = run(text)
    assert [(f.group_type, f.level) for f in of_kind(facts, "group")] == [
        ("partssamverkan", "operativ")
    ]
    assert codes(facts, "member") == ["ELEVHALSA", "SOCIALTJANST", "VARDCENTRAL"]
    assert codes(facts, "absent") == ["BUP", "VARDCENTRAL"]
    (status,) = of_kind(facts, "agreement_status")
    assert status.status == "in_progress"
    assert status.quote.startswith("Den lokala 6verenskommelsen")


# --- agreement status ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Ja, vi har tecknat en LÖK.", "in_force"),
        ("Ja.", "in_force"),
        ("Den lokala överenskommelsen är undertecknad av båda parter.", "in_force"),
        ("En lokal överenskommelse finns och gäller till 2026.", "in_force"),
        ("Nej.", "none"),
        ("Nej. Vi saknar en LÖK för barn och unga.", "none"),
        ("Någon LÖK är inte undertecknad ännu.", "none"),
        ("Arbetet med överenskommelsen pågår.", "in_progress"),
        ("Nej, men ett utkast finns.", "in_progress"),
        ("Dokumentet är nästan klart.", "in_progress"),
        ("Vi håller på att ta fram en LÖK.", "in_progress"),
        ("Den är inte klar ännu.", "in_progress"),
        ("Vår LÖK revideras under våren.", "under_revision"),
        ("Vi har en äldre LÖK. En ny är under framtagande.", "under_revision"),
        ("Ja men den är under revidering.", "under_revision"),
    ],
)
def test_agreement_status_in_q1(text, status):
    facts = run(text, question="Q1")
    assert [(f.status, f.agreement_area) for f in of_kind(facts, "agreement_status")] == [
        (status, "barn_unga")
    ]


def test_planned_work_is_not_a_status():
    facts = run("Nej. Ett arbete med att ta fram en LÖK kommer att starta i höst.", question="Q1")
    assert [f.status for f in of_kind(facts, "agreement_status")] == ["none"]


def test_agreement_area_from_the_text():
    facts = run("Vi har tecknat en LÖK för missbruk och beroende.", question="Q1")
    assert [(f.status, f.agreement_area) for f in of_kind(facts, "agreement_status")] == [
        ("in_force", "missbruk")
    ]


def test_free_text_tells_the_regional_agreement_from_the_local_one():
    # the regional one's status is the RÖK's (the graph puts it there), never the kommun's LÖK
    regional = of_kind(run("Den regionala överenskommelsen revideras 2026."), "agreement_status")
    assert [(f.agreement_kind, f.status) for f in regional] == [("ROK", "under_revision")]
    facts = run("Vår lokala överenskommelse revideras 2026.")
    assert [(f.agreement_kind, f.status) for f in of_kind(facts, "agreement_status")] == [
        ("LOK", "under_revision")
    ]


def test_kommun_and_region_answers_give_a_status_each():
    answers = [
        Answer(source="s", kommun="Hjo", question="Q1", text="Nej.", respondent="Hjo"),
        Answer(
            source="s",
            kommun="Hjo",
            question="Q1",
            text="Arbete pågår med en ny LÖK.",
            respondent="Region Västra Götaland",
        ),
    ]
    facts = extract_answers(answers)
    assert [(f.respondent, f.status) for f in facts if f.kind == "agreement_status"] == [
        ("Hjo", "none"),
        ("Region Västra Götaland", "in_progress"),
    ]


# --- deviation reporting -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Inte alls.", "none"),
        ("Inga avvikelser har skrivits i år.", "none"),
        ("Väldigt få.", "few"),
        ("Det sker i liten utsträckning.", "few"),
        ("Enstaka avvikelser per år.", "few"),
        ("Avvikelser skrivs ibland.", "some"),
        ("Det förekommer i viss utsträckning.", "some"),
    ],
)
def test_deviation_reporting_in_q5(text, status):
    facts = run(text, question="Q5")
    assert [f.status for f in of_kind(facts, "deviation_reporting")] == [status]


def test_deviation_words_outside_q5_are_not_read():
    assert of_kind(run("Vi har väldigt få möten.", question="Q4"), "deviation_reporting") == []


# --- unplaced and provenance ---------------------------------------------------------------------


def test_sentences_no_rule_places_are_kept_and_boilerplate_is_not():
    facts = run("Vi har en god dialog med varandra. -\nInget att tillägga.")
    assert [(f.kind, f.quote) for f in facts] == [
        ("unplaced", "Vi har en god dialog med varandra."),
    ]


def test_answer_provenance_is_carried_to_every_fact():
    answer = Answer(
        source="enkat.txt",
        kommun="Hjo",
        question="Q2",
        text="Vi har en styrgrupp där BUP ingår. Det fungerar.",
        respondent="Region Västra Götaland",
    )
    facts = extract_answers([answer])
    assert {(f.source, f.kommun, f.question, f.respondent) for f in facts} == {
        ("enkat.txt", "Hjo", "Q2", "Region Västra Götaland")
    }
    assert all(f.quote for f in facts)


# --- other counties ------------------------------------------------------------------------------


def test_skaraborg_style():
    text = (
        "I Partssamverkan barn och unga i Tibro ingår Närhälsan, bildningsförvaltningen, "
        "socialförvaltningen och elevhälsan. Habilitering och Hälsa deltar vid behov. "
        "BUP har inte varit representerade under året. Partssamverkan rapporterar till "
        "Samverkansgrupp barn och unga.\n"
        "I SAMBU-teamet sitter skolkurator, skolsköterska och en socialsekreterare."
    )
    facts = run(text)
    assert {(f.group_type, f.governed_by) for f in of_kind(facts, "group")} >= {
        ("partssamverkan", None),
        ("partssamverkan", "samverkansgrupp"),
        ("sambu", None),
    }
    members = {(f.party, f.group_type, f.partial) for f in of_kind(facts, "member")}
    assert members == {
        ("VARDCENTRAL", "partssamverkan", False),
        ("SKOLA", "partssamverkan", False),
        ("SOCIALTJANST", "partssamverkan", False),
        ("ELEVHALSA", "partssamverkan", False),
        ("HAB", "partssamverkan", True),
        ("ELEVHALSA", "sambu", False),
        ("SOCIALTJANST", "sambu", False),
    }
    assert [(f.party, f.reason) for f in of_kind(facts, "absent")] == [("BUP", "not_participating")]


def test_varmland_style():
    text = (
        "Kommunens BUS-grupp består av rektorer, IFO, socialkontoret och hälsocentralen. "
        "Habiliteringscentrum har inte bjudits in. Vi skulle vilja ha med BUP men det är "
        "svårt att få till samverkan med dem."
    )
    facts = run(text, kommun="Kil")
    (group,) = of_kind(facts, "group")
    assert (group.group_type, group.group_name, group.level) == (
        "samverkansgrupp",
        "BUS",
        "operativ",
    )
    assert codes(facts, "member") == ["SKOLA", "SOCIALTJANST", "VARDCENTRAL"]
    assert {(f.party, f.reason) for f in of_kind(facts, "absent")} == {
        ("HAB", "not_asked"),
        ("BUP", "needed"),
    }


def test_jonkoping_style_governance_chain():
    text = (
        "Kommunalt forum är den politiska nivån. Under Kommunalt forum finns REKO-gruppen. "
        "Strategigruppen för barn och unga får sitt uppdrag från REKO-gruppen."
    )
    facts = run(text, kommun=None)
    got = {(g.group_type, g.level, g.governed_by) for g in of_kind(facts, "group")}
    assert ("kommunalt_forum", "politisk", None) in got
    assert ("reko", "strategisk", "kommunalt_forum") in got
    assert ("strategigrupp", "strategisk", "reko") in got


def test_other_names_for_the_same_units():
    text = (
        "I samverkansgruppen ingår Barn- och ungdomspsykiatriska mottagningen, "
        "barn- och ungdomshabiliteringen, individ- och familjeomsorgen, Familjens hus, "
        "barnavårdscentralen, mödravården, ungdomsmottagningen, Famnen och VOO."
    )
    assert codes(run(text), "member") == [
        "BUP",
        "BVC",
        "FAMILJECENTRAL",
        "HAB",
        "MVC",
        "SAMTALSMOTTAGNING",
        "SOCIALTJANST",
        "UM",
        "VARD_OCH_OMSORG",
    ]


# --- vocabulary ----------------------------------------------------------------------------------


def test_vocabulary_extension_with_extends_default(tmp_path: Path):
    path = tmp_path / "egen.yaml"
    path.write_text(
        "extends: default\n"
        "parties:\n"
        "  SAMTALSMOTTAGNING:\n"
        "    - Första linjen barn och unga\n"
        "groups:\n"
        "  konsultationsteam:\n"
        "    - Barnkraft*\n"
        "absence:\n"
        "  hard_to_engage:\n"
        "    - lyser med sin frånvaro\n",
        encoding="utf-8",
    )
    vocabulary = load_vocabulary(path)
    text = (
        "I Barnkraftteamet deltar Första linjen barn och unga och elevhälsan. "
        "BUP lyser med sin frånvaro."
    )
    facts = extract_text(text, source="t", kommun="Kil", vocabulary=vocabulary)
    assert [f.group_type for f in of_kind(facts, "group")] == ["konsultationsteam"]
    assert codes(facts, "member") == ["ELEVHALSA", "SAMTALSMOTTAGNING"]
    assert [(f.party, f.reason) for f in of_kind(facts, "absent")] == [("BUP", "hard_to_engage")]
    # the bundled vocabulary does not know the new words
    assert codes(run(text), "member") == ["ELEVHALSA"]


def test_standalone_vocabulary(tmp_path: Path):
    path = tmp_path / "liten.yaml"
    path.write_text(
        "parties:\n  BUP: [BUP]\ngroups:\n  styrgrupp: ['*styrgrupp*']\n"
        "members:\n  cues: [deltar]\n",
        encoding="utf-8",
    )
    vocabulary = load_vocabulary(path)
    facts = extract_text(
        "I styrgruppen deltar BUP och IFO.", source="t", kommun="Kil", vocabulary=vocabulary
    )
    assert codes(facts, "member") == ["BUP"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("parties:\n  PSYK: [psykiatri]\n", "unknown code 'PSYK' under 'parties'"),
        ("groups:\n  kafferep: [fika]\n", "unknown code 'kafferep' under 'groups'"),
        ("absence:\n  bortrest: [på semester]\n", "unknown code 'bortrest' under 'absence'"),
        ("partys:\n  BUP: [BUP]\n", "unknown heading 'partys' in the vocabulary"),
        ("members:\n  cue: [deltar]\n", "unknown heading 'cue' under 'members'"),
        ("parties: [\n", "inte giltig YAML"),
        ("- bara en lista\n", "samling listor"),
    ],
)
def test_bad_vocabulary_is_a_clear_error(tmp_path: Path, content, message):
    path = tmp_path / "fel.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        load_vocabulary(path)
    assert str(path) in str(info.value)


def test_a_vocabulary_that_extends_itself_is_a_clear_error(tmp_path: Path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("extends: b.yaml\nparties:\n  BUP: [BUP]\n", encoding="utf-8")
    b.write_text("extends: a.yaml\n", encoding="utf-8")
    with pytest.raises(InputError, match="bygger på sig själv") as info:
        load_vocabulary(a)
    assert "a.yaml → b.yaml → a.yaml" in str(info.value)


def test_a_vocabulary_yaml_bomb_is_refused(tmp_path: Path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_vocabulary(path)


def test_default_vocabulary_is_cached():
    assert load_vocabulary() is load_vocabulary()


# --- more phrasings ------------------------------------------------------------------------------

M, P, A = "members", "partial", "absent"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Socialförvaltningen, elevhälsan och vårdcentralen träffas en gång i månaden i vår "
            "samverkansgrupp.",
            {M: {"SOCIALTJANST", "ELEVHALSA", "VARDCENTRAL"}},
        ),
        (
            "Vi har ett barnhälsoteam. Representanter för BUP och habiliteringen bjuds in vid "
            "behov.",
            {M: {"BUP", "HAB"}, P: {"BUP", "HAB"}},
        ),
        ("Det har varit svårt att få BUP att delta i konsultationsteamet.", {A: {"BUP"}}),
        ("BUP har lämnat gruppen.", {A: {"BUP"}}),
        (
            "Från regionen deltar endast vårdcentralen; BUP och HAB är inte med.",
            {M: {"VARDCENTRAL"}, A: {"BUP", "HAB"}},
        ),
        ("Vi saknar representation från habiliteringen i styrgruppen.", {A: {"HAB"}}),
        (
            "Ungdomsmottagningen och elevhälsan ingår i teamet men inte BUP.",
            {M: {"UM", "ELEVHALSA"}, A: {"BUP"}},
        ),
        ("Samtliga parter deltar i styrgruppen, även BUP.", {M: {"BUP"}}),
        ("Barn- och ungdomspsykiatrin medverkar inte i arbetet.", {A: {"BUP"}}),
        ("Någon representant från BUP finns inte i gruppen.", {A: {"BUP"}}),
        ("Vi har aldrig lyckats få med BUP.", {A: {"BUP"}}),
        ("HAB kommer att bjudas in till nästa möte i arbetsgruppen.", {A: {"HAB"}}),
        (
            "IFO och skolan har ett nära samarbete inom ramen för BEH.",
            {M: {"SOCIALTJANST", "SKOLA"}},
        ),
        ("I gruppen är primärvården representerad.", {M: {"VARDCENTRAL"}}),
        (
            "Socialtjänsten och skolan är med i styrgruppen, liksom vårdcentralen.",
            {M: {"SOCIALTJANST", "SKOLA", "VARDCENTRAL"}},
        ),
        ("Ingen från vuxenpsykiatrin deltar.", {A: {"OPPENPSYKIATRI"}}),
        ("Habiliteringen deltar sporadiskt i teamet.", {M: {"HAB"}, P: {"HAB"}}),
        ("BUP deltar i SAMBU-teamet när det behövs.", {M: {"BUP"}, P: {"BUP"}}),
        ("Vi önskar att BUP deltar i Partssamverkan.", {A: {"BUP"}}),
        (
            "Styrgruppen består av förvaltningschefer för skola och socialtjänst samt "
            "verksamhetschef för hälsocentralen.",
            {M: {"SKOLA", "SOCIALTJANST", "VARDCENTRAL"}},
        ),
        ("I ledningsgruppen ingår även chefen för BUP Värmland.", {M: {"BUP"}}),
        ("Vi har god samverkan med BUP i konsultationsteamet.", {M: {"BUP"}}),
        ("Vi skickar remisser till BUP när det behövs.", {}),
        ("BUP:s medverkan i styrgruppen har varit bristfällig.", {A: {"BUP"}}),
        ("Vi saknar fortfarande en tydlig rutin för SIP.", {}),
        (
            "Med i styrgruppen är socialchef, skolchef och vårdcentralschef.",
            {M: {"SOCIALTJANST", "SKOLA", "VARDCENTRAL"}},
        ),
        ("Deltagare: BUP, HAB och IFO.", {M: {"BUP", "HAB", "SOCIALTJANST"}}),
        ("BUP, som vi verkligen behöver, deltar inte i styrgruppen.", {A: {"BUP"}}),
        (
            "I styrgruppen ingår inte bara skolan utan även IFO.",
            {M: {"SKOLA", "SOCIALTJANST"}},
        ),
        (
            "I styrgruppen är vårdcentralen med, habiliteringen inte med.",
            {M: {"VARDCENTRAL"}, A: {"HAB"}},
        ),
    ],
)
def test_more_phrasings(text, expected):
    facts = run(text, kommun="Kil", question="Q2")
    got = {
        M: {f.party for f in facts if f.kind == "member" and f.party},
        P: {f.party for f in facts if f.kind == "member" and f.partial},
        A: {f.party for f in facts if f.kind == "absent"},
    }
    assert got == {M: set(), P: set(), A: set(), **expected}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("LÖK:en antogs i mars 2022.", "in_force"),
        ("Överenskommelsen är påskriven av båda parter.", "in_force"),
        ("Överenskommelsen gäller sedan 2020.", "in_force"),
        ("Förslaget till LÖK är ute på remiss.", "in_progress"),
        ("Vi har ingen LÖK ännu men arbete har påbörjats.", "in_progress"),
        ("Vi har inte påbörjat arbetet med en LÖK.", "none"),
        ("Vet ej.", "unknown"),
    ],
)
def test_more_status_phrasings(text, status):
    facts = run(text, question="Q1")
    assert [f.status for f in of_kind(facts, "agreement_status")] == [status]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Det skrivs nästan inga avvikelser.", "few"),
        ("Ett fåtal avvikelser per år.", "few"),
        ("Avvikelser rapporteras regelbundet.", "some"),
    ],
)
def test_more_deviation_phrasings(text, status):
    facts = run(text, question="Q5")
    assert [f.status for f in of_kind(facts, "deviation_reporting")] == [status]


def test_brackets_after_a_group_list_its_members():
    facts = run(
        "Strategisk nivå: Ledningsgruppen för barn och unga (förvaltningschefer från "
        "socialtjänst och skola samt områdeschef för primärvården). BUP är adjungerad vid behov."
    )
    members = {(f.party, f.group_type, f.partial) for f in of_kind(facts, "member")}
    assert members == {
        ("SOCIALTJANST", "ledningsgrupp", False),
        ("SKOLA", "ledningsgrupp", False),
        ("VARDCENTRAL", "ledningsgrupp", False),
        ("BUP", "ledningsgrupp", True),
    }


def test_brackets_without_parties_do_not_make_members():
    facts = run("Vi har ett Barnsamverkansteam (BST) som planerar insatser för skolan.")
    groups = [(g.group_type, g.level) for g in of_kind(facts, "group")]
    assert groups == [("samverkansgrupp", "operativ")]
    assert of_kind(facts, "member") == []


def test_governance_by_the_group_of_the_sentence_before():
    facts = run("Styrgruppen leder arbetet. Under den finns tre arbetsgrupper.")
    assert [(g.group_type, g.governed_by) for g in of_kind(facts, "group")] == [
        ("styrgrupp", None),
        ("arbetsgrupp", "styrgrupp"),
    ]


def test_a_planned_revision_of_an_existing_agreement():
    facts = run("Ja, LÖK:en tecknades 2019 men ska revideras under hösten.", question="Q1")
    assert [f.status for f in of_kind(facts, "agreement_status")] == ["under_revision"]


def test_lower_case_typing():
    facts = run(
        "vi har ingen lök ännu. bup är svåra att få tag på och hab har vi ingen kontakt med.",
        question="Q4",
    )
    assert [f.quote for f in facts if f.kind == "unplaced"] == ["vi har ingen lök ännu."]
    assert {(f.party, f.reason) for f in of_kind(facts, "absent")} == {
        ("BUP", "hard_to_engage"),
        ("HAB", "not_participating"),
    }
    facts = run("vi har ingen lök ännu.", question="Q1")
    assert [f.status for f in of_kind(facts, "agreement_status")] == ["none"]


def test_bulleted_structure_under_level_headings():
    text = (
        "Strategisk nivå:\n"
        "- Ledningsgrupp barn och unga (socialchef, skolchef, verksamhetschef hälsocentral)\n"
        "- Politisk samverkansgrupp\n"
        "Operativ nivå:\n"
        "- BUS-team på varje skola, där skolkurator, skolsköterska och socialsekreterare ingår\n"
        "BUP och habiliteringen deltar inte i någon av grupperna."
    )
    facts = run(text)
    assert [(g.group_type, g.level, g.group_name) for g in of_kind(facts, "group")] == [
        ("ledningsgrupp", "strategisk", "barn och unga"),
        ("politisk_samverkan", "politisk", None),
        ("samverkansgrupp", "operativ", "BUS"),
    ]
    assert {(f.party, f.group_type) for f in of_kind(facts, "member")} == {
        ("SOCIALTJANST", "ledningsgrupp"),
        ("SKOLA", "ledningsgrupp"),
        ("VARDCENTRAL", "ledningsgrupp"),
        ("SKOLA", "samverkansgrupp"),
        ("ELEVHALSA", "samverkansgrupp"),
        ("SOCIALTJANST", "samverkansgrupp"),
    }
    assert codes(facts, "absent") == ["BUP", "HAB"]


@pytest.mark.parametrize(
    ("question", "text", "kind", "status"),
    [
        ("Q1", "Pågår", "agreement_status", "in_progress"),
        ("Q1", "Ja, sedan 2021", "agreement_status", "in_force"),
        ("Q1", "Nej, inte än", "agreement_status", "none"),
        ("Q5", "Några få", "deviation_reporting", "few"),
        ("Q5", "Aldrig", "deviation_reporting", "none"),
    ],
)
def test_forms_style_short_answers(question, text, kind, status):
    assert [f.status for f in of_kind(run(text, question=question), kind)] == [status]


def test_common_phrase_vard_och_omsorg_is_not_the_forvaltning():
    facts = run("I styrgruppen deltar skolan för att ge god vård och omsorg.")
    assert codes(facts, "member") == ["SKOLA"]
    facts = run("I styrgruppen deltar LSS och Vård och omsorg.")
    assert codes(facts, "member") == ["LSS", "VARD_OCH_OMSORG"]
