"""Paths and small builders shared by tests."""

from importlib import resources
from pathlib import Path

EXAMPLES = Path(str(resources.files("lokgraph") / "examples"))
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
DALARNA_SURVEY = SEEDS / "000_06d682ea16d55562.txt"
