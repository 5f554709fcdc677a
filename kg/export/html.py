"""One self-contained, offline HTML page to explore a kg-json graph.

`page_data` turns the graph into the small JSON the page script reads (pure, testable);
`write_html` inlines vis-network (shipped by pyvis), the page's own CSS/JS and that JSON
into kg/templates/page.html. Data only ever enters the page as escaped JSON and is put on
screen with textContent, so no input text can become markup or script.
"""
from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable
from importlib import resources
from itertools import product
from pathlib import Path
from typing import Any

from kg.io import atomic_write

# entity type -> (colour, vis-network shape, Chinese name); a new type is one row here.
TYPE_STYLE: dict[str, tuple[str, str, str]] = {
    "person": ("#d1495b", "dot", "人物"),
    "organization": ("#2e6fb7", "square", "机构"),
    "company": ("#edae49", "diamond", "企业"),
    "place": ("#3a9d5d", "triangle", "地点"),
    "event": ("#8d5fa8", "star", "事件"),
}
OTHER_STYLE = ("#8c8c8c", "dot", "其他")
# relation -> (colour, Chinese label for the legend and edges)
RELATION_STYLE: dict[str, tuple[str, str]] = {
    "holds_position": ("#2e6fb7", "任职"),
    "participated": ("#8d5fa8", "参加"),
    "met": ("#d1495b", "会见"),
    "visited": ("#e07a1f", "考察"),
    "located_in": ("#3a9d5d", "位于"),
    "part_of": ("#7aa974", "隶属"),
    "partner_of": ("#00798c", "结对"),
    "cooperates_with": ("#edae49", "合作"),
    "guarantees": ("#a4243b", "担保"),
    "born_in": ("#6c757d", "出生于"),
}
SYMMETRIC = {"partner_of", "cooperates_with"}
# attribute values worth showing in Chinese on edges (participated.role, holds_position.change)
VALUE_LABELS = {"chair": "主持", "speaker": "讲话", "attendee": "出席", "appointed": "任", "removed": "免"}
# what the evidence panel says of a document: its file, and for a PDF or HTML page its paper, 版次 and headline
DOCUMENT_KEYS = ("date", "place", "source", "kind", "paper", "edition", "headline")
# the evidence a bound of a tenure rests on (kg.careers), as the evidence panel names it
EVIDENCE_LABELS = {"appointed": "任命/当选", "first_seen": "首见", "removed": "免职/辞职", "successor": "继任者首见",
                   "last_seen": "末见"}
_TENURE_KEYS = ("start", "start_evidence", "start_source", "end", "end_evidence", "end_source")
UNIT_PX, FONT_PX = 50, 18   # canvas pixels per layout unit; node label size (page.js)
VIS_JS = ("pyvis", "templates/lib/vis-9.1.2/vis-network.min.js")
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(obj: Any) -> str:
    """JSON that is safe inside <script type="application/json">: no <, >, & or U+2028/9 left.

    >>> script_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m.group()], text)


def find_marks(sentence: str, names: list[str]) -> list[list[int]]:
    """Non-overlapping [start, end) spans of any of `names` in `sentence`, longest name first.

    >>> find_marks("市委书记李长萍出席会议，李长萍讲话", ["李长萍", "长萍"])
    [[4, 7], [12, 15]]
    """
    return _marks(sentence, _longest_first(names))


def _longest_first(names: Iterable[str]) -> list[str]:
    return sorted({n for n in names if n}, key=lambda n: (-len(n), n))


def _marks(sentence: str, names: list[str]) -> list[list[int]]:
    taken: list[list[int]] = []
    used = bytearray(len(sentence))     # characters already marked: linear, however many marks
    for name in names:
        at = sentence.find(name)
        while at >= 0:
            end = at + len(name)
            if not any(used[at:end]):
                taken.append([at, end])
                used[at:end] = b"\x01" * (end - at)
            at = sentence.find(name, end)
    return sorted(taken)


def search_keys(name: str) -> list[str]:
    """Space-free pinyin readings of a name for the search box (every heteronym of short names).

    >>> search_keys("李长萍")
    ['lichangping', 'lizhangping']
    """
    from kg.pinyin import readings, to_pinyin

    keys = {to_pinyin(name).replace(" ", "").lower()}
    each = readings(name[:8])
    if math.prod(len(r) for r in each) <= 8:
        keys.update("".join(combo).replace(" ", "").lower() for combo in product(*each))
    return sorted(keys)


def page_data(graph: dict[str, Any], *, title: str = "knowledge graph", focus: str | None = None,
              seed: int = 7, max_mentions: int = 20,
              positions: dict[str, tuple[float, float]] | None = None) -> dict[str, Any]:
    """The page's data: nodes with layout and style, facts with marked sources, legend counts.

    `positions` (entity id -> x, y in layout units) replaces the spring layout (kg serve).

    >>> g = {"entities": [{"id": "person/李长萍", "type": "person", "name": "李长萍", "aliases": []},
    ...      {"id": "organization/中共聊城市委", "type": "organization", "name": "中共聊城市委", "aliases": ["市委"]}],
    ...      "facts": [{"relation": "holds_position", "subject": "person/李长萍",
    ...                 "object": "organization/中共聊城市委", "attributes": {"title": "市委书记"},
    ...                 "sources": [{"document": "d", "start": 0, "end": 7, "sentence": "市委书记李长萍出席"}]}]}
    >>> d = page_data(g)
    >>> [n["label"] for n in d["nodes"]], d["facts"][0]["sources"][0]["marks"]
    (['中共聊城市委', '李长萍'], {'s': [[4, 7]], 'o': [[0, 2]]})
    """
    from kg.pinyin import to_pinyin
    from kg.render import layout

    entities = sorted(graph.get("entities", []), key=lambda e: e["id"])
    index = {e["id"]: i for i, e in enumerate(entities)}
    said: dict[str, set[str]] = {e["id"]: {e["name"], *e.get("aliases", ())} for e in entities}
    mentions: dict[int, list[list[Any]]] = {}
    for m in sorted(graph.get("mentions", []), key=lambda m: (m["document"], m["start"], m["end"])):
        if m.get("entity") in index:
            said[m["entity"]].add(m["text"])
            mentions.setdefault(index[m["entity"]], []).append([m["document"], m["start"], m["end"], m["text"],
                                                                *([m["page"]] if "page" in m else [])])
    names = {k: _longest_first(v) for k, v in said.items()}   # once per entity, not at each source
    facts = [_fact(f, index, names) for f in graph.get("facts", [])
             if f["subject"] in index and (f.get("object") is None or f["object"] in index)]
    facts.sort(key=lambda f: json.dumps(f, ensure_ascii=False, sort_keys=True))
    degree = [0] * len(entities)
    for f in facts:
        for end in (f["s"], f["o"]):
            if end is not None:
                degree[end] += 1
    pos = [positions[e["id"]] for e in entities] if positions is not None else \
        layout(len(entities), [(f["s"], f["o"]) for f in facts if f["o"] is not None], seed=seed,
               widths=[len(e["name"]) * FONT_PX / UNIT_PX for e in entities])
    nodes = [_node(e, to_pinyin(e["name"]), pos[i], degree[i], mentions.get(i, []), max_mentions)
             for i, e in enumerate(entities)]
    return {
        "title": title,
        "focus": index.get(focus) if focus else None,
        "types": [[t, *TYPE_STYLE.get(t, OTHER_STYLE), n] for t, n in _count(e["type"] for e in entities)],
        "relations": [[r, *RELATION_STYLE.get(r, ("#8c8c8c", r)), n, r in SYMMETRIC]
                      for r, n in _count(f["rel"] for f in facts)],
        "value_labels": VALUE_LABELS,
        "evidence_labels": EVIDENCE_LABELS,
        "documents": {d["id"]: {k: d.get(k) for k in DOCUMENT_KEYS if d.get(k) is not None or k in ("date", "place", "source")}
                      for d in graph.get("documents", [])},
        "nodes": nodes,
        "facts": facts,
    }


def _count(items: Any) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    order = {t: i for i, t in enumerate([*TYPE_STYLE, *RELATION_STYLE])}
    return sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))


def _node(e: dict[str, Any], pinyin: str, xy: tuple[float, float], degree: int,
          mentions: list[list[Any]], max_mentions: int) -> dict[str, Any]:
    attributes = e.get("attributes", {})
    return {
        "id": e["id"], "label": e["name"], "type": e["type"], "pinyin": pinyin,
        "aliases": list(e.get("aliases", [])), "attributes": attributes,
        "search": search_keys(e["name"]), "date": attributes.get("date") if e["type"] == "event" else None,
        "x": round(xy[0] * UNIT_PX, 1), "y": round(xy[1] * UNIT_PX, 1),
        "size": round(10 + 4 * math.sqrt(degree + len(mentions) / 2), 1),
        "mentions": mentions[:max_mentions], "mention_count": len(mentions),
    }


def _fact(f: dict[str, Any], index: dict[str, int], names: dict[str, list[str]]) -> dict[str, Any]:
    obj = f.get("object")
    sources = []
    for s in f.get("sources") or []:
        text = str(s.get("sentence") or "")
        sources.append({"doc": s.get("document"), "start": s.get("start"), "end": s.get("end"), "sentence": text,
                        **({"page": s["page"]} if "page" in s else {}),
                        "marks": {"s": _marks(text, names[f["subject"]]),
                                  "o": _marks(text, names[obj]) if obj else []}})
    attributes = dict(f.get("attributes") or {})
    out = {"rel": f["relation"], "s": index[f["subject"]], "o": index[obj] if obj is not None else None,
           "attributes": attributes, "sources": sources}
    if "start_evidence" in attributes:
        out["tenure"] = tenure_panel(attributes, index)
        for key in _TENURE_KEYS:
            attributes.pop(key, None)
    if "forms" in attributes:
        attributes["forms"] = "、".join(form["title"] for form in attributes["forms"])
    return out


def tenure_panel(attributes: dict[str, Any], index: dict[str, int]) -> dict[str, Any]:
    """A post's tenure as the evidence panel shows it: each bound's date, evidence and sentence.

    >>> t = tenure_panel({"start": "2020-03-01", "start_evidence": "appointed", "end_evidence": "last_seen",
    ...                   "last_seen": "2021-05-06", "start_source": {"document": "d", "sentence": "任命甲为市长"}}, {})
    >>> t["start"]["evidence"], t["start"]["sentence"], t["end"]["date"], t["last_seen"]
    ('appointed', '任命甲为市长', None, '2021-05-06')
    """
    def bound(key: str) -> dict[str, Any]:
        src = attributes.get(f"{key}_source") or {}
        return {"date": attributes.get(key), "evidence": attributes.get(f"{key}_evidence"), "doc": src.get("document"),
                "sentence": src.get("sentence", ""), "person": index.get(src.get("person", ""))}
    return {"start": bound("start"), "end": bound("end"), "last_seen": attributes.get("last_seen")}


def default_title(graph: dict[str, Any]) -> str:
    """知识图谱 and what it was read from.

    >>> default_title({"documents": [{"id": "a.txt", "date": "2024-02-07"}, {"id": "b.txt"}]})
    '知识图谱 · a.txt 等 2 篇 · 2024-02-07'
    """
    docs = graph.get("documents", [])
    if not docs:
        return "知识图谱"
    dates = sorted(d["date"] for d in docs if d.get("date"))
    span = f" · {dates[0]}" + (f"–{dates[-1]}" if dates and dates[-1] != dates[0] else "") if dates else ""
    return f"知识图谱 · {docs[0]['id']}" + (f" 等 {len(docs)} 篇" if len(docs) > 1 else "") + span


def render_page(graph: dict[str, Any], *, title: str | None = None, focus: str | None = None,
                seed: int = 7, edge_labels: bool | None = None) -> str:
    """The whole HTML page as a string (see `write_html`)."""
    title = title or default_title(graph)
    data = page_data(graph, title=title, focus=focus, seed=seed)
    data["edge_labels"] = len(data["facts"]) <= 1500 if edge_labels is None else edge_labels
    templates = resources.files("kg") / "templates"
    parts = {
        "TITLE": html.escape(title),
        "CSS": (templates / "page.css").read_text(encoding="utf-8"),
        "VIS": resources.files(VIS_JS[0]).joinpath(VIS_JS[1]).read_text(encoding="utf-8"),
        "JS": (templates / "page.js").read_text(encoding="utf-8"),
        "DATA": script_json(data),
    }
    page = (templates / "page.html").read_text(encoding="utf-8")
    # one pass, so text inserted for one slot is never searched for another
    return re.sub(r"@@([A-Z]+)@@", lambda m: parts[m.group(1)], page)


def write_html(graph: dict[str, Any], path: str | Path, **options: Any) -> None:
    """Write the offline page: vis-network, styles, script and data all inline; nothing fetched.

    Options: `title` (default from the documents), `focus` (entity id selected on opening),
    `seed` (layout), `edge_labels`
    (default: shown up to 1,500 edges).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.html"
    >>> write_html({"entities": [], "facts": []}, p)
    >>> page = p.read_text(encoding="utf-8")
    >>> "vis-network" in page, "<link" in page, 'src="http' in page
    (True, False, False)
    """
    atomic_write(path, render_page(graph, **options))
