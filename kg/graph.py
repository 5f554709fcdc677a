"""Per-document results -> one graph: the kg-json dict, and a networkx view of it.

`assemble` is the reduce step of a build: it merges entities across documents
(kg.resolve.person_splits), merges facts read more than once (their sources add up), makes
one fact of each post (person, body, canonical title: kg.careers) with its written forms,
dates and tenure, lists the successions of single-holder posts, and sorts everything so the
same input always gives the same bytes.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from kg import careers
from kg.script import to_simplified
from kg.types import SYMMETRIC_RELATIONS

FORMAT = "kg-json/1"


def _fact_key(f: dict[str, Any]) -> tuple:
    a = f["attributes"]
    key_attrs = tuple(sorted((k, to_simplified(str(v))) for k, v in a.items()      # 縣委書記 is 县委书记
                             if k in ("title", "role", "change", "amount")))
    ends = (f["subject"], f["object"] or "")
    if f["relation"] in SYMMETRIC_RELATIONS:     # 甲 partner_of 乙 is 乙 partner_of 甲: one fact, the first's way
        ends = tuple(sorted(ends))
    return (f["relation"], *ends, key_attrs)


def assemble(results: Iterable[dict[str, Any]], *, never_split: set[str] = frozenset()) -> tuple[dict, list]:
    """Merge document results into the kg-json dict; also return the merge log."""
    from kg.resolve import person_splits

    results = sorted(results, key=lambda r: r["document"]["id"])
    mapping, log = person_splits(results, never_split=set(never_split))
    entities: dict[str, dict[str, Any]] = {}
    facts: dict[tuple, dict[str, Any]] = {}
    mentions: list[dict[str, Any]] = []
    dates = _sighting_dates(results)

    for r in results:
        doc_id = r["document"]["id"]

        def final(ent_id: str | None, doc_id: str = doc_id) -> str | None:
            return mapping.get((doc_id, ent_id), ent_id) if ent_id else None

        for ent_id, e in r["entities"].items():
            _merge_entity(entities, final(ent_id), e)
        for f in r["facts"]:
            f = dict(f, subject=final(f["subject"]), object=final(f["object"]))
            if f["relation"] == "holds_position":
                f = careers.as_post(f, _date_of(f, dates, doc_id))
            _merge_fact(facts, f)
        for m in r["mentions"]:      # shared, not copied, unless renamed: an archive's mentions are most of it
            renamed = final(m["entity"])
            mentions.append(m if renamed == m["entity"] else dict(m, entity=renamed))

    for f in facts.values():        # once, not at each merge: a leader's post has thousands of sources
        f["sources"] = careers.unique_sources(f["sources"])
    ordered = sorted(facts.values(), key=lambda f: json.dumps(_fact_key(f), ensure_ascii=False))
    successions = careers.date_posts(ordered)
    graph = {
        "format": FORMAT,
        "documents": [r["document"] for r in results],
        "articles": [a for r in results for a in r["articles"]],
        "entities": [_entity_out(i, entities[i]) for i in sorted(entities)],
        "facts": ordered,
        "mentions": sorted(mentions, key=lambda m: (m["document"], m["start"], m["end"], m["type"])),
        "successions": successions,
    }
    return graph, log


def _merge_entity(entities: dict[str, dict[str, Any]], ent_id: str, e: dict[str, Any]) -> None:
    cur = entities.get(ent_id)
    if cur is None:
        entities[ent_id] = {"type": e["type"], "name": e["name"], "aliases": set(e["aliases"]),
                            "attributes": dict(e["attributes"])}
        return
    cur["aliases"] |= set(e["aliases"])
    for k, v in e["attributes"].items():
        if k == "role" and cur["attributes"].get(k) not in (None, "official", "business"):
            cur["attributes"][k] = v
        cur["attributes"].setdefault(k, v)


def _sighting_dates(results: list[dict[str, Any]]) -> dict[str, str | None]:
    """Document and article id -> the date a sighting there is of: the event date the story
    gives (an article's `date`), else the document's publication date."""
    dates: dict[str, str | None] = {}
    for r in results:
        dates[r["document"]["id"]] = r["document"].get("date")
        for a in r["articles"]:
            dates[a["id"]] = a.get("date") or r["document"].get("date")
    return dates


def _date_of(f: dict[str, Any], dates: dict[str, str | None], doc_id: str) -> str | None:
    art = f["sources"][0].get("article") if f["sources"] else None
    return dates.get(art) if art in dates else dates.get(doc_id)


def _merge_fact(facts: dict[tuple, dict[str, Any]], f: dict[str, Any]) -> None:
    key = _fact_key(f)
    cur = facts.get(key)
    if cur is None:
        cur = facts[key] = {"relation": f["relation"], "subject": f["subject"], "object": f["object"],
                            "attributes": dict(f["attributes"], **({"forms": []} if "forms" in f["attributes"] else {})),
                            "sources": []}
    for k, v in f["attributes"].items():
        if k == "forms":
            careers.merge_forms(cur["attributes"]["forms"], v)
        else:
            cur["attributes"].setdefault(k, v)
    cur["sources"] += f["sources"]


def _entity_out(ent_id: str, e: dict[str, Any]) -> dict[str, Any]:
    return {"id": ent_id, "type": e["type"], "name": e["name"],
            "aliases": sorted(a for a in e["aliases"] if a != e["name"]), "attributes": e["attributes"]}


def to_networkx(graph: dict[str, Any]):
    """The kg-json dict as a networkx MultiDiGraph: entities are nodes, facts edges.

    >>> g = to_networkx({"entities": [{"id": "a", "type": "person", "name": "甲", "aliases": [], "attributes": {}}],
    ...                  "facts": [{"relation": "holds_position", "subject": "a", "object": None,
    ...                             "attributes": {"title": "总书记"}, "sources": []}]})
    >>> g.number_of_nodes(), g.number_of_edges()
    (1, 0)
    """
    import networkx as nx

    g = nx.MultiDiGraph()
    for e in graph["entities"]:
        g.add_node(e["id"], type=e["type"], name=e["name"], aliases=list(e["aliases"]), **e["attributes"])
    for f in graph["facts"]:
        if f["object"] is not None and f["subject"] in g and f["object"] in g:
            g.add_edge(f["subject"], f["object"], key=None, relation=f["relation"], sources=f["sources"],
                       **f["attributes"])
    return g
