"""Tables of agreements: a table whose first row names agreements lists one agreement a row.

A kommun or region page often lists its agreements as a table ("Avtal/överenskommelse |
Parter | Gäller"). When the first row of a table (its header) names an agreement word or a
contract word (``agreement.words``, ``agreement.contract_frames: contracts``), each later row
is one agreement: in force (the page lists what applies), with the dates of its cells
("2013–2015" is 2013-01-01 to 2015-12-31, "Tills vidare"), of the kind its cells give (a
subject such as "Familjecentraler" makes it another kind; one kommun and the region make a
LÖK, `agreements.kind_of`).

>>> from loaders.extract import extract_text
>>> text = ("Våra avtal\\n\\nAvtal | Parter | Gäller\\n"
...         "Barn och unga | Leksands kommun och regionen | 2020–2023\\n"
...         "Familjecentral | Leksands kommun och regionen | Tills vidare")
>>> facts = extract_text(text, source="x", kommun="Leksand")
>>> sorted((f.agreement_kind, f.status, f.valid_from, f.valid_to)
...        for f in facts if f.kind == "agreement_status")
[('LOK', 'in_force', '2020-01-01', '2023-12-31'), ('other', 'in_force', None, None)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .spans import _find
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .context import _Context
    from .sentences import Sentence

__all__ = ["agreement_row"]


def agreement_row(sentence: Sentence, v: Vocabulary, ctx: _Context) -> bool:
    """Whether a sentence is a row of a table of agreements (not its header row); notes the
    table's header as the rows are read."""
    if sentence.block != "row":
        ctx.in_table = ctx.agreement_table = False
        return False
    if not ctx.in_table:  # the header row
        ctx.in_table = True
        text = sentence.text
        ctx.agreement_table = bool(_find(v.agreement_words, text) or _find(v.extra.contracts, text))
        return False
    return ctx.agreement_table
