"""The seed page set as a four-column PDF (drawn in a shuffled order) builds the same graph as its text."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pdfminer")
pytest.importorskip("reportlab")

from seed_pdf import write_seed_pdf

from kg.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "000_6cad7e01a6f62b59.txt"
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.exists()), ROOT.parent / "shared")
SCORER, GOLD = SHARED / "eval" / "score.py", SHARED / "gold" / "000_6cad7e01a6f62b59.gold.json"


def score(graph: Path) -> dict:
    out = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(graph), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def pdf_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seedpdf")
    (folder / "pages").mkdir()
    stories = write_seed_pdf(SEED.read_text(encoding="utf-8"), folder / "pages" / "000_6cad7e01a6f62b59.pdf", shuffle=7)
    build([str(folder / "pages")], out=folder / "out", place="聊城市", formats=("json",), cache=False)  # no --date
    return stories, folder / "out"


def test_the_stories_are_the_articles(pdf_build):
    stories, out = pdf_build
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert [a["title"] for a in graph["articles"]] == [s.title for s in stories]     # untitled ones too
    assert graph["documents"][0]["date"] == "2024-02-07"           # read from the page's date line
    assert graph["documents"][0]["paper"] == "聊城日报" and graph["documents"][0]["kind"] == "pdf"


def test_offsets_point_into_the_kept_text_and_mentions_carry_boxes(pdf_build):
    _, out = pdf_build
    result = json.loads((out / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])
    text = result["text"]
    assert result["mentions"] and all(text[m["start"]:m["end"]] == m["text"] for m in result["mentions"])
    assert all(m["page"] == 1 and len(m["box"]) == 4 for m in result["mentions"])
    for f in result["facts"]:
        src = f["sources"][0]
        assert src["page"] == 1 and text[src["start"]:src["end"]]


@pytest.mark.skipif(not SCORER.exists() or not GOLD.exists(), reason="shared scorer or gold absent")
def test_the_pdf_build_scores_as_the_text_build(pdf_build, tmp_path):
    _, out = pdf_build
    build([str(SEED)], out=tmp_path / "text", place="聊城市", date="2024-02-07", formats=("json",), cache=False)
    from_text, from_pdf = score(tmp_path / "text" / "graph.json"), score(out / "graph.json")
    for part in ("entities", "facts"):
        assert from_pdf[part]["f1"] >= from_text[part]["f1"] - 0.02, (part, from_pdf[part], from_text[part])


def test_the_page_data_names_paper_edition_and_page(pdf_build):
    from kg.export.html import page_data

    _, out = pdf_build
    data = page_data(json.loads((out / "graph.json").read_text(encoding="utf-8")))
    doc = data["documents"]["000_6cad7e01a6f62b59.pdf"]
    assert (doc["kind"], doc["paper"], doc["edition"], doc["date"]) == ("pdf", "聊城日报", "1", "2024-02-07")
    assert data["facts"] and all(s["page"] == 1 for f in data["facts"] for s in f["sources"])


def test_the_evidence_panel_shows_file_paper_edition_and_page(pdf_build, tmp_path, browser):
    tb = pytest.importorskip("tests.test_browser")          # skipped without Chromium
    from kg.export.html import write_html

    _, out = pdf_build
    write_html(json.loads((out / "graph.json").read_text(encoding="utf-8")), tmp_path / "g.html")
    page = tb.Opened(browser, tmp_path / "g.html")
    page.page.fill("#search", "li chang ping")
    page.page.press("#search", "Enter")
    quotes = page.page.locator("#panel blockquote").all_inner_texts()
    assert any("— 000_6cad7e01a6f62b59.pdf · 聊城日报 第1版 · p.1 · 2024-02-07" in q for q in quotes), quotes
    assert page.errors == []
