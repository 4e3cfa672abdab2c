"""The one family of errors lokgraph raises; the command line turns each into one paragraph."""

from __future__ import annotations

__all__ = [
    "LokgraphError",
    "InputError",
    "UnknownNameError",
    "StoreError",
    "ServerError",
]


class LokgraphError(Exception):
    """Base of every error a user can cause and fix.

    The message names where the problem is (file, line or record, field) and what to do, so the
    command line can print it as it is, without a traceback.
    """

    def __init__(
        self,
        problem: str,
        *,
        where: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.problem = problem
        self.where = where
        self.fix = fix
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = []
        if self.where:
            parts.append(f"{self.where}:")
        parts.append(self.problem.rstrip("."))
        text = " ".join(parts) + "."
        if self.fix:
            fix = self.fix.strip()
            text += " " + (fix if fix.endswith(("?", "!", ".")) else fix + ".")
        return text


class InputError(LokgraphError):
    """A file, row or field that cannot be read as lokgraph data."""


class UnknownNameError(InputError):
    """A kommun, region or party that lokgraph does not know; carries the closest real names."""

    def __init__(
        self,
        what: str,
        value: str,
        suggestions: list[str],
        *,
        where: str | None = None,
    ) -> None:
        self.value = value
        self.suggestions = suggestions
        if suggestions:
            fix = "Menade du " + " eller ".join(repr(s) for s in suggestions) + "?"
        else:
            fix = f"Skriv det officiella namnet på {what}en"
        super().__init__(f"okänd {what} {value!r}", where=where, fix=fix)


class StoreError(LokgraphError):
    """A store file that is missing, damaged or of another format."""


class ServerError(LokgraphError):
    """A graph server that cannot be reached or refuses the credentials."""
