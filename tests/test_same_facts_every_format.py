"""One survey, written as a Word dump, a .docx and a Forms .xlsx, gives the same facts.

The survey is our own fictional text (Värmlands län), with groups, members, a partial member,
absences, LÖK status and deviation reporting, so that the comparison has something to compare.
"""

import openpyxl
import pytest

from loaders.extract import extract_answers
from loaders.importer import read_path
from loaders.survey import load_survey
from lokgraph.graph import build_graph
from tests.test_loaders import HEADERS, _write_docx, _write_dump

ROWS = [
    (
        ["Arvika", "Region"],
        [
            [
                "Ja, vår LÖK för barn och unga är undertecknad sedan 2023.",
                "Överenskommelsen gäller.",
            ],
            [
                "Det finns en styrgrupp med socialchef, skolchef och vårdcentralens chef.",
                "Regionen deltar i styrgruppen genom primärvården.",
            ],
            ["Konsultationsteamet har blivit ett bra stöd för skolan.", "Bra samarbete."],
            [
                "Det är svårt att få med BUP i konsultationsteamet.",
                "Habiliteringen har inte tillfrågats om att delta.",
            ],
            ["Få avvikelser har rapporterats.", "Enstaka avvikelser."],
            [],
        ],
    ),
    (
        ["Kil"],
        [
            ["Nej, den lokala överenskommelsen är under framtagande."],
            [
                "Vi har ett konsultationsteam med elevhälsan, IFO och ungdomsmottagningen.",
                "BUP deltar en gång i månaden i konsultationsteamet.",
            ],
            ["Gemensamma utbildningsdagar om SIP."],
            ["Vi behöver även få med HAB i arbetsgruppen."],
            ["Inga avvikelser har rapporterats."],
            ["Tack för enkäten."],
        ],
    ),
    (["Grums"], [[], [], [], [], [], []]),
]


def _write_xlsx(path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["ID", "Namn", "Kommun", "Svarande organisation", *HEADERS])
    for n, (head, cells) in enumerate(ROWS, start=1):
        kommun = head[0]
        if "Region" in head:
            sheet.append([n, "Anna A", kommun, kommun, *(c[0] if c else "" for c in cells)])
            sheet.append(
                [n, "Anna A", kommun, "Region Värmland", *(c[1] if c else "" for c in cells)]
            )
        else:
            sheet.append([n, "Anna A", kommun, kommun, *("\n".join(c) for c in cells)])
    workbook.save(path)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    dump, document, forms = folder / "enkat.txt", folder / "enkat.docx", folder / "enkat.xlsx"
    _write_dump(dump, HEADERS, ROWS)
    _write_docx(document, HEADERS, ROWS)
    _write_xlsx(forms)
    return dump, document, forms


def _facts(path):
    survey = load_survey(path)
    return sorted(
        (f.kind, f.kommun, f.party, f.group_type, f.level, f.status, f.reason, f.respondent,
         f.partial, f.quote)
        for f in extract_answers(survey.answers)
    )  # fmt: skip


def test_the_fixture_has_facts_to_compare(files):
    kinds = {fact[0] for fact in _facts(files[0])}
    assert {"group", "member", "absent", "agreement_status", "deviation_reporting"} <= kinds


@pytest.mark.parametrize("index", [1, 2], ids=["docx", "xlsx"])
def test_same_facts_as_the_dump(files, index):
    assert _facts(files[index]) == _facts(files[0])


@pytest.mark.parametrize("index", [1, 2], ids=["docx", "xlsx"])
def test_same_graph_as_the_dump(files, index):
    def shape(path):
        graph = build_graph(read_path(path).structure)
        nodes = {n for n in graph if not n.startswith("source:")}
        edges = {(u, v, k) for u, v, k in graph.edges(keys=True) if not v.startswith("source:")}
        return nodes, edges

    assert shape(files[index]) == shape(files[0])
