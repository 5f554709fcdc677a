"""Blocks of an e-paper page -> page furniture, ads, captions and stories in reading order.

Roles come from size and position, never from drawing order: the body type is the size most
characters are set in; a headline is at least 1.4× that (a brief's short title 1.15×); a 引题 sits
right above a headline and a subtitle right below it; a caption is small type beside a photo frame; an ad is text inside a
large frame that holds no body text; furniture is the masthead, the 版次/date line, page numbers
and 责任编辑 credits. A body block belongs to the nearest headline above it that it overlaps in x,
else it continues the story of the column to its left.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.articles import DATELINE
from kg.readers.layout import Block, Box, body_size, overlap
from kg.text import ends_sentence

HEADLINE_RATIO = 1.4
MINOR_RATIO = 1.15      # a brief's title that no larger headline claims as its 引题 or subtitle
FURNITURE = {   # role -> pattern over a block's text (whitespace removed)
    "dateline": re.compile(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日.{0,12}(?:星期|周)[一二三四五六日天]|第[0-9一二三四五六七八九十]+版"),
    "credit": re.compile(r"^(?:本版)?(?:责任编辑|责编|编辑|美编|校对|版式|组版|审读|值班|策划|统筹)[：:]?.{0,30}$"),
    "page_number": re.compile(r"^(?:[-—－]?\s*\d{1,3}\s*[-—－]?|第?[0-9]{1,3}页?)$"),
}
AD_CUES = re.compile(r"广告|热线|咨询电话|联系电话|认筹|招商|招聘|促销|优惠|折|售楼")
CAPTION_CUES = re.compile(r"^(?:图为|图：|图/|■|▲|△)|(?:摄|供图|图片)[)）]?$")
_PAPER = re.compile(r"(?:日报|晚报|时报|商报|都市报|报)$")
_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")
_EDITION = re.compile(r"第([0-9一二三四五六七八九十]+)版\s*([\u3400-\u9fff·]{2,8})?")


@dataclass
class Story:
    """One story: its 引题, headline and subtitle, body blocks in reading order, and captions."""

    headline: Block | None = None
    kicker: list[Block] = field(default_factory=list)
    subtitle: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    captions: list[Block] = field(default_factory=list)

    @property
    def anchor(self) -> Block:
        return (self.kicker or [self.headline] if self.headline else self.body or self.subtitle or self.captions)[0]


@dataclass
class Page:
    number: int
    width: float
    height: float
    stories: list[Story]
    furniture: list[Block]
    ads: list[Block]
    meta: dict[str, str]


def read_page(blocks: list[Block], boxes: list[Box], *, number: int, width: float, height: float) -> Page:
    """Label the blocks of one page and gather them into stories (see the module docstring)."""
    body = body_size([ln for b in blocks for ln in b.lines])
    for b in blocks:          # furniture, ads and headlines first: 引题, subtitles and briefs are told by them
        b.role = _frame_role(b, body, boxes, width, height, blocks)
    for b in blocks:
        b.role = b.role or _text_role(b, body, boxes, blocks)
    headlines = [b for b in blocks if b.role == "headline" and not b.lines[0].vertical]
    stories = {id(h): Story(headline=h) for h in headlines}
    for b in blocks:
        if b.role in ("kicker", "subtitle"):
            h = b.attrs.pop("_of")
            getattr(stories[h], b.role).append(b)
    owner = _assign_body(blocks, headlines, stories, body, [r for r in boxes if r.kind == "line"])
    for v in (b for b in blocks if b.role == "headline" and b.lines[0].vertical):
        _attach_vertical(v, owner, blocks, stories, body)
    ordered = reading_order([s for s in stories.values() if s.body or s.headline], body)
    _attach_captions([b for b in blocks if b.role == "caption"], ordered, boxes)
    furniture = [b for b in blocks if b.role in FURNITURE or b.role == "masthead"]
    return Page(number, width, height, ordered, furniture, [b for b in blocks if b.role == "ad"],
                page_meta(furniture))


def reading_order(stories: list[Story], body: float) -> list[Story]:
    """Stories row by row (tops within two body lines of the row's first, side by side), left to
    right in a row; of two stories one above the other, the upper one first.

    >>> from kg.readers.layout import Char, Line
    >>> def story(x, top, title):
    ...     return Story(headline=Block([Line([Char(t, x, top, x + 20, top + 20, 20) for t in title])]))
    >>> [s.headline.text for s in reading_order([story(300, 12, "乙"), story(0, 400, "丙"), story(0, 10, "甲")], 10)]
    ['甲', '乙', '丙']
    """
    rows: list[list[Story]] = []
    for s in sorted(stories, key=lambda s: (s.anchor.top, s.anchor.x0)):
        a = s.anchor
        if (rows and a.top - rows[-1][0].anchor.top <= 2 * body
                and not any(overlap(a.x0, a.x1, r.anchor.x0, r.anchor.x1) > 0 for r in rows[-1])):
            rows[-1].append(s)
        else:
            rows.append([s])
    return [s for row in rows for s in sorted(row, key=lambda s: s.anchor.x0)]


def _frame_role(b: Block, body: float, boxes: list[Box], width: float, height: float, blocks: list[Block]) -> str:
    text = re.sub(r"\s", "", b.text)
    for role, pattern in FURNITURE.items():
        margin = b.top < 0.08 * height or b.bottom > 0.92 * height
        if pattern.search(text) and (role != "dateline" or len(text) <= 40) and (role != "page_number" or margin):
            return role
    if (b.top < 0.2 * height and b.size >= 1.8 * body and len(text) <= 12 and not b.lines[0].vertical
            and (_PAPER.search(text) or b.size >= max(x.size for x in blocks))):
        return "masthead"
    frame = _frame(b, boxes, width, height)
    if frame is not None and _is_ad(frame, blocks, body):
        return "ad"
    if b.size >= HEADLINE_RATIO * body:
        return "headline"
    return ""


def _text_role(b: Block, body: float, boxes: list[Box], blocks: list[Block]) -> str:
    text = re.sub(r"\s", "", b.text)
    near = _headline_near(b, blocks, body)
    if near is not None:
        b.attrs["_of"] = id(near[0])
        return near[1]
    if (b.size >= MINOR_RATIO * body and len(b.lines) <= 2 and len(text) <= 30 and not ends_sentence(text)
            and not b.lines[0].vertical):
        return "headline"      # a brief's title, a size or two above the body
    if b.size < 0.95 * body and (CAPTION_CUES.search(text) or _beside_photo(b, boxes, body)):
        return "caption"
    return "body"


def _frame(b: Block, boxes: list[Box], width: float, height: float) -> Box | None:
    frames = [r for r in boxes if r.kind == "rect" and r.area >= 0.01 * width * height
              and r.holds(b.x0, b.top, b.x1, b.bottom)]
    return min(frames, key=lambda r: r.area) if frames else None


def _is_ad(frame: Box, blocks: list[Block], body: float) -> bool:
    """A frame holding no more than a few lines of body type, with an ad's words or big type."""
    inside = [x for x in blocks if frame.holds(x.x0, x.top, x.x1, x.bottom)]
    body_lines = sum(len(x.lines) for x in inside if abs(x.size - body) < 0.6)
    cue = any(AD_CUES.search(x.text) for x in inside)
    big = any(x.size >= HEADLINE_RATIO * body for x in inside)
    return body_lines <= 3 and (cue or big)


def _headline_near(b: Block, blocks: list[Block], body: float) -> tuple[Block, str] | None:
    """A headline right below this block (it is the 引题) or right above it (the subtitle).
    Only the headlines of the first pass count: a brief's title has no 引题."""
    if b.size >= HEADLINE_RATIO * body or b.size < 0.95 * body or len(b.lines) > 3:
        return None
    larger = b.size > 1.1 * body
    for h in blocks:
        if h.role != "headline" or h.lines[0].vertical or h is b or overlap(h.x0, h.x1, b.x0, b.x1) <= 0:
            continue
        # body-size type right above a headline is its 引题 only as one short line without a full stop
        lone = len(b.lines) == 1 and not ends_sentence(b.text) and b.x1 - b.x0 < 0.8 * (h.x1 - h.x0)
        if (larger or lone) and 0 <= h.top - b.bottom <= 0.8 * h.size:
            return h, "kicker"
        if larger and 0 <= b.top - h.bottom <= 0.8 * h.size:
            return h, "subtitle"
    return None


def _beside_photo(b: Block, boxes: list[Box], body: float) -> bool:
    return any(overlap(r.x0, r.x1, b.x0, b.x1) > 0 and (0 <= b.top - r.bottom <= 2 * body
               or 0 <= r.top - b.bottom <= 2 * body or r.holds(b.x0, b.top, b.x1, b.bottom))
               for r in boxes if r.kind in ("rect", "image"))


def _assign_body(blocks: list[Block], headlines: list[Block], stories: dict[int, Story], body: float,
                 rules: list[Box]) -> dict[int, Story]:
    """Each body block to the nearest headline above it that it overlaps in x; one with none
    continues the story of the nearest block in a column to its left (a story that runs on)."""
    owner: dict[int, Story] = {}
    rest = sorted((b for b in blocks if b.role == "body"), key=lambda b: (round(b.x0 / body), b.top))
    for b in rest:
        above = [h for h in headlines if h.bottom <= b.top + 1 and overlap(h.x0, h.x1, b.x0, b.x1) > 0
                 and not _blocked(h, b, blocks, rules)]
        if above:
            h = max(above, key=lambda h: h.bottom)
            owner[id(b)] = stories[id(h)]
        else:
            up = [x for x in rest if id(x) in owner and overlap(x.x0, x.x1, b.x0, b.x1) > 0
                  and 0 <= b.top - x.bottom <= 3 * body and not _blocked(x, b, blocks, rules)]
            left = [x for x in rest if id(x) in owner and x.x1 <= b.x0 + body and x.bottom >= b.top
                    and x.top <= b.bottom and not _fenced(x, b, rules) and not DATELINE.match(b.text.strip())]
            if up:             # the paragraph above it in the same column, with nothing between
                owner[id(b)] = owner[id(max(up, key=lambda x: x.bottom))]
            elif left:
                prev = max(left, key=lambda x: (x.x1, -abs(x.top - b.top)))
                owner[id(b)] = owner[id(prev)]
            else:
                owner[id(b)] = stories.setdefault(id(b), Story())
        owner[id(b)].body.append(b)
    cols = sorted({round(b.x0) for b in rest})
    for s in stories.values():
        s.body.sort(key=lambda b: (_column(b.x0, cols, body), b.top))
    return owner


def _attach_vertical(v: Block, owner: dict[int, Story], blocks: list[Block], stories: dict[int, Story],
                     body: float) -> None:
    """A vertical (竖排) headline titles the story whose body stands right beside it."""
    beside = [b for b in blocks if id(b) in owner and overlap(b.top, b.bottom, v.top, v.bottom) > 0
              and min(abs(b.x0 - v.x1), abs(v.x0 - b.x1)) <= 3 * body]
    if not beside:
        stories[id(v)] = Story(headline=v)
        return
    story = owner[id(min(beside, key=lambda b: min(abs(b.x0 - v.x1), abs(v.x0 - b.x1))))]
    if story.headline is None:
        story.headline = v
    else:
        story.subtitle.append(v)


def _blocked(h: Block, b: Block, blocks: list[Block], rules: list[Box]) -> bool:
    """Another story's headline, or a rule between stories, lies between `h` and `b` in b's column."""
    if any(r.top >= h.bottom - 1 and r.bottom <= b.top + 1 and overlap(r.x0, r.x1, b.x0, b.x1) > 0 for r in rules):
        return True
    return any(x.role == "headline" and not x.lines[0].vertical and x is not h and h.bottom <= x.top and x.bottom <= b.top + 1
               and overlap(x.x0, x.x1, b.x0, b.x1) > 0 for x in blocks)


def _fenced(x: Block, b: Block, rules: list[Box]) -> bool:
    """A vertical rule between two columns' blocks: they are different stories."""
    return any(r.x1 - r.x0 < 3 and x.x1 - 1 <= r.x0 <= b.x0 + 1 and overlap(r.top, r.bottom, b.top, b.bottom) > 0
               for r in rules)


def _column(x0: float, cols: list[int], body: float) -> int:
    n, last = 0, None
    for c in cols:
        if last is not None and c - last > 2 * body:
            n += 1
        last = c
        if c >= round(x0):
            return n
    return n


def _attach_captions(captions: list[Block], stories: list[Story], boxes: list[Box]) -> None:
    """A caption goes with the story whose blocks lie nearest to it (the photo's story)."""
    for c in captions:
        if stories:
            min(stories, key=lambda s, c=c: _distance(s, c)).captions.append(c)
        else:
            stories.append(Story(captions=[c]))


def _distance(s: Story, c: Block) -> float:
    parts = ([s.headline] if s.headline else []) + s.body
    return min((abs(p.top - c.bottom) if p.top >= c.bottom else abs(c.top - p.bottom))
               + (0 if overlap(p.x0, p.x1, c.x0, c.x1) > 0 else 1000) for p in parts)


def page_meta(furniture: list[Block]) -> dict[str, str]:
    """The paper, date, 版次 and section printed in a page's furniture.

    >>> from kg.readers.layout import Char, Line
    >>> def blk(t, role):
    ...     return Block([Line([Char(c, 0, 0, 1, 1, 9) for c in t])], role=role)
    >>> page_meta([blk("聊城日报", "masthead"), blk("2024年2月5日星期一第3版要闻", "dateline")])
    {'paper': '聊城日报', 'date': '2024-02-05', 'edition': '3', 'section': '要闻'}
    """
    from kg.ingest import normalise_date

    meta: dict[str, str] = {}
    for b in furniture:
        text = re.sub(r"\s", "", b.text)
        if b.role == "masthead":
            meta.setdefault("paper", text)
        m = _DATE.search(text)
        if m and b.role == "dateline":
            date = normalise_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
            if date:
                meta.setdefault("date", date)
        e = _EDITION.search(text)
        if e and b.role == "dateline":
            meta.setdefault("edition", e.group(1))
            if e.group(2):
                meta.setdefault("section", e.group(2))
    return meta
