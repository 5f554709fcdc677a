"""Units named only in the list of a visit's stops.

Visit stories list the companies and communities an official went to by their short names,
which no other recogniser knows: `走访甲化工、乙电子、丙科技等重点企业` (each item a company,
because the list closes with 等…企业/公司) and `先后走访了东关社区、西关社区` (each item ending in
社区, 村 or 街道 is a place). In a list of mixed stops (`到甲项目、乙村、丙化工现场调研`,
`在丙纺织科技、丁药业，…察看`), an item named by its trade (化工, 药业, 纺织科技 …) is a company.
Items already recognised keep their mention.
"""
from __future__ import annotations

import re

from kg.extract.base import Context, mention
from kg.extract.townships import name_like
from kg.types import Mention

_VERB = r"(?:先后|实地|考察|走访|调研|来到|前往|到|深入|走进|参观|察看|抽查|慰问|了)+"
_ITEM = r"[\u4e00-\u9fffA-Za-z\d]{2,10}?"
_LIST = re.compile(rf"{_VERB}((?:{_ITEM}、)+{_ITEM})(?:(?:[，,]({_ITEM}))?(等(?:重点|骨干|龙头|规上|有关|部分|多家|\d+家)?(?:企业|公司))|"
                   r"(?=[，,。；;等]|调研|考察|走访|视察|检查|督导|参观))")
_NOT_NAME = re.compile(r"[的了在]")          # 辖区内的甲: a phrase, not a name
# sectors, not firms: 新能源、新材料等重点企业
_SECTORS = {"新能源", "新材料", "生物医药", "高端装备", "装备制造", "电子信息", "数字经济", "食品", "纺织", "化工", "医药",
            "物流", "商贸", "文旅", "农业", "工业", "制造业", "服务业", "建筑", "能源", "汽车", "电子"}
_PLACE_ITEM = re.compile(r"(?:社区|村|街道)$")
_NOT_COMPANY = re.compile(r"(?:社区|村|镇|乡|街道|园区|基地|部门|单位|学校|医院|中心)$")
# a visit's list of stops of any kind, after a verb of going or a sentence's opening 在, up to
# the clause's end or the verb of looking (现场调研, 实地考察)
_STOPS = re.compile(rf"(?:{_VERB}|(?:^|(?<=[。；;\n]))\s*在)((?:[\u4e00-\u9fffA-Za-z\d]{{2,20}}?、)+[\u4e00-\u9fffA-Za-z\d]{{2,20}}?)"
                    r"(?=[，,。；;等]|现场|实地|调研|考察|走访|视察|检查|督导|参观|进行)", re.MULTILINE)
_LOOKING = re.compile(r"调研|考察|走访|视察|察看|深入|走进|参观|督导|检查")


def find(text: str, ctx: Context, found: list[Mention]) -> list[Mention]:
    """Company and place mentions for the unrecognised items of a visit's list.

    >>> [(m.text, m.type) for m in find("王明一行走访蓝海化工、金穗面业等重点企业。", Context(), [])]
    [('蓝海化工', 'company'), ('金穗面业', 'company')]
    >>> [(m.text, m.type) for m in find("先后走访了东关社区、西关社区，", Context(), [])]
    [('东关社区', 'place'), ('西关社区', 'place')]
    """
    taken = sorted((m.start, m.end) for m in found if m.type != "title")
    out = []
    for m in _LIST.finditer(text):
        companies = m.group(3) is not None
        items = [(m.start(1) + i, x) for i, x in _offsets(m.group(1).split("、"))]
        items += [(m.start(2), m.group(2))] if m.group(2) else []     # 甲、乙，丙等重点企业
        for start, item in items:
            end = start + len(item)
            if _covered(start, end, taken) or item in ctx.lexicon.suppressed \
                    or _NOT_NAME.search(item) or item in _SECTORS:
                continue
            place = _PLACE_ITEM.search(item)
            if place and len(item) - len(place.group()) >= 2:
                if name_like(item[:-len(place.group())]):        # not a slogan (富民强村)
                    out.append(mention(start, end, text, "place", item))
            elif companies and not _NOT_COMPANY.search(item):
                out.append(mention(start, end, text, "company", item))
    return out + _trade_named(text, ctx, taken + [(m.start, m.end) for m in out])


def _covered(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """Is [start, end) inside mentions found already, one or several side by side (阿城镇|五里村)?

    >>> _covered(2, 8, [(2, 5), (5, 8)]), _covered(2, 8, [(2, 5)]), _covered(3, 4, [(2, 5)])
    (True, False, True)
    """
    pos = start
    for s, e in taken:                      # sorted by start
        if s <= pos < e:
            pos = e
            if pos >= end:
                return True
    return False


def _offsets(parts: list[str]) -> list[tuple[int, str]]:
    out, pos = [], 0
    for part in parts:
        out.append((pos, part))
        pos += len(part) + 1
    return out


def _trade_named(text: str, ctx: Context, taken: list[tuple[int, int]]) -> list[Mention]:
    """Items of a visit's list named by their trade (丙化工, 丁纺织科技): companies, wherever the
    list stands; a sector (新材料) or a dictionary word is none.

    >>> [m.text for m in find("先后到蓝海化工项目、红星村、金穗纺织科技现场调研。", Context(), [])]
    ['红星村', '金穗纺织科技']
    """
    from kg.extract.companies import is_trade_name

    out = []
    for m in _STOPS.finditer(text):
        sent_end = min([i for i in (text.find(c, m.end()) for c in "。；;\n") if i >= 0] or [len(text)])
        before = max(text.rfind(c, 0, max(0, m.start() - 1)) for c in "。；;\n") + 1   # 在甲、乙，… opens
        if not _LOOKING.search(text, before if text[m.start()] == "在" else m.start(), sent_end):
            continue            # at the units of the sentence before's visit
        pos = m.start(1)
        for item in m.group(1).split("、"):
            start, end = pos, pos + len(item)
            pos = end + 1
            if not any(s <= start and end <= e for s, e in taken) and item not in ctx.lexicon.suppressed \
                    and not _NOT_NAME.search(item) and item not in _SECTORS and is_trade_name(item):
                out.append(mention(start, end, text, "company", item, listed=True))
    return out
