"""Score the text extractor against hand-annotated survey answers.

`tests/heldout2/surveys.yaml` is the held-out set: written blind, never tuned on, so its score
is an honest estimate of how the extractor does on answers it has not seen. The default,
`tests/heldout/surveys.yaml`, began as a held-out set and became the development set once its
misses were used to improve the extractor (see the READMEs beside each).

For every entry the script runs ``loaders.extract.extract_text`` and compares, per fact kind:

- member:              (entry, party) of member facts with a party
- partial:             (entry, party) of member facts with partial=True
- absent:              (entry, party) of absent facts
- group:               (entry, group_type) of group facts
- agreement_status:    (entry, status)
- deviation_reporting: (entry, status)

It prints precision, recall and F1 per kind and micro-averaged over all kinds, and with
``--verbose`` the misses (fn) and false positives (fp) of every entry. It always exits 0.

    python bench/score_heldout.py
    python bench/score_heldout.py --verbose
    python bench/score_heldout.py tests/heldout2/surveys.yaml [--verbose]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bench.prf import TP_FP_FN, prf_table  # noqa: E402

DEFAULT_SET = ROOT / "tests" / "heldout" / "surveys.yaml"
KINDS = ("member", "partial", "absent", "group", "agreement_status", "deviation_reporting")


def expected_keys(entry: dict) -> dict[str, set]:
    exp = entry.get("expected") or {}
    out: dict[str, set] = {k: set() for k in KINDS}
    for item in exp.get("member") or []:
        out["member"].add(item[1])
    for item in exp.get("partial") or []:
        out["partial"].add(item[1])
    for item in exp.get("absent") or []:
        out["absent"].add(item[1])
    for item in exp.get("group") or []:
        out["group"].add(item[0])
    for kind in ("agreement_status", "deviation_reporting"):
        if exp.get(kind) is not None:
            out[kind].add(exp[kind])
    return out


def predicted_keys(facts) -> dict[str, set]:
    out: dict[str, set] = {k: set() for k in KINDS}
    for f in facts:
        if f.kind == "member" and f.party:
            out["member"].add(f.party)
            if f.partial:
                out["partial"].add(f.party)
        elif f.kind == "absent" and f.party:
            out["absent"].add(f.party)
        elif f.kind == "group" and f.group_type:
            out["group"].add(f.group_type)
        elif f.kind in ("agreement_status", "deviation_reporting") and f.status:
            out[f.kind].add(f.status)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=None,
        help="the held-out YAML file (default tests/heldout/surveys.yaml)",
    )
    ap.add_argument("--set", type=Path, default=DEFAULT_SET, help="the held-out YAML file")
    ap.add_argument("-v", "--verbose", action="store_true", help="list fn and fp per entry")
    args = ap.parse_args(argv)
    if args.path is not None:
        args.set = args.path
    if not args.set.is_absolute() and not args.set.exists() and (ROOT / args.set).exists():
        args.set = ROOT / args.set  # a repo-relative path works from any directory
    args.set = args.set.resolve()

    entries = yaml.safe_load(args.set.read_text(encoding="utf-8")) or []
    try:
        from loaders.extract import extract_text
    except Exception as exc:  # noqa: BLE001 - report and exit 0
        print(f"cannot import loaders.extract.extract_text: {exc}")
        return 0

    counts = {k: dict.fromkeys(TP_FP_FN, 0) for k in KINDS}
    problems: dict[str, list[str]] = defaultdict(list)
    errors = 0
    for e in entries:
        try:
            facts = extract_text(
                e["text"],
                source=e["id"],
                kommun=e.get("kommun"),
                question=e.get("question"),
                respondent=e.get("respondent"),
            )
        except Exception as exc:  # noqa: BLE001 - an error scores as all misses
            facts = []
            errors += 1
            problems[e["id"]].append(f"ERROR {type(exc).__name__}: {exc}")
        exp, got = expected_keys(e), predicted_keys(facts)
        for k in KINDS:
            tp, fp, fn = exp[k] & got[k], got[k] - exp[k], exp[k] - got[k]
            counts[k]["tp"] += len(tp)
            counts[k]["fp"] += len(fp)
            counts[k]["fn"] += len(fn)
            problems[e["id"]] += [f"miss {k}: {v}" for v in sorted(fn)]
            problems[e["id"]] += [f"fp   {k}: {v}" for v in sorted(fp)]

    shown = args.set.relative_to(ROOT) if args.set.is_relative_to(ROOT) else args.set
    err = f", {errors} errors" if errors else ""
    print(f"held-out set: {shown}  ({len(entries)} entries{err})")
    print(prf_table(counts, width=20)[0])

    if args.verbose:
        by_id = {e["id"]: e for e in entries}
        for eid in (e["id"] for e in entries):
            if problems[eid]:
                print(
                    f"\n{eid} ({by_id[eid].get('kommun')}, {by_id[eid].get('question')}): "
                    f"{by_id[eid]['text'].strip()}"
                )
                for line in problems[eid]:
                    print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
