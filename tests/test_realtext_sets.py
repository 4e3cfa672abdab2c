"""Format checks for the real-text passage sets in tests/realtext/*.yaml (issue #11).

The checks only validate the format README.md fixes (ids unique, codes valid, dates valid);
they never look at what a passage says, so running them over the held-out set reveals nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from lokgraph.codes import AGREEMENT_STATUSES, GROUP_TYPES, LEVELS, PARTIES
from lokgraph.facts import ABSENCE_REASONS

REALTEXT = Path(__file__).parent / "realtext"
SETS = sorted(REALTEXT.glob("*.yaml"))
PREFIX = {"dev.yaml": "rd-", "blind.yaml": "rb-", "blind3.yaml": "rc-"}
GENRES = {"kommun_page", "region_page", "agreement", "report", "protocol", "news"}
ENTRY_KEYS = {"id", "genre", "lan", "kommun", "mirrors", "text", "expected"}
EXPECTED_KEYS = {"member", "partial", "absent", "group", "agreement"}
AGREEMENT_KEYS = {"kind", "status", "valid_from", "valid_to"}
AGREEMENT_KINDS = {"LOK", "ROK", "other"}
URL = re.compile(r"https?://|www\.", re.IGNORECASE)


def _load(path: Path) -> list[dict]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(entries, list), f"{path.name}: the top level must be a list of passages"
    return entries


def _level(value: object, where: str) -> None:
    assert value is None or value in LEVELS, f"{where}: level {value!r} not in {LEVELS} or null"


def _party(value: object, where: str) -> None:
    assert value in PARTIES, f"{where}: unknown party {value!r}"


def _date(value: object, where: str) -> None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return
    assert isinstance(value, str), f"{where}: date {value!r} must be YYYY-MM-DD or null"
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        pytest.fail(f"{where}: date {value!r} is not a valid YYYY-MM-DD")


def _check_expected(expected: dict, where: str) -> None:
    assert isinstance(expected, dict), f"{where}: expected must be a mapping"
    unknown = set(expected) - EXPECTED_KEYS
    assert not unknown, f"{where}: unknown expected keys {sorted(unknown)}"
    for kind in ("member", "partial"):
        for item in expected.get(kind) or []:
            assert isinstance(item, list) and len(item) == 2, f"{where}: {kind} {item!r}"
            _level(item[0], f"{where} {kind}")
            _party(item[1], f"{where} {kind}")
    members = {tuple(m) for m in expected.get("member") or []}
    for item in expected.get("partial") or []:
        assert tuple(item) in members, f"{where}: partial {item!r} is not also a member"
    for item in expected.get("absent") or []:
        assert isinstance(item, list) and len(item) == 3, f"{where}: absent {item!r}"
        _level(item[0], f"{where} absent")
        _party(item[1], f"{where} absent")
        assert item[2] in ABSENCE_REASONS, f"{where}: absence reason {item[2]!r}"
    for item in expected.get("group") or []:
        assert isinstance(item, list) and len(item) == 2, f"{where}: group {item!r}"
        assert item[0] in GROUP_TYPES, f"{where}: unknown group type {item[0]!r}"
        _level(item[1], f"{where} group")
    for item in expected.get("agreement") or []:
        assert isinstance(item, dict), f"{where}: agreement {item!r} must be a mapping"
        assert set(item) <= AGREEMENT_KEYS, f"{where}: agreement keys {sorted(item)}"
        assert item.get("kind") in AGREEMENT_KINDS, f"{where}: agreement kind {item.get('kind')!r}"
        assert item.get("status") in AGREEMENT_STATUSES, f"{where}: status {item.get('status')!r}"
        _date(item.get("valid_from"), f"{where} valid_from")
        _date(item.get("valid_to"), f"{where} valid_to")
        start, end = item.get("valid_from"), item.get("valid_to")
        if start and end:
            assert str(start) <= str(end), f"{where}: valid_from after valid_to"


def test_sets_exist() -> None:
    assert (REALTEXT / "README.md").exists()
    assert SETS, "no tests/realtext/*.yaml set"


@pytest.mark.parametrize("path", SETS, ids=[p.name for p in SETS])
def test_set_format(path: Path) -> None:
    entries = _load(path)
    seen: set[str] = set()
    prefix = PREFIX.get(path.name)
    for i, entry in enumerate(entries):
        where = f"{path.name}[{i}] {entry.get('id', '?')}"
        assert isinstance(entry, dict), f"{where}: a passage must be a mapping"
        assert set(entry) == ENTRY_KEYS, f"{where}: keys {sorted(entry)} != {sorted(ENTRY_KEYS)}"
        assert entry["id"] not in seen, f"{where}: duplicate id"
        seen.add(entry["id"])
        if prefix:
            assert entry["id"].startswith(prefix), f"{where}: ids in {path.name} start {prefix}"
        assert entry["genre"] in GENRES, f"{where}: genre {entry['genre']!r}"
        assert isinstance(entry["lan"], str) and entry["lan"], f"{where}: lan"
        assert entry["kommun"] is None or isinstance(entry["kommun"], str), f"{where}: kommun"
        mirrors = entry["mirrors"]
        assert isinstance(mirrors, str) and mirrors.strip(), f"{where}: mirrors"
        assert "\n" not in mirrors.strip(), f"{where}: mirrors is one line"
        text = entry["text"]
        assert isinstance(text, str), f"{where}: text"
        lines = text.strip().splitlines()
        assert 3 <= len(lines) <= 25, f"{where}: {len(lines)} lines, want 3-25"
        assert not URL.search(text) and not URL.search(mirrors), f"{where}: no URLs"
        _check_expected(entry["expected"], where)
