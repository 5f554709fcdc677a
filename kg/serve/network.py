"""The focus network of `/network/ID`: an entity's neighbourhood, laid out in rings by hops.

The drawing is graph.html's (kg/export/html.py page_data and kg/templates/page.js); only
the layout differs. The spring layout of 300 nodes takes seconds in pure Python, while rings
take microseconds and show the hops: the focus at the centre, each hop one ring further out,
and each node near the node it was reached from.
"""
from __future__ import annotations

import math
from typing import Any

from kg.export.html import FONT_PX, UNIT_PX, page_data
from kg.serve.archive import Archive

RING = 3.0  # layout units between rings (page_data draws 50 px a unit)


def ring_layout(tree: dict[str, tuple[int, str | None]], names: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Positions: depth d on a circle of radius >= d * RING, wide enough for its labels, in parent order.

    >>> pos = ring_layout({"a": (0, None), "b": (1, "a"), "c": (1, "a"), "d": (2, "b")}, {})
    >>> pos["a"], round(math.hypot(*pos["b"]), 1), round(math.hypot(*pos["d"]), 1)
    ((0.0, 0.0), 3.0, 6.0)
    """
    angle: dict[str, float] = {}
    out: dict[str, tuple[float, float]] = {}
    by_depth: dict[int, list[str]] = {}
    for node, (depth, _) in tree.items():
        by_depth.setdefault(depth, []).append(node)
    for depth in sorted(by_depth):
        ring = sorted(by_depth[depth], key=lambda n: (angle.get(tree[n][1] or "", 0.0), n))
        if depth == 0:
            for n in ring:
                angle[n], out[n] = 0.0, (0.0, 0.0)
            continue
        label = sum(max(2, len(names.get(n, ""))) * FONT_PX / UNIT_PX + 0.6 for n in ring)
        radius = max(depth * RING, label / (2 * math.pi))
        for i, n in enumerate(ring):
            a = 2 * math.pi * i / len(ring)
            angle[n] = a
            out[n] = (round(radius * math.cos(a), 3), round(radius * math.sin(a), 3))
    return out


def focus_data(archive: Archive, eid: str, *, hops: int, types: set[str] | None, limit: int) -> dict[str, Any]:
    """The page data of the focus network around `eid` (at most `limit` entities, nearest first)."""
    tree = archive.neighbourhood(eid, hops=hops, types=types, limit=limit)
    names = {n: archive.entities[n]["name"] for n in tree}
    data = page_data(archive.subgraph(list(tree)), title=f"{names[eid]} · {hops} 跳 hops", focus=eid,
                     positions=ring_layout(tree, names))
    data["edge_labels"] = len(data["facts"]) <= 400
    data["cut"] = len(tree) >= limit
    return data
