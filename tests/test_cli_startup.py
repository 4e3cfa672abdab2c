"""Start-up of the installed console script: the help and the query list load no graph library.

No time is asserted (bench/run.py measures start-up against a bare Python start); what is
checked is which packages the process imports, which is what makes start-up slow.
"""

from __future__ import annotations

from tests.cli_run import lokgraph

HEAVY = {"networkx", "rich", "yaml", "docx", "openpyxl", "neo4j", "loaders", "visualizations"}


def _imported(*args: str) -> set[str]:
    """The modules a run of the console script imports (from Python's own import log), and
    the top-level package of each."""
    result = lokgraph(*args, env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 0, result
    modules = {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    return modules | {m.split(".")[0] for m in modules}


def test_the_import_log_is_read():
    assert {"lokgraph", "typer"} <= _imported("--help")


def test_help_imports_no_graph_library_and_no_pydantic():
    assert not _imported("--help") & (HEAVY | {"pydantic"})


def test_the_query_list_imports_no_graph_library():
    # pydantic comes with typer 0.29 itself, which coerces a command's option values with it
    assert not _imported("query", "--list") & (HEAVY | {"queries.registry"})


def test_a_command_that_reads_the_graph_imports_networkx(tmp_path):
    assert lokgraph("demo", "--out", tmp_path).returncode == 0
    store = tmp_path / "lokgraph-store.json"
    assert "networkx" in _imported("summary", "--store", str(store))
