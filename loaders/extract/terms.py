"""Vocabulary expressions compiled to regular expressions (the syntax of vocabulary.yaml's header).

>>> term = _compile_term("habilitering*", "HAB")
>>> bool(term.pattern.search("Barn- och ungdomshabiliteringen deltar")), term.anchor
(False, 'habilitering')
>>> bool(term.pattern.search("habiliteringen deltar"))
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Term:
    """One vocabulary expression compiled to a pattern; `key` is the code it stands for."""

    text: str
    key: str
    #: the regular expression of `pattern`
    regex: str
    weight: int
    name: str | None = None
    #: a plain lower-case part every match contains, to skip the pattern quickly
    anchor: str = ""

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The compiled expression, compiled when first used: most of a vocabulary's terms
        never meet a text that has their anchor, and compiling all of them took a quarter of
        a small import."""
        return re.compile(self.regex)

    @cached_property
    def runs(self) -> frozenset[str]:
        """Every plain lower-case run of letters and digits of the term: a match holds them
        all (the prefilter's test, `loaders.extract.triggers`); ``^run`` for the first one
        when a match starts with it at the start of a word."""
        plain = self.text.lstrip("=").lstrip("^")
        return _runs(plain, word_start=not plain.startswith("*"))

    @cached_property
    def lead(self) -> tuple[str, int, bool]:
        """The run every match has at a fixed distance from the start of the term's first
        word, lower-cased; that distance; and whether the word may have a prefix (``*``).
        ("", 0, False) for a term anchored at the line's start or one whose first word
        opens otherwise. The pattern needs trying only there
        (`loaders.extract.triggers.matches`)."""
        plain = self.text.lstrip("=")
        if plain.startswith("^"):
            return ("", 0, False)
        prefixed = plain.startswith("*")
        return (*_lead(plain[1:] if prefixed else plain), prefixed)


def _lead(text: str) -> tuple[str, int]:
    """The first run of a-z and 0-9 of a pattern's text and how many letters stand before it,
    when those are letters that each match one character (å, ä, ö, é); else ("", 0).

    >>> _lead("ingå"), _lead("är med i"), _lead("Örebro"), _lead("-team"), _lead("ÅÅ")
    (('ing', 0), ('r', 1), ('rebro', 1), ('', 0), ('', 0))
    """
    low = text.lower()
    first = re.search(r"[a-z0-9]+", low)
    if first is None or not all(c.isalpha() and not c.isascii() for c in low[: first.start()]):
        return ("", 0)
    return (first.group(), first.start())


def _runs(text: str, *, word_start: bool = False) -> frozenset[str]:
    """The runs of a-z and 0-9 of a term's text, lower-cased (å, ä, ö and é vary, so they
    split runs); with ``word_start`` (the pattern matches only at the start of a word) the
    first run also as ``^run`` when the text starts with it.

    >>> sorted(_runs("svårt att ... få med", word_start=True))
    ['^sv', 'att', 'f', 'med', 'rt', 'sv']
    """
    runs = re.findall(r"[a-z0-9]+", text.lower())
    head = ["^" + runs[0]] if word_start and runs and text.lower().startswith(runs[0]) else []
    return frozenset(runs + head)


#: What å, ä, ö and é may look like after OCR or when typed without diacritics.
_VARIANTS: dict[str, str] = {
    "å": "åaäàáâdio",
    "ä": "äaåàáâeéèëid4",
    "ö": "öo6óòôøeé0",
    "é": "éeèëo",
}


_UPPER_VARIANTS: dict[str, str] = {
    "Å": "ÅAÄ",
    "Ä": "ÄAÅ",
    "Ö": "ÖO6Ó0",
    "É": "ÉE",
}


_ACRONYM_SUFFIX = r"(?::?[a-zåäö]{1,6}|-\w+(?:-\w+)*)?"


_GAP = r"\s+(?:\S+\s+){0,5}?"


_FOLD = str.maketrans(
    {
        "å": "a",
        "ä": "a",
        "ö": "o",
        "é": "e",
        "è": "e",
        "à": "a",
        "á": "a",
        "ó": "o",
        "ò": "o",
        "ø": "o",
    }
)


def _token_regex(token: str, exact: bool = False) -> str:
    """One word of a term: ``*`` at either end is any word part; å/ä/ö take their variants;
    a word with a capital after its first letter (BUP, LÖK) is case-sensitive.

    Every plain letter and digit (a-z, 0-9) of a term stays a literal in its pattern, and
    å, ä, ö and é each match one character: the prefilter relies on it (`Term.runs`,
    `Term.lead`), and ``tests/test_extract_prefilter.py`` checks it."""
    lead = token.startswith("*")
    trail = token.endswith("*")
    token = token.strip("*")
    acronym = exact or any(c.isupper() for c in token[1:])
    out: list[str] = []
    for i, char in enumerate(token):
        if char in _VARIANTS and (exact or not acronym):
            out.append("[" + _VARIANTS[char] + "]")
        elif char in _UPPER_VARIANTS:
            out.append("[" + _UPPER_VARIANTS[char] + "]")
        elif char == "-":
            out.append("-?" if i == len(token) - 1 else "[-\\s]?")
        else:
            out.append(re.escape(char))
    body = "".join(out)
    body = f"(?-i:{body})" if acronym else f"(?i:{body})"
    return ("\\w*" if lead else "") + body + ("\\w*" if trail else "")


def _compile_term(text: str, key: str, *, name: str | None = None) -> Term:
    """A vocabulary expression as a pattern (see the header of vocabulary.yaml)."""
    raw = text
    exact = text.startswith("=")
    text = text.lstrip("=")
    anchored = text.startswith("^")
    text = text.lstrip("^")
    prefix = text.startswith("*")
    text = text[1:] if prefix else text
    segments = [s.split() for s in re.split(r"\s+\.\.\.\s+", text)]
    seg_regex = []
    for tokens in segments:
        pieces = []
        for i, tok in enumerate(tokens):
            pieces.append(_token_regex(tok, exact))
            if i < len(tokens) - 1:
                pieces.append(r"\s*" if tok.rstrip("*").endswith("-") else r"\s+")
        seg_regex.append("".join(pieces))
    body = _GAP.join(seg_regex)
    last = segments[-1][-1]
    if last.endswith("*"):
        pass
    elif any(c.isupper() for c in last[1:]):
        body += _ACRONYM_SUFFIX + r"(?!\w)"
    else:
        body += r"(?!\w)"
    head = r"(?P<pre>\w*)" if prefix else r"(?<!\w)(?P<pre>)"
    if anchored:
        head = r"^[\W_]*" + head
    weight = sum(c.isalnum() for c in text)
    return Term(raw, key, head + body, weight, name, _anchor(text))


def _anchor(text: str) -> str:
    """The longest run of plain letters and digits of a term (å, ä, ö and é vary with OCR)."""
    runs = re.findall(r"[a-z0-9]+", text.lower().split(" ... ")[0])
    return max(runs, key=len) if runs else ""


def _fold(word: str) -> str:
    """A word lower-cased with å, ä, ö and é as a, a, o, e (as OCR and hasty typing leave
    them); remembered, as the passes fold the same words again and again.

    >>> _fold("Skolhälsovården"), _fold("BUP:s")
    ('skolhalsovarden', 'bup:s')
    """
    folded = _FOLDED.get(word)
    if folded is None:
        folded = word.lower().translate(_FOLD).replace("6", "o")
        if len(_FOLDED) > 100_000:
            _FOLDED.clear()
        _FOLDED[word] = folded
    return folded


_FOLDED: dict[str, str] = {}


# ---------------------------------------------------------------------------------------------
# Sentences


def word_sets(section: Mapping[str, Any], keys: Iterable[str]) -> dict[str, frozenset[str]]:
    """Folded word sets of a vocabulary section of plain word lists (a missing list is empty).

    >>> sorted(word_sets({"lacks": ["Saknar", "önskar"]}, ("lacks", "experiencer"))["lacks"])
    ['onskar', 'saknar']
    """
    return {k: frozenset(_fold(str(w)) for w in section.get(k) or ()) for k in keys}
