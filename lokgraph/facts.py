"""Facts: what the extractor reads out of one sentence, before it becomes nodes and edges.

A fact is the unit a planner reviews: one row of the review sheet, one object of
`lokgraph extract --json`. It names the kommun, the party (a code of GLOSSARY.md), the group or
agreement it is about, and always the quote and the source it came from.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .codes import AGREEMENT_AREAS, AGREEMENT_STATUSES, DEVIATION_LEVELS, LEVELS, PARTIES

__all__ = ["FACT_KINDS", "Fact", "ABSENCE_REASONS"]

FACT_KINDS: tuple[str, ...] = (
    "group",
    "member",
    "absent",
    "agreement_status",
    "deviation_reporting",
    "unplaced",
)
ABSENCE_REASONS: tuple[str, ...] = (
    "not_participating",
    "not_asked",
    "hard_to_engage",
    "needed",
    "missing",
)


class Fact(BaseModel):
    """One extracted statement with its quote.

    - `group`: a group exists (`group_type`, `level`, `group_name`; `governed_by` is the
      group_type of the group it answers to, when the text says so).
    - `member`: `party` takes part in the group (`group_type`/`group_name`) or, when
      `agreement_area` is set instead, is a party to the kommun's LÖK; `partial` when only some
      of the time. `party` may be null when `member_kommun` names a kommun taking part.
    - `absent`: `party` is reported missing from that group or agreement; `reason` says how.
    - `agreement_status`: the kommun's LÖK for `agreement_area` has `status` (or the RÖK or
      another agreement, by `agreement_kind`; `valid_from`/`valid_to` when the text dates it).
    - `deviation_reporting`: `status` is none, few or some.
    - `unplaced`: a sentence the extractor could not place; kept with its quote.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal[
        "group", "member", "absent", "agreement_status", "deviation_reporting", "unplaced"
    ]
    kommun: str | None = None
    party: str | None = None
    group_type: str | None = None
    level: str | None = None
    group_name: str | None = None
    governed_by: str | None = None
    agreement_area: str | None = None
    #: which agreement an agreement_status fact is about: the kommun's LÖK (also when None),
    #: the county's RÖK, or another kind (riktlinjer, a BUS agreement); with its validity
    agreement_kind: Literal["LOK", "ROK", "other"] | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    status: str | None = None
    partial: bool = False
    reason: str | None = None
    member_kommun: str | None = None
    respondent: str | None = None
    question: str | None = None
    quote: str = Field(min_length=1)
    source: str = Field(min_length=1)

    @field_validator("party")
    @classmethod
    def _party(cls, v: str | None) -> str | None:
        if v is not None and v not in PARTIES:
            raise ValueError(f"okänd partkod {v!r}; använd en av {', '.join(sorted(PARTIES))}")
        return v

    @field_validator("level")
    @classmethod
    def _level(cls, v: str | None) -> str | None:
        if v is not None and v not in LEVELS:
            raise ValueError(f"level ska vara en av {', '.join(LEVELS)}, inte {v!r}")
        return v

    @field_validator("agreement_area")
    @classmethod
    def _area(cls, v: str | None) -> str | None:
        if v is not None and v not in AGREEMENT_AREAS:
            raise ValueError(f"agreement_area ska vara en av {', '.join(AGREEMENT_AREAS)}")
        return v

    @field_validator("valid_from", "valid_to")
    @classmethod
    def _date(cls, v: str | None) -> str | None:
        if v is not None:
            import datetime as dt

            try:
                dt.date.fromisoformat(v)
            except ValueError as err:
                raise ValueError(f"a validity date must be YYYY-MM-DD, not {v!r}") from err
        return v

    @field_validator("reason")
    @classmethod
    def _reason(cls, v: str | None) -> str | None:
        if v is not None and v not in ABSENCE_REASONS:
            raise ValueError(f"reason must be one of {', '.join(ABSENCE_REASONS)}, not {v!r}")
        return v

    def model_post_init(self, __context: object) -> None:
        allowed = {
            "agreement_status": AGREEMENT_STATUSES,
            "deviation_reporting": DEVIATION_LEVELS,
        }.get(self.kind)
        if allowed is not None and self.status not in allowed:
            raise ValueError(
                f"a {self.kind} fact needs status one of {', '.join(allowed)}, not {self.status!r}"
            )
