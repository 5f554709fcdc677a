"""What each page shows, as plain data for the templates: sections per entity type, evidence, search.

The sections of an entity page are a table (SECTIONS): a new section is one row naming the
relation, which end the entity is at, and the type at the other end. Every row links to its
fact's page, where each source sentence is shown with the mentions marked.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Any

from kg.export.html import RELATION_STYLE, TYPE_STYLE, VALUE_LABELS, find_marks
from kg.serve.archive import EXAMPLE, Archive, Entity, Fact  # noqa: F401 (EXAMPLE: the doctests)
from kg.serve.timeline import build_chart

ROWS_SHOWN = 200    # rows per section on an entity page
# a post's term may carry the sentence its start or end was read from (kg careers)
TERM_SOURCES = (("start_source", "任期始 start of term"), ("end_source", "任期终 end of term"))
FACTS_PER_PAGE = 25  # facts with their sentences per evidence page


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    relation: str | None     # None: any relation
    as_object: bool | None   # the entity is the fact's object (True), subject (False) or either (None)
    other_type: str | None = None
    order: str = "date"      # date | order (protocol order)
    by_name: bool = False    # also entities of other_type named after this one (聊城市 -> 聊城市人民政府)


SECTIONS: dict[str, list[Section]] = {
    "person": [
        Section("posts", "职务 Posts", "holds_position", False),
        Section("events", "活动 Events (role, order)", "participated", False),
        Section("visited", "考察 Places visited", "visited", False),
        Section("met", "会见 People met", "met", None),
        Section("born", "出生 Born in", "born_in", False),
    ],
    "organization": [
        Section("officials", "领导 Officials by date", "holds_position", True),
        Section("parts", "隶属 Part of / parts", "part_of", None),
        Section("located", "位于 Located in", "located_in", False),
    ],
    "place": [
        Section("bodies", "机构 Bodies", None, None, "organization", by_name=True),
        Section("companies", "企业 Companies", "located_in", True, "company"),
        Section("events", "事件 Events", None, None, "event", by_name=True),
        Section("partners", "结对 Partners", "partner_of", None),
        Section("parts", "下辖 Parts", "part_of", True, "place"),
        Section("visitors", "来访 Visited by", "visited", True),
        Section("within", "隶属 Part of", "part_of", False),
    ],
    "event": [
        Section("participants", "参加者 Participants in protocol order", "participated", True, order="order"),
        Section("places", "地点 Where", "located_in", False),
    ],
    "company": [
        Section("officers", "高管 Officers", "holds_position", True),
        Section("deals", "合作 Deals", "cooperates_with", None),
        Section("guarantees", "担保 Guarantees", "guarantees", None),
        Section("located", "位于 Located in", "located_in", False),
        Section("visitors", "考察 Visited by", "visited", True),
    ],
}


def relation_label(relation: str) -> str:
    """The Chinese and English name of a relation.

    >>> relation_label("holds_position"), relation_label("new_thing")
    ('任职 holds_position', 'new_thing')
    """
    return f"{RELATION_STYLE[relation][1]} {relation}" if relation in RELATION_STYLE else relation


def type_label(kind: str) -> str:
    """The Chinese and English name of an entity type.

    >>> type_label("person")
    '人物 person'
    """
    return f"{TYPE_STYLE[kind][2]} {kind}" if kind in TYPE_STYLE else kind


def describe(attributes: dict[str, Any]) -> str:
    """A fact's attributes as one short line, roles and changes in Chinese.

    Nested values (a term's `start_source`, the `forms` of a title) and `*_evidence` notes are
    left out: the fact's page shows the sources.

    >>> describe({"role": "chair", "order": 2, "venue": "主会场", "start_source": {"sentence": "…"},
    ...           "start_evidence": "first_seen"})
    'role: 主持 chair · order: 2 · venue: 主会场'
    """
    parts = []
    for key, value in sorted(attributes.items(), key=lambda kv: (kv[0] not in ("title", "role"), kv[0])):
        if isinstance(value, (dict, list)) or key.endswith("_evidence"):  # how a date was inferred: on /f/N
            continue
        shown = f"{VALUE_LABELS[value]} {value}" if isinstance(value, str) and value in VALUE_LABELS else value
        parts.append(f"{key}: {shown}")
    return " · ".join(parts)


def _row(archive: Archive, i: int, f: Fact, eid: str) -> dict[str, Any]:
    attrs = f.get("attributes") or {}
    return {"fact": i, "other": archive.other(f, eid), "relation": relation_label(f["relation"]),
            "detail": describe(attrs), "date": archive.dates[i], "order": attrs.get("order"),
            "sources": len(f.get("sources") or ()), "attrs": attrs}


def _groups(archive: Archive, eid: str) -> dict[tuple[str, bool, str | None], list[int]]:
    """The facts touching `eid` by (relation, eid is the object, type at the other end), in one pass."""
    groups: dict[tuple[str, bool, str | None], list[int]] = {}
    for i in archive.touching.get(eid, ()):
        f = archive.facts[i]
        other = archive.other(f, eid)
        groups.setdefault((f["relation"], f.get("object") == eid, other["type"] if other else None), []).append(i)
    return groups


def _chosen(section: Section, groups: dict[tuple[str, bool, str | None], list[int]]) -> list[int]:
    return [i for (relation, is_object, kind), ids in groups.items()
            if (section.relation is None or relation == section.relation)
            and (section.as_object is None or is_object == section.as_object)
            and (section.other_type is None or kind == section.other_type) for i in ids]


def _sort_key(archive: Archive, section: Section, i: int, eid: str) -> tuple:
    f = archive.facts[i]
    if section.order == "order":
        order = (f.get("attributes") or {}).get("order")
        return (not isinstance(order, int), order if isinstance(order, int) else 0, archive.dates[i], i)
    other = archive.other(f, eid)
    return (archive.dates[i] or "9999", other["name"] if other else "", i)


def sections(archive: Archive, eid: str) -> list[dict[str, Any]]:
    """The entity page's tables, each capped at ROWS_SHOWN rows with the full count.

    Only the rows shown are built: a city with 50,000 facts still answers in a fraction of a second.

    >>> [(s["key"], [r["other"]["name"] for r in s["rows"]]) for s in sections(Archive.from_graph(EXAMPLE), "event/会议")]
    [('participants', ['甲', '乙'])]
    """
    groups = _groups(archive, eid)
    out = []
    for section in SECTIONS.get(archive.entities[eid]["type"], []):
        chosen = _chosen(section, groups)
        first = heapq.nsmallest(ROWS_SHOWN, chosen, key=lambda i: _sort_key(archive, section, i, eid))
        rows = [_row(archive, i, archive.facts[i], eid) for i in first]
        count = len(chosen)
        if section.by_name and section.other_type:
            seen = {archive.other(archive.facts[i], eid)["id"] for i in chosen}
            more, named = _named_after(archive, eid, section.other_type, seen)
            count += more
            rows += named[:max(0, ROWS_SHOWN - len(rows))]
        if rows:
            out.append({"key": section.key, "title": section.title, "count": count, "rows": rows})
    return out


def _named_after(archive: Archive, eid: str, kind: str, seen: set[str]) -> tuple[int, list[dict[str, Any]]]:
    """How many entities of `kind` are named after `eid` (without a fact), and rows for the first ROWS_SHOWN."""
    others = [o for o in archive.named_after(eid, kind) if o["id"] not in seen]
    return len(others), [{"fact": None, "other": o, "relation": "", "detail": "名称含 named after it",
                          "date": (o.get("attributes") or {}).get("date") or "", "order": None, "sources": 0,
                          "attrs": {}} for o in others[:ROWS_SHOWN]]


def person_chart(archive: Archive, eid: str) -> Any:
    """The timeline of a person's posts and events (None without any date).

    >>> [r.label for r in person_chart(Archive.from_graph(EXAMPLE), "person/乙").rows]
    ['书记 @ 市委', '活动 events']
    """
    posts, events = [], []
    for i, f in archive.facts_of(eid, "holds_position", as_object=False):
        a = f.get("attributes") or {}
        org = archive.entities.get(f.get("object") or "")
        posts.append({"label": (a.get("title") or "?") + (f" @ {org['name']}" if org else ""),
                      "first": a.get("first_seen") or archive.date_of(f), "last": a.get("last_seen"),
                      "start": a.get("start"), "end": a.get("end"), "change": a.get("change"), "href": f"/f/{i}"})
    for i, f in archive.facts_of(eid, "participated", as_object=False):
        event = archive.entities.get(f.get("object") or "")
        events.append({"date": archive.date_of(f), "label": event["name"] if event else "", "href": f"/f/{i}"})
    posts.sort(key=lambda p: (str(p["first"] or p["start"] or ""), p["label"]))
    return build_chart(posts[:40], events)


def marked(sentence: str, subject: Entity | None, obj: Entity | None) -> list[tuple[str, str]]:
    """A sentence cut into (text, mark) pieces: mark is "s" or "o" on the fact's two ends, else "".

    >>> marked("市长张三出席", {"name": "张三", "aliases": []}, None)
    [('市长', ''), ('张三', 's'), ('出席', '')]
    """
    spans = []
    for kind, e in (("s", subject), ("o", obj)):
        if e:
            spans += [(a, b, kind) for a, b in find_marks(sentence, [e["name"], *e.get("aliases", ())])]
    pieces, at = [], 0
    for a, b, kind in sorted(spans):
        if a >= at:
            pieces += [(sentence[at:a], "")] if a > at else []
            pieces.append((sentence[a:b], kind))
            at = b
    if at < len(sentence):
        pieces.append((sentence[at:], ""))
    return pieces


def evidence(archive: Archive, i: int) -> dict[str, Any]:
    """One fact with every source: sentence with marks, document, date, page.

    >>> evidence(Archive.from_graph(EXAMPLE), 2)["sources"][0]["pieces"]
    [('市委', 'o'), ('书记', ''), ('乙', 's'), ('出席。', '')]
    """
    f = archive.facts[i]
    subject, obj = archive.entities[f["subject"]], archive.entities.get(f.get("object") or "")
    attrs = f.get("attributes") or {}
    read = [(s, "") for s in f.get("sources") or () if isinstance(s, dict)]
    read += [(attrs[key], label) for key, label in TERM_SOURCES if isinstance(attrs.get(key), dict)]
    sources = []
    for s, label in read:
        doc = archive.documents.get(s.get("document"), {})
        sources.append({"pieces": marked(str(s.get("sentence") or ""), subject, obj), "label": label,
                        "document": s.get("document"), "article": s.get("article"),
                        "date": s.get("date") or doc.get("date"), "place": doc.get("place"),
                        "page": s.get("page", doc.get("page")), "start": s.get("start"), "end": s.get("end")})
    return {"id": i, "subject": subject, "object": obj, "relation": relation_label(f["relation"]),
            "detail": describe(attrs), "date": archive.date_of(f), "sources": sources,
            "notes": {k: v for k, v in sorted(attrs.items()) if k.endswith("_evidence") and isinstance(v, str)}}


def evidence_page(archive: Archive, eid: str, page: int) -> dict[str, Any]:
    """One page of every fact touching an entity, by date, with its sentences.

    >>> page = evidence_page(Archive.from_graph(EXAMPLE), "person/乙", 1)
    >>> page["count"], [f["relation"] for f in page["facts"]]
    (2, ['参加 participated', '任职 holds_position'])
    """
    ids = sorted(archive.touching.get(eid, ()), key=lambda i: (archive.dates[i] or "9999", i))
    pages = max(1, -(-len(ids) // FACTS_PER_PAGE))
    page = min(max(1, page), pages)
    chosen = ids[(page - 1) * FACTS_PER_PAGE:page * FACTS_PER_PAGE]
    return {"facts": [evidence(archive, i) for i in chosen], "page": page, "pages": pages, "count": len(ids)}
