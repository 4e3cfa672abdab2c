"""Plain text: one free-text document about a kommun or a region; the decoding loaders share.

A ``.txt`` file becomes one `Answer` per paragraph (``question`` None). Paragraphs are blocks
separated by blank lines; a file without any blank line (as Word's "Save as text" writes it)
has one paragraph per line. Whose document it is comes from the ``kommun`` argument, else from
the file's first lines when a kommun name stands there alone (``Leksand``, ``Leksands kommun``),
else it stays None. A line that names a region alone (``Region Dalarna``) sets the region the
same way. The heading line itself is not an answer.

``respondent`` stays None: a document *about* a kommun is not necessarily written by it.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "kil.txt"
>>> _ = path.write_text("Kils kommun\\n\\nVi har en styrgrupp.\\n\\nBUP deltar inte.\\n", "utf-8")
>>> survey = load_text(path)
>>> [(a.kommun, a.text, a.location) for a in survey.answers]
[('Kil', 'Vi har en styrgrupp.', 'line 3'), ('Kil', 'BUP deltar inte.', 'line 5')]
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Collection
from pathlib import Path
from typing import NamedTuple

from lokgraph.errors import InputError, UnknownNameError
from lokgraph.reference import find_kommun, find_region

from .records import Answer, Survey
from .text_quality import check_text, decode_mixed

__all__ = ["DecodedText", "load_text", "read_text"]

#: How many of a document's first non-blank lines may hold its kommun or region heading.
_HEADING_LINES = 3

_LIST_ITEM = re.compile(r"^\s*(?:[-–•*]|\d{1,2}[.)])\s")


class DecodedText(NamedTuple):
    """A file's text, the encoding it was read with, and what was doubtful (Swedish notes)."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def read_text(path: str | Path) -> DecodedText:
    """The text of a file in UTF-8 (with or without BOM), UTF-16 or cp1252.

    Detection: a byte-order mark decides first (UTF-8, UTF-16 LE/BE); then the bytes are tried
    as strict UTF-8; then as UTF-16 when every other byte is NUL (UTF-16 saved without a BOM);
    then as cp1252 (what Excel on Swedish Windows writes as "CSV"), where the bytes are not
    UTF-8, so a file that mixes the two reads right (with a note counting the cp1252 places).
    Bytes that fit none raise `InputError` naming the line and column of the first bad byte; a
    text that is mostly characters no Swedish text has is refused, and one with some of them
    or one that is not Swedish gets a note (see `loaders.text_quality`).

    Line endings are normalised to ``\\n``.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(
            _os_problem(err), where=str(path), fix="Kontrollera sökvägen och stavningen"
        ) from err
    text, encoding, notes = _decode(data, path.name)
    notes += check_text(text, path.name)
    return DecodedText(text.replace("\r\n", "\n").replace("\r", "\n"), encoding, tuple(notes))


def _os_problem(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "filen finns inte"
    if isinstance(err, IsADirectoryError):
        return "det är en mapp, inte en fil"
    if isinstance(err, PermissionError):
        return "du har inte behörighet att läsa filen"
    return f"filen går inte att läsa (fel {err.errno})"


def load_text(path: str | Path, kommun: str | None = None, region: str | None = None) -> Survey:
    """Read a free-text ``.txt`` document into a `Survey` with one `Answer` per paragraph.

    ``kommun`` and ``region`` (names as a planner writes them; checked against the reference
    data) say whose document it is; without them the first lines are looked at (see the module
    docstring). Raises `InputError` for an empty or undecodable file and `UnknownNameError`
    for a ``kommun``/``region`` argument that names no real one.
    """
    path = Path(path)
    text = read_text(path).text
    lines = text.split("\n")
    if not any(line.strip() for line in lines):
        raise InputError(
            "filen är tom",
            where=f"{path.name}, rad 1",
            fix="Ge en textfil med minst ett stycke",
        )

    kommun_name = _argument_kommun(kommun, path) if kommun else None
    region_name = _argument_region(region, path) if region else None
    heading_lines: set[int] = set()
    for number, line in _first_nonblank(lines, _HEADING_LINES):
        found_kommun, found_region = _heading(line)
        if found_kommun and kommun_name is None:
            kommun_name = found_kommun
            heading_lines.add(number)
        elif found_region and region_name is None:
            region_name = found_region
            heading_lines.add(number)
        elif found_kommun or found_region:
            heading_lines.add(number)

    answers = tuple(
        Answer(
            source=path.name,
            kommun=kommun_name,
            question=None,
            text=paragraph,
            respondent=None,
            location=f"line {number}",
        )
        for number, paragraph in paragraphs(lines, skip=heading_lines)
    )
    return Survey(
        source=path.name,
        title=path.stem,
        answers=answers,
        surveyed=(kommun_name,) if kommun_name else (),
        non_respondents=(),
        region=region_name,
    )


def paragraphs(lines: list[str], *, skip: Collection[int] = frozenset()) -> list[tuple[int, str]]:
    """``(first line number, text)`` of each paragraph of a text's lines.

    With blank lines in the text, a paragraph is a block between them, its lines kept as lines
    (the extractor joins a hard-wrapped sentence again); without any blank line,
    every line is a paragraph. Line numbers in ``skip`` (headings) are left out.
    """
    kept = [(n, line.rstrip()) for n, line in enumerate(lines, start=1) if n not in skip]
    filled = [i for i, (_, line) in enumerate(kept) if line.strip()]
    inner = kept[filled[0] : filled[-1] + 1] if filled else []
    if all(line.strip() for _, line in inner):
        return [(n, line.strip()) for n, line in kept if line.strip()]
    result: list[tuple[int, str]] = []
    block: list[tuple[int, str]] = []
    for n, line in [*kept, (0, "")]:
        if line.strip():
            block.append((n, line.strip()))
            continue
        if block:
            # lines stay lines: the extractor's document model reads headings, list items
            # and roster lines from them, and joins hard-wrapped lines itself
            result.append((block[0][0], "\n".join(part for _, part in block)))
            block = []
    return result


def _first_nonblank(lines: list[str], count: int) -> list[tuple[int, str]]:
    found = [(n, line.strip()) for n, line in enumerate(lines, start=1) if line.strip()]
    return found[:count]


def _heading(line: str) -> tuple[str | None, str | None]:
    """The kommun or region a line names when the name stands there alone."""
    if len(line.split()) > 4 or line.endswith((".", "?", "!", ",", ":")):
        return None, None
    try:
        return find_kommun(line).name, None
    except UnknownNameError:
        pass
    if line.lower().startswith("region") or line.lower().endswith(" län"):
        try:
            return None, find_region(line).name
        except UnknownNameError:
            return None, None
    return None, None


def _argument_kommun(kommun: str, path: Path) -> str:
    return find_kommun(kommun, where=f"{path.name}: the kommun given for the file").name


def _argument_region(region: str, path: Path) -> str:
    return find_region(region, where=f"{path.name}: the region given for the file").name


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, []
            except UnicodeDecodeError as err:
                raise _encoding_error(data, err, name, encoding) from err
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    if len(data) >= 4:
        even_nul = data[1::2].count(0) > len(data) // 4
        odd_nul = data[0::2].count(0) > len(data) // 4
        if even_nul != odd_nul:
            encoding = "utf-16-le" if even_nul else "utf-16-be"
            try:
                return data.decode(encoding), encoding, []
            except UnicodeDecodeError:
                pass
    if b"\x00" in data:
        position = data.index(b"\x00")
        nul = UnicodeDecodeError("cp1252", data, position, position + 1, "NUL byte")
        raise _encoding_error(data, nul, name, "UTF-8 eller cp1252")
    try:
        text, mixed = decode_mixed(data)
    except UnicodeDecodeError as err:
        raise _encoding_error(data, err, name, "UTF-8 eller cp1252") from err
    if not mixed:
        return text, "cp1252", []
    places = "ställe" if mixed == 1 else "ställen"
    return (
        text,
        "utf-8+cp1252",
        [
            f"{name} blandar två teckenkodningar: {mixed} {places} var inte UTF-8 och lästes som "
            "cp1252 (Windows); kontrollera å, ä och ö i de citaten"
        ],
    )


def _encoding_error(data: bytes, err: UnicodeDecodeError, name: str, tried: str) -> InputError:
    position = err.start
    line = data.count(b"\n", 0, position) + 1
    column = position - (data.rfind(b"\n", 0, position) + 1) + 1
    return InputError(
        f"texten går inte att läsa: byte 0x{data[position]:02x} är inte giltig i {tried}"
        + (" (filen är troligen inte en textfil)" if data[position] == 0 else ""),
        where=f"{name}, rad {line}, kolumn {column}",
        fix="Spara filen som UTF-8 (i Excel: Spara som → CSV UTF-8) och försök igen",
    )
