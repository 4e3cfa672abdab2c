"""The assets a page carries: vis-network 9.1.2 and lokgraph's own scripts and styles, read
from ``assets/`` once, checked to be safe inside ``<script>``/``<style>``, inline or as files
beside the pages that share them (``VIS_ASSETS_MARK`` stands where they go).
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

__all__ = [
    "ASSET_DIR",
    "VIS_ASSETS_MARK",
    "asset_text",
    "inline_assets",
    "linked_vis_assets",
    "vis_asset_files",
]

ASSET_DIR = Path(__file__).resolve().parent / "assets"
VIS_JS = "vis-network-9.1.2.min.js"
VIS_CSS = "vis-network-9.1.2.css"
#: where a page's vis-network goes when several pages share it as files
VIS_ASSETS_MARK = "<!--lokgraph:vis-assets-->"

_CLOSING_TAG_RE = re.compile(r"</(script|style)", re.IGNORECASE)
_SOURCE_MAP_RE = re.compile(r"^\s*/[/*][#@] sourceMappingURL=.*$", re.MULTILINE)
_ICON_RULE_RE = re.compile(r"[^{}]*\{[^{}]*url\(\s*['\"]?data:image/[^{}]*\}")


def inline_assets() -> str:
    """The ``<style>`` and ``<script>`` blocks that carry vis-network into a page, inline.

    Read once from the package data and cached. The source-map comment is dropped, so even an
    open developer console fetches nothing.

    >>> blocks = inline_assets()
    >>> blocks.startswith("<style>") and "vis.Network" not in blocks[:100]
    True
    """
    return _inline_assets()


@functools.cache
def asset_text(name: str) -> str:
    """The text of one of lokgraph's own assets, checked to be safe to inline (cached).

    >>> "lokgraphReady" in asset_text("lokgraph-map.js")
    True
    """
    text = (ASSET_DIR / name).read_text(encoding="utf-8")
    text = _SOURCE_MAP_RE.sub("", text)
    if _CLOSING_TAG_RE.search(text):
        raise ValueError(f"asset {name} holds '</script' or '</style' and cannot be inlined")
    return text


def vis_asset_files() -> dict[str, str]:
    """vis-network's style sheet and script as files to put beside pages that share them
    (file name → text), as :func:`linked_vis_assets` links them."""
    return {VIS_CSS: _vis_css(), VIS_JS: asset_text(VIS_JS)}


def linked_vis_assets(folder: str = "") -> str:
    """The tags that load vis-network from the files of :func:`vis_asset_files` in ``folder``
    (a relative address beside the page), for ``vis_assets`` of a page.

    >>> linked_vis_assets().startswith('<link rel="stylesheet" href="vis-network')
    True
    """
    prefix = html.escape(folder.rstrip("/") + "/" if folder else "", quote=True)
    return (
        f'<link rel="stylesheet" href="{prefix}{VIS_CSS}">\n'
        f'<script src="{prefix}{VIS_JS}"></script>'
    )


@functools.cache
def _vis_css() -> str:
    # The navigation buttons and the editing toolbar are never switched on, so their icons
    # (inline PNGs, nine tenths of the style sheet) are left out.
    return _ICON_RULE_RE.sub("", asset_text(VIS_CSS))


@functools.cache
def _inline_assets() -> str:
    return f"<style>\n{_vis_css()}\n</style>\n<script>\n{asset_text(VIS_JS)}\n</script>"
