"""A place's bodies by their registered names, and the forms papers write some committees in:
中共某县委员会 and 政协某县第十届委员会 (written in full after whose they are), 中国人民政治协商会议第十五届
某市委员会 (a term of the CPPCC), 阿克苏地委 and 行署 (a 地区's), 自治区党委 (an autonomous region's).
`organizations.find` reads them; `full_name` is what every title's body is named by.
"""
from __future__ import annotations

import re

from kg.extract.base import Context, mention
from kg.extract.places import home_region
from kg.text import is_cjk
from kg.types import Mention

_NUMBERED = re.compile(r"第?[一二三四五六七八九十百零〇\d]+届")
_ZONE_ENDS = ("开发区", "高新区", "经开区", "园区", "集聚区", "新区", "示范区", "试验区")


def _prefecture(name: str) -> bool:
    """A prefecture-level city (its court is the 中级人民法院)."""
    from kg.divisions import gazetteer

    div = gazetteer().lookup(name)
    return div is not None and div.prefecture_city


def full_name(prefix: str, rest: str) -> str:
    """The registered form of `prefix` (a division's full name) + a unit.

    >>> full_name("聊城市", "委"), full_name("聊城市", "政府"), full_name("聊城市", "人大")
    ('中共聊城市委', '聊城市人民政府', '聊城市人大常委会')
    >>> full_name("绛县", "委"), full_name("绛县", "委组织部"), full_name("湛江市", "海关")
    ('中共绛县县委', '中共绛县县委组织部', '湛江海关')
    >>> full_name("临沂市", "第十九届人民代表大会常务委员会")
    '临沂市人大常委会'
    >>> full_name("绛县", "法院"), full_name("运城市", "中级法院"), full_name("绛县", "人民检察院")
    ('绛县人民法院', '运城市中级人民法院', '绛县人民检察院')
    """
    rest = _NUMBERED.sub("", rest)            # 市五届人大常委会 is the same body every term
    if rest in ("党委", "党工委") or rest == "委" and prefix.endswith(("镇", "乡")):
        if rest == "党工委" or prefix.endswith(("镇", "乡", "街道", *_ZONE_ENDS)):   # 某高新区党工委, 某镇委 (Guangdong)
            return f"中共{prefix}{'工作委员会' if rest == '党工委' else '委员会'}"
        if prefix.endswith("自治区"):
            return f"中共{prefix}委员会"
        return full_name(prefix, "委")        # 州党委, 县党委 (Xinjiang's form): the place's 中共X委
    if rest == "委" or (rest.startswith("委") and rest.endswith(("部", "办", "办公室", "室", "党校"))):
        if len(prefix) == 2 and prefix.endswith("县"):      # 中共绛县县委: a one-character county's
            return f"中共{prefix}县{rest}"
        return f"中共{prefix}{rest}"
    if rest in ("政府", "人民政府"):     # a 地区 or a 盟 is governed by its 行政公署
        return f"{prefix}行政公署" if prefix.endswith(("地区", "盟")) else f"{prefix}人民政府"
    if rest in ("政府办公室", "政府办"):      # 市政府办 is 某市人民政府办公室
        return f"{prefix}人民政府办公室"
    if rest in ("人大", "人大常委会", "人民代表大会常务委员会"):      # written in full in notices
        return f"{prefix}人大常委会"
    court = re.fullmatch(r"(中级)?(?:人民)?(法院|检察院)", rest)
    if court:                               # 县法院 is 某县人民法院, 市中级法院 某市中级人民法院
        middle = court.group(1) or ("中级" if court.group(2) == "法院" and _prefecture(prefix) else "")
        return f"{prefix}{middle}人民{court.group(2)}"     # a prefecture's 市法院 is its 中级人民法院
    if rest == "海关" and prefix.endswith(("市", "省")):
        return prefix[:-1] + rest          # 湛江海关, 青岛海关: a customs district bears the city's stem
    return prefix + rest


def regional(text: str, start: int, end: int, rest: str, ctx: Context) -> list[Mention]:
    """自治区党委, 自治区人民政府, 自治区政协 in the papers of an autonomous region: the region's
    bodies (its party committee is 中共X自治区委员会); outside one, no body we can name."""
    region = home_region(ctx)
    if region is None:
        return []
    key = f"中共{region.name}委员会" if rest == "党委" else full_name(region.name, rest)
    return [mention(start, end, text, "organization", key, short=text[start:end])]


_PREFECTURE_BODY = re.compile(r"地委|行署")


def prefecture_bodies(text: str, ctx: Context) -> list[Mention]:
    """阿克苏地委 (中共阿克苏地委), 地委副书记、行署专员 (…地区行政公署): the party committee and the
    administration of a 地区, written by its stem or bare (the home's, or the stem named last).

    >>> [(m.text, m.key) for m in prefecture_bodies("阿克苏地委副书记、行署专员甲", Context())]
    [('阿克苏地委', '中共阿克苏地委'), ('行署', '阿克苏地区行政公署')]
    """
    from kg.divisions import gazetteer

    g = gazetteer()
    home = next((d for d in [ctx.home, *g.ancestors(ctx.home)] if d.name.endswith("地区")), None) \
        if ctx.home is not None else None
    stem = home.name[:-2] if home else None
    out = []
    for m in _PREFECTURE_BODY.finditer(text):
        named = next((text[m.start() - k:m.start()] for k in (4, 3, 2) if m.start() >= k
                      and (d := g.lookup(text[m.start() - k:m.start()] + "地区")) is not None
                      and d.level == "prefecture" and d.name.endswith("地区")), None)
        start = m.start() - len(named) if named else m.start()
        stem = named or stem
        if stem is None or not named and m.start() and is_cjk(text[m.start() - 1]) and text[m.start() - 1] not in "、和及":
            continue
        key = f"中共{stem}地委" if m.group() == "地委" else f"{stem}地区行政公署"
        out.append(mention(start, m.end(), text, "organization", key, short=None if named else m.group()))
    return out


_COMMITTEE_OF = {"中国共产党": "委", "中共": "委", "中国人民政治协商会议": "政协", "政协": "政协"}
_COMMITTEE_BEFORE = re.compile(f"(?:{'|'.join(_COMMITTEE_OF)})$")


def written_committee(text: str, place_start: int, place: str, rest: str) -> tuple[int, str] | None:
    """中共金寨县委员会, 政协金寨县第十届委员会, 中国人民政治协商会议金寨县委员会: a place's
    committee written in full after whose it is, (where its name starts, the body's name).

    >>> written_committee("政协金寨县第十届委员会主席", 2, "金寨县", "第十届委员会")
    (0, '金寨县政协')
    >>> written_committee("中共金寨县委员会书记", 2, "金寨县", "委员会"), written_committee("某县委员会", 0, "某县", "委员会")
    ((0, '中共金寨县委'), None)
    """
    if _NUMBERED.sub("", rest) != "委员会":
        return None
    before = _COMMITTEE_BEFORE.search(text, max(0, place_start - 10), place_start)
    if before is None:
        return None
    return before.start(), full_name(place, _COMMITTEE_OF[before.group()])


_CPPCC_BEFORE = re.compile(r"(?:中国人民政治协商会议|政协)第[一二三四五六七八九十百零〇\d]+届$")


def termed_committee(text: str, place_start: int, place: str, rest: str) -> str | None:
    """第十五届|菏泽市委员会 is a term of a committee named before it: of the CPPCC
    (中国人民政治协商会议第十五届菏泽市委员会 -> 菏泽市政协, as 市政协 is named), else no body of its own.

    >>> t = "中国人民政治协商会议第十五届菏泽市委员会第四次会议"
    >>> termed_committee(t, 14, "菏泽市", "委员会"), termed_committee("共青团第五届X市委员会", 8, "X市", "委员会")
    ('菏泽市政协', None)
    """
    if rest == "委员会" and _CPPCC_BEFORE.search(text, max(0, place_start - 20), place_start):
        return full_name(place, "政协")
    return None
