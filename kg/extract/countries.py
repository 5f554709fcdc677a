"""Places abroad: countries and regions (kg/resources/countries.txt), and 中国 where it names
the country (not in 中国菏泽网, 中国特色社会主义 or 中国人民政治协商会议)."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from kg.extract.base import mention
from kg.types import Mention


@lru_cache(maxsize=1)
def names() -> dict[str, str]:
    """Surface form -> name for places abroad (kg/resources/countries.txt)."""
    out: dict[str, str] = {}
    raw = resources.files("kg.resources").joinpath("countries.txt").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            name, *aliases = line.split("\t")
            out.update({a: name for a in [name, *aliases]})
    return out


def find(text: str, found: list[Mention]) -> list[Mention]:
    """Countries and regions abroad (and 中国) not inside a span already found."""
    from kg.extract.base import SpanIndex

    known = names()
    taken = SpanIndex((m.start, m.end) for m in found)
    pattern = _country_re()
    out = []
    for m in pattern.finditer(text):
        if not taken.overlapping(m.start(), m.end()) and _aligned(text, m.start(), m.end()) \
                and not no_country_at(text, m.end()):
            level = "continent" if known[m.group()] in _REGIONS else "country"
            out.append(mention(m.start(), m.end(), text, "place", known[m.group()], level=level))
    return out + [c for c in (_city_abroad(text, m) for m in out) if c and not taken.overlapping(c.start, c.end)]


_NAME_TAGS = {"ns", "nr", "nrt", "nz", "x", ""}     # jieba's names (and words it does not know)


def _city_abroad(text: str, country: Mention) -> Mention | None:
    """A city, state or prefecture abroad written after its country (friendship-city pages:
    与德国某某斯堡市缔结友好城市, 与日本某山县签署): one name-like word ending in 市/州/县, or
    a name-like word and 市/州 (jieba cuts 某某斯堡|市), never a common word (德国|企业落户苏州).

    >>> [m.text for m in find("济南市与德国雷根斯堡市签订协议", [])]
    ['德国', '雷根斯堡市']
    >>> [m.text for m in find("德国企业落户苏州", [])]
    ['德国']
    """
    from kg.divisions import gazetteer
    from kg.segment import tag, words

    if country.attr("level") != "country" or country.key == "中国":
        return None
    ws = words(text[country.end:country.end + 12])
    if not ws or tag(ws[0]) not in _NAME_TAGS or not _HAN.fullmatch(ws[0]):
        return None
    if len(ws) > 2 and tag(ws[0]) == tag(ws[1]) == "ns" and ws[2] == "市":      # 光州|广域|市
        name = "".join(ws[:3])
    elif len(ws) > 1 and len(ws[0]) >= 2 and ws[1] in ("市", "州"):            # 某某斯堡|市
        name = ws[0] + ws[1]
    elif ws[0][-1] in "市州县" and (len(ws[0]) >= 3 or tag(ws[0]) == "ns"):    # 某某堡市, 加州
        name = ws[0]
    else:
        return None
    if gazetteer().lookup(name) is not None:
        return None                      # a division of China, not a place abroad
    return mention(country.end, country.end + len(name), text, "place", name, country=country.key)


_HAN = re.compile(r"[\u4e00-\u9fff]+")


# 中国菏泽网, 中国江苏网, 中国日报 (an outlet: page chrome); 中国特色社会主义, 中国梦, and the
# country's name opening a national body's (中国人民政治协商会议, 中国共产党): no place
_COUNTRY_NOT = re.compile(r"[\u4e00-\u9fff]{0,4}[网报台]|特色|梦|人民|共产党")


def no_country_at(text: str, end: int) -> bool:
    """Does what follows a country's name ending at `end` make it no place (中国|菏泽网)?

    >>> no_country_at("中国菏泽网消息", 2), no_country_at("中国特色社会主义", 2), no_country_at("中国建筑业", 2)
    (True, True, False)
    """
    return bool(_COUNTRY_NOT.match(text, end))


def _aligned(text: str, start: int, end: int) -> bool:
    from kg.extract import word_aligned  # 中国 is not a place in 中国式现代化

    return word_aligned(text, start, end)


_REGIONS = {"欧洲", "亚洲", "非洲", "北美", "南美", "拉美", "中东", "东南亚", "南亚", "中亚", "东欧", "西欧", "欧盟"}


@lru_cache(maxsize=1)
def _country_re() -> re.Pattern[str]:
    from kg.segment import trie_regex

    return re.compile(trie_regex(names()))
