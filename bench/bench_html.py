"""How fast the offline HTML page is written and becomes usable, in headless Chromium.

    /work/venv/bin/python bench/bench_html.py            # 1k/4k and 5k/20k, median of 3
    /work/venv/bin/python bench/bench_html.py --screenshot OUT/graph.json docs/graph.png

For each size: time to write the page (layout included), its size, time-to-interactive
(navigation start -> first frame drawn, the page's own `performance.now()`; and wall time
from `goto` in Python), one zoom redraw, one type-filter toggle and one search until the panel
shows the node.
Writes bench/results/html.json and bench/results/html.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from kg.export.html import write_html
from tests.test_html import synthetic_graph

SIZES = [(1000, 4000), (5000, 20000)]
CHROMIUM = "/usr/bin/chromium"


def launch(p):
    return p.chromium.launch(executable_path=CHROMIUM, headless=True,
                             args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])


def wait_ready(page, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not page.evaluate("window.kgReady === true"):
        if time.monotonic() > deadline:
            raise TimeoutError("page never drew")
        page.wait_for_timeout(10)


def one_run(browser, path: Path, query: str) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 850})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    start = time.perf_counter()
    page.goto(path.as_uri())
    wait_ready(page)
    wall = time.perf_counter() - start
    in_page = page.evaluate("window.kgReadyAt") / 1000
    redraw = page.evaluate("""() => new Promise((done) => {
        const t = performance.now();
        kgNetwork.once("afterDrawing", () => done((performance.now() - t) / 1000));
        kgNetwork.moveTo({scale: kgNetwork.getScale() * 1.5}); })""")
    toggle = page.evaluate("""() => new Promise((done) => {
        const t = performance.now();
        kgNetwork.once("afterDrawing", () => done((performance.now() - t) / 1000));
        document.querySelector("input[data-filter='person']").click(); })""")
    start = time.perf_counter()
    page.fill("#search", query)
    page.press("#search", "Enter")
    page.wait_for_selector("#panel h2")
    search = time.perf_counter() - start
    page.close()
    if errors:
        raise RuntimeError(errors)
    return {"tti_in_page_s": in_page, "tti_wall_s": wall, "zoom_redraw_s": redraw, "filter_toggle_s": toggle,
            "search_s": search}


def bench(runs: int = 3) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = launch(p)
        for n, e in SIZES:
            graph = synthetic_graph(n, e)
            path = Path(tmp) / f"g{n}.html"
            writes = []
            for _ in range(runs):
                t = time.perf_counter()
                write_html(graph, path)
                writes.append(time.perf_counter() - t)
            query = next(x["name"] for x in graph["entities"] if x["type"] == "company")
            results = [one_run(browser, path, query) for _ in range(runs)]
            row = {"nodes": n, "edges": e, "runs": runs, "load_avg_1m": round(os.getloadavg()[0], 1),
                   "write_s": statistics.median(writes),
                   "html_mb": round(path.stat().st_size / 1e6, 2)}
            row.update({k: round(statistics.median(r[k] for r in results), 3) for k in results[0]})
            rows.append(row)
            print(row, flush=True)
        browser.close()
    return rows


def report(rows: list[dict]) -> str:
    head = ("| nodes | edges | write page (s) | HTML (MB) | TTI in page (s) | TTI wall (s) | zoom redraw (s) "
            "| filter toggle (s) | search (s) |")
    lines = [head, "|" + "---|" * 9]
    for r in rows:
        lines.append(f"| {r['nodes']:,} | {r['edges']:,} | {r['write_s']:.2f} | {r['html_mb']} | "
                     f"{r['tti_in_page_s']:.2f} | {r['tti_wall_s']:.2f} | {r['zoom_redraw_s']:.3f} | "
                     f"{r['filter_toggle_s']:.3f} | "
                     f"{r['search_s']:.3f} |")
    return "\n".join(lines) + (f"\n\nmedian of {rows[0]['runs']}; {platform.machine()}, headless Chromium, "
                                f"{os.cpu_count()} cores, load average {rows[-1]['load_avg_1m']}\n")


def screenshot(graph_json: Path, png: Path, focus: str = "李长萍") -> None:
    """The seed page's graph with `focus` selected and its evidence in the side panel."""
    from playwright.sync_api import sync_playwright

    graph = json.loads(graph_json.read_text(encoding="utf-8"))
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = launch(p)
        html = Path(tmp) / "graph.html"
        write_html(graph, html)
        page = browser.new_page(viewport={"width": 1500, "height": 900})
        page.goto(html.as_uri())
        wait_ready(page)
        page.evaluate("""(name) => { const D = JSON.parse(document.getElementById('kg-data').textContent);
            const i = D.nodes.findIndex((n) => n.label === name);
            if (i >= 0) { kgFocus(i); kgNetwork.moveTo({scale: 0.8}); } }""", focus)
        page.wait_for_timeout(300)
        page.screenshot(path=str(png))
        browser.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--screenshot", nargs=2, type=Path, metavar=("GRAPH_JSON", "PNG"))
    args = ap.parse_args()
    if args.screenshot:
        screenshot(*args.screenshot)
        return
    rows = bench(args.runs)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "html.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    (out / "html.md").write_text(report(rows), encoding="utf-8")
    print(report(rows))


if __name__ == "__main__":
    main()
