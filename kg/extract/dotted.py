"""Names written in parts joined by · (Uyghur, Kazakh, Mongolian and foreign names).

Pages of Xinjiang and Inner Mongolia, and of partner towns abroad, print such names after a
title (县长黄明别克·努尔兰率团, 县政协主席艾克热木·吐尔地，). The word segmenter knows none of
their parts, so a name found by a surname (黄明, 艾克) or a learned span stops inside the first
part or at the dot. Here the name runs from where it begins, the end of the title, the list
comma or the name already found, over every part to the first word that is no part of a name.
"""
from __future__ import annotations

import re

from kg.extract.base import mention
from kg.types import Mention

_DOT = "·•"
_RUN = re.compile(r"[\u4e00-\u9fff]{1,10}(?:[·•][\u4e00-\u9fff]{1,10})+")
_MAX_PART = 8
# what follows a name in a news sentence: its verb, a conjunction, a particle; the last part ends
# before the first of them (…努尔兰|率团, …阿克拉姆|指出); not 都, which Uyghur names spell (阿不都)
_AFTER_NAME = (
    "率", "带领", "带队", "一行", "表示", "说", "称", "讲", "指出", "强调", "介绍", "参加", "出席", "会见", "会谈", "列席",
    "在", "等", "和", "与", "及", "同", "向", "对", "代表", "主持", "陪同", "致辞", "发言", "同志", "先生", "女士", "的",
    "为", "是", "也", "就", "还", "到", "来", "赴", "前往", "作", "做", "分别", "共同", "随", "应", "接受", "感谢", "首先",
    "详细", "并", "以", "于", "将", "已", "即", "又", "被", "把", "从", "给", "让", "一同", "一起", "参观", "考察", "调研",
    "视察", "走访",
)


def _last_part(text: str, start: int, stops: set[int]) -> int:
    """Where the last part of a name beginning at `start` ends."""
    end = start
    while end < len(text) and end - start < _MAX_PART and "\u4e00" <= text[end] <= "\u9fff":
        if end > start and (end in stops or text.startswith(_AFTER_NAME, end)):
            break
        end += 1
    return end


def name_at(text: str, pos: int) -> str | None:
    """The name in parts that starts at `pos` (right after a title), read over all its parts.

    >>> name_at("县委副书记、县长热合曼·吐尔逊陪同。", 8)
    '热合曼·吐尔逊'
    """
    run = _RUN.match(text, pos)
    if run is None:
        return None
    first = min(i for i in (run.group().find(d) for d in _DOT) if i >= 0)
    last_dot = pos + max(run.group().rfind(d) for d in _DOT)
    end = _last_part(text, last_dot + 1, set())
    return text[pos:end] if first <= _MAX_PART and end > last_dot + 1 else None


def find(text: str, found: list[Mention]) -> list[Mention]:
    """`found` with every name written in parts joined by · read over all its parts: a person
    mention inside the run is lengthened, and a run right after a title is a person.

    >>> t = "研究中心主任哈立德·泰穆尔·阿克拉姆指出，"
    >>> [m.text for m in find(t, [mention(6, 9, t, "person", "哈立德")])]
    ['哈立德·泰穆尔·阿克拉姆']
    >>> t = "县长黄明别克·努尔兰率党政代表团"
    >>> [m.text for m in find(t, [mention(0, 2, t, "title"), mention(2, 4, t, "person", "黄明")])]
    ['县长', '黄明别克·努尔兰']
    """
    if not any(d in text for d in _DOT):
        return found
    ends = {m.end for m in found if m.type != "person"}
    stops = {m.start for m in found if m.type != "person"}
    people = [m for m in found if m.type == "person"]
    grown: dict[Mention, Mention] = {}
    new: list[Mention] = []
    for run in _RUN.finditer(text):
        first_dot = min(run.start() + text[run.start():run.end()].find(d) for d in _DOT
                        if d in text[run.start():run.end()])
        inside = [m for m in people if m.start < first_dot and m.end > run.start() and m.end <= first_dot + 1]
        begins = [p for p in range(run.start(), first_dot) if p in ends or text[p - 1:p] in "、，,：:（(" or p == 0]
        if inside:
            start = min(m.start for m in inside)
        elif begins and first_dot - begins[-1] <= _MAX_PART:
            start = begins[-1]
        else:
            continue
        last_dot = max(run.start() + text[run.start():run.end()].rfind(d) for d in _DOT)
        end = _last_part(text, last_dot + 1, stops)
        if end == last_dot + 1:
            continue
        name = text[start:end]
        if any(m.start <= start and end <= m.end for m in people):
            continue                  # read whole already, with its chain (县委副书记、县长热合曼·吐尔逊)
        if inside:
            for m in inside:
                grown[m] = mention(start, end, text, "person", name, **dict(inside[0].attrs))
        elif not any(m.start < end and start < m.end for m in found if m.type not in ("place", "person")):
            title = next((t for t in found if t.type == "title" and t.end == start), None)
            titled = {"role": "official", "titles": ((title.key, title.attr("org")),)} if title else {"role": "other"}
            new.append(mention(start, end, text, "person", name, **titled))   # 市长甲·乙: the post before it
    if not grown and not new:
        return found
    return [grown.get(m, m) for m in found] + new
