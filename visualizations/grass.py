"""A Neo4j Browser style sheet (`.grass`) that colours labels and relationships like the maps.

The colours come from the one table the maps use (`visualizations.styles`): `LABEL_COLOURS`
for node labels and `EDGE_STYLES` for relationships (a reported absence is red and thick).
`docs/lokgraph.grass` is this text, written by `python -m visualizations.grass`; a test keeps
the two equal. Load it in Neo4j Browser with `:style` and drop the file on the panel, or
paste its text (see the README).

>>> text = grass_text()
>>> "node.Unit {" in text and "color: #f5b46a;" in text
True
>>> "relationship.ABSENT_FROM {" in text
True
"""

from __future__ import annotations

import sys
from pathlib import Path

from lokgraph.models import NODE_LABELS, RELATIONSHIP_TYPES

from .styles import EDGE_STYLES, GREY, LABEL_COLOURS

__all__ = ["GRASS_PATH", "grass_text", "main"]

GRASS_PATH = Path(__file__).resolve().parents[1] / "docs" / "lokgraph.grass"
_TEXT = "#1f2933"  # the caption colour inside a node: dark on every fill of the table
_DIAMETER = {"Principal": 65, "Area": 70, "Group": 55}  # px; the others 50


def grass_text() -> str:
    """The style sheet: one block per node label and relationship type, in schema order."""
    blocks = [
        _block(
            "node",
            {
                "diameter": "50px",
                "color": GREY,
                "border-color": "#6b7079",
                "border-width": "2px",
                "text-color-internal": _TEXT,
                "font-size": "10px",
            },
        ),
        _block(
            "relationship",
            {
                "color": GREY,
                "shaft-width": "1px",
                "font-size": "8px",
                "padding": "3px",
                "text-color-external": "#000000",
                "text-color-internal": "#ffffff",
                "caption": '"<type>"',
            },
        ),
    ]
    for label in NODE_LABELS:
        fill, border = LABEL_COLOURS[label]
        blocks.append(
            _block(
                f"node.{label}",
                {
                    "color": fill,
                    "border-color": border,
                    "text-color-internal": _TEXT,
                    "diameter": f"{_DIAMETER.get(label, 50)}px",
                    "caption": '"{name}"',
                },
            )
        )
    for rel_type in RELATIONSHIP_TYPES:
        style = EDGE_STYLES.get(rel_type, {"color": GREY, "width": 1})
        width = max(1, round(float(style.get("width", 1))))
        blocks.append(
            _block(
                f"relationship.{rel_type}",
                {"color": style["color"], "shaft-width": f"{width}px", "caption": '"<type>"'},
            )
        )
    return "\n".join(blocks)


def main(argv: list[str] | None = None) -> int:
    """Write the style sheet to docs/lokgraph.grass (or to the path given)."""
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else GRASS_PATH
    target.write_text(grass_text(), encoding="utf-8", newline="\n")
    print(target)
    return 0


def _block(selector: str, rules: dict[str, str]) -> str:
    body = "".join(f"  {key}: {value};\n" for key, value in rules.items())
    return f"{selector} {{\n{body}}}\n"


if __name__ == "__main__":
    raise SystemExit(main())
