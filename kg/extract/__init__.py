"""Recognisers, one module per family; `recognise` runs them in the order they depend on.

places -> organizations (need places) -> companies -> events -> people (need orgs and
companies, for titles) -> the tagger's spans -> posts standing alone (titles), then names
found once are found again wherever they recur.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract import (
    companies,
    countries,
    dotted,
    events,
    listed,
    organizations,
    people,
    places,
    tagger,
    titles,
)
from kg.extract.base import Context, SpanIndex, mention
from kg.types import Mention

_PRIORITY = {"event": 0, "company": 1, "organization": 2, "title": 3, "person": 4, "place": 5}


def recognise(text: str, ctx: Context, *, tagged: list[tuple[int, int, str, float]] | None = None) -> list[Mention]:
    """Every mention in `text`: nested spans allowed (a place inside an organisation's
    name), crossing spans resolved in favour of the longer, then the likelier type.

    >>> from kg.divisions import find_home
    >>> ms = recognise("市委书记李长萍出席会议。李长萍指出，", Context(home=find_home("聊城市")))
    >>> [(m.text, m.type, m.key) for m in ms]
    [('市委书记', 'title', '市委书记'), ('市委', 'organization', '中共聊城市委'), ('李长萍', 'person', '李长萍'), ('李长萍', 'person', '李长萍')]
    """
    tagged = tagger.tag(text) if tagged is None else tagged     # the learned CRF, run once a text
    found = places.find(text, ctx)
    found += organizations.find(text, ctx, found)
    found += companies.find(text, ctx)
    found += listed.find(text, ctx, found)
    found += events.find(text, ctx)
    found += people.find(text, ctx, found, tagged=tagged)
    learned = tagged_mentions(text, found, tagged)
    winners = SpanIndex((w.start, w.end) for w in learned if w.type in TAGGER_WINS)
    found = [m for m in found if not _beaten(m, winners)] + learned
    found += _lexicon_mentions(text, ctx)
    found += titles.find(text, ctx, found)          # posts standing without a name
    kept = dotted.find(text, _lengthen_cut_names(text, resolve_overlaps(found)))
    kept += _recurring_people(text, kept)
    kept = _the_firms(text, _bodies_of_titles(text, _learned_bodies(text, kept)))
    sup = ctx.lexicon.suppressed
    kept = [m for m in resolve_overlaps(kept) if not sup or (m.text not in sup and m.key not in sup)]
    return _drop_registration_places(kept, text)


def _the_firms(text: str, found: list[Mention]) -> list[Mention]:
    """集团公司 written alone after 某某集团有限公司 is that company (the one named last, within a
    few sentences); with none named before it, it names no company."""
    firms = sorted((m for m in found if m.type == "company" and m.key not in companies.BARE_FIRMS), key=lambda m: m.end)
    ends = [m.end for m in firms]
    out = []
    for m in found:
        if m.type == "company" and m.key in companies.BARE_FIRMS:
            i = bisect_right(ends, m.start) - 1
            if i < 0 or m.start - ends[i] > companies.BARE_REACH:
                continue
            m = mention(m.start, m.end, text, "company", firms[i].key, **dict(m.attrs), short=True)
        out.append(m)
    return out


def _learned_bodies(text: str, found: list[Mention]) -> list[Mention]:
    """中建八局副总经理甲: a title the rules left without a body takes the learned span of a
    company or organisation written right before it, and so do the titles its chain and its list
    go on with (…党委书记、董事长甲，总经理乙), as the rules' bodies do. Before an officer's title
    (总经理, 董事长, 行长) that span is a company (GUIDELINES: 中建八局 is one)."""
    from kg.extract.posts import BUSINESS, COMPANY_POSTS, bare_post

    learned = {m.end: m for m in found if m.type in ("organization", "company") and m.attr("tagged")}
    if not learned:
        return found
    bodies: dict[int, tuple[str, bool]] = {}       # a title's start -> (its body, a company?)
    firms: set[tuple[int, int]] = set()             # learned organisations that are companies
    chain: list[int] = []         # the titles of the chain or list being read: one body
    body, span, reach = None, None, -1      # its body, the learned span, where the chain has got to
    for m in sorted((m for m in found if m.type in ("title", "person")), key=lambda m: (m.start, -m.end)):
        joined = body is not None and m.start - reach <= 1 and text[reach:m.start] in ("", "、", "，")
        if m.type == "person":
            reach = m.end if joined else reach
            continue
        post = bare_post(m.text)
        if m.attr("org"):
            body = None
        elif (o := learned.get(m.start)) is not None:
            body, span, chain = (o.key, o.type == "company"), o, []
        elif not (joined and (body[1] and post in COMPANY_POSTS or post in BUSINESS)):
            body = None
        if body is None:
            continue
        chain.append(m.start)
        if post in BUSINESS and not body[1]:      # 党委书记、董事长: an officer's title makes it a company
            body = (body[0], True)
        if body[1]:
            firms.add((span.start, span.end))
        for start in chain:
            bodies[start] = body
        reach = m.end
    if not bodies:
        return found
    written: dict[str, tuple[list[int], list[int]]] = {}     # each title's text -> its ends and starts, in order
    for t in sorted((t for t in found if t.type == "title"), key=lambda t: t.end):
        ends, starts = written.setdefault(t.text, ([], []))
        ends.append(t.end)
        starts.append(t.start)
    out = []
    for m in found:
        if m.type == "title" and m.start in bodies and not m.attr("org"):
            key, firm = bodies[m.start]
            m = mention(m.start, m.end, text, "title", m.key, **(dict(m.attrs) | {"org": key, "company": key if firm else None}))
        elif m.type == "organization" and (m.start, m.end) in firms:
            m = mention(m.start, m.end, text, "company", m.key, **dict(m.attrs))
        elif m.type == "person" and any(org is None for _, org in m.attr("titles") or ()):
            titled = tuple((title, bodies[last][0] if org is None and (last := _last_before(written, title, m.start))
                            in bodies else org) for title, org in m.attr("titles"))
            m = mention(m.start, m.end, text, "person", m.key, **(dict(m.attrs) | {"titles": titled}))
        out.append(m)
    return out


def _last_before(written: dict[str, tuple[list[int], list[int]]], title: str, pos: int) -> int | None:
    """The start of the last `title` written that ends by `pos` (the one a name after it holds)."""
    ends, starts = written.get(title, ((), ()))
    i = bisect_right(ends, pos) - 1
    return starts[i] if i >= 0 else None


def _bodies_of_titles(text: str, found: list[Mention]) -> list[Mention]:
    """南大街街道党工委书记: the body a title names (中共南大街街道工作委员会) is the body its
    written unit stands for, there and wherever the page writes that unit again."""
    by_start: dict[int, str] = {}
    for t in found:                 # in order: the first title at a place names its body
        if t.type == "title" and t.attr("org"):
            by_start.setdefault(t.start, t.attr("org"))
    renamed = {m.key: by_start[m.start] for m in found
               if m.type == "organization" and m.key == m.text and by_start.get(m.start, m.key) != m.key
               and by_start[m.start].endswith("委员会") and by_start[m.start].startswith("中共")}
    if not renamed:
        return found
    return [mention(m.start, m.end, text, m.type, renamed[m.key], **dict(m.attrs))
            if m.type == "organization" and m.key in renamed else m for m in found]


_UNIT_OF_COMPANY = re.compile("|".join((*companies.COMPANY_UNITS, "分公司", "子公司", "公司")))


def _drop_registration_places(found: list[Mention], text: str) -> list[Mention]:
    """贵州 in 贵州茅台酒股份有限公司 is part of a registered name, not a mention of the province;
    nor is 山东 in 华润电力控股有限公司山东大区 (a company's own unit, named by its region)."""
    companies_ = SpanIndex((m.start, m.end) for m in found if m.type == "company")
    company_ends = {m.end for m in found if m.type == "company"}
    # 海东 in 韩海东, 六安 in 六安村: a division's short form inside a person's or a village's name
    holders = SpanIndex((m.start, m.end) for m in found if m.type == "person"
                        or m.type == "place" and m.attr("level") in ("village", "township"))
    return [m for m in found if not (m.type == "place" and (any(
        c[0] <= m.start and m.end <= c[1] for c in companies_.overlapping(m.start, m.end))
        or m.start in company_ends and _UNIT_OF_COMPANY.match(text, m.end)
        or m.attr("code") and m.text != m.key and any(
            c[0] <= m.start and m.end <= c[1] and (c[0], c[1]) != (m.start, m.end)
            for c in holders.overlapping(m.start, m.end))))]


def _lexicon_mentions(text: str, ctx: Context) -> list[Mention]:
    """Every surface form of a user-lexicon entry, under its canonical name."""
    out = []
    for type_ in ("person", "place", "organization", "company", "event"):
        for surface, canonical in ctx.lexicon.names_of(type_).items():
            for hit in re.finditer(re.escape(surface), text):
                out.append(mention(hit.start(), hit.end(), text, type_, canonical,
                                   role="other" if type_ == "person" else None, lexicon=True))
    return out


_POST_TAIL = re.compile(r"(?:书记|市长|县长|区长|主任|主席|部长|局长|经理|董事长|省长|州长|镇长)$")
_ORG_TAIL = re.compile(r"(?:中心|局|委|委员会|院|站|所|馆|办公室|协会|学会|学校|大学|学院|医院|公司|集团)$")
_CONGRESS = re.compile(r"(?:党的)?[一二三四五六七八九十]{1,3}大")
# 镇江经开区调研春季农业生产, 某某街道检查防汛: a span running on into what its party did is no name (调研组 is one)
_ACTS_INSIDE = re.compile(r"(?:调研|考察|视察|走访|召开|举行|出席|检查|督导|督查|察看|查看|慰问|看望|暗访|开展)"
                          r"(?!组|团|室|处|站|中心|小组)")
_LEADING_VERB = re.compile(r"来到|走进|深入|前往|走访|考察|调研|视察|看望|慰问|途经|位于|地处|赴|到|在|于")
# the wards, halls and shops of any hospital, office or firm: no body of their own
_PARTS_OF_A_UNIT = {"住院部", "门诊部", "门诊楼", "住院楼", "急诊科", "急诊部", "生产车间", "车间", "展厅", "展示厅",
                    "办事大厅", "服务大厅", "政务服务大厅", "便民服务大厅", "服务窗口"}
_TAG_MIN_CONFIDENCE = {"person": 0.6, "place": 0.7, "organization": 0.7, "company": 0.7}
# Which side wins where a confident tagger span of a type crosses or covers a rule span (the
# rules' spans inside it are kept), measured per type (docs/ner.md "How rules and tagger combine").
# Letting the tagger win for one type, F1 of recognise's outermost spans on fold 0 of the CV
# (600 sentences each; rules win everywhere: CLUENER 0.592, People's Daily 0.725) and real
# pages (../shared/dev; rules win: entities 0.835, facts 0.569):
#   person        CLUENER 0.593  PD 0.726   dev entities 0.826  facts 0.317
#   place                 0.596     0.729                0.826        0.559
#   organization          0.597     0.736                0.811        0.545
#   company               0.597     0.725                0.840        0.568
# The folds gain at most 0.011, the real pages lose facts for every type (the rules' spans carry
# the titles, organisations and places the relations read), so the rules win every overlap.
TAGGER_WINS: frozenset[str] = frozenset()


def _beaten(m: Mention, winners: SpanIndex) -> bool:
    """A rule mention that a winning tagger span (`winners`: those of TAGGER_WINS types, indexed
    once, not scanned per mention) crosses, covers, or retypes."""
    return m.type != "title" and any(
        not (ws <= m.start and m.end <= we and (m.start, m.end) != (ws, we))
        for ws, we in winners.overlapping(m.start, m.end))


def tagged_mentions(text: str, found: list[Mention], tagged: list[tuple[int, int, str, float]]) -> list[Mention]:
    """Spans of the learned tagger that no rule found, for every type; names must look like names."""
    from kg.divisions import gazetteer
    from kg.extract.base import name_shaped, place_shaped, place_words, sector_compound
    from kg.extract.names import name_at
    from kg.segment import frequency
    from kg.segment import tag as pos

    out = []
    spans = SpanIndex((m.start, m.end, m.type) for m in found if m.type != "title")
    learned_spans: set[tuple[int, int, str]] = set()     # never cross each other, whoever wins
    written_places = place_words(found)
    found_starts = {m.start for m in found if m.type in ("place", "organization", "company")}
    for start, tag_end, type_, conf in tagged:
        end, name = tag_end, text[start:tag_end]
        lead = _LEADING_VERB.match(name) if type_ != "person" else None
        if lead and start + lead.end() in found_starts:     # 来到|阿城镇五里村: the verb is no part of it
            start, name = start + lead.end(), name[lead.end():]
        if _CONGRESS.fullmatch(name) or type_ != "person" and name in _PARTS_OF_A_UNIT:
            continue           # 党的十八大以来: a time, not a body; 医院门诊楼、住院部: rooms of a unit named before
        known_name = type_ == "person" and pos(name).startswith("nr") and conf >= 0.3   # 孔繁森: jieba knows him
        if (conf < _TAG_MIN_CONFIDENCE.get(type_, 1.1) and not known_name) or any(
                not (start <= s and e < end and t == "place" and type_ in ("organization", "company"))
                and not (type_ in TAGGER_WINS and (s, e, t) not in learned_spans)
                for s, e, t in spans.overlapping(start, end)):
            continue       # an organisation may hold a found place (中国 in 中国共产党), nothing may cross
        if type_ == "person":
            if (frequency(name) > 30 and not pos(name).startswith("nr")) or _POST_TAIL.search(name) \
                    or sector_compound(name) or place_shaped(name, written_places):
                continue
            if not name_shaped(name) and not (conf >= 0.8 and 2 <= len(name) <= 12
                                              and word_aligned(text, start, end)):
                continue
            better = name_at(text, start)          # 潘立|群在: the tagger ends too early
            if better and better.startswith(name) and set(better[len(name):]) & tagger.NOT_NAME_END:
                better = None                      # but not 张东|还调研: an adverb is no name
            if better and better != name:
                if spans.overlapping(start, start + len(better)):
                    continue
                name = better
            end = start + len(name)
            out.append(mention(start, end, text, "person", name, role="other", tagged=True))
        elif len(name) >= 2 and word_aligned(text, start, end) and not _ACTS_INSIDE.search(name):
            if type_ == "place" and _ORG_TAIL.search(name):
                type_ = "organization"           # 青海湖裸鲤救护中心 is a body, not a place
            if type_ == "place" and name in countries.names() and countries.no_country_at(text, end):
                continue
            div = gazetteer().lookup(name) if type_ == "place" else None
            key = div.name if div else name
            out.append(mention(start, end, text, type_, key, tagged=True,
                               level=div.level if div else None, code=div.code if div else None))
        spans.add((start, end, type_))
        learned_spans.add((start, end, type_))
    return out


def word_aligned(text: str, start: int, end: int) -> bool:
    """A span must start and end where jieba's words of a window around it do (not 中华 of
    中华民族), and not open with a verb (开新局)."""
    from kg.segment import tag as pos
    from kg.segment import words

    lo = max(0, start - 4)
    bounds, at = {lo}, lo
    toks = words(text[lo:min(len(text), end + 4)])
    for tok in toks:
        at += len(tok)
        bounds.add(at)
    if start not in bounds or end not in bounds:
        return False
    first = next((text[start:e] for e in range(start + 1, end + 1) if e in bounds), text[start:end])
    return not (pos(first) or pos(first[0])).startswith("v")


def resolve_overlaps(found: list[Mention]) -> list[Mention]:
    """Drop duplicates and crossing spans; nesting is kept. Of two mentions of one span and type, a
    rule's (with the titles it read) wins over the learned tagger's, whatever the set's order."""
    order = sorted(set(found), key=lambda m: (not m.attr("lexicon"), not m.attr("rehomed"), -(m.end - m.start),
                                              _PRIORITY.get(m.type, 9), m.start, m.key, bool(m.attr("tagged")),
                                              not m.attr("titles")))
    kept: list[Mention] = []
    by_start: dict[int, list[Mention]] = {}
    near_at = by_start.get
    longest = 0
    for m in order:
        if any(_conflicts(m, near) for s in range(m.start - longest, m.end) if (near := near_at(s))):
            continue
        kept.append(m)
        by_start.setdefault(m.start, []).append(m)
        longest = max(longest, m.end - m.start)
    return sorted(kept, key=lambda m: (m.start, -m.end, m.type))


def _conflicts(m: Mention, near: list[Mention]) -> bool:
    for k in near:
        if k.start < m.start < k.end < m.end or m.start < k.start < m.end < k.end:
            return True                                     # crossing
        if (k.start, k.end) == (m.start, m.end) and (k.type == m.type or "title" not in (k.type, m.type)):
            return True                                     # same span twice
        if k.type == "person" and k.start <= m.start and m.end <= k.end:
            return True                                     # nothing inside a name
        if m.type == "person" and k.type == "place" and k.attr("level") in ("township", "village") \
                and k.start <= m.start and m.end <= k.end and (k.start, k.end) != (m.start, m.end):
            return True                                     # 赛罕高|毕苏木: no name inside a town's
    return False


def _lengthen_cut_names(text: str, found: list[Mention]) -> list[Mention]:
    """赵建|才20分钟的演讲: a name cut short where the text goes on to spell a longer name the page
    gives elsewhere (市领导王文超、赵建才) is that name.

    >>> t = "市领导王文超、赵建才出席。赵建才20分钟的演讲"
    >>> [m.text for m in _lengthen_cut_names(t, [mention(7, 10, t, "person", "赵建才"), mention(13, 15, t, "person", "赵建")])]
    ['赵建才', '赵建才']
    """
    names = {m.key for m in found if m.type == "person" and m.key == m.text and len(m.key) >= 2}
    longer: dict[str, list[str]] = {}        # a name -> the longer names it begins, longest first
    for x in names:                          # by each name's prefixes: linear in the names
        for k in range(2, len(x)):
            if x[:k] in names:
                longer.setdefault(x[:k], []).append(x)
    if not longer:
        return found
    for xs in longer.values():
        xs.sort(key=lambda x: (-len(x), x))
    starts = {m.start for m in found if m.type != "title"}
    out = []
    for m in found:
        full = next((x for x in longer.get(m.key, ()) if m.type == "person" and text.startswith(x, m.start)
                     and not starts & set(range(m.end, m.start + len(x)))), None)
        out.append(m if full is None else mention(m.start, m.start + len(full), text, "person", full,
                                                  **dict(m.attrs)))
    return out


def _recurring_people(text: str, found: list[Mention]) -> list[Mention]:
    """A name found once (after a title, in a list) is the same person wherever it recurs."""
    from kg.segment import find_words

    known: dict[str, Mention] = {}
    for m in found:
        if m.type == "person" and len(m.key) >= 2 and m.key == m.text:
            known.setdefault(m.key, m)
    if not known:
        return []
    spans = SpanIndex((m.start, m.end) for m in found if m.type != "title")
    out = []
    for s, e, name in find_words(known, text):
        if spans.overlapping(s, e):
            continue
        spans.add((s, e))
        out.append(mention(s, e, text, "person", name, role=known[name].attr("role")))
    return out
