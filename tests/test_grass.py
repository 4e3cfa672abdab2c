"""The Neo4j Browser style sheet: generated from the maps' one style table, and committed."""

from __future__ import annotations

import re

from lokgraph.models import NODE_LABELS, RELATIONSHIP_TYPES
from visualizations.grass import GRASS_PATH, grass_text, main
from visualizations.styles import EDGE_STYLES, LABEL_COLOURS


def _blocks(text: str) -> dict[str, dict[str, str]]:
    blocks = {}
    for selector, body in re.findall(r"^(\S+) \{\n(.*?)^\}", text, flags=re.M | re.S):
        rules = dict(re.findall(r"^\s+([a-z-]+): (.*);$", body, flags=re.M))
        blocks[selector] = rules
    return blocks


def test_the_committed_grass_file_is_what_the_style_table_gives():
    assert GRASS_PATH.read_text("utf-8") == grass_text(), (
        "docs/lokgraph.grass is stale: run python -m visualizations.grass"
    )


def test_every_label_has_the_maps_colours_and_every_relationship_a_block():
    blocks = _blocks(GRASS_PATH.read_text("utf-8"))
    for label in NODE_LABELS:
        fill, border = LABEL_COLOURS[label]
        assert blocks[f"node.{label}"]["color"] == fill
        assert blocks[f"node.{label}"]["border-color"] == border
        assert blocks[f"node.{label}"]["caption"] == '"{name}"'
    for rel_type in RELATIONSHIP_TYPES:
        assert f"relationship.{rel_type}" in blocks
    absent = blocks["relationship.ABSENT_FROM"]
    assert absent["color"] == EDGE_STYLES["ABSENT_FROM"]["color"]
    width = {t: int(blocks[f"relationship.{t}"]["shaft-width"][:-2]) for t in RELATIONSHIP_TYPES}
    assert width["ABSENT_FROM"] > width["PART_OF"]
    assert set(blocks) == {"node", "relationship"} | {f"node.{x}" for x in NODE_LABELS} | {
        f"relationship.{t}" for t in RELATIONSHIP_TYPES
    }


def test_main_writes_the_sheet_where_asked(tmp_path, capsys):
    target = tmp_path / "stil.grass"
    assert main([str(target)]) == 0
    assert target.read_text("utf-8") == grass_text()
    assert capsys.readouterr().out.strip() == str(target)
