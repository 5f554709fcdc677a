"""The HTML page in a real headless Chromium (Debian `chromium`, driven by pip's Playwright).

One browser for the module; each test opens a fresh page of the seed-page graph (or of the
hostile graph) and checks what a reader would: it draws, search finds, a click shows the
sentence, filters hide, injected markup stays text, and nothing leaves the page.
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from kg.export.html import write_html
from kg.render import render_html
from tests.test_html import INJECTIONS, gold_graph, hostile_graph

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install chromium fonts-wqy-zenhei)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("html")
    paths = {"gold": root / "gold.html", "hostile": root / "hostile.html"}
    write_html(gold_graph(), paths["gold"], title="聊城日报 2024-02-07")
    write_html(hostile_graph(), paths["hostile"], title=INJECTIONS[0])
    return paths


def wait_ready(page: Any, timeout: float = 10.0) -> None:
    """Poll from Python: the page's CSP forbids the eval that `page.wait_for_function` needs."""
    deadline = time.monotonic() + timeout
    while not page.evaluate("window.kgReady === true"):
        assert time.monotonic() < deadline, "the graph was never drawn"
        page.wait_for_timeout(20)


class Opened:
    """A loaded page plus everything it logged, requested or tried to pop up."""

    def __init__(self, browser: Any, path: Path):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 850})
        self.page.add_init_script("window.__alerts = []; window.alert = (m) => window.__alerts.push(String(m));")
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        wait_ready(self.page)

    def node(self, label: str) -> int:
        return self.page.evaluate("(l) => JSON.parse(document.getElementById('kg-data').textContent)"
                                  ".nodes.findIndex((n) => n.label === l)", label)

    def click_node(self, label: str) -> None:
        xy = self.page.evaluate("(i) => kgNetwork.canvasToDOM(kgNetwork.getPositions([i])[i])", self.node(label))
        box = self.page.locator("#network").bounding_box()
        self.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])

    def panel(self) -> str:
        return self.page.inner_text("#panel")


@pytest.fixture
def gold(browser, pages):
    opened = Opened(browser, pages["gold"])
    yield opened
    opened.page.close()


def test_page_draws_without_errors_or_requests(gold):
    assert gold.page.evaluate("kgNetwork.body.data.nodes.length") == len(gold_graph()["entities"])
    assert gold.errors == []
    assert [u for u in gold.requests if not u.startswith("file:")] == []
    assert gold.page.inner_text("#title") == "聊城日报 2024-02-07"


@pytest.mark.parametrize("query, expected", [
    ("李长萍", "李长萍"), ("lichangping", "李长萍"), ("li chang ping", "李长萍"),
    ("市委", "中共聊城市委"), ("Liaocheng", "聊城市"), ("繁森故里", "繁森故里石榴红大讲堂"),
])
def test_search_focuses_a_node_by_name_alias_or_pinyin(gold, query, expected):
    gold.page.fill("#search", query)
    gold.page.press("#search", "Enter")
    assert gold.page.inner_text("#panel h2") == expected
    assert gold.page.evaluate("kgNetwork.getSelectedNodes()") == [gold.node(expected)]


def test_clicking_a_node_shows_posts_events_and_marked_source(gold):
    gold.click_node("李长萍")
    text = gold.panel()
    assert "中共聊城市委 (title: 市委书记)" in text
    assert "聊城市质量大会 (role: 讲话 speaker)" in text
    assert "市委书记李长萍出席会议并讲话" in text and "000_6cad7e01a6f62b59.txt · 2024-02-07" in text
    assert set(gold.page.locator("#panel mark").all_inner_texts()) == {"李长萍"}


def test_clicking_an_edge_shows_its_sentence(gold):
    a, b = gold.node("张百顺"), gold.node("聊城市人民政府")
    xy = gold.page.evaluate("""([a, b]) => { const p = kgNetwork.getPositions([a, b]);
        return kgNetwork.canvasToDOM({x: (p[a].x * 2 + p[b].x) / 3, y: (p[a].y * 2 + p[b].y) / 3}); }""", [a, b])
    box = gold.page.locator("#network").bounding_box()
    gold.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
    text = gold.panel()
    assert text.startswith("任职 holds_position") and "张百顺 → 聊城市人民政府" in text
    assert "张百顺" in gold.page.locator("#panel mark").all_inner_texts() and "title: 市长" not in text


@pytest.mark.parametrize("control, value, hidden, kept, edges_lost", [
    ("person", None, "李长萍", "中共聊城市委", 31),
    ("participated", None, None, "李长萍", 23),
    ("#date-from", "2024-02-05", "全省民族宗教局长会议", "聊城市质量大会", 0),   # an event without facts
    ("#date-to", "2024-02-05", "聊城市质量大会", "全省民族宗教局长会议", 23),
])
def test_filters_hide_nodes_and_edges(gold, control, value, hidden, kept, edges_lost):
    shown = "(i) => kgNetwork.body.data.nodes.get(i) !== null"
    edges_before = gold.page.evaluate("kgNetwork.body.data.edges.length")
    if value is None:
        gold.page.uncheck(f"input[data-filter='{control}']")
    else:
        gold.page.fill(control, value)
        gold.page.dispatch_event(control, "change")
    if hidden:
        assert gold.page.evaluate(shown, gold.node(hidden)) is False
    assert gold.page.evaluate(shown, gold.node(kept)) is True
    assert edges_before - gold.page.evaluate("kgNetwork.body.data.edges.length") == edges_lost


def test_hidden_node_is_not_found_by_search(gold):
    gold.page.uncheck("input[data-filter='person']")
    gold.page.fill("#search", "李长萍")
    assert gold.page.locator("#results li").count() == 0


def test_injected_markup_stays_text_and_runs_nothing(browser, pages):
    bad = Opened(browser, pages["hostile"])
    try:
        page = bad.page
        page.fill("#search", "<img")
        page.press("#search", "Enter")
        assert page.inner_text("#panel h2") == INJECTIONS[0]
        bad.click_node(INJECTIONS[1])
        assert page.inner_text("#panel h2") == INJECTIONS[1]
        text = bad.panel()
        assert f"据悉，{INJECTIONS[1]}为山东鑫大地控股集团有限公司担保。" in text
        assert '"><script>alert(3)</script>.txt' in text
        assert page.title() == INJECTIONS[0]
        assert page.evaluate("document.querySelectorAll('img, iframe').length") == 0
        assert page.evaluate("document.scripts.length") == 3
        assert page.evaluate("window.__alerts") == [] and bad.dialogs == []
        assert bad.errors == [] and [u for u in bad.requests if not u.startswith("file:")] == []
        assert len(bad.requests) == 1
    finally:
        bad.page.close()


def test_built_seed_page_finds_li_changping_with_evidence(browser, seed_graph, tmp_path):
    """The same checks on what `kg build` really makes of the seed page (conftest.seed_graph)."""
    write_html(seed_graph, tmp_path / "built.html")
    built = Opened(browser, tmp_path / "built.html")
    try:
        built.page.fill("#search", "li chang ping")
        built.page.press("#search", "Enter")
        assert built.page.inner_text("#panel h2") == "李长萍"
        quotes = built.page.locator("#panel blockquote").all_inner_texts()
        assert any("市委书记李长萍出席会议并讲话" in q and "000_6cad7e01a6f62b59.txt" in q for q in quotes)
        assert "李长萍" in built.page.locator("#panel mark").all_inner_texts()
        assert "(title: 市委书记) 任期 2024-02-06 首见 – … (末见 2024-02-06)" in built.panel()   # the tenure
        assert built.errors == [] and [u for u in built.requests if not u.startswith("file:")] == []
    finally:
        built.page.close()


def test_focus_view_opens_on_its_entity(browser, tmp_path):
    (tmp_path / "graph.json").write_text(json.dumps(gold_graph(), ensure_ascii=False), encoding="utf-8")
    path = render_html(tmp_path / "graph.json", tmp_path / "li.html", focus="李长萍", hops=2, types="person,event")
    view = Opened(browser, path)
    try:
        assert view.page.inner_text("#panel h2") == "李长萍"
        assert view.page.inner_text("#title") == "李长萍 · 2 跳 hops"
        assert view.page.locator("#type-filters input").count() == 2      # person, event
        assert view.errors == []
    finally:
        view.page.close()
