"""The LÖK inventory: per län and RÖK area, how many kommuner have a LÖK (Ja / Nej / Svar
saknas), the mean time from RÖK to LÖK, and the LÖKs valid longer than their RÖK.

It reads the graph, whatever filled it: an inventory sheet (`loaders.inventory`), a structure
file's LÖKs, or a survey's LÖK status. A LÖK `in_force` or `under_revision` counts as Ja (it
exists), `none` or `in_progress` as Nej (none signed yet); a kommun asked (by an inventory or a
survey, or as a party to the RÖK) with no LÖK or an `unknown` one is Svar saknas.

>>> from lokgraph.graph import new_graph
>>> g = new_graph()
>>> g.add_node("kommun:orsa", label="Principal", kind="kommun", name="Orsa", lan_kod="20")
>>> g.add_node("agreement:lok:orsa:missbruk", label="Agreement", kind="LOK", area="missbruk",
...            name="LÖK Orsa", status="in_force", valid_from="2021-01-01")
>>> g.add_edge("kommun:orsa", "agreement:lok:orsa:missbruk", key="PARTY_TO", type="PARTY_TO")
'PARTY_TO'
>>> [(a.area, a.ja, a.nej, a.saknas) for a in lok_inventory(g)[0].areas]
[('missbruk', 1, 0, 0)]
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from typing import Literal

import networkx as nx
from pydantic import BaseModel, ConfigDict

from .codes import AGREEMENT_AREAS
from .reference import lan_names
from .rounds import kommun_index
from .sv import sv_key

__all__ = ["AreaInventory", "KommunLok", "LanInventory", "lok_inventory", "months_text"]

Answer = Literal["ja", "nej", "saknas"]
_YES = frozenset({"in_force", "under_revision"})
_NO = frozenset({"none", "in_progress"})
_DAYS_PER_MONTH = 365.25 / 12


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class KommunLok(_Record):
    kommun: str
    answer: Answer
    status: str | None = None
    signed: dt.date | None = None
    valid_to: dt.date | None = None
    outlasts_rok: bool = False
    quote: str = ""


class AreaInventory(_Record):
    area: str
    ja: int
    nej: int
    saknas: int
    #: mean months from the RÖK's start to the LÖK's, over the LÖKs where both are known
    mean_months: float | None = None
    dated: int = 0
    outlasting: int = 0
    rok_valid_from: dt.date | None = None
    rok_valid_to: dt.date | None = None
    kommuner: tuple[KommunLok, ...] = ()


class LanInventory(_Record):
    lan: str
    areas: tuple[AreaInventory, ...] = ()


def months_text(months: float | None) -> str:
    """The mean time as the seed's summary writes it.

    >>> months_text(28.0), months_text(24.2), months_text(None)
    ('2,3 år (28 mån)', '2,0 år (24 mån)', 'okänd')
    """
    if months is None:
        return "okänd"
    years = f"{months / 12:.1f}".replace(".", ",")
    return f"{years} år ({round(months)} mån)"


def lok_inventory(graph: nx.MultiDiGraph) -> list[LanInventory]:
    """The inventory per län, for every area that has a LÖK or a RÖK in the graph."""
    nodes = graph.nodes
    home = kommun_index(graph)
    lan_of = lan_names()
    loks: dict[tuple[str, str], dict] = {}
    roks: dict[tuple[str, str], dict] = {}
    asked: dict[str, set[str]] = defaultdict(set)  # lan → kommun ids
    rok_parties: dict[tuple[str, str], set[str]] = defaultdict(set)
    for n, d in graph.nodes(data=True):
        if d["label"] == "Agreement" and d.get("kind") == "LOK" and n in home:
            loks[(home[n], d.get("area", "barn_unga"))] = d
        elif d["label"] == "Source" and d.get("kind") in ("inventory", "survey"):
            for k in d.get("surveyed", ()):
                if k in nodes:
                    asked[lan_of.get(nodes[k].get("lan_kod", ""), "")].add(k)
    for u, v, key in graph.edges(keys=True):
        if key == "PARTY_TO" and nodes[v].get("kind") == "ROK":
            if nodes[u].get("kind") == "kommun":
                rok_parties[(lan_of.get(nodes[u].get("lan_kod", ""), ""), nodes[v]["area"])].add(u)
            elif nodes[u].get("kind") == "region":
                roks[(lan_of.get(nodes[u].get("lan_kod", ""), ""), nodes[v]["area"])] = nodes[v]
        elif key == "IMPLEMENTS" and v in nodes and u in home:
            lan = lan_of.get(nodes[home[u]].get("lan_kod", ""), "")
            roks.setdefault((lan, nodes[v].get("area", "")), nodes[v])
    areas_by_lan: dict[str, set[str]] = defaultdict(set)
    for kommun, area in loks:
        areas_by_lan[lan_of.get(nodes[kommun].get("lan_kod", ""), "")].add(area)
    for lan, area in roks:
        areas_by_lan[lan].add(area)
    result = []
    for lan in sorted(areas_by_lan, key=sv_key):
        if not lan:
            continue
        found = []
        for area in (a for a in AGREEMENT_AREAS if a in areas_by_lan[lan]):
            kommuner = asked[lan] | rok_parties[(lan, area)]
            kommuner |= {k for (k, a) in loks if a == area and _lan(nodes, k, lan_of) == lan}
            rok = roks.get((lan, area), {})
            found.append(_area(graph, area, sorted(kommuner), loks, rok))
        result.append(LanInventory(lan=lan, areas=tuple(found)))
    return result


def _lan(nodes: Mapping[str, dict], kommun: str, lan_of: dict[str, str]) -> str:
    return lan_of.get(nodes[kommun].get("lan_kod", ""), "")


def _day(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def _area(
    graph: nx.MultiDiGraph, area: str, kommuner: list[str], loks: dict, rok: dict
) -> AreaInventory:
    rok_from, rok_to = _day(rok.get("valid_from")), _day(rok.get("valid_to"))
    rows = []
    waits = []
    for k in kommuner:
        lok = loks.get((k, area))
        status = lok.get("status") if lok else None
        answer: Answer = "ja" if status in _YES else ("nej" if status in _NO else "saknas")
        signed, valid_to = (
            (_day(lok.get("valid_from")), _day(lok.get("valid_to")))
            if lok
            else (
                None,
                None,
            )
        )
        outlasts = bool(answer == "ja" and valid_to and rok_to and valid_to > rok_to)
        if answer == "ja" and signed and rok_from:
            waits.append((signed - rok_from).days / _DAYS_PER_MONTH)
        evidence = (lok or {}).get("evidence") or []
        rows.append(
            KommunLok(
                kommun=graph.nodes[k].get("name", k),
                answer=answer,
                status=status,
                signed=signed,
                valid_to=valid_to,
                outlasts_rok=outlasts,
                quote=evidence[0].get("quote", "") if evidence else "",
            )
        )
    rows.sort(key=lambda r: sv_key(r.kommun))
    return AreaInventory(
        area=area,
        ja=sum(r.answer == "ja" for r in rows),
        nej=sum(r.answer == "nej" for r in rows),
        saknas=sum(r.answer == "saknas" for r in rows),
        mean_months=sum(waits) / len(waits) if waits else None,
        dated=len(waits),
        outlasting=sum(r.outlasts_rok for r in rows),
        rok_valid_from=rok_from,
        rok_valid_to=rok_to,
        kommuner=tuple(rows),
    )
