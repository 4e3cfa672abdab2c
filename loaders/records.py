"""What every survey loader returns: answers as read, before any extraction.

Loaders read rows into these records and nothing else, so each format (Word dump, .docx,
Forms export, plain text) is tested on its own and the extractor sees one shape.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Answer", "Survey", "QUESTIONS"]

#: The six questions of the Dalarna survey, the pattern most county surveys follow.
QUESTIONS: dict[str, str] = {
    "Q1": "lokal överenskommelse (LÖK)",
    "Q2": "samverkansstruktur",
    "Q3": "goda exempel",
    "Q4": "svårigheter och utmaningar",
    "Q5": "rapportering av avvikelser",
    "Q6": "övrigt",
}


class Answer(BaseModel):
    """One paragraph-group of one answer: whose it is, to which question, and where it stood."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str = Field(min_length=1)
    kommun: str | None
    question: str | None
    text: str
    respondent: str | None = None
    location: str = ""


class Survey(BaseModel):
    """A loaded survey: its answers, and which kommuner were asked but gave no answer."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    title: str
    answers: tuple[Answer, ...] = ()
    surveyed: tuple[str, ...] = ()
    non_respondents: tuple[str, ...] = ()
    region: str | None = None
