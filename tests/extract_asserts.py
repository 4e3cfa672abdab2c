"""What the extractor says about agreements in a text, in the shapes the agreement tests compare."""

from __future__ import annotations

from loaders.extract import extract_text


def agreements(text: str, kommun: str | None = None) -> set[tuple]:
    """(kind, status, valid_from, valid_to) of every agreement status fact of a text."""
    facts = extract_text(text, source="test", kommun=kommun)
    return {
        (f.agreement_kind, f.status, f.valid_from, f.valid_to)
        for f in facts
        if f.kind == "agreement_status"
    }


def statuses(text: str, kommun: str | None = None) -> set[tuple]:
    """(kind, status) of every agreement status fact of a text."""
    return {(kind, status) for kind, status, _, _ in agreements(text, kommun)}
