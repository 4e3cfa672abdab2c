"""The förändringsrapport: what changed between two survey rounds, as one page to forward.

At the top, per län, the counts that moved ("SAMBU-team: 3 → 11 kommuner"); then per län a
map of the changed links, one card per kommun, drawn as inline SVG in the looks of
:data:`visualizations.styles.CHANGE_STYLES` (new links, lost links, new absences, closed and
opened gaps, each in its own style, with a legend); then per kommun the changes with the quote
from each side. The page runs no script and loads nothing; every text from the data is escaped
and personal names are replaced unless ``with_names``.

>>> from lokgraph.diff import Change, Count, Diff
>>> d = Diff(from_round="2022", to_round="2024",
...          counts=(Count(lan="Västra Götalands län", measure="SAMBU-team", before=3, after=11),),
...          changes=(Change(kind="group_added", kommun="Hjo", lan="Västra Götalands län",
...                          subject="SAMBU-team Hjo", quote_after="Hjo har <b>SAMBU</b>."),))
>>> page = change_report_html(d)
>>> "SAMBU-team: 3 → 11 kommuner" in page, "&lt;b&gt;SAMBU&lt;/b&gt;" in page, "<script" in page
(True, True, False)
"""

from __future__ import annotations

from collections import defaultdict

from lokgraph.diff import Change, Diff, change_words, count_text, status_word
from lokgraph.rounds import round_label
from lokgraph.sv import sv_key

from .page import esc, html_head
from .styles import CHANGE_LOOKS, CHANGE_STYLES, LABEL_COLOURS, OWNER_COLOURS
from .tooltips import shown

__all__ = ["change_report_html"]

_ROW = 26
_WIDTH = 560


def change_report_html(diff: Diff, *, with_names: bool = False) -> str:
    """The whole page as an HTML string."""
    span = f"{round_label(diff.from_round)} → {round_label(diff.to_round)}"
    title = f"Förändringsrapport {span}"
    by_lan: dict[str, list[Change]] = defaultdict(list)
    for change in diff.changes:
        by_lan[change.lan or "Utan län"].append(change)
    counts: dict[str, list[str]] = defaultdict(list)
    for count in diff.counts:
        if count.before != count.after:
            counts[count.lan].append(count_text(count))
    names_note = (
        "Personnamn i citaten visas."
        if with_names
        else "Personnamn i citaten är ersatta med [namn]."
    )
    body = [
        f"<header><h1>{esc(title)}</h1>",
        f"<p>Vad som ändrats i samverkan kring barn och unga mellan omgång "
        f"{esc(round_label(diff.from_round))} och {esc(round_label(diff.to_round))}: nya och "
        "borttagna grupper, parter som kommit till eller lämnat, frånvaro som rapporteras "
        "eller inte längre rapporteras, LÖK som ändrat status och luckor som öppnats eller "
        f'stängts, med citatet från varje omgång.</p><p class="lg-note">{esc(names_note)}</p>',
        "</header>",
        _summary(counts),
        _legend(),
    ]
    for lan in sorted(set(by_lan) | set(counts), key=sv_key):
        body.append(_lan_section(lan, by_lan.get(lan, []), counts.get(lan, []), with_names))
    if not diff.changes:
        body.append("<p>Inga förändringar hittades mellan omgångarna.</p>")
    style = f"<style>\n{_CSS}\n</style>"
    return html_head(title, style) + "<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"


def _summary(counts: dict[str, list[str]]) -> str:
    if not counts:
        return (
            '<section class="lg-counts"><h2>Antal per län</h2><p>Inga antal ändrades.</p></section>'
        )
    parts = ['<section class="lg-counts"><h2>Antal per län</h2>']
    for lan in sorted(counts, key=sv_key):
        items = "".join(f"<li>{esc(line)}</li>" for line in counts[lan])
        parts.append(f"<h3>{esc(lan)}</h3><ul>{items}</ul>")
    parts.append("</section>")
    return "".join(parts)


def _line(x1: float, y1: float, x2: float, y2: float, look: str) -> str:
    style = CHANGE_STYLES[look]
    dash = f' stroke-dasharray="{style["dash"]}"' if style["dash"] else ""
    return (
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{style["color"]}" '
        f'stroke-width="{style["width"]}"{dash} class="lg-look-{look}"/>'
    )


def _legend() -> str:
    items = []
    for look, style in CHANGE_STYLES.items():
        sample = f'<svg width="46" height="12" aria-hidden="true">{_line(2, 6, 44, 6, look)}</svg>'
        items.append(f"<li>{sample} {esc(style['name'])}</li>")
    shapes = (
        f'<li><svg width="46" height="16" aria-hidden="true">{_box(6, 2, 34, 12)}</svg> Kommun</li>'
        f'<li><svg width="46" height="16" aria-hidden="true">{_diamond(23, 8)}</svg> Grupp</li>'
        f'<li><svg width="46" height="16" aria-hidden="true">{_dot(23, 8)}</svg> Part</li>'
    )
    return (
        '<section class="lg-legend"><h2>Teckenförklaring</h2>'
        f"<ul>{''.join(items)}{shapes}</ul></section>"
    )


def _box(x: float, y: float, w: float, h: float) -> str:
    fill, border = OWNER_COLOURS["kommun"]
    return (
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="3" fill="{fill}" stroke="{border}"/>'
    )


def _diamond(cx: float, cy: float, r: float = 7) -> str:
    fill, border = OWNER_COLOURS["joint"]
    points = f"{cx},{cy - r} {cx + r},{cy} {cx},{cy + r} {cx - r},{cy}"
    return f'<polygon points="{points}" fill="{fill}" stroke="{border}"/>'


def _dot(cx: float, cy: float, r: float = 6) -> str:
    fill, border = OWNER_COLOURS["region"]
    return f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}" stroke="{border}"/>'


def _text(x: float, y: float, text: str, limit: int = 34) -> str:
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return f'<text x="{x}" y="{y + 4}"><title>{esc(text)}</title>{esc(short)}</text>'


def _card(kommun: str, changes: list[Change], with_names: bool) -> str:
    """One kommun's changed links: kommun box, groups as diamonds, parties as dots."""
    rows = [c for c in changes if c.kind in CHANGE_LOOKS]
    height = 16 + _ROW * max(1, len(rows))
    mid = height / 2
    parts = [
        f'<svg class="lg-card" width="{_WIDTH}" height="{height}" role="img" '
        f'aria-label="{esc("Förändringar i " + kommun)}">',
        _box(4, mid - 11, 92, 22),
        _text(10, mid, kommun, 13),
    ]
    for i, c in enumerate(rows):
        y = 8 + _ROW * i + _ROW / 2
        look = CHANGE_LOOKS[c.kind]
        subject = shown(c.subject, with_names)
        if c.kind in ("group_added", "group_removed"):
            parts.append(_line(96, mid, 200, y, look))
            parts += [_diamond(208, y), _text(220, y, subject, 44)]
        elif c.kind == "lok_status":
            parts.append(_line(96, mid, 200, y, look))
            fill, border = LABEL_COLOURS["Agreement"]
            points = f"208,{y - 7} 215,{y + 6} 201,{y + 6}"
            parts.append(f'<polygon points="{points}" fill="{fill}" stroke="{border}"/>')
            words = f"{subject}: {status_word(c.before)} → {status_word(c.after)}"
            parts.append(_text(220, y, words, 52))
        elif c.kind in ("gap_opened", "gap_closed"):
            parts.append(_line(96, mid, 200, y, look))
            parts += [_dot(208, y), _text(220, y, subject, 52)]
        else:
            parts.append(
                f'<line x1="96" y1="{mid}" x2="200" y2="{y}" stroke="#c9ced6" stroke-width="1"/>'
            )
            parts += [_diamond(208, y), _text(220, y, subject, 27)]
            parts += [_line(404, y, 474, y, look), _dot(482, y), _text(494, y, c.party or "", 9)]
    parts.append("</svg>")
    return "".join(parts)


def _lan_section(lan: str, changes: list[Change], counts: list[str], with_names: bool) -> str:
    words = change_words()["changes"]
    by_kommun: dict[str, list[Change]] = defaultdict(list)
    for change in changes:
        by_kommun[change.kommun or "Hela området"].append(change)
    parts = [f'<section class="lg-area"><h2>{esc(lan)}</h2>']
    if counts:
        parts.append(
            "<ul class='lg-moved'>" + "".join(f"<li>{esc(c)}</li>" for c in counts) + "</ul>"
        )
    if by_kommun:
        parts.append('<h3>Karta över förändrade länkar</h3><div class="lg-cards">')
        for kommun in sorted(by_kommun, key=sv_key):
            parts.append(f"<figure>{_card(kommun, by_kommun[kommun], with_names)}</figure>")
        parts.append("</div>")
    for kommun in sorted(by_kommun, key=sv_key):
        parts.append(f"<h3>{esc(kommun)}</h3><table><thead><tr>")
        for column in ("Förändring", "Vad", "Part", "Före", "Efter", "Citat före", "Citat efter"):
            parts.append(f"<th>{column}</th>")
        parts.append("</tr></thead><tbody>")
        for c in by_kommun[kommun]:
            before, after = c.before, c.after
            if c.kind == "lok_status":
                before, after = status_word(before), status_word(after)
            cells = (
                words[c.kind],
                shown(c.subject, with_names),
                c.party or "",
                before or "",
                after or "",
                shown(c.quote_before, with_names),
                shown(c.quote_after, with_names),
            )
            look = CHANGE_LOOKS.get(c.kind, "new")
            parts.append(
                f'<tr class="lg-row-{look}">'
                + "".join(f"<td>{esc(x)}</td>" for x in cells)
                + "</tr>"
            )
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "".join(parts)


_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; padding: 0 1.5em; max-width: 70em;
       color: #1d2430; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccd; margin-top: 1.6em; }
.lg-note { color: #555; font-size: 0.9em; }
.lg-counts ul, .lg-moved { font-size: 1.15em; font-weight: 600; }
.lg-legend ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4em 1.4em; }
.lg-legend li { display: flex; align-items: center; gap: 0.4em; }
.lg-cards { display: flex; flex-wrap: wrap; gap: 0.8em; }
.lg-cards figure { margin: 0; border: 1px solid #dde; border-radius: 4px; padding: 2px; }
.lg-card text { font-size: 12px; fill: #1d2430; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid #dde; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
@media print { .lg-area { break-before: page; } }
""" + "\n".join(
    f".lg-row-{look} td:first-child {{ border-left: 4px "
    f"{'dashed' if style['dash'] else 'solid'} {style['color']}; }}"
    for look, style in CHANGE_STYLES.items()
)
