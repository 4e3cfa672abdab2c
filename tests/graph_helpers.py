"""Paths and small builders shared by tests."""

from importlib import resources
from pathlib import Path

EXAMPLES = Path(str(resources.files("lokgraph") / "examples"))
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
DALARNA_SURVEY = SEEDS / "000_06d682ea16d55562.txt"


def as_v1(doc: dict) -> dict:
    """A store document of version 2 (the graph's dicts) as the same data in version 1's shape
    (a list of node records with their id, a list of edge records with their ends)."""
    nodes = [{"id": n, **attrs} for n, attrs in doc["nodes"].items()]
    edges = [
        {"source": u, "target": v, **attrs}
        for u, out in doc["edges"].items()
        for v, keyed in out.items()
        for attrs in keyed.values()
    ]
    return {"format": doc["format"], "version": 1, "nodes": nodes, "edges": edges}
