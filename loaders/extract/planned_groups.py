"""A group only planned is no group the text says exists (tests/realtext/README.md: ``group``
lists the groups the text says exist; a centre only planned gives no group and no member): a
sentence where a word of a plan or a modal (``members.group_plan_words``: "ska", "vill",
"planerar", "tanken", "förslaget") stands anywhere before a verb that forms a group
(``members.group_start_verbs``: "bilda", "starta", "inrätta", "tillsätta", "bygga upp")
speaks of a group (or a collaboration) to come, and its groups and members go ("En
styrgrupp med socialchefen och skolchefen ska bildas under hösten", "Nämnden vill bygga upp
ett team med företrädare för …"). A group formed around one child as a practice is
casework, not a plan ("Vid behov ska ett team bildas kring barnet":
``members.group_plan_practice``), and "kan" is no plan word ("… så att ett team kan bildas
runt barnet"). A group the document names again in a sentence of its own is read there.

>>> from loaders.extract.vocabulary import load_vocabulary
>>> v = load_vocabulary()
>>> planned_group("Planen är att bilda en arbetsgrupp med skolan och BUP.", v)
True
>>> planned_group("Arbetsgruppen bildades 2019 av skolan och BUP.", v)
False
>>> planned_group("Vid behov ska ett team bildas kring barnet.", v)
False
"""

from __future__ import annotations

from .spans import _words
from .terms import _fold
from .triggers import triggered_by
from .vocabulary import Vocabulary

__all__ = ["planned_group"]


@triggered_by("extra.group_start_verbs", empty=bool)
def planned_group(text: str, v: Vocabulary) -> bool:
    """Whether a sentence speaks of a group to come (see the module)."""
    words = [_fold(w) for w, _, _ in _words(text)]
    x = v.extra
    if not any(w in x.group_start_verbs for w in words):
        return False
    if any(w in x.group_plan_practice for w in words):
        return False
    plans = [i for i, w in enumerate(words) if w in x.group_plan_words]
    return bool(plans) and any(w in x.group_start_verbs for w in words[plans[0] + 1 :])
