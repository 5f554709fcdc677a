"""People and their posts: names after titles and title chains, name lists, bylines,
national leaders, and the learned tagger where the rules have nothing to say.

A person mention's attrs carry `role` and `titles` ((title, organisation key), …); each
title is also a mention of type "title", so a post can be scored span by span.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from kg.extract.base import Context, follow_length, follows_name, mention, name_shaped, surname_len
from kg.extract.organizations import full_name
from kg.extract.places import home_division
from kg.segment import frequency, tag
from kg.types import Mention

POSTS = ("总书记", "党委书记", "党组书记", "党工委书记", "支部书记", "第一书记", "书记", "常委", "秘书长",
         "市长", "省长", "县长", "区长", "州长", "镇长", "乡长", "旗长", "盟长", "主任委员", "主任", "主席",
         "部长", "局长", "厅长", "处长", "科长", "检察长", "院长", "庭长", "董事长", "总经理", "经理", "总裁",
         "总监", "行长", "理事长", "会长", "校长", "政委", "司令员", "总工程师", "社长", "总编辑", "巡视员",
         "调研员", "队长", "所长", "站长", "馆长", "团长", "组长", "委员长", "总理", "委员", "首席执行官")
_POST_RE = re.compile("|".join(sorted(POSTS, key=len, reverse=True)))
_MODS = ("常务", "代理", "执行", "名誉", "党组", "党委", "副", "代", "兼")
_UNIT_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:部|办公室|办)")
_BUSINESS = {"董事长", "总经理", "经理", "总裁", "总监", "行长", "首席执行官"}
_GOV_POSTS = {"市长": "市", "省长": "省", "县长": "县", "区长": "区", "州长": "州"}
_BYLINE = re.compile(r"[（(]\s*((?:本报|特约|见习|实习)?(?:记者|通讯员|实习生|摄影)[^（）()]{1,60})[）)]")
_BYLINE_ROLE = re.compile(r"(?:本报|特约|见习|实习)?(?:记者|通讯员|实习生|摄影|摄)")
_CAPTION = re.compile(r"(?:■|本报记者)\s*((?:[\u4e00-\u9fff]{2,4}\s*){1,4})")
_LIST = re.compile(r"(?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,8}")


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
    out += _appointments(text, ctx, orgs, out)
    out += _bylines(text, out)
    out += _lists(text, out, tagged_names)
    out += _names_before_posts(text, out)
    out += _leaders(text, out)
    return sorted(out, key=lambda m: (m.start, -m.end, m.type))


def _name_at(text: str, pos: int, tagged_names: dict[int, int] | None = None) -> str | None:
    """The personal name that starts at `pos`, if the text after it lets a name end there
    (or, failing that, where the learned tagger ends a name that starts there)."""
    sn = surname_len(text[pos:pos + 2])
    if not sn:
        return None
    valid = [k for k in (sn + 1, sn + 2) if pos + k <= len(text) and name_shaped(text[pos:pos + k])
             and follows_name(text, pos + k)
             and not _is_vocabulary(text[pos:pos + k])]
    if not valid:
        end = (tagged_names or {}).get(pos)
        if end and name_shaped(text[pos:end]) and not _is_vocabulary(text[pos:end]):
            return text[pos:end]
        return _segmented_name(text, pos, sn)
    if len(valid) == 2:     # 罗成陪同: the reading followed by the longer verb wins (陪同 over 同)
        a, b = (follow_length(text, pos + k) for k in valid)
        if a > b or (a == b and text[pos + valid[1] - 1] in "在和与及等的是也还则为对向就说到来率同一"):
            return text[pos:pos + valid[0]]
        return text[pos:pos + valid[1]]
    return text[pos:pos + valid[0]]


def _unmarked_name_at(text: str, pos: int, tagged_names: dict[int, int]) -> str | None:
    """A name without a Han surname (泽仁多吉, 才让东智) after a title: only the tagger can say."""
    end = tagged_names.get(pos)
    if end and 2 <= end - pos <= 6 and follows_name(text, end) and not _is_common_word(text[pos:end]):
        return text[pos:end]
    return None


def _segmented_name(text: str, pos: int, sn: int) -> str | None:
    """No verb we know follows: let jieba's words of the window say where the name ends."""
    from kg.segment import words

    toks = words(text[pos:pos + 8])
    if not toks:
        return None
    cand = toks[0]
    if len(cand) == sn and len(toks) > 1 and len(toks[1]) <= 2:
        cand += toks[1]
    known_word = frequency(cand) > 0 and not tag(cand).startswith("nr")
    if not name_shaped(cand) or known_word or _is_common_word(cand) or cand[-1] in "要会将都也还就才又再把被让使":
        return None
    return cand


def _titled(text: str, ctx: Context, orgs: list[Mention], tagged_names: dict[int, int],
            places: list[Mention]) -> list[Mention]:
    place_by_end = {p.end: p for p in places if p.type == "place" and not p.attr("ref")}
    org_by_end = {}
    for o in orgs:
        org_by_end.setdefault(o.end, o)
    out = []
    last_org: tuple[int, str | None] = (-99, None)
    place_at = {p.start: p for p in places if p.type == "place"}
    prev: tuple[int, list[Mention]] = (-99, [])
    for m in _POST_RE.finditer(text):
        name = _name_at(text, m.end(), tagged_names) or _unmarked_name_at(text, m.end(), tagged_names)
        if not name:
            continue
        chain = _title_chain(text, m.start(), m.end(), ctx, org_by_end, place_by_end)
        if not chain:
            continue
        chain = _visitors(text, chain, prev, place_at, ctx)
        prev = (m.end() + len(name), chain)
        if chain[0].attr("org") is None and _bare_post(chain[0].text) in ("秘书长", "副秘书长") \
                and text[chain[0].start - 1:chain[0].start] == "，" and m.start() - last_org[0] < 40:
            chain = [mention(t.start, t.end, text, "title", t.key, org=last_org[1]) for t in chain]
        if chain[-1].attr("org"):        # …副主席A、B，秘书长C: C is the same body's secretary-general
            last_org = (m.end(), chain[-1].attr("org"))
        titles = tuple((t.text, t.attr("org")) for t in chain)
        role = "business" if any(t.attr("company") for t in chain) or m.group() in _BUSINESS else "official"
        out += chain
        pos = m.end()
        while name:           # 市政协副主席司马红、钱国良、俞佳妮: the title covers the whole list
            out.append(mention(pos, pos + len(name), text, "person", name, role=role, titles=titles))
            pos += len(name)
            name = _name_at(text, pos + 1, tagged_names) if text[pos:pos + 1] == "、" else None
            pos += 1
    return out


def _visitors(text: str, chain: list[Mention], prev: tuple[int, list[Mention]], place_at: dict[int, Mention],
              ctx: Context) -> list[Mention]:
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


def _title_chain(text: str, post_start: int, post_end: int, ctx: Context,
                 org_by_end: dict[int, Mention], place_by_end: dict[int, Mention] | None = None) -> list[Mention]:
    """Titles ending at post_end, then any before them joined by 、 (市委副书记、市长)."""
    chain: list[Mention] = []
    end, start = post_end, post_start
    while True:
        title = _one_title(text, start, end, ctx, org_by_end, place_by_end or {})
        chain.insert(0, title)
        if title.start == 0 or text[title.start - 1] not in "、兼":
            break
        prev_post = None
        for pm in _POST_RE.finditer(text, max(0, title.start - 8), title.start - 1):
            if pm.end() == title.start - 1:
                prev_post = pm
        if prev_post is None:
            break
        end, start = prev_post.end(), prev_post.start()
    inherited, company = None, None
    fixed = []
    for t in chain:
        org = t.attr("org") or _inherit(t.text, inherited)
        inherited = org or inherited
        company = t.attr("company") or (company if org == company else None)
        fixed.append(mention(t.start, t.end, text, "title", t.key, org=org, company=company))
    return fixed


def _inherit(title: str, org: str | None) -> str | None:
    """A title with no body of its own belongs to the chain's: 县委常委、宣传部部长 -> 中共X县委宣传部;
    嘉定区委副书记、区长 -> 嘉定区人民政府; 河钢集团党委书记、董事长 -> 河钢集团."""
    if org is None:
        return None
    post = _bare_post(title)
    unit = title[: len(title) - len(post)].lstrip("副常务代理执行")
    if post in _GOV_POSTS:
        m = re.fullmatch(r"中共(.+)委", org)
        place = m.group(1) if m else None
        return full_name(place, "政府") if place and place.endswith(_GOV_POSTS[post]) else None
    if unit and re.fullmatch(r"[\u4e00-\u9fff]{1,8}(?:部|办公室|办|委员会|局)", unit):
        return org + unit
    return org


def _bare_post(title: str) -> str:
    m = _POST_RE.search(title)
    return m.group() if m else title


def _one_title(text: str, post_start: int, post_end: int, ctx: Context,
               org_by_end: dict[int, Mention], place_by_end: dict[int, Mention] | None = None) -> Mention:
    start = post_start
    while True:
        for mod in _MODS:
            if text.startswith(mod, start - len(mod)) and start - len(mod) >= 0:
                start -= len(mod)
                break
        else:
            break
    if text[start - 1:start] == "原" and (place_by_end or {}).get(start - 1):   # 潍坊市原市长: a former one
        start -= 1
    org = org_by_end.get(start)
    post = text[post_start:post_end]
    if org is not None and org.type == "company":     # 总经理 of the company named before it
        return mention(start, post_end, text, "title", org=org.key, company=org.key)
    if org is not None:
        return mention(org.start, post_end, text, "title", org=org.key)
    level_char = _GOV_POSTS.get(post)
    place = (place_by_end or {}).get(start)
    if level_char and place is not None and place.key.endswith(level_char):   # 深圳市副市长
        return mention(place.start, post_end, text, "title", org=full_name(place.key, "政府"))
    owner = home_division(ctx, level_char, before=start, places=list((place_by_end or {}).values())) \
        if level_char else None
    org_key = full_name(owner.name, "政府") if owner else None
    unit = _UNIT_BEFORE.search(text, max(0, start - 6), start) if org_key is None else None
    if unit and unit.end() == start and text[unit.start() - 1:unit.start()] in ("、", "兼"):
        start = unit.start()          # 县委常委、宣传部部长: the unit belongs to the chain's body
    return mention(start, post_end, text, "title", org=org_key)


_APPOINT = re.compile(r"(任命|免去|选举)")
_APPOINTEE = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:同志)?(为|的)([^，。；：\n]{2,40}?)(?:职务|[，。；]|$)")
# name first: X当选为Y, X同志任Y, X同志不再担任Y职务 (elections and party decisions)
_TAKES = re.compile(r"(?:^|(?<=[，。；：\s]))([\u4e00-\u9fff]{2,3}?)(?:同志)?(当选为|当选|不再担任|辞去|出任|担任|任)"
                    r"([^，。；：\n]{2,40}?)(?:职务|[，。；]|$)", re.MULTILINE)
_REMOVING = ("免去", "不再担任", "辞去")


def _appointments(text: str, ctx: Context, orgs: list[Mention], found: list[Mention]) -> list[Mention]:
    """决定任命X为Y, 选举X为Y, X当选为Y, X同志任Y (appointed) and 免去X的Y职务, X不再担任Y职务
    (removed), with every post in Y."""
    taken = {(m.start, m.end) for m in found}
    org_by_end = {o.end: o for o in orgs}
    out = []
    for kw in _APPOINT.finditer(text):
        change = "removed" if kw.group() in _REMOVING else "appointed"
        pos = kw.end()
        while True:
            m = _APPOINTEE.match(text, pos)
            if not m or not name_shaped(m.group(1)) or (m.group(2) == "为") != (change == "appointed"):
                break
            out += _changed(text, m, ctx, org_by_end, change, taken)
            pos = m.end()
            if text[pos - 1:pos] != "，" and text[pos:pos + 1] != "，":
                break
            pos += 1 if text[pos:pos + 1] == "，" else 0
    for m in _TAKES.finditer(text):
        if name_shaped(m.group(1)) and not _is_vocabulary(m.group(1)):
            out += _changed(text, m, ctx, org_by_end, "removed" if m.group(2) in _REMOVING else "appointed", taken)
    return out


def _changed(text: str, m: re.Match[str], ctx: Context, org_by_end: dict[int, Mention], change: str,
             taken: set[tuple[int, int]]) -> list[Mention]:
    """The person (group 1) and every post (group 3) of one appointment or removal."""
    titles, inherited = [], None
    for part_start, part in _title_parts(m.start(3), m.group(3)):
        post = _POST_RE.search(part)
        if not post or post.end() != len(part):
            continue
        t = _one_title(text, part_start + post.start(), part_start + post.end(), ctx, org_by_end)
        org = t.attr("org") or _inherit(part, inherited)     # 中共X市委书记、常委、委员: the chain's body
        inherited = org or inherited
        titles.append(mention(part_start, part_start + len(part), text, "title", part, org=org,
                              company=t.attr("company"), change=change))
    if not titles:
        return []
    out = list(titles)
    name_span = (m.start(1), m.end(1))
    if name_span not in taken:
        taken.add(name_span)
        out.append(mention(*name_span, text, "person", m.group(1), role="official",
                           titles=tuple((t.text, t.attr("org")) for t in titles), change=change))
    return out


def _title_parts(start: int, span: str) -> list[tuple[int, str]]:
    parts, pos = [], start
    for piece in span.split("、"):
        parts.append((pos, piece))
        pos += len(piece) + 1
    return parts


def _bylines(text: str, found: list[Mention]) -> list[Mention]:
    taken = {(m.start, m.end) for m in found}
    out = []
    spans = [(m.start(1), m.end(1)) for m in _BYLINE.finditer(text)]
    spans += [(m.start(1), m.end(1)) for m in _CAPTION.finditer(text)]
    for s, e in spans:
        for tok in re.finditer(r"[\u4e00-\u9fff]+", text[s:e]):
            word = tok.group()
            rest = _BYLINE_ROLE.sub("", word) if _BYLINE_ROLE.match(word) else word
            offset = s + tok.start() + (len(word) - len(rest))
            if 2 <= len(rest) <= 4 and surname_len(rest) and (offset, offset + len(rest)) not in taken:
                out.append(mention(offset, offset + len(rest), text, "person", rest, role="journalist"))
    return out


def _is_vocabulary(tok: str) -> bool:
    """强调 after 书记 in 高书记强调 is a word, not a name."""
    return frequency(tok) > 30 and not tag(tok).startswith("nr")


def _is_common_word(tok: str) -> bool:
    """A word that is more likely vocabulary than a name (保障 in 强保障, 全国)."""
    if frequency(tok) > 30 and not tag(tok).startswith("nr"):
        return True
    given = tok[surname_len(tok):]
    return len(given) == 2 and (tag(given)[:1] in ("v", "a", "d", "c", "p", "u") or frequency(given) >= 5000)


_BEFORE_POST = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,3})(?:书记|市长|县长|区长|省长|主任|主席|"
                          r"部长|局长|董事长|总经理|院长|校长)(?=[，。、；：]|强调|指出|表示|要求|说|介绍|在|主持|讲话|出席)")


def _names_before_posts(text: str, found: list[Mention]) -> list[Mention]:
    """张百顺市长强调: a name written before its post, at the start of a clause."""
    taken = {(m.start, m.end) for m in found}
    out = []
    for m in _BEFORE_POST.finditer(text):
        name = m.group(1)
        if name_shaped(name) and not _is_common_word(name) and (m.start(1), m.end(1)) not in taken:
            out.append(mention(m.start(1), m.end(1), text, "person", name, role="official"))
    return out


def _lists(text: str, found: list[Mention], tagged_names: dict[int, int]) -> list[Mention]:
    """刘元朝、柳庆发、陈波在主会场参加会议: names separated by 、."""
    taken = {(m.start, m.end) for m in found}
    out = []
    for m in _LIST.finditer(text):
        parts = m.group().split("、")
        names: list[tuple[int, str]] = []
        pos = m.start()
        for i, part in enumerate(parts):
            cand = part
            if i == 0:
                cand = next((part[-k:] for k in (3, 2, 4) if len(part) >= k and name_shaped(part[-k:])), "")
                pos += len(part) - len(cand)
            elif i == len(parts) - 1:
                cand = _name_at(text, pos, tagged_names) or ""
            if not name_shaped(cand) or _is_common_word(cand) or cand != part[-len(cand):] and i == 0:
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
        for m in re.finditer(re.escape(name), text):
            if (m.start(), m.end()) in taken:
                continue
            written = text[m.end():m.end() + len(title)] == title and title
            out.append(mention(m.start(), m.end(), text, "person", name, role="official",
                               titles=((title, org or None),) if written else None))
            if written:
                out.append(mention(m.end(), m.end() + len(title), text, "title", title, org=org or None))
    return out
