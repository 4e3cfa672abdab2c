"""A partial member who is also reported hard to engage keeps its gap (issue #11): the
missing_specialist query, the coverage matrix and the report read it the same way, through
`lokgraph.presence`."""

from __future__ import annotations

import doctest
import html

import pytest

import lokgraph.presence
from lokgraph.presence import is_partial_gap, presence
from queries.missing_specialist import missing_specialist
from tests.test_queries import dalarna_survey_graph
from visualizations.matrix import coverage
from visualizations.report import report_html


@pytest.fixture(scope="module")
def dalarna():
    return dalarna_survey_graph()


def test_the_presence_examples_run():
    assert doctest.testmod(lokgraph.presence).failed == 0


@pytest.mark.parametrize(
    ("links", "expected", "gap"),
    [
        ([("partial", "arbetsgrupp"), ("absent", None)], "partial", True),
        ([("partial", "arbetsgrupp")], "partial", False),
        ([("partial", "arbetsgrupp"), ("member", "styrgrupp"), ("absent", None)], "member", False),
        ([("member", None), ("partial", "arbetsgrupp"), ("absent", None)], "member", False),
        ([("member", "samverkan"), ("absent", None)], "member", False),
        ([("absent", "styrgrupp")], "absent", False),
    ],
)
def test_presence_and_partial_gap(links, expected, gap):
    assert presence(links) == expected
    assert is_partial_gap(links) is gap


def test_vansbro_partial_and_hard_to_engage_specialists_are_gaps_with_both_quotes(dalarna):
    gaps = {g.party: g for g in missing_specialist(dalarna, kommun="Vansbro")}
    for party in ("BUP", "HAB"):
        gap = gaps[party]
        assert gap.status == "partial_hard_to_engage"
        quotes = [e.quote for e in gap.evidence]
        assert any("delaktighet" in q for q in quotes)  # takes part only in some parts
        assert any(q.startswith("Att få med BUP och HAB") for q in quotes)  # hard to engage
        assert "deltar bara delvis i Vansbro" in gap.detail


def test_the_matrix_and_the_report_agree_with_the_query(dalarna):
    row = next(r for r in coverage(dalarna) if r.kommun == "Vansbro")
    for party in ("BUP", "HAB"):
        cell = row.cells[party]
        assert cell.status == "partial"
        assert {link.relation for link in cell.links} >= {"partial", "absent"}
    page = html.unescape(report_html(dalarna))
    assert "BUP deltar bara delvis i Vansbro och rapporteras svår att få med" in page
    assert "HAB deltar bara delvis i Vansbro och rapporteras svår att få med" in page


def test_no_other_dalarna_kommun_changes_by_the_new_reading(dalarna):
    partial_gaps = {
        (g.kommun, g.party)
        for g in missing_specialist(dalarna)
        if g.status == "partial_hard_to_engage"
    }
    assert partial_gaps == {("Vansbro", "BUP"), ("Vansbro", "HAB"), ("Vansbro", "SPECIALIST")}
