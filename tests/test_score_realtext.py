"""bench/score_realtext.py on a tiny set of our own, in the tests/realtext format."""

from __future__ import annotations

import json
from pathlib import Path

from bench.score_realtext import expected_keys, main

TINY = """
- id: t-001
  genre: kommun_page
  lan: Dalarna
  kommun: Orsa
  mirrors: a kommun page naming its steering group
  text: |
    Styrgrupp

    Vi har en styrgrupp med representanter från BUP och socialtjänsten.
  expected:
    member:
      - [strategisk, BUP]
      - [strategisk, SOCIALTJANST]
      - [strategisk, HAB]   # not in the text: a miss the score must count
    group:
      - [styrgrupp, strategisk]
- id: t-002
  genre: report
  lan: Dalarna
  kommun: Orsa
  mirrors: a report line on a missing party
  text: |
    Habiliteringen har inte deltagit i arbetet.
  expected:
    absent:
      - [null, HAB, not_participating]
"""


def test_the_score_counts_hits_misses_and_writes_json(tmp_path: Path, capsys):
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY, encoding="utf-8")
    out = tmp_path / "score.json"
    assert main([str(path), "--verbose", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "2 passages" in printed
    assert "miss member: [('HAB', 'strategisk')]" in printed
    numbers = json.loads(out.read_text(encoding="utf-8"))["scores"]
    assert numbers["member"]["tp"] == 2 and numbers["member"]["fn"] == 1
    assert numbers["absent"]["tp"] == 1 and numbers["absent"]["fp"] == 0
    assert numbers["group_type"]["tp"] == 1


def test_gold_agreements_and_dates_are_keyed_by_kind():
    entry = {
        "expected": {
            "agreement": [
                {"kind": "LÖK", "status": "in_force", "valid_from": "2015-01-01", "valid_to": None},
                {"kind": "other", "status": "in_progress"},
            ]
        }
    }
    keys = expected_keys(entry)
    assert keys["agreement"] == {("LOK", "in_force"), ("OTHER", "in_progress")}
    assert keys["validity"] == {("LOK", "2015-01-01", None)}


def test_an_unknown_kommun_or_empty_text_does_not_stop_the_score(tmp_path: Path, capsys):
    path = tmp_path / "odd.yaml"
    path.write_text(
        "- id: t-9\n  kommun: Påhittby\n  text: 'BUP deltar i styrgruppen.'\n"
        "  expected:\n    member: [[strategisk, BUP]]\n"
        "- id: t-10\n  kommun: null\n  text: ''\n",
        encoding="utf-8",
    )
    out = tmp_path / "s.json"
    assert main([str(path), "--json", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["scores"]["member"]["tp"] == 1
    assert "t-9" in capsys.readouterr().err
