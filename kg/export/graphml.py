"""GraphML for Gephi, Cytoscape, yEd and networkx: a MultiDiGraph with flat scalar attributes.

GraphML holds only str/int/float/bool, one type per attribute name, so `flatten` turns
nested dicts into dotted keys and lists into `|`-joined strings, and `unify_types` makes an
attribute a string wherever its values disagree in type. A fact whose object is null
(a post with no known organisation) cannot be an edge; its title goes into the
person's `posts` attribute instead.

`generate_graphml` writes what `networkx.generate_graphml` writes, byte for byte, without
building the XML tree first: on an archive's 100,000 stories networkx's tree and its
pretty-printer took four fifths of the export.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
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
    facts = sorted(((f, flatten(f.get("attributes", {}))) for f in graph.get("facts", [])), key=_fact_order)
    for f, _ in facts:
        if f["relation"] == "holds_position" and f.get("attributes", {}).get("title"):
            posts.setdefault(f["subject"], []).append(str(f["attributes"]["title"]))
    for e in sorted(graph.get("entities", []), key=lambda e: e["id"]):
        attrs = {k: v for k, v in flatten(e.get("attributes", {})).items() if k not in ("type", "name")}
        attrs.update(type=e["type"], name=e["name"], aliases=SEPARATOR.join(e.get("aliases", [])))
        if e["id"] in posts:
            attrs["posts"] = SEPARATOR.join(dict.fromkeys(posts[e["id"]]))
        g.add_node(xml_text(e["id"]), **{k: xml_text(v) for k, v in attrs.items()})
    seen: dict[tuple[str, str, str], int] = {}
    for f, flat in facts:
        s, o = xml_text(f["subject"]), xml_text(f.get("object"))
        if o is None or s not in g or o not in g:
            continue
        n = seen[(s, o, f["relation"])] = seen.get((s, o, f["relation"]), -1) + 1
        g.add_edge(s, o, key=f"{f['relation']}#{n}", **_edge_attrs(f, flat))
    return g


def _fact_order(fact: tuple[dict[str, Any], dict[str, Any]]) -> tuple[str, ...]:
    f, flat = fact       # a fact and its flattened attributes (flattened once, for both uses)
    return (f["subject"], f["relation"], f.get("object") or "", repr(sorted(flat.items())),
            repr([(s.get("document"), s.get("start")) for s in f.get("sources", [])]))


def _edge_attrs(f: dict[str, Any], flat: dict[str, Any]) -> dict[str, Any]:
    attrs = {k: v for k, v in flat.items() if k != "relation"}
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
    atomic_write(path, generate_graphml(g))


# GraphML's names of Python's types, as networkx writes them (its last entry for a type wins)
_XML_TYPES = {str: "string", int: "long", float: "double", bool: "boolean"}
# networkx splits its text into lines and joins them with "\n": a bare "\r" (text data is not
# escaped) and the rarer breaks of str.splitlines become "\n"; non-ASCII is a character reference
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e]")
_BREAK_CHARS = "\r\x0b\x0c\x1c\x1d\x1e"
_GRAPHML_OPEN = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')


def generate_graphml(g: nx.MultiDiGraph, *, piece: int = 2000) -> Iterator[str]:
    """The text of `networkx.generate_graphml(g)` (pretty-printed, joined with "\\n", a final
    "\\n"), in pieces of about `piece` nodes or edges each: two passes over `g`, no XML tree.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("place/聊城", name="聊城", level=2)
    >>> _ = g.add_edge("place/聊城", "place/聊城", key="part_of#0", relation="part_of")
    >>> "".join(generate_graphml(g)) == "\\n".join(nx.generate_graphml(g)) + "\\n"
    True
    """
    keys: dict[tuple[str, str, str], str] = {}    # (name, GraphML type, scope) -> id, as first met
    key_of: dict[tuple[str, Any, type], str] = {}  # (scope, name, Python type) -> the same id
    for scope, items in (("node", g.nodes(data=True)), ("edge", g.edges(data=True))):
        for *_, data in items:
            for k, v in data.items():
                if (scope, k, type(v)) not in key_of:
                    key_of[(scope, k, type(v))] = keys.setdefault((str(k), _xml_type(v), scope), f"d{len(keys)}")
    nodes, edges = g.number_of_nodes(), g.number_of_edges()
    head = [_GRAPHML_OPEN]
    for (name, type_, scope), key_id in reversed(keys.items()):     # networkx inserts each first
        head.append(f'\n  <key id="{key_id}" for="{scope}" attr.name="{_attrib(name)}" attr.type="{type_}" />')
    head.append('\n  <graph edgedefault="directed"' + (">\n    " if nodes or edges else " />\n"))
    yield _ascii("".join(head))
    out: list[str] = []
    last = nodes + edges
    for n, (tag, ident, data, scope) in enumerate(_elements(g), start=1):
        out.append(f"<{tag} {ident}")
        if data:
            out.append(">")
            for k, v in data.items():
                text = _cdata(str(v))
                out.append(f'\n      <data key="{key_of[(scope, k, type(v))]}"'
                           + (f">{text}</data>" if text else " />"))
            out.append(f"\n    </{tag}>")
        else:
            out.append(" />")
        out.append("\n  </graph>\n" if n == last else "\n    ")
        if n % piece == 0 or n == last:
            yield _ascii("".join(out))
            out = []
    yield "</graphml>\n"


def _elements(g: nx.MultiDiGraph) -> Iterator[tuple[str, str, dict[str, Any], str]]:
    for node, data in g.nodes(data=True):
        yield "node", f'id="{_attrib(str(node))}"', data, "node"
    for u, v, key, data in g.edges(keys=True, data=True):
        yield "edge", f'source="{_attrib(str(u))}" target="{_attrib(str(v))}" id="{_attrib(str(key))}"', data, "edge"


def _xml_type(value: Any) -> str:
    try:
        return _XML_TYPES[type(value)]
    except KeyError:
        raise TypeError(f"GraphML does not support type {type(value)} as data values.") from None


def _cdata(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") if "&" in text or "<" in text or ">" in text else text


def _attrib(text: str) -> str:
    text = _cdata(text).replace('"', "&quot;")
    return text.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")


def _ascii(text: str) -> str:
    text = text.encode("ascii", "xmlcharrefreplace").decode("ascii")
    return _BREAKS.sub("\n", text) if any(c in text for c in _BREAK_CHARS) else text
