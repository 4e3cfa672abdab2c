"""Screenshots of a map and of the coverage matrix for the README, from the bundled examples.

Run from the repository root (needs Debian's /usr/bin/chromium and Playwright):

    python bench/screenshots.py            # writes docs/img/map.png and docs/img/matrix.png
    python bench/screenshots.py --out DIR  # somewhere else

The map is Dalarnas län, the matrix the kommuner of every bundled example; personal names are
left out as in every default output. The pages themselves are kept next to the images' folder
in a temporary directory and removed afterwards.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.curated import load_structure_file  # noqa: E402
from lokgraph.graph import merge, new_graph  # noqa: E402
from visualizations.matrix import matrix_html  # noqa: E402
from visualizations.network_map import map_html  # noqa: E402
from visualizations.write import save  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
MAP_AREA = "Dalarnas län"
MAX_BYTES = 300_000


def example_graph():
    graph = new_graph()
    for path in sorted((ROOT / "lokgraph" / "examples").glob("*.yaml")):
        merge(graph, load_structure_file(path), where=str(path))
    return graph


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    graph = example_graph()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        pages = {
            "map": save(map_html(graph, area=MAP_AREA), Path(tmp) / "karta.html"),
            "matrix": save(matrix_html(graph), Path(tmp) / "matris.html"),
        }
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox"]
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 760}, locale="sv-SE")
            page.goto(pages["map"].as_uri())
            page.wait_for_function("window.lokgraphReady === true", timeout=30_000)
            page.evaluate("window.lokgraphNetwork.fit()")
            page.wait_for_timeout(300)
            _shoot(page, args.out / "map.png")

            page = browser.new_page(viewport={"width": 1180, "height": 640}, locale="sv-SE")
            page.goto(pages["matrix"].as_uri())
            width = page.evaluate("document.querySelector('table.lg-matrix').scrollWidth")
            page.set_viewport_size({"width": max(900, width + 48), "height": 640})
            _shoot(page, args.out / "matrix.png")
        finally:
            browser.close()
    return 0


def _shoot(page, path: Path) -> None:
    page.screenshot(path=str(path))
    size = path.stat().st_size
    print(f"wrote {path} ({size // 1024} KB)")
    if size > MAX_BYTES:
        raise SystemExit(f"{path} is {size} bytes, more than {MAX_BYTES}: shrink the viewport")


if __name__ == "__main__":
    raise SystemExit(main())
