"""The benchmark's registry: a measure is a small function of a `Context`, registered with
`@measure`; the registry's order is the table's order (see bench/measures.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from bench.timing import best_of

__all__ = ["DALARNA", "MEASURES", "Context", "Measure", "measure", "whole_process"]

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
DALARNA = SEEDS / "000_06d682ea16d55562.txt"


@dataclass(frozen=True)
class Measure:
    key: str
    title: str
    fn: Callable[[Context], float | None]
    fmt: str = "{:.3f}"
    once: bool = False  # once per run, not per size
    stage: bool = False  # a time that should grow no faster than the data: print its exponent
    floor: bool = False  # a floor for a ratio: its exponent is printed, but it is not a stage
    bolt: bool = False  # needs the Neo4j server


MEASURES: list[Measure] = []


def measure(key: str, title: str, fmt: str = "{:.3f}", **flags: bool):
    """Register a measure; the registry's order is the table's order."""

    def register(fn: Callable[[Context], float | None]):
        MEASURES.append(Measure(key, title, fn, fmt, **flags))
        return fn

    return register


def _lokgraph() -> str:
    """The installed console script beside this Python (what a planner runs)."""
    here = Path(sys.executable).parent / "lokgraph"
    return str(here) if here.exists() else (shutil.which("lokgraph") or "lokgraph")


#: Runs one command and writes its wall time, peak memory and exit code to a file. A process
#: started straight from the benchmark would inherit the benchmark's own peak: Linux counts the
#: memory of the (v)forked parent towards the child's peak until and across exec. This small
#: process (no site packages) starts the command instead, so the peak is the command's own.
_LAUNCHER = """
import json, os, sys, time
out, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(out, "w") as f:
    json.dump([wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status)], f)
"""


def whole_process(
    argv: list[str], *, repeats: int, warmup: int = 0, before: Callable[[], object] | None = None
) -> tuple[float, float]:
    """The fastest wall time (s) of a whole process over `repeats` runs, and its peak memory
    (MB, the largest of the runs), its output thrown away. A failing command raises."""
    best, peak = float("inf"), 0.0
    program = shutil.which(argv[0]) or argv[0]
    with tempfile.TemporaryDirectory() as folder:
        result, errors = Path(folder) / "result.json", Path(folder) / "stderr.txt"
        for i in range(warmup + max(1, repeats)):
            if before is not None:
                before()
            with errors.open("wb") as stderr:
                launcher = [sys.executable, "-S", "-c", _LAUNCHER, str(result), program, *argv[1:]]
                subprocess.run(launcher, stdout=subprocess.DEVNULL, stderr=stderr, check=True)
            elapsed, maxrss, code = json.loads(result.read_text(encoding="utf-8"))
            if code != 0:
                message = errors.read_text(encoding="utf-8", errors="replace")
                raise RuntimeError(f"{' '.join(argv)} exited {code}:\n{message}")
            if i >= warmup:
                best = min(best, elapsed)
                peak = max(peak, maxrss / 1024)
    return best, peak


class Context:
    """What the measures of one size share, each made once when first asked for."""

    def __init__(self, n: int, *, seed: int, repeats: int, warmup: int) -> None:
        self.n, self.seed, self.repeats, self.warmup = n, seed, repeats, warmup
        self.work = Path(tempfile.mkdtemp(prefix="lokgraph-bench-"))
        self.values: dict[str, object] = {}  # results a later measure reuses (an HTML page)

    def best(self, fn: Callable[[], object], repeats: int | None = None) -> float:
        return best_of(fn, self.repeats if repeats is None else repeats)[0]

    def whole(self, *args: str, before: Callable[[], object] | None = None) -> tuple[float, float]:
        """A lokgraph command as a planner runs it: (best wall s, peak MB)."""
        return whole_process(
            [_lokgraph(), *args], repeats=self.repeats, warmup=self.warmup, before=before
        )

    @cached_property
    def truth(self):
        from lokgraph.synth import synth_truth

        return synth_truth(self.n, self.seed)

    @cached_property
    def survey_path(self) -> Path:
        from lokgraph.synth_survey import synth_survey_dump

        path = self.work / "enkat.txt"
        path.write_text(synth_survey_dump(self.truth, self.seed), encoding="utf-8")
        return path

    @cached_property
    def survey(self):
        from loaders.extract import load_vocabulary
        from loaders.survey_dump import load_survey_dump

        load_vocabulary()  # compiled once, as in a long-running import
        return load_survey_dump(self.survey_path)

    @cached_property
    def curated(self):
        from lokgraph.synth import synth_structure

        return synth_structure(self.truth)

    @cached_property
    def source_and_base(self):
        from lokgraph.from_facts import survey_source

        survey = self.survey
        return survey_source(
            path=str(self.survey_path),
            title=survey.title,
            surveyed=survey.surveyed,
            answered=sorted({a.kommun for a in survey.answers if a.kommun}),
        )

    @cached_property
    def facts(self) -> list:
        from loaders.extract import extract_answers

        start = time.perf_counter()
        facts = extract_answers(self.survey.answers)
        self.values["extract_s"] = time.perf_counter() - start
        return facts

    def build(self):
        """Facts and the curated structure to a graph: what lokgraph does after extraction."""
        from lokgraph.from_facts import facts_to_structure
        from lokgraph.graph import build_graph, merge

        source, base = self.source_and_base
        graph = build_graph(self.curated)
        merge(graph, base + facts_to_structure(self.facts, source=source))
        return graph

    @cached_property
    def graph(self):
        return self.build()

    @cached_property
    def store_path(self) -> Path:
        from lokgraph.store import FileStore

        path = self.work / "store.json"
        FileStore(path).save(self.graph)
        return path
