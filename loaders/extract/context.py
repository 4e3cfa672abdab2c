"""What the passes remember between the sentences of one answer."""

from __future__ import annotations

from dataclasses import dataclass, field

from .groups import _GroupMention


@dataclass
class _Context:
    source: str
    kommun: str | None
    question: str | None
    respondent: str | None
    last_group: _GroupMention | None = None
    emitted_groups: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    list_lead: str | None = None
    #: the last group named anywhere in the document (for "Gruppen", "De" after a heading)
    doc_group: _GroupMention | None = None
    #: the list lead is for the next sentence only ("I gruppen sitter chefer. De kommer …")
    continues: bool = False
    #: … also when the next sentence does not refer back ("Flera aktörer deltar. I kommunen …")
    continues_any: bool = False
    #: per group (type, name): the sentences that name it or refer back to it, and whether
    #: its level came from a level word where it was first named
    mentions: dict[tuple[str, str | None], list[str]] = field(default_factory=dict)
    explicit: dict[tuple[str, str | None], bool] = field(default_factory=dict)
    #: groups whose level came from their word alone: only who sits in them outranks it
    told: set[tuple[str, str | None]] = field(default_factory=set)
    #: per group (type, name): its group word without a definite ending ("länsgrupp")
    group_stems: dict[tuple[str, str | None], str] = field(default_factory=dict)
    #: the level each group (type, name) was first given
    group_levels: dict[tuple[str, str | None], str | None] = field(default_factory=dict)
    #: how many over-long runs of text were read in pieces
    cut_runs: int = 0
    #: the kind of agreement the document named last (LOK, ROK, other), and whether it named one
    agreement_kind: str | None = None
    names_agreement: bool = False
    #: the document named a BUS agreement: its county-wide words still mean that one
    named_other: bool = False
    #: the title names a subject of an agreement ("Ungdomsmottagningar"), or the heading the
    #: sentences stand under does (`agreement_subject`)
    subject_titled: bool = False
    subject_heading: bool = False
    #: the sentence read now and the one before name a subject of an agreement
    subject_now: bool = False
    subject_before: bool = False
    #: county-wide kind words ("länsöverenskommelse*") of an agreement named with a subject
    #: (`agreement_subject`): named again by the same word, it is that one, not a RÖK
    subject_county_words: set[str] = field(default_factory=set)
    #: the sentence before named a national agreement (the state and SKR its sides): a
    #: sentence right after it that only refers back ("Överenskommelsen ska …") is that one
    national: bool = False
    #: how many votes the heading just read gave, when it named an agreement by a bare word
    #: (`national.drop_national_heading`)
    bare_heading_votes: int = 0
    #: kinds of agreement the document said were replaced by another kind
    replaced_kinds: set[str] = field(default_factory=set)
    #: the sentences stand under a heading of a proposal or an agenda ("Förslag till beslut")
    proposal: bool = False
    #: the document is an agenda (its title lines say "Kallelse", "Dagordning"), and its
    #: title lines are still being read (`agenda`)
    agenda: bool = False
    opening: bool = True
    #: a table is being read, and its header row names agreements (`agreement_tables`)
    in_table: bool = False
    agreement_table: bool = False
    #: a sentence of the document was read (the first one is its title)
    read_any: bool = False
    #: the document's title was read, and it names a board and no group ("Barn- och
    #: utbildningsnämnden, protokoll"): its rosters are the board's people (`minutes`)
    title_read: bool = False
    board_minutes: bool = False
    #: a document's agreement votes, told as facts when the document ends
    votes: list = field(default_factory=list)
    #: the sentences read now still speak of an agreement's sides (`sides.after_side`)
    side_carry: bool = False
    #: groups named only by meeting words, and groups named otherwise (`meetings`)
    meetings: set[tuple[str, str | None]] = field(default_factory=set)
    firm_groups: set[tuple[str, str | None]] = field(default_factory=set)
    #: parties the sentence before gave as examples, and that sentence (`examples`)
    examples: tuple[str, ...] = ()
    examples_quote: str = ""
    #: the centre stems a sentence spoke of as planned, or as existing (`planned_places`)
    place_plan: set[str] = field(default_factory=set)
    place_exists: set[str] = field(default_factory=set)
    #: the document named an agreement or a declaration of intent: the services it lists for a
    #: family centre are what the agreement covers, not who works there (`centre_services`)
    centre_agreed: bool = False
    #: the proper names the document gave its family centre ("familjecentralen Lönnen"), folded
    centre_names: frozenset[str] = frozenset()
    #: the first sentence that speaks of casework about one child, or "" (`casework`)
    casework_quote: str = ""
    #: the document's first line, and how many political parties in brackets it gives
    #: ("Ledamot (M)": `political_rosters`)
    title_text: str = ""
    party_markers: int = 0
    #: the sentence before was a heading that is only a validity label ("Giltighetstid"):
    #: the dates under it are the document's (`dated_lines`)
    validity_heading: bool = False
    #: the kind a document gave an ``other`` kind word it named with a word of another kind
    #: ("Länsövergripande samverkansavtal": RÖK), by term (`agreement_again`)
    kind_words: dict[str, str] = field(default_factory=dict)

    @property
    def who(self) -> tuple[str, str | None, str | None, str | None]:
        return (self.source, self.kommun, self.question, self.respondent)
