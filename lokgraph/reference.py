"""Sweden's 290 kommuner and 21 regions, and the name matching that finds them in free text."""

from __future__ import annotations

import csv
import difflib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .errors import UnknownNameError
from .ids import slug

__all__ = [
    "Kommun",
    "Region",
    "kommuner",
    "regioner",
    "find_kommun",
    "find_region",
    "kommuner_in_lan",
    "lan_names",
    "normalise",
    "region_for_kommun",
]


@dataclass(frozen=True)
class Kommun:
    kommunkod: str
    name: str
    lan_kod: str
    lan: str


@dataclass(frozen=True)
class Region:
    lan_kod: str
    lan: str
    name: str


_SUFFIXES = (" kommuns", " kommun", " stad", " stads")


def normalise(name: str) -> str:
    """The comparison key of a place name: case, the "kommun" suffix and hyphens folded away.

    å, ä and ö stay (Håbo and Habo are two kommuner); `_folded` drops them where that is safe.

    >>> normalise("Malung Sälen kommun") == normalise("malung-sälen") == normalise("MALUNG-SÄLEN")
    True
    """
    text = " ".join(name.replace("\u00a0", " ").split()).lower().strip()
    for suffix in _SUFFIXES:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    return re.sub(r"[^a-z0-9åäöéü]+", "", text)


def _folded(key: str) -> str:
    """A key without å/ä/ö, for text typed without them ("Malung-Salen", "Orebro")."""
    return slug(key).replace("-", "")


def _genitive_free(key: str) -> str:
    """Drop a genitive s ("Leksands", "Malung-Sälens") so it matches the name itself."""
    return key[:-1] if key.endswith("s") else key


@cache
def kommuner() -> tuple[Kommun, ...]:
    """All 290 kommuner in SCB's code order."""
    with resources.files("lokgraph.data").joinpath("kommuner.csv").open(encoding="utf-8") as f:
        return tuple(
            Kommun(r["kommunkod"], r["kommun"], r["lan_kod"], r["lan"]) for r in csv.DictReader(f)
        )


@cache
def regioner() -> tuple[Region, ...]:
    """All 21 regions, one per län."""
    with resources.files("lokgraph.data").joinpath("regioner.csv").open(encoding="utf-8") as f:
        return tuple(Region(r["lan_kod"], r["lan"], r["region"]) for r in csv.DictReader(f))


@cache
def lan_names() -> dict[str, str]:
    """Län code → the län's name, for all 21 län (one dict, shared: do not change it).

    >>> lan_names()["20"]
    'Dalarnas län'
    """
    return {r.lan_kod: r.lan for r in regioner()}


@cache
def _kommun_index() -> dict[str, Kommun]:
    index: dict[str, Kommun] = {}
    for k in kommuner():
        index[normalise(k.name)] = k
        index[k.kommunkod] = k
    # a genitive form only where it is not itself another kommun's name
    for k in kommuner():
        index.setdefault(normalise(k.name) + "s", k)
    # folded forms only where exactly one kommun has them
    folded = Counter(_folded(normalise(k.name)) for k in kommuner())
    for k in kommuner():
        key = _folded(normalise(k.name))
        if folded[key] == 1:
            index.setdefault(key, k)
            index.setdefault(key + "s", k)
    return index


@cache
def _region_index() -> dict[str, Region]:
    index: dict[str, Region] = {}
    for r in regioner():
        index[normalise(r.name)] = r
        index[normalise(r.lan)] = r
        index[r.lan_kod] = r
        short = normalise(re.sub(r"^Region ", "", r.name))
        index.setdefault(short, r)
        index.setdefault("region" + normalise(r.lan.replace(" län", "")), r)
    return index


def find_kommun(name: str, *, where: str | None = None) -> Kommun:
    """The kommun a name or kommunkod means, or an error that suggests the closest names.

    >>> find_kommun("malung-sälens kommun").name
    'Malung-Sälen'
    >>> find_kommun("2029").name
    'Leksand'
    """
    found = _kommun_named(name)
    if found is None:
        raise UnknownNameError("kommun", name, suggest_kommun(name), where=where)
    return found


@lru_cache(maxsize=8192)
def _kommun_named(name: str) -> Kommun | None:
    """`find_kommun` without the error, remembered: every fact names its kommun again."""
    key = normalise(name) if not name.strip().isdigit() else name.strip()
    index = _kommun_index()
    return index.get(key) or index.get(_genitive_free(key)) or index.get(_folded(key))


def suggest_kommun(name: str, n: int = 3) -> list[str]:
    """The closest real kommun names, for an error message."""
    names = {normalise(k.name): k.name for k in kommuner()}
    close = difflib.get_close_matches(normalise(name), list(names), n=n, cutoff=0.6)
    return [names[c] for c in close]


def find_region(name: str, *, where: str | None = None) -> Region:
    """The region a name, län name or län code means.

    >>> find_region("Dalarnas län").name
    'Region Dalarna'
    >>> find_region("Region Dalarna").lan_kod
    '20'
    """
    found = _region_named(name)
    if found is None:
        key = normalise(name) if not name.strip().isdigit() else name.strip().zfill(2)
        names = {normalise(r.name): r.name for r in regioner()}
        close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.5)
        raise UnknownNameError("region", name, [names[c] for c in close], where=where)
    return found


@lru_cache(maxsize=1024)
def _region_named(name: str) -> Region | None:
    key = normalise(name) if not name.strip().isdigit() else name.strip().zfill(2)
    return _region_index().get(key)


def region_for_kommun(kommun: Kommun) -> Region:
    """The region whose län the kommun lies in."""
    return find_region(kommun.lan_kod)


def kommuner_in_lan(lan: str) -> tuple[Kommun, ...]:
    """The kommuner of a län, by name or code."""
    region = find_region(lan)
    return tuple(k for k in kommuner() if k.lan_kod == region.lan_kod)
