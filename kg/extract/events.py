"""Events: meetings, sessions, ceremonies, forums, festivals, galas, lectures, contests,
press conferences.

Quoted names (“繁森故里石榴红大讲堂”) are taken whole; an unquoted name runs from the
last function word or verb of convening before its head noun (大会, 签约仪式 …).
`A暨B` is one event named A暨B with A as an alias.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract.base import Context, mention
from kg.segment import words
from kg.types import Mention

HEADS = ("常委会会议", "全体会议", "工作会议", "座谈会", "研讨会", "推进会", "部署会", "调度会", "动员会",
         "新闻发布会", "发布会", "报告会", "见面会", "交流会", "现场会", "观摩会", "培训班", "论坛", "峰会",
         "博览会", "展览会", "交易会", "洽谈会", "推介会", "联欢会", "晚会", "签约仪式", "开工仪式",
         "揭牌仪式", "启动仪式", "颁奖仪式", "仪式", "典礼", "大赛", "比赛", "竞赛", "运动会", "艺术节",
         "文化节", "旅游节", "美食节", "音乐节", "电影节", "读书节", "科技节", "大讲堂", "讲座", "大会",
         "会议", "联席会", "听证会", "恳谈会", "茶话会", "招聘会", "运动会", "马拉松", "展会", "书画展", "摄影展",
         "展览", "画展", "展销会", "开幕式", "闭幕式", "启动会", "誓师大会", "表彰大会", "年会", "对接会")
_HEAD_RE = re.compile("|".join(sorted(set(HEADS), key=len, reverse=True)))
_SESSION = re.compile(r"第[一二三四五六七八九十百零〇\d]+次(?:全体|常务|主任)?会议")
_QUOTED = re.compile(r"“([^“”\n]{2,40})”")
_BOUNDARY = {"从", "在", "于", "举行", "举办", "召开", "出席", "参加", "主持", "列席", "和", "与", "及", "了", "的",
             "为", "是", "将", "到", "赴", "贯彻", "落实", "学习", "传达", "精神", "组织", "开展", "获悉", "记者",
             "上午", "下午", "晚上", "当天", "日前", "近日", "期间", "参与", "观看", "承办", "主办", "筹备",
             "作", "在于", "通过", "经", "由", "向", "对", "就", "以", "按照", "根据", "结合", "围绕", "召集"}
_GENERIC = re.compile(r"^(?:会议|大会|本次|此次|该|这次|上述|有关|各类|相关|专题|全体|常务|各种|各项|本届|此|各|"
                      r"视频|电视电话|现场|工作|每次|历次|多次|一次|系列|主题)")


def find(text: str, ctx: Context) -> list[Mention]:
    """Event mentions, sorted; attrs carry `alias` for A in A暨B and for a quoted title.

    >>> [m.key for m in find("2月6日上午，全市生态环境保护工作会议暨市环委会全体会议召开。", Context())]
    ['全市生态环境保护工作会议暨市环委会全体会议']
    >>> [m.key for m in find("记者从全省民族宗教局长会议获悉。举办“弘扬孔繁森精神研讨会”。", Context())]
    ['全省民族宗教局长会议', '弘扬孔繁森精神研讨会']
    """
    out = _quoted(text)
    quoted = [(m.start, m.end) for m in out]        # sorted, never overlapping
    quoted_starts = [s for s, _ in quoted]
    named_to = 0        # names found so far start before this head: the furthest end says it all
    for m in _HEAD_RE.finditer(text):
        end = _longest_head_end(text, m)
        q = bisect_right(quoted_starts, m.start()) - 1
        if m.start() < named_to or q >= 0 and m.start() < quoted[q][1]:
            continue
        start = _left_edge(text, m.start(), end)
        if text[start - 1:start] == "与" and re.search(r"签约|签字|合作", text[start:end]):
            start = _left_edge(text, start - 1, end)     # 临沂市人民政府与华润集团战略合作签约仪式
        name = text[start:end]
        if len(name) - len(m.group()) < 2 or _GENERIC.match(name) or name in ctx.lexicon.suppressed \
                or _verb_phrase(name[:len(name) - len(m.group())]):
            continue
        out.append(mention(start, end, text, "event", name))
        named_to = max(named_to, end)
    return _join_ji(text, sorted(out, key=lambda x: (x.start, -x.end)))


def _longest_head_end(text: str, m: re.Match[str]) -> int:
    """推进会议, not 推进会: a head that starts inside the match and ends later wins."""
    end = m.end()
    for pos in range(m.start() + 1, m.end()):
        longer = _HEAD_RE.match(text, pos)
        if longer and longer.end() > end:
            end = longer.end()
    return end


def _verb_phrase(prefix: str) -> bool:
    """抓好会议 is a task, not a meeting: a one-word verb before the head noun."""
    from kg.segment import tag

    toks = words(prefix)
    return len(toks) == 1 and tag(prefix)[:1] in ("v", "d", "a")


def _left_edge(text: str, head_start: int, head_end: int) -> int:
    window_start = head_start
    while window_start > 0 and head_start - window_start < 30 and (
            "\u4e00" <= text[window_start - 1] <= "\u9fff" or text[window_start - 1].isdigit()
            or text[window_start - 1] == "·"):
        window_start -= 1
    start = window_start
    pos = window_start
    for tok in words(text[window_start:head_start]):
        pos += len(tok)
        if tok in _BOUNDARY:
            start = pos
    return start


def _quoted(text: str) -> list[Mention]:
    out = []
    for m in _QUOTED.finditer(text):
        inner = m.group(1)
        head = _HEAD_RE.search(inner)
        if head and head.end() == len(inner) and len(inner) > len(head.group()) + 1:
            alias = inner.split("·", 1)[1] if "·" in inner else None
            out.append(mention(m.start(1), m.end(1), text, "event", inner, alias=alias))
            continue
        # “龙腾盛世两河春”2024聊城春节联欢会: the quoted title names the event after it
        follow = re.match(r"[\d\u4e00-\u9fff]{0,16}?(?:" + _HEAD_RE.pattern + ")", text[m.end():m.end() + 24])
        if follow:
            end = m.end() + follow.end()
            out.append(mention(m.end(), end, text, "event", text[m.end():end], alias=inner))
    return out


def _join_ji(text: str, found: list[Mention]) -> list[Mention]:
    """'A暨B' is one event; A becomes an alias. A name inside a longer one is dropped."""
    out: list[Mention] = []
    for m in _outermost(found):
        if "暨" in m.key and not m.attr("alias"):
            m = mention(m.start, m.end, text, "event", m.key, alias=m.key.split("暨", 1)[0])
        prev = out[-1] if out else None
        if prev and text[prev.end:m.start] == "暨":
            out[-1] = mention(prev.start, m.end, text, "event", text[prev.start:m.end], alias=prev.key)
            continue
        out.append(m)
    return out


def _outermost(found: list[Mention]) -> list[Mention]:
    """`found` (sorted by start, longest first) without the names inside a longer one, in one
    pass: only an earlier name can hold a later one, so the furthest end so far decides."""
    out, far_end, far_start = [], -1, -1      # far_start: first start among names ending at far_end
    for m in found:
        if not (m.end < far_end or m.end == far_end and far_start < m.start):
            out.append(m)
        if m.end > far_end:
            far_end, far_start = m.end, m.start
    return out
