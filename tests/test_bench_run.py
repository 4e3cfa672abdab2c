"""bench/run.py's judging of targets and growth, on rows of our own (no time is measured)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from bench.measures import MEASURES, whole_process
from bench.run import TARGETS, exponents, judge, measures_table, targets_table


def _rows(**at_290):
    small = {"kommuner": 15, "build_s": 0.15, "build_floor_s": 0.015, "cli_gaps_s": 0.2}
    large = {"kommuner": 290, "build_s": 2.9, "build_floor_s": 0.29, "cli_gaps_s": 0.3}
    return [small, {**large, **at_290}]


def _result(results, key):
    return next(r for r in results if r["key"] == key)


def test_a_ratio_target_compares_the_measure_with_its_floor_of_the_same_run():
    build = _result(judge(_rows(), {}), "build_s")
    assert build["ratio"] == pytest.approx(10.0)
    assert build["met"] is False
    build = _result(judge(_rows(build_s=0.5), {}), "build_s")
    assert build["ratio"] == pytest.approx(0.5 / 0.29)
    assert build["met"] is True


def test_an_absolute_target_at_the_largest_size_and_an_unmeasured_one():
    once = {"python_start_s": 0.03, "cli_help_s": 0.2}
    results = judge(_rows(), once)
    assert _result(results, "cli_gaps_s")["met"] is True
    assert _result(results, "cli_gaps_s")["kommuner"] == 290
    assert _result(results, "cli_help_s")["met"] is False
    assert _result(results, "cli_help_s")["ratio"] == pytest.approx(0.2 / 0.03)
    assert _result(results, "pipeline_s")["met"] is None
    assert "not measured" in targets_table(results)


def test_the_growth_exponent_is_the_slope_in_log_log_and_linear_is_met():
    growth = exponents(_rows())
    assert growth["build_s"] == pytest.approx(1.0)
    assert growth["cli_gaps_s"] == pytest.approx(math.log(1.5) / math.log(290 / 15))
    worst = _result(judge(_rows(build_s=0.15 * (290 / 15) ** 1.5), {}), "growth")
    assert worst["measure"] == "build_s"
    assert worst["value"] == pytest.approx(1.5)
    assert worst["met"] is False


def test_a_floor_prints_its_exponent_but_is_not_a_stage_of_the_growth_target():
    rows = _rows(build_floor_s=0.015 * (290 / 15) ** 1.4)
    assert exponents(rows)["build_floor_s"] == pytest.approx(1.4)
    worst = _result(judge(rows, {}), "growth")
    assert worst["measure"] == "build_s"
    assert worst["met"] is True


def test_every_target_names_a_registered_measure_and_the_table_shows_it():
    keys = {m.key for m in MEASURES}
    assert len(keys) == len(MEASURES)
    for target in TARGETS:
        assert target.key in keys
        assert target.floor is None or target.floor in keys
    table = measures_table(_rows(), {"python_start_s": 0.03})
    assert "| build s (facts → graph) | 0.150 | 2.900 | 1.00 |" in table


def test_a_whole_process_is_timed_and_a_failing_one_raises():
    import sys

    wall, peak = whole_process([sys.executable, "-c", "pass"], repeats=1)
    assert 0 < wall < 60 and peak > 1
    with pytest.raises(RuntimeError, match="exited 3"):
        whole_process([sys.executable, "-c", "import sys; sys.exit(3)"], repeats=1)


def test_the_peak_memory_is_the_commands_own_not_the_benchmarks():
    import sys

    ballast = bytearray(300_000_000)  # the benchmark holds a national graph at 290 kommuner
    ballast[::4096] = b"x" * len(ballast[::4096])
    _, peak = whole_process([sys.executable, "-c", "pass"], repeats=1)
    assert peak < 100
    _, peak = whole_process(
        [sys.executable, "-c", "b = bytearray(150_000_000); b[::4096] = b'x' * len(b[::4096])"],
        repeats=1,
    )
    assert 150 < peak < 290


def test_the_commands_are_measured_with_their_bytecode_compiled_as_an_install_has_it():
    import importlib.util

    from bench.run import ROOT, compile_sources

    assert compile_sources()
    for module in ("lokgraph/cli.py", "loaders/extract/facts.py", "visualizations/report.py"):
        source = ROOT / module
        cached = importlib.util.cache_from_source(str(source))
        assert Path(cached).stat().st_mtime >= source.stat().st_mtime, module
