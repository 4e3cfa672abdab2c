"""Screenshots of the maps and of the coverage matrix for the README, from the bundled examples
and, when ../shared/seeds is beside the checkout, the Dalarna survey (read there, not copied).

Run from the repository root (needs Debian's /usr/bin/chromium and Playwright):

    python bench/screenshots.py            # writes docs/img/*.png
    python bench/screenshots.py --out DIR  # somewhere else

The images: the geographic overview of Sweden (overview-sverige.png) and of Dalarnas län
(overview-dalarna.png), Leksand's network map (kommun.png), Dalarnas län's network map
(map.png), the matrix of every bundled example (matrix.png) and the change report of the
two-round Skaraborg example (diff.png). Personal names are left out as in every default output.
The pages are written to a temporary directory and removed afterwards.
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
from visualizations.map_set import write_maps  # noqa: E402
from visualizations.matrix import matrix_html  # noqa: E402
from visualizations.network_map import map_html  # noqa: E402
from visualizations.write import save  # noqa: E402

SURVEY = ROOT.parent / "shared" / "seeds" / "000_06d682ea16d55562.txt"

CHROMIUM = "/usr/bin/chromium"
MAP_AREA = "Dalarnas län"
MAX_BYTES = 300_000
KOMMUN = "Leksand"


def example_graph():
    graph = new_graph()
    for path in sorted((ROOT / "lokgraph" / "examples").glob("*.yaml")):
        merge(graph, load_structure_file(path), where=str(path))
    return graph


def survey_graph():
    """The bundled examples and, when it is there, the Dalarna survey."""
    graph = example_graph()
    if SURVEY.exists():
        from loaders.importer import read_path

        merge(graph, read_path(SURVEY).structure, where=str(SURVEY))
    else:
        print(f"{SURVEY} is missing: the overview shows the bundled examples only")
    return graph


def diff_page(folder: Path) -> Path:
    """The change report of the bundled two-round Skaraborg example."""
    from lokgraph.diff import diff_graphs
    from lokgraph.rounds import at_round, with_round
    from queries.registry import run_all
    from visualizations.change_report import change_report_html

    graph = new_graph()
    for path in sorted((ROOT / "lokgraph" / "examples" / "rounds").glob("*.yaml")):
        merge(graph, with_round(load_structure_file(path)), where=str(path))
    before, after = at_round(graph, "2022"), at_round(graph, "2024")
    found = diff_graphs(
        before, after, gaps_before=run_all(before), gaps_after=run_all(after),
        from_round="2022", to_round="2024",
    )  # fmt: skip
    return save(change_report_html(found), folder / "forandringar.html")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    graph = example_graph()
    surveyed = survey_graph()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        pages = {
            "map": save(map_html(surveyed, area=MAP_AREA), Path(tmp) / "karta.html"),
            "matrix": save(matrix_html(graph), Path(tmp) / "matris.html"),
            "sverige": write_maps(surveyed, Path(tmp) / "sverige.html")[0],
            "dalarna": write_maps(surveyed, Path(tmp) / "dalarna.html", area=MAP_AREA)[0],
            "kommun": save(map_html(surveyed, kommun=KOMMUN), Path(tmp) / "kommun.html"),
        }
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox"]
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 760}, locale="sv-SE")
            page.goto(pages["map"].as_uri())
            page.wait_for_function("window.lokgraphReady === true", timeout=30_000)
            page.wait_for_timeout(300)
            _shoot(page, args.out / "map.png")
            for name, image in (("sverige", "overview-sverige"), ("dalarna", "overview-dalarna")):
                page.goto(pages[name].as_uri())
                page.wait_for_function("window.lokgraphReady === true", timeout=30_000)
                if name == "dalarna":  # show what a planner sees on hover
                    page.hover("path[data-kod='2029']")
                    page.wait_for_timeout(200)
                _shoot(page, args.out / f"{image}.png")
            page.goto(pages["kommun"].as_uri())
            page.wait_for_function("window.lokgraphReady === true", timeout=30_000)
            page.wait_for_timeout(300)
            _shoot(page, args.out / "kommun.png")

            page = browser.new_page(viewport={"width": 1180, "height": 640}, locale="sv-SE")
            page.goto(pages["matrix"].as_uri())
            width = page.evaluate("document.querySelector('table.lg-matrix').scrollWidth")
            page.set_viewport_size({"width": max(900, width + 48), "height": 640})
            _shoot(page, args.out / "matrix.png")

            page = browser.new_page(viewport={"width": 1100, "height": 1000}, locale="sv-SE")
            page.goto(diff_page(Path(tmp)).as_uri())
            _shoot(page, args.out / "diff.png")
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
