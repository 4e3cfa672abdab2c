"""Deterministic ids: the same names always give the same node, so imports merge and repeat."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["slug", "make_id"]

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "æ": "a", "ø": "o"})


@lru_cache(maxsize=8192)
def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens.

    >>> slug("Malung-Sälens kommun")
    'malung-salens-kommun'
    >>> slug("  Styrgrupp GNV (Södra) ")
    'styrgrupp-gnv-sodra'
    """
    text = text.strip().lower().translate(_FOLD)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def make_id(prefix: str, *parts: str) -> str:
    """An id of a prefix and slugged parts.

    >>> make_id("group", "Leksand", "Styrgrupp")
    'group:leksand:styrgrupp'
    """
    return ":".join([prefix, *(slug(p) for p in parts if p)])
