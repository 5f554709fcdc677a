"""`kg serve` in a real headless Chromium: search -> person -> timeline -> a fact's sentence -> focus network.

Every page is checked for console errors, requests that leave the server, and injected
names that would run instead of showing as text.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install chromium fonts-wqy-zenhei)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")
pytest.importorskip("uvicorn")

from tests.test_serve import INJECTED, served, served_dir  # noqa: F401 (fixtures)


class Visit:
    """One browser tab that records console errors, every request, and any dialog or alert."""

    def __init__(self, browser: Any, base: str):
        self.base, self.errors, self.requests, self.dialogs = base, [], [], []
        self.page = browser.new_page(viewport={"width": 1300, "height": 900})
        self.page.add_init_script("window.__alerts = []; window.alert = (m) => window.__alerts.push(String(m));")
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def clean(self) -> None:
        assert self.errors == []
        assert [u for u in self.requests if not u.startswith(self.base + "/") and not u.startswith("data:")] == []
        assert self.dialogs == [] and self.page.evaluate("window.__alerts") == []


@pytest.fixture
def visit(browser, served):  # noqa: F811 (the fixture imported above)
    v = Visit(browser, served)
    yield v
    v.page.close()


def wait_drawn(page: Any, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not page.evaluate("window.kgReady === true"):  # the CSP forbids wait_for_function's eval
        assert time.monotonic() < deadline, "the network was never drawn"
        page.wait_for_timeout(20)


@pytest.fixture
def seen_span(served_dir):  # noqa: F811 (the fixture imported above)
    """First and last dates of a person's posts and events, read from the served graph.json."""
    import json

    graph = json.loads((served_dir / "graph.json").read_text(encoding="utf-8"))
    events = {e["id"]: (e.get("attributes") or {}).get("date") for e in graph["entities"] if e["type"] == "event"}

    def span(name: str) -> tuple[str, str]:
        dates = []
        for f in graph["facts"]:
            if f["subject"] == f"person/{name}":
                a = f.get("attributes") or {}
                dates += [a.get(k) for k in ("first_seen", "last_seen", "start", "end") if a.get(k)]
                dates += [events.get(f.get("object"))] if f["relation"] == "participated" else []
        dates = sorted(d for d in dates if d)
        return dates[0], dates[-1]
    return span


def test_search_person_timeline_source_and_network(visit, seen_span):
    page = visit.page
    page.goto(visit.base + "/")
    page.fill("#q", "li chang ping")
    page.press("#q", "Enter")
    page.wait_for_selector("#hits")
    page.click("#hits a:text-is('李长萍')")
    page.wait_for_selector("#timeline svg")
    assert page.inner_text("h1#name").startswith("李长萍")
    assert page.locator("#timeline rect.seen").count() >= 1 and page.locator("#timeline circle.event").count() >= 2
    assert (page.inner_text("#first-seen"), page.inner_text("#last-seen")) == seen_span("李长萍")
    page.click("#posts a.evidence")
    page.wait_for_selector("blockquote.source")
    assert "市委书记李长萍出席会议" in page.inner_text("blockquote.source")
    assert set(page.locator("mark.s").all_inner_texts()) == {"李长萍"}
    assert "000_6cad7e01a6f62b59.txt" in page.inner_text(".source footer")
    page.click("h3 a:text-is('李长萍')")
    page.click("#network-link")
    wait_drawn(page)
    labels = page.evaluate("kgNetwork.body.data.nodes.get().map((n) => n.label)")
    assert sorted(labels) == sorted(["李长萍", "中共聊城市委", "聊城市质量大会", "全市生态环境保护工作会议暨市环委会全体会议"])
    xy = page.evaluate("""() => { const i = JSON.parse(document.getElementById('kg-data').textContent)
        .nodes.findIndex((n) => n.label === '中共聊城市委');
        return kgNetwork.canvasToDOM(kgNetwork.getPositions([i])[i]); }""")
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
    page.wait_for_selector("#open-entity:not([hidden])")
    assert page.get_attribute("#open-entity", "href") == "/e/organization%2F%E4%B8%AD%E5%85%B1%E8%81%8A%E5%9F%8E%E5%B8%82%E5%A7%94"
    page.select_option("select[name=hops]", "2")
    page.click("form.hops button")
    wait_drawn(page)
    assert page.evaluate("kgNetwork.body.data.nodes.length") > 10
    visit.clean()


def test_the_network_filters_by_hops_and_types(visit):
    page = visit.page
    page.goto(visit.base + "/network/person%2F%E6%9D%8E%E9%95%BF%E8%90%8D?hops=2&type=person&type=event")
    wait_drawn(page)
    kinds = set(page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).nodes.map((n) => n.type)"))
    assert kinds == {"person", "event"}
    visit.clean()


@pytest.mark.parametrize("name", INJECTED)
def test_injected_names_stay_text(visit, name):
    page = visit.page
    page.goto(visit.base + "/")
    page.fill("#q", name)
    page.press("#q", "Enter")
    page.wait_for_selector("#hits a")
    assert page.inner_text("#hits a") == name
    page.click("#hits a")
    page.wait_for_selector("h1#name")
    assert page.inner_text("h1#name").startswith(name)
    assert name in page.inner_text("#evidence")
    page.click("#network-link")
    wait_drawn(page)
    assert page.locator("img, svg[onload]").count() == 0
    visit.clean()
