"""The Python API for loader scripts: the store's with-block, the documented examples, the
README's worked example, and a script on the real Dalarna survey against the command line."""

from __future__ import annotations

import ast
import doctest
import importlib
import json
import os
import re
import subprocess
import sys
import textwrap
import time
import tomllib
from pathlib import Path

import pytest
from openpyxl import load_workbook

import loaders
import lokgraph
import queries
import visualizations
from lokgraph import Fact, FileStore, StoreError, open_store
from lokgraph.lock import lock_holder, lock_path
from tests.cli_run import console_script
from tests.cli_run import lokgraph as run_cli
from tests.graph_helpers import DALARNA_SURVEY

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = (lokgraph, loaders, queries, visualizations)
EXAMPLE = ROOT / "examples" / "grupper_per_rad.py"
PUBLIC_PACKAGES = {p.__name__ for p in PACKAGES}


def _absent(kommun: str = "Orsa", party: str = "BUP", source: str = "orsa.xlsx") -> Fact:
    return Fact(
        kind="absent",
        kommun=kommun,
        party=party,
        group_type="styrgrupp",
        reason="not_participating",
        quote=f"{party} deltar inte i styrgruppen.",
        source=source,
    )


def _public_modules() -> list[str]:
    """The four packages and every module that defines one of their public names."""
    names = {p.__name__ for p in PACKAGES}
    for package in PACKAGES:
        for name in package.__all__:
            module = getattr(getattr(package, name), "__module__", None)
            if module and module.split(".")[0] in PUBLIC_PACKAGES:
                names.add(module)
    return sorted(names)


# -- documented examples -------------------------------------------------------------------


def test_the_test_suite_runs_every_public_docstring_example():
    """pytest collects the docstring examples of the four packages (pyproject.toml)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pytest_config = config["tool"]["pytest"]["ini_options"]
    assert "--doctest-modules" in pytest_config["addopts"].split()
    assert set(pytest_config["testpaths"]) >= PUBLIC_PACKAGES
    for module in _public_modules():  # and none of them lies outside those folders
        path = Path(importlib.import_module(module).__file__ or "")
        assert path.is_relative_to(ROOT / module.split(".")[0]), module


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_every_public_name_is_used_in_a_documented_example(package):
    finder = doctest.DocTestFinder(recurse=False)
    sources = [
        example.source
        for obj in (package, *(getattr(package, n) for n in package.__all__))
        for test in finder.find(obj, name=getattr(obj, "__name__", "x"))
        for example in test.examples
    ]
    text = "".join(sources)
    for module in _public_modules():
        if module.split(".")[0] == package.__name__:
            for test in finder.find(importlib.import_module(module)):
                text += "".join(e.source for e in test.examples)
    unused = [n for n in package.__all__ if not re.search(rf"\b{n}\b", text)]
    assert not unused, f"no example in a docstring uses {unused}"


# -- the store as a context manager ---------------------------------------------------------


def test_a_with_block_writes_once_and_a_repeat_changes_nothing(tmp_path):
    path = tmp_path / "lager.json"
    with open_store(path) as store:
        store.merge_facts([_absent()], round="2025")
        assert not path.exists()  # nothing is written before the block ends
        assert "kommun:orsa" in store.graph()  # but the block sees its own changes
    first = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    with open_store(path) as store:
        store.merge_facts([_absent()], round="2025")
    assert path.read_bytes() == first and path.stat().st_mtime_ns == mtime
    assert open_store(path).rounds() == ["2025"]


def test_nothing_is_written_when_the_block_raises(tmp_path):
    path = tmp_path / "lager.json"
    with open_store(path) as store:
        store.merge_facts([_absent()])
    before = path.read_bytes()
    with pytest.raises(RuntimeError, match="avbrutet"), open_store(path) as store:
        store.merge_facts([_absent(kommun="Mora")])
        store.retract("source:orsa-xlsx")
        raise RuntimeError("avbrutet")
    assert path.read_bytes() == before
    assert "kommun:mora" not in open_store(path).load()
    # a new store is not even created
    new = tmp_path / "ny.json"
    with pytest.raises(RuntimeError), open_store(new) as store:
        store.merge_facts([_absent()])
        raise RuntimeError("avbrutet")
    assert not new.exists()


def test_a_failed_merge_inside_the_block_leaves_the_store_as_it_was(tmp_path):
    path = tmp_path / "lager.json"
    with open_store(path) as store:
        store.merge_facts([_absent()])
    before = path.read_bytes()
    bad = lokgraph.Structure(
        relationships=(lokgraph.Relationship(type="SERVES", source="group:x", target="kommun:y"),)
    )
    with pytest.raises(lokgraph.InputError, match="names no known node"), open_store(path) as s:
        s.merge_facts([_absent(kommun="Mora")])
        s.merge(bad)
    assert path.read_bytes() == before


def test_the_store_changes_only_inside_a_with_block(tmp_path):
    store = open_store(tmp_path / "lager.json")
    with pytest.raises(StoreError, match="bara inuti ett with-block") as err:
        store.merge_facts([_absent()])
    assert "with open_store" in str(err.value)
    with store, pytest.raises(StoreError, match="redan öppet"), store:
        pass
    other = open_store(tmp_path / "." / "lager.json")  # one file, two Store objects
    with store:
        store.merge_facts([_absent()])
        with pytest.raises(StoreError, match="redan öppet"), other:
            pass
    assert lock_holder(tmp_path / "lager.json") is None
    assert "kommun:orsa" in other.load()
    (tmp_path / "lager.json").unlink()
    assert not (tmp_path / "lager.json").exists()


def test_the_block_holds_the_write_lock_and_always_lets_it_go(tmp_path):
    path = tmp_path / "lager.json"
    with open_store(path) as store:
        assert lock_holder(path).pid == os.getpid()
        store.merge_facts([_absent()])
    assert lock_holder(path) is None
    with pytest.raises(RuntimeError), open_store(path):
        raise RuntimeError("avbrutet")
    assert lock_holder(path) is None and not lock_path(path).exists()


def test_an_import_started_during_the_block_waits_and_both_writes_are_kept(tmp_path):
    path, text, log = tmp_path / "lager.json", tmp_path / "mora.txt", tmp_path / "stderr.txt"
    text.write_text("Vi har en styrgrupp där BUP och socialtjänsten ingår.\n", encoding="utf-8")
    with open_store(path) as store:
        store.merge_facts([_absent()])
        with open(log, "w", encoding="utf-8") as err:
            other = subprocess.Popen(
                [str(console_script()), "import", str(text), "--kommun", "Mora", "--store", path],
                cwd=tmp_path,
                stdout=subprocess.DEVNULL,
                stderr=err,
                env={**os.environ, "LOKGRAPH_LOCK_TIMEOUT": "300"},
            )
        try:
            for _ in range(600):  # until it says it waits for us (at most a minute)
                if "väntar" in log.read_text(encoding="utf-8") or other.poll() is not None:
                    break
                time.sleep(0.1)
            assert other.poll() is None, log.read_text(encoding="utf-8")
            assert str(os.getpid()) in log.read_text(encoding="utf-8")
        except BaseException:
            other.kill()
            raise
    assert other.wait(timeout=300) == 0, log.read_text(encoding="utf-8")
    graph = open_store(path).load()
    assert "kommun:orsa" in graph and "kommun:mora" in graph  # neither write was lost


def test_merge_facts_replaces_what_their_source_stated(tmp_path):
    path = tmp_path / "lager.json"
    with open_store(path) as store:
        store.merge_facts([_absent(party="BUP"), _absent(party="HAB")])
    with open_store(path) as store:
        store.merge_facts([_absent(party="HAB")])  # the corrected sheet drops the BUP row
    edges = set(open_store(path).graph().edges(keys=True))
    assert ("unit:region-dalarna:hab", "group:orsa:styrgrupp", "ABSENT_FROM") in edges
    assert ("unit:region-dalarna:bup", "group:orsa:styrgrupp", "ABSENT_FROM") not in edges


def test_two_rounds_of_one_source_are_kept_and_the_latest_is_the_view(tmp_path):
    path = tmp_path / "lager.json"
    member = _absent().model_copy(update={"kind": "member", "reason": None})
    with open_store(path) as store:
        store.merge_facts([_absent()], round="2024")
        store.merge_facts([member], round="2025")
    store = open_store(path)
    assert store.rounds() == ["2024", "2025"]
    edge = ("unit:region-dalarna:bup", "group:orsa:styrgrupp")
    assert store.graph().has_edge(*edge, key="MEMBER_OF")
    assert not store.graph().has_edge(*edge, key="ABSENT_FROM")
    assert store.graph("2024").has_edge(*edge, key="ABSENT_FROM")


def test_open_store_takes_a_path_a_store_object_or_a_bolt_uri(tmp_path):
    opened = open_store(str(tmp_path / "a.json")).backend
    assert isinstance(opened, FileStore) and opened.path == tmp_path / "a.json"
    backend = FileStore(tmp_path / "b.json")
    assert open_store(backend).backend is backend
    with pytest.raises(StoreError, match="inget lager"):
        open_store(42)  # type: ignore[arg-type]


@pytest.mark.bolt
def test_a_with_block_on_neo4j_sends_the_changes_when_it_ends(bolt_clean):
    uri = bolt_clean.uri
    options = {"user": bolt_clean.user, "password": bolt_clean.password}
    store = open_store(uri, **options)
    try:
        assert type(store.backend).__name__ == "Neo4jStore"
        with pytest.raises(RuntimeError), store:
            store.merge_facts([_absent()])
            raise RuntimeError("avbrutet")
        assert store.load().number_of_nodes() == 0
        with store:
            store.merge_facts([_absent()], round="2025")
        on_server = queries.run_all_cypher(store.backend)
        assert on_server == queries.run_all(store.graph())
        assert {g.kind for g in on_server} >= {"missing_specialist"}
    finally:
        store.backend.close()  # type: ignore[attr-defined]


# -- the README's worked example --------------------------------------------------------------


def _readme_python_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Från Python", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert blocks, "the README's 'Från Python' section has no python block"
    return blocks[0]


def test_the_readme_example_is_the_example_script_and_under_40_lines():
    code = _readme_python_example()
    assert code == EXAMPLE.read_text(encoding="utf-8")
    assert len(code.splitlines()) < 40


def _imports_only_public_names(path: Path) -> None:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in PUBLIC_PACKAGES:
                assert node.module in PUBLIC_PACKAGES, f"{path.name} imports {node.module}"
                package = importlib.import_module(node.module)
                for alias in node.names:
                    assert alias.name in package.__all__, f"{alias.name} is not public"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                assert alias.name.split(".")[0] not in PUBLIC_PACKAGES or "." not in alias.name


def _run(script: Path, *args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, str(script), *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    return result


def test_the_example_script_imports_its_sheet_and_prints_the_gaps(tmp_path):
    _imports_only_public_names(EXAMPLE)
    sheet = tmp_path / "grupper.xlsx"
    _run(ROOT / "examples" / "make_grupper.py", sheet, cwd=tmp_path)
    first = _run(EXAMPLE, sheet, "lager.json", cwd=tmp_path).stdout.splitlines()
    assert "Ljusdal: BUP rapporteras saknas i Ljusdal" in "\n".join(first)
    assert any(line.startswith("Hela området: HAB rapporteras saknas i 2 av 3") for line in first)
    # the comment "Arbetsgruppen får sitt uppdrag från ledningsgruppen" governs Ljusdal's group
    assert not any("Arbetsgrupp tidiga insatser" in line for line in first)
    assert any(line.startswith("Bollnäs: Konsultationsteam") for line in first)
    store = tmp_path / "lager.json"
    stored = store.read_bytes()
    assert open_store(store).rounds() == ["2025"]
    assert (tmp_path / "matris.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    again = _run(EXAMPLE, sheet, "lager.json", cwd=tmp_path).stdout.splitlines()
    assert again == first and store.read_bytes() == stored


def test_the_committed_example_sheet_is_what_its_generator_writes(tmp_path):
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import make_grupper
    finally:
        sys.path.remove(str(ROOT / "examples"))
    fresh = make_grupper.write_sheet(tmp_path / "grupper.xlsx")

    def cells(path: Path) -> list[tuple]:
        return list(load_workbook(path).active.iter_rows(values_only=True))

    assert cells(ROOT / "examples" / "grupper.xlsx") == cells(fresh)
    assert not any(str(v).startswith("=") for row in cells(fresh) for v in row if v)


# -- the must-show: a script on the Dalarna survey gives the command line's gaps -----------------

CORRECTING_SCRIPT = textwrap.dedent(
    '''
    """Import a survey, correct one fact by hand (Leksand's LÖK was signed), print the gaps."""
    import json
    import sys

    from loaders import read_path
    from lokgraph import open_store
    from queries import run_all

    survey, store_path = sys.argv[1:3]
    imported = read_path(survey)
    with open_store(store_path) as store:
        store.merge(imported.structure, replaces=imported.sources)
    fixed = [
        f.model_copy(update={"status": "in_force"})
        if f.kind == "agreement_status" and f.kommun == "Leksand"
        else f
        for f in imported.facts
    ]
    assert fixed != imported.facts
    with open_store(store_path) as store:
        store.merge_facts(fixed, kind="review")
    print(json.dumps([g.model_dump(mode="json") for g in run_all(store.graph())]))
    '''
)


@pytest.mark.skipif(not DALARNA_SURVEY.exists(), reason="needs ../shared/seeds")
def test_a_public_api_script_corrects_the_survey_as_a_review_sheet_does(tmp_path):
    script = tmp_path / "rätta.py"
    script.write_text(CORRECTING_SCRIPT, encoding="utf-8")
    _imports_only_public_names(script)
    api_store = tmp_path / "api.json"
    api_gaps = json.loads(_run(script, DALARNA_SURVEY, api_store, cwd=tmp_path).stdout)

    cli_store, sheet = tmp_path / "cli.json", tmp_path / "granskning.csv"
    for args in (
        ("import", DALARNA_SURVEY, "--store", cli_store),
        ("extract", DALARNA_SURVEY, "--review", sheet),
    ):
        assert run_cli(*args, cwd=tmp_path).returncode == 0
    uncorrected = json.loads(run_cli("gaps", "--json", "--store", cli_store).stdout)
    facts = loaders.read_review(sheet)  # the planner's one edit, whatever the sheet's layout
    (row,) = [
        i for i, f in enumerate(facts) if f.kind == "agreement_status" and f.kommun == "Leksand"
    ]
    facts[row] = facts[row].model_copy(update={"status": "in_force"})
    loaders.write_review(facts, sheet)
    assert run_cli("import", sheet, "--store", cli_store, cwd=tmp_path).returncode == 0
    cli_gaps = json.loads(run_cli("gaps", "--json", "--store", cli_store).stdout)

    assert api_gaps == cli_gaps
    assert api_gaps != uncorrected
    assert [g for g in uncorrected if g not in cli_gaps] == [
        g for g in uncorrected if g["kind"] == "lok_status" and g["kommun"] == "Leksand"
    ]
    assert api_store.read_bytes() == cli_store.read_bytes()
