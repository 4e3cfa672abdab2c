"""Control characters in a planner's file never reach the terminal (installed console script).

A survey can hold anything: an answer with ESC sequences (a terminal would run them: clear the
screen, set the window title), a bell or C1 controls. The quotes keep them (lokgraph.terminal),
but what the commands print, on stdout and stderr, in tables and as JSON, shows them as U+FFFD
or ``\\u`` escapes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.cli_run import lokgraph

# C0 controls except tab and newline, DEL, and the C1 controls
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")

_HOSTILE = "\x1b]0;KAPAT\x07\x1b[2J\x9b31m\x08"


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("control")
    (folder / "svar.txt").write_text(
        f"Vi har ett konsultationsteam med elevhälsan och socialtjänsten. {_HOSTILE}\n",
        encoding="utf-8",
    )
    return folder


def _clean(*outputs: str) -> None:
    for text in outputs:
        found = _CONTROL.findall(text)
        assert not found, f"control characters reached the terminal: {found!r} in {text!r}"


@pytest.mark.parametrize(
    "args",
    [
        ("extract", "svar.txt", "--kommun", "Falun"),
        ("extract", "svar.txt", "--kommun", "Falun", "--json"),
    ],
    ids=["table", "json"],
)
def test_extract_prints_no_control_characters(files: Path, args: tuple[str, ...]) -> None:
    result = lokgraph(*args, cwd=files)
    assert result.returncode == 0, result.stderr
    assert "konsultationsteam" in result.stdout
    _clean(result.stdout, result.stderr)
    if "--json" in args:
        quotes = [fact["quote"] for fact in json.loads(result.stdout)]
        assert any("\x1b]0;KAPAT" in quote for quote in quotes)  # the same JSON: kept in quotes


def test_import_and_the_views_print_no_control_characters(files: Path, tmp_path: Path) -> None:
    store = tmp_path / "lager.json"
    result = lokgraph(
        "import", files / "svar.txt", "--store", store, "--kommun", "Falun", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    _clean(result.stdout, result.stderr)
    for args in (("gaps",), ("gaps", "--json"), ("summary",), ("query", "missing_specialist")):
        result = lokgraph(*args, "--store", store, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        _clean(result.stdout, result.stderr)
