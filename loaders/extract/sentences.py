"""Sentences: a text cut into sentences, with heading lines and list markers noted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .roster_lines import role_lines
from .vocabulary import Vocabulary, load_vocabulary


@dataclass(frozen=True)
class Sentence:
    """One sentence of an answer: its text (the quote) and the level of the heading above it."""

    text: str
    heading_level: str | None = None
    is_heading: bool = False
    #: the block the sentence stands in: ``paragraph``, ``heading`` (a short line of its own
    #: without a full stop), ``item`` (after a list marker), ``row`` (table cells separated by
    #: " | ") or ``roster`` (a "Namn, Organisation, titel" line)
    block: str = "paragraph"
    #: the first sentence of its paragraph (after a blank line or at the start)
    opens_paragraph: bool = False
    #: which piece (1, 2 …) of a run too long to read as one sentence (see `MAX_SENTENCE`),
    #: 0 for a whole sentence
    piece: int = 0


def split_sentences(text: str, vocabulary: Vocabulary | None = None) -> list[Sentence]:
    """The sentences of a text, with the level of any heading line ("Strategiskt") above them.

    Lines broken in the middle of a sentence (OCR, hard wraps) are joined; list markers
    ("1.", "•", "-") start a new sentence and are dropped; abbreviations like "t.ex." and
    "bl.a." do not end one.

    >>> [s.text for s in split_sentences("Vi har t.ex. BUP. 1. Styrgrupp\\n• ELOF-team")]
    ['Vi har t.ex. BUP.', '1. Styrgrupp', 'ELOF-team']
    """
    vocabulary = vocabulary or load_vocabulary()
    text = _ARTEFACT.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\t", " ")
    lines: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if (
            lines
            and lines[-1]
            and line
            and not _LIST_MARKER.match(raw)
            and line[0].islower()
            and not lines[-1].rstrip().endswith((".", "!", "?", ":", ";"))
            and not _is_heading(lines[-1], vocabulary)
        ):
            joiner = "" if re.search(r"\w-$", lines[-1]) else " "
            lines[-1] = lines[-1].rstrip() + joiner + line
        else:
            lines.append(line)
    sentences: list[Sentence] = []
    heading: str | None = None
    previous = ""
    for i, line in enumerate(lines):
        if not line:
            heading, previous = None, ""
            continue
        body = _LIST_MARKER.sub("", line, count=1).strip()
        if not body:
            continue
        level = _is_heading(body, vocabulary)
        opens = i == 0 or not lines[i - 1]
        if level:
            heading = level
            sentences.append(Sentence(body, level, True, "heading", opens))
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        block = _block_of(line, body, following)
        if block == "heading" and role_lines(body, previous, following, vocabulary):
            block = "roster"  # "Ordförande (S), barn- och utbildningsnämnden"
        previous = block
        for j, part in enumerate(_split_line(body, vocabulary)):
            pieces = _bounded(part)
            for k, piece in enumerate(pieces):
                first = opens and j == 0 and k == 0
                number = k + 1 if len(pieces) > 1 else 0
                sentences.append(Sentence(piece, heading, False, block, first, number))
    return sentences


_ARTEFACT = re.compile(r"\[(?:bookmark|anchor):[^\]]*\]")


_LIST_MARKER = re.compile(
    r"^\s*(?:[-–—•*▪·●○]+|\d{1,2}(?:\.\d{1,2})*[.)]|\d{1,2}(?:\.\d{1,2})+(?=\s+[A-ZÅÄÖ])"
    r"|[a-z][)]|e(?=\s+[a-zåäö]))\s+"
)


_END = re.compile(r"[.!?…]+[\"”’)]*(?=\s|$)")


def _is_heading(line: str, vocabulary: Vocabulary) -> str | None:
    """The level a short heading line names ("Strategiskt", "Operativ nivå:"), else None."""
    stripped = line.strip().rstrip(":").strip()
    if not stripped or len(stripped.split()) > 3 or stripped.endswith("."):
        return None
    for term in vocabulary.levels:
        m = term.pattern.match(stripped)
        if (
            m
            and not stripped[m.end() :]
            .strip(" :-")
            .replace(vocabulary.grammar.level_word, "")
            .strip()
        ):
            return term.key
    return None


#: a sentence longer than this is read in pieces (a run of text without full stops)
MAX_SENTENCE = 1500

#: "Anna Berg, …", and with the party an elected member sits for: "Anna Berg (S), …"
_ROSTER_NAME = re.compile(
    r"^[A-ZÅÄÖÉ][a-zåäöéü-]+(?:\s+[A-ZÅÄÖÉ][a-zåäöéü-]+){1,2}(?:\s*\([^()]{1,15}\))?,\s"
)


def _block_of(raw: str, body: str, following: str) -> str:
    """What kind of block a line is (see `Sentence.block`).

    >>> _block_of("• Socialtjänsten", "Socialtjänsten", "")
    'item'
    >>> _block_of("Anna Berg, Region Norr, verksamhetschef BUP", "Anna Berg, Region Norr, "
    ...           "verksamhetschef BUP", "")
    'roster'
    >>> _block_of("Organisation", "Organisation", "Gruppen består av chefer.")
    'heading'
    """
    if _LIST_MARKER.match(raw):
        return "item"
    if " | " in body:
        return "row"
    if _ROSTER_NAME.match(body) and body.count(",") >= 1 and not body.endswith("."):
        return "roster"
    words = body.split()
    if (
        len(words) <= 10
        and body[0].isupper()
        and not body.endswith((".", "!", "?", ":", ";", ","))
        and (not following or following[0].isupper() or _LIST_MARKER.match(following))
    ):
        return "heading"
    return "paragraph"


def _bounded(sentence: str) -> list[str]:
    """A sentence cut into pieces of at most `MAX_SENTENCE` characters, at a comma or a space
    where one is near the limit.

    >>> [len(p) for p in _bounded("BUP, " * 600)]
    [1499, 1499]
    """
    out: list[str] = []
    rest = sentence
    while len(rest) > MAX_SENTENCE:
        cut = rest.rfind(",", MAX_SENTENCE // 2, MAX_SENTENCE)
        if cut < 0:
            cut = rest.rfind(" ", MAX_SENTENCE // 2, MAX_SENTENCE)
        cut = cut + 1 if cut >= 0 else MAX_SENTENCE
        out.append(rest[:cut].strip())
        rest = rest[cut:]
    if rest.strip():
        out.append(rest.strip())
    return [p for p in out if p]


def _split_line(line: str, vocabulary: Vocabulary) -> list[str]:
    parts: list[str] = []
    start = 0
    for m in _END.finditer(line):
        end = m.end()
        rest = line[end:].lstrip()
        if not rest:
            break
        first = rest[0]
        before = line[start : m.start() + 1].split()
        word = before[-1].lower().rstrip(".") if before else ""
        if word in vocabulary.grammar.abbreviations or re.fullmatch(r"(?:\w\.)+\w?", word + "."):
            continue
        if len(word) == 1 and word.isalpha():
            continue
        if first.islower():
            # typed in lower case ("ingen lök ännu. bup är svåra …"): a full stop after a
            # real word and before a real word still ends the sentence
            if m.group().startswith("…") or not re.fullmatch(r"[^\W\d_]{3,}", word):
                continue
        elif not (first.isupper() or first.isdigit() or first in "\"”“'•-–(["):
            continue
        parts.append(line[start:end].strip())
        start = end
    tail = line[start:].strip()
    if tail:
        parts.append(tail)
    return [p for p in parts if p]


# ---------------------------------------------------------------------------------------------
# Reading one sentence
