"""Say what was doubtful in a text: mixed encodings, unreadable characters, text not Swedish.

A survey text reaches lokgraph from Word, Excel, e-mail and OCR, and sometimes it is not text
at all (a PDF or an image renamed ``.txt``). Rather than store garbled quotes or extract
facts from noise, the readers use these checks:

- `decode_mixed`: bytes that are UTF-8 in some places and cp1252 (Windows' latin-1) in
  others, as when lines from two files are pasted together, are read each as what it is,
  and counted;
- `check_text`: a text where many characters are of no alphabet a Swedish text uses
  (replacement characters, control characters, random symbols) is refused when they are
  a quarter of it or more; replacement and control characters in a text that is read are
  counted in a note; a text of some length with hardly any common Swedish words gets a
  note that it does not look Swedish.

The common words are language data, in ``text_quality.yaml`` beside this module.

>>> decode_mixed("Vi har en styrgrupp där".encode() + " BUP saknas".encode("cp1252"))
('Vi har en styrgrupp där BUP saknas', 0)
>>> decode_mixed("Elevhälsan".encode() + ", socialtjänsten".encode("cp1252"))
('Elevhälsan, socialtjänsten', 1)
>>> check_text("Vi har en styrgrupp där BUP och elevhälsan deltar.", "enkat.txt")
[]
"""

from __future__ import annotations

import codecs
import re
import threading
import unicodedata
from functools import cache
from importlib import resources

import yaml

from lokgraph.errors import InputError

__all__ = ["REFUSE_SHARE", "check_text", "decode_mixed"]

#: A text is refused when at least this share of its characters belongs to no Swedish text.
REFUSE_SHARE = 0.25
#: Below this many words the language is not judged.
_MIN_WORDS = 40
#: A Swedish text has at least this share of common words (real answers: 30-45 %).
_MIN_SWEDISH_SHARE = 0.05

_EXPECTED_EXTRA = frozenset("åäöÅÄÖéÉèÈüÜæÆøØáàÁíóúñçëïÿ–—‘’‚“”„«»•…§€£°½¼¾×·±′″\u00a0\u2009\u202f")
_WORD = re.compile(r"[^\W\d_]+")
_HANDLER = "lokgraph-cp1252-fallback"
_state = threading.local()


def decode_mixed(data: bytes) -> tuple[str, int]:
    """UTF-8 where the bytes are UTF-8, cp1252 where they are not; and how many places were
    cp1252 while the rest had UTF-8 letters (0 when the file is in one encoding only).

    Raises `UnicodeDecodeError` (absolute position) for a byte that cp1252 does not define.
    """
    _state.fallbacks = 0
    text = data.decode("utf-8", errors=_HANDLER)
    fallbacks = _state.fallbacks
    has_utf8 = any(ord(c) > 0x7F for c in _utf8_only(data))
    return text, fallbacks if has_utf8 else 0


def check_text(text: str, name: str) -> list[str]:
    """Notes about a decoded text (Swedish, for the planner); raises `InputError` when the text
    is mostly characters no Swedish text has."""
    visible = len("".join(text.split()))  # the characters that are not white space
    unexpected = _UNEXPECTED.findall(text)  # one pass in C; such characters are few
    odd = len(unexpected)
    damaged = sum(1 for c in unexpected if _damaged(c))
    notes: list[str] = []
    if visible and odd / visible >= REFUSE_SHARE and visible >= 20:
        raise InputError(
            f"filen ser inte ut som text: {odd} av {visible} tecken "
            f"({odd / visible:.0%}) är ersättningstecken, styrtecken eller tecken som "
            "svensk text inte har",
            where=name,
            fix="Kontrollera att det är rätt fil; spara texten som vanlig text (UTF-8) ur Word "
            "eller PDF-läsaren, inte själva Word-, PDF- eller bildfilen",
        )
    if damaged:
        notes.append(
            f"{damaged} tecken i {name} gick inte att läsa (ersättningstecknet \ufffd eller "
            "styrtecken, oftast efter en felaktig teckenkodning) och står kvar i citaten"
        )
    words = _WORD.findall(text.casefold())
    if len(words) >= _MIN_WORDS:
        common = _common_words()
        known = sum(1 for w in words if w in common)
        if known / len(words) < _MIN_SWEDISH_SHARE:
            notes.append(
                f"{name} ser inte ut att vara på svenska: {known} av {len(words)} ord är vanliga "
                "svenska ord; lokgraph läser bara svensk text, så få uppgifter hittas"
            )
    return notes


def _expected(c: str) -> bool:
    return " " <= c <= "~" or c in _EXPECTED_EXTRA


#: a character that is neither white space nor `_expected`
_UNEXPECTED = re.compile("[^\\s -~" + re.escape("".join(sorted(_EXPECTED_EXTRA))) + "]")


def _damaged(c: str) -> bool:
    """A replacement character, control character, private-use or unassigned code point."""
    return c == "\ufffd" or unicodedata.category(c) in ("Cc", "Co", "Cn", "Cs")


@cache
def _common_words() -> frozenset[str]:
    text = resources.files("loaders").joinpath("text_quality.yaml").read_text(encoding="utf-8")
    return frozenset(str(w).casefold() for w in yaml.safe_load(text)["common_words"])


def _utf8_only(data: bytes) -> str:
    return data.decode("utf-8", errors="ignore")


def _fallback(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    chunk = err.object[err.start : err.end]
    try:
        text = bytes(chunk).decode("cp1252")
    except UnicodeDecodeError as inner:
        raise UnicodeDecodeError(
            "cp1252", err.object, err.start + inner.start, err.start + inner.end, inner.reason
        ) from None
    _state.fallbacks = getattr(_state, "fallbacks", 0) + 1
    return text, err.end


codecs.register_error(_HANDLER, _fallback)
