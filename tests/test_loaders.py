"""Survey loaders: the real Dalarna dump, and one fictional survey in every format."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import docx
import openpyxl
import pytest

from loaders.docx_survey import load_survey_docx
from loaders.forms import load_forms, read_mapping
from loaders.records import QUESTIONS
from loaders.survey import load_survey
from loaders.survey_dump import load_survey_dump, read_dump_table
from loaders.text import load_text
from lokgraph.errors import InputError, UnknownNameError

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
DALARNA = SEEDS / "000_06d682ea16d55562.txt"
needs_seed = pytest.mark.skipif(not DALARNA.exists(), reason="seed 000 not available")

# --- the real Dalarna survey -------------------------------------------------------------


@pytest.fixture(scope="module")
def dalarna():
    return load_survey_dump(DALARNA)


def _cell(survey, kommun, question):
    return [a for a in survey.answers if a.kommun == kommun and a.question == question]


def _one(survey, kommun, question, respondent):
    found = [a for a in _cell(survey, kommun, question) if a.respondent == respondent]
    assert len(found) == 1, _cell(survey, kommun, question)
    return found[0]


@needs_seed
def test_dalarna_kommuner(dalarna):
    assert len(dalarna.surveyed) == 15
    assert set(dalarna.non_respondents) == {"Borlänge", "Falun", "Rättvik", "Säter"}
    assert len(dalarna.non_respondents) == 4
    assert dalarna.region == "Region Dalarna"
    answering = {a.kommun for a in dalarna.answers}
    assert len(answering) == 11
    assert answering | set(dalarna.non_respondents) == set(dalarna.surveyed)


@needs_seed
def test_dalarna_six_questions_per_kommun(dalarna):
    table = read_dump_table(DALARNA)
    assert len(table.questions) == 6 and len(table.rows) == 15
    assert all(len(row.cells) == 6 for row in table.rows)
    by_kommun: dict[str, set[str]] = {}
    for a in dalarna.answers:
        by_kommun.setdefault(a.kommun, set()).add(a.question)
    # every answering kommun answered Q1..Q5; Q6 ("Övrigt") was left empty by six of them
    assert all({"Q1", "Q2", "Q3", "Q4", "Q5"} <= qs <= set(QUESTIONS) for qs in by_kommun.values())
    with_q6 = {k for k, qs in by_kommun.items() if "Q6" in qs}
    assert with_q6 == {"Gagnef", "Hedemora", "Malung-Sälen", "Mora", "Orsa"}


@needs_seed
def test_dalarna_locations_and_artefacts(dalarna):
    assert all(a.location.startswith("line ") for a in dalarna.answers)
    assert all(a.source == DALARNA.name for a in dalarna.answers)
    assert not any("bookmark" in a.text or "_GoBack" in a.text for a in dalarna.answers)
    assert all(a.text == a.text.strip() and a.text for a in dalarna.answers)


@needs_seed
def test_dalarna_kommun_without_region_answers_alone(dalarna):
    gagnef = [a for a in dalarna.answers if a.kommun == "Gagnef"]
    assert len(gagnef) == 6 and {a.respondent for a in gagnef} == {"Gagnef"}
    assert "Vi hoppas fler får chansen" in _one(dalarna, "Gagnef", "Q6", "Gagnef").text


@needs_seed
def test_dalarna_first_paragraph_kommun_second_region(dalarna):
    assert "Ingen LÖK Barn och unga" in _one(dalarna, "Hedemora", "Q1", "Hedemora").text
    assert "Arbete pågår" in _one(dalarna, "Hedemora", "Q1", "Region Dalarna").text
    assert (
        "ständig utmaning att få med BUP"
        in _one(dalarna, "Malung-Sälen", "Q4", "Malung-Sälen").text
    )
    assert _one(dalarna, "Malung-Sälen", "Q4", "Region Dalarna").text.startswith(
        "Olika lagstiftningar."
    )
    assert (
        "Avsaknad av specialistvården" in _one(dalarna, "Smedjebacken", "Q4", "Smedjebacken").text
    )
    region = _one(dalarna, "Vansbro", "Q5", "Region Dalarna")
    assert region.text.startswith("Inte i den nivå")  # the Word bookmark is gone
    assert region.location == "line 202"


@needs_seed
def test_dalarna_bullets_stay_with_the_kommun(dalarna):
    kommun = _one(dalarna, "Ludvika", "Q1", "Ludvika")
    assert kommun.text.count("\n") == 1  # both "- " items
    assert "Det finns även en LOVIS" in kommun.text
    assert _one(dalarna, "Ludvika", "Q1", "Region Dalarna").text.startswith("Tidigare LÖK finns")


@needs_seed
def test_dalarna_region_by_repetition_and_by_cue(dalarna):
    # Avesta's single paragraphs repeat the region's text for the southern area
    assert "Barnhälsoteam i Avesta" in _one(dalarna, "Avesta", "Q3", "Region Dalarna").text
    assert _one(dalarna, "Smedjebacken", "Q3", "Region Dalarna")
    # "samverkan med kommunen" is the region speaking
    assert (
        "Bra samverkan med kommunen" in _one(dalarna, "Malung-Sälen", "Q6", "Region Dalarna").text
    )
    assert _one(dalarna, "Vansbro", "Q2", "Region Dalarna")


@needs_seed
def test_dalarna_ambiguous_cells_have_no_respondent(dalarna):
    leksand_q1 = _one(dalarna, "Leksand", "Q1", None)  # one answer over two paragraphs
    assert "Nej dokumentet är inte klart" in leksand_q1.text
    assert "BUP och HAB har inte deltagit" in leksand_q1.text
    assert _one(dalarna, "Leksand", "Q2", None).text.startswith("Strategiskt\n1. Styrgruppen")
    assert _one(dalarna, "Hedemora", "Q6", None)
    for kommun in ("Mora", "Orsa", "Älvdalen"):  # one voice for kommun and region
        assert {a.respondent for a in dalarna.answers if a.kommun == kommun} == {None}


@needs_seed
def test_dalarna_round_trip_through_docx(tmp_path, dalarna):
    table = read_dump_table(DALARNA)
    rows = [
        ([row.kommun, "Region"] if row.has_region else [row.kommun], row.cells)
        for row in table.rows
    ]
    path = tmp_path / "dalarna.docx"
    _write_docx(
        path,
        table.questions,
        [(head, [[p.text for p in cell] for cell in cells]) for head, cells in rows],
    )
    from_docx = load_survey_docx(path)
    assert _key(from_docx) == [
        (a.text, a.kommun, a.question, a.respondent) for a in dalarna.answers
    ]
    assert from_docx.surveyed == dalarna.surveyed
    assert from_docx.non_respondents == dalarna.non_respondents
    assert from_docx.answers[0].location.startswith("table 1, row 2, column 2")


@needs_seed
def test_load_survey_picks_the_dump(dalarna):
    assert load_survey(DALARNA) == dalarna


# --- one fictional survey in every format ---------------------------------------------------

HEADERS = (
    "1. Har ni en lokal överenskommelse om barn och unga?",
    "2. Hur är samverkansstrukturen uppbyggd?",
    "3. Vilka goda exempel vill ni lyfta?",
    "4. Vilka svårigheter eller utmaningar ser ni?",
    "5. Hur ofta rapporteras avvikelser?",
    "6. Övrigt?",
)

# (kommun, the region answered too, cells; with the region, each cell is kommun then region)
FIXTURE = (
    (
        "Kil",
        True,
        (
            ("Överenskommelsen antogs av nämnden i våras.", "Vårdcentralen har godkänt texten."),
            (
                "Styrgruppen möts fyra gånger per termin med skolchef och socialchef.",
                "Regionen deltar genom vårdcentralens verksamhetschef.",
            ),
            (
                "Ett gemensamt elevhälsoteam har kortat väntetiderna.",
                "Familjecentralen fungerar väl för de minsta barnen.",
            ),
            (
                "Barnpsykiatrin kommer sällan till mötena.",
                "Svårt att hinna med alla möten med nuvarande bemanning.",
            ),
            ("Mycket få rapporter hittills.", "Inga som vi känner till."),
            (),
        ),
    ),
    (
        "Torsby",
        False,
        (
            ("Ja, sedan två år tillbaka.",),
            (
                "En ledningsgrupp på strategisk nivå.",
                "Ett konsultationsteam på individnivå som träffas varje månad.",
            ),
            ("Skolsköterskor och socialsekreterare har gemensamma utbildningsdagar.",),
            ("Långa avstånd gör det svårt att ses.",),
            ("Några enstaka under året.",),
            ("Tack för enkäten!",),
        ),
    ),
    ("Grums", False, ((), (), (), (), (), ())),
)

EXPECTED = sorted(
    (text, kommun, f"Q{q}", respondent)
    for kommun, region, cells in FIXTURE
    for q, cell in enumerate(cells, start=1)
    for text, respondent in (
        [(cell[0], kommun), (cell[1], "Region Värmland")]
        if region and cell
        else [("\n".join(cell), kommun)]
        if cell
        else []
    )
)

PERSON = ("Anna Exempelsson", "anna.exempelsson@kil.example")


def _key(survey):
    return [(a.text, a.kommun, a.question, a.respondent) for a in survey.answers]


def _write_dump(path: Path, headers, rows) -> None:
    lines = ["\tKommun"]
    for header in headers:
        lines += ["\t", header]
    for head, cells in rows:
        lines.append("\t" + head[0])
        lines += head[1:]
        for cell in cells:
            lines.append("\t" + (cell[0] if cell else ""))
            lines += cell[1:]
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_docx(path: Path, headers, rows) -> None:
    document = docx.Document()
    document.add_paragraph("Enkät om samverkan kring barn och unga")
    table = document.add_table(rows=1 + len(rows), cols=1 + len(headers))
    _fill(table.cell(0, 0), ["Kommun"])
    for c, header in enumerate(headers, start=1):
        _fill(table.cell(0, c), [header])
    for r, (head, cells) in enumerate(rows, start=1):
        _fill(table.cell(r, 0), head)
        for c, cell in enumerate(cells, start=1):
            _fill(table.cell(r, c), cell)
    document.save(str(path))


def _fill(cell, paragraphs) -> None:
    paragraphs = list(paragraphs)
    cell.paragraphs[0].text = paragraphs[0] if paragraphs else ""
    for text in paragraphs[1:]:
        cell.add_paragraph(text)


def _fixture_rows():
    return [
        ([kommun, "Region"] if region else [kommun], [list(c) for c in cells])
        for kommun, region, cells in FIXTURE
    ]


FORMS_HEADERS = [
    "ID",
    "Starttid",
    "Sluttid",
    "E-post",
    "Namn",
    "Kommun",
    "Svarande organisation",
    *(h.split(" ", 1)[1] for h in HEADERS),
]


def _forms_rows():
    rows = []
    for n, (kommun, region, cells) in enumerate(FIXTURE, start=1):
        meta = [str(n), "2026-03-02 09:00", "2026-03-02 09:20", PERSON[1], PERSON[0]]
        if region:
            rows.append([*meta, kommun, kommun, *(c[0] if c else "" for c in cells)])
            rows.append([*meta, kommun, "Region Värmland", *(c[1] if c else "" for c in cells)])
        else:
            rows.append([*meta, kommun, f"{kommun} kommun", *("\n".join(c) for c in cells)])
    return rows


def _write_xlsx(path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Blad1"
    sheet.append(FORMS_HEADERS)
    for row in _forms_rows():
        sheet.append(row)
    workbook.save(path)


def _csv_bytes(rows, encoding: str, delimiter: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def _assert_no_person(survey) -> None:
    for a in survey.answers:
        assert PERSON[0] not in a.text and PERSON[1] not in a.text
        assert a.respondent not in PERSON


def test_fixture_as_dump(tmp_path):
    path = tmp_path / "varmland.txt"
    _write_dump(path, HEADERS, _fixture_rows())
    survey = load_survey_dump(path)
    assert sorted(_key(survey)) == EXPECTED
    assert survey.surveyed == ("Kil", "Torsby", "Grums")
    assert survey.non_respondents == ("Grums",)
    assert survey.region == "Region Värmland"
    assert load_survey(path) == survey


def test_fixture_as_docx(tmp_path):
    path = tmp_path / "varmland.docx"
    _write_docx(path, HEADERS, _fixture_rows())
    survey = load_survey_docx(path)
    assert sorted(_key(survey)) == EXPECTED
    assert survey.non_respondents == ("Grums",)
    region_answer = next(a for a in survey.answers if a.respondent == "Region Värmland")
    assert region_answer.location == "table 1, row 2, column 2, paragraph 2"
    assert load_survey(path) == survey


def test_fixture_as_xlsx_guessed(tmp_path):
    path = tmp_path / "svar.xlsx"
    _write_xlsx(path)
    survey, notes = load_forms(path)
    assert sorted(_key(survey)) == EXPECTED
    assert survey.surveyed == ("Kil", "Torsby", "Grums")
    assert survey.non_respondents == ("Grums",)
    assert survey.region == "Region Värmland"
    _assert_no_person(survey)
    assert "gissning: kolumn F 'Kommun' är kommunen" in notes
    assert any(n.startswith("gissning: kolumn G 'Svarande organisation'") for n in notes)
    assert "gissning: kolumn L 'Hur ofta rapporteras avvikelser?' är Q5" in notes
    kil_q1 = [a for a in survey.answers if a.kommun == "Kil" and a.question == "Q1"]
    assert [a.location for a in kil_q1] == ["row 2, column H", "row 3, column H"]


def test_fixture_as_xlsx_with_mapping_file(tmp_path):
    path = tmp_path / "svar.xlsx"
    _write_xlsx(path)
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "kommun: F\nrespondent: svarande organisation\nregion: Värmlands län\nsheet: Blad1\n"
        "questions:\n  Q1: H\n  Q2: Hur är samverkansstrukturen\n  Q3: J\n  Q4: K\n"
        "  Q5: L\n  Q6: Övrigt?\n",
        encoding="utf-8",
    )
    survey, notes = load_forms(path, mapping)
    assert sorted(_key(survey)) == EXPECTED
    assert notes == []
    assert len(survey.surveyed) == 16  # all of Värmlands län
    assert "Grums" in survey.non_respondents and "Karlstad" in survey.non_respondents
    assert "Kil" not in survey.non_respondents


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8", ","),
        ("utf-8-sig", ";"),
        ("utf-16", "\t"),
        ("utf-16", ","),
        ("cp1252", ";"),
        ("cp1252", ","),
    ],
)
def test_fixture_as_csv(tmp_path, encoding, delimiter):
    path = tmp_path / "svar.csv"
    path.write_bytes(_csv_bytes([FORMS_HEADERS, *_forms_rows()], encoding, delimiter))
    notes: list[str] = []
    survey = load_survey(path, notes=notes)
    assert sorted(_key(survey)) == EXPECTED
    assert survey.non_respondents == ("Grums",)
    _assert_no_person(survey)
    assert "gissning: kolumn F 'Kommun' är kommunen" in notes


def test_example_mapping_is_valid():
    example = Path(__file__).resolve().parents[1] / "loaders" / "forms_mapping.example.yaml"
    config = read_mapping(example)
    assert config["kommun"] and set(config["questions"]) == set(QUESTIONS)


# --- plain text ------------------------------------------------------------------------------


def test_text_kommun_from_heading(tmp_path):
    path = tmp_path / "kil.txt"
    path.write_text(
        "Kils kommun\n\nVi har en styrgrupp för barn och unga\nsom möts varje månad.\n\n"
        "BUP deltar inte i gruppen.\n",
        encoding="utf-8",
    )
    survey = load_text(path)
    assert [(a.kommun, a.question, a.respondent) for a in survey.answers] == [
        ("Kil", None, None),
        ("Kil", None, None),
    ]
    # lines stay lines for the extractor's document model; its quote joins the wrapped sentence
    assert survey.answers[0].text == "Vi har en styrgrupp för barn och unga\nsom möts varje månad."
    from loaders.extract import extract_answers

    quotes = {f.quote for f in extract_answers(survey.answers)}
    assert "Vi har en styrgrupp för barn och unga som möts varje månad." in quotes
    assert [a.location for a in survey.answers] == ["line 3", "line 6"]
    assert survey.surveyed == ("Kil",)
    assert load_survey(path) == survey


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_text_encodings_and_kommun_argument(tmp_path, encoding):
    path = tmp_path / "anteckning.txt"
    path.write_bytes("Samverkan fungerar väl.\nHabiliteringen saknas i gruppen.\n".encode(encoding))
    survey = load_text(path, kommun="torsby", region="Värmlands län")
    assert [(a.kommun, a.text) for a in survey.answers] == [
        ("Torsby", "Samverkan fungerar väl."),
        ("Torsby", "Habiliteringen saknas i gruppen."),
    ]
    assert survey.region == "Region Värmland"


def test_text_about_a_region(tmp_path):
    path = tmp_path / "region.txt"
    path.write_text("Region Värmland\n\nAlla kommuner har en styrgrupp.\n", encoding="utf-8")
    survey = load_text(path)
    assert survey.region == "Region Värmland"
    assert [(a.kommun, a.text) for a in survey.answers] == [
        (None, "Alla kommuner har en styrgrupp.")
    ]


# --- errors ----------------------------------------------------------------------------------


def test_error_empty_file(tmp_path):
    path = tmp_path / "tom.csv"
    path.write_bytes(b"")
    with pytest.raises(InputError) as caught:
        load_forms(path)
    message = str(caught.value)
    assert message.startswith("tom.csv, rad 1, kolumn A:") and "tom" in message


def test_error_unreadable_encoding(tmp_path):
    path = tmp_path / "trasig.csv"
    path.write_bytes(b"ID;Kommun\r\n1;Kil\x81\r\n")
    with pytest.raises(InputError) as caught:
        load_forms(path)
    message = str(caught.value)
    assert message.startswith("trasig.csv, rad 2, kolumn 6:")
    assert "0x81" in message and "UTF-8" in message


def test_error_no_kommun_column(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text("ID;Namn;Ort;Övrigt\n1;Anna;Kil;Bra\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_forms(path)
    message = str(caught.value)
    assert message.startswith("svar.csv, rad 1:") and "ingen kommunkolumn" in message
    assert "A 'ID', B 'Namn', C 'Ort', D 'Övrigt'" in message
    assert "mappningsfil" in message


def test_error_unknown_kommun(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text("ID,Kommun,Övrigt\n1,Leksand,Bra\n2,Leksnd,Bra\n", encoding="utf-8")
    with pytest.raises(UnknownNameError) as caught:
        load_forms(path)
    message = str(caught.value)
    assert message.startswith("svar.csv, rad 3, kolumn B: okänd kommun 'Leksnd'")
    assert "'Leksand'" in message and caught.value.suggestions[0] == "Leksand"


def test_error_unknown_kommun_in_dump(tmp_path):
    path = tmp_path / "enkat.txt"
    rows = _fixture_rows()
    rows[1] = (["Torsbi"], rows[1][1])
    _write_dump(path, HEADERS, rows)
    with pytest.raises(UnknownNameError) as caught:
        load_survey_dump(path)
    message = str(caught.value)
    assert message.startswith("enkat.txt, rad ") and ", kolumn 1: okänd kommun 'Torsbi'" in message
    assert "'Torsby'" in message


def test_same_kommun_twice_keeps_both(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text(
        "ID;Kommun;Övrigt\n1;Kil;Första svaret.\n2;Torsby;Annat.\n3;Kils kommun;Andra svaret.\n",
        encoding="utf-8",
    )
    survey, notes = load_forms(path)
    kil = [(a.text, a.location) for a in survey.answers if a.kommun == "Kil"]
    assert kil == [("Första svaret.", "row 2, column C"), ("Andra svaret.", "row 4, column C")]
    assert any("Kil answers on rows 2 and 4" in n and "kept" in n for n in notes)


def test_error_answers_without_kommun(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text("Kommun;Övrigt\nKil;Ja\n;Ett svar utan kommun\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"^svar\.csv, rad 3, kolumn A: en rad med svar"):
        load_forms(path)


def test_error_mapping_points_at_a_person(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text("Namn;Kommun;Övrigt\nAnna;Kil;Ja\n", encoding="utf-8")
    with pytest.raises(InputError, match="personnamn"):
        load_forms(path, {"kommun": "Kommun", "questions": {"Q6": "Namn"}})


def test_error_mapping_unknown_column(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text("Kommun;Övrigt\nKil;Ja\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_forms(path, {"kommun": "Kommunnamn"})
    message = str(caught.value)
    assert "ingen kolumn 'Kommunnamn'" in message and "A 'Kommun', B 'Övrigt'" in message


def test_error_unknown_extension(tmp_path):
    path = tmp_path / "enkat.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(InputError) as caught:
        load_survey(path)
    message = str(caught.value)
    assert message.startswith("enkat.pdf:")
    for suffix in (".txt", ".docx", ".xlsx", ".csv"):
        assert suffix in message


def test_indented_text_is_not_a_dump(tmp_path):
    path = tmp_path / "brev.txt"
    path.write_text(
        "Leksand\n\tVi har en styrgrupp.\n\tBUP deltar sällan.\n\tHAB saknas.\n", encoding="utf-8"
    )
    survey = load_survey(path)
    assert [(a.kommun, a.question, a.text) for a in survey.answers] == [
        ("Leksand", None, "Vi har en styrgrupp."),
        ("Leksand", None, "BUP deltar sällan."),
        ("Leksand", None, "HAB saknas."),
    ]


def test_region_in_the_kommun_column(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text(
        "Kommun;Svarande;Övrigt\nKil;Kil;Bra möten.\nRegion Värmland;;Vi deltar gärna.\n"
        "Torsby;Region;Vi hinner inte.\n",
        encoding="utf-8",
    )
    survey, _ = load_forms(path)
    assert [(a.kommun, a.respondent, a.text) for a in survey.answers] == [
        ("Kil", "Kil", "Bra möten."),
        (None, "Region Värmland", "Vi deltar gärna."),
        ("Torsby", "Region Värmland", "Vi hinner inte."),
    ]
    assert survey.surveyed == ("Kil", "Torsby") and survey.region == "Region Värmland"


def test_error_misspelt_first_kommun_in_dump(tmp_path):
    path = tmp_path / "enkat.txt"
    rows = _fixture_rows()
    rows[0] = (["Kli", "Region"], rows[0][1])
    _write_dump(path, HEADERS, rows)
    expected = r"^enkat\.txt, rad 14, kolumn 1: okänd kommun 'Kli'\. Menade du .*'Kil'"
    with pytest.raises(UnknownNameError, match=expected):
        load_survey_dump(path)


def test_error_not_a_workbook_or_document(tmp_path):
    fake_xlsx, fake_docx = tmp_path / "svar.xlsx", tmp_path / "enkat.docx"
    fake_xlsx.write_text("Kommun;Övrigt\n", encoding="utf-8")
    fake_docx.write_text("Kommun\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"^svar\.xlsx: filen är ingen Excel-arbetsbok"):
        load_survey(fake_xlsx)
    with pytest.raises(InputError, match=r"^enkat\.docx: filen är inget Word-dokument"):
        load_survey(fake_docx)
