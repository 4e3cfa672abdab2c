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
