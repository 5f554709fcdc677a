"""Characters with boxes -> lines -> blocks: the geometry of an e-paper page, from boxes only.

Nothing here trusts the order in which a PDF drew its text: characters are grouped into lines
by baseline and size, lines into blocks by column and leading, and a block's lines are sorted by
position. Coordinates are PDF points from the page's top-left corner (`top` < `bottom`).
"""
from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from kg.text import is_cjk


@dataclass(frozen=True)
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


@dataclass(frozen=True)
class Box:
    """A drawn rectangle or rule (photo frame, ad frame, column rule) or an image."""

    x0: float
    top: float
    x1: float
    bottom: float
    kind: str = "rect"          # rect, line or image

    @property
    def area(self) -> float:
        return (self.x1 - self.x0) * (self.bottom - self.top)

    def holds(self, x0: float, top: float, x1: float, bottom: float, slack: float = 1.0) -> bool:
        return (self.x0 - slack <= x0 and x1 <= self.x1 + slack
                and self.top - slack <= top and bottom <= self.bottom + slack)


@dataclass
class Line:
    """Characters on one baseline inside one column, left to right (or top to bottom if vertical).
    Its characters never change once made, so its measures are computed once."""

    chars: list[Char]
    vertical: bool = False

    @cached_property
    def text(self) -> str:
        return "".join(c.text for c in self.chars)

    @cached_property
    def size(self) -> float:
        return statistics.median(c.size for c in self.chars)

    @cached_property
    def x0(self) -> float:
        return min(c.x0 for c in self.chars)

    @cached_property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)

    @cached_property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @cached_property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)


@dataclass
class Block:
    """Lines of one size stacked in one column at a steady leading; `role` is set by `kg.readers.epaper`."""

    lines: list[Line]
    role: str = "body"
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)

    @property
    def size(self) -> float:
        return statistics.median(c.size for line in self.lines for c in line.chars)

    @property
    def x0(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def x1(self) -> float:
        return max(line.x1 for line in self.lines)

    @property
    def top(self) -> float:
        return min(line.top for line in self.lines)

    @property
    def bottom(self) -> float:
        return max(line.bottom for line in self.lines)

    @property
    def chars(self) -> int:
        return sum(len(line.chars) for line in self.lines)


def overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    """Length of the overlap of [a0, a1] and [b0, b1] (0 when apart).

    >>> overlap(0, 10, 5, 20), overlap(0, 1, 2, 3)
    (5, 0)
    """
    return max(0, min(a1, b1) - max(a0, b0))


def find_lines(chars: Iterable[Char]) -> list[Line]:
    """Characters -> horizontal lines: same size, same baseline, no gap wider than about one
    character or a body-type gutter (a column gutter splits a row into one line per column,
    also between two headlines side by side).

    >>> cs = [Char(t, x, 0, x + 10, 10, 10) for t, x in (("乙", 10), ("甲", 0), ("丙", 40))]
    >>> [line.text for line in find_lines(cs)]
    ['甲乙', '丙']
    """
    by_size: dict[float, list[Char]] = {}
    chars = list(chars)
    counts: dict[float, int] = {}
    for c in chars:
        counts[round(c.size * 2) / 2] = counts.get(round(c.size * 2) / 2, 0) + 1
    body = max(sorted(counts), key=lambda s: counts[s]) if counts else 10.0
    for c in chars:
        if c.text.strip() or c.text in " \u3000":
            by_size.setdefault(round(c.size * 2) / 2, []).append(c)
    lines: list[Line] = []
    for size, group in sorted(by_size.items()):
        group.sort(key=lambda c: (c.bottom, c.x0))
        row: list[Char] = []
        for c in group:
            if row and c.bottom - row[0].bottom > 0.3 * size:
                lines += _split_row(row, size, body)
                row = []
            row.append(c)
        if row:
            lines += _split_row(row, size, body)
    return lines


def _split_row(row: list[Char], size: float, body: float) -> list[Line]:
    row = sorted(row, key=lambda c: (c.x0, c.top))
    out: list[list[Char]] = [[row[0]]]
    for c in row[1:]:
        prev = out[-1][-1]
        if c.x0 - prev.x1 > min(0.9 * size, 1.2 * body):
            out.append([c])
        elif not (c.text == prev.text and abs(c.x0 - prev.x0) < 0.3 * size):  # fake bold: drawn twice, read once
            if c.x0 - prev.x1 > 0.3 * size and prev.text != " " and c.text != " ":
                out[-1].append(Char(" ", prev.x1, prev.top, c.x0, prev.bottom, prev.size))
            out[-1].append(c)
    return [Line(_tidy_spaces(cs)) for cs in out if any(c.text.strip() for c in cs)]


def _tidy_spaces(chars: list[Char]) -> list[Char]:
    """No leading/trailing blanks, one space at most, and none between two CJK characters when
    the line is letter-spaced (an OCR layer's `结 果 出 来`)."""
    while chars and chars[-1].text in " \u3000":
        chars = chars[:-1]
    out: list[Char] = []
    for c in chars:
        if c.text == " " and (not out or out[-1].text in " \u3000"):
            continue
        out.append(c)
    out = [c for i, c in enumerate(out) if not (c.text == " " and 0 < i < len(out) - 1
                                               and (_fullwidth_punct(out[i - 1].text) or _fullwidth_punct(out[i + 1].text)))]
    spaced = sum(1 for i in range(1, len(out) - 1) if out[i].text == " "
                 and is_cjk(out[i - 1].text) and is_cjk(out[i + 1].text))
    if spaced >= 2 and spaced >= 0.3 * sum(1 for c in out if is_cjk(c.text)):
        out = [c for i, c in enumerate(out) if not (c.text == " " and 0 < i < len(out) - 1
                                                   and is_cjk(out[i - 1].text) and is_cjk(out[i + 1].text))]
    return out


def _fullwidth_punct(ch: str) -> bool:
    """，。、“”（） and the like: a space beside one is an extraction artefact, never meant."""
    return "\u3001" <= ch <= "\u303f" or "\u2018" <= ch <= "\u201d" or "\uff01" <= ch <= "\uff0f" \
        or "\uff1a" <= ch <= "\uff1f" or ch in "…—"


def stack_vertical(lines: list[Line]) -> list[Line]:
    """Runs of three or more one-character lines sharing x at a steady step -> one vertical line
    (竖排 credits such as 本版责任编辑, vertical headlines).

    >>> ls = [Line([Char(t, 0, 12 * i, 10, 12 * i + 10, 10)]) for i, t in enumerate("责任编辑")]
    >>> [(line.text, line.vertical) for line in stack_vertical(ls)]
    [('责任编辑', True)]
    """
    singles = sorted((ln for ln in lines if len(ln.chars) == 1), key=lambda ln: (round(ln.x0), ln.top))
    used: set[int] = set()
    runs: list[list[Line]] = []
    for ln in singles:
        if id(ln) in used:
            continue
        run = [ln]
        for other in singles:
            last = run[-1]
            if (id(other) not in used and other is not last and abs(other.x0 - last.x0) < 0.3 * last.size
                    and 0 <= other.top - last.bottom <= 0.8 * last.size and abs(other.size - last.size) < 0.6):
                run.append(other)
        if len(run) >= 3:
            used.update(id(r) for r in run)
            runs.append(run)
    kept = [ln for ln in lines if id(ln) not in used]
    return kept + [Line([c for r in run for c in r.chars], vertical=True) for run in runs]


def find_blocks(lines: list[Line], rules: list[Box]) -> list[Block]:
    """Lines -> blocks: a line joins the block whose last line sits right above it in the same
    column, at the same size, with no rule or frame edge between them.

    >>> def line(y, x=0):
    ...     return Line([Char("字", x + 10 * i, y, x + 10 * i + 10, y + 10, 10) for i in range(8)])
    >>> rule = Box(0, 37, 80, 37, "line")
    >>> [len(b.lines) for b in find_blocks([line(0), line(13), line(26), line(40), line(0, x=100)], [rule])]
    [3, 1, 1]
    """
    blocks: list[Block] = []
    open_: list[Block] = []
    for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        if ln.vertical:
            blocks.append(Block([ln]))
            continue
        home = next((b for b in open_ if _continues(b, ln, rules)), None)
        if home is None:
            home = Block([ln])
            blocks.append(home)
            open_.append(home)
        else:
            home.lines.append(ln)
        open_ = [b for b in open_ if ln.top - b.lines[-1].bottom < 3 * b.lines[-1].size]
    return blocks


def _continues(b: Block, ln: Line, rules: list[Box]) -> bool:
    last = b.lines[-1]
    if abs(last.size - ln.size) > 0.6 or last.vertical:
        return False
    gap = ln.top - last.bottom
    if not -0.2 * ln.size <= gap <= 1.0 * ln.size:
        return False
    width = min(b.x1 - b.x0, ln.x1 - ln.x0)
    centred = (abs((ln.x0 + ln.x1) - (last.x0 + last.x1)) < 2 * ln.size      # a headline's lines may be centred,
               and ln.x1 - ln.x0 <= last.x1 - last.x0 + 2 * ln.size)          # not a heading over its text
    if overlap(b.x0, b.x1, ln.x0, ln.x1) < 0.6 * width or ln.x0 > b.x1 or (abs(ln.x0 - b.x0) > 3 * ln.size
                                                                            and not centred):
        return False
    return not any(_between(r, last, ln) for r in rules)


def _between(r: Box, above: Line, below: Line) -> bool:
    """A rule, or the top or bottom edge of a frame, runs between two lines."""
    if overlap(r.x0, r.x1, above.x0, above.x1) <= 0:
        return False
    return any(above.bottom - 1 <= y <= below.top + 1 for y in {r.top, r.bottom})


def body_size(lines: list[Line]) -> float:
    """The size most characters are set in: the body type.

    >>> body_size([Line([Char("字", 0, 0, 9, 9, 9.5)] * 30), Line([Char("题", 0, 0, 22, 22, 22)] * 8)])
    9.5
    """
    counts: dict[float, int] = {}
    for ln in lines:
        size = round(ln.size * 2) / 2
        counts[size] = counts.get(size, 0) + len(ln.chars)
    return max(sorted(counts), key=lambda s: counts[s]) if counts else 10.0
