"""GraphML for Gephi, Cytoscape, yEd and networkx: a MultiDiGraph with flat scalar attributes.

GraphML holds only str/int/float/bool, one type per attribute name, so `flatten` turns
nested dicts into dotted keys and lists into `|`-joined strings, and `unify_types` makes an
attribute a string wherever its values disagree in type. A fact whose object is null
(a post with no known organisation) cannot be an edge; its title goes into the
person's `posts` attribute instead.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx

from kg.io import atomic_write

SEPARATOR = "|"
# characters XML 1.0 cannot carry at all, even escaped (PDF extraction leaves some behind)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: Any) -> Any:
    """Strings without XML-illegal control characters; other values unchanged.

    >>> xml_text("聊城\x0c市"), xml_text(3)
    ('聊城市', 3)
    """
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def _scalar(value: Any) -> str:
    """A list item as text: records (a post's written forms) as JSON, not Python reprs."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if isinstance(value, (dict, list)) else str(value)


def flatten(attributes: dict[str, Any], prefix: str = "") -> dict[str, str | int | float | bool]:
    """GraphML-compatible scalars: nested keys dotted, lists joined, None dropped.

    >>> flatten({"title": "市长", "order": 2, "span": {"from": "2024"}, "tags": ["a", 1], "x": None})
    {'title': '市长', 'order': 2, 'span.from': '2024', 'tags': 'a|1'}
    """
    flat: dict[str, str | int | float | bool] = {}
    for key, value in attributes.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, prefix=f"{name}."))
        elif isinstance(value, (list, tuple, set, frozenset)):
            items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
            flat[name] = xml_text(SEPARATOR.join(_scalar(v) for v in items if v is not None))
        elif isinstance(value, (str, int, float, bool)):
            flat[name] = xml_text(value)
        elif value is not None:
            flat[name] = xml_text(str(value))
    return flat


def to_networkx(graph: dict[str, Any]) -> nx.MultiDiGraph:
    """The kg-json dict as a MultiDiGraph: node id = entity id, edge key = `relation#n`.

    >>> g = to_networkx({"entities": [{"id": "person/李长萍", "type": "person", "name": "李长萍",
    ...     "aliases": [], "attributes": {"role": "official"}}], "facts": [{"relation": "holds_position",
    ...     "subject": "person/李长萍", "object": None, "attributes": {"title": "市委书记"}}]})
    >>> g.nodes["person/李长萍"]["posts"], g.nodes["person/李长萍"]["role"]
    ('市委书记', 'official')
    """
    g = nx.MultiDiGraph()
    posts: dict[str, list[str]] = {}
    facts = sorted(graph.get("facts", []), key=_fact_order)
    for f in facts:
        if f["relation"] == "holds_position" and f.get("attributes", {}).get("title"):
            posts.setdefault(f["subject"], []).append(str(f["attributes"]["title"]))
    for e in sorted(graph.get("entities", []), key=lambda e: e["id"]):
        attrs = {k: v for k, v in flatten(e.get("attributes", {})).items() if k not in ("type", "name")}
        attrs.update(type=e["type"], name=e["name"], aliases=SEPARATOR.join(e.get("aliases", [])))
        if e["id"] in posts:
            attrs["posts"] = SEPARATOR.join(dict.fromkeys(posts[e["id"]]))
        g.add_node(xml_text(e["id"]), **{k: xml_text(v) for k, v in attrs.items()})
    seen: dict[tuple[str, str, str], int] = {}
    for f in facts:
        s, o = xml_text(f["subject"]), xml_text(f.get("object"))
        if o is None or s not in g or o not in g:
            continue
        n = seen[(s, o, f["relation"])] = seen.get((s, o, f["relation"]), -1) + 1
        g.add_edge(s, o, key=f"{f['relation']}#{n}", **_edge_attrs(f))
    return g


def _fact_order(f: dict[str, Any]) -> tuple[str, ...]:
    return (f["subject"], f["relation"], f.get("object") or "", repr(sorted(flatten(f.get("attributes", {})).items())),
            repr([(s.get("document"), s.get("start")) for s in f.get("sources", [])]))


def _edge_attrs(f: dict[str, Any]) -> dict[str, Any]:
    attrs = {k: v for k, v in flatten(f.get("attributes", {})).items() if k != "relation"}
    sources = f.get("sources", [])
    attrs["relation"] = f["relation"]
    attrs["sources"] = len(sources)
    if sources:
        attrs["documents"] = SEPARATOR.join(dict.fromkeys(str(s.get("document")) for s in sources))
        attrs["sentence"] = xml_text(str(sources[0].get("sentence", "")))
    return attrs


def unify_types(g: nx.MultiDiGraph) -> None:
    """One GraphML type per attribute name: where node (or edge) values disagree, use str."""
    for items in (list(g.nodes(data=True)), [(None, d) for *_, d in g.edges(keys=True, data=True)]):
        kinds: dict[str, set[type]] = {}
        for _, data in items:
            for k, v in data.items():
                kinds.setdefault(k, set()).add(type(v))
        floats = {k for k, ts in kinds.items() if ts == {int, float}}
        mixed = {k for k, ts in kinds.items() if len(ts) > 1} - floats
        for _, data in items:
            for k in mixed & data.keys():
                data[k] = str(data[k])
            for k in floats & data.keys():
                data[k] = float(data[k])


def write_graphml(graph: dict[str, Any], path: str | Path, **options: Any) -> None:
    """Write GraphML (UTF-8, deterministic, atomic) that `networkx.read_graphml` loads back.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> write_graphml({"entities": [{"id": "place/聊城市", "type": "place", "name": "聊城市",
    ...     "aliases": ["聊城"]}], "facts": []}, p)
    >>> nx.read_graphml(p).nodes["place/聊城市"]["aliases"]
    '聊城'
    """
    g = to_networkx(graph)
    unify_types(g)
    atomic_write(path, "\n".join(nx.generate_graphml(g, encoding="utf-8", prettyprint=True)) + "\n")
