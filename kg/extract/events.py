"""Events: meetings, sessions, ceremonies, forums, festivals, galas, lectures, contests,
press conferences.

Quoted names (“繁森故里石榴红大讲堂”) are taken whole; an unquoted name runs from the
last function word or verb of convening before its head noun (大会, 签约仪式 …).
`A暨B` is one event named A暨B with A as an alias.

Meetings named by their body: `县十届人大常委会召开第五次会议` is the event 县十届人大常委会第五次会议
(the body joined to the sitting it holds), and `主持召开县委常委会议` names the sitting
县委常委会议. A generic ceremony or meeting (签约仪式, 开工仪式, 座谈会) is an event, named as
written, where somebody takes a role in it (`出席签约仪式`, `在座谈会上介绍`, `签约仪式上，`).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from kg.extract.base import Context, mention
from kg.segment import words
from kg.types import Mention

HEADS = ("常委会会议", "全体会议", "工作会议", "座谈会", "研讨会", "推进会", "部署会", "调度会", "动员会",
         "新闻发布会", "发布会", "报告会", "见面会", "交流会", "现场会", "观摩会", "培训班", "论坛", "峰会",
         "博览会", "展览会", "交易会", "洽谈会", "推介会", "联欢会", "晚会", "签约仪式", "开工仪式",
         "揭牌仪式", "启动仪式", "颁奖仪式", "仪式", "典礼", "大赛", "比赛", "竞赛", "运动会", "艺术节",
         "文化节", "旅游节", "美食节", "音乐节", "电影节", "读书节", "科技节", "大讲堂", "讲座", "大会",
         "会议", "联席会", "听证会", "协商会", "通报会", "评议会", "述职会", "恳谈会", "茶话会", "招聘会", "运动会", "马拉松", "展会", "书画展", "摄影展",
         "展览", "画展", "展销会", "开幕式", "闭幕式", "启动会", "誓师大会", "表彰大会", "年会", "对接会",
         "签约活动", "开工活动", "启动活动", "碰头会", "学习会", "欢迎宴会", "宴会", "招待会", "活动", "续会")
_HEAD_RE = re.compile("|".join(sorted(set(HEADS), key=len, reverse=True)))
_SESSION = re.compile(r"第[一二三四五六七八九十百零〇\d]+次(?:全体|常务|主任)?会议")
_NUM = "一二三四五六七八九十百零〇\\d"
_SITTING = re.compile(rf"(?:召开|举行)((?:[{_NUM}]+届)?(?:\d{{4}}年(?:度)?)?(?:第[{_NUM}]+次|[{_NUM}]+次)(?:全体|常务|常委|主任)?"
                      r"(?:会议|会|集体学习))")     # 县委理论学习中心组举行第五次集体学习: a sitting too
_BODY_END = re.compile(r"(?:常委会|政协|委员会|党组|政府|[市县区州]委|中心组)$")
_BODY_SITTING = re.compile(r"召开(?:了)?((?:[市县区州旗]委|[市县区]政府)常(?:委|务)会(?:会议|议)?)")
_BODY_CALLS = re.compile(rf"((?:[市县区州旗盟]委|[市县区]政府)常(?:委|务)会)召开(?:了)?(?:第[{_NUM}]+次)?"
                         r"(?:全体|专题|扩大|常务)?会议")
_BODY_CONVENES = re.compile(r"(?<![\u4e00-\u9fff])([市县区州旗]委|[市县区]政府)召开(?:了)?(常委会议|常务会议|常委会会议)")
# a generic name alone (签约仪式) is an event only beside a role or at its own scene
GENERIC_HEADS = ("签约仪式", "开工仪式", "启动仪式", "揭牌仪式", "颁奖仪式", "开幕式", "座谈会", "签字仪式", "授牌仪式",
                 "签约活动", "开工活动", "启动活动", "庆典仪式", "欢迎宴会", "招待会",
                 "表彰大会", "动员大会", "誓师大会", "总结大会", "推进会", "调度会", "部署会", "协调会", "报告会",
                 "交流会", "现场会", "观摩会", "恳谈会", "见面会", "茶话会", "通报会", "续会")
# 主持召开专题会议, 县政协召开专题协商会: a meeting written only by its kind, where it is convened
_KIND_OF_MEETING = re.compile(r"(?:专题|专项|现场|视频)(?:会议|协商会|座谈会|推进会|调度会|部署会|会商会|办公会|协调会)")
_CALLED = re.compile(r"(?:召开|举行)(?:了)?$")
_ROLE_BEFORE = re.compile(r"(?:出席|参加|列席|主持|见证|举行|召开|在|了)(?:了|的|随后召开的)?$")
_ROLE_AFTER = re.compile(r"上|中[，,]|结束后|现场|开始|首先")
# 活动 names an event only when it is held: 举行甲活动, 甲活动今天上午启动
_HELD_BEFORE = re.compile(r"(?:举行|举办)(?:了)?$")
_HELD_AFTER = re.compile(r"[^。；]{0,14}?(?:举行|启动|开幕|举办)")
_NOT_AFTER_HEAD = set("事室厅堂纪馆")       # 会议室, 会议纪要, 规划展览馆: rooms, papers, venues
_QUOTED = re.compile(r"“([^“”\n]{2,40})”")
_BOUNDARY = {"从", "在", "于", "举行", "举办", "召开", "出席", "参加", "主持", "列席", "和", "与", "及", "了", "的",
             "为", "是", "将", "到", "赴", "贯彻", "落实", "学习", "传达", "精神", "组织", "开展", "获悉", "记者",
             "上午", "下午", "晚上", "当天", "日前", "近日", "期间", "参与", "观看", "承办", "主办", "筹备",
             "作", "在于", "通过", "经", "由", "向", "对", "就", "以", "按照", "根据", "结合", "围绕", "召集",
             "见证", "共同", "随后", "并", "图为", "我市", "我县", "我区", "领会", "关于", "把", "以及",
             "深刻领会", "认真学习", "传达学习", "学习贯彻", "认真贯彻", "贯彻落实",
             "今后", "目前", "当前", "此前", "届时", "同意", "决议", "决定", "批准", "审议"}
# a boundary verb that is a noun before these words (组织|工作, 组织|部长)
_NOUN_BEFORE = {"组织": ("工作", "部长", "部")}
_BOUNDARY_TAILS = ("参加", "出席", "列席", "主持", "召开", "举行", "举办", "发表", "提请")
_TIME_WORDS = ("今天", "昨天", "明天", "今日", "昨日", "当天", "当日")
_GENERIC = re.compile(r"^(?:会议|大会|本次|此次|该|这次|上述|有关|各类|相关|专题|全体|常务|各种|各项|本届|此|各|"
                      r"视频|电视电话|现场|工作|每次|历次|多次|一次|系列|主题)")


def find(text: str, ctx: Context) -> list[Mention]:
    """Event mentions, sorted; attrs carry `alias` for A in A暨B and for a quoted title.

    >>> [m.key for m in find("2月6日上午，全市生态环境保护工作会议暨市环委会全体会议召开。", Context())]
    ['全市生态环境保护工作会议暨市环委会全体会议']
    >>> [m.key for m in find("记者从全省民族宗教局长会议获悉。举办“弘扬孔繁森精神研讨会”。", Context())]
    ['全省民族宗教局长会议', '弘扬孔繁森精神研讨会']
    """
    out = _quoted(text) + _sittings(text)
    spans = sorted((m.start, m.end) for m in out)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))     # the furthest end of the spans so far
    named_to = 0        # names found in the loop start before this head: the furthest end says it all
    for m in _HEAD_RE.finditer(text):
        end = _longest_head_end(text, m)
        if text[end:end + 1] in _NOT_AFTER_HEAD:
            continue                    # 人民代表大会议事规则, 会议室, 会议纪要, 展览馆: no meeting
        q = bisect_right(starts, m.start()) - 1
        if m.start() < named_to or q >= 0 and m.start() < reach[q]:
            continue
        start = _left_edge(text, m.start(), end)
        convened = _convened_start(text, m.start())
        if convened is not None and convened < start and "学习" in text[convened:start]:
            start = convened         # 学习 cut the name short: after 主持召开 the whole name is the meeting's
        if text[start - 1:start] == "与" and re.search(r"签约|签字|合作", text[start:end]):
            start = _left_edge(text, start - 1, end)     # 临沂市人民政府与华润集团战略合作签约仪式
        name = text[start:end]
        if m.group() == "活动" and end == m.end() and not _held(text, start, end):
            continue
        if name in GENERIC_HEADS and _at_scene(text, start, end):
            out.append(mention(start, end, text, "event", name))
            named_to = max(named_to, end)
            continue
        if _KIND_OF_MEETING.fullmatch(name) and _CALLED.search(text, max(0, start - 6), start):
            out.append(mention(start, end, text, "event", name))     # 主持召开专题会议: named by its kind
            named_to = max(named_to, end)
            continue
        if name.endswith(("人民代表大会", "政治协商会议")):
            continue                    # 全国人民代表大会, 中国人民政治协商会议某县委员会: bodies
        if len(name) - len(m.group()) < 2 or _GENERIC.match(name) or name in ctx.lexicon.suppressed \
                or _verb_phrase(name[:len(name) - len(m.group())]):
            continue
        out.append(mention(start, end, text, "event", name))
        named_to = max(named_to, end)
    return _join_ji(text, sorted(out, key=lambda x: (x.start, -x.end)))


_CONVENED = re.compile(r"主持召开(?:了)?")


def _convened_start(text: str, head_start: int) -> int | None:
    """主持召开县政府党组理论学习中心组学习会议, 主持召开市长碰头会: after 主持召开 the whole
    name up to its head is the meeting's, the words of studying in it too."""
    lo = max(0, head_start - 30)
    m = None
    for m in _CONVENED.finditer(text, lo, head_start):
        pass
    if m is None or m.end() == head_start or not re.fullmatch(r"[\u4e00-\u9fff\d]+", text[m.end():head_start]):
        return None
    return m.end()


def _sittings(text: str) -> list[Mention]:
    """`甲常委会召开第五次会议` -> 甲常委会第五次会议; `主持召开县委常委会议` -> 县委常委会议."""
    out = []
    for m in _SITTING.finditer(text):
        body_end = m.start()
        body_start = _left_edge(text, body_end, body_end)
        if text.startswith("学习", body_start - 2):       # 县委理论学习|中心组: 学习 is in the body's name
            body_start = _left_edge(text, body_start - 2, body_end)
        body = text[body_start:body_end]
        if len(body) >= 2 and _BODY_END.search(body):
            out.append(mention(body_start, m.end(1), text, "event", body + m.group(1)))
    for m in _BODY_CALLS.finditer(text):      # 市委常委会召开扩大会议: the sitting is named 市委常委会
        out.append(mention(m.start(1), m.end(1), text, "event", m.group(1)))
    for m in _BODY_SITTING.finditer(text):
        out.append(mention(m.start(1), m.end(1), text, "event", m.group(1)))
    for m in _BODY_CONVENES.finditer(text):   # 县委召开常委会议: the body's sitting, named whole
        out.append(mention(m.start(), m.end(), text, "event", m.group(1) + m.group(2)))
    return out


def _held(text: str, start: int, end: int) -> bool:
    return bool(_HELD_BEFORE.search(text, max(0, start - 4), start) or _HELD_AFTER.match(text, end))


def _at_scene(text: str, start: int, end: int) -> bool:
    return bool(_ROLE_BEFORE.search(text, max(0, start - 8), start) or _ROLE_AFTER.match(text, end))


def _longest_head_end(text: str, m: re.Match[str]) -> int:
    """推进会议, not 推进会: a head that starts inside the match and ends later wins."""
    end = m.end()
    for pos in range(m.start() + 1, m.end()):
        longer = _HEAD_RE.match(text, pos)
        if longer and longer.end() > end:
            end = longer.end()
    return end


def _verb_phrase(prefix: str) -> bool:
    """抓好会议 is a task, not a meeting: a one-word verb before the head noun, or a verb of
    doing well (做好, 开好, 办好) ending what comes before it.

    >>> _verb_phrase("抓好"), _verb_phrase("集中精力做好"), _verb_phrase("全市安全生产工作")
    (True, True, False)
    """
    from kg.segment import tag

    toks = words(prefix)
    if toks and toks[-1].endswith("好") and len(toks[-1]) >= 2 and tag(toks[-1])[:1] == "v":
        return True                # 集中精力做好|会议, 要开好|大会: a task set for a meeting
    return len(toks) == 1 and tag(prefix)[:1] in ("v", "d", "a")


def is_cjk_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and "\u4e00" <= text[i] <= "\u9fff"


def _left_edge(text: str, head_start: int, head_end: int) -> int:
    window_start = head_start
    while window_start > 0 and head_start - window_start < 40:
        c = text[window_start - 1]
        if "\u4e00" <= c <= "\u9fff" or c.isdigit() or c == "·":
            window_start -= 1
        elif c == "”" and 0 <= text.rfind("“", max(0, window_start - 20), window_start - 1):
            window_start = text.rfind("“", max(0, window_start - 20), window_start - 1)   # 支持“甲、乙”行动
        elif c == "）" and (o := text.rfind("（", max(0, window_start - 8), window_start - 1)) >= 1 \
                and re.fullmatch(r"[\u4e00-\u9fff]{2,6}", text[o + 1:window_start - 1]) and is_cjk_at(text, o - 1):
            window_start = o        # 2024中国（阳谷）电缆产业发展论坛: the host city in brackets
        else:
            break
    start = window_start
    pos = window_start
    for tok in words(text[window_start:head_start]):
        pos += len(tok)
        if tok in _NOUN_BEFORE and text.startswith(_NOUN_BEFORE[tok], pos):
            continue        # 全县组织工作会议, 全市组织部长会议: the party's organisation work, no verb
        if tok in _BOUNDARY or tok.startswith(_TIME_WORDS) or tok.endswith(_BOUNDARY_TAILS):
            # 今天下午, 应邀参加: one of jieba's words
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
        if follow and not (follow.group() == "活动" and not _held(text, m.start(), m.end() + follow.end())):
            end = m.end() + follow.end()
            start = _left_edge(text, m.start(), end)
            if start < m.start():     # 甲区金融支持“乙、丙”行动暨丁大会: the words before the quote too
                out.append(mention(start, end, text, "event", text[start:end]))
            else:
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
