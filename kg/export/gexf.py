"""GEXF for Gephi: the GraphML graph (kg/export/graphml.py) with the HTML page's look.

Each node carries `viz:color` by entity type and `viz:size` and `viz:position` exactly as the
page draws them (kg/export/html.py: TYPE_STYLE, page_data), each edge the colour of its
relation, so the graph opens in Gephi laid out and coloured as in graph.html. GEXF gives
some attribute names a meaning of its own (`start`/`end` make a graph dynamic, an edge's
`type` is directed or undirected), so those attributes are written with a trailing `_`.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import networkx as nx

from kg.export.graphml import to_networkx, unify_types
from kg.export.html import OTHER_STYLE, RELATION_STYLE, TYPE_STYLE, page_data
from kg.io import atomic_write

# vis-network shape -> GEXF viz shape (GEXF has disc, square, triangle, diamond)
SHAPES = {"dot": "disc", "square": "square", "triangle": "triangle", "diamond": "diamond", "star": "diamond"}
NODE_RESERVED = {"start", "end", "spells", "pid", "parents", "slices", "viz", "label", "id"}
EDGE_RESERVED = NODE_RESERVED | {"type", "weight"}
_MODIFIED = re.compile(r' lastmodifieddate="[^"]*"')


def rgb(colour: str) -> dict[str, int | float]:
    """A #rrggbb colour as GEXF viz:color fields.

    >>> rgb("#d1495b")
    {'r': 209, 'g': 73, 'b': 91, 'a': 1.0}
    """
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16), "a": 1.0}


def _rename(data: dict[str, Any], reserved: set[str]) -> dict[str, Any]:
    return {(f"{k}_" if k in reserved else k): v for k, v in data.items()}


def to_gexf_graph(graph: dict[str, Any]) -> nx.MultiDiGraph:
    """The networkx graph with `label` and `viz` (colour, size, position) set as the page has them.

    >>> g = to_gexf_graph({"entities": [{"id": "person/李长萍", "type": "person", "name": "李长萍"}]})
    >>> g.nodes["person/李长萍"]["label"], g.nodes["person/李长萍"]["viz"]["color"]["r"]
    ('李长萍', 209)
    """
    g = to_networkx(graph)
    unify_types(g)
    look = {n["id"]: n for n in page_data(graph)["nodes"]}
    for node, data in g.nodes(data=True):
        renamed = _rename(data, NODE_RESERVED)
        data.clear()
        data.update(renamed)
        colour, shape, _ = TYPE_STYLE.get(str(data.get("type")), OTHER_STYLE)
        drawn = look.get(node, {})
        data["label"] = str(data.get("name", node))
        data["viz"] = {"color": rgb(colour), "size": drawn.get("size", 10.0), "shape": SHAPES.get(shape, "disc"),
                       "position": {"x": drawn.get("x", 0.0), "y": -drawn.get("y", 0.0), "z": 0.0}}
    for *_, data in g.edges(keys=True, data=True):
        renamed = _rename(data, EDGE_RESERVED)
        data.clear()
        data.update(renamed)
        colour = RELATION_STYLE.get(str(data.get("relation")), ("#8c8c8c", ""))[0]
        data["label"] = str(data.get("relation", ""))
        data["viz"] = {"color": rgb(colour)}
    return g


def write_gexf(graph: dict[str, Any], path: str | Path, **_: Any) -> None:
    """Write GEXF 1.2 (UTF-8, deterministic, atomic) that Gephi and `networkx.read_gexf` load.

    The file's `lastmodifieddate` is the latest publication date of its documents, not today's,
    so the same graph gives the same bytes.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> write_gexf({"entities": [{"id": "place/聊城市", "type": "place", "name": "聊城市"}], "facts": []}, p)
    >>> nx.read_gexf(p).nodes["place/聊城市"]["viz"]["color"]
    {'r': 58, 'g': 157, 'b': 93, 'a': 1.0}
    """
    dates = sorted(str(d["date"]) for d in graph.get("documents") or () if d.get("date"))
    stamp = f' lastmodifieddate="{dates[-1]}"' if dates else ""
    lines = nx.generate_gexf(to_gexf_graph(graph), encoding="utf-8", prettyprint=True)
    atomic_write(path, "\n".join(_MODIFIED.sub(stamp, line, count=1) for line in lines) + "\n")
