"""mypy accepts the four packages (configured in pyproject.toml's [tool.mypy]).

A test rather than a CI step of its own, so that `python -m pytest`, which everyone runs
before landing, shows a new type error at once.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_is_clean_on_the_four_packages():
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
