"""Start-up of the installed console script: the help and the query list load no graph library.

No time is asserted (bench/run.py measures start-up against a bare Python start); what is
checked is which packages the process imports, which is what makes start-up slow.
"""

from __future__ import annotations

import pytest

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


def test_gaps_off_a_terminal_imports_no_rich(tmp_path):
    # no progress bar to show and the summary is plain text: rich's layout is not needed
    assert lokgraph("demo", "--out", tmp_path).returncode == 0
    store = str(tmp_path / "lokgraph-store.json")
    assert "rich" not in _imported("gaps", "--store", store)
    assert "rich" in _imported("gaps", "--kommun", "Leksand", "--store", store)  # its tables


# -- Ctrl-C while the console script is still starting ------------------------------------------

# seconds after `lokgraph.console` is imported (the handler is installed at once after that);
# importing the command line takes a few hundred milliseconds, so these land inside it
INTERRUPT_AT = (0.005, 0.02, 0.05, 0.1, 0.2, 0.4)


@pytest.mark.parametrize("delay", INTERRUPT_AT)
def test_ctrl_c_while_the_console_script_starts_is_one_line_and_exit_130(delay, tmp_path):
    import signal
    import time

    from tests.cli_run import start

    proc = start(
        "synth", "--kommuner", "290", "-o", tmp_path / "s", cwd=tmp_path,
        env={"PYTHONPROFILEIMPORTTIME": "1"},
    )  # fmt: skip
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:  # Python logs each import as it completes, unbuffered
        seen.append(line)
        if line.rstrip().endswith("| lokgraph.console"):
            break
    else:
        pytest.fail("lokgraph.console was never imported:\n" + "".join(seen))
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _, rest = proc.communicate(timeout=60)
    said = [line for line in rest.splitlines() if not line.startswith("import time:")]
    assert "Traceback" not in rest, rest
    assert proc.returncode == 130, (proc.returncode, said)
    assert said == ["lokgraph: avbrutet (Ctrl-C). Inget sparades i den här körningen som "
                    "inte redan var klart."], said  # fmt: skip
