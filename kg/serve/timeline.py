"""A person's posts and events over time as an SVG chart, computed here and drawn by the template.

One row per post (title at body): a bar from first to last seen, a solid bar where the facts
carry `start`/`end` dates, ▲ where an appointment was read and ✕ where a removal was. A last
row holds the events as dots. Positions are plain numbers, so the page needs no script.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

WIDTH, LEFT, ROW, TOP = 900, 260, 26, 28


@dataclass
class Row:
    label: str
    y: float
    bars: list[dict[str, float | str]] = field(default_factory=list)   # x, w, kind (seen|held), title, href
    marks: list[dict[str, float | str]] = field(default_factory=list)  # x, kind (appointed|removed|event), title, href


@dataclass
class Chart:
    width: int
    height: int
    rows: list[Row]
    ticks: list[tuple[float, str]]
    first: str
    last: str


def _day(text: object) -> int | None:
    try:
        return dt.date.fromisoformat(str(text)[:10]).toordinal()
    except ValueError:
        return None


def _ticks(lo: int, hi: int, most: int = 8) -> list[tuple[int, str]]:
    """Year or month ticks between two days, at most `most` of them.

    >>> [label for _, label in _ticks(dt.date(2023, 1, 20).toordinal(), dt.date(2024, 2, 1).toordinal())]
    ['2023-02', '2023-04', '2023-06', '2023-08', '2023-10', '2023-12', '2024-02']
    """
    a, b = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    if b.year - a.year >= 2:
        years = list(range(a.year + 1, b.year + 1))
        step = -(-len(years) // most)
        return [(dt.date(y, 1, 1).toordinal(), str(y)) for y in years[::step]]
    months = []
    y, m = a.year, a.month
    while (y, m) <= (b.year, b.month):
        if lo <= dt.date(y, m, 1).toordinal() <= hi:
            months.append((dt.date(y, m, 1).toordinal(), f"{y}-{m:02d}"))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months[::-(-len(months) // most) or 1]


def build_chart(posts: list[dict[str, object]], events: list[dict[str, object]]) -> Chart | None:
    """The chart of posts ({label, first, last, start, end, change, href}) and events ({date, label, href}).

    >>> c = build_chart([{"label": "市长 @ 市政府", "first": "2023-01-05", "last": "2024-02-07",
    ...                   "change": "appointed", "href": "/f/1"}], [{"date": "2023-06-01", "label": "会议", "href": "/f/2"}])
    >>> [r.label for r in c.rows], c.first, c.last, [m["kind"] for m in c.rows[0].marks]
    (['市长 @ 市政府', '活动 events'], '2023-01-05', '2024-02-07', ['appointed'])
    """
    days = [d for p in posts for d in map(_day, (p.get("first"), p.get("last"), p.get("start"), p.get("end"))) if d]
    days += [d for e in events if (d := _day(e.get("date")))]
    if not days:
        return None
    lo, hi = min(days), max(days)
    pad = max(15, (hi - lo) // 20)
    a, b = lo - pad, hi + pad

    def x(day: int) -> float:
        return round(LEFT + (WIDTH - LEFT - 20) * (day - a) / (b - a), 1)

    rows = []
    for p in posts:
        row = Row(str(p["label"]), TOP + ROW * len(rows))
        first, last = _day(p.get("first")), _day(p.get("last"))
        if first:
            row.bars.append({"x": x(first), "w": max(3.0, x(last or first) - x(first)), "kind": "seen",
                             "title": f"{p.get('first')} – {p.get('last') or p.get('first')}", "href": p["href"]})
        start, end = _day(p.get("start")), _day(p.get("end"))
        if start or end:
            s, e = start or first or lo, end or hi
            row.bars.append({"x": x(s), "w": max(3.0, x(e) - x(s)), "kind": "held",
                             "title": f"{p.get('start') or '?'} – {p.get('end') or '…'}", "href": p["href"]})
        if p.get("change") in ("appointed", "removed") and (first or start):
            row.marks.append({"x": x(first or start), "kind": p["change"], "title": f"{p['change']} {p.get('first')}",
                              "href": p["href"]})
        rows.append(row)
    dated = [e for e in events if _day(e.get("date"))]
    if dated:
        row = Row("活动 events", TOP + ROW * len(rows))
        row.marks = [{"x": x(_day(e["date"])), "kind": "event", "title": f"{e['date']} {e['label']}", "href": e["href"]}
                     for e in dated]
        rows.append(row)
    ticks = [(x(d), label) for d, label in _ticks(a, b)]
    return Chart(WIDTH, TOP + ROW * len(rows) + 10, rows, ticks,
                 dt.date.fromordinal(lo).isoformat(), dt.date.fromordinal(hi).isoformat())
