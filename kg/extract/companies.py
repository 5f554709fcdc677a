"""Companies: registered names ending in 有限公司, 集团, 银行 …, and their short forms.

The right edge is the legal suffix; the left edge is found on jieba's words of the
window before it: the name starts after the last function word or punctuation.
"""
from __future__ import annotations

import re

from kg.extract.base import Context, mention
from kg.segment import frequency, tag, words
from kg.types import Mention

# a company's own units, named by a region or a line of business (山东大区, 零售事业部)
COMPANY_UNITS = ("大区", "区域", "事业部", "分部", "办事处")
# a company written without its name (集团公司, 该公司): the one the story named last, within BARE_REACH characters
BARE_FIRMS = ("该集团公司", "集团公司", "集团总部", "该集团", "本集团", "该公司", "本公司", "集团", "公司")
BARE_REACH = 300
SUFFIX = re.compile(r"(?:[（(]集团[）)](?:股份)?有限公司|集团股份有限公司|股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司|股份公司|"
                    r"控股集团|集团|株式会社|农村商业银行|农商银行|商业银行|银行|分行|支行|分公司|合作社)")
_BOUNDARY = {"的", "在", "与", "和", "及", "同", "跟", "为", "由", "对", "向", "从", "给", "是", "将", "把", "被",
             "让", "据", "经", "位于", "来自", "对接", "其", "该", "即", "等", "了", "以", "于", "到", "赴", "走进",
             "走访", "调研", "考察", "签约", "签署", "携手", "联合", "成立", "组建", "注册", "收购", "告诉",
             "表示", "介绍", "说", "记者", "积极", "作为", "包括", "其中", "如", "像", "这", "那", "各", "多家",
             "一家", "这家", "该家", "首家", "通过", "获得", "得到", "引进", "落户", "入驻", "参观", "看到",
             "以及", "给予", "隶属", "属于", "感谢", "支持", "帮助", "陪同", "见证", "拜访", "会见", "会谈", "洽谈",
             "到访", "访问", "莅临", "欢迎", "邀请", "依托", "联手", "加入", "分别", "率", "率领", "带领", "深入", "前往", "来到", "目前",
             "看望", "察看", "慰问", "视察", "检查", "督导", "指导", "座谈", "接见", "出席", "主持", "带队", "率队"}
# A post in the window ends what came before: a headline run into the body (区长甲会见乙集团有限公司)
_POST = re.compile(r"(?:书记|[省市县区州镇乡]长|主任|主席|部长|局长|董事长|总经理|总裁|行长)$")
# Tags of words that never open a name (adverb, preposition, conjunction, pronoun, time);
# an adjective, numeral or measure word opens none before a place (500强|中国电建集团).
_NEVER_OPENS = ("d", "p", "c", "r", "t")
_NOT_BEFORE_PLACE = ("a", "m", "q", "u")
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
        end = _extend_branch(text, _extend_suffix(text, m.end()))
        start = _left_edge(text, m.start())
        name = text[start:end]
        core = text[start:m.start()]
        if _generic(core) or name in ctx.lexicon.suppressed:
            continue
        while out and out[-1].start >= start and out[-1].type == "company":
            out.pop()                  # 新恒星集团 of 新恒星集团投资有限公司 is not a second company
        type_ = "organization" if _CENTRAL_BANK.search(name) else "company"
        out.append(mention(start, end, text, type_, name, seat=branch_seat(name)))
        last_end = end
    out = _rekey_short_names(text, out)
    out += _listed(text, out)
    out += _trade_named(text, out)
    out += _beside_registered(text, out)
    out += _short_forms(text, out)
    out += _bare_named(text, out)
    return sorted(out, key=lambda x: (x.start, -x.end))


def _bare_named(text: str, found: list[Mention]) -> list[Mention]:
    """A firm written with a bare 公司 (巴西佛罗伊特国际公司), where no full name the story
    gives covers it (驰宏公司 of 云南驰宏锌锗股份有限公司 is found as its short form first)."""
    from kg.extract.base import SpanIndex

    taken = SpanIndex((m.start, m.end) for m in found)
    out = []
    for m in re.finditer("公司", text):
        if taken.overlapping(m.start(), m.end()):
            continue
        start = _left_edge(text, m.start())
        core = text[start:m.start()]
        if not _generic(core) and _proper_core(core) and not taken.overlapping(start, m.end()):
            full = [c.key for c in found if c.type == "company" and _abbreviates(core, c.key)]
            key = full[0] if len(set(full)) == 1 else text[start:m.end()]
            out.append(mention(start, m.end(), text, "company", key))
    return out


def _abbreviates(core: str, name: str) -> bool:
    """Is `core` a short form of the registered `name`: its characters in order, the first two
    together (驰宏 of 云南驰宏锌锗股份有限公司, 中国电建贵州工程 of 中国电建集团贵州工程有限公司)?

    >>> _abbreviates("驰宏", "云南驰宏锌锗股份有限公司"), _abbreviates("中国电建贵州工程", "中国电建集团贵州工程有限公司")
    (True, True)
    >>> _abbreviates("宏驰", "云南驰宏锌锗股份有限公司")
    False
    """
    at = name.find(core[:2])
    if at < 0:
        return False
    rest = iter(name[at + 2:])
    return all(ch in rest for ch in core[2:])


_LIST_TAIL = re.compile(r"等(?:[\d一二三四五六七八九十几多]+家)?(?:重点|龙头|骨干|规上|规模以上|知名|优质|高新技术|科技型|民营|"
                        r"外资|本地|大型|中小|工业|园区|入驻)?(?:企业|公司)")
_ITEM = re.compile(r"[\u4e00-\u9fff]{2,8}")
_NOT_ITEM = re.compile(r"(?:企业|公司|园|园区|中心|基地|项目|工地|车间|现场|村|镇|乡|街道|社区|局|委|办|院|站|所|点|区|县|市|省)$")


_TRADE = (r"(?:制管|电子|科技|食品|农牧|饲料|电化|盐化|照明|纺织|机械|化工|材料|服装|木业|制药|医药|药业|建材|钢铁|"
          r"水泥|陶瓷|塑业|包装|印务|家具|电器|电气|能源|光电|生物|实业|矿业|酒业|乳业|汽配|牧业|重工|重科|智能)")
_TRADE_FIRM = re.compile(rf"([\u4e00-\u9fff]{{2,4}}?{_TRADE})企业")
_TRADE_END = re.compile(rf"{_TRADE}$")


def _generic(core: str) -> bool:
    """Too short, or a kind of firm rather than a name (国有, 民营, 多家) before a legal suffix."""
    return len(core) < 2 or core in _GENERIC or core[:2] in _GENERIC


_RARE = 20            # a word this rare in the segmenter's counts is a name's (华兴|茶业公司), not vocabulary


def _proper_core(core: str) -> bool:
    """Before a bare 公司 (no 有限): a name of its own (巴西佛罗伊特国际公司), not a kind of firm
    (该公司, 一家科技公司, 两家公司).

    >>> _proper_core("巴西佛罗伊特国际"), _proper_core("一家科技"), _proper_core("科技"), _proper_core("山东一家")
    (True, False, False, False)
    >>> _proper_core("国网聊城供电"), _proper_core("建设"), _proper_core("负责建设")
    (True, False, False)
    """
    toks = words(core)
    if any(tag(t)[:1] in ("m", "q", "r", "v", "d", "p", "u", "c") and tag(t) != "vn" for t in toks):
        return False                 # a verb's noun is a trade: 国网某某|供电|公司
    return any(tag(t) in ("nr", "nrt", "nz", "nt") or frequency(t) < _RARE for t in toks if len(t) >= 2)


def is_trade_name(name: str) -> bool:
    """A firm's short name ending in its trade, as a visit's list writes it (某某化工, 某某纺织科技):
    a name of its own (not a dictionary word, not a sector) before the trade.

    >>> is_trade_name("金穗药业"), is_trade_name("玉皇化工"), is_trade_name("生物医药"), is_trade_name("化工园区")
    (True, True, False, False)
    """
    trade = _TRADE_END.search(name)
    if not trade or not 4 <= len(name) <= 12 or _NOT_ITEM.search(name) or frequency(name) > 0:
        return False
    core = _TRADE_END.sub("", name[:trade.start()]) if _TRADE_END.search(name[:trade.start()]) else name[:trade.start()]
    proper = tag(core)[:2] in ("nr", "nz")          # 玉皇化工: a dictionary word that is a name
    return len(core) >= 2 and (proper or not _sector(core)) and core[0] not in "全各该本我省市县区" \
        and core not in _GENERIC


def _sector(name: str) -> bool:
    """光伏, 生物医药, 智能制造: a trade, not a firm (a firm's name holds a word of its own)."""
    toks = words(name)
    if len(toks) == 1:
        return frequency(name) > 0 and (len(name) == 2 or tag(name) in ("n", "vn"))
    return all(len(w) >= 2 and frequency(w) > 300 for w in toks)


def _trade_named(text: str, found: list[Mention]) -> list[Mention]:
    """A firm written by its trade name before 企业 (抽查了某某制管企业): the name is a company;
    a generic trade (科技企业, 民营食品企业) is none."""
    from kg.extract.base import SpanIndex

    taken = SpanIndex((m.start, m.end) for m in found)
    out = []
    for m in _TRADE_FIRM.finditer(text):
        a = _open(text, _left_edge(text, m.end(1)), m.end(1))
        core = _TRADE_END.sub("", text[a:m.end(1)])
        if len(core) >= 2 and tag(words(core)[0])[:1] not in ("m", "q", "r", "v", "d", "p", "c", "f") and frequency(core) < 500 and tag(core)[:1] not in ("v", "d", "m", "r") \
                and core not in _GENERIC and core[0] not in "全各该本我省市县区" and not taken.overlapping(a, m.end(1)):
            out.append(mention(a, m.end(1), text, "company", text[a:m.end(1)], listed=True))
    return out


def _beside_registered(text: str, found: list[Mention]) -> list[Mention]:
    """In a 、-list that holds a registered company, the items named by a trade are companies
    too (考察了某某电子、某展示馆、某某照明股份有限公司等)."""
    from kg.extract.base import SpanIndex

    taken = SpanIndex((m.start, m.end) for m in found)
    out = []
    for m in [m for m in found if SUFFIX.search(m.key) and not m.attr("listed")]:
        end = m.start - 1
        while end > 0 and text[end] == "、":
            start = end
            while start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and end - start < 10:
                start -= 1
            name = text[start:end]
            if _TRADE_END.search(name) and 4 <= len(name) <= 8 and not _NOT_ITEM.search(name) \
                    and frequency(name) == 0 and not taken.overlapping(start, end):
                out.append(mention(start, end, text, "company", name, listed=True))
                taken.add((start, end))
            end = start - 1
    return out


def _open(text: str, start: int, end: int) -> int:
    """到|鸿翔食品: a word of _BOUNDARY the segmenter glued to the name opens no name."""
    again = True
    while again:
        again = False
        for n in (2, 1):
            if end - start - n >= 2 and text[start:start + n] in _BOUNDARY:
                start, again = start + n, True
                break
    return start


def _listed(text: str, found: list[Mention]) -> list[Mention]:
    """Companies listed before 等企业 / 等重点企业 / 等公司 (走访A、B、C等企业) under their written
    short names; an item that is a unit, a place or a common word is none."""
    from kg.extract.base import SpanIndex

    taken = SpanIndex((m.start, m.end) for m in found)
    out = []
    for tail in _LIST_TAIL.finditer(text):
        items, end = [], tail.start()
        while True:
            start = end
            while start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff":
                start -= 1
            items.append((start, end))
            if start == 0 or text[start - 1] != "、":
                break
            end = start - 1
        if len(items) < 2:
            continue                       # one name before 等企业 is too weak a cue
        items[-1] = (_open(text, _left_edge(text, items[-1][1]), items[-1][1]), items[-1][1])   # 考察走访|欣旺达
        for a, b in items:
            name = text[a:b]
            if _ITEM.fullmatch(name) and not _NOT_ITEM.search(name) and frequency(name) < 50 \
                    and not _sector(name) and not taken.overlapping(a, b):
                out.append(mention(a, b, text, "company", name, listed=True))
    return out


def _rekey_short_names(text: str, found: list[Mention]) -> list[Mention]:
    """河钢集团 beside 河钢集团有限公司 is the same company under its short name; so is
    建行某某支行 beside 中国建设银行股份有限公司某某支行 (the bank's common short name)."""
    full_of: dict[str, str] = {}
    for m in found:
        for short in short_forms(m.key):
            full_of.setdefault(short, m.key)
    longest: dict[str, str] = {}
    for m in found:
        k = bank_key(m.key)
        if k and len(m.key) > len(longest.get(k, "")):
            longest[k] = m.key
    out = []
    for m in found:
        key = longest.get(bank_key(m.key) or "", full_of.get(m.key, m.key))
        extra = dict(m.attrs) | {"short": True}
        out.append(mention(m.start, m.end, text, m.type, key, **extra) if key != m.key else m)
    return out


_BANK_SHORT = (("邮政储蓄银行", "邮储银行"), ("农村商业银行", "农商银行"), ("建设银行", "建行"), ("工商银行", "工行"),
               ("农业银行", "农行"), ("交通银行", "交行"), ("中国银行", "中行"))


def bank_key(name: str) -> str | None:
    """One spelling for a bank branch's names, or None for a name that is no branch.

    >>> bank_key("中国建设银行股份有限公司绍兴分行"), bank_key("建行绍兴分行"), bank_key("绍兴纺织有限公司")
    ('建行绍兴分行', '建行绍兴分行', None)
    """
    if not re.search(r"(?:分行|支行)$", name):
        return None
    k = re.sub(r"股份有限公司|有限责任公司|有限公司", "", name)
    for long, short in _BANK_SHORT:
        k = k.replace(long, short)
    return k[2:] if k.startswith("中国") and not k.startswith("中国行") else k


def _extend_suffix(text: str, end: int) -> int:
    """'…有限公司' may be followed by a longer legal suffix (集团 + 有限公司)."""
    m = SUFFIX.match(text, end)
    return m.end() if m else end


_BRANCH = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:中心支行|分行|支行|营业部|分公司)")
_CENTRAL_BANK = re.compile(r"^(?:中国)?人民银行")


def _extend_branch(text: str, end: int) -> int:
    """A bank's or company's branch named by its place (建设银行|嵊州|支行) is the company."""
    m = _BRANCH.match(text, end)
    return m.end() if m is not None and _place_named(m.group(1)) else end


def branch_seat(name: str) -> str | None:
    """The place a branch is named by: its seat (a 人民银行 branch is a body, typed by the caller).

    >>> branch_seat("建设银行嵊州支行"), branch_seat("中国银行股份有限公司聊城分行"), branch_seat("聊城纺织有限公司")
    ('嵊州市', '聊城市', None)
    """
    m = _SEAT.search(name)
    return _place_named(m.group(1)) if m else None


_SEAT = re.compile(r"(?:银行|行|公司)([\u4e00-\u9fff]{2,6}?)(?:中心支行|分行|支行|营业部|分公司)$")


def _place_named(stem: str) -> str | None:
    from kg.divisions import gazetteer

    g = gazetteer()
    for name in (stem, stem + "市", stem + "县"):
        div = g.lookup(name)
        if div is not None:
            return div.name
    return None


def _left_edge(text: str, suffix_start: int) -> int:
    window_start = suffix_start
    while window_start > 0 and suffix_start - window_start < 24 and (
            "\u4e00" <= text[window_start - 1] <= "\u9fff" or "A" <= text[window_start - 1] <= "Z"):
        window_start -= 1             # 韩国THN株式会社, TCL科技集团: capitals are part of a name
    toks = words(text[window_start:suffix_start])
    pos = window_start
    start, keep = window_start, 0
    for i, tok in enumerate(toks):
        pos += len(tok)
        if tok in _BOUNDARY or (i < len(toks) - 1 and (tag(tok)[:1] in ("c", "p") and frequency(tok) > 1000
                                                       or _POST.search(tok) or tok in ("企业", "单位")
                                                       or tok.endswith("代表"))):    # 企业代表|某公司
            start, keep = pos, i + 1     # 生态环境局以及|友发集团: a conjunction ends what came before
    if keep == 0 and window_start and text[window_start - 1].isdigit() and len(toks) > 1 and len(toks[0]) == 1:
        start, keep = window_start + 1, 1      # 500|强|某集团, 3|家|某公司: the numeral's word opens no name
    rest = toks[keep:-1]
    for i, tok in enumerate(rest):     # 共同推动|河钢集团, 要持续深化|…合作社: no verb opens a name
        t = tag(tok)[:1]
        before_place = i + 1 < len(toks) - keep and tag(toks[keep + i + 1]).startswith("ns")
        if t in _NEVER_OPENS or (t in _NOT_BEFORE_PLACE and before_place) or (
                t == "v" and frequency(tok) > 200 and not tok.endswith("行")):   # 建行 is a bank
            start += len(tok)
        else:
            break
    return start


def short_forms(name: str) -> list[str]:
    """Shorter names a story uses for a company after its first, full mention.

    >>> short_forms("山东鑫大地控股集团有限公司"), short_forms("河南青禾建设集团股份有限公司")
    (['山东鑫大地控股集团', '鑫大地控股集团', '鑫大地'], ['河南青禾建设集团', '青禾建设集团', '青禾'])
    """
    from kg.divisions import gazetteer

    whole = re.sub(r"(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)$", "", name)   # 河南某城建设集团
    core = _PLACE_HEAD.sub("", whole)
    for n in (3, 2):              # 河南|某城建设集团: a province's or a city's short name heads it
        head = gazetteer().by_name.get(core[:n], ())
        if len(core) - n >= 4 and head and head[0].level in ("province", "city"):
            core = core[n:]
            break
    out = [whole] if whole != core and len(whole) >= 6 and whole != name else []
    if len(core) >= 2 and core != name:
        out.append(core)
    stripped = _INDUSTRY.sub("", core)
    if len(stripped) >= 2 and stripped != core:
        out.append(stripped)
    return [a for a in out if a not in gazetteer().by_name and not (len(a) == 2 and frequency(a) > 100)]


def _short_forms(text: str, fulls: list[Mention]) -> list[Mention]:
    from kg.extract.base import SpanIndex
    from kg.segment import find_words

    alias_of: dict[str, str] = {}
    for full in fulls:
        for short in short_forms(full.key):
            alias_of.setdefault(short, full.key)
    if not alias_of:
        return []
    taken = SpanIndex((m.start, m.end) for m in fulls)
    out = []
    for start, end, short in find_words(alias_of, text):
        if taken.overlapping(start, end):
            continue
        taken.add((start, end))
        out.append(mention(start, end, text, "company", alias_of[short], short=True))
    return out
