"""The public Python API stays put: every public name and its signature, against a committed
snapshot (tests/public_api.json); a name added, removed or changed since is named in
CHANGELOG.md under "## Unreleased". The README lists exactly the public names.

When a release is made, move the Unreleased entries under the version and write a new
snapshot:

    python -m tests.test_public_api --update
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = Path(__file__).with_name("public_api.json")
CHANGELOG = ROOT / "CHANGELOG.md"
README = ROOT / "README.md"
PACKAGES = ("lokgraph", "loaders", "queries", "visualizations")


def _signature(obj: object) -> str:
    """A callable's parameters and return annotation as text; a constant's value."""
    if not callable(obj):
        return f"= {obj!r}"
    try:
        text = str(inspect.signature(obj))
    except (TypeError, ValueError):
        return "(...)"
    text = re.sub(r" at 0x[0-9a-fA-F]+>", ">", text)  # a function as a default: no address
    return re.sub(r"\btyping\.", "", text)


def _members(cls: type) -> dict[str, str]:
    """The public methods and properties a class defines itself (not those of its bases)."""
    found = {}
    for name, value in vars(cls).items():
        if name.startswith("_") or name.startswith("model_"):
            continue
        if isinstance(value, property):
            found[name] = "property"
        elif isinstance(value, staticmethod | classmethod):
            found[name] = _signature(value.__func__)
        elif inspect.isfunction(value):
            found[name] = _signature(value)
    return found


def current_api() -> dict[str, str]:
    """Qualified public name → its signature, for every name in the packages' ``__all__``."""
    api: dict[str, str] = {}
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for name in package.__all__:
            obj = getattr(package, name)
            qualified = f"{package_name}.{name}"
            if inspect.isclass(obj):
                api[qualified] = "class " + _signature(obj)
                for member, signature in _members(obj).items():
                    api[f"{qualified}.{member}"] = signature
            else:
                api[qualified] = _signature(obj)
    return dict(sorted(api.items()))


def _unreleased() -> str:
    text = CHANGELOG.read_text(encoding="utf-8")
    assert "\n## Unreleased" in text, "CHANGELOG.md has no '## Unreleased' section"
    return text.split("\n## Unreleased", 1)[1].split("\n## ", 1)[0]


def _named(entry: str, text: str) -> bool:
    """Whether the changelog text names `entry` (or the public name it is a member of)."""
    parts = entry.split(".")
    candidates = {".".join(parts[:n]) for n in range(2, len(parts) + 1)}
    return any(f"`{c}`" in text for c in candidates)


def test_every_change_to_a_public_name_is_in_the_changelog():
    before = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    now = current_api()
    unreleased = _unreleased()
    problems = []
    for name in sorted(before.keys() | now.keys()):
        old, new = before.get(name), now.get(name)
        if old == new or _named(name, unreleased):
            continue
        if new is None:
            problems.append(f"`{name}` disappeared (it was {old})")
        elif old is None:
            problems.append(f"`{name}` is new: {new}")
        else:
            problems.append(f"`{name}` changed from {old} to {new}")
    assert not problems, (
        "The public API changed without a CHANGELOG.md entry. Name each of these in "
        "CHANGELOG.md under '## Unreleased' (with what changed), or undo the change:\n"
        + "\n".join(problems)
    )


def test_a_change_fails_without_an_entry_and_passes_with_one(monkeypatch):
    """The check itself: a signature changed in the snapshot is caught until it is named."""
    before = current_api()
    before["lokgraph.open_store"] = "(target)"
    monkeypatch.setattr(sys.modules[__name__], "SNAPSHOT", _written(before))
    monkeypatch.setattr(sys.modules[__name__], "_unreleased", lambda: "- nothing yet\n")
    with pytest.raises(AssertionError, match=r"`lokgraph.open_store` changed from \(target\)"):
        test_every_change_to_a_public_name_is_in_the_changelog()
    entry = "- `lokgraph.open_store` takes `user` and `password` for Neo4j.\n"
    monkeypatch.setattr(sys.modules[__name__], "_unreleased", lambda: entry)
    test_every_change_to_a_public_name_is_in_the_changelog()
    del before["lokgraph.open_store"]  # a name that is new since the snapshot needs one too
    monkeypatch.setattr(sys.modules[__name__], "SNAPSHOT", _written(before))
    monkeypatch.setattr(sys.modules[__name__], "_unreleased", lambda: "")
    with pytest.raises(AssertionError, match="`lokgraph.open_store` is new"):
        test_every_change_to_a_public_name_is_in_the_changelog()


def _written(api: dict[str, str]) -> Path:
    import tempfile

    path = Path(tempfile.mkdtemp()) / "public_api.json"
    path.write_text(json.dumps(api, indent=1), encoding="utf-8")
    return path


def _readme_sections() -> dict[str, str]:
    text = README.read_text(encoding="utf-8")
    api = text.split("\n## The public Python API", 1)[1].split("\n## ", 1)[0]
    sections = {}
    for block in api.split("\n### ")[1:]:
        heading, _, body = block.partition("\n")
        sections[heading.strip()] = body
    return sections


@pytest.mark.parametrize("package_name", PACKAGES)
def test_the_readme_lists_every_public_name_and_no_other(package_name):
    body = _readme_sections()[package_name]
    package = importlib.import_module(package_name)
    bullets = [line for line in body.splitlines() if line.startswith("- ")]
    listed = {m for line in bullets for m in re.findall(r"`(\w+)(?:\([^`]*\))?`", line)}
    missing = sorted(set(package.__all__) - listed)
    assert not missing, f"README lists no line for {missing}"
    for line in bullets:  # each line describes public names, the names before its first colon
        head = line.split(": ", 1)[0]
        for name in re.findall(r"`(\w+)(?:\([^`]*\))?`", head):
            assert name in package.__all__, f"README lists {name!r}, not public in {package_name}"


def test_private_modules_are_not_public_names():
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        assert all(not n.startswith("_") for n in package.__all__)
        assert len(set(package.__all__)) == len(package.__all__)
        for name in package.__all__:
            assert not inspect.ismodule(getattr(package, name)), f"{package_name}.{name}"


def test_importing_the_packages_loads_nothing_until_a_name_is_used():
    code = (
        "import sys, lokgraph, loaders, queries, visualizations; "
        "print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    )
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert not loaded & {"networkx", "pydantic", "neo4j", "openpyxl", "yaml"}
    for package_name in PACKAGES:  # and every public name is where its package says
        package = importlib.import_module(package_name)
        table = {n for names in getattr(package, "_WHERE", {}).values() for n in names}
        assert table <= set(package.__all__), package_name
        assert set(package.__all__) <= table | set(vars(package)), package_name


def _typing_imports(package_name: str) -> dict[str, set[str]]:
    """The relative imports of a package's ``if TYPE_CHECKING:`` block: module → names."""
    tree = ast.parse((ROOT / package_name / "__init__.py").read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for item in node.body:
                if isinstance(item, ast.ImportFrom) and item.level == 1:
                    names = found.setdefault(f".{item.module}", set())
                    names.update(alias.asname or alias.name for alias in item.names)
    return found


@pytest.mark.parametrize("package_name", PACKAGES)
def test_the_typing_imports_name_the_lazy_exports(package_name):
    """A package's public names are listed once, in ``_WHERE``; the imports that give type
    checkers the same names (ruff's unused-import check is off for them) must agree."""
    package = importlib.import_module(package_name)
    table = {module: set(names) for module, names in package._WHERE.items()}
    assert _typing_imports(package_name) == table


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python -m tests.test_public_api --update")
    SNAPSHOT.write_text(json.dumps(current_api(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}")
