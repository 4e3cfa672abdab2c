"""`--help` in Swedish: the headings and fixed phrases that typer writes around our own texts.

typer (through its copy of click) writes "Usage:", "Options:", "Show this message and exit."
and "[default: …]" in English. `SwedishGroup` is the app's group class: every command it
hands out gets a context whose help formatter says these things in Swedish, using only the
documented hooks (`context_class`, `formatter_class`, `options_metavar`).

>>> swedish("Show this message and exit.")
'Visa den här hjälpen och avsluta.'
>>> swedish("Lagerfilen.  [env var: LOKGRAPH_STORE; default: lokgraph-store.json]")
'Lagerfilen.  [miljövariabel: LOKGRAPH_STORE; standard: lokgraph-store.json]'
"""

from __future__ import annotations

import re
from typing import Any

from typer.core import TyperGroup

__all__ = ["SwedishGroup", "swedish"]

_HEADINGS = {"Usage": "Användning", "Options": "Flaggor", "Arguments": "Argument"}
_HEADINGS["Commands"] = "Kommandon"
_PHRASES = (
    ("Show this message and exit.", "Visa den här hjälpen och avsluta."),
    ("[OPTIONS]", "[FLAGGOR]"),
    ("COMMAND [ARGS]...", "KOMMANDO [ARGUMENT]..."),
)
_BRACKETS = re.compile(r"\b(env var|default|required)\b")
_BRACKET_WORDS = {"env var": "miljövariabel", "default": "standard", "required": "krävs"}
_METAVARS = {"<path>": "<sökväg>", "<str>": "<text>", "<int>": "<heltal>", "<float>": "<tal>"}


def swedish(text: str) -> str:
    """The Swedish of typer's fixed help phrases in `text`; our own words pass unchanged."""
    for english, sv in _PHRASES:
        text = text.replace(english, sv)
    for english, sv in _METAVARS.items():
        text = text.replace(english, sv)
    return re.sub(
        r"\[[^\]]*\]", lambda m: _BRACKETS.sub(lambda w: _BRACKET_WORDS[w.group(0)], m[0]), text
    )


def _formatter_class(base: type) -> type:
    class SwedishFormatter(base):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, swedish(args), prefix or "Användning: ")

        def write_heading(self, heading: str) -> None:
            super().write_heading(_HEADINGS.get(heading, heading))

        def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
            rows = [(swedish(term), swedish(text)) for term, text in rows]
            super().write_dl(rows, *args, **kwargs)

    return SwedishFormatter


def _context_class(base: Any) -> type:
    return type(
        "SwedishContext", (base,), {"formatter_class": _formatter_class(base.formatter_class)}
    )


class SwedishGroup(TyperGroup):
    """The app's group: its help and every command's help use Swedish headings."""

    context_class = _context_class(TyperGroup.context_class)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            command.context_class = self.context_class
            if getattr(command, "options_metavar", None) == "[OPTIONS]":
                command.options_metavar = "[FLAGGOR]"
        return command
