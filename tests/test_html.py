"""The offline HTML page (kg/export/html.py) and focus views (kg/render.py), without a browser.

`gold_graph()` and `synthetic_graph()` are shared with tests/test_browser.py and
bench/bench_html.py: the seed page's hand annotation turned into kg-json, with sources and
mentions found in the original text, and random graphs of any size.
"""
from __future__ import annotations

import json
import random
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.export.html import find_marks, page_data, render_page, script_json, search_keys, write_html
from kg.render import find_focus, render_html, spring_layout, subgraph

SHARED = Path("/work/shared")
DOC = "000_6cad7e01a6f62b59.txt"
INJECTIONS = ["<img src=x onerror=alert(1)>有限公司", "</script><script>alert(2)</script>", "\u2028'\"&amp;"]


def _spans(text: str, name: str) -> list[tuple[int, int]]:
    """Occurrences of `name` in the original text, which may break a line inside a word."""
    return [m.span() for m in re.finditer("\n?".join(map(re.escape, name)), text)]


@lru_cache(maxsize=1)
def _gold_json() -> str:
    text = (SHARED / "corpus" / DOC).read_text(encoding="utf-8")
    gold = json.loads((SHARED / "gold" / f"{DOC[:-4]}.gold.json").read_text(encoding="utf-8"))
    sentences = [(m.start(), m.end(), m.group().replace("\n", "").strip())
                 for m in re.finditer(r"[^。！？]+[。！？]?", text)]
    keep = {"id", "type", "name", "aliases"}
    ids = {e["id"]: f"{e['type']}/{e['name']}" for e in gold["entities"]}
    names = {ids[e["id"]]: [e["name"], *e["aliases"]] for e in gold["entities"]}
    entities = [{"id": ids[e["id"]], "type": e["type"], "name": e["name"], "aliases": sorted(e["aliases"]),
                 "attributes": {k: v for k, v in e.items() if k not in keep}} for e in gold["entities"]]
    mentions = sorted(({"document": DOC, "start": a, "end": b, "text": text[a:b], "type": e["type"],
                        "entity": e["id"]} for e in entities for name in names[e["id"]] if name != "我市"
                       for a, b in _spans(text, name)), key=lambda m: (m["start"], m["end"], m["entity"]))
    facts = []
    for f in gold["facts"]:
        s, o = ids[f["subject"]], ids.get(f["object"])
        found = [(a, b, sent) for a, b, sent in sentences if any(n in sent for n in names[s])]
        both = [x for x in found if o and any(n in x[2] for n in names[o])]
        sources = [{"document": DOC, "article": f"{DOC}#0", "start": a, "end": b, "sentence": sent}
                   for a, b, sent in (both or found)[:2]]
        facts.append({"relation": f["relation"], "subject": s, "object": o, "sources": sources,
                      "attributes": {k: v for k, v in f.items() if k not in {"relation", "subject", "object"}}})
    return json.dumps({"format": "kg-json/1", "articles": [],
                       "documents": [{"id": DOC, "date": "2024-02-07", "place": "聊城市", "source": DOC}],
                       "entities": entities, "facts": facts, "mentions": mentions}, ensure_ascii=False)


def gold_graph() -> dict[str, Any]:
    """The seed page's gold annotation as a kg-json graph (a fresh copy each call)."""
    return json.loads(_gold_json())


def hostile_graph() -> dict[str, Any]:
    """The gold graph plus entities, ids, sentences and documents made of markup and script."""
    g = gold_graph()
    bad_doc = '"><script>alert(3)</script>.txt'
    g["documents"].append({"id": bad_doc, "date": "2024-02-08", "place": INJECTIONS[1], "source": "x"})
    for i, name in enumerate(INJECTIONS):
        g["entities"].append({"id": f"company/{name}", "type": "company", "name": name, "aliases": [name[:5]],
                              "attributes": {"note": name}})
        g["facts"].append({"relation": "guarantees", "subject": f"company/{name}",
                           "object": "company/山东鑫大地控股集团有限公司", "attributes": {"amount": name},
                           "sources": [{"document": bad_doc, "start": i, "end": i + 5,
                                        "sentence": f"据悉，{name}为山东鑫大地控股集团有限公司担保。"}]})
    return g


def synthetic_graph(n_nodes: int, n_edges: int, *, seed: int = 1) -> dict[str, Any]:
    """A random kg-json graph with Chinese-looking names, dated events and one source per fact."""
    rng = random.Random(seed)
    types = ["person", "organization", "company", "place", "event"]
    chars = "李王张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏"
    entities = []
    for i in range(n_nodes):
        t = types[i % 5]
        name = "".join(rng.choice(chars) for _ in range(3)) + str(i)
        attrs = {"date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"} if t == "event" else {}
        entities.append({"id": f"{t}/{name}", "type": t, "name": name, "aliases": [], "attributes": attrs})
    rels = ["holds_position", "participated", "met", "visited", "located_in", "cooperates_with"]
    facts = []
    for _ in range(n_edges):
        s, o = rng.sample(entities, 2)
        sentence = f"{s['name']}与{o['name']}在会上签署合作协议。"
        facts.append({"relation": rng.choice(rels), "subject": s["id"], "object": o["id"], "attributes": {},
                      "sources": [{"document": "doc.txt", "start": 0, "end": len(sentence), "sentence": sentence}]})
    return {"format": "kg-json/1", "documents": [{"id": "doc.txt", "date": "2024-02-07"}], "articles": [],
            "entities": entities, "facts": facts, "mentions": []}


@pytest.mark.parametrize("text", INJECTIONS + ["普通文本", "<!--", "a\u2029b"])
def test_script_json_leaves_nothing_that_can_close_the_script(text):
    out = script_json({"name": text, text: [text]})
    assert not set("<>&\u2028\u2029") & set(out)
    assert json.loads(out) == {"name": text, text: [text]}


@given(st.text())
def test_script_json_is_safe_for_any_text(text):
    out = script_json([text])
    assert not set("<>&\u2028\u2029") & set(out) and json.loads(out) == [text]


@pytest.mark.parametrize("sentence, names, expected", [
    ("市委书记李长萍出席会议并讲话", ["李长萍"], [[4, 7]]),
    ("聊城高新区位于聊城", ["聊城", "聊城高新区"], [[0, 5], [7, 9]]),
    ("市长张百顺主持", ["李长萍"], []),
    ("<img>有限公司", ["<img>有限公司"], [[0, 9]]),
])
def test_find_marks(sentence, names, expected):
    assert find_marks(sentence, names) == expected


@pytest.mark.parametrize("name, key", [("李长萍", "lichangping"), ("聊城市", "liaochengshi"), ("曾晓黎", "zengxiaoli")])
def test_search_keys_cover_pinyin(name, key):
    assert key in search_keys(name)


def test_page_data_styles_sizes_and_evidence():
    d = page_data(gold_graph())
    nodes = {n["label"]: n for n in d["nodes"]}
    assert {t[0] for t in d["types"]} == {"person", "place", "organization", "company", "event"}
    assert nodes["李长萍"]["size"] > nodes["孔繁森"]["size"]          # 3 facts vs 1
    assert nodes["聊城市质量大会"]["date"] == "2024-02-06"
    li = nodes["李长萍"]["pinyin"]
    assert li.startswith("li ")
    post = next(f for f in d["facts"] if f["rel"] == "holds_position" and d["nodes"][f["s"]]["label"] == "李长萍")
    src = post["sources"][0]
    assert "李长萍" in src["sentence"] and src["doc"] == DOC
    a, b = src["marks"]["s"][0]
    assert src["sentence"][a:b] == "李长萍"
    assert len({(n["x"], n["y"]) for n in d["nodes"]}) == len(d["nodes"])


def test_sparse_records_still_render():
    g = {"entities": [{"id": "person/王刚", "type": "person", "name": "王刚"},
                      {"id": "thing/某物", "type": "thing", "name": "某物", "aliases": []}],
         "facts": [{"relation": "met", "subject": "person/王刚", "object": "thing/某物", "attributes": None,
                    "sources": [{"document": "d", "start": 0, "end": 1, "sentence": None}]},
                   {"relation": "met", "subject": "person/王刚", "object": "person/不存在"}]}
    d = page_data(g)
    assert [t[0] for t in d["types"]] == ["person", "thing"] and len(d["facts"]) == 1
    assert d["facts"][0]["sources"][0]["sentence"] == ""


def test_page_is_self_contained_and_deterministic():
    g = gold_graph()
    page = render_page(g, title="聊城日报 2024-02-07")
    shuffled = dict(g, entities=g["entities"][::-1], facts=g["facts"][::-1], mentions=g["mentions"][::-1])
    assert render_page(shuffled, title="聊城日报 2024-02-07") == page
    assert "@license" in page and "vis-network" in page
    assert not re.search(r"<(link|img|iframe)\b|\b(src|href)\s*=\s*[\"']?(https?:)?//", page.split("@@")[0])
    assert len(re.findall(r"^<script", page, re.MULTILINE)) == 3    # data, vis-network, page script


def test_hostile_text_never_becomes_markup(tmp_path):
    path = tmp_path / "bad.html"
    write_html(hostile_graph(), path, title=INJECTIONS[0])
    page = path.read_text(encoding="utf-8")
    for raw in ("<img src=x onerror", "</script><script>alert", "<script>alert(3)"):
        assert raw not in page
    assert "&lt;img src=x onerror=alert(1)&gt;有限公司" in page   # the escaped <title>
    script = (Path(__file__).parents[1] / "kg" / "templates" / "page.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", script)


@pytest.mark.parametrize("focus, hops, types, expected, absent", [
    ("李长萍", 1, None, {"中共聊城市委", "聊城市质量大会", "全市生态环境保护工作会议暨市环委会全体会议"}, {"张百顺"}),
    ("李长萍", 2, "person,event", {"张百顺", "韩德振", "聊城市质量大会"}, {"中共聊城市委", "聊城市人民政府"}),
    ("聊城", 1, "place", {"山东省", "阿里地区", "茌平区"}, {"西藏自治区", "孔繁森"}),
    ("person/孔繁森", 0, None, {"孔繁森"}, {"聊城市"}),
])
def test_subgraph_around_a_focus(focus, hops, types, expected, absent):
    view = subgraph(gold_graph(), focus=focus, hops=hops, types=types)
    names = {e["name"] for e in view["entities"]}
    assert expected <= names and not absent & names
    ids = {e["id"] for e in view["entities"]}
    assert all(f["subject"] in ids and f["object"] in ids | {None} for f in view["facts"])
    assert all(m["entity"] in ids for m in view["mentions"])


@pytest.mark.parametrize("focus, types, message", [
    ("李常平", None, "unknown entity '李常平'; did you mean 李长萍"),
    ("中共聊城市委员会", None, "unknown entity '中共聊城市委员会'; did you mean 中共聊城市委"),
    ("王小明", None, "unknown entity '王小明'"),
    ("李长萍", "person,venue", "unknown entity type venue"),
])
def test_bad_focus_or_type_is_one_clear_line(focus, types, message):
    with pytest.raises(ValueError) as err:
        subgraph(gold_graph(), focus=focus, types=types)
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


def test_find_focus_by_alias_and_pinyin():
    g = gold_graph()
    assert find_focus(g, "市委") == ["organization/中共聊城市委"]
    assert find_focus(g, "Zhang Baishun") == ["person/张百顺"]


def test_render_html_reads_graph_json(tmp_path):
    (tmp_path / "graph.json").write_text(json.dumps(gold_graph(), ensure_ascii=False), encoding="utf-8")
    out = render_html(tmp_path / "graph.json", tmp_path / "li.html", focus="李长萍", hops=1)
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', out.read_text(encoding="utf-8")).group(1))
    assert data["nodes"][data["focus"]]["label"] == "李长萍"
    assert len(data["nodes"]) == 4
    assert render_html(tmp_path / "graph.json").name == "graph.html"
    assert render_html(tmp_path / "graph.json", focus="聊城市", hops=1).name == "focus.html"


def test_layout_is_deterministic_and_spreads_a_large_graph():
    g = synthetic_graph(2000, 8000)
    index = {e["id"]: i for i, e in enumerate(g["entities"])}
    edges = [(index[f["subject"]], index[f["object"]]) for f in g["facts"]]
    pos = spring_layout(2000, edges, seed=3)
    assert pos == spring_layout(2000, edges, seed=3)
    cells: dict[tuple[int, int], int] = {}
    for x, y in pos:
        cells[(int(x // 2), int(y // 2))] = cells.get((int(x // 2), int(y // 2)), 0) + 1
    assert max(cells.values()) < 40      # not folded into a few crowded cells


def test_a_part_past_the_layout_bound_keeps_every_node_and_is_warned_of(monkeypatch):
    import kg.render

    monkeypatch.setattr(kg.render, "MAX_SPRING", 40)
    people = [{"id": f"person/甲{i}", "type": "person", "name": f"甲{i}", "aliases": []} for i in range(300)]
    hub = {"id": "organization/中共聊城市委", "type": "organization", "name": "中共聊城市委", "aliases": []}
    facts = [{"relation": "holds_position", "subject": p["id"], "object": hub["id"], "attributes": {"title": "委员"},
              "sources": []} for p in people]
    g = {"entities": [hub, *people], "facts": facts}
    nodes = page_data(g)["nodes"]
    assert len(nodes) == 301 and nodes == page_data(g)["nodes"]
    assert len({(n["x"], n["y"]) for n in nodes}) == 301          # no two nodes on one spot
    assert kg.render.layout_warning(g) == ("network page: 301 entities linked in one part; laid out the 40 best "
                                           "linked by force, the rest beside their neighbours")
    monkeypatch.setattr(kg.render, "MAX_SPRING", 5000)
    assert kg.render.layout_warning(g) is None


def test_kg_render_warns_of_the_layout_bound(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import kg.render
    from kg.cli import main

    monkeypatch.setattr(kg.render, "MAX_SPRING", 40)
    people = [{"id": f"person/甲{i}", "type": "person", "name": f"甲{i}", "aliases": [], "attributes": {}}
              for i in range(60)]
    hub = {"id": "organization/中共聊城市委", "type": "organization", "name": "中共聊城市委", "aliases": [],
           "attributes": {}}
    facts = [{"relation": "holds_position", "subject": p["id"], "object": hub["id"], "attributes": {"title": "委员"},
              "sources": []} for p in people]
    (tmp_path / "graph.json").write_text(json.dumps({"format": "kg-json/1", "documents": [], "articles": [],
                                                     "entities": [hub, *people], "facts": facts, "mentions": []},
                                                    ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "kg: warning: network page: 61 entities linked in one part; laid out the 40 best" in result.output
    assert (tmp_path / "graph.html").exists()
