"""`lokgraph gaps` in a terminal: a summary line per kommun, the quotes with --kommun."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from tests.cli_run import lokgraph


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    assert lokgraph("demo", "--out", folder).returncode == 0
    return folder / "lokgraph-store.json"


def test_the_summary_has_one_row_per_kommun_with_the_counts_of_gaps_json(store):
    found = json.loads(lokgraph("gaps", "--json", "--store", store).stdout)
    per_kommun = Counter(g["kommun"] or "Hela området" for g in found)
    result = lokgraph("gaps", "--store", store)
    assert result.returncode == 0, result
    text = result.stdout
    header = text.splitlines()[0]
    assert "specialist" in header and "LÖK" in header and "enda länk" in header
    totals = {
        line[: header.index("specialist")].strip(): int(line.split()[-1].replace(" ", ""))
        for line in text.splitlines()[1 : text.splitlines().index("")]
    }
    assert totals == dict(per_kommun)
    assert f"{len(found)} luckor i" in text
    assert "lokgraph gaps --kommun" in text
    quotes = [e["quote"] for g in found for e in g["evidence"] if len(e["quote"]) > 20]
    assert quotes and not any(q[:40] in text for q in quotes)


def test_one_kommun_shows_every_gap_with_its_quote(store):
    found = json.loads(lokgraph("gaps", "--json", "--store", store).stdout)
    kommun, _ = Counter(g["kommun"] for g in found if g["kommun"]).most_common(1)[0]
    result = lokgraph("gaps", "--kommun", kommun, "--store", store)
    assert result.returncode == 0, result
    assert "citat" in result.stdout and "totalt" not in result.stdout.splitlines()[0]
    mine = [g for g in found if g["kommun"] == kommun]
    assert f"{len(mine)} lucka" in result.stdout or f"{len(mine)} luckor" in result.stdout


def test_one_kind_summarises_in_one_column(store):
    result = lokgraph("gaps", "--kind", "lok_status", "--store", store)
    assert result.returncode == 0, result
    assert result.stdout.splitlines()[0].split() == ["kommun", "LÖK", "totalt"]
