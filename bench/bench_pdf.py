"""PDF reading speed on one core: pages per second for a broadsheet e-paper page of ~6,000 characters.

    python bench/bench_pdf.py [--runs 5] [--real]

The page is written by the tests' generator (tests/epaper_pages.py: six columns, headlines
over columns, photo and caption, ad frame, vertical credit, drawn in a shuffled order) from the
seed page's sentences. The process is pinned to one core and timed in CPU seconds; the two
steps are timed apart: pdfminer's character extraction, and kg's layout (lines, blocks, roles,
stories, text). `--real` also times the shared 228-page reflowed 人民日报 PDF. Prints medians and
writes bench/results/pdf.json.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "tests")]

from epaper_pages import Story, make_page  # the tests' page generator

from kg.io import atomic_write, dumps_json
from kg.readers.pdf import _pdf_pages, compose, layout_page

SEED = HERE.parent / "examples" / "000_6cad7e01a6f62b59.txt"
REAL = Path("/work/shared/inputs/pdf/kings_rmrb_20251020_reflowed.pdf")


def broadsheet(path: Path, *, chars: int = 5200) -> int:
    """Write a six-column page of about `chars` characters; return how many it holds."""
    text = re.sub(r"\s+", "", SEED.read_text(encoding="utf-8"))
    sentences = [s for s in re.findall(r"[^。！？]+[。！？]", text) if len(s) > 10]
    spans = (2, 2, 2, 3, 3, 1, 1, 2, 2)
    stories, used, i = [], 0, 0
    per_story = chars // len(spans)
    for n, span in enumerate(spans):
        paras, size = [], 0
        while size < per_story:
            para = "".join(sentences[(i + k) % len(sentences)] for k in range(3))
            paras.append(para)
            size += len(para)
            i += 3
        used += size
        stories.append(Story(paras, title=f"第{n + 1}篇稿件的标题在这里" if span > 1 else "", span=span,
                             photo=n == 0, caption="图为会议现场。记者 某某 摄" if n == 0 else ""))
    make_page(path, stories, columns=6, shuffle=1, size=8.5, width=992, height=1417 * 1.2,
              ad=["广告　某某置业　火热认筹中", "咨询热线：0635-1234567"])
    return used


def timed(path: Path) -> tuple[float, float, int]:
    """CPU seconds for extraction and for layout of every page; the number of pages."""
    t0 = time.process_time()
    pages = list(_pdf_pages(path))
    t1 = time.process_time()
    out = compose([layout_page(*p[:2], number=n, width=p[2], height=p[3]) for n, p in enumerate(pages, start=1)])
    t2 = time.process_time()
    assert out.text
    return t1 - t0, t2 - t1, len(pages)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--real", action="store_true")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "broadsheet.pdf"
        chars = broadsheet(page)
        runs = [timed(page) for _ in range(args.runs)]
        extract, layout = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        results["broadsheet"] = {"chars": chars, "pages": 1, "extract_s": round(extract, 4),
                                 "layout_s": round(layout, 4), "pages_per_s": round(1 / (extract + layout), 2)}
    if args.real and REAL.exists():
        extract, layout, n = timed(REAL)
        results["rmrb_reflowed"] = {"pages": n, "extract_s": round(extract, 2), "layout_s": round(layout, 2),
                                    "pages_per_s": round(n / (extract + layout), 1)}
    for name, r in results.items():
        print(f"{name:14} {r['pages']:>4} page(s)  extract {r['extract_s']:.3f} s  layout {r['layout_s']:.3f} s"
              f"  -> {r['pages_per_s']} pages/s" + (f"  ({r['chars']} chars a page)" if "chars" in r else ""))
    atomic_write(HERE / "results" / "pdf.json", dumps_json(results))


if __name__ == "__main__":
    main()
