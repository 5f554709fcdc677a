"""Appointments and removals read from congress and government notices, in every form:

    决定任命甲为X、乙为Y          任命甲、乙为X          决定任命甲任X
    免去丙的X职务、丁的Y职务      免去丙X职务            接受戊辞去X职务的请求
    选举己为X                    己当选为X              提请…任命甲为X
    甲同志任X                    甲不再担任X职务
    会议任命：甲为X；乙为Y（one a line）  会议免去：丙的X职务；丁的Y职务
    甲，男，…，现任X，拟任Y (a nominee's profile: X is held, Y is not yet)
    甲被任命为X                   通过了关于任命甲为X的决定 (not 提请…的议案: a proposal)

Every appointee gets one post per title (`change` = appointed or removed); each title's body
is found as for any title (市人民政府副市长 -> the city government; 市公安局局长 -> that bureau
of the home place). The cue words are the table below: a new form is a new row.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from kg.extract.base import mention, name_shaped
from kg.extract.posts import inherit
from kg.types import Mention

# cue -> (change, how the name is tied to the title after it)
CUES: dict[str, tuple[str, str]] = {
    "任命": ("appointed", "为|任"), "聘任": ("appointed", "为|任"), "选举": ("appointed", "为"),
    "补选": ("appointed", "为"),
    "免去": ("removed", "的|"), "免除": ("removed", "的|"), "撤销": ("removed", "的"), "辞去": ("removed", ""),
}
_CUE = re.compile("|".join(sorted(CUES, key=len, reverse=True)))
_NAME = r"[\u4e00-\u9fff]{2,4}?"
# name first, at the start of a clause: 甲当选为X, 甲同志任X, 甲不再担任X职务
NAME_FIRST = {"当选为": "appointed", "当选": "appointed", "出任": "appointed", "担任": "appointed",
              "被任命为": "appointed", "被选举为": "appointed", "被选为": "appointed",
              "任": "appointed", "不再担任": "removed"}
_ELECTED = re.compile(rf"(?:^|(?<=[，。；：\s]))({_NAME})(?:同志)?"
                      rf"({'|'.join(sorted(NAME_FIRST, key=len, reverse=True))})(?<!任(?=命))"
                      r"([^，。；：\n（(]{2,40}?)(?=职务|[，。；（(]|$)", re.MULTILINE)
_ASIDE = re.compile(r"[（(][^）)]{1,8}[）)]")             # 副主任（正科级）, 局长（试用期一年）: an aside
_TITLES_END = re.compile(rf"职务(?:的请求)?|一职|(?=[，。；\n]|$)|(?={_ASIDE.pattern})|(?=的决定)")   # 关于任命甲为X的决定
_LIST_OPENS = re.compile(r"[：:]\s*")
_NEXT_ITEM = re.compile(r"[、，；]\s*|\n\s*")       # the next appointee: in the sentence, or on the next line
_NEXT_APPOINTEE = re.compile(r"、[\u4e00-\u9fff]{2,4}?(?:同志)?(?:为|任)")
# a list counted before its tie: 任命甲、乙、丙三位同志为X, 接受甲、乙等五名同志辞去X职务
_COUNT = re.compile(r"等?[一二三四五六七八九十两\d]{1,3}[位名](?=同志)")
_RESIGNERS = re.compile(r"接受((?:[\u4e00-\u9fff]{2,4}、)*[\u4e00-\u9fff]{2,4}?)"
                        r"(?:等?[一二三四五六七八九十两\d]{1,3}[位名])?(?:同志)?$")

TitleMaker = Callable[[int, int], Mention]     # (start, end of a post in text) -> title mention


def find(text: str, *, title_at: TitleMaker, post_re: re.Pattern, taken: set[tuple[int, int]]) -> list[Mention]:
    """Person and title mentions of every appointment and removal in `text`.

    `title_at` makes the title mention (with its body) for a post ending at a position;
    `post_re` matches the posts (书记, 市长 …); spans in `taken` already hold a person.
    """
    out: list[Mention] = []
    for cue in _CUE.finditer(text):
        change, ties = CUES[cue.group()]
        if cue.group() == "辞去":
            out += _resignation(text, cue, title_at, post_re, taken, out)
            continue
        pos = cue.end()
        if (colon := _LIST_OPENS.match(text, pos)) is not None:
            pos = colon.end()          # 会议任命：\n甲为X；\n乙为Y: one appointee a line
        while True:
            got = _appointee(text, pos, ties, change, title_at, post_re, taken)
            if got is None:
                break
            mentions, pos = got
            out += mentions
            if (aside := _ASIDE.match(text, pos)) is not None:
                pos = aside.end()
            sep = _NEXT_ITEM.match(text, pos)
            if sep is None or not name_shaped(_lead_name(text, sep.end())):
                break
            pos = sep.end()
    for m in _ELECTED.finditer(text):
        if name_shaped(m.group(1)):
            out += _post_mentions(text, [(m.start(1), m.end(1))], m.start(3), m.group(3), NAME_FIRST[m.group(2)],
                                  title_at, post_re, taken)
    for m in _PROFILE.finditer(text):               # 任前公示: 甲，男，…，现任X，拟任Y (拟任 is no post yet)
        k = next((k for k in (3, 2) if m.start() >= k and name_shaped(text[m.start() - k:m.start()])), 0)
        if k:           # the name ends at the profile's first comma (a headline may run into it)
            out += _post_mentions(text, [(m.start() - k, m.start())], m.start(1), m.group(1), None,
                                  title_at, post_re, taken)
    for m in _REMOVED_PRONOUN.finditer(text):        # 甲同志任X，免去其Y职务: 其 is the one just named
        named = [p for p in out if p.type == "person" and p.end <= m.start() and m.start() - p.end < 60]
        if named:
            found = _post_mentions(text, [(m.start(1) - 1, m.start(1))], m.start(1), m.group(1), "removed",
                                   title_at, post_re, taken)
            out += [mention(x.start, x.end, text, "person", named[-1].key, **dict(x.attrs), pronoun=True)
                    if x.type == "person" else x for x in found]
    return out


# a profile in a list of nominees or a biography: 甲，男，汉族，1978年3月生，…，现任X
_PROFILE = re.compile(r"[，,](?=[男女][，,])[^。；\n]{0,80}?[，,]现任([^，,。；\n]{2,40}?)(?=[，,。；\n]|$)")
_REMOVED_PRONOUN = re.compile(r"免去其([^，。；：\n]{2,40}?)职务")


def _lead_name(text: str, pos: int) -> str:
    m = re.match(r"[\u4e00-\u9fff]{2,3}", text[pos:])
    return next((m.group()[:k] for k in (3, 2) if m and name_shaped(m.group()[:k])), "")


def _appointee(text, pos, ties, change, title_at, post_re, taken):
    """甲、乙为X (or 甲的X职务, 甲X职务) at `pos`: the mentions and where the titles end."""
    names: list[tuple[int, int]] = []
    tie_re = _tie(ties)
    while True:
        ks = sorted((3, 2, 4), key=lambda k: not text.startswith("同志", pos + k))    # 周玲|同志的: not 周玲同
        k = next((k for k in ks if name_shaped(text[pos:pos + k])
                  and (text.startswith("、", pos + k) or tie_re.match(text, pos + k) or _counted(text, pos + k, tie_re))),
                 None)
        if k is None:
            return None
        names.append((pos, pos + k))
        pos += k
        if not text.startswith("、", pos):
            break
        pos += 1
    count = _COUNT.match(text, pos)
    pos = count.end() if count else pos
    tie = tie_re.match(text, pos)
    if tie is None:
        return None
    pos = tie.start()
    start = tie.end()
    end_m = _TITLES_END.search(text, start)
    end = end_m.start() if end_m else len(text)
    nxt = _NEXT_APPOINTEE.search(text, start, end)       # 任命甲为X、乙为Y: X ends where 乙 begins
    while nxt and not name_shaped(_lead_name(text, nxt.start() + 1)):
        nxt = _NEXT_APPOINTEE.search(text, nxt.start() + 1, end)
    if nxt:
        end, end_m = nxt.start(), None
    if "职务" not in ties and change == "removed" and not text.startswith(("职务", "一职"), end):
        return None
    span = text[start:end]
    if not 2 <= len(span) <= 40:
        return None
    found = _post_mentions(text, names, start, span, change, title_at, post_re, taken)
    if not found:
        return None
    return found, (end_m.end() if end_m else end)


def _counted(text: str, pos: int, tie_re: re.Pattern[str]) -> bool:
    count = _COUNT.match(text, pos)
    return count is not None and tie_re.match(text, count.end()) is not None


@cache
def _tie(ties: str) -> re.Pattern[str]:
    return re.compile(rf"(?:同志)?(?:{ties})")


def _resignation(text, cue, title_at, post_re, taken, earlier: list[Mention]) -> list[Mention]:
    """接受戊辞去X职务的请求: 戊 (or 其, the one just named) leaves X."""
    before = text[max(0, cue.start() - 6):cue.start()]
    if before.endswith("接受其"):
        named = [m for m in earlier if m.type == "person" and cue.start() - m.end < 60]
        if not named:
            return []
        spans, key = [(cue.start() - 1, cue.start())], named[-1].key     # 其 stands for the one just named
    else:
        key = None
        spans = _resigners(text, cue.start())
        if not spans:
            return []
    end_m = re.compile(r"职务").search(text, cue.end(), cue.end() + 42)
    if end_m is None:
        return []
    out = _post_mentions(text, spans, cue.end(), text[cue.end():end_m.start()], "removed", title_at, post_re,
                         taken)
    return [mention(m.start, m.end, text, "person", key, **dict(m.attrs), pronoun=True)
            if key and m.type == "person" else m for m in out]


def _resigners(text: str, cue_start: int) -> list[tuple[int, int]]:
    """The names between 接受 and 辞去: 接受甲辞去, 接受甲、乙等两名同志辞去 (each name whole)."""
    lo = max(0, cue_start - 60)
    m = _RESIGNERS.search(text, lo, cue_start)
    if m is None:
        return []
    parts, pos, spans = m.group(1).split("、"), m.start(1), []
    for i, part in enumerate(parts):
        alone = len(parts) == 1
        k = next((k for k in (3, 2, 4) if len(part) >= k and name_shaped(part[-k:]) and (alone or k == len(part))),
                 None)
        if k is None:
            return []
        spans.append((pos + len(part) - k, pos + len(part)))
        pos += len(part) + 1
    return spans


def _post_mentions(text, names, start, span, change, title_at, post_re, taken) -> list[Mention]:
    titles = []
    pos, inherited = start, None
    for part in span.split("、"):
        post = [p for p in post_re.finditer(part) if p.end() == len(part)]
        if post:
            t = title_at(pos + post[-1].start(), pos + post[-1].end())
            org = t.attr("org") or inherit(part, inherited)     # 中共X市委书记、常委、委员: the chain's body
            inherited = org or inherited
            titles.append(mention(pos, pos + len(part), text, "title", part, org=org,
                                  company=t.attr("company"), change=change))
        pos += len(part) + 1
    if not titles:
        return []
    out = list(titles)
    for s, e in names:
        if (s, e) not in taken:
            out.append(mention(s, e, text, "person", text[s:e], role="official",
                               titles=tuple((t.text, t.attr("org")) for t in titles), change=change))
    return out
