"""The records of the graph schema: one frozen pydantic model per node label and one for edges.

Every record made from text carries `evidence`: the source, the question or page, the
respondent and the quoted sentence it came from, so a planner can always check a claim.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .codes import AGREEMENT_AREAS, AGREEMENT_STATUSES, CARE_LEVELS, LEVELS, PARTIES

__all__ = [
    "ALLOWED_ENDPOINTS",
    "Activity",
    "Agreement",
    "Area",
    "Evidence",
    "Group",
    "Node",
    "NODE_LABELS",
    "Principal",
    "Relationship",
    "RoundValues",
    "RELATIONSHIP_TYPES",
    "Source",
    "SourceKind",
    "Structure",
    "Unit",
]


#: what a source is: a survey, a report, an agreement, a plan, a structure file, a review
#: sheet or a LÖK inventory
SourceKind = Literal["survey", "report", "agreement", "plan", "structure", "review", "inventory"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Record):
    """Where a node or edge was stated: the source id, question or page, respondent and quote."""

    source: str
    quote: str = ""
    question: str | None = None
    page: str | None = None
    respondent: str | None = None

    def sort_key(self) -> tuple[str, ...]:
        return (
            self.source,
            self.question or "",
            self.page or "",
            self.respondent or "",
            self.quote,
        )


class RoundValues(_Record):
    """The properties a node or edge had in one survey round, when rounds disagree.

    A store keeps one set of properties per node (the latest round's); `by_round` holds one of
    these per round only once two rounds have stated different values (a LÖK that went from
    `none` to `in_force`). `values` are (property, value) pairs, sorted.
    """

    round: str
    values: tuple[tuple[str, str | bool | int | float | None], ...] = ()


class _Node(_Record):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    evidence: tuple[Evidence, ...] = ()
    by_round: tuple[RoundValues, ...] = ()


class Area(_Node):
    label: Literal["Area"] = "Area"
    kind: Literal["lan", "delregion", "omrade"]


class Principal(_Node):
    """A huvudman: a kommun or a region."""

    label: Literal["Principal"] = "Principal"
    kind: Literal["kommun", "region"]
    kommunkod: str | None = None
    lan_kod: str | None = None


class Unit(_Node):
    """A verksamhet of one huvudman, named by its party code."""

    label: Literal["Unit"] = "Unit"
    party: str
    care_level: str | None = None

    @field_validator("party")
    @classmethod
    def _known_party(cls, value: str) -> str:
        if value not in PARTIES:
            raise ValueError(f"okänd partkod {value!r}; använd en av {', '.join(sorted(PARTIES))}")
        return value

    @field_validator("care_level")
    @classmethod
    def _known_care_level(cls, value: str | None) -> str | None:
        if value is not None and value not in CARE_LEVELS:
            raise ValueError(f"care_level ska vara en av {', '.join(CARE_LEVELS)}")
        return value


class Group(_Node):
    label: Literal["Group"] = "Group"
    group_type: str = Field(min_length=1)
    level: str | None = None

    @field_validator("level")
    @classmethod
    def _known_level(cls, value: str | None) -> str | None:
        if value is not None and value not in LEVELS:
            raise ValueError(f"level ska vara en av {', '.join(LEVELS)}, inte {value!r}")
        return value


class Agreement(_Node):
    """A RÖK or LÖK. Dates stay ISO strings in every store: some Bolt servers cannot send dates."""

    label: Literal["Agreement"] = "Agreement"
    kind: Literal["ROK", "LOK"]
    area: str = "barn_unga"
    status: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    deviation_reporting: str | None = None

    @field_validator("area")
    @classmethod
    def _known_area(cls, value: str) -> str:
        if value not in AGREEMENT_AREAS:
            raise ValueError(f"area ska vara en av {', '.join(AGREEMENT_AREAS)}, inte {value!r}")
        return value

    @field_validator("status")
    @classmethod
    def _known_status(cls, value: str | None) -> str | None:
        if value is not None and value not in AGREEMENT_STATUSES:
            raise ValueError(
                f"status ska vara en av {', '.join(AGREEMENT_STATUSES)}, inte {value!r}"
            )
        return value

    @model_validator(mode="after")
    def _valid_order(self) -> Agreement:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError(f"valid_to {self.valid_to} är före valid_from {self.valid_from}")
        return self


class Activity(_Node):
    """A row of an action plan: what is done, in which focus area, by when."""

    label: Literal["Activity"] = "Activity"
    focus_area: str | None = None
    timeline: str | None = None


class Source(_Node):
    """A document that facts were read from. `name` is its title.

    For a survey, `surveyed` and `answered` hold the kommun ids asked and those that answered:
    a kommun that did not answer leaves no other trace, and planners need to see it. `round`
    is the survey round the document belongs to (a year such as "2024", or a date); a source
    without one belongs to the store's one unnamed round.
    """

    label: Literal["Source"] = "Source"
    kind: SourceKind
    date: str | None = None
    path: str | None = None
    surveyed: tuple[str, ...] = ()
    answered: tuple[str, ...] = ()
    round: str | None = None


Node = Annotated[
    Area | Principal | Unit | Group | Agreement | Activity | Source,
    Field(discriminator="label"),
]
NODE_LABELS: tuple[str, ...] = (
    "Area",
    "Principal",
    "Unit",
    "Group",
    "Agreement",
    "Activity",
    "Source",
)

_ANY = frozenset(NODE_LABELS)
ALLOWED_ENDPOINTS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "IN_AREA": (frozenset({"Principal", "Area"}), frozenset({"Area"})),
    "PART_OF": (frozenset({"Unit"}), frozenset({"Principal"})),
    "SERVES": (frozenset({"Group"}), frozenset({"Principal"})),
    "MEMBER_OF": (frozenset({"Unit", "Principal"}), frozenset({"Group"})),
    "ABSENT_FROM": (frozenset({"Unit"}), frozenset({"Group", "Agreement"})),
    "REPORTS_TO": (frozenset({"Group"}), frozenset({"Group"})),
    "PARTY_TO": (frozenset({"Principal", "Unit"}), frozenset({"Agreement"})),
    "IMPLEMENTS": (frozenset({"Agreement"}), frozenset({"Agreement"})),
    "RESPONSIBLE_FOR": (frozenset({"Principal", "Unit", "Group"}), frozenset({"Activity"})),
    "FOLLOWED_UP_BY": (frozenset({"Activity"}), frozenset({"Group"})),
    "STATED_IN": (_ANY, frozenset({"Source"})),
}
RELATIONSHIP_TYPES: tuple[str, ...] = tuple(ALLOWED_ENDPOINTS)


class Relationship(_Record):
    """An edge. `partial` marks part-time membership; `reason` says why a party is absent."""

    type: Literal[
        "IN_AREA",
        "PART_OF",
        "SERVES",
        "MEMBER_OF",
        "ABSENT_FROM",
        "REPORTS_TO",
        "PARTY_TO",
        "IMPLEMENTS",
        "RESPONSIBLE_FOR",
        "FOLLOWED_UP_BY",
        "STATED_IN",
    ]
    source: str
    target: str
    partial: bool | None = None
    reason: str | None = None
    evidence: tuple[Evidence, ...] = ()
    by_round: tuple[RoundValues, ...] = ()


class Structure(_Record):
    """A bundle of nodes and relationships, as a loader returns it and the graph takes it."""

    nodes: tuple[Node, ...] = ()
    relationships: tuple[Relationship, ...] = ()

    def __add__(self, other: Structure) -> Structure:
        """Both structures' records, in order. Both were validated when they were made and
        their records are frozen, so the sum is not validated again (that made a loop of
        additions quadratic).

        >>> a = Structure(nodes=(Area(id="area:x", name="X", kind="lan"),))
        >>> [n.id for n in (a + a).nodes]
        ['area:x', 'area:x']
        >>> a + ()
        Traceback (most recent call last):
        TypeError: unsupported operand type(s) for +: 'Structure' and 'tuple'
        """
        if not isinstance(other, Structure):
            return NotImplemented
        return Structure.model_construct(
            nodes=self.nodes + other.nodes,
            relationships=self.relationships + other.relationships,
        )
