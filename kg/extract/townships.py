"""Places below the division data: towns, townships, subdistricts, villages and communities
(宜城市小河镇, 在哈尔盖镇, 五一村; Inner Mongolia's 苏木 and 嘎查): a name that follows a county-level place or a word of going
(在/到/赴), or a town written before its head (莽张镇镇长).
"""
from __future__ import annotations

import re

from kg.extract.base import mention
from kg.text import is_cjk
from kg.types import Mention

# not 乡民, 村干部, 镇长, 村级, 乡镇, 镇委 …; but 城关镇党委书记 (a town's party committee) is a town
_SUFFIX = "街道办事处|街道|镇|乡|村|社区|苏木|嘎查"      # 苏木, 嘎查: Inner Mongolia's township and village
_TOWNSHIP = re.compile(rf"[\u4e00-\u9fff]{{2,6}}?(?:{_SUFFIX})(?!(?!委副?书记)[\u4e00-\u9fff]{{0,1}}(?:民|干部|书记|长|企|级|镇|振兴|亲))"
                       r"(?!委(?!副?书记)|[^党]委)")      # but 石龙镇委书记 (Guangdong's 镇委: the town's committee)
# 莽张镇镇长, 红星乡乡长: the town before its own head's post (镇长 alone is no town)
_TOWN_HEAD = re.compile(r"[\u4e00-\u9fff]{2,6}?(镇|乡)(?=\1长)")
_NOT_TOWNSHIP = re.compile(r"^(?:[省市县区]|全|各|该|本|我|每|乡|部分|城市|城区|城乡|农|新农|美丽|特色|示范|重点|周边|附近|沿线|所在|相关|"
                           r"一个|多个|贫困|脱贫|试点|全国|全省|全市|全县|城乡|乡镇|村镇|集镇|小城)")


def find(text: str, found: list[Mention], home_county: str | None = None) -> list[Mention]:
    """Towns, townships, subdistricts and villages (below the division data): 宜城市小河镇,
    在哈尔盖镇; the name follows a county-level place or a word such as 在/到/赴."""
    from kg.extract.base import SpanIndex
    from kg.segment import frequency

    by_end = {m.end: m for m in found}
    by_span = {(m.start, m.end): m for m in found}
    taken = SpanIndex((m.start, m.end) for m in found)
    out = []
    for m in [*_TOWNSHIP.finditer(text), *_TOWN_HEAD.finditer(text)]:
        end = m.end() + (2 if text.startswith("社区", m.end()) else 0)     # 某新村|社区 is one name
        start, owner = _township_start(text, m.start(), end, by_end)
        if start is None:
            continue
        name = text[start:end]
        core = re.sub(rf"(?:{_SUFFIX})$", "", name)
        if not 2 <= len(core) <= 5 or _NOT_TOWNSHIP.match(name) or any(c in _NOT_IN_TOWN for c in core) \
                or "镇" in core or "乡" in core[1:] or "苏木" in core \
                or name.endswith(_HOME_WORDS) or (owner is None and not name_like(core)):
            continue
        if any(not _stem_inside(by_span.get(o), start, end) for o in taken.overlapping(start, end)) \
                or (owner is None and core not in _SEAT_TOWNS
                                             and (frequency(name) > 50 or frequency(core) > 3000)):
            continue                 # 乡村, 城镇: words, not places (五一 of 某区五一社区 is a name)
        level = "village" if name.endswith(("村", "社区", "嘎查")) else "township"
        parent = owner.key if owner is not None else home_county
        out.append(mention(start, end, text, "place", name, level=level, parent=parent,
                           implied=owner is None and parent is not None or None))
        taken.add((start, end))
        by_end[end] = out[-1]            # 某镇|某村: the village's township
    return out


# function words no town's name holds: 官浔|等|乡镇, 指导|该|村, 周书记|到|我|镇
_NOT_IN_TOWN = set("的级了和与及是在为各该我等到个")
# a preposition before a town is no part of its name: 某县|向|龙凤坝镇捐赠 (but 向阳村, 对河村: words)
_PREPOSITIONS = set("向对给把将被让从")

def _stem_inside(m: Mention | None, start: int, end: int) -> bool:
    """六安 in 六安村: a division's short form opening a village's name is part of that name."""
    return m is not None and m.type == "place" and m.text != m.key and start <= m.start and m.end < end


def drop_stems_in_towns(found: list[Mention]) -> list[Mention]:
    towns = [(m.start, m.end) for m in found if m.attr("level") in ("village", "township")]
    return [m for m in found if not (m.attr("code") and m.text != m.key
                                     and any(s <= m.start and m.end < e for s, e in towns))]


# 城关镇, 城关街道: the seat town of most counties, a name though jieba knows it as a word
_SEAT_TOWNS = {"城关"}


def name_like(core: str) -> bool:
    """确保|社区, 认真听取|社区, 实现强|村: a common verb or adverb is no part of a place name."""
    from kg.segment import frequency, tag, words

    toks = words(core)
    if len(toks) > 1 and len(toks[0]) == 1 and tag(toks[0])[:1] in ("v", "p", "d", "r", "c"):
        return False                  # 让|强村
    return not any(len(t) >= 2 and tag(t)[:1] in ("v", "d", "a") and tag(t) not in ("a", "an") and frequency(t) >= 500
                   for t in toks)


_HOME_WORDS = ("家乡", "故乡", "老乡", "他乡", "异乡", "下乡", "返乡", "回乡", "城乡", "同乡", "水乡", "梦乡")
_BEFORE_TOWN = ("在", "到", "赴", "于", "从", "和", "与", "及", "、", "，", "位于", "来到", "走进", "深入", "前往",
                "地处", "来自", "途经", "全", "该", "了", "走访", "看望", "慰问",
                "联系点", "挂钩点", "挂点", "蹲点", "包联")        # 到联系点|白鹤街道调研: a leader's own point


def _township_start(text: str, start: int, end: int, by_end: dict[int, Mention]) -> tuple[int | None, Mention | None]:
    from kg.segment import frequency

    for i in range(end - 3, start - 1, -1):          # the nearest place before the name owns it
        if i in by_end and by_end[i].attr("level") in ("county", "district", "city", "township") \
                and not any(c in _NOT_IN_TOWN for c in text[i:end]):
            if text[i] in _PREPOSITIONS and frequency(text[i:i + 2]) == 0 and end - i > 4:
                return i + 1, None
            return i, by_end[i]
    suffix = re.search(rf"(?:{_SUFFIX})$", text[start:end]).group()
    for i in range(end - len(suffix) - 2, max(start, end - len(suffix) - 5) - 1, -1):
        if i == 0 or not is_cjk(text[i - 1]) or any(text.endswith(w, 0, i) for w in _BEFORE_TOWN):
            return i, None       # the shortest name that follows a boundary
    return None, None
