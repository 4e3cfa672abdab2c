"""Dependencies point inward: the lokgraph package knows nothing of the packages built on it."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lokgraph"
OUTER = ("loaders", "queries", "visualizations")


@pytest.mark.parametrize(
    "path",
    sorted(p for p in PACKAGE.glob("*.py") if not p.name.startswith("cli")),
    ids=lambda p: p.name,
)
def test_lokgraph_imports_none_of_the_outer_packages(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & set(OUTER), f"{path.name} imports {sorted(imported & set(OUTER))}"
