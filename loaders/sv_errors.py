"""Library messages in Swedish for what third-party parsers report in English.

PyYAML and pydantic describe a problem in their own words; a planner reads Swedish. These
helpers turn their most common reports into short Swedish phrases, and keep the value.

>>> sv_yaml_problem("found character '\\\\t' that cannot start any token")
'en tabb där YAML bara tillåter mellanslag'
>>> sv_validation_message(
...     {"type": "literal_error", "input": "stad", "ctx": {"expected": "'kommun' or 'region'"}}
... )
"'stad' är inget av 'kommun' eller 'region'"
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["sv_validation_message", "sv_yaml_problem"]

_YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    (
        r"found character '\\t' that cannot start any token",
        "en tabb där YAML bara tillåter mellanslag",
    ),
    (r"expected <block end>, but found", "indraget stämmer inte med raderna ovanför"),
    (r"mapping values are not allowed here", "ett kolon där det inte får stå något"),
    (r"expected ',' or '\]'", "en lista inom [ ] är inte stängd, eller har ett kolon i sig"),
    (r"expected ',' or '\}'", "en post inom { } är inte stängd"),
    (r"found undefined alias '?([^']*)'?", "aliaset *{0} är inte definierat med &{0}"),
    (r"could not determine a constructor for the tag '?([^']*)'?", "taggen {0} är inte tillåten"),
    (r"unacceptable character #x([0-9a-fA-F]+)", "ett otillåtet tecken (kod {0})"),
    (r"found unexpected end of stream", "filen tar slut mitt i en post"),
    (r"found unexpected ':'", "ett kolon på fel ställe"),
    (r"found duplicate anchor", "samma ankare (&) står två gånger"),
    (r"expected a comment or a line break", "text efter ett värde där bara en kommentar får stå"),
    (r"while scanning a quoted scalar", "ett citattecken stängs aldrig"),
    (r"did not find expected key", "en rad i en lista har fel indrag"),
    (r"did not find expected '-' indicator", "en listpost saknar '- ' eller har fel indrag"),
    (r"found a tab character", "en tabb där YAML bara tillåter mellanslag"),
)


def sv_yaml_problem(problem: str | None) -> str:
    """PyYAML's description of a syntax error, in Swedish (or a general one)."""
    for pattern, text in _YAML_PROBLEMS:
        match = re.search(pattern, problem or "")
        if match:
            return text.format(*match.groups())
    return "fel i YAML-syntaxen"


def sv_validation_message(error: Mapping[str, Any]) -> str:
    """The first error of a pydantic `ValidationError` (``err.errors()[0]``), in Swedish."""
    kind = str(error.get("type", ""))
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        return str(error.get("msg", "")).removeprefix("Value error, ")
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " eller ")
        return f"{value!r} är inget av {expected}"
    if kind == "missing":
        return "värdet saknas"
    if kind == "extra_forbidden":
        return f"okänt fält med värdet {value!r}"
    if kind.startswith(("date", "datetime")):
        return f"{value!r} är inget datum; skriv ÅÅÅÅ-MM-DD"
    if kind.startswith("bool"):
        return f"{value!r} är varken true eller false"
    if kind.startswith("string_too_short"):
        return "värdet får inte vara tomt"
    if kind.startswith(("string", "str")):
        return f"{value!r} ska vara text"
    if kind.startswith(("int", "float")):
        return f"{value!r} ska vara ett tal"
    return f"ogiltigt värde {value!r}"
