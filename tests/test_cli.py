"""The command line: every command documents itself with an example; demo works end to end."""

import pytest
import typer
from typer.testing import CliRunner

from lokgraph.cli import app

runner = CliRunner()
COMMANDS = sorted(typer.main.get_command(app).commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Exempel: lokgraph " + command in " ".join(result.output.split())


def test_demo_writes_the_store_and_summary(tmp_path):
    result = runner.invoke(app, ["demo", "--out", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "demo" / "lokgraph-store.json").exists()
    assert "Principal" in result.output and "MEMBER_OF" in result.output


def test_export_command(tmp_path):
    runner.invoke(app, ["demo", "--out", str(tmp_path / "d")])
    store = tmp_path / "d" / "lokgraph-store.json"
    out = tmp_path / "g.graphml"
    result = runner.invoke(
        app, ["export", "--format", "graphml", "-o", str(out), "--store", str(store)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<?xml")
