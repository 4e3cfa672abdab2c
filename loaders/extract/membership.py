"""Membership: party words as places or topics, lists of parties, and scope breaks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .basis import collaboration_basis
from .groups import _GroupMention
from .informants import informants
from .named_topics import named_gloss
from .possessors import possessors
from .shared_places import shared_places
from .spans import WINDOW, _before, _find, _folded_between, _head, _Hit, _words, word_is_term
from .terms import _fold
from .triggers import triggered_by
from .vocabulary import Vocabulary


def _topics(
    text: str, hits: list[_Hit], roles: list[_Hit], v: Vocabulary
) -> dict[tuple[int, int], str]:
    """Party words used as a place or a topic, not as a party taking part.

    ``place``: after a preposition of ``places`` ("i skolan", "remisser till BUP"), unless a
    person or another party stands before it ("verksamhetschef på BUP", "kurator på IFO").
    ``topic``: a genitive followed by a plain word ("BUP:s väntetider", "familjecentralens
    styrgrupp"), but not by a person ("vårdcentralens chef") or "och" ("BUP:s och HAB:s").
    """
    out: dict[tuple[int, int], str] = {}
    people = [(h.start, h.end) for h in hits] + [(r.start, r.end) for r in roles]
    for h in hits:
        window = _before(text, h.start)
        m = _last_word(window)
        if m and _fold(m.group(1)) in v.grammar.correlatives_neither:
            # "hos varken BUP eller socialtjänsten": the place word stands before "varken"
            m = re.search(r"(\w[\w:-]*)\s+\w+\s+$", window) or m
        if m and _fold(m.group(1)) in v.places:
            before = text[: h.start - len(window) + m.start()].rstrip()
            person = any(e == len(before) or (s < len(before) <= e) for s, e in people)
            if not person:
                out[(h.start, h.end)] = "place"
                continue
        word = text[h.start : h.end]
        if v.grammar.genitive.search(word):
            nxt = re.match(r"\s+(\w[\w:-]*)", text[h.end :])
            if nxt is None or _fold(nxt.group(1)) in v.grammar.list_joiners:
                continue
            at = h.end + nxt.start(1)
            if any(s == at for s, _ in people):
                continue
            if _unit_follows(text[h.end :], v):
                continue  # "IFO:s mottagningsgrupp", "socialtjänstens förebyggande enhet"
            if m and _fold(m.group(1)) in v.extra.genitive_from:
                continue  # "en medarbetare från socialtjänstens råd och service"
            out[(h.start, h.end)] = "topic"
    for span in possessors(text, hits, v):  # "skolans elevhälsa": ELEVHALSA alone
        out[span] = "possessor"
    for span in informants(text, hits, v):  # "har intervjuat företrädare för BUP"
        out.setdefault(span, "informant")
    for span in shared_places(text, hits, out, v):  # "stöd i skola och förskola"
        out[span] = "place"
    return out


_PERIOD = re.compile(r"[.;:!?]")
_LAST_WORD = re.compile(r"(\w[\w:-]*)\s+$")


def _last_word(window: str) -> re.Match[str] | None:
    r"""``re.search(r"(\w[\w:-]*)\s+$", window)``, searched from the window's last word only
    (a match holds no space before its trailing ones, so it cannot start earlier).

    >>> _last_word("remisser till ").group(1), _last_word("till"), _last_word("a, b:s  ").span()
    ('till', None, (3, 8))
    """
    kept = window.rstrip()
    if len(kept) == len(window):
        return None  # no space at the end
    last = kept.rsplit(None, 1)
    return _LAST_WORD.search(window, len(kept) - len(last[-1]) if last else 0)


@triggered_by(
    "aims", "questions", "grammar.between", "valid_to_words", "extra.basis_words", empty=bool
)
def _aimed(text: str, cue: _Hit, v: Vocabulary) -> bool:
    """A member word that names an aim, not who takes part: "stärka samverkan mellan skola och
    socialtjänst", "se över hur samverkan mellan BUP och elevhälsan kan se ut"."""
    head = _head(text, cue.start)
    words = [_fold(w) for w, _, _ in _words(head)[-3:]]
    if any(w in v.aims for w in words):
        return True
    if any(cue.start <= h.start and h.end == cue.end for h in _find(v.valid_to_words, text)):
        return True  # "0–20 år till och med 2016-12-31" ("år" reads as "är"): a date, not "är med"
    # "beskriver hur elevhälsan, vårdcentralen och socialtjänsten samverkar": across commas
    # (but not "som beslutar hur arbetet ska gå till, består av …": a verb in between)
    before = _PERIOD.split(_before(text, cue.start))[-1]
    folded = _fold(before)
    if any(q in folded for q in v.questions):
        clause = [_fold(w) for w, _, _ in _words(before)]
        asked = [i for i, w in enumerate(clause) if w in v.questions]
        if asked and not set(clause[asked[-1] + 1 :]) & v.grammar.verbs:
            return True
    if not {w for w, _, _ in _words(_fold(text[cue.start : cue.end]))} & v.grammar.between:
        return False
    # "Rutinen gäller samarbetet mellan …": what a text is about
    if any(w in v.extra.topic_verbs for w in words):
        return True
    # "Samverkan mellan barnpsykiatrin och socialtjänsten" as a title, with no verb and no full
    # stop: the topic of what follows
    title = not text[: cue.start].strip() and not text.rstrip().endswith(".")
    if title and not {_fold(w) for w, _, _ in _words(text)} & v.grammar.verbs:
        return True
    if named_gloss(text, cue.start, v):  # "SSPF – samverkan mellan skola, socialtjänst …"
        return True
    if collaboration_basis(text, cue, v):  # "Modellen bygger på samverkan mellan …"
        return True
    # "Granskningen har avgränsats till samverkan mellan …", "Revisionen konstaterar att
    # samarbetet mellan … inte fungerar": an audit or an aim anywhere before it in the sentence
    if any(_fold(w) in v.aims for w, _, _ in _words(_PERIOD.split(text[: cue.start])[-1])):
        return True
    # "former för samverkan mellan …", "för bättre samverkan mellan …": a topic
    if v.grammar.topic_preposition.search(head) or v.grammar.topic_preposition.search(
        re.sub(r"[^\W\d_]+\s*$", "", head)
    ):
        return True
    # "samarbetet mellan landstinget, skolorna och kommunerna måste förbättras"
    rest = _PERIOD.split(text[cue.end : cue.end + WINDOW])[0]
    return any(_fold(w) in v.aims_after for w, _, _ in _words(rest))


def _without_glosses(text: str, parties: list[_Hit]) -> list[_Hit]:
    """Parties without the ones that only explain the party before them in brackets:
    "barnhälsovården (primärvården)" is one party, not two.

    >>> from loaders.extract.spans import _Hit
    >>> text = "barnhälsovården (primärvården) och förskolan"
    >>> hits = [_Hit("BVC", 0, 15), _Hit("VARDCENTRAL", 17, 29), _Hit("FORSKOLA", 34, 43)]
    >>> [h.key for h in _without_glosses(text, hits)]
    ['BVC', 'FORSKOLA']
    """
    out: list[_Hit] = []
    for h in parties:
        before = text[: h.start].rstrip()
        after = text[h.end :].lstrip()
        if (
            out
            and before.endswith("(")
            and after.startswith(")")
            and not text[out[-1].end : len(before) - 1].strip()
        ):
            continue
        out.append(h)
    return out


def _listed_next_to(text: str, cue: _Hit, parties: list[_Hit], v: Vocabulary) -> bool:
    """Whether two or more parties stand as a list right before or right after a word.

    >>> from loaders.extract import load_vocabulary
    >>> from loaders.extract.spans import _Hit
    >>> v = load_vocabulary()
    >>> text = "Skola, polis och IFO samverkar"
    >>> _listed_next_to(text, _Hit("m", 21, 30), [_Hit("SKOLA", 0, 5), _Hit("IFO", 17, 20)], v)
    True
    """

    def joined(gap: str) -> bool:
        words = _words(gap)
        if len(words) > 2 or any(_fold(w) in v.grammar.verbs for w, _, _ in words):
            return False
        return "," in gap or any(_fold(w) in v.grammar.list_joiners for w, _, _ in words)

    count, pos = 0, cue.start
    for p in sorted((p for p in parties if p.end <= cue.start), key=lambda h: -h.end):
        gap = text[p.end : pos]
        if not (not gap.strip() if count == 0 else joined(gap)):
            break
        count, pos = count + 1, p.start
    if count >= 2:
        return True
    count, pos = 0, cue.end
    for p in sorted((p for p in parties if p.start >= cue.end), key=lambda h: h.start):
        gap = text[pos : p.start]
        if not (not gap.strip() if count == 0 else joined(gap)):
            break
        count, pos = count + 1, p.end
    return count >= 2


def _words_of(text: str) -> set[str]:
    return {_fold(w) for w, _, _ in _words(text)}


def _unit_follows(rest: str, v: Vocabulary) -> bool:
    """Whether the next word names a part of a service ("öppenvård"), also after an
    adjective or a "barn- och" ("förebyggande enhet", "barn- och ungdomsenhet"), but not
    after a noun ("väntetider för enheten")."""
    head = re.split(r"[,;:.!?()]", rest)[0]
    words = re.findall(r"\w[\w-]*", head)[:4]
    i = 0
    while i < len(words):
        if word_is_term(v.unit_words, words[i]):
            # "familjecentralens styrgrupp" is a group of its own, not a unit
            return not word_is_term(v.groups, words[i])
        if (
            words[i].endswith("-")
            and i + 1 < len(words)
            and _fold(words[i + 1]) in v.grammar.list_joiners
        ):
            i += 2  # "barn- och ungdomsenhet"
        elif i == 0 and v.grammar.adjective.search(_fold(words[i])):
            i += 1  # "förebyggande enhet", "psykiatriska mottagning"
        else:
            return False
    return False


#: what `_list_after` steps over: the gap before an item, a word that is no party, the word
#: after it (matched where the list has come to, not on a copy of the rest of the text)
_LIST_GAP = re.compile(r"[\s,]*")
_LIST_WORD = re.compile(r"\w[\w:.-]*\w|\w")
_LIST_NEXT = re.compile(r"\s+(\w+)")


def _list_after(
    text: str,
    start: int,
    listed: list[_Hit],
    roles: list[_Hit],
    stops: list[_Hit],
    v: Vocabulary,
    *,
    first: bool = False,
) -> tuple[int, int] | None:
    """The span of a list of parties that starts at ``start`` ("socialchef, skolchef och
    vårdcentralens chef", "representanter från IFO samt verksamhetschef på BUP"), from its
    first to its last party; None when no party comes before a word that is not a list word.
    With ``first``, the list may not open with "och", "även" … ("utan även HAB" is no list)."""
    fillers = _find(v.list_words, text)
    pos = start
    found: tuple[int, int] | None = None
    previous_party = False
    opening = True
    while pos < len(text):
        gap = _LIST_GAP.match(text, pos)
        assert gap is not None  # the pattern may be empty: it always matches
        if "," in gap.group() and opening and first:
            return None
        pos = gap.end()
        if pos >= len(text):
            break
        if any(s.start == pos for s in stops):
            break
        hit = max((h for h in listed if h.start == pos), key=lambda h: h.end, default=None)
        if hit is not None:
            found = (found[0] if found else hit.start, hit.end)
            pos = hit.end
            previous_party = True
            opening = False
            continue
        word = _LIST_WORD.match(text, pos)
        if word is None:
            break
        options = [h for h in roles + fillers if h.start == pos]
        if options:
            filler = max(options, key=lambda h: h.end)
            if opening and _fold(text[filler.start : filler.end]) in v.grammar.list_non_openers:
                return None
            pos = filler.end
            previous_party = False
            opening = False
            continue
        if previous_party and word.group()[0].isupper():
            pos = word.end()  # "BUP Värmland", "Närhälsan Kungshamn"
            continue
        if previous_party and _unit_follows(text[pos:], v):
            # "IFO:s mottagningsgrupp", "socialtjänstens förebyggande enhet"
            head = re.split(r"[,;:.!?()]", text[pos:])[0]
            units = [
                m.end()
                for m in list(re.finditer(r"\w[\w-]*", head))[:4]
                if word_is_term(v.unit_words, m.group())
            ]
            if units:
                pos += units[0]
                continue
        nxt = _LIST_NEXT.match(text, word.end())
        if found and nxt and _fold(nxt.group(1)) in v.grammar.person_of:
            pos = word.end()  # a person not in the vocabulary: "fältassistent från IFO"
            previous_party = False
            opening = False
            continue
        break
    return found


def _scope_break(
    text: str,
    party: _Hit,
    cue: _Hit,
    v: Vocabulary,
    groups: Sequence[_GroupMention] = (),
    backward: Sequence[_Hit] = (),
) -> bool:
    """Whether a subordinate clause opens between a member word and a party after it, so
    that the word is not about the party: "deltar i utbildningar som BUP håller", "består av
    … och har beslutat att bjuda in BUP". The "som" of "såväl … som" is no break."""
    lo, hi = cue.end, party.start
    if lo >= hi and v.grammar.between & _words_of(text[cue.start : cue.end]):
        # "Ungdomsmottagningarna bedrivs i samverkan mellan kommunerna och regionen": the
        # parties of "samverkan mellan" are the ones after it
        return True
    if lo >= hi:
        # a member word after the party: "Styrgruppen ansvarar för att elevhälsan och
        # vårdcentralen samarbetar" is about a task of the group, not its members (but "…
        # har bestämt att skolan ska vara en del av SIP-arbetet" names the group after it)
        before = [g for g in groups if g.hit.end <= party.start]
        if not before or cue.start < party.end:
            return False
        if any(b.start < cue.end and cue.start < b.end for b in backward) and any(
            g.hit.start >= cue.end for g in groups
        ):
            return False
        between = _words_of(text[before[-1].hit.end : party.start])
        return bool(between & v.grammar.task_openers)
    examples = list(v.grammar.example_marker.finditer(text, lo, hi))
    if examples:
        lo = examples[-1].end()  # "… som riktlinjerna gäller, till exempel skolan"
    words = _folded_between(text, lo, hi)
    breaks = set(v.scope_breaks)
    if v.grammar.correlatives & set(_folded_between(text, max(0, hi - 400), hi)):
        breaks -= v.grammar.correlative_partner
    if not any(w in breaks for w in words):
        return False
    # "den rektor som ansvarar för elevstödet, en rektor från grundskolan samt en chef från
    # HAB": a relative clause closed by a comma, and the list goes on with no verb
    comma = text.rfind(",", lo, hi)
    if comma < 0:
        return True
    head, tail = _folded_between(text, lo, comma), _folded_between(text, comma, hi)
    relative = {w for w in head if w in breaks} <= v.grammar.relatives
    return not (relative and not set(tail) & (breaks | v.grammar.verbs))


def _in_lists(text: str, candidates: list[_Hit], parties: list[_Hit], v: Vocabulary) -> list[_Hit]:
    """The candidates that stand as an item in a list of parties: right before or after
    another party with only a comma, a list joiner or "för" between ("IFO, vård och omsorg,
    skola", "för BUP … och för vård och omsorg").

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> text = "IFO, vård och omsorg och skolan; en jämlik vård och omsorg"
    >>> found = [_Hit("VOO", 5, 20), _Hit("VOO", 45, 60)]
    >>> [h.start for h in _in_lists(text, found, [_Hit("IFO", 0, 3), _Hit("SKOLA", 24, 30)], v)]
    [5]
    """

    def joined(gap: str) -> bool:
        words = [_fold(w) for w, _, _ in _words(gap)]
        if len(words) > 2 or not all(
            w in v.grammar.list_joiners or w in v.grammar.person_of for w in words
        ):
            return False
        return bool(words) or "," in gap or "(" in gap

    out = []
    for c in candidates:
        if any(p.start < c.end and c.start < p.end for p in parties):
            continue
        before = [p for p in parties if p.end <= c.start and joined(text[p.end : c.start])]
        after = [p for p in parties if p.start >= c.end and joined(text[c.end : p.start])]
        if before or after:
            out.append(c)
    return out


def _list_cues(text: str, v: Vocabulary, cues: list[_Hit]) -> list[_Hit]:
    """The list-only member words of a sentence ("mellan") that no stronger member word
    covers and that name no aim ("stärka samverkan mellan …")."""
    return [
        c
        for c in _find(v.list_member_cues, text, "member")
        if not any(o.start <= c.start < o.end for o in cues) and not _aimed(text, c, v)
    ]
