"""Titles and their bodies: the post before a name, the chain it heads (市委副书记、市长), and
the body each title belongs to, found in the text or created from the home place.

Which body a title names, by family of pages (invented examples):
- written before it: 市政协副主席 -> X市政协; 山东甲有限公司总经理 -> the company;
- implied by a government post: 副市长 -> X市人民政府 (the home place, or the place written before it);
- inherited in a chain: 县委常委、宣传部部长 -> 中共X县委宣传部; 郑州市委副书记、市长 -> 郑州市人民政府;
- inherited from a titled list earlier in the sentence: 县人大常委会主任甲，副主任乙 -> the same committee;
- created for a unit that is no body we know: 五一村党支部书记 -> 中共五一村支部委员会, 甲考察团团长.
Posts, modifiers and units are the tables below.
"""
from __future__ import annotations

import re

from kg.extract.base import Context, mention, surname_len
from kg.extract.companies import COMPANY_UNITS
from kg.extract.organizations import full_name
from kg.extract.places import home_division, home_region
from kg.extract.story_bodies import PARTY_BRANCHES, the_body, the_firm, the_town
from kg.types import Mention

POSTS = ("总书记", "党委书记", "党组书记", "党工委书记", "党支部书记", "党总支书记", "支部书记", "第一书记", "书记", "常委", "秘书长",
         "市长助理", "县长助理", "区长助理", "总经理助理", "董事长助理", "总裁助理",
         "市长", "省长", "县长", "区长", "州长", "镇长", "乡长", "旗长", "盟长", "主任委员", "主任", "主席",
         "部长", "局长", "厅长", "处长", "科长", "检察长", "院长", "庭长", "董事长", "总经理", "经理", "总裁",
         "总监", "行长", "理事长", "会长", "党组成员", "党委委员", "关长", "专员", "总指挥", "校长", "政委", "司令员", "总工程师", "社长", "总编辑", "巡视员",
         "调研员", "审判员", "检察员", "助理审判员", "助理检察员", "队长", "所长", "站长", "馆长", "团长", "组长", "委员长", "总理", "委员", "首席执行官")
POST_RE = re.compile("|".join(sorted(POSTS, key=len, reverse=True)))
_MODS = ("常务", "代理", "执行", "名誉", "第一", "一级", "二级", "三级", "四级", "党总支", "党支部", "党工委", "党组", "党委", "董事局", "董事会", "监事会",
         "副", "代")
_UNIT_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:部|办公室|办|委)|办公室|人大")     # 县委常委、办公室主任
_PARTY_LEAD = re.compile(r"党工委|党委|党组")     # the words a post (党委书记) may share with its body's name
_ZONE_PARTY = re.compile(r"党工委|党委")       # a zone's party committee, named by the zone (某某高新区)
_ZONES = ("开发区", "高新区", "经开区", "园区", "集聚区", "新区")
_BRANCH_UNIT = re.compile(rf"(?:[\u4e00-\u9fff]{{2,12}}?(?:镇|乡|街道|村|社区)|[\u4e00-\u9fff]{{0,12}}?(?:{'|'.join(_ZONES)}))$")
# a company's own unit (山东大区, 华南区域总部, 投资管理部), or the field of a business post (市场开发|总监)
_COMPANY_UNIT = re.compile(rf"[\u4e00-\u9fff]{{2,4}}(?:{'|'.join((*COMPANY_UNITS, '总部', '部', '中心'))})")
_BUSINESS_FIELD = re.compile(r"[\u4e00-\u9fff]{2,4}")
_DELEGATION = re.compile(r"[\u4e00-\u9fff]{2,14}?(?:考察团|代表团|调研组|督导组|工作组|检查组|视察组|访问团)$")
# abbreviated departments in titles: 统战部长 is the 统战部's 部长, 政法委书记 the 政法委员会's
DEPARTMENT_STEMS = ("组织", "宣传", "统战", "武装", "外联")
_OWN_COMMISSIONS = ("纪委", "监委", "纪委监委")      # named by their place (福鼎市纪委), as 市纪委 is
_ABBREVIATED = {"纪委": "纪律检查委员会", "政法委": "政法委员会", "编委": "机构编制委员会"}
BUSINESS = {"董事长", "总经理", "经理", "总裁", "总监", "行长", "首席执行官"}
COMPANY_POSTS = BUSINESS | {"总工程师", "董事", "监事", "监事长", "总会计师", "书记", "党委书记", "主席"}
_GOV_POSTS = {"市长": "市", "省长": "省", "县长": "县", "区长": "区", "州长": "州", "镇长": "镇", "乡长": "乡",
              "旗长": "旗", "盟长": "盟",
              "市长助理": "市", "县长助理": "县", "区长助理": "区"}
# the administrative organ of a street, village, community or zone, beside its party branch
_LOCAL_ORGANS = {"办事处": "办事处", "村委会": "村民委员会", "村民委员会": "村民委员会", "居委会": "居民委员会",
                 "居民委员会": "居民委员会", "管委会": "管理委员会", "管理委员会": "管理委员会"}
_LOCAL_ORGAN = re.compile(f"(?:{'|'.join(sorted(_LOCAL_ORGANS, key=len, reverse=True))})$")
_BRANCH_OF = re.compile(r"中共(.+?)(?:总支部委员会|支部委员会|工作委员会|委员会)")
GOV_POSTS = _GOV_POSTS      # a government post and the level of the place whose government it is

SENTENCE_END = re.compile(r"[。！？；\n]")
_COURT_COMMITTEES = ("审判委员会", "检察委员会")     # a court's committee: its members hold the court's post


def _court_of(org: str) -> str:
    """The court or procuratorate whose committee `org` is (else `org`): its members hold its post.

    >>> _court_of("某县人民法院审判委员会"), _court_of("某县人民法院")
    ('某县人民法院', '某县人民法院')
    """
    committee = next((c for c in _COURT_COMMITTEES if org.endswith(c)), "")
    return org[:len(org) - len(committee)]


_SAME_BODY_ANY = {"秘书长", "副秘书长", "党组书记", "党组副书记", "党组成员", "常务副主任", "常务副主席"}


def continue_listing(text: str, chain: list[Mention], before: list[Mention]) -> list[Mention]:
    """A bare title after a titled list in the same sentence belongs to that list's body:
    县人大常委会主任甲，副主任乙、丙 (副主任 -> the congress committee); 市政协副主席甲主持会议，
    副主席乙、丙，秘书长丁;
    A集团董事长甲、总裁乙 (总裁 -> A集团). Only a post of the same kind (主任/副主任), a
    secretary-general or party-group post, or a company post after a company's inherits."""
    if chain[0].attr("org") is not None or not before:
        return chain
    post = bare_post(chain[0].text)
    family = chain[0].text.lstrip("副常务执行")
    company_chain = any(bare_post(t.text) in COMPANY_POSTS for t in chain)   # 党委委员、副总经理丙
    source = next((t for t in reversed(before) if t.attr("org") and (
        t.attr("company") and company_chain
        or not t.attr("company") and (bare_post(t.text) == post and t.text.endswith(family)
                                      or chain[0].text in _SAME_BODY_ANY))), None)
    if source is None:
        return chain
    return [mention(t.start, t.end, text, "title", t.key, org=source.attr("org"), company=source.attr("company"))
            if t.attr("org") is None and t.type == "title" else t for t in chain]


def post_before(text: str, title: Mention, org_by_end: dict[int, Mention], seps: str,
                reach: int = 8) -> re.Match[str] | None:
    """The post that ends right before `title` and one of `seps` (市委副书记|、|市长), where the title
    opens with its body's name if it has one (考察团团长、|某某集团有限公司董事长)."""
    body = org_by_end.get(title.start)
    head = body.start if body is not None and title.attr("org") else title.start
    if head == 0 or text[head - 1] not in seps:
        return None
    found = None
    for pm in POST_RE.finditer(text, max(0, head - reach), head - 1):
        if pm.end() == head - 1:
            found = pm
    return found


def title_chain(text: str, post_start: int, post_end: int, ctx: Context,
                 org_by_end: dict[int, Mention], place_by_end: dict[int, Mention] | None = None) -> list[Mention]:
    """Titles ending at post_end, then any before them joined by 、 (市委副书记、市长)."""
    chain: list[Mention] = []
    end, start = post_end, post_start
    while True:
        title = one_title(text, start, end, ctx, org_by_end, place_by_end or {})
        chain.insert(0, title)
        prev_post = post_before(text, title, org_by_end, "、兼")
        if prev_post is None:
            break
        end, start = prev_post.end(), prev_post.start()
    inherited, company = None, None
    fixed = []
    for t in chain:
        org = t.attr("org") or inherit(t.text, inherited)
        inherited = org or inherited
        company = t.attr("company") or (company if org == company else None)
        fixed.append(mention(t.start, t.end, text, "title", t.key, org=org, company=company))
    return _rehome(text, fixed, ctx, place_by_end or {}, org_by_end)


def _rehome(text: str, chain: list[Mention], ctx: Context, place_by_end: dict[int, Mention],
            org_by_end: dict[int, Mention]) -> list[Mention]:
    """郑州市委副书记、市长 in a 广州 paper: the chain's 市 is the city its first title names, not
    the home place."""
    start = chain[0].start + (2 if text.startswith("中共", chain[0].start) else 0)
    named = next((p for k in range(2, 9) if (p := place_by_end.get(start + k)) is not None and p.start == start),
                 None)
    if named is None or len(chain) < 2:
        return chain
    out = chain[:1]
    for t in chain[1:]:
        org, level = t.attr("org"), t.text.lstrip("副常务代理执行")[:1]      # 宣城市委常委、副市长: 市
        home = home_division(ctx, level) if level in "市县区州" and named.key.endswith(level) else None
        if org and home and home.name != named.key and home.name in org:
            org = org.replace(home.name, named.key, 1)
            t = mention(t.start, t.end, text, "title", t.key, org=org, company=t.attr("company"))
            body = next((b for k in range(2, 9) if (b := org_by_end.get(t.start + k)) is not None
                         and b.start == t.start and b.type == "organization"), None)
            if body is not None:     # the short form's own mention names the same body (wins its span)
                out.append(mention(body.start, body.end, text, "organization", org, short=body.attr("short"),
                                   rehomed=True))
        out.append(t)
    return out


def inherit(title: str, org: str | None) -> str | None:
    """A title with no body of its own belongs to the chain's: 县委常委、宣传部部长 -> 中共X县委宣传部;
    嘉定区委副书记、区长 -> 嘉定区人民政府; 河钢集团党委书记、董事长 -> 河钢集团."""
    if org is None:
        return None
    post = bare_post(title)
    unit = title[: len(title) - len(post)].lstrip("副常务代理执行")
    org = _court_of(org)            # 副院长、审判委员会委员、审判员: the court's, as its committee's members are
    if post in _GOV_POSTS:
        m = re.fullmatch(r"中共(.+?)县?委", org) if org.endswith("县县委") else (
            _BRANCH_OF.fullmatch(org) or re.fullmatch(r"中共(.+)委", org))
        place = m.group(1) if m else None
        return full_name(place, "政府") if place and place.endswith(_GOV_POSTS[post]) else None
    if unit == "人大":                  # 镇党委书记、人大主席: the town's congress (a county's has a 常委会)
        m = _BRANCH_OF.fullmatch(org)
        return m.group(1) + "人大" if m and m.group(1).endswith(("镇", "乡")) else None
    if unit in _LOCAL_ORGANS:           # 街道党工委书记、办事处主任: the street's office; 村委会: the village's
        m = _BRANCH_OF.fullmatch(org)
        return m.group(1) + _LOCAL_ORGANS[unit] if m else None
    if unit in _OWN_COMMISSIONS:         # 县委常委、纪委书记、监委主任: the county's own 纪委 and 监委
        m = re.fullmatch(r"中共(.+?)县?委", org) if org.endswith("县县委") else re.fullmatch(r"中共(.+)委", org)
        place = m.group(1) if m else next((org[:-len(u)] for u in _OWN_COMMISSIONS if org.endswith(u)), None)
        return full_name(place, unit) if place else None
    if post == "部长" and unit and not unit.endswith("部"):      # 统战部长, 组织部长
        unit += "部"
    if unit in _COURT_COMMITTEES:
        return org                  # 副检察长、检察委员会委员: a member of the procuratorate's committee is its
    unit = _ABBREVIATED.get(unit, unit)
    if unit.endswith("工委") and len(unit) > 2:
        unit = unit[:-2] + "工作委员会"          # 市委常委、教育工委书记: the committee's 教育工作委员会
    if unit and re.fullmatch(r"[\u4e00-\u9fff]{1,8}(?:部|办公室|办|委员会|局)|办公室", unit):
        return org + unit
    return org


def _party_branch(text: str, start: int, ctx: Context) -> tuple[int, str] | None:
    """南大街街道党工委书记, 五一村党支部书记, 开发区党委副书记: (start of the unit, its party
    committee's full name, 中共X街道工作委员会 …). A bare 开发区 in a zone's own paper is the zone."""
    word = next((w for w in PARTY_BRANCHES if text.startswith(w, start)), None)
    if word is None:
        return None
    lo = _unit_start(text, start)
    unit = _BRANCH_UNIT.search(text, lo, start)
    if unit is None or unit.start() != lo:
        return None
    name = unit.group()
    if name in _ZONES and ctx.home is not None and ctx.home.name.endswith(name):
        name = ctx.home.name
    return lo, f"中共{name}{PARTY_BRANCHES[word]}"


def _division_party(text: str, start: int, place_by_end: dict[int, Mention]) -> tuple[int, str] | None:
    """宁夏回族自治区党委副书记, 精河县党委书记: a division's party committee written 党委 (as the
    autonomous regions and Xinjiang's counties write it) is its 中共X委 (a region's 中共X委员会)."""
    place = place_by_end.get(start) if text.startswith("党委", start) else None
    if place is None or place.attr("level") not in ("province", "prefecture", "city", "county"):
        return None
    if place.attr("level") == "province":
        return place.start, f"中共{place.key}委员会"
    return place.start, full_name(place.key, "委")


def _local_organ(text: str, start: int) -> tuple[int, str | None] | None:
    """古楼街道办事处主任, 五里村村委会主任, 高新区管委会主任: (start of the unit, the organ's full
    name); a bare 办事处 or 村委会 in a chain (街道党工委书记、办事处主任) is the chain's unit's."""
    organ = _LOCAL_ORGAN.search(text, max(0, start - 5), start)
    if organ is None:
        return None
    lo = _unit_start(text, organ.start())
    unit = _BRANCH_UNIT.search(text, lo, organ.start()) if lo < organ.start() else None
    if unit is not None and unit.start() == lo:
        name = unit.group()
        if name.endswith("村") and organ.group().startswith("村"):
            name = name[:-1]              # 五里村村委会: the village's name is written once
        return lo, name + ("村" if organ.group().startswith("村") else "") + _LOCAL_ORGANS[organ.group()]
    return (organ.start(), None) if lo == organ.start() else None


def _town_before(text: str, start: int, post: str) -> int | None:
    """Where the town written before its 镇长 or 乡长 begins (莽张镇|镇长), if one is."""
    if post not in ("镇长", "乡长") or text[start - 1:start] != post[0]:
        return None
    lo = _unit_start(text, start)
    name = text[lo:start]
    if not 3 <= len(name) <= 6 or name[0] in "全各该本我每" or any(c in "的和与及在是" for c in name):
        return None
    return lo


def _delegation(text: str, start: int) -> tuple[int, str] | None:
    """甲市经贸考察团团长: a delegation is a body when somebody holds a title in it."""
    lo = _unit_start(text, start)
    unit = _DELEGATION.search(text, lo, start)
    return (lo, unit.group()) if unit is not None and unit.start() == lo else None


def _former(text: str, start: int) -> int:
    """1 when a clause's 原 (former) is written right before `start`, else 0."""
    return int(text[start - 1:start] == "原" and (start == 1 or text[start - 2] in "，、。；：（ \n"))


def _unit_start(text: str, start: int) -> int:
    """Where the unit written before a post begins: after the last separator, at most 16 back."""
    lo = start
    while lo > 0 and lo > start - 16 and text[lo - 1] not in "，。、；：（）“”\n 的和与及在由" \
            and text[lo - 2:lo] not in _TAKES_UP:
        lo -= 1
    return lo


_TAKES_UP = {"现任", "拟任", "担任", "兼任", "出任", "调任", "改任", "升任"}     # 现任|石桥镇党委书记


def bare_post(title: str) -> str:
    """The post a title ends with: 县人大常委会主任 -> 主任 (not the 常委 inside the body's name)."""
    posts = [m for m in POST_RE.finditer(title)]
    ending = [m for m in posts if m.end() == len(title)]
    return (ending or posts)[-1].group() if posts else title


def _company_before_unit(text: str, start: int, org_by_end: dict[int, Mention], post: str = "") -> Mention | None:
    """The company whose own unit (山东大区, 华东区域, 零售事业部, 华南区域总部) ends at `start`, or
    before a business post the field it heads (中交集团|市场开发|总监)."""
    for width in range(2, 11):
        company = org_by_end.get(start - width)
        if company is not None and company.type == "company" and (
                _COMPANY_UNIT.fullmatch(text, start - width, start)
                or post in BUSINESS and _BUSINESS_FIELD.fullmatch(text, start - width, start)
                and not (width <= 3 and surname_len(text[start - width:start]))):    # 某公司王一|总经理: a name
            return company
    return None


def one_title(text: str, post_start: int, post_end: int, ctx: Context,
               org_by_end: dict[int, Mention], place_by_end: dict[int, Mention] | None = None) -> Mention:
    lead = _PARTY_LEAD.match(text, post_start)
    body = org_by_end.get(lead.end()) if lead and post_start not in org_by_end else None
    if body is not None and body.start < post_start:     # 县党委|书记, 自治区党委|书记: the post holds the body's end
        return mention(body.start, post_end, text, "title", org=body.key,
                       company=body.key if body.type == "company" else None)
    start = post_start
    while start not in org_by_end:        # 自治区党委|常委: a body whose name ends in a modifier's word
        for mod in _MODS:
            if text.startswith(mod, start - len(mod)) and start - len(mod) >= 0:
                start -= len(mod)
                break
        else:
            break
    if text[start - 1:start] == "原" and ((place_by_end or {}).get(start - 1) or _former(text, start)):
        start -= 1                    # 潍坊市原市长, 原副县长甲: a former one, written so
    if text.startswith("政府", start - 2) and text[start - 3:start - 2] in ("", "、", "，"):
        start -= 2                    # 旗委副书记、政府旗长: the level's own government, written so in a chain
    org = org_by_end.get(start)
    if org is None:                   # 县人民检察院|检察委员会|委员: the procuratorate's
        committee = next((c for c in _COURT_COMMITTEES if text.startswith(c, start - len(c))), None)
        org = org_by_end.get(start - len(committee)) if committee else None
    post = text[post_start:post_end]
    company = _company_before_unit(text, start, org_by_end, post) if org is None else None
    if company is not None:                      # 华润电力控股有限公司|山东大区|总经理: the company's post
        return mention(company.end, post_end, text, "title", org=company.key, company=company.key)
    body = the_body(text, start, post, org_by_end) if org is None else None
    if body is not None:                         # 县人民法院召开…。院长甲主持: the story's court
        return mention(start, post_end, text, "title", org=body.key)
    firm = the_firm(text, start, org_by_end) if org is None else None
    if firm is not None:                         # …有限公司…。集团党委书记、董事长甲: the story's company
        return mention(start, post_end, text, "title", org=firm[1].key, company=firm[1].key)
    zone = (place_by_end or {}).get(start) if org is None else None
    if zone is not None and zone.attr("zone") and (word := _ZONE_PARTY.match(text, start)) is not None:
        return mention(zone.start, post_end, text, "title", org=full_name(zone.key, word.group()))   # 高新区党工委
    branch = (_division_party(text, start, place_by_end or {}) or _party_branch(text, start, ctx)
              or the_town(text, start, place_by_end or {})
              or _local_organ(text, start) or _delegation(text, start)) if org is None else None
    if branch:
        return mention(branch[0], post_end, text, "title", org=branch[1])
    if org is not None and org.type == "company":     # 总经理 of the company named before it
        return mention(start, post_end, text, "title", org=org.key, company=org.key)
    if org is not None:                     # 原县委书记甲: the former post of the body, written so
        return mention(org.start - _former(text, org.start), post_end, text, "title",
                       org=_court_of(org.key))     # 某法院审判委员会委员: the court's
    if post == "主席" and text.startswith("自治区", start - 3) and (region := home_region(ctx)) is not None:
        return mention(start - 3, post_end, text, "title", org=full_name(region.name, "政府"))   # 自治区副主席
    level_char = _GOV_POSTS.get(post)
    if level_char in ("镇", "乡"):          # 梁水镇镇长: the town's government
        lo = _unit_start(text, start)
        town = _BRANCH_UNIT.search(text, lo, start) if lo < start else None
        if town is not None and town.start() == lo and town.group().endswith(level_char):
            return mention(lo, post_end, text, "title", org=full_name(town.group(), "政府"))
        named = the_town(text, start, place_by_end or {}, head=True)
        if named is not None:           # 甲镇党委书记乙、镇长丙: the town the story named last
            return mention(start, post_end, text, "title", org=full_name(named[1], "政府"))
    place = (place_by_end or {}).get(start)
    if post == "主任" and text[start - 1:start] in ("村", "区") and (lo := _unit_start(text, start)) < start - 1 \
            and (unit := _BRANCH_UNIT.fullmatch(text, lo, start)) is not None and unit.group().endswith(("村", "社区")):
        organ = "村民委员会" if unit.group().endswith("村") else "居民委员会"       # 五一村主任: the village committee's
        return mention(lo, post_end, text, "title", org=unit.group() + organ)
    if post == "主任" and place is not None and place.attr("zone"):     # 经济开发区主任: its 管委会's
        return mention(place.start, post_end, text, "title", org=place.key + "管理委员会")
    town = _town_before(text, start, post)
    if town is not None:                                # 莽张镇镇长, 红星乡副乡长: the town's government
        return mention(town, post_end, text, "title", org=text[town:start] + "人民政府")
    if level_char and place is not None and place.key.endswith(level_char):   # 深圳市副市长
        return mention(place.start, post_end, text, "title", org=full_name(place.key, "政府"))
    merged = (place_by_end or {}).get(start + 1) if level_char and start == post_start else None
    if merged is not None and merged.key.endswith(level_char) and text[start] == level_char:   # 郑州市长
        return mention(merged.start, post_end, text, "title", org=full_name(merged.key, "政府"))
    if level_char and place is None and start >= 3 and text[start - 1] == level_char \
            and "\u4e00" <= text[start - 2] <= "\u9fff" and text[start - 2] not in "全该本我各每":
        return mention(start, post_end, text, "title", org=None)   # 巴西某某市副市长: a city we do not know
    owner = home_division(ctx, level_char, before=start, places=list((place_by_end or {}).values()),
                          text=text) \
        if level_char else None
    org_key = full_name(owner.name, "政府") if owner else None
    if post == "部长" and text[start - 2:start] in DEPARTMENT_STEMS:     # 统战部长: the 统战部's head
        start -= 2
    sep = max(text.rfind("、", max(0, start - 7), start), text.rfind("兼", max(0, start - 7), start))
    if org_key is None and sep >= 0 and _UNIT_BEFORE.fullmatch(text, sep + 1, start):
        start = sep + 1               # 县委常委、宣传部部长, 县委常委、纪委书记: the unit belongs to the chain's body
    return mention(start, post_end, text, "title", org=org_key)




def visiting_delegation(text: str, chain: list[Mention], prev: tuple[int, list[Mention]],
                        place_at: dict[int, Mention], ctx: Context) -> list[Mention]:
    """A delegation's leaders (news of visits): in 徐州市委书记A，市委副书记、市长B率…代表团, the chain
    right after a leader titled with another city is that city's, unless it repeats a post of
    the first (徐州市委书记A，市委书记C: C is the home city's)."""
    end, before = prev
    home = ctx.home.name if ctx.home else None
    place = place_at.get(before[0].start) if before else None
    if (home is None or place is None or place.key == home or chain[0].start != end + 1 or text[end:end + 1] != "，"
            or chain[0].text[:1] != place.key[-1:]):
        return chain
    theirs = {t.text.replace(place.key, place.key[-1], 1) for t in before}
    if any(t.text in theirs for t in chain):
        return chain
    return [mention(t.start, t.end, text, "title", t.key, org=t.attr("org").replace(home, place.key, 1),
                    company=t.attr("company")) if t.attr("org") and home in t.attr("org") else t for t in chain]
