"""Sentences: a text cut into sentences, with heading lines and list markers noted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import Vocabulary, load_vocabulary


@dataclass(frozen=True)
class Sentence:
    """One sentence of an answer: its text (the quote) and the level of the heading above it."""

    text: str
    heading_level: str | None = None
    is_heading: bool = False


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
    for line in lines:
        if not line:
            heading = None
            continue
        body = _LIST_MARKER.sub("", line, count=1).strip()
        if not body:
            continue
        level = _is_heading(body, vocabulary)
        if level:
            heading = level
            sentences.append(Sentence(body, level, True))
            continue
        for part in _split_line(body, vocabulary):
            sentences.append(Sentence(part, heading))
    return sentences


_ARTEFACT = re.compile(r"\[(?:bookmark|anchor):[^\]]*\]")


_LIST_MARKER = re.compile(
    r"^\s*(?:[-–—•*▪·●○]+|\d{1,2}(?:\.\d{1,2})*[.)]|[a-z][)]|e(?=\s+[a-zåäö]))\s+"
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
