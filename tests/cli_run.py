"""Run the INSTALLED `lokgraph` console script in a subprocess, as a planner would.

`CliRunner` calls the typer app in-process and hides what the console script does (its
imports, `main()`'s error translation, exit codes), so tests of failures use this instead.

    from tests.cli_run import lokgraph, assert_clean_failure, snapshot

    before = snapshot(store)
    result = lokgraph("gaps", "--store", store)
    assert_clean_failure(result, mentions=["--store"])
    assert snapshot(store) == before

`lokgraph(...)` runs `<venv>/bin/lokgraph` (the script next to `sys.executable`);
`lokgraph(..., module=True)` runs `python -m lokgraph` instead. Both run with stdin closed,
stdout and stderr captured (so neither is a terminal), a fixed 100-column width and the
working directory given (default: a fresh temporary folder, so no stray store is picked up).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ENGLISH",
    "Result",
    "assert_clean_failure",
    "assert_one_swedish_paragraph",
    "console_script",
    "lokgraph",
    "snapshot",
    "start",
]

# words that mean an English (untranslated) message reached the planner
ENGLISH = re.compile(
    r"\b(Error|Usage|Traceback|No such|Missing|Invalid|unknown|not found|Check the|"
    r"Did you mean|Try '|the store|is not|cannot|must be|wrote|guessed|ignored)\b"
    r"|\b(line|row|column|table) [\dA-Z]"  # a place in a file, named in English
)
SWEDISH_HINTS = re.compile(r"[åäöÅÄÖ]|\b(inte|saknas|ange|finns|eller|och|för|är|kan)\b")


@dataclass(frozen=True)
class Result:
    """What one run of the console script gave."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str

    def __str__(self) -> str:
        return (
            f"lokgraph {' '.join(self.args)} -> {self.returncode}\n"
            f"--- stdout\n{self.stdout}--- stderr\n{self.stderr}"
        )


def console_script() -> Path:
    """The installed `lokgraph` script of the running interpreter's environment."""
    name = "lokgraph.exe" if os.name == "nt" else "lokgraph"
    script = Path(sys.executable).parent / name
    if not script.exists():
        raise AssertionError(f"{script} is missing: install the project with pip install -e .")
    return script


def _command(args: tuple[str, ...], module: bool, via: tuple[str, ...] = ()) -> list[str]:
    base = [sys.executable, "-m", "lokgraph"] if module else [str(console_script())]
    return [*via, *base, *(str(a) for a in args)]


def _env(env: dict[str, str] | None) -> dict[str, str]:
    merged = {k: v for k, v in os.environ.items() if not k.startswith(("LOKGRAPH_", "NEO4J_"))}
    merged.update({"COLUMNS": "100", "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"})
    merged.update(env or {})
    return merged


def lokgraph(
    *args: object,
    cwd: Path | str | None = None,
    env: dict[str, str] | None = None,
    input: str | None = None,
    module: bool = False,
    timeout: float = 300,
    via: tuple[str, ...] = (),
) -> Result:
    """Run the console script with `args` and wait for it; never raises on a non-zero exit.

    `via` is a command that runs it (``("setpriv", …, "--")``), if any.
    """
    argv = tuple(str(a) for a in args)
    with tempfile.TemporaryDirectory() as scratch:
        proc = subprocess.run(
            _command(argv, module, via),
            cwd=str(cwd or scratch),
            env=_env(env),
            input=input,
            stdin=None if input is not None else subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )
    return Result(argv, proc.returncode, proc.stdout, proc.stderr)


def start(
    *args: object,
    cwd: Path | str,
    env: dict[str, str] | None = None,
    module: bool = False,
) -> subprocess.Popen[str]:
    """Start the console script without waiting (to interrupt or kill it in a test)."""
    return subprocess.Popen(
        _command(tuple(str(a) for a in args), module),
        cwd=str(cwd),
        env=_env(env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
    )


def snapshot(path: Path | str) -> bytes | None:
    """The bytes of a file (None when it does not exist), to prove a failure left it alone."""
    p = Path(path)
    return p.read_bytes() if p.is_file() else None


def assert_one_swedish_paragraph(text: str, *, mentions: tuple[str, ...] | list[str] = ()) -> None:
    """`text` is one paragraph in Swedish that names each of `mentions`, with no traceback."""
    body = text.strip()
    assert body, "nothing was said on stderr"
    assert "Traceback" not in body, body
    assert "\n\n" not in body, f"more than one paragraph:\n{body}"
    assert len(body.splitlines()) <= 3, f"more than one paragraph:\n{body}"
    assert body.startswith("lokgraph: "), body
    assert not ENGLISH.search(body), f"English words in: {body}"
    assert SWEDISH_HINTS.search(body), f"not Swedish: {body}"
    for word in mentions:
        assert str(word) in body, f"{word!r} is not named in: {body}"


def assert_clean_failure(
    result: Result,
    *,
    codes: tuple[int, ...] = (1, 2),
    mentions: tuple[str, ...] | list[str] = (),
) -> None:
    """A failed run: exit code in `codes`, one Swedish paragraph on stderr naming `mentions`."""
    assert result.returncode in codes, str(result)
    assert "Traceback" not in result.stdout + result.stderr, str(result)
    assert_one_swedish_paragraph(result.stderr, mentions=mentions)
