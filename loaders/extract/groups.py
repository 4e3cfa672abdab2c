"""Groups in a sentence: their names, levels and governance, and the group a list belongs to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lokgraph.codes import default_level

from .clauses import _clause_of, _plain_clauses
from .spans import _before, _distance, _find, _Hit, _outside, _resolve, _words, word_is_term
from .terms import _fold
from .triggers import triggered_by
from .vocabulary import Vocabulary

#: group types that say nothing of what kind of group it is: with a political level they are a
#: political body ("ett politiskt samverkansnätverk", "Socialberedningen")
GENERIC_TYPES = frozenset({"samverkansgrupp", "natverk", "samverkan"})
#: group types whose level their kind settles (tests/realtext/README.md: a family centre meets
#: families, so it is at ``individ`` whoever opened it or speaks of it): no level word, heading
#: or document vote moves it
FIXED_LEVEL_TYPES = frozenset({"familjecentral"})


def political_type(group_type: str, level: str | None) -> str:
    """The type of a group at a level: a generic group on the political level is a
    ``politisk_samverkan``.

    >>> political_type("samverkansgrupp", "politisk"), political_type("styrgrupp", "politisk")
    ('politisk_samverkan', 'styrgrupp')
    """
    if level == "politisk" and group_type in GENERIC_TYPES:
        return "politisk_samverkan"
    return group_type


def network_type(group_type: str, word: str, v: Vocabulary) -> str:
    """``natverk`` for a group word whose last part is a network word and whose type says no
    more than "a group" ("JämtBus-nätverket", "skolchefsnätverket"); else its type.

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> network_type("samverkansgrupp", "Länsnätverket", v)
    'natverk'
    >>> network_type("styrgrupp", "Styrgrupp", v)
    'styrgrupp'
    """
    if group_type not in v.extra.network_types:
        return group_type
    last = re.split(r"[-\s]", _fold(word))[-1]
    for head in v.extra.network_heads:
        i = last.rfind(head)
        # the head ends the word, or only a definite or genitive ending follows it
        if i >= 0 and last[i + len(head) :] in ("", "et", "en", "s", "ets", "ens"):
            return "natverk"
    return group_type


@dataclass
class _GroupMention:
    hit: _Hit
    group_type: str
    level: str | None
    name: str | None
    governed_by: str | None = None
    explicit_level: bool = False
    #: the level came from the group word itself (``group_levels``: "samrådet" → individ)
    told_level: bool = False
    #: the words the group was named with in the sentence ("Länsgruppen")
    hit_text: str = ""


@triggered_by("colocation", "colocation_strong")
def _familjecentral_group(
    text: str, parties: list[_Hit], groups: list[_GroupMention], v: Vocabulary
) -> _GroupMention | None:
    """A familjecentral described as a place where services work together ("familjecentralen
    där BVC, MVC och socialtjänsten arbetar under samma tak", "På familjecentralen arbetar
    …"): with no other group in the sentence, two or more other services after it and a word
    of ``colocation``, it is the group and not a party."""
    if groups:
        return None
    fc = [p for p in parties if p.key == "FAMILJECENTRAL"]
    if len(fc) != 1:
        return None
    hit = fc[0]
    others = {p.key for p in parties if p.start >= hit.end and p.key != "FAMILJECENTRAL"}
    if len(others) < 2:
        return None
    if _find(v.colocation_strong, text[hit.end :]):
        return _GroupMention(hit, "familjecentral", default_level("familjecentral"), None)
    cues = [
        c
        for c in _find(v.colocation, text[hit.end :])
        # "Familjecentralen samarbetar med BUP" is a partner, not a unit in it
        if not v.grammar.partner.match(text[hit.end + c.end :])
    ]
    if not cues:
        return None
    before = re.search(r"(\w+)\s+$", _before(text, hit.start))
    after = v.grammar.relative_after.match(text[hit.end :])
    if not (after or (before and _fold(before.group(1)) in v.grammar.colocation_prepositions)):
        return None
    return _GroupMention(hit, "familjecentral", default_level("familjecentral"), None)


#: parties whose word, as a team, is a joint team of its own type: the familjecentral, and
#: the elevhälsoteam (a "-team" compound on the party word)
PARTY_TEAMS = {"FAMILJECENTRAL": "familjecentral", "ELEVHALSA": "beh"}


def _team_named(
    text: str, parties: list[_Hit], groups: list[_GroupMention], v: Vocabulary
) -> _GroupMention | None:
    """In a document (a page, a report), a joint team named where no other group is named is
    the team itself, not a party of another group: "Familjecentralen vänder sig till
    familjer", "länets familjecentraler", "Elevhälsoteamet leds av rektor"."""
    if groups:
        return None
    heads = [h for h, level in v.compound_heads if level == "individ"]
    for p in parties:
        word = _fold(text[p.start : p.end])
        team = any(
            re.search(_fold(h) + r"(?:en|et|er|erna|arna|na|ens|ets)?$", word) for h in heads
        )
        if p.key == "FAMILJECENTRAL" or (p.key in PARTY_TEAMS and team):
            if _listed_with(text, p, parties):
                continue  # "I första etappen ingår familjecentraler, en skola och förskolor"
            if _origin(text, p, v):
                continue  # "en person från skolans elevhälsoteam": where a member comes from
            kind = PARTY_TEAMS[p.key]
            return _GroupMention(p, kind, default_level(kind), None)
    return None


def _origin(text: str, p: _Hit, v: Vocabulary) -> bool:
    """Whether a party word stands where a person comes from: after a word of
    ``members.genitive_from`` ("från"), with at most a genitive between ("från skolans …")."""
    before = [_fold(w) for w in re.findall(r"[\w:-]+", text[max(0, p.start - 40) : p.start])]
    if before and v.grammar.genitive.search(before[-1]):
        before = before[:-1]
    return bool(before) and before[-1] in v.extra.genitive_from


def _term_level(word: str, v: Vocabulary) -> str | None:
    """The level ``group_levels`` gives a group word whatever its type ("Barnahuset": individ).

    >>> from loaders.extract import load_vocabulary
    >>> _term_level("Barnahuset", load_vocabulary()), _term_level("styrgruppen", load_vocabulary())
    ('individ', None)
    """
    found = [h for h in _find(v.extra.group_levels, word) if h.start == 0 and h.end == len(word)]
    return found[0].key if found else None


_JOINED = re.compile(r"\s*(?:,|\boch\b|\bsamt\b)\s*(?:\w+\s+)?$")


def _listed_with(text: str, hit: _Hit, parties: list[_Hit]) -> bool:
    """Whether a party stands in a list with another one ("familjecentraler, en skola och …")."""
    for p in parties:
        if p.key == hit.key:
            continue  # "familjecentraler och familjecentralsliknande verksamheter"
        if p.start >= hit.end and _JOINED.match(text[hit.end : p.start]):
            return True
        if p.end <= hit.start and _JOINED.match(text[p.end : hit.start]):
            return True
    return False


def _brand_only(text: str, hit: _Hit, agreements: list[tuple[int, int]], v: Vocabulary) -> bool:
    """A regional brand name alone (BUS, JämtBus, Samba: a named term with no group word in
    it) that names no group here: in brackets as the short form of the words before it
    ("Samverkan kring barn i behov av särskilt stöd (BUS)"), or beside an agreement word
    ("JämtBus – överenskommelse om samverkan", "en överenskommelse om barn i behov av
    särskilt stöd, BUS"), where it is the agreement's name.

    >>> from loaders.extract import load_vocabulary
    >>> from loaders.extract.spans import _find
    >>> v = load_vocabulary()
    >>> text = "Barn i behov av särskilt stöd (BUS)"
    >>> [_brand_only(text, h, [], v) for h in _find(v.groups, text)]
    [True]
    """
    if hit.term is None or hit.term.name is None:
        return False
    word = _fold(text[hit.start : hit.end])
    if any(_fold(head) in word for head, _ in v.compound_heads):
        return False  # "BUS-gruppen", "Västbusgruppen"
    if any(
        s - hit.end <= 3 or hit.start - e <= 60
        for s, e in agreements
        if s >= hit.end or e <= hit.start
    ):
        return True
    if not text[: hit.start].strip() and _title_rest(text, hit.end, v):
        return True  # "JämtBus" as a page's title: the page's subject, agreement or group
    return text[: hit.start].rstrip().endswith("(") and text[hit.end :].lstrip().startswith(")")


def _title_rest(text: str, end: int, v: Vocabulary) -> bool:
    """Whether what follows a brand name that opens the line keeps the line a title: nothing,
    or a place or subtitle of up to four words with no verb and no full stop ("Barnens bästa
    gäller i Kronoberg", "Samba – länets modell").

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> [_title_rest(t, 5, v) for t in ("Samba", "Samba i Örebro län", "Samba har möten.")]
    [True, True, False]
    """
    rest = text[end:].strip(" .:")
    if not rest:
        return True
    words = [_fold(w) for w, _, _ in _words(rest)]
    return not text.rstrip().endswith(".") and len(words) <= 4 and not set(words) & v.grammar.verbs


def _heading_group(text: str, hit: _Hit, v: Vocabulary) -> bool:
    """A group word in its bare form that opens the line ("Arbetsgrupp barn och unga: …"),
    as bullet lists name a group before its members."""
    if text[: hit.start].strip(" -–•*"):
        return False
    return not v.grammar.definite.search(_fold(text[hit.start : hit.end]))


#: how many words a "för …" after a group may have before the "med" of its member list
_MODIFIER_WORDS = 8


def _after_group_positions(text: str, end: int, v: Vocabulary) -> list[int]:
    """Where a member list may start after a group and its name: right after it, after a
    bracket ("Styrgruppen (GNV) med …"), or after a short "för …" ("för skolfrågor med …")."""
    m = re.match(r"(?:-\w+)?\s*(?:\([^()]*\)\s*)?,?\s*", text[end:])
    assert m is not None  # every part of the pattern may be empty: it always matches
    pos = end + m.end()
    out = [pos]
    f = v.grammar.group_preposition.match(text[pos:])
    if f:  # "för skolfrågor med …", "för utvecklingen av länets centraler, med …"
        rest = pos + f.end()
        stops = v.grammar.verbs | v.absence_roles.get("subordinators", frozenset())
        for w in list(re.finditer(r",?\s+([^\s,.;:()]+)", text[rest:]))[:_MODIFIER_WORDS]:
            if _fold(w.group(1)) in stops:
                break  # "för barn som har kontakt med BUP": a relative clause, not the group's
            out.append(rest + w.start(1))
    return out


def _negated_group(text: str, hit: _Hit, absence_cues: list[_Hit], v: Vocabulary) -> bool:
    """A group said not to exist or to be lacking ("ingen styrgrupp med BUP", "saknar en
    styrgrupp med …"): its "med" list names no members."""
    before = [_fold(w) for w, _, _ in _words(_before(text, hit.start))][-3:]
    if any(w in v.negators for w in before):
        return True
    return any(
        c.end <= hit.start and len(text[c.end : hit.start].split()) <= 2 for c in absence_cues
    )


def _levels(text: str, groups: list[_GroupMention], heading: str | None, v: Vocabulary) -> None:
    """Set each group's level: a level word in the sentence, else the heading line above,
    else the group type's default (already set)."""
    _level_words(text, groups, v)
    for g in groups:
        same = [o for o in groups if o.group_type == g.group_type and o.explicit_level]
        if not g.explicit_level and same:
            g.level = same[0].level
            g.explicit_level = True
    for g in groups:
        if g.group_type in FIXED_LEVEL_TYPES:
            g.level = default_level(g.group_type)
        elif not g.explicit_level and heading:
            g.level = heading
        g.group_type = political_type(g.group_type, g.level)


@triggered_by("levels")
def _level_words(text: str, groups: list[_GroupMention], v: Vocabulary) -> None:
    """A level word in the sentence sets the level of the group it describes."""
    ignore = [(h.start, h.end) for h in _find(v.level_ignore, text)]
    clauses = _plain_clauses(text, v)
    for lh in _resolve(_outside(_find(v.levels, text), ignore)):
        target = _level_target(groups, lh, clauses)
        if target is not None and not target.explicit_level:
            target.level = lh.key
            target.explicit_level = True


def _level_target(
    groups: list[_GroupMention], lh: _Hit, clauses: list[tuple[int, int]]
) -> _GroupMention | None:
    """The group a level word describes: the nearest one before it in its clause, else the
    nearest one at all ("arbetsgrupper som arbetar på operativ nivå", "På operativ nivå har vi
    ett konsultationsteam")."""
    free = [g for g in groups if not g.explicit_level]
    if not free:
        return None
    clause = _clause_of(clauses, lh.start)
    before = [g for g in free if g.hit.end <= lh.start and g.hit.start >= clause[0]]
    if before:
        return before[-1]
    return min(free, key=lambda g: _distance(g.hit, lh))


def _group_name(text: str, hit: _Hit, v: Vocabulary) -> tuple[str | None, int]:
    """The name written after a group word, and where it ends.

    Name words are the vocabulary's ``group_name_words``, capitalised words and acronyms,
    and an age range ("0-5 år"). A leading "för" is skipped ("Styrgruppen för god och nära
    vård"); punctuation, a preposition or another group word ends the name.
    """
    if hit.term is not None and hit.term.name:
        return hit.term.name, hit.end
    rest = text[hit.end :]
    if not rest or not rest[0].isspace():
        return None, hit.end
    tokens = list(re.finditer(r"\S+", rest))
    words: list[str] = []
    end = hit.end
    for i, m in enumerate(tokens):
        raw = m.group()
        core = re.sub(r"^[^\w]+|[^\w]+$", "", raw)
        if not core:
            break
        folded = _fold(core)
        nxt = (
            _fold(re.sub(r"^[^\w]+|[^\w]+$", "", tokens[i + 1].group()))
            if i + 1 < len(tokens)
            else ""
        )
        if i == 0 and folded in v.grammar.name_skip_first and len(tokens) > 1:
            continue
        if raw[0] in "([":
            break
        if folded in v.grammar.age_word and words and re.fullmatch(r"\d+(?:[-–]\d+)?", words[-1]):
            ok = True  # "0-5 år"
        elif re.fullmatch(r"\d+(?:[-–]\d+)?", core):
            ok = nxt in v.grammar.age_word or "-" in core or "–" in core
        elif folded in v.grammar.name_stopwords:
            ok = False
        elif word_is_term(v.group_name_words, core):
            ok = True
        elif not words and core[0].islower() and word_is_term(v.parties, core):
            ok = True  # a topic right after the group word: "arbetsgrupp förskola"
        else:
            ok = core[0].isupper() and (not words or words[-1][0].isupper())
            ok = ok and not word_is_term(v.groups, core, whole=False)
        if not ok:
            break
        words.append(core)
        # the name ends before its punctuation: "Styrgrupp GNV: socialchef …" keeps the colon
        end = hit.end + m.start() + raw.find(core) + len(core)
        if re.search(r"[,:;.!?()\[\]]", raw) or raw != raw.rstrip("\"”“'’"):
            break
    while words and _fold(words[-1]) in v.grammar.name_trailing:
        words.pop()
    if not words:
        return None, hit.end
    return " ".join(words), end


@triggered_by("governance")
def _governance(
    text: str, groups: list[_GroupMention], v: Vocabulary, previous: _GroupMention | None
) -> None:
    """Set ``governed_by`` from phrases like "får uppdrag från", "har gett", "kopplat till";
    "Under den finns tre arbetsgrupper" refers to the group of the sentence before."""
    cues = _resolve(_find(v.governance, text))
    for cue in cues:
        before = [g for g in groups if g.hit.end <= cue.start]
        after = [g for g in groups if g.hit.start >= cue.end]
        pronoun = v.grammar.governance_pronoun.match(text[cue.end :])
        if cue.key == "under_next" and previous is not None and after and pronoun:
            if (after[0].group_type, after[0].name) != (previous.group_type, previous.name):
                after[0].governed_by = previous.group_type
            continue
        gap = 1 if cue.key == "under_next" else 3
        if not after or len(text[cue.end : after[0].hit.start].split()) > gap:
            continue
        if cue.key == "reports_to_next" and before and after:
            before[-1].governed_by = after[0].group_type
        elif cue.key == "gives_to_next" and before and after:
            after[0].governed_by = before[-1].group_type
        elif cue.key == "under_next" and len(after) >= 2 and after[1] is not after[0]:
            after[1].governed_by = after[0].group_type
