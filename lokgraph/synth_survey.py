"""The synthetic truth written as survey answers: a Word dump and the facts it should give.

>>> from lokgraph.synth import synth_truth
>>> dump = synth_survey_dump(synth_truth(3, 1), 1)
>>> dump.splitlines()[0]
'\\tKommun'
>>> sum(len(v) for v in expected_facts(synth_truth(3, 1)).values()) > 0
True
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from .synth import (
    ABSENCE_TEXT,
    DEVIATION_TEXT,
    FILLER,
    QUESTION_TEXTS,
    STATUS_TEXT,
    SURFACE,
    SynthKommun,
)

__all__ = ["expected_facts", "synth_survey_dump"]


def _surface(rng: random.Random, party: str) -> str:
    return rng.choice(SURFACE[party])


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " och " + words[-1]


def _answers(rng: random.Random, t: SynthKommun) -> list[list[str]]:
    """Six answer cells (lists of paragraphs) that state the truth's surveyed part in Swedish."""
    q1 = [rng.choice(STATUS_TEXT[t.lok_status])]
    q2: list[str] = []
    q4: list[str] = []
    for g in (g for g in t.groups if g.in_survey):
        word = g.name.removesuffix(f", {t.kommun.name}").removesuffix(f" {t.kommun.name}")
        if word[1:2].islower():
            word = word[0].lower() + word[1:]
        team = "team" in word.lower()
        article, definite = ("ett", "teamet") if team else ("en", "gruppen")
        if g.group_type == "polsam":
            article, definite, word = "", "Polsam", "Polsam"
        full = _join([_surface(rng, p) for p in g.members if p not in g.partial])
        intro = {"politisk": "På politisk nivå finns", "strategisk": "På strategisk nivå finns"}
        opening = intro.get(g.level) or rng.choice(("Vi har", "Det finns"))
        q2.append(
            " ".join(w for w in (opening, article, word) if w) + f" med representanter från {full}."
        )
        if g.partial:
            partial = _join([_surface(rng, p) for p in g.partial])
            q2.append(f"Vid behov deltar även {partial} i {definite}.")
        for party, reason in g.absent:
            template = rng.choice(ABSENCE_TEXT[reason])
            name = _surface(rng, party)
            q4.append(template.format(p=name, P=name[0].upper() + name[1:], g=word))
    q3 = [rng.choice(FILLER)]
    q5 = [rng.choice(DEVIATION_TEXT[t.deviation])]
    q6 = [rng.choice(FILLER)] if rng.random() < 0.5 else []
    return [q1, q2, q3, q4 or ["Inga särskilda svårigheter just nu."], q5, q6]


def synth_survey_dump(truth: Iterable[SynthKommun], seed: int = 1) -> str:
    """The survey as a Word table dumped to text (the format of the county surveys).

    A kommun that did not answer keeps its row with empty cells, as real dumps do.
    """
    rng = random.Random(seed)
    lines = ["\tKommun"]
    lines += [f"\t{q}" for q in QUESTION_TEXTS]
    for t in truth:
        lines.append(f"\t{t.kommun.name}")
        cells = _answers(rng, t) if t.answered else [[] for _ in QUESTION_TEXTS]
        for paragraphs in cells:
            lines.append("\t" + (paragraphs[0] if paragraphs else ""))
            lines.extend(paragraphs[1:])
    return "\n".join(lines) + "\n"


def expected_facts(truth: Iterable[SynthKommun]) -> dict[str, set[tuple]]:
    """What an extractor should find in `synth_survey_dump`, per fact kind, for scoring."""
    expected: dict[str, set[tuple]] = {
        "member": set(),
        "absent": set(),
        "group": set(),
        "agreement_status": set(),
        "deviation_reporting": set(),
    }
    for t in truth:
        if not t.answered:
            continue
        name = t.kommun.name
        expected["agreement_status"].add((name, t.lok_status))
        expected["deviation_reporting"].add((name, t.deviation))
        for g in (g for g in t.groups if g.in_survey):
            expected["group"].add((name, g.group_type))
            expected["member"].update((name, p) for p in g.members)
            expected["absent"].update((name, p) for p, _ in g.absent)
    return expected
