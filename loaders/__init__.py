"""loaders: the ways in. Read a file into facts and a structure; extract facts from text.

The public names are those in ``__all__`` (listed in the README); the modules behind them are
private. A loader never writes a store: merge what it returns with `lokgraph.open_store`.

>>> from loaders import extract_text
>>> facts = extract_text("BUP deltar inte i styrgruppen.", source="orsa.txt", kommun="Orsa")
>>> [(f.kind, f.party, f.group_type) for f in facts]
[('group', None, 'styrgrupp'), ('absent', 'BUP', 'styrgrupp')]
"""

from __future__ import annotations

from .curated import load_structure_file
from .extract import extract_text
from .importer import Imported, read_path
from .review import read_review, write_review

__all__ = [
    "Imported",
    "extract_text",
    "load_structure_file",
    "read_path",
    "read_review",
    "write_review",
]
