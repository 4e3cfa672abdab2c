""" "Avtal" as an agreement: only in the sense of a collaboration between the principals.

A bare "avtal" is as often a purchase, a lease or a contract with a provider as an agreement on
collaboration, so the vocabulary does not list it among ``agreement.words``. It is one where
the words around it say so (``agreement.contract_frames``): a qualifier before it that makes
it joint or county-wide ("ett länsövergripande avtal", "gemensamt avtal"), a side or a topic
after it ("avtal med regionen", "avtalet mellan …", "avtal om samverkan", "avtal om hur …"), or
a subject of ``agreement.subjects`` near it ("ett avtal om hur arbetet i barnahuset ska gå
till"). Compounds on a collaboration word ("samarbetsavtal") are agreement words of their own.
The frames are composed at load into agreement words, so a
planner adds a qualifier or a side once.

>>> t = contract_terms({"contracts": ["avtal*"], "before": ["gemensam*"], "after": ["med region*"]},
...                    ["barnahus*"], "x")
>>> [x.text for x in t]
['gemensam* avtal*', 'avtal* med region*', 'avtal* ... barnahus*', 'barnahus* ... avtal*']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from lokgraph.errors import InputError

from .terms import Term, _compile_term

__all__ = ["contract_terms"]


def contract_terms(
    frames: Mapping[str, Any] | None, subjects: Iterable[Any], source: str
) -> tuple[Term, ...]:
    """The agreement words composed of ``agreement.contract_frames`` and the subjects."""
    if not frames:
        return ()
    if not isinstance(frames, dict):
        raise InputError("'agreement: contract_frames' must have headings", where=source)
    unknown = set(frames) - {"contracts", "before", "after"}
    if unknown:
        raise InputError(
            f"unknown heading {sorted(unknown)[0]!r} under 'agreement: contract_frames'",
            where=source,
            fix="Use contracts, before or after",
        )
    texts: list[str] = []
    for contract in frames.get("contracts") or ():
        texts += [f"{b} {contract}" for b in frames.get("before") or ()]
        texts += [f"{contract} {a}" for a in frames.get("after") or ()]
        for subject in subjects:
            texts += [f"{contract} ... {subject}", f"{subject} ... {contract}"]
    return tuple(_compile_term(t, "agreement") for t in dict.fromkeys(texts))
