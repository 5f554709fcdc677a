"""Write e-paper pages as PDF with reportlab for the reader tests (STSong-Light needs no font file).

`make_page` sets stories in rows across N columns like a city daily: a masthead and a 版次/date
line over a rule, headlines over the story's columns, 引题 and subtitles, photo frames with
8 pt captions, an ad frame, a stacked vertical credit, rules between stories, and body text
flowing from one column into the next. With `shuffle`, every drawing operation is written in a
random order, so a reader that trusts the drawing order fails.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from pathlib import Path

FONT = "STSong-Light"


@dataclass
class Story:
    paragraphs: list[str]
    title: str = ""
    kicker: str = ""
    subtitle: str = ""
    span: int = 2
    photo: bool = False
    caption: str = ""
    vertical: bool = False      # a 竖排 headline at the right of a one-column story
    title_size: float = 0       # 0: 22 pt over two or more columns, else 16 pt
    drawn: list[str] = field(default_factory=list)     # the body lines as drawn

    def expected(self) -> str:
        return "".join([self.kicker, self.title, self.subtitle, *self.paragraphs, self.caption])


def _font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
        vertical = UnicodeCIDFont(FONT, isVertical=True)      # true vertical writing (UniGB-UCS2-V)
        vertical.fontName = vertical.name = FONT + "-V"
        pdfmetrics.registerFont(vertical)
    return pdfmetrics


def wrap(text: str, width: float, size: float, *, indent: bool = False) -> list[str]:
    """Break `text` into lines no wider than `width` at `size` (CJK breaks anywhere)."""
    pdfmetrics = _font()
    lines, cur = [], "\u3000\u3000" if indent else ""
    for ch in text:
        if cur and pdfmetrics.stringWidth(cur + ch, FONT, size) > width:
            lines.append(cur)
            cur = ""
        cur += ch
    if cur:
        lines.append(cur)
    return lines


def make_page(path: str | Path, stories: list[Story], *, columns: int = 4, shuffle: int | None = None,
              masthead: str = "聊城日报", dateline: str = "2024年2月7日 星期三 第1版 要闻",
              ad: list[str] | None = None, credit: str = "本版责任编辑王某某", size: float = 9.5,
              width: float = 992, height: float = 1417, fence: bool = True, folio: str = "") -> list[Story]:
    """Write the page to `path`; returns the stories in reading order (row by row, left to right)."""
    from reportlab.pdfgen import canvas

    _font()
    ops: list[tuple] = []
    margin, gutter, right = 36.0, 14.0, 30.0
    col_w = (width - 2 * margin - right - gutter * (columns - 1)) / columns
    lead = size * 1.4

    def text(s: str, x: float, top: float, sz: float) -> None:
        ops.append(("text", s, x, height - top - sz * 0.88, sz))

    def rect(x0: float, top: float, x1: float, bottom: float) -> None:
        ops.append(("rect", x0, height - bottom, x1 - x0, bottom - top))

    def rule(x0: float, y: float, x1: float) -> None:
        ops.append(("line", x0, height - y, x1, height - y))

    text(masthead, margin, margin, 40)
    text(dateline, width - margin - right - 230, margin + 30, 9)
    rule(margin, margin + 48, width - margin - right)
    bottom_limit = height - margin - (150 if ad else 0)
    if ad:
        rect(margin, bottom_limit + 10, margin + col_w * (columns - 1) + gutter * (columns - 2), height - margin)
        for i, line in enumerate(ad):
            text(line, margin + 20, bottom_limit + 30 + i * 44, 28 if i == 0 else 12)
    if folio:                   # the page number in the foot margin
        text(folio, width / 2, height - margin / 2 - 4, 9)
    for i, ch in enumerate(credit):
        text(ch, width - margin - right + 12, 400 + i * 14, 12)

    col, row_top, row_bottom = 0, margin + 60, margin + 60
    for st in stories:
        if col + st.span > columns:
            col, row_top = 0, row_bottom + lead
            rule(margin, row_top - lead / 2, width - margin - right)
        x0 = margin + col * (col_w + gutter)
        w = col_w * st.span + gutter * (st.span - 1)
        top = row_top
        if st.kicker:
            text(st.kicker, x0, top, 12)
            top += 16
        body_w = col_w
        if st.vertical:
            ops.append(("text-v", st.title, x0 + col_w - 22, height - top - 22, 22))
            body_w = col_w - 30
        elif st.title:
            hs = st.title_size or (22 if st.span >= 2 else 16)
            for line in wrap(st.title, w, hs):
                text(line, x0, top, hs)
                top += hs * 1.2
            top += 4
        if st.subtitle:
            text(st.subtitle, x0, top, 12)
            top += 18
        if st.photo:
            rect(x0, top, x0 + w, top + 120)
            top += 126
            for line in wrap(st.caption, w, 8):
                text(line, x0, top, 8)
                top += 11
            top += 6
        body = [ln for p in st.paragraphs for ln in wrap(p, body_w, size, indent=True)]
        st.drawn = body
        per_col = max(1, math.ceil(len(body) / st.span))
        for i, line in enumerate(body):
            c, r = divmod(i, per_col)
            text(line, x0 + c * (col_w + gutter), top + r * lead, size)
        bottom = top + per_col * lead
        if bottom > bottom_limit:
            raise ValueError(f"page full: story {st.title or st.paragraphs[0][:10]!r} ends at {bottom:.0f}")
        if col and fence:           # a vertical rule between two stories side by side
            rule_x = height - row_top, height - bottom
            ops.append(("line", x0 - gutter / 2, rule_x[0], x0 - gutter / 2, rule_x[1]))
        row_bottom = max(row_bottom, bottom)
        col += st.span
    if shuffle is not None:
        random.Random(shuffle).shuffle(ops)
    c = canvas.Canvas(str(path), pagesize=(width, height))
    for op in ops:
        if op[0] in ("text", "text-v"):
            c.setFont(FONT + ("-V" if op[0] == "text-v" else ""), op[4])
            c.drawString(op[2], op[3], op[1])
        elif op[0] == "rect":
            c.rect(*op[1:], stroke=1, fill=0)
        else:
            c.line(*op[1:])
    c.showPage()
    c.save()
    return stories
