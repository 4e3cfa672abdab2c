"""The words and tooltips of a network map: Swedish names for labels, relationships, reasons
and statuses; each node's and edge's tooltip as plain text with its quotes (names redacted).

>>> from lokgraph.models import Principal, Structure
>>> from lokgraph.graph import build_graph
>>> g = build_graph(Structure(nodes=(Principal(id="kommun:orsa", name="Orsa", kind="kommun"),)))
>>> node_tooltip(g, "kommun:orsa", "Orsa", ["Orsa"], {"kommun:orsa": "kommun"}, False).split("\\n")
['Huvudman: Orsa', 'Kommun', 'Huvudman: kommunens']
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from lokgraph.adjacency import adjacency, node_dicts
from lokgraph.codes import LEVELS, PARTIES

from .names import redact_names

__all__ = [
    "AGREEMENT_KINDS",
    "CARE_LEVEL_NAMES",
    "LABEL_NAMES",
    "LEVEL_NAMES",
    "MAX_QUOTES",
    "OWNER_NAMES",
    "REASON_NAMES",
    "RELATIONSHIP_NAMES",
    "STATUS_NAMES",
    "edge_tooltip",
    "evidence_text",
    "node_tooltip",
    "shown",
    "source_title",
]

LABEL_NAMES = {
    "Principal": "Huvudman",
    "Unit": "Verksamhet",
    "Group": "Grupp",
    "Agreement": "Överenskommelse",
    "Activity": "Aktivitet",
}


OWNER_NAMES = {
    "kommun": "kommunens",
    "region": "regionens",
    "joint": "gemensam (kommun och region)",
    "none": "okänd huvudman",
}


RELATIONSHIP_NAMES = {
    "IN_AREA": "ligger i",
    "PART_OF": "hör till",
    "SERVES": "grupp för",
    "MEMBER_OF": "medverkar i",
    "ABSENT_FROM": "saknas i",
    "REPORTS_TO": "rapporterar till",
    "PARTY_TO": "part i",
    "IMPLEMENTS": "genomför",
    "RESPONSIBLE_FOR": "ansvarar för",
    "FOLLOWED_UP_BY": "följs upp av",
    "STATED_IN": "står i",
}


REASON_NAMES = {
    "not_participating": "deltar inte",
    "not_asked": "har inte tillfrågats",
    "hard_to_engage": "svår att få med",
    "needed": "behövs men saknas",
    "missing": "saknas",
}


LEVEL_NAMES = {level: level for level in LEVELS}


STATUS_NAMES = {
    "in_force": "gällande",
    "in_progress": "under framtagande",
    "under_revision": "under revidering",
    "none": "saknas",
    "unknown": "okänd",
}


AGREEMENT_KINDS = {"ROK": "RÖK", "LOK": "LÖK"}


CARE_LEVEL_NAMES = {"bas": "bas", "forsta_linjen": "första linjen", "specialist": "specialist"}


MAX_QUOTES = 3


def shown(text: str | None, with_names: bool) -> str:
    """Text from the data as it may be shown: names redacted unless ``with_names``."""
    if not text:
        return ""
    return text if with_names else redact_names(text)


def source_title(graph: nx.MultiDiGraph, source: str) -> str:
    """The title of a Source node and its date when known, or its id when the graph does not
    hold it (how quotes cite their source)."""
    attrs = node_dicts(graph).get(source)
    if not attrs:
        return source
    title = str(attrs.get("name") or source)
    return f"{title}, {attrs['date']}" if attrs.get("date") else title


def evidence_text(
    graph: nx.MultiDiGraph, evidence: Iterable[dict], with_names: bool, limit: int = MAX_QUOTES
) -> list[str]:
    """Each quote with where it comes from, one plain-text line each (names redacted).

    >>> g = nx.MultiDiGraph()
    >>> evidence_text(g, [{"source": "s1", "quote": "Vi har med rektor Åsa Timonen.",
    ...                    "respondent": "Orsa", "question": "2"}], False)
    ['”Vi har med rektor [namn].” (s1, fråga 2, svar från Orsa)']
    """
    lines = []
    items = list(evidence)
    for e in items[:limit]:
        where = [source_title(graph, e.get("source", ""))]
        if e.get("question"):
            where.append(f"fråga {e['question']}")
        if e.get("page"):
            where.append(f"sida {e['page']}")
        if e.get("respondent"):
            where.append(f"svar från {e['respondent']}")
        where_text = shown(", ".join(w for w in where if w), with_names)
        quote = shown(e.get("quote", ""), with_names)
        lines.append(f"”{quote}” ({where_text})" if quote else f"({where_text})")
    if len(items) > limit:
        lines.append(f"… och {len(items) - limit} citat till")
    return lines


def node_tooltip(
    graph: nx.MultiDiGraph,
    node: str,
    name: str,
    homes: list[str],
    owners: dict[str, str],
    with_names: bool,
) -> str:
    d = graph.nodes[node]
    label = d.get("label", "")
    lines = [f"{LABEL_NAMES[label]}: {name}"]
    if label == "Principal":
        lines.append("Kommun" if d.get("kind") == "kommun" else "Region")
    elif label == "Unit":
        party = PARTIES.get(d.get("party", ""))
        facts = [f"Part: {party.name} ({party.code})"] if party else []
        if d.get("care_level"):
            facts.append(f"nivå: {CARE_LEVEL_NAMES.get(d['care_level'], d['care_level'])}")
        lines.append(", ".join(facts))
    elif label == "Group":
        kind = str(d.get("group_type", "")).replace("_", " ")
        lines.append(f"Typ: {kind}, nivå: {d.get('level') or 'okänd'}")
    elif label == "Agreement":
        kind = AGREEMENT_KINDS.get(d.get("kind", ""), d.get("kind", ""))
        status = STATUS_NAMES.get(d.get("status") or "", "ingen uppgift")
        lines.append(f"{kind}, status: {status}")
        if d.get("valid_from") or d.get("valid_to"):
            lines.append(f"Giltig: {d.get('valid_from', '')} – {d.get('valid_to', '')}")
    elif label == "Activity":
        if d.get("focus_area"):
            lines.append(f"Fokusområde: {shown(d['focus_area'], with_names)}")
        if d.get("timeline"):
            lines.append(f"Tidsplan: {shown(d['timeline'], with_names)}")
    lines.append(f"Huvudman: {OWNER_NAMES[owners.get(node, 'none')]}")
    if homes and label != "Principal":
        lines.append("Kommun: " + ", ".join(homes[:8]) + (" …" if len(homes) > 8 else ""))
    sources = sorted(
        {
            source_title(graph, v)
            for v, keys in adjacency(graph)[0][node].items()
            if "STATED_IN" in keys
        }
    )
    if len(sources) > 1:  # e.g. a survey and a structure file that both name this group
        lines.append("Källor: " + "; ".join(shown(title, with_names) for title in sources))
    quotes = evidence_text(graph, d.get("evidence", ()), with_names)
    if quotes:
        lines.append("")
        lines.extend(quotes)
    return "\n".join(line for line in lines if line is not None)


def edge_tooltip(graph: nx.MultiDiGraph, u: str, v: str, key: str, with_names: bool) -> str:
    """An edge's tooltip: what it says in Swedish, then its quotes."""
    nodes = node_dicts(graph)
    d = adjacency(graph)[0][u][v][key]
    start = shown(nodes[u].get("name", u), with_names)
    end = shown(nodes[v].get("name", v), with_names)
    if key == "ABSENT_FROM":
        reason = REASON_NAMES.get(d.get("reason") or "missing", d.get("reason") or "saknas")
        head = f"Saknas: {start} i {end} ({reason})"
    else:
        head = f"{start} {RELATIONSHIP_NAMES[key]} {end}"
        if d.get("partial"):
            head += " (delvis)"
    return "\n".join([head, *evidence_text(graph, d.get("evidence", ()), with_names)])
