"""Which agreement a sentence is about (LÖK, RÖK or another kind) and the dates it is valid.

In a free-text document a sentence about an agreement gets its kind from
``agreement.kinds`` in the vocabulary (RÖK words before other kinds before LÖK words: a
"länsövergripande" text is a RÖK even when it says "riktlinjer"), else from the kind the
document named last, else LÖK when the document is about one kommun and RÖK otherwise. Its
validity comes from the dates after ``agreement.valid_from`` and ``agreement.valid_to`` words
("gäller från 2015-01-01 till 2018-12-31", "sedan 2008", "Giltigt till och med: 2016-12-31")
or from a range of years ("gäller 2020–2023"). A year or month alone that starts the validity is
its first day, one that ends it its last day ("2020–2023" is 2020-01-01 to 2023-12-31; sixth
session).

>>> from loaders.extract import load_vocabulary
>>> v = load_vocabulary()
>>> validity("Riktlinjerna gäller från 2015-01-01 till 2018-12-31.", v)
('2015-01-01', '2018-12-31')
>>> validity("Kommunerna har sedan 2008 gemensamma riktlinjer.", v)
('2008-01-01', None)
>>> validity("Den började gälla den 1 januari 2014.", v)
('2014-01-01', None)
>>> validity("En uppdragshandling som gäller 2020–2023.", v)
('2020-01-01', '2023-12-31')
>>> validity("Avtalet gäller från mars 2021 till februari 2024.", v)
('2021-03-01', '2024-02-29')
>>> validity("Den version som gäller till utgången av 2018.", v)
(None, '2018-12-31')
>>> validity("Förslaget är ute på remiss till den 14 februari 2020.", v)
(None, None)
>>> kind_of("en länsövergripande överenskommelse", v), kind_of("BUS-överenskommelsen", v)
('ROK', 'other')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from .agreement_phrase import between_services
from .spans import _find, _Hit, _overlaps, _resolve, _words
from .terms import Term, _fold
from .vocabulary import Vocabulary

__all__ = ["kind_of", "new_side", "validity"]

#: the order in which kinds win when a sentence names more than one
_KIND_ORDER = ("LOK", "other_named", "ROK", "other")

_ISO = r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"


def kind_of(
    text: str,
    v: Vocabulary,
    *,
    raw: bool = False,
    kommuner: Sequence[_Hit] = (),
    own: str | None = None,
    listed: bool = False,
) -> str | None:
    """The kind of agreement the words of a text name, or None (with ``raw``, a named BUS
    agreement is ``other_named`` and one on a single subject ``other_subject`` rather than
    ``other``).

    The subject comes first (an agreement on youth clinics is another kind even between one
    kommun and the region, or county-wide), then the kind words (a LÖK word, then a brand),
    then the sides the text names (`_sides_kind`: one kommun with the region is a LÖK, two
    kommuner another kind), then the county-wide words. ``kommuner`` are the kommun names
    found in the text, ``own`` the kommun the document is about; ``listed``: the text is a
    row of a table of agreements, which names one without a word for it.

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> kind_of("Kommunen och landstinget har en övergripande överenskommelse.", v)
    'LOK'
    >>> kind_of("Länets kommuner har antagit en överenskommelse om ungdomsmottagningarna.", v)
    'other'
    >>> kind_of("En lokal överenskommelse mellan Orsa kommun och regionen om familjecentralen.", v)
    'other'
    """
    # "lokalpolisområdet … överenskommelse" is no local agreement: a third side is no kind word
    thirds = [(h.start, h.end) for h in _find(v.agreement_sides, text) if h.key == "third"]
    keys = {h.key for h in _find(v.agreement_kinds, text) if not _overlaps(h, thirds)}
    documents = listed or _documents(text, v)
    kind = None
    if documents and _find(v.agreement_subjects, text):
        # the subject decides before the sides: "avtal om familjecentral mellan X kommun och
        # regionen" is another kind, not a LÖK
        kind = "other_subject"
    kind = kind or next((k for k in _KIND_ORDER[:2] if k in keys), None)
    if kind is None and documents:
        kind = _sides_kind(text, v, kommuner, own)
        if kind is None and between_services(text, v):
            kind = "other"  # "överenskommelsen mellan barnpsykiatrin och socialtjänsten"
    if kind is None:
        kind = next((k for k in _KIND_ORDER[2:] if k in keys), None)
    return "other" if kind in ("other_named", "other_subject") and not raw else kind


def new_side(text: str, v: Vocabulary) -> tuple[int, int] | None:
    """Where a text that tells of an agreement replaced names the new one: after "ersätts av",
    before "ersätter"; an empty span when it names no new one ("Västbus riktlinjer har
    ersatts"); None when nothing is replaced.

    >>> from loaders.extract import load_vocabulary
    >>> v = load_vocabulary()
    >>> t = "De gamla riktlinjerna ersätts av en ny överenskommelse."
    >>> t[slice(*new_side(t, v))]
    ' en ny överenskommelse.'
    >>> new_side("Västbus riktlinjer har ersatts", v), new_side("Riktlinjerna gäller.", v)
    ((0, 0), None)
    >>> new_side("Den här versionen ersätter den tidigare.", v)
    (0, 18)
    >>> new_side("Överenskommelsen löpte ut 2021 och har inte ersatts.", v) is None
    True
    """
    hits = [
        h
        for h in _resolve(_find(v.replacements, text))
        # "har inte ersatts": nothing is replaced
        if not v.negators & {_fold(w) for w, _, _ in _words(text[: h.start])[-2:]}
    ]
    if not hits:
        return None
    hit = hits[0]
    span = (0, hit.start) if hit.key == "of" else (hit.end, len(text))
    named = sorted(h.start for h in _documents_in(text[span[0] : span[1]], v))
    if not named:
        # what replaces is what the text is about ("Den här versionen ersätter …")
        return span if hit.key == "of" else (0, 0)
    if len(named) > 1:  # "ersätts av överenskommelsen … och av riktlinjen för SIP": the first
        span = (span[0], span[0] + named[1])
    return span


def _documents(text: str, v: Vocabulary) -> bool:
    """Whether a text names an agreement or a guideline (not only a county or a service)."""
    return bool(_documents_in(text, v))


def _documents_in(text: str, v: Vocabulary) -> list[_Hit]:
    """The agreements and guidelines a text names."""
    hits = _find(v.agreement_words, text) + [
        h for h in _find(v.agreement_kinds, text) if h.key in ("other", "other_named")
    ]
    return _resolve(hits)


def _sides_kind(text: str, v: Vocabulary, kommuner: Sequence[_Hit], own: str | None) -> str | None:
    """LOK when one kommun and the region are the sides of an agreement ("mellan Melleruds
    kommun och nämnden", "Kommunen och landstinget har …", "ett avtal med regionen"), other
    when two kommuner are ("mellan Mölndals stad och Härryda kommun") or a third side with no
    region ("mellan kommunen och föreningen", the police), else None."""
    hits = _find(v.agreement_sides, text)
    regions = [h for h in hits if h.key == "region"]
    boards = [h for h in hits if h.key == "board"]
    named = {k.key for k in kommuner}
    sides = sorted([h for h in hits if h.key == "kommun"] + list(kommuner), key=lambda h: h.start)
    if len(named) <= 1 and (
        any(_joined(text, k, r, v) for k in sides for r in regions)
        or any(_joined(text, k, b, v, with_ok=False) for k in sides for b in boards)
    ):
        return "LOK"
    if regions:
        return None
    if any(h.key == "third" for h in hits):
        return "other"  # "mellan kommunen och föreningen", "kommunen och polisen"
    if len(named) >= 2 and any(
        _joined(text, a, b, v) for a in kommuner for b in kommuner if a.key != b.key
    ):
        return "other"
    with_words = _side_words(v.agreement_sides, "with")
    for k in kommuner:  # "samverkansavtal med Härryda kommun" in a text about Mölndal
        before = [_fold(w) for w, _, _ in _words(text[: k.start])][-1:]
        if own and k.key != own and before and before[0] in with_words:
            return "other"
    return None


def _joined(text: str, a: _Hit, b: _Hit, v: Vocabulary, with_ok: bool = True) -> bool:
    """Whether two sides stand together: only joining words between them ("X och Y"), or
    (with ``with_ok``) an agreement and "med" ("X har ett avtal med Y")."""
    first, second = sorted((a, b), key=lambda h: h.start)
    if first.end > second.start:
        return False
    between = text[first.end : second.start]
    words = [_fold(w) for w, _, _ in _words(between)]
    if all(w in _side_words(v.agreement_sides, "joins") for w in words):
        return bool(words)
    with_words = _side_words(v.agreement_sides, "with")
    return with_ok and words[-1] in with_words and _documents(between, v)


@lru_cache(maxsize=16)
def _side_words(sides: tuple[Term, ...], key: str) -> frozenset[str]:
    return frozenset(_fold(t.text) for t in sides if t.key == key)


@lru_cache(maxsize=8)
def _date_pattern(names: str) -> re.Pattern[str]:
    return re.compile(
        _ISO
        + r"|(?:(?P<day>[0-3]?\d)\s+)?(?P<month>"
        + names
        + r")\s+(?P<myear>(?:19|20)\d\d)|(?<![\d-])"
        + _YEAR
        + r"(?![\d-]\d)",
        re.I,
    )


def _of_another(text: str, pos: int, v: Vocabulary) -> bool:
    """Whether a date cue stands in a clause about something else: after "som"/"när" with no
    agreement in the clause or right before it ("ett ledningssystem, som började gälla 2014",
    "När nya regler började gälla 2010"), but not "den nya överenskommelsen, som började
    gälla …"."""
    words = _words(text[:pos])
    openers = [i for i, (w, _, _) in enumerate(words) if _fold(w) in v.clause_openers]
    if not openers:
        return False
    i = openers[-1]
    # the clause from the opener to the cue, and the phrase before the opener back to a comma
    after = text[words[i][2] : pos]
    head = text[: words[i][1]]
    head = head[head.rstrip().rstrip(",").rfind(",") + 1 :]
    return not (_documents(after, v) or _documents(head, v) or _find(v.version_words, head))


def _near(text: str, cue: tuple[int, int, str], date: int, reach: int, v: Vocabulary) -> bool:
    """Whether a date at ``date`` is close enough to a cue to be its date: up to ``reach``
    words after it, and after a short cue ("till", "från") only filler words ("till den 14
    februari", not "hänvisar till en handlingsplan för 2017")."""
    between = [_fold(w) for w in text[cue[1] : date].split()]
    if len(between) > reach:
        return False
    if _fold(text[cue[0] : cue[1]].strip()) in v.near_cues:
        # a colon after the cue makes it a label ("Giltig till: 2021-05-04")
        return all(w.strip(",:") in v.date_fillers for w in between if w.strip(",:"))
    return True


def _dates(text: str, v: Vocabulary) -> list[tuple[int, int, str, str]]:
    """Every date in a text as (start, end, first day, last day): 2015-01-01, 1 januari 2014,
    maj 2019 (its first and last day), 2012 (a year alone: 2012-01-01 and 2012-12-31).

    >>> from loaders.extract import load_vocabulary
    >>> [d[2:] for d in _dates("Från maj 2019 till 2021 och 2020-02-29.", load_vocabulary())]
    [('2019-05-01', '2019-05-31'), ('2021-01-01', '2021-12-31'), ('2020-02-29', '2020-02-29')]
    """
    months = v.grammar.months
    pattern = _date_pattern("|".join(sorted(months, key=len, reverse=True)))
    out = []
    year_ends = _find(v.year_end_words, text)
    for m in pattern.finditer(text):
        try:
            if m.group("iso"):
                first = last = dt.date.fromisoformat(m.group("iso"))
            elif m.group("month"):
                year, month = int(m.group("myear")), months[_fold(m.group("month"))]
                if m.group("day"):
                    first = last = dt.date(year, month, int(m.group("day")))
                else:
                    first = dt.date(year, month, 1)
                    last = (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
            elif any(h.end == len(text[: m.start()].rstrip()) for h in year_ends):
                first = last = dt.date(int(m.group("year")), 12, 31)  # "till utgången av 2018"
            else:
                first = dt.date(int(m.group("year")), 1, 1)
                last = dt.date(int(m.group("year")), 12, 31)
        except ValueError:
            continue  # "2015-13-45" is no date
        out.append((m.start(), m.end(), first.isoformat(), last.isoformat()))
    return out


def validity(text: str, v: Vocabulary, reach: int = 3) -> tuple[str | None, str | None]:
    """The first and last day of validity a text gives (either may be None): a date up to
    ``reach`` words after a cue word, or in a range."""
    dates = _dates(text, v)
    if not dates:
        return None, None
    start: str | None = None
    end: str | None = None
    cues = sorted(
        [(h.start, h.end, "from") for h in _find(v.valid_from_words, text)]
        + [(h.start, h.end, "to") for h in _find(v.valid_to_words, text)]
        + [(h.start, h.end, "adopted") for h in _find(v.adopted_words, text)]
    )
    adopted: str | None = None  # "antogs 2011": the start only when no other is given
    deadline = bool(_find(v.deadline_words, text))
    for i, (a, b, first, last) in enumerate(dates):
        before = [
            c
            for c in cues
            if c[1] <= a and _near(text, c, a, reach, v) and not _of_another(text, c[0], v)
        ]
        if i > 0 and re.fullmatch(r"\s*[–—-]\s*", text[dates[i - 1][1] : a]):
            role = "to"  # "2020–2023", "2012-11-09 – 2013-12-31"
        elif before:
            role = before[-1][2]
        elif i + 1 < len(dates) and re.fullmatch(r"\s*[–—-]\s*", text[b : dates[i + 1][0]]):
            role = "from"
        else:
            continue
        if role == "to" and deadline:
            continue  # "ute på remiss till den 14 februari": when answers are due
        if role == "adopted":
            adopted = adopted or first
        elif role == "from" and start is None:
            start = first
        elif role == "to" and end is None:
            end = last  # a year or month alone ends on its last day
    start = start or adopted
    if start and end is None:
        end = _lasting(text, start, v)
    return start, end


def _lasting(text: str, start: str, v: Vocabulary) -> str | None:
    """The last day of an agreement that a text says lasts some years from ``start`` ("gäller
    i tre år", "en treårig överenskommelse"; ``agreement.durations``), else None.

    >>> from loaders.extract import load_vocabulary
    >>> _lasting("Den gäller i tre år från 2022-01-01.", "2022-01-01", load_vocabulary())
    '2024-12-31'
    """
    hits = _find(v.extra.durations, text)
    if not hits:
        return None
    first = dt.date.fromisoformat(start)
    try:
        after = first.replace(year=first.year + int(hits[0].key))
    except ValueError:  # 29 February
        after = first.replace(year=first.year + int(hits[0].key), day=28)
    return (after - dt.timedelta(days=1)).isoformat()
