"""The looks of lokgraph's pages in one table: node shapes, colours, edge styles and the colours
of the specialist statuses; the legends, the page CSS and the tests all read them from here.

Other outputs can be styled from the same table, e.g. a Neo4j Browser ``.grass`` file from
:data:`NODE_SHAPES`, :data:`LABEL_COLOURS` and :data:`EDGE_STYLES`.

>>> NODE_SHAPES["Group"], OWNER_COLOURS["region"][0]
('diamond', '#f5b46a')
>>> EDGE_STYLES["ABSENT_FROM"]["color"] == RED
True
>>> SPECIALIST_STATUS["missing"].name
'BUP eller HAB rapporteras saknas'
"""

from __future__ import annotations

from typing import Any, NamedTuple

__all__ = [
    "CHANGE_LOOKS",
    "CHANGE_STYLES",
    "COLOURS",
    "EDGE_STYLES",
    "GAP_EDGE",
    "LABEL_COLOURS",
    "NODE_SHAPES",
    "OWNER_COLOURS",
    "PALE_RED",
    "RED",
    "SHAPES",
    "SPECIALIST_STATUS",
    "STRUCTURAL_EDGES",
    "StatusLook",
    "legend_entries",
    "node_colour",
    "status_css",
]

#: The vis-network shape of each node label.
NODE_SHAPES: dict[str, str] = {
    "Principal": "box",
    "Unit": "dot",
    "Group": "diamond",
    "Agreement": "triangle",
    "Activity": "square",
}
SHAPES = NODE_SHAPES  # the older name
#: Fill and border colour per huvudman: kommun, region, both (joint), and unknown.
OWNER_COLOURS: dict[str, tuple[str, str]] = {
    "kommun": ("#8db8e8", "#2b6cb0"),
    "region": ("#f5b46a", "#b8600f"),
    "joint": ("#b9a3dc", "#5e4391"),
    "none": ("#c5c9cf", "#6b7079"),
}
COLOURS = OWNER_COLOURS  # the older name
#: One colour per node label, for tools that colour by label alone (Neo4j Browser).
LABEL_COLOURS: dict[str, tuple[str, str]] = {
    "Principal": OWNER_COLOURS["kommun"],
    "Unit": OWNER_COLOURS["region"],
    "Group": OWNER_COLOURS["joint"],
    "Agreement": ("#a8d5a2", "#3d7a35"),
    "Activity": ("#e8e1a0", "#7a6f1e"),
    "Area": ("#dfe6ef", "#3b4a5f"),
    "Source": OWNER_COLOURS["none"],
}
RED = "#d62728"
PALE_RED = "#e77f80"
GREY = "#9aa4b2"
#: The look of each relationship type on a map (vis-network edge options).
EDGE_STYLES: dict[str, dict] = {
    "MEMBER_OF": {"color": "#7d8796", "width": 1.5},
    "REPORTS_TO": {"color": "#3b4a5f", "width": 2.5},
    "PARTY_TO": {"color": "#b7bec9", "width": 1},
    "PART_OF": {"color": "#c9ced6", "width": 1},
    "IN_AREA": {"color": "#c9ced6", "width": 1},
    "SERVES": {"color": GREY, "width": 1},
    "IMPLEMENTS": {"color": GREY, "width": 1.5},
    "RESPONSIBLE_FOR": {"color": "#7d8796", "width": 1.5},
    "FOLLOWED_UP_BY": {"color": "#7d8796", "width": 1.5},
    "ABSENT_FROM": {"color": RED, "width": 4, "dashes": True},
}
#: A BUP or HAB link that nothing records (drawn from the region's unit to the kommun).
GAP_EDGE: dict = {"color": PALE_RED, "dashes": [8, 6], "width": 3}
#: Relationship types that say where something belongs rather than who works with whom.
STRUCTURAL_EDGES = frozenset({"PART_OF", "IN_AREA", "PARTY_TO"})


class StatusLook(NamedTuple):
    """How one specialist status of a kommun looks on the overview: its fill, border and the
    Swedish words for it."""

    fill: str
    border: str
    name: str


#: The specialist status of a kommun (BUP and HAB together), best first.
SPECIALIST_STATUS: dict[str, StatusLook] = {
    "member": StatusLook("#6fbf7f", "#1e6b35", "BUP och HAB deltar"),
    "partial": StatusLook("#f2cf5b", "#7a5a00", "BUP eller HAB deltar bara delvis"),
    "missing": StatusLook("#e0474c", "#8e1b1b", "BUP eller HAB rapporteras saknas"),
    "not_recorded": StatusLook("#d4d8de", "#6b7079", "Ingen uppgift om BUP och HAB"),
    "no_answer": StatusLook("#8a8f99", "#3b4150", "Har inte svarat på enkäten"),
}


def node_colour(owner: str) -> dict:
    """The vis-network colour of a node whose huvudman is ``owner``.

    >>> node_colour("kommun")["background"]
    '#8db8e8'
    """
    fill, border = OWNER_COLOURS[owner]
    return {
        "background": fill,
        "border": border,
        "highlight": {"background": fill, "border": "#111111"},
        "hover": {"background": fill, "border": "#111111"},
    }


def status_css() -> str:
    """CSS rules that colour each specialist status (``.lg-st-<status>``) from the table.

    >>> status_css().splitlines()[0]
    '.lg-st-member { fill: #6fbf7f; background: #6fbf7f; }'
    """
    return "\n".join(
        f".lg-st-{key} {{ fill: {look.fill}; background: {look.fill}; }}"
        for key, look in SPECIALIST_STATUS.items()
    )


_SHAPE_NAMES = {
    "Principal": "Huvudman (kommun, region)",
    "Unit": "Verksamhet (part)",
    "Group": "Grupp",
    "Agreement": "Överenskommelse (RÖK, LÖK)",
    "Activity": "Aktivitet i handlingsplan",
}


def legend_entries(labels: set[str], edges: list[dict]) -> list[dict]:
    """The legend of a network map with these node labels and edges (see
    :func:`visualizations.page.build_legend`)."""
    entries: list[dict[str, Any]] = [
        {"label": "Kommunens", "color": OWNER_COLOURS["kommun"][0], "shape": "dot"},
        {"label": "Regionens", "color": OWNER_COLOURS["region"][0], "shape": "dot"},
        {
            "label": "Gemensam (kommun och region)",
            "color": OWNER_COLOURS["joint"][0],
            "shape": "dot",
        },
    ]
    for label, text in _SHAPE_NAMES.items():
        if label in labels:
            entries.append({"label": text, "color": GREY, "shape": NODE_SHAPES[label]})
    member = EDGE_STYLES["MEMBER_OF"]["color"]
    entries.append({"label": "Medverkar", "color": member, "kind": "edge"})
    if any(e.get("kind") == "structural" for e in edges):
        entries.append(
            {
                "label": "Hör till, part i (dolda tills du visar strukturlänkar)",
                "color": EDGE_STYLES["PART_OF"]["color"],
                "kind": "edge",
            }
        )
    if any(e.get("kind") == "partial" for e in edges):
        entries.append(
            {"label": "Medverkar delvis", "color": member, "kind": "edge", "dashes": True}
        )
    entries.append(
        {"label": "Rapporterar till", "color": EDGE_STYLES["REPORTS_TO"]["color"], "kind": "edge"}
    )
    entries.append(
        {
            "label": "Rapporteras saknas",
            "color": EDGE_STYLES["ABSENT_FROM"]["color"],
            "kind": "edge",
            "dashes": True,
        }
    )
    if any(e.get("kind") == "gap" for e in edges):
        entries.append(
            {
                "label": "BUP/HAB: ingen länk i underlaget",
                "color": GAP_EDGE["color"],
                "kind": "edge",
                "dashes": True,
            }
        )
    entries.append(
        {"label": "Storlek: antal kopplingar", "color": OWNER_COLOURS["none"][0], "shape": "circle"}
    )
    return entries


#: The looks of what changed between two survey rounds, on the change report's maps (SVG):
#: stroke colour, width, dash pattern (None for solid) and the legend's words.
CHANGE_STYLES: dict[str, dict] = {
    "new": {"color": "#2f9e44", "width": 3, "dash": None, "name": "Ny länk"},
    "lost": {"color": GREY, "width": 2.5, "dash": "7 5", "name": "Borttagen länk"},
    "absent_new": {"color": RED, "width": 2.5, "dash": "6 4", "name": "Rapporteras saknas (nytt)"},
    "gap_closed": {"color": "#1c7ed6", "width": 3, "dash": "2 4", "name": "Stängd lucka"},
    "gap_opened": {"color": PALE_RED, "width": 2.5, "dash": "9 5", "name": "Ny lucka"},
}
#: Which look each kind of change has (lokgraph.diff.CHANGE_KINDS).
CHANGE_LOOKS: dict[str, str] = {
    "group_added": "new",
    "member_joined": "new",
    "group_removed": "lost",
    "member_left": "lost",
    "absence_new": "absent_new",
    "absence_gone": "gap_closed",
    "gap_closed": "gap_closed",
    "gap_opened": "gap_opened",
    "lok_status": "new",
}
