"""Companies: registered names ending in 有限公司, 集团, 银行 …, and their short forms.

The right edge is the legal suffix; the left edge is found on jieba's words of the
window before it: the name starts after the last function word or punctuation.
"""
from __future__ import annotations

import re

from kg.extract.base import Context, mention
from kg.segment import frequency, tag, words
from kg.types import Mention

SUFFIX = re.compile(r"(?:[（(]集团[）)](?:股份)?有限公司|集团股份有限公司|股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司|股份公司|"
                    r"控股集团|集团|农村商业银行|农商银行|商业银行|银行|分行|支行|分公司|合作社)")
_BOUNDARY = {"的", "在", "与", "和", "及", "同", "跟", "为", "由", "对", "向", "从", "给", "是", "将", "把", "被",
             "让", "据", "经", "位于", "来自", "对接", "其", "该", "即", "等", "了", "以", "于", "到", "赴", "走进",
             "走访", "调研", "考察", "签约", "签署", "携手", "联合", "成立", "组建", "注册", "收购", "告诉",
             "表示", "介绍", "说", "记者", "积极", "作为", "包括", "其中", "如", "像", "这", "那", "各", "多家",
             "一家", "这家", "该家", "首家", "通过", "获得", "得到", "引进", "落户", "入驻", "参观", "看到"}
_GENERIC = {"平台", "国有", "民营", "商业", "政策性", "金融", "部分", "全国", "上市", "龙头", "骨干", "本地",
            "外资", "合资", "母", "子", "总", "分", "集团", "公司", "多家", "各家", "各类", "这些", "相关"}
_INDUSTRY = re.compile(r"(?:控股|集团|股份|实业|科技|精密机械|机械|融资担保|担保|投资|发展|建设|置业|物流|贸易|"
                       r"商贸|电子|化工|医药|食品|能源|新材料|材料|制造|农业|环保|文化|传媒|电力|电气)+$")
_PLACE_HEAD = re.compile(r"^(?:中国|山东|[\u4e00-\u9fff]{2,3}?(?:省|市))")


def find(text: str, ctx: Context) -> list[Mention]:
    """Company mentions with their full names; short forms found later in the text.

    >>> [m.key for m in find("2月5日，山东鑫大地控股集团有限公司总经理付崇建告诉记者，与省担保集团合作。", Context())]
    ['山东鑫大地控股集团有限公司', '省担保集团']
    """
    out: list[Mention] = []
    last_end = 0
    for m in SUFFIX.finditer(text):
        if m.start() < last_end:
            continue
        end = _extend_suffix(text, m.end())
        start = _left_edge(text, m.start())
        name = text[start:end]
        core = text[start:m.start()]
        if len(core) < 2 or core in _GENERIC or core[:2] in _GENERIC or name in ctx.lexicon.suppressed:
            continue
        out.append(mention(start, end, text, "company", name))
        last_end = end
    out = _rekey_short_names(text, out)
    out += _short_forms(text, out)
    return sorted(out, key=lambda x: (x.start, -x.end))


def _rekey_short_names(text: str, found: list[Mention]) -> list[Mention]:
    """河钢集团 beside 河钢集团有限公司 is the same company under its short name."""
    full_of = {}
    for m in found:
        for short in short_forms(m.key):
            full_of.setdefault(short, m.key)
    return [mention(m.start, m.end, text, "company", full_of[m.key], short=True)
            if m.key in full_of and full_of[m.key] != m.key else m for m in found]


def _extend_suffix(text: str, end: int) -> int:
    """'…有限公司' may be followed by a longer legal suffix (集团 + 有限公司)."""
    m = SUFFIX.match(text, end)
    return m.end() if m else end


def _left_edge(text: str, suffix_start: int) -> int:
    window_start = suffix_start
    while window_start > 0 and suffix_start - window_start < 24 and "\u4e00" <= text[window_start - 1] <= "\u9fff":
        window_start -= 1
    toks = words(text[window_start:suffix_start])
    pos = window_start
    start, keep = window_start, 0
    for i, tok in enumerate(toks):
        pos += len(tok)
        if tok in _BOUNDARY:
            start, keep = pos, i + 1
    for tok in toks[keep:-1]:          # 共同推动|河钢集团, 要持续深化|…合作社: no verb opens a name
        if tag(tok)[:1] in ("d", "p", "c", "r") or (tag(tok)[:1] == "v" and frequency(tok) > 200):
            start += len(tok)
        else:
            break
    return start


def short_forms(name: str) -> list[str]:
    """Shorter names a story uses for a company after its first, full mention.

    >>> short_forms("山东鑫大地控股集团有限公司")
    ['鑫大地控股集团', '鑫大地']
    """
    core = re.sub(r"(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)$", "", name)
    core = _PLACE_HEAD.sub("", core)
    from kg.divisions import gazetteer

    out = []
    if len(core) >= 2 and core != name:
        out.append(core)
    stripped = _INDUSTRY.sub("", core)
    if len(stripped) >= 2 and stripped != core:
        out.append(stripped)
    return [a for a in out if a not in gazetteer().by_name and not (len(a) == 2 and frequency(a) > 100)]


def _short_forms(text: str, fulls: list[Mention]) -> list[Mention]:
    from kg.extract.base import SpanIndex
    from kg.segment import trie_regex

    alias_of: dict[str, str] = {}
    for full in fulls:
        for short in short_forms(full.key):
            alias_of.setdefault(short, full.key)
    if not alias_of:
        return []
    taken = SpanIndex((m.start, m.end) for m in fulls)
    out = []
    for m in re.finditer(trie_regex(alias_of), text):
        if taken.overlapping(m.start(), m.end()):
            continue
        taken.add(m.span())
        out.append(mention(m.start(), m.end(), text, "company", alias_of[m.group()], short=True))
    return out
