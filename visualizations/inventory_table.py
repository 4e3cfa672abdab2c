"""The LÖK inventory as HTML: per län, the counts Ja / Nej / Svar saknas per RÖK area, the mean
time from RÖK to LÖK, the LÖKs outlasting their RÖK, and the answer of every kommun.

The gap report shows it as its own section (`inventory_section`); every text is escaped.

>>> from lokgraph.inventory import AreaInventory, LanInventory
>>> lan = LanInventory(lan="Dalarnas län", areas=(AreaInventory(area="missbruk", ja=8, nej=3,
...                    saknas=4, mean_months=24.0, dated=6, outlasting=3),))
>>> html = inventory_html([lan])
>>> "<td>8</td><td>3</td><td>4</td>" in html, "2,0 år (24 mån)" in html
(True, True)
"""

from __future__ import annotations

import networkx as nx

from lokgraph.codes import AREA_NAMES
from lokgraph.diff import change_words
from lokgraph.inventory import LanInventory, lok_inventory, months_text
from lokgraph.sv import sv_key

from .page import esc
from .tooltips import shown

__all__ = ["INVENTORY_CSS", "inventory_html", "inventory_section"]

INVENTORY_CSS = """
table.lg-inventory { border-collapse: collapse; margin: 0.5em 0 1em; }
table.lg-inventory th, table.lg-inventory td { border: 1px solid #ccd; padding: 0.25em 0.6em; }
table.lg-inventory td.lg-num { text-align: right; }
"""


def inventory_section(graph: nx.MultiDiGraph, *, with_names: bool = False) -> str:
    """The report's inventory section, or "" when the graph holds no LÖK or RÖK."""
    found = lok_inventory(graph)
    if not found:
        return ""
    return (
        '<section class="lg-area lg-inventory-section" id="lok-inventering">'
        "<h2>LÖK-inventering</h2>" + inventory_html(found, with_names=with_names) + "</section>"
    )


def inventory_html(found: list[LanInventory], *, with_names: bool = False) -> str:
    answers = change_words()["inventory"]["answers"]
    parts = []
    for lan in found:
        parts.append(f"<h3>{esc(lan.lan)}</h3>")
        parts.append(
            '<table class="lg-inventory lg-inventory-summary"><thead><tr><th>Område</th>'
            "<th>Ja</th><th>Nej</th><th>Svar saknas</th><th>Genomsnittlig tid till LÖK</th>"
            "<th>LÖK som gäller längre än RÖK</th></tr></thead><tbody>"
        )
        for a in lan.areas:
            cells = [a.ja, a.nej, a.saknas]
            parts.append(
                f"<tr><th scope='row'>{esc(AREA_NAMES[a.area])}</th>"
                + "".join(f"<td>{n}</td>" for n in cells)
                + f"<td>{esc(months_text(a.mean_months))}</td><td>{a.outlasting}</td></tr>"
            )
        parts.append("</tbody></table>")
        kommuner = sorted(
            {k.kommun for a in lan.areas for k in a.kommuner},
            key=sv_key,
        )
        answer_of = {(a.area, k.kommun): k for a in lan.areas for k in a.kommuner}
        head = "".join(f"<th>{esc(AREA_NAMES[a.area])}</th>" for a in lan.areas)
        parts.append(
            f'<table class="lg-inventory lg-inventory-kommuner"><thead><tr><th>Kommun</th>{head}'
            "</tr></thead><tbody>"
        )
        for name in kommuner:
            row = [f"<th scope='row'>{esc(shown(name, with_names))}</th>"]
            for a in lan.areas:
                k = answer_of.get((a.area, name))
                if k is None:
                    row.append("<td></td>")
                    continue
                text = answers[k.answer] + (" *" if k.outlasts_rok else "")
                title = f' title="{esc(shown(k.quote, with_names))}"' if k.quote else ""
                row.append(f"<td{title}>{esc(text)}</td>")
            parts.append("<tr>" + "".join(row) + "</tr>")
        parts.append("</tbody></table><p class='lg-note'>* gäller längre än sin RÖK</p>")
    return "".join(parts)
