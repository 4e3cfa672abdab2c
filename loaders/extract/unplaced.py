"""Facts a pass drops: the sentences they came from stay as ``unplaced`` facts, so that the
review sheet and the import summary still show them (issue #11, "say what it could not place").

>>> from lokgraph.facts import Fact
>>> said = {"kommun": "Mora", "source": "enkät.txt"}
>>> kept = [Fact(kind="group", quote="Vi har en styrgrupp.", group_type="styrgrupp", **said)]
>>> dropped = [Fact(kind="member", quote="Familjecentralen ska öppna.", party="BVC", **said)]
>>> [(f.kind, f.quote) for f in with_unplaced(kept, dropped)]
[('group', 'Vi har en styrgrupp.'), ('unplaced', 'Familjecentralen ska öppna.')]
>>> [f.kind for f in with_unplaced(kept, [kept[0]])]
['group']
"""

from __future__ import annotations

from lokgraph.facts import Fact

__all__ = ["with_unplaced"]


def with_unplaced(kept: list[Fact], dropped: list[Fact]) -> list[Fact]:
    """``kept``, and an unplaced fact for each sentence of ``dropped`` left with none."""
    quotes = {f.quote for f in kept}
    out = list(kept)
    for f in dropped:
        if f.quote not in quotes:
            quotes.add(f.quote)
            out.append(
                Fact(
                    kind="unplaced",
                    kommun=f.kommun,
                    respondent=f.respondent,
                    question=f.question,
                    quote=f.quote,
                    source=f.source,
                )
            )
    return out
