"""Views of a graph for people: focus (ego) subgraphs and a fast deterministic layout.

`subgraph` cuts a kg-json dict down to what lies within `hops` of one entity;
`spring_layout` places nodes so the page can open with physics off;
`render_html` is what `kg render OUTDIR --focus …` calls.
"""
from __future__ import annotations

import difflib
import json
import math
import random
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from kg.types import ENTITY_TYPES


def find_focus(graph: dict[str, Any], focus: str) -> list[str]:
    """Entity ids that `focus` names: an id, else a name, else an alias, else a pinyin.

    >>> g = {"entities": [{"id": "person/张百顺", "type": "person", "name": "张百顺", "aliases": []}]}
    >>> find_focus(g, "张百顺"), find_focus(g, "zhang baishun")
    (['person/张百顺'], ['person/张百顺'])
    """
    from kg.pinyin import to_pinyin

    entities = graph.get("entities", [])
    squash = "".join(focus.lower().split())
    tests = (
        lambda e: e["id"] == focus,
        lambda e: e["name"] == focus,
        lambda e: focus in e.get("aliases", ()),
        lambda e: "".join(to_pinyin(e["name"]).split()) == squash,
    )
    for test in tests:
        found = sorted(e["id"] for e in entities if test(e))
        if found:
            return found
    names = sorted({e["name"] for e in entities})
    hint = difflib.get_close_matches(focus, names, n=3, cutoff=0.5)
    if not hint:  # a homophone typo (李常平 for 李长萍) is close in sound, not in characters
        sound = {to_pinyin(n): n for n in names}
        hint = [sound[p] for p in difflib.get_close_matches(to_pinyin(focus), sorted(sound), n=3, cutoff=0.75)]
    raise ValueError(f"unknown entity {focus!r}" + (f"; did you mean {', '.join(hint)}?" if hint else ""))


def parse_types(types: str | Iterable[str] | None) -> set[str] | None:
    """`"person,event"` -> {"person", "event"}; an unknown type is a ValueError.

    >>> sorted(parse_types("person, event"))
    ['event', 'person']
    """
    if types is None:
        return None
    items = [t.strip() for t in (types.split(",") if isinstance(types, str) else types) if t.strip()]
    unknown = sorted(set(items) - set(ENTITY_TYPES))
    if unknown:
        raise ValueError(f"unknown entity type {', '.join(unknown)}; choose from {', '.join(ENTITY_TYPES)}")
    return set(items)


def subgraph(graph: dict[str, Any], *, focus: str | None = None, hops: int = 2,
             types: str | Iterable[str] | None = None) -> dict[str, Any]:
    """The part of `graph` within `hops` facts of `focus`, keeping only entities of `types`.

    The walk passes only through kept types, so what is shown stays connected; the focus
    itself is always kept. Without `focus` only the type filter applies.

    >>> g = {"entities": [{"id": i, "type": t, "name": i} for i, t in
    ...      [("a", "person"), ("b", "event"), ("c", "place"), ("d", "person")]],
    ...      "facts": [{"relation": "participated", "subject": "a", "object": "b"},
    ...                {"relation": "located_in", "subject": "b", "object": "c"},
    ...                {"relation": "participated", "subject": "d", "object": "b"}]}
    >>> [e["id"] for e in subgraph(g, focus="a", hops=1)["entities"]]
    ['a', 'b']
    >>> [e["id"] for e in subgraph(g, focus="a", hops=2, types="person,event")["entities"]]
    ['a', 'b', 'd']
    """
    wanted = parse_types(types)
    kind = {e["id"]: e["type"] for e in graph.get("entities", [])}
    allowed = {i for i, t in kind.items() if wanted is None or t in wanted}
    if focus is not None:
        seeds = find_focus(graph, focus)
        allowed |= set(seeds)
        allowed = _within(graph.get("facts", []), seeds, hops, allowed)
    facts = [f for f in graph.get("facts", [])
             if f["subject"] in allowed and (f.get("object") is None or f["object"] in allowed)]
    out = dict(graph)
    out["entities"] = [e for e in graph.get("entities", []) if e["id"] in allowed]
    out["facts"] = facts
    out["mentions"] = [m for m in graph.get("mentions", []) if m.get("entity") in allowed]
    return out


def _within(facts: list[dict[str, Any]], seeds: list[str], hops: int, allowed: set[str]) -> set[str]:
    """Breadth-first walk over facts (both directions) through `allowed` ids only."""
    adjacent: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        s, o = f["subject"], f.get("object")
        if o is not None and s in allowed and o in allowed:
            adjacent[s].add(o)
            adjacent[o].add(s)
    depth = {s: 0 for s in seeds}
    queue = deque(seeds)
    while queue:
        node = queue.popleft()
        if depth[node] < hops:
            for nxt in sorted(adjacent[node] - depth.keys()):
                depth[nxt] = depth[node] + 1
                queue.append(nxt)
    return set(depth)


def layout(n: int, edges: list[tuple[int, int]], *, seed: int = 7,
           widths: list[float] | None = None) -> list[tuple[float, float]]:
    """Each connected part laid out on its own, then packed in rows, biggest first, isolated
    nodes last, flowed like words (`widths`: label widths in layout units) so labels don't
    overlap: a page of many small stories stays readable at a glance.

    >>> pos = layout(5, [(0, 1), (1, 2)], widths=[1, 1, 1, 4, 1])
    >>> len(pos), pos == layout(5, [(0, 1), (1, 2)], widths=[1, 1, 1, 4, 1]), pos[4][1] - pos[3][1]
    (5, True, 1.0)
    """
    root = list(range(n))

    def find(v: int) -> int:
        while root[v] != v:
            root[v] = root[root[v]]
            v = root[v]
        return v

    for u, v in edges:
        root[find(u)] = find(v)
    parts: dict[int, list[int]] = defaultdict(list)
    for v in range(n):
        parts[find(v)].append(v)
    inner: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for u, v in edges:
        inner[find(u)].append((u, v))
    blocks = []
    for key, members in sorted(parts.items(), key=lambda kv: (-len(kv[1]), kv[1][0])):
        if len(members) > 1:
            local = {v: i for i, v in enumerate(members)}
            blocks.append((members, _part_layout(len(members), [(local[u], local[v]) for u, v in inner[key]],
                                                 seed=seed)))
    singles = [m[0] for m in parts.values() if len(m) == 1]
    if singles:
        blocks.append((sorted(singles), _flow(sorted(singles), widths)))
    return _pack(n, blocks)


MAX_SPRING = 5000   # nodes of one linked part placed by force; the rest beside their neighbours


def _part_layout(n: int, edges: list[tuple[int, int]], *, seed: int,
                 limit: int | None = None) -> list[tuple[float, float]]:
    """One connected part: the spring layout, or for a part of more than `limit` nodes (an
    archive's one party leader linked to 40,000 names) the spring layout of its `limit` best
    linked nodes, each other node set on a small spiral round the first placed node it is
    linked to (breadth first). No reader can follow 40,000 nodes moved by force, and laying
    them out was most of the time of the page; every node is still on it.

    >>> pos = _part_layout(6, [(0, i) for i in range(1, 6)], seed=1, limit=3)
    >>> len(pos), pos == _part_layout(6, [(0, i) for i in range(1, 6)], seed=1, limit=3)
    (6, True)
    """
    limit = MAX_SPRING if limit is None else limit
    if n <= limit:
        return spring_layout(n, edges, seed=seed)
    degree = [0] * n
    adjacent: list[list[int]] = [[] for _ in range(n)]
    for u, v in edges:
        degree[u] += 1
        degree[v] += 1
        adjacent[u].append(v)
        adjacent[v].append(u)
    core = sorted(sorted(range(n), key=lambda v: -degree[v])[:limit])
    local = {v: i for i, v in enumerate(core)}
    placed = spring_layout(limit, [(local[u], local[v]) for u, v in edges if u in local and v in local], seed=seed)
    pos: list[tuple[float, float] | None] = [None] * n
    for v, xy in zip(core, placed):
        pos[v] = xy
    around = [0] * n           # nodes already set round each anchor
    queue = deque(core)
    while queue:
        anchor = queue.popleft()
        for v in adjacent[anchor]:
            if pos[v] is None:
                k = around[anchor] = around[anchor] + 1
                r, angle = 0.6 * math.sqrt(k), k * 2.399963229728653    # the golden angle: no two on one ray
                ax, ay = pos[anchor]
                pos[v] = (ax + r * math.cos(angle), ay + r * math.sin(angle))
                queue.append(v)
    return pos


def layout_warning(graph: dict[str, Any], *, limit: int | None = None) -> str | None:
    """One line when the page's layout meets MAX_SPRING (see `_part_layout`), else None.

    >>> g = {"entities": [{"id": str(i)} for i in range(4)],
    ...      "facts": [{"subject": "0", "object": str(i)} for i in range(1, 4)]}
    >>> layout_warning(g, limit=3)
    'network page: 4 entities linked in one part; laid out the 3 best linked by force, the rest beside their neighbours'
    """
    limit = MAX_SPRING if limit is None else limit
    root: dict[str, str] = {}

    def find(v: str) -> str:
        root.setdefault(v, v)
        while root[v] != v:
            root[v] = root[root[v]]
            v = root[v]
        return v

    known = {e["id"] for e in graph.get("entities", ())}
    for f in graph.get("facts", ()):
        s, o = f.get("subject"), f.get("object")
        if s in known and o in known and s != o:
            root[find(s)] = find(o)
    sizes: dict[str, int] = defaultdict(int)
    for v in root:
        sizes[find(v)] += 1
    big = max(sizes.values(), default=0)
    if big <= limit:
        return None
    return (f"network page: {big:,} entities linked in one part; laid out the {limit:,} best linked by force, "
            f"the rest beside their neighbours")


def _flow(nodes: list[int], widths: list[float] | None) -> list[tuple[float, float]]:
    """Rows of labelled dots about three times wider than tall, each label given its width."""
    space = [(widths[v] if widths else 1.0) + 0.8 for v in nodes]
    row_width = max(max(space), math.sqrt(sum(space) * 3.0))
    out, x, y = [], 0.0, 0.0
    for w in space:
        if x > 0 and x + w > row_width:
            x, y = 0.0, y + 1.0
        out.append((x + w / 2, y))
        x += w
    return out


def _pack(n: int, blocks: list[tuple[list[int], list[tuple[float, float]]]]) -> list[tuple[float, float]]:
    """Shelf packing: blocks left to right in rows, the whole about square like the canvas."""
    boxes = []
    for members, pos in blocks:
        x0, y0 = min(x for x, _ in pos), min(y for _, y in pos)
        boxes.append((members, [(x - x0, y - y0) for x, y in pos],
                      max(x for x, _ in pos) - x0 + 2, max(y for _, y in pos) - y0 + 2))
    width = max([math.sqrt(sum(w * h for *_, w, h in boxes)) * 1.1] + [w for *_, w, _ in boxes[:1]])
    out: list[tuple[float, float]] = [(0.0, 0.0)] * n
    x = y = row = 0.0
    for members, pos, w, h in boxes:
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        for v, (px, py) in zip(members, pos):
            out[v] = (x + px, y + py)
        x, row = x + w, max(row, h)
    return out


def spring_layout(n: int, edges: list[tuple[int, int]], *, seed: int = 7,
                  iterations: int | None = None) -> list[tuple[float, float]]:
    """Fruchterman–Reingold with grid-limited repulsion (their 1991 'grid variant'), pure Python.

    Repulsion only within two ideal edge lengths keeps a step linear in nodes + edges, so
    5,000 nodes take seconds; the same input and seed give the same positions.

    >>> pos = spring_layout(3, [(0, 1), (1, 2)], seed=1)
    >>> len(pos), pos == spring_layout(3, [(0, 1), (1, 2)], seed=1)
    (3, True)
    """
    if n == 0:
        return []
    if iterations is None:
        iterations = max(25, min(150, 1_500_000 // max(1, 30 * n + len(edges))))
    rng = random.Random(seed)
    side = math.sqrt(max(n, 1))
    x = [rng.uniform(0, side) for _ in range(n)]
    y = [rng.uniform(0, side) for _ in range(n)]
    links = [(u, v) for u, v in edges if u != v]
    pull = 0.1  # weak springs: a dense graph would otherwise fold into a few cells
    for step in range(iterations):
        dx, dy = _repulse(x, y, cell=2.0)
        _far_field(x, y, dx, dy)
        for u, v in links:
            ex, ey = x[u] - x[v], y[u] - y[v]
            d = math.hypot(ex, ey) or 1e-9
            dx[u] -= ex * d * pull
            dy[u] -= ey * d * pull
            dx[v] += ex * d * pull
            dy[v] += ey * d * pull
        limit = side / 10 * (1 - step / iterations) + 0.01
        mid = side / 2
        for i in range(n):
            gx, gy = dx[i] + (mid - x[i]) * 0.01, dy[i] + (mid - y[i]) * 0.01
            d = math.hypot(gx, gy) or 1e-9
            move = min(d, limit) / d
            x[i] += gx * move
            y[i] += gy * move
    return list(zip(x, y))


def _repulse(x: list[float], y: list[float], *, cell: float) -> tuple[list[float], list[float]]:
    """Repulsive displacement k²/d between nodes closer than `cell` (k = 1)."""
    n = len(x)
    dx, dy = [0.0] * n, [0.0] * n
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in range(n):
        grid[(int(x[i] // cell), int(y[i] // cell))].append(i)
    reach = cell * cell
    for (cx, cy), members in grid.items():
        near = [j for ox, oy in ((0, 0), (1, -1), (1, 0), (1, 1), (0, 1))
                for j in grid.get((cx + ox, cy + oy), ())]
        for a, i in enumerate(members):
            xi, yi = x[i], y[i]
            for j in near[a + 1:]:
                ex, ey = xi - x[j], yi - y[j]
                d2 = ex * ex + ey * ey
                if d2 < reach:
                    if d2 < 1e-9:
                        ex, ey, d2 = 0.01 * (1 + (i - j) % 3), 0.01, 2e-4
                    dx[i] += ex / d2
                    dy[i] += ey / d2
                    dx[j] -= ex / d2
                    dy[j] -= ey / d2
    return dx, dy


def _far_field(x: list[float], y: list[float], dx: list[float], dy: list[float], *, size: int = 16) -> None:
    """Add the repulsion of distant crowds: coarse cells push each other as point masses."""
    x0, y0 = min(x), min(y)
    span = max(max(x) - x0, max(y) - y0, 1e-9) / size * 1.000001
    home = [(int((x[i] - x0) // span), int((y[i] - y0) // span)) for i in range(len(x))]
    mass: dict[tuple[int, int], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for i, key in enumerate(home):
        m = mass[key]
        m[0] += 1
        m[1] += x[i]
        m[2] += y[i]
    cells = [(key, m[0], m[1] / m[0], m[2] / m[0]) for key, m in sorted(mass.items())]
    push: dict[tuple[int, int], tuple[float, float]] = {}
    for key, _, ax, ay in cells:
        fx = fy = 0.0
        for other, count, bx, by in cells:
            if other != key:
                ex, ey = ax - bx, ay - by
                d2 = ex * ex + ey * ey + 1e-9
                fx += count * ex / d2
                fy += count * ey / d2
        push[key] = (fx, fy)
    for i, key in enumerate(home):
        fx, fy = push[key]
        dx[i] += fx
        dy[i] += fy


def render_html(graph_json: str | Path, out: str | Path | None = None, *, focus: str | None = None,
                hops: int = 2, types: str | None = None, title: str | None = None,
                warn: Callable[[str], None] | None = None) -> Path:
    """Read a kg-json file, cut it around `focus`, and write the offline HTML page.

    `out` defaults to graph.html (whole graph) or focus.html beside the input.
    Errors a user can fix (unknown entity or type) are one-line ValueErrors; `warn` hears the
    layout bound's line when the page meets it (as `kg build` prints it).
    """
    from kg.export.html import write_html

    graph_json = Path(graph_json)
    graph = json.loads(graph_json.read_text(encoding="utf-8"))
    view = subgraph(graph, focus=focus, hops=hops, types=types)
    out = Path(out) if out else graph_json.with_name("focus.html" if focus else "graph.html")
    label = title or (f"{focus} · {hops} 跳 hops" if focus else None)
    if warn is not None and (why := layout_warning(view)):
        warn(why)
    write_html(view, out, title=label, focus=find_focus(graph, focus)[0] if focus else None)
    return out
