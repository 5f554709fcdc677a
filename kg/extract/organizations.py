"""Organisations: party committees, governments and their bureaus, congresses, CPPCC,
courts, procuratorates, leading groups, associations.

Short forms resolve against the home place: 市委 -> 中共聊城市委, 市政府 -> 聊城市人民政府,
省民族宗教委 -> 山东省民族宗教委. Full forms start at a place: 聊城市人民政府.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from kg.extract.base import Context, mention, surname_len
from kg.extract.committees import full_name, prefecture_bodies, regional, termed_committee, written_committee
from kg.extract.places import home_division
from kg.text import is_cjk
from kg.types import Mention

_MID = r"[\u4e00-\u9fff]"
_NO_MID = set("的了和与及或在是为对把被将从向给等、，。；：")
_NO_MID_LONG = _NO_MID - set("和及")
_NO_MID_SHORT = _NO_MID - set("和")      # 县|发展和改革局: 和 inside a department's name (see _bad_and)
CORE = r"(?:人大常委会|人大|政协|政府|人民政府|纪委监委|纪委|监委|委)"
SUFFIX = (r"(?:领导小组|委员会|办公室|人民政府|政府|委会|中级人民法院|人民法院|法院|人民检察院|检察院|"
          r"总工会|工会|联合会|协会|学会|(?<!协)商会|促进会|促会|研究会|基金会|联谊会|红十字会|慈善总会|妇联|团委|工商联|科协|文联|侨联|残联|政协|人大常委会|纪委监委|"
          r"人武部|局|厅|委|办|督查室|研究室|中心|大学|学院|党校|学校|中学|小学|医院|海关|指挥部)")
_LEVEL = re.compile(r"[省市县区州旗盟]")   # 旗委, 盟委: the banners and leagues of Inner Mongolia
_COURTS = r"(?:中级人民法院|中级法院|人民法院|法院|人民检察院|检察院)"      # 县法院, 市中级法院: a court by itself
_UNIT = re.compile(rf"人武部|{_MID}{{1,10}}?{SUFFIX}|(?:侨联|妇联|团委|工商联|科协|文联|残联|总工会|工会|红十字会|慈善总会|贸促会)"
                   rf"|{_COURTS}")
_CORE = re.compile(CORE)
PARTY_DEPARTMENTS = ("组织", "宣传", "统战", "社会工作", "武装", "农村工作", "老干部")
_PARTY_DEPARTMENT = re.compile(rf"委(?:{'|'.join(PARTY_DEPARTMENTS)})部")
_SITTING = re.compile(r"[一二三四五六七八九十百零〇\d]+次|召开|举行")   # 市政协十五次常委会 is a sitting: an event
# The first two characters of ordinary words that start with a level character.
_NOT_ORG_STARTS = {"旗下", "旗帜", "旗舰", "盟友", "市场", "市民", "市区", "市级", "市属", "市直", "市内", "市外", "市县", "县级",
                   "县域", "县城", "县区", "区域", "区级", "区县", "省级", "省内", "省外", "省份", "省市",
                   "市委", "市政"}
_DEPARTMENT = re.compile(rf"{_MID}{{2,10}}(?:局|厅|委员会|办公室)")   # 市|民政局, not 市民
_LONG = re.compile(rf"(?:中共|中国共产党)?({_MID}{{0,20}}?){SUFFIX}")
# 某市某某大学科技园, 某县某某中心项目: the unit names a venue or a project, not a body of its own
_GRADE = re.compile(r"[中高初]等")
_INSTITUTION = re.compile(r"(?:大学|学院|学校|中学|小学|医院|商会|协会|联合会|学会|研究会|促进会|基金会|联谊会)$")
_VENUE_TAIL = re.compile(r"科技园|产业园|创业园|园区|基地|项目")
_OF_COMPANY = re.compile(r"公司|集团")


def find(text: str, ctx: Context, places: list[Mention]) -> list[Mention]:
    """Organisation mentions, sorted.

    >>> from kg.divisions import find_home
    >>> ctx = Context(home=find_home("聊城市"))
    >>> [(m.text, m.key) for m in find("市委、市政府和省民族宗教委，市住房城乡建设局", ctx, [])]
    [('市委', '中共聊城市委'), ('市政府', '聊城市人民政府'), ('省民族宗教委', '山东省民族宗教委'), ('市住房城乡建设局', '聊城市住房城乡建设局')]
    """
    inside_place = {i for p in places if not p.attr("ref") for i in range(p.start, p.end)}
    out = [m for m in _short_forms(text, ctx, places) if m.start not in inside_place] + _long_forms(text, places)
    out += prefecture_bodies(text, ctx)
    place_starts = {p.start for p in places}
    out += [m for m in _national(text) if m.end not in place_starts]   # 中国人民银行聊城市中心支行: a branch
    listed = _listed_units(text, ctx, places, out)
    inside_listed = {i for u in listed for i in range(u.start + 1, u.end)}
    spans_listed = {(u.start, u.end) for u in listed}      # a bare 法院 listed after 县政府 is the county's
    out = [m for m in out if m.start not in inside_listed and (m.start, m.end) not in spans_listed] + listed
    out.sort(key=lambda m: (m.start, -m.end))
    return [m for m in out if m.key not in ctx.lexicon.suppressed and m.text not in ctx.lexicon.suppressed]


@lru_cache(maxsize=1)
def national_bodies() -> dict[str, str]:
    """Every name papers write for a national body -> the name it takes (kg/resources/national_bodies.tsv)."""
    out: dict[str, str] = {}
    raw = resources.files("kg.resources").joinpath("national_bodies.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, more = line.partition("\t")
        for alias in (name, *filter(None, (a.strip() for a in more.split(",")))):
            out.setdefault(alias, name)
    return out


def _national(text: str) -> list[Mention]:
    """全国人大常委会, 国务院, 商务部 …: national bodies, so that their officials' titles name them
    (国务院副总理甲). 公安部门 and 财政部门 are kinds of units, not the ministries.

    >>> [(m.text, m.key) for m in _national("国家发改委主任甲、公安部门负责人和全国人民代表大会常务委员会")]
    [('国家发改委', '国家发展改革委'), ('全国人民代表大会常务委员会', '全国人大常委会')]
    """
    names = national_bodies()
    return [mention(m.start(), m.end(), text, "organization", names[m.group()]) for m in _national_re().finditer(text)
            if not (m.group().endswith("部") and text[m.end():m.end() + 1] == "门")]


@lru_cache(maxsize=1)
def _national_re() -> re.Pattern[str]:
    from kg.segment import trie_regex

    return re.compile(trie_regex(national_bodies()))


def _short_forms(text: str, ctx: Context, places: list[Mention]) -> list[Mention]:
    out = []
    for m in _LEVEL.finditer(text):
        start, level_char = m.start(), m.group()
        rest = _rest_at(text, m.end()) or _court_at(text, m.end(), level_char)
        if not rest or rest[0] == level_char:
            continue                     # 莫旗|旗委: the level written again; the second one heads the body
        if level_char == "区" and text.startswith("自治", start - 2):
            out += regional(text, start - 2, m.end() + len(rest), rest, ctx)
            continue
        if start and is_cjk(text[start - 1]) and _glued(text, start):
            continue
        if text[start:start + 2] in _NOT_ORG_STARTS and not _CORE.match(rest) \
                and not (text[start:start + 2] == "市民" and _DEPARTMENT.fullmatch(rest)):
            continue
        if _SITTING.search(rest) or _runs_on(text, m.end() + len(rest), rest):
            continue
        owner = home_division(ctx, level_char, before=start, places=places, text=text)
        written = level_char + rest
        key = full_name(owner.name, rest) if owner else written
        out.append(mention(start, m.end() + len(rest), text, "organization", key, short=written))
    return out


_BARE_UNIT = re.compile(rf"(?:{_MID}{{1,10}}?(?:管委会|委员会|办公室|局|委|办|大队|支队|中心)|{_COURTS})"
                        r"(?=[、，。；]|及|和|等|负责|主要|有关|要|将|应|须|也|都|共同|分别|联合|$)")
_SEPARATOR = re.compile(r"、|及|和")


def _listed_units(text: str, ctx: Context, places: list[Mention], found: list[Mention]) -> list[Mention]:
    """县政府办、督查局、应急管理局、消防大队等单位: units listed after a body of the home place
    are that place's too (市发改委、住建委、规划局 -> the city's 住建委 and 规划局)."""
    by_start = {m.start: m for m in found}
    out = []
    for m in found:
        short = m.attr("short")
        if not short or short[0] not in "省市县区州旗盟" or m.end >= len(text) or text[m.end] != "、":
            continue
        owner = home_division(ctx, short[0], before=m.start, places=places)
        pos = m.end
        while (sep := _SEPARATOR.match(text, pos)) is not None:
            pos = sep.end()
            known = by_start.get(pos)
            if known is not None and not (known.key == known.text and _BARE_UNIT.fullmatch(known.text)):
                pos = known.end                 # 沙市区政府: a body of its own, the list goes on
                continue
            unit = _BARE_UNIT.match(text, pos)
            if unit is None or any(c in _NO_MID for c in unit.group()) or text[pos] in "省市县区州":
                break
            key = full_name(owner.name, unit.group()) if owner else unit.group()
            out.append(mention(pos, unit.end(), text, "organization", key, short=unit.group()))
            pos = unit.end()
    return out


_COURT = re.compile(r"法院|检察院")


def _court_at(text: str, pos: int, level_char: str) -> str | None:
    """县法院院长, 区检察院副检察长: a county's or district's court and procuratorate by their
    short forms (a city's court is its 中级人民法院, not read here)."""
    m = _COURT.match(text, pos) if level_char in "县区" else None
    return m.group() if m else None


def _rest_at(text: str, pos: int) -> str | None:
    """The unit after a level character: 市|政协办公室 (a named unit) over 市|政协, but 市|委 before
    a post (市委常委, 市委书记)."""
    dept = _PARTY_DEPARTMENT.match(text, pos)
    if dept:                             # 县委|组织部: the party committee's department
        return dept.group()
    core = _CORE.match(text, pos)
    unit = _UNIT.match(text, pos)
    if unit and (any(c in _NO_MID_SHORT for c in unit.group()) or _bad_and(unit.group())
                 or unit.group().startswith("长") or core and _member_after(text, unit.end(), unit.group())):
        unit = None             # 县|长某某代表县政府: 县长 is a post, never a unit; 县|政协委|员: the 政协's
    if core and (unit is None or text[core.end():core.end() + 1] in "常书副"
                 or text.startswith(_POST_AFTER_CORE, core.end())         # 县政协|主席甲代表政协…: a post
                 or unit.group().startswith(core.group()) and _runs_into_clause(unit.group()[len(core.group()):])):
        rest = core.group()
    else:
        rest = unit.group() if unit else None
    if rest and _CORE.fullmatch(rest) and rest != "委" and text.startswith("办公室", pos + len(rest)):
        rest += "办公室"        # 市人大常委会|办公室, 市人民政府|办公室: the body's office
    return rest


# verbs that name what a department does (政协文化文史和学习委员会, 政府发展研究中心)
_DEPARTMENT_VERBS = {"学习", "研究", "发展", "改革", "建设", "管理", "服务", "保障", "监督", "规划", "执法", "宣传",
                     "督查", "协调", "调解", "救助", "审批", "考核", "提案", "信访", "招商", "接待", "联络", "采购", "投资",
                     "扶贫", "巡察", "评审", "应急", "招标", "维稳", "保密", "督导", "统计", "审计", "政研"}


def _opens_clause(middle: str) -> bool:
    """东营|按照山东省委: a preposition or an adverb right after the place opens a clause (a
    department's first word may be a verb: 统计局, 审计局)."""
    from kg.segment import tag, words

    toks = words(middle)
    return bool(toks) and len(toks[0]) >= 2 and tag(toks[0])[:1] in ("p", "d")


def _runs_into_clause(after_core: str) -> bool:
    """区政府|积极促成商会, 县政协|开展走访看望政协, 县政府|关于政府: after the body's core comes a
    clause (a verb, an adverb, a preposition), not the name of one of its departments."""
    from kg.segment import tag, words

    if after_core[:1] in "省市县区州":
        return True                  # 区委|区政府: two bodies written together
    return any(len(w) >= 2 and tag(w)[:1] in ("v", "d", "p") and tag(w) != "vn" and w not in _DEPARTMENT_VERBS
               for w in words(after_core))


_POST_AFTER_CORE = ("主席", "主任", "秘书长", "党组")
_ADVERBS = set("正将已也都还又就仍")
# a unit's last characters that are the start of a word running on: 人民政治协商会|议, 市政协委|员,
# 市党政机关办|公中心, 县委中心|工作, 人民银行扬州市中心|支行
_RUNS_ON = {"会": ("议",), "委": ("员",), "办": ("公",), "中心": ("工作", "任务", "城区", "组", "支行", "城市")}


def _member_after(text: str, end: int, unit: str) -> bool:
    """县政协委|员刘明: a member of the body named after it (县政协 is the body; 委员考察团 is no member)."""
    return unit.endswith("委") and text.startswith("员", end) and surname_len(text[end + 1:end + 4]) > 0


def _runs_on(text: str, end: int, unit: str) -> bool:
    """Does the word the unit ends in run on past `end`, so that the unit is no body?

    >>> _runs_on("市政协委员考察团", 4, "政协委"), _runs_on("围绕县委中心工作", 6, "委中心"), _runs_on("市政协委员会", 5, "政协委员会")
    (True, True, False)
    """
    return any(unit.endswith(tail) and text.startswith(after, end) for tail, afters in _RUNS_ON.items()
               for after in afters)


def _glued(text: str, start: int) -> bool:
    """Is the level character the tail of a word (城市, 全市, 该市) rather than a prefix?"""
    from kg.segment import frequency

    prev = text[start - 1]
    if prev in "、，和与及暨由在为对向将把被从的了是任兼到赴至往":       # 任|县委办公室主任, 到|市政府
        return False
    return frequency(text[start - 1:start + 1]) > 0 or prev in "全该本我各"


_AND_OK = re.compile(r"(?:住房|经济|信息|科学|人力资源|社会保障|自然资源|规划|文化|旅游|农业|农村|卫生|健康|商务|"
                     r"发展|改革|城乡|交通|水利|生态|环境|应急|民政|教育|体育|工业|科技|广播|电视)和")


def _bad_and(middle: str) -> bool:
    """和 joins two bodies (刚察县藏羊产业园和青海湖…中心) except in a department's name (住房和城乡建设局)."""
    return "和" in middle and not _AND_OK.search(middle)


def _long_forms(text: str, places: list[Mention]) -> list[Mention]:
    out = []
    starts = {p.start for p in places if not p.attr("ref")}
    seat_at = {p.end: p for p in places if not p.attr("ref") and p.type == "place"}
    for p in places:
        if p.attr("ref") or p.type != "place":
            continue
        start = p.start
        if text[max(0, start - 2):start] == "中共":
            start -= 2
        m = _LONG.match(text, p.end)
        middle = _GRADE.sub("", m.group(1)) if m else ""      # 职业中等专业学校: 等 of a grade lists nothing
        if not m or any(c in _NO_MID_LONG for c in middle) or p.end in starts or _bad_and(m.group(1)) \
                or len(middle) >= 2 and _opens_clause(middle):
            continue                 # 东营|按照山东省委…: a clause, not a body's name
        rest = m.group()
        if m.group(1) == p.key[-1:] and _CORE.fullmatch(rest, 1):
            rest = rest[1:]          # 道县县委, 泉港区区委, 某市市政府: the level written again before its body
        elif len(m.group(1)) < 2 and len(m.group()) - len(m.group(1)) == 1 and m.group() not in ("委", "人大"):
            continue                 # 遵义布局 is no bureau: a one-character unit needs a real name
        if p.text != p.key and len(m.group(1)) < 2 and len(m.group()) - len(m.group(1)) < 2 \
                and not (p.text[-1:] in "省市县区州" and _CORE.fullmatch(rest)):
            continue                 # after a short form (遵义), only a clear body (not 遵义|布局); 延边州委 is one
        if _SITTING.search(rest) or _runs_on(text, m.end(), rest) or m.group(1)[:1] in _ADVERBS \
                or _VENUE_TAIL.match(text, m.end()):
            continue                 # 普陀|正围绕市委: an adverb opens no body's name
        if _OF_COMPANY.search(middle):
            continue                 # 浙江某股份有限公司党委: a company's own committee, the company's post
        seat = seat_at.get(p.start)
        if seat is not None and rest.endswith("商会"):     # 深圳|安庆商会: 安庆's merchants in 深圳, as written
            out.append(mention(seat.start, m.end(), text, "organization", text[seat.start:m.end()]))
            continue
        key = full_name(p.key, rest)
        if p.text != p.key and _INSTITUTION.search(rest):
            key = text[start:m.end()]    # 长沙职业技术学院, 香港中华总商会: a school, an association, as written
        written_as = written_committee(text, p.start, p.key, rest)
        if written_as is not None:        # 中共某县委员会, 政协某县委员会: the party committee, the CPPCC
            start, key = written_as
        elif rest.endswith("委员会") and text[max(0, p.start - 1):p.start] == "届":
            key = termed_committee(text, p.start, p.key, rest)
            if key is None:
                continue
        out.append(mention(start, m.end(), text, "organization", key))
    return out
