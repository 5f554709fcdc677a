"""People and their posts: names after titles and title chains, name lists, bylines,
national leaders, and the learned tagger where the rules have nothing to say.

A person mention's attrs carry `role` and `titles` ((title, organisation key), …); each
title is also a mention of type "title", so a post can be scored span by span.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from kg.extract import appointments, credits, dotted
from kg.extract.base import (
    Context,
    mention,
    name_shaped,
    place_shaped,
    place_word_name,
    place_words,
    sector_compound,
    surname_len,
)
from kg.extract.names import common_word, name_at, unmarked_name_at
from kg.extract.organizations import full_name
from kg.extract.places import home_division
from kg.extract.posts import (
    BUSINESS,
    GOV_POSTS,
    POST_RE,
    SENTENCE_END,
    continue_listing,
    one_title,
    post_before,
    title_chain,
    visiting_delegation,
)
from kg.segment import is_vocabulary
from kg.types import Mention

# (平原融媒记者 甲), 融媒体记者：乙: a county media centre's reporters are journalists too
_TITLE_NOUNS = ("信箱", "热线", "专线", "接待日", "邮箱", "公开电话")
_ASIDE = re.compile(r"[（(][^（）()\d]{1,5}[）)](?=[\u4e00-\u9fff])")
_GAP = re.compile(r"[ \u3000]{1,2}(?=[\u4e00-\u9fff])")     # the spaces between a title and its names
_LIST = re.compile(r"(?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,8}")
# 市领导甲、乙: leaders named by their group, not by a post (GUIDELINES: 市领导 is no position)
_GROUP_LEADERS = re.compile(r"(?:[省市县区州旗镇乡]|[省市县区州]委|街道|集团|公司)领导(?:同志)?")


@lru_cache(maxsize=1)
def leaders() -> dict[str, tuple[str, str]]:
    """name -> (title, organisation) from the shipped leaders list."""
    out = {}
    raw = resources.files("kg.resources").joinpath("leaders.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            name, title, org = (line.split("\t") + ["", ""])[:3]
            out[name] = (title, org)
    return out


def find(text: str, ctx: Context, found: list[Mention], *,
         tagged: list[tuple[int, int, str, float]] = ()) -> list[Mention]:
    """Person and title mentions, sorted.

    >>> from kg.divisions import find_home
    >>> ctx = Context(home=find_home("聊城市"))
    >>> from kg.extract import organizations
    >>> text = "市委副书记、市长张百顺主持。"
    >>> ms = find(text, ctx, organizations.find(text, ctx, []))
    >>> [(m.text, m.type) for m in ms]
    [('市委副书记', 'title'), ('市长', 'title'), ('张百顺', 'person')]
    >>> ms[-1].attr("titles")
    (('市委副书记', '中共聊城市委'), ('市长', '聊城市人民政府'))
    """
    orgs = [m for m in found if m.type in ("organization", "company")]
    tagged_names = {s: e for s, e, t, _ in tagged if t == "person"}
    out = _titled(text, ctx, orgs, tagged_names, found)
    org_by_end = {o.end: o for o in orgs}
    out += appointments.find(text, post_re=POST_RE, taken={(m.start, m.end) for m in out},
                             title_at=lambda s, e: one_title(text, s, e, ctx, org_by_end))
    out += credits.find(text, out)
    out += _group_leaders(text, out, tagged_names)
    out += _lists(text, out, tagged_names, place_words(found), found)
    out += _names_before_posts(text, out, ctx)
    out += _names_inside_titles(text, out, orgs)
    out += _leaders(text, out)
    out += _surname_and_post(text, out)
    return sorted(out, key=lambda m: (m.start, -m.end, m.type))


def _titled(text: str, ctx: Context, orgs: list[Mention], tagged_names: dict[int, int],
            places: list[Mention]) -> list[Mention]:
    place_by_end = {p.end: p for p in places if p.type == "place" and not p.attr("ref")}
    org_by_end = {}
    for o in orgs:
        org_by_end.setdefault(o.end, o)
    out = []
    previous: tuple[int, list[Mention]] = (-99, [])     # where the last titled list ended, its titles
    place_at = {p.start: p for p in places if p.type == "place"}
    written = place_words(places)
    for m in POST_RE.finditer(text):
        at = m.end()
        if text.startswith(_TITLE_NOUNS, at) or text[m.start() - 1:m.start()] == "班" and m.group() == "主任":
            continue            # 市委书记信箱, 县长热线: a service named by a post; 班主任: a teacher
        name = name_at(text, at, tagged_names) or unmarked_name_at(text, at, tagged_names) \
            or place_word_name(text, at)
        gap = None if name else _GAP.match(text, at)
        aside = None if name or gap else _ASIDE.match(text, at)
        if gap is not None or aside is not None:   # 副县长 王红 刘建国: a listing, or a PDF's spaced line;
            at = (gap or aside).end()               # 副局长（主持工作）甲, 副县长（挂职）乙: an aside
            name = name_at(text, at, tagged_names)
        name = name or dotted.name_at(text, at)     # 县委副书记、县长热合曼·吐尔逊: a name in parts, the chain's
        if not name:
            continue
        chain = title_chain(text, m.start(), m.end(), ctx, org_by_end, place_by_end)
        if not chain:
            continue
        chain = visiting_delegation(text, chain, previous, place_at, ctx)
        chain = _unnamed_chain_before(text, chain, ctx, org_by_end, place_by_end) + chain
        between = text[previous[0]:chain[0].start]
        if 0 < len(between) <= 30 and (between[-1] in "，、" and not SENTENCE_END.search(between)
                                       or between[-1] == "。" and not SENTENCE_END.search(between[:-1])):
            chain = continue_listing(text, chain, previous[1])    # …主持会议。副主席乙、丙出席: the next one too
        titles = _listed_companies(text, chain[0], org_by_end) + \
            tuple((t.text, t.attr("org")) for t in chain if t.type == "title")
        role = "business" if any(t.attr("company") for t in chain) or m.group() in BUSINESS else "official"
        out += chain
        pos = at
        while name:           # 市政协副主席司马红、钱国良、俞佳妮: the title covers the whole list
            out.append(mention(pos, pos + len(name), text, "person", name, role=role, titles=titles))
            pos += len(name)
            previous = (pos, chain)
            sep = 1 if text[pos:pos + 1] == "、" else (len(g.group()) if gap and (g := _GAP.match(text, pos)) else 0)
            name = name_at(text, pos + sep, tagged_names) if sep else None
            if name and (place_shaped(name, written) or (pos + sep) in place_at):
                name = None    # 局长甲、惠民县委书记乙: the next item is a place's post, not a name
            pos += sep
    return out


def _unnamed_chain_before(text: str, chain: list[Mention], ctx: Context, org_by_end: dict[int, Mention],
                          place_by_end: dict[int, Mention]) -> list[Mention]:
    """考察团团长，某区工商联党组书记甲; 甲集团党委书记、董事长，乙股份党委书记、董事长丙: titles
    that end at a comma with no name of their own are the next name's too."""
    post = post_before(text, chain[0], org_by_end, "，,", reach=12)
    if post is None:
        return []
    before = [t for t in title_chain(text, post.start(), post.end(), ctx, org_by_end, place_by_end) if t.type == "title"]
    if before and _TAKES_A_POST.search(text, max(0, before[0].start - 2), before[0].start):
        return []                       # 甲已担任省委常委，副省长乙: the post is 甲's, taken up
    return before


_TAKES_A_POST = re.compile(r"(?:担任|任|兼任|出任|改任|调任|升任|当选|为|是)$")


def _listed_companies(text: str, first: Mention, org_by_end: dict[int, Mention]) -> tuple[tuple[str, str], ...]:
    """A公司、B公司董事长甲: a board title after a list of companies is held in each (GUIDELINES)."""
    body = org_by_end.get(first.start)
    out: list[tuple[str, str]] = []
    if body is None or first.attr("org") != body.key:
        return ()
    while body is not None and body.type == "company":
        prev = org_by_end.get(body.start - 1) if text[body.start - 1:body.start] == "、" else None
        if prev is None or prev.type != "company":
            break
        out.insert(0, (first.text, prev.key))
        body = prev
    return tuple(out)


_BEFORE_POST = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[在由和与及同]))([\u4e00-\u9fff]{2,3})(?:常务)?副?"
                          r"(?:书记|市长|县长|区长|省长|主任|主席|部长|局长|董事长|总经理|院长|校长|秘书长)"
                          r"(?=[，。、；：]|强调|指出|表示|要求|说|介绍|在|主持|讲话|出席|的带领|的陪同|带领|带队|一行|陪同|及)")


_INSIDE_POST = re.compile(r"(?:常务)?副?(?:书记|市长|县长|区长|省长|州长|主任|主席|部长|局长|董事长|总经理|院长|"
                          r"检察长|校长|秘书长|厅长|会长)"
                          r"(?=[，。、；：]|强调|指出|表示|要求|说|介绍|在|主持|讲话|致辞|出席|参加|会见|对|率|一行|等|的|"
                          r"带领|带队|陪同|和|与|及)")


def _names_inside_titles(text: str, found: list[Mention], orgs: list[Mention]) -> list[Mention]:
    """省港澳办梁淑娟副主任会见, 东海县委宋波书记、县政府徐冰常务副县长: the name written between
    a body and its post (pages of departments and companies); the post is the body's."""
    taken = {(m.start, m.end) for m in found if m.type == "person"}
    out = []
    for o in orgs:
        for k in (3, 2):
            name = text[o.end:o.end + k]
            post = _INSIDE_POST.match(text, o.end + k)
            if post is None or not name_shaped(name) or common_word(name) or (o.end, o.end + k) in taken \
                    or any(c in "党委" for c in name) or name[-1] in "副正常代":     # 集团党委|副书记
                continue
            role = "business" if o.type == "company" or post.group().lstrip("副常务") in BUSINESS else "official"
            out.append(mention(o.end, o.end + k, text, "person", name, role=role,
                               titles=((post.group(), o.key),)))
            break
    return out


_SURNAME_POST = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])(书记|市长|县长|区长|镇长|乡长|主任|主席|部长|局长|"
                           r"院长|校长|董事长)(?=[\u4e00-\u9fff，。、；：])")
_SURNAME_POST_AFTER = re.compile(r"(?<=[在由和与对向同请陪])([\u4e00-\u9fff])(书记|市长|县长|区长|镇长|乡长|主任|主席|部长|局长|"
                                 r"院长|校长|董事长)(?=[\u4e00-\u9fff，。、；：])")


def _surname_and_post(text: str, found: list[Mention]) -> list[Mention]:
    """周书记到我镇调研, 在李县长的陪同下: one known only by surname and post is a person named so,
    unless the story names somebody of that surname who holds that post (陈忠义…陈书记指出)."""
    named = [(m.key, t) for m in found if m.type == "person"     # 刘志永副局长…刘局长: the same person
             for t in [*(t for t, _ in (m.attr("titles") or ())), text[m.end:m.end + 5]]]
    out = []
    for rx in (_SURNAME_POST, _SURNAME_POST_AFTER):
        for m in rx.finditer(text):
            sur, post = m.group(1), m.group(2)
            if surname_len(sur + post[:1]) != 1 or sur in "总副党支委正常代" or any(
                    k.startswith(sur) and (t.endswith(post) or post in t) for k, t in named):
                continue
            role = "business" if post in BUSINESS else "official"
            out.append(mention(m.start(1), m.end(2), text, "person", sur + post, role=role))
    return out


def _names_before_posts(text: str, found: list[Mention], ctx: Context | None = None) -> list[Mention]:
    """张百顺市长强调, 在刘志永副局长的带领下: a name written before its post, at the start of a
    clause or after 在/由/和. A government post is the home place's (甲副县长 -> X县人民政府)."""
    taken = {(m.start, m.end) for m in found}
    out = []
    for m in _BEFORE_POST.finditer(text):
        name = m.group(1)
        if len(name) == 3 and name[-1] in "任为兼是" and name_shaped(name[:2]):
            continue               # 王明任县长: an appointment (appointments.py), not 县长王明任
        if name[-1] in "部局厅处院" and text.startswith(name[-1], m.end(1)):
            continue               # 、宣传部|部长、: the department and its head, no name between
        # before its post, a given name that is also a word (谭清秀) is still a name; a whole word is not
        common = is_vocabulary(name) if len(name) - surname_len(name) == 2 else common_word(name)
        if name_shaped(name) and not common and (m.start(1), m.end(1)) not in taken \
                and "委" not in name and name[-1] not in "副正常代":       # 区委副书记 holds no 区委副
            post = text[m.end(1):m.end()]
            level = GOV_POSTS.get(post.lstrip("常务副"))
            owner = home_division(ctx, level) if ctx is not None and level else None
            titles = {"titles": ((post, full_name(owner.name, "政府")),)} if owner else {}
            out.append(mention(m.start(1), m.end(1), text, "person", name, role="official", **titles))
    return out


def _group_leaders(text: str, found: list[Mention], tagged_names: dict[int, int]) -> list[Mention]:
    """市领导孟军飞出席, 县领导甲、乙陪同: the names right after a group of leaders, one or a list.

    >>> [m.text for m in _group_leaders("市领导韦飞博见证了签约。县领导干部会议", [], {})]
    ['韦飞博']
    """
    taken = {(m.start, m.end) for m in found}
    out = []
    for m in _GROUP_LEADERS.finditer(text):
        pos = m.end()
        while (name := name_at(text, pos, tagged_names)) and name_shaped(name) and not common_word(name):
            if (pos, pos + len(name)) not in taken:
                out.append(mention(pos, pos + len(name), text, "person", name, role="official"))
            pos += len(name)
            if text[pos:pos + 1] != "、":
                break
            pos += 1
    return out


_TOWN_ITEM = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:村|镇|乡|社区|街道)")      # 听取了石桥村、伏漕村…汇报


def _lists(text: str, found: list[Mention], tagged_names: dict[int, int], places: set[str],
           recognised: list[Mention] = ()) -> list[Mention]:
    """刘元朝、柳庆发、陈波在主会场参加会议: names separated by 、; not a list of places
    (到甲乡、官庄镇、黄柏镇调研, 听取了石桥村、伏漕村汇报: towns a surname opens)."""
    taken = {(m.start, m.end) for m in found}
    towns = [(p.start, p.end) for p in recognised if p.type == "place"]
    out = []
    for m in _LIST.finditer(text):
        if sum(1 for t in towns if m.start() <= t[0] < m.end() and t[1] <= m.end() + 3) >= 2 \
                or sum(bool(_TOWN_ITEM.match(part)) for part in m.group().split("、")) >= 2:
            continue
        parts = m.group().split("、")
        names: list[tuple[int, str]] = []
        pos = m.start()
        for i, part in enumerate(parts):
            cand = part
            if i == 0:
                cand = next((part[-k:] for k in (3, 2, 4) if len(part) >= k and name_shaped(part[-k:])), "")
                pos += len(part) - len(cand)
            elif i == len(parts) - 1:
                cand = name_at(text, pos, tagged_names) or ""
            if not name_shaped(cand) or common_word(cand) or sector_compound(cand) or place_shaped(cand, places) \
                    or cand != part[-len(cand):] and i == 0:
                if names and i == len(parts) - 1:
                    break
                names, pos = [], pos + len(cand) + 1
                continue
            names.append((pos, cand))
            pos += len(cand) + 1
        if len(names) >= 2:
            for p, cand in names:
                if (p, p + len(cand)) not in taken:
                    out.append(mention(p, p + len(cand), text, "person", cand, role="official"))
    return out


def _leaders(text: str, found: list[Mention]) -> list[Mention]:
    taken = {(m.start, m.end) for m in found}
    out = []
    for name, (title, org) in leaders().items():
        end = 0          # each name found by str.find, not a pattern per name and page
        while name and (start := text.find(name, end)) >= 0:
            end = start + len(name)
            if (start, end) in taken:
                continue
            written = text[end:end + len(title)] == title and title
            out.append(mention(start, end, text, "person", name, role="official",
                               titles=((title, org or None),) if written else None))
            if written:
                out.append(mention(end, end + len(title), text, "title", title, org=org or None))
    return out
