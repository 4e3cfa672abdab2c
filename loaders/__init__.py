"""loaders: the ways in. Read a file into facts and a structure; extract facts from text.

The public names are those in ``__all__`` (listed in the README); the modules behind them are
private. A loader never writes a store: merge what it returns with `lokgraph.open_store`.

>>> from loaders import extract_text
>>> facts = extract_text("BUP deltar inte i styrgruppen.", source="orsa.txt", kommun="Orsa")
>>> [(f.kind, f.party, f.group_type) for f in facts]
[('group', None, 'styrgrupp'), ('absent', 'BUP', 'styrgrupp')]

`read_path` reads any file ``lokgraph import`` reads (a survey, a review sheet, a structure
file) into an `Imported`: its facts, its structure and the sources that merging it replaces.
`load_structure_file` reads a structure file alone. A review sheet is the facts as an editable
CSV (`write_review`); `read_review` reads a corrected one back.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> text = folder / "orsa.txt"
>>> _ = text.write_text("Vi har en styrgrupp där BUP och IFO ingår.", encoding="utf-8")
>>> imported = read_path(text, kommun="Orsa")
>>> isinstance(imported, Imported), imported.sources
(True, ['source:orsa-txt'])
>>> [(f.kind, f.party) for f in imported.facts]
[('group', None), ('member', 'BUP'), ('member', 'SOCIALTJANST')]
>>> sheet = write_review(imported.facts, folder / "granska.csv")
>>> read_review(sheet) == imported.facts
True
>>> from importlib import resources
>>> structure = load_structure_file(str(resources.files("lokgraph") / "examples/dalarna.yaml"))
>>> "kommun:orsa" in {node.id for node in structure.nodes}
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lokgraph._lazy import lazy_exports, public_names

if TYPE_CHECKING:
    from .curated import load_structure_file
    from .extract import extract_text
    from .importer import Imported, read_path
    from .review import read_review, write_review

# loaded on first use, so `import loaders.<module>` costs only that module
# (the one list of the public names: ``__all__`` is made from it, and
# tests/test_public_api.py checks that the TYPE_CHECKING imports above name the same)
_WHERE = {
    ".curated": ("load_structure_file",),
    ".extract": ("extract_text",),
    ".importer": ("Imported", "read_path"),
    ".review": ("read_review", "write_review"),
}
__all__ = public_names(_WHERE)
__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
