"""What a board's decision does to an agreement (tests/realtext/README.md, "Agreement status"):
adopting the proposal for an agreement adopts it, approving a plan to sign one leaves it in
progress, a matter sent back is in progress, and a negation inside a status phrase counts.
Every text is written for these tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import statuses


def test_adopting_the_proposal_for_an_agreement_adopts_it():
    text = "Beslut\n\nSocialnämnden antar förslaget till lokal överenskommelse med regionen."
    assert statuses(text, "Ockelbo") == {("LOK", "in_force")}


def test_approving_a_plan_to_sign_leaves_the_agreement_in_progress():
    text = "Nämnden godkände förslaget om att teckna en lokal överenskommelse med regionen."
    assert statuses(text, "Ockelbo") == {("LOK", "in_progress")}


def test_a_matter_sent_back_is_in_progress():
    text = "Beslut\n\nÄrendet om den lokala överenskommelsen återremitteras till förvaltningen."
    assert statuses(text, "Ockelbo") == {("LOK", "in_progress")}


def test_a_negation_inside_a_status_phrase_counts():
    text = "Socialnämnden har ännu inte antagit överenskommelsen med regionen."
    assert statuses(text, "Ockelbo") == {("LOK", "in_progress")}
