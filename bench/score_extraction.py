"""Score the Swedish text extractor against the annotated expectations in tests/expectations/.

Each expectations file names a seed document (read from ../shared/seeds, or from the folder in
the ``LOKGRAPH_SEEDS`` environment variable), the loader that reads it, and per kommun the codes
a careful reader finds: LÖK status, members, absent parties, groups, governance, deviation
reporting. The extractor runs on the real document; per fact kind the script counts the
(kommun, code) pairs it gets right (tp), adds (fp) and misses (fn), and prints precision and
recall as a table, plus the overall (micro) figures. It always exits 0.

A second table scores the synthetic survey of ``lokgraph.synth`` (written by another author's
generator, with its own truth) as a check that the rules are not fitted to one survey.

    python bench/score_extraction.py            # the tables
    python bench/score_extraction.py --details  # and every fp / fn per kommun
    python bench/score_extraction.py --synth 0  # skip the synthetic survey
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from loaders.extract import extract_answers, extract_text  # noqa: E402
from lokgraph.facts import Fact  # noqa: E402

__all__ = [
    "KINDS",
    "Score",
    "expectation_files",
    "seeds_dir",
    "run_expectation",
    "predicted_sets",
    "expected_sets",
    "score_file",
    "score_synthetic",
    "main",
]

#: Scored kinds: the key in the expectations file → the row name in the table.
KINDS: dict[str, str] = {
    "members": "member",
    "partial": "member (partial)",
    "member_kommuner": "member (kommun)",
    "absent": "absent",
    "groups": "group",
    "governance": "group governance",
    "agreement_status": "agreement_status",
    "deviation_reporting": "deviation_reporting",
}


@dataclass
class Score:
    """Counts of one fact kind, with the pairs behind them."""

    tp: set = field(default_factory=set)
    fp: set = field(default_factory=set)
    fn: set = field(default_factory=set)

    @property
    def precision(self) -> float:
        found = len(self.tp) + len(self.fp)
        return len(self.tp) / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = len(self.tp) + len(self.fn)
        return len(self.tp) / wanted if wanted else 1.0


def seeds_dir() -> Path:
    """Where the seed documents are: $LOKGRAPH_SEEDS, else ../shared/seeds beside the repo."""
    env = os.environ.get("LOKGRAPH_SEEDS")
    return Path(env) if env else ROOT.parent / "shared" / "seeds"


def expectation_files() -> list[Path]:
    return sorted((ROOT / "tests" / "expectations").glob("*.yaml"))


def load_expectation(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run_expectation(expectation: dict) -> list[Fact]:
    """The extractor's facts on the document an expectations file is about."""
    path = seeds_dir() / expectation["source"]
    loader = expectation.get("loader", "survey_dump")
    if loader == "survey_dump":
        from loaders.survey_dump import load_survey_dump

        return extract_answers(load_survey_dump(path).answers)
    if loader == "text":
        return extract_text(
            path.read_text(encoding="utf-8"), source=path.name, kommun=expectation.get("kommun")
        )
    raise ValueError(f"unknown loader {loader!r} in expectations; use survey_dump or text")


def predicted_sets(facts: Iterable[Fact]) -> dict[str, set[tuple[str, str]]]:
    """(kommun, code) pairs per scored kind, from extracted facts."""
    out: dict[str, set[tuple[str, str]]] = {k: set() for k in KINDS}
    for f in facts:
        k = f.kommun or ""
        if f.kind == "member" and f.party:
            out["members"].add((k, f.party))
            if f.partial:
                out["partial"].add((k, f.party))
        elif f.kind == "member" and f.member_kommun:
            out["member_kommuner"].add((k, f.member_kommun))
        elif f.kind == "absent" and f.party:
            out["absent"].add((k, f.party))
        elif f.kind == "group" and f.group_type:
            out["groups"].add((k, f.group_type))
            if f.governed_by:
                out["governance"].add((k, f"{f.group_type}<{f.governed_by}"))
        elif f.kind == "agreement_status" and f.status:
            out["agreement_status"].add((k, f.status))
        elif f.kind == "deviation_reporting" and f.status:
            out["deviation_reporting"].add((k, f.status))
    return out


def expected_sets(expectation: dict) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {k: set() for k in KINDS}
    for kommun, wanted in (expectation.get("kommuner") or {}).items():
        for key in KINDS:
            for code in wanted.get(key) or ():
                out[key].add((kommun, str(code)))
    return out


def score_file(path: Path) -> dict[str, Score]:
    """Scores per kind for one expectations file; only its kommuner (and non-respondents) count."""
    expectation = load_expectation(path)
    scope = set(expectation.get("kommuner") or {}) | set(expectation.get("non_respondents") or ())
    predicted = predicted_sets(run_expectation(expectation))
    expected = expected_sets(expectation)
    scores: dict[str, Score] = {}
    for key in KINDS:
        got = {p for p in predicted[key] if p[0] in scope}
        want = expected[key]
        scores[key] = Score(got & want, got - want, want - got)
    return scores


def score_synthetic(n_kommuner: int = 49, seed: int = 1) -> dict[str, Score]:
    """Scores on the synthetic survey dump of ``lokgraph.synth`` against its own truth."""
    import tempfile

    from loaders.survey_dump import load_survey_dump
    from lokgraph.synth import synth_truth
    from lokgraph.synth_survey import expected_facts, synth_survey_dump

    truth = synth_truth(n_kommuner, seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synth.txt"
        path.write_text(synth_survey_dump(truth, seed), encoding="utf-8")
        predicted = predicted_sets(extract_answers(load_survey_dump(path).answers))
    names = {
        "members": "member",
        "absent": "absent",
        "groups": "group",
        "agreement_status": "agreement_status",
        "deviation_reporting": "deviation_reporting",
    }
    expected = expected_facts(truth)
    scores = {}
    for key, kind in names.items():
        got, want = predicted[key], expected[kind]
        scores[key] = Score(got & want, got - want, want - got)
    return scores


def _table(scores: dict[str, Score]) -> str:
    lines = [f"{'kind':<22}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}"]
    lines.append("-" * len(lines[0]))
    total = Score()
    for key, name in KINDS.items():
        if key not in scores:
            continue
        s = scores[key]
        lines.append(
            f"{name:<22}{len(s.tp):>5}{len(s.fp):>5}{len(s.fn):>5}"
            f"{s.precision:>11.3f}{s.recall:>8.3f}"
        )
        total.tp |= {(key, *p) for p in s.tp}
        total.fp |= {(key, *p) for p in s.fp}
        total.fn |= {(key, *p) for p in s.fn}
    lines.append("-" * len(lines[0]))
    lines.append(
        f"{'overall':<22}{len(total.tp):>5}{len(total.fp):>5}{len(total.fn):>5}"
        f"{total.precision:>11.3f}{total.recall:>8.3f}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every fp and fn")
    parser.add_argument(
        "--synth",
        type=int,
        default=49,
        metavar="N",
        help="also score the synthetic survey of N kommuner (0: skip; default 49)",
    )
    args = parser.parse_args(argv)
    files = expectation_files()
    if not files:
        print("no expectations in tests/expectations/")
    combined: dict[str, Score] = {k: Score() for k in KINDS}
    for path in files:
        try:
            scores = score_file(path)
        except FileNotFoundError as err:
            print(f"{path.name}: skipped, seed not found ({err.filename})")
            continue
        print(f"\n{path.name}")
        print(_table(scores))
        if args.details:
            _print_details(scores)
        for key, s in scores.items():
            combined[key].tp |= {(path.name, *p) for p in s.tp}
            combined[key].fp |= {(path.name, *p) for p in s.fp}
            combined[key].fn |= {(path.name, *p) for p in s.fn}
    if len(files) > 1:
        print("\nall files")
        print(_table(combined))
    if args.synth > 0:
        scores = score_synthetic(args.synth)
        print(f"\nsynthetic survey (lokgraph synth, {args.synth} kommuner, seed 1)")
        print(_table(scores))
        if args.details:
            _print_details(scores)
    return 0


def _print_details(scores: dict[str, Score]) -> None:
    """The false positives and misses of each kind, one a line."""
    for key, s in scores.items():
        for label, pairs in (("fp", s.fp), ("fn", s.fn)):
            for kommun, code in sorted(pairs):
                print(f"  {label} {KINDS[key]:<20} {kommun:<14} {code}")


if __name__ == "__main__":
    sys.exit(main())
