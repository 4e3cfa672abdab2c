"""Score the text extractor on real-text passages (format and rules: tests/realtext/README.md).

Each entry's text is written to a ``.txt`` file and read the way
``lokgraph extract FILE.txt --kommun KOMMUN --json`` reads it (`loaders.importer.extract_path`);
its facts are compared with the entry's ``expected`` block, per entry and kind:

| kind            | key                                                   |
|-----------------|-------------------------------------------------------|
| member          | (party, level)                                        |
| member_party    | (party)                                               |
| partial         | (party)                                               |
| absent          | (party)                                               |
| group_type      | (group_type)                                          |
| group_level     | (level)                                               |
| agreement       | (kind, status)                                        |
| validity        | (kind, valid_from, valid_to), where the gold has dates |

It prints precision, recall and F1 per kind and micro-averaged over the kinds (member_party
and group_level are reported but not in the micro average, which counts each fact once), and
with ``--verbose`` the misses (fn) and false positives (fp) of every entry. ``--json FILE``
writes the numbers. It always exits 0 when the set can be read.

    python bench/score_realtext.py tests/realtext/dev.yaml
    python bench/score_realtext.py tests/realtext/dev.yaml --verbose
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bench.prf import TP_FP_FN, prf_table  # noqa: E402
from lokgraph.facts import Fact  # noqa: E402

__all__ = ["KINDS", "expected_keys", "predicted_keys", "score", "extract_entry", "main"]

KINDS = (
    "member",
    "member_party",
    "partial",
    "absent",
    "group_type",
    "group_level",
    "agreement",
    "validity",
)
#: kinds in the micro average (member_party and group_level restate member and group_type)
MICRO = ("member", "partial", "absent", "group_type", "agreement", "validity")


def _date(value: Any) -> str | None:
    """A gold or predicted date as ``YYYY-MM-DD`` (a bare year as its first day).

    >>> _date(dt.date(2015, 1, 1)), _date(2019), _date("2020-05"), _date(None)
    ('2015-01-01', '2019-01-01', '2020-05-01', None)
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if len(text) == 4 and text.isdigit():
        return f"{text}-01-01"
    if len(text) == 7:
        return f"{text}-01"
    return text


def _kind(value: Any) -> str:
    text = str(value or "LOK").upper().replace("Ö", "O")
    return text if text in ("LOK", "ROK") else "OTHER"


def expected_keys(entry: dict) -> dict[str, set]:
    """The gold keys of one entry, per kind.

    >>> e = {"expected": {"member": [["operativ", "BUP"]], "absent": [[None, "HAB", "missing"]],
    ...      "agreement": [{"kind": "LOK", "status": "in_force", "valid_from": 2015}]}}
    >>> k = expected_keys(e)
    >>> k["member"], k["absent"], k["agreement"], k["validity"]
    ({('BUP', 'operativ')}, {'HAB'}, {('LOK', 'in_force')}, {('LOK', '2015-01-01', None)})
    """
    exp = entry.get("expected") or {}
    out: dict[str, set] = {k: set() for k in KINDS}
    for level, party, *_ in exp.get("member") or []:
        out["member"].add((party, level))
        out["member_party"].add(party)
    for _level, party, *_ in exp.get("partial") or []:
        out["partial"].add(party)
    for _level, party, *_ in exp.get("absent") or []:
        out["absent"].add(party)
    for group_type, level, *_ in exp.get("group") or []:
        out["group_type"].add(group_type)
        out["group_level"].add(level)
    for item in exp.get("agreement") or []:
        kind = _kind(item.get("kind"))
        out["agreement"].add((kind, item.get("status")))
        start, end = _date(item.get("valid_from")), _date(item.get("valid_to"))
        if start or end:
            out["validity"].add((kind, start, end))
    return out


def predicted_keys(facts: Iterable[Fact]) -> dict[str, set]:
    """The keys the extractor's facts give, per kind (same shapes as `expected_keys`)."""
    out: dict[str, set] = {k: set() for k in KINDS}
    for f in facts:
        if f.kind == "member" and f.party:
            out["member"].add((f.party, f.level))
            out["member_party"].add(f.party)
            if f.partial:
                out["partial"].add(f.party)
        elif f.kind == "absent" and f.party:
            out["absent"].add(f.party)
        elif f.kind == "group" and f.group_type:
            out["group_type"].add(f.group_type)
            if f.level:
                out["group_level"].add(f.level)
        elif f.kind == "agreement_status" and f.status:
            kind = _kind(getattr(f, "agreement_kind", None))
            out["agreement"].add((kind, f.status))
            start = _date(getattr(f, "valid_from", None))
            end = _date(getattr(f, "valid_to", None))
            if start or end:
                out["validity"].add((kind, start, end))
    return out


def extract_entry(entry: dict, workdir: Path) -> list[Fact]:
    """The facts of one entry, read as ``lokgraph extract FILE.txt --kommun KOMMUN`` reads it."""
    from loaders.importer import extract_path
    from lokgraph.errors import InputError

    path = workdir / f"{entry.get('id', 'entry')}.txt"
    path.write_text(entry.get("text") or " ", encoding="utf-8")
    try:
        facts, _survey, _notes = extract_path(path, kommun=entry.get("kommun") or None)
    except InputError as err:  # a kommun the reference data does not know, an empty text
        print(f"{entry.get('id')}: {err}; read without a kommun", file=sys.stderr)
        try:
            facts, _survey, _notes = extract_path(path)
        except InputError:
            return []
    return facts


def score(entries: list[dict]) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, set]]]:
    """Counts per kind over all entries, and per entry the misses and false positives."""
    counts = {k: dict.fromkeys(TP_FP_FN, 0) for k in KINDS}
    details: dict[str, dict[str, set]] = {}
    with tempfile.TemporaryDirectory(prefix="lokgraph-realtext-") as tmp:
        for entry in entries:
            gold = expected_keys(entry)
            got = predicted_keys(extract_entry(entry, Path(tmp)))
            mine: dict[str, set] = {}
            for kind in KINDS:
                counts[kind]["tp"] += len(gold[kind] & got[kind])
                counts[kind]["fp"] += len(got[kind] - gold[kind])
                counts[kind]["fn"] += len(gold[kind] - got[kind])
                if gold[kind] - got[kind]:
                    mine[f"miss {kind}"] = gold[kind] - got[kind]
                if got[kind] - gold[kind]:
                    mine[f"fp   {kind}"] = got[kind] - gold[kind]
            details[str(entry.get("id"))] = mine
    return counts, details


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default=str(ROOT / "tests" / "realtext" / "dev.yaml"))
    parser.add_argument("--verbose", action="store_true", help="misses and false positives")
    parser.add_argument("--json", metavar="FILE", help="write the numbers as JSON")
    args = parser.parse_args(argv)
    entries = yaml.safe_load(Path(args.path).read_text(encoding="utf-8")) or []
    counts, details = score(entries)
    table, numbers = prf_table(counts, MICRO, width=14)
    print(f"{args.path}: {len(entries)} passages")
    print(table)
    if args.verbose:
        by_id = {str(e.get("id")): e for e in entries}
        for eid, mine in details.items():
            if not mine:
                continue
            print(f"\n{eid} ({by_id[eid].get('kommun')}, {by_id[eid].get('genre')})")
            for label, keys in sorted(mine.items()):
                print(f"  {label}: {sorted(keys, key=str)}")
    if args.json:
        Path(args.json).write_text(
            json.dumps({"set": args.path, "passages": len(entries), "scores": numbers}, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
