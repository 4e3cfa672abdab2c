"""Structure files: the bundled examples load, and every mistake names file, line and fix."""

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from loaders.curated import load_structure_file
from lokgraph.cli import app
from lokgraph.errors import InputError
from lokgraph.graph import build_graph
from lokgraph.models import Structure
from tests.graph_helpers import EXAMPLES

GOOD = """\
source: {title: Test, kind: structure}
region: Region Värmland
groups:
  - name: Styrgrupp barn och unga
    type: styrgrupp
    serves: Arvika
    members: [BUP, SOCIALTJANST]
"""


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_bundled_examples_load(path):
    graph = build_graph(load_structure_file(path))
    assert graph.number_of_nodes() > 10


def test_all_examples_merge_into_one_graph():
    total = Structure()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        total += load_structure_file(path)
    graph = build_graph(total)
    kommuner = [n for n, d in graph.nodes(data=True) if d.get("kind") == "kommun"]
    assert len(kommuner) >= 15


def test_dalarna_example_facts():
    graph = build_graph(load_structure_file(EXAMPLES / "dalarna.yaml"))
    kommuner = {d["name"] for _, d in graph.nodes(data=True) if d.get("kind") == "kommun"}
    assert len(kommuner) == 15
    roks = [d for _, d in graph.nodes(data=True) if d.get("kind") == "ROK"]
    assert len(roks) == 3 and {r["valid_to"] for r in roks} == {"2026-06-30"}
    areas = {d["name"] for _, d in graph.nodes(data=True) if d["label"] == "Area"}
    assert {"Södra området", "Västerbergslagen"} <= areas
    assert graph.has_edge("kommun:avesta", "area:sodra-omradet", "IN_AREA")


def _error(tmp_path, text: str) -> str:
    path = tmp_path / "struktur.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_structure_file(path)
    return str(info.value)


def test_malformed_yaml_names_line_and_fix(tmp_path):
    message = _error(tmp_path, GOOD.replace("    members: [BUP", "   members: [BUP"))
    assert "struktur.yaml, rad 7" in message
    assert "inte giltig YAML" in message
    assert "indraget" in message


def test_wrong_party_code_names_record_and_valid_codes(tmp_path):
    message = _error(tmp_path, GOOD.replace("[BUP,", "[BUPP,"))
    assert "struktur.yaml, rad 4 (groups[0].members[0])" in message
    assert "'BUPP' är varken en partkod eller en kommun eller region" in message
    assert "HAB" in message  # the list of valid codes


def test_unknown_kommun_suggests_closest(tmp_path):
    message = _error(tmp_path, GOOD.replace("serves: Arvika", "serves: Arvka"))
    assert "struktur.yaml, rad 4 (groups[0].serves)" in message
    assert "okänd kommun 'Arvka'" in message
    assert "Menade du 'Arvika'" in message


def test_lok_ending_before_it_starts(tmp_path):
    text = GOOD + (
        "agreements:\n  - name: LÖK Arvika\n    kind: LOK\n    kommun: Arvika\n"
        "    valid_from: 2024-01-01\n    valid_to: 2023-01-01\n"
    )
    message = _error(tmp_path, text)
    assert "rad 9 (agreements[0]" in message
    assert "valid_to 2023-01-01 är före valid_from 2024-01-01" in message


def test_unknown_field_lists_allowed(tmp_path):
    message = _error(tmp_path, GOOD.replace("    type: styrgrupp", "    typ: styrgrupp"))
    assert "okänt fält 'typ'" in message and "type" in message


@pytest.mark.parametrize(
    "change",
    [
        ("    members: [BUP", "   members: [BUP"),
        ("[BUP,", "[BUPP,"),
        ("serves: Arvika", "serves: Arvka"),
    ],
    ids=["malformed", "party", "kommun"],
)
def test_cli_error_is_one_paragraph_and_store_untouched(tmp_path, change):
    store = tmp_path / "store.json"
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    assert CliRunner().invoke(app, ["import", str(good), "--store", str(store)]).exit_code == 0
    before = store.read_bytes()
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace(*change), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "lokgraph", "import", str(bad), "--store", str(store)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("lokgraph: ") and "bad.yaml, rad" in proc.stderr
    assert "\n\n" not in proc.stderr.strip()
    assert store.read_bytes() == before


def test_the_documented_example_loads(tmp_path):
    doc = (EXAMPLES.parents[1] / "docs" / "structure-format.md").read_text(encoding="utf-8")
    block = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "doc.yaml"
    path.write_text(block, encoding="utf-8")
    graph = build_graph(load_structure_file(path))
    activity = next(n for n, d in graph.nodes(data=True) if d["label"] == "Activity")
    responsible = {u for u, _, k in graph.in_edges(activity, keys=True) if k == "RESPONSIBLE_FOR"}
    assert {
        "unit:avesta:elevhalsa",
        "unit:hedemora:elevhalsa",
        "unit:region-dalarna:bup",
    } <= responsible
