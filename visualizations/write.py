"""The one writer of lokgraph's pages and tables: UTF-8, atomically, whatever the platform.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> save("kommun,län\\nÄlvdalen,Dalarnas län\\n", folder / "matris.csv").read_text(encoding="utf-8")
'kommun,län\\nÄlvdalen,Dalarnas län\\n'
"""

from __future__ import annotations

import os
from pathlib import Path

from .page import write_html

__all__ = ["save"]


def save(text: str, path: str | os.PathLike[str]) -> Path:
    """Write ``text`` (an HTML page or CSV) to ``path`` as UTF-8 with ``\\n`` line ends.

    The text goes to a temporary file in the same folder, which is then renamed over the
    target, so a reader never sees half a file and a failed write leaves the old file whole.
    Missing folders are made. Returns the path written.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = save("Älvdalen;Orsa\\n", Path(folder) / "ut" / "matris.csv")
    ...     path.name, path.read_bytes().decode("utf-8")
    ('matris.csv', 'Älvdalen;Orsa\\n')
    """
    return write_html(text, path)
