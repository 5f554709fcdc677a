"""Cleaning that keeps a map back to the original: PDF line joins, widths, stray spaces.

`clean(text)` returns the cleaned string and, for each of its characters, the offset of
the original character it came from, so any span found in the clean text maps back with
`to_original`. Every change is a deletion or a one-to-one replacement.
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

from kg.script import to_simplified

TERMINAL = "。！？!?…"
_CLOSERS = "”’」』）)》"
PARAGRAPH_STARTS = ("本报讯", "本网讯", "本台讯", "■", "——", "【", "本报记者", "新华社", "据新华社", "（记者", "(记者")
# an outlet's own dateline: 中国菏泽网消息（记者…）, 天津北方网讯：, 某某融媒讯, 某某日报客户端讯
OUTLET_DATELINE = r"[\u4e00-\u9fff]{2,10}?(?:网|报|台|客户端|融媒体?|新媒体|新闻)(?:讯|消息)(?=[\s（(：:，,])"
_OUTLET_DATELINE = re.compile(OUTLET_DATELINE)
_CJK = re.compile(r"[\u3400-\u9fff]")
# a byline standing alone (■本报记者 甲 通讯员 乙), and what opens a line of credits (文/图 丙, 通讯员 丁)
_BYLINE = re.compile(r"[■□]?\s*(?:本报)?(?:记者|通讯员|实习生)\s*[\u4e00-\u9fff]{2,4}"
                     r"(?:\s+(?:(?:本报)?(?:记者|通讯员|实习生)\s*)?[\u4e00-\u9fff]{2,4})*")
_LEADER_LINE = re.compile(r"[\u4e00-\u9fff、]{2,24}(?:[ \u3000]+[\u4e00-\u9fff·]{2,7})+")   # 县委副书记、县长 甲
_CREDIT_OPENS = re.compile(r"(?:文|图)\s*[/／]\s*(?:文|图)|(?:通讯员|实习生|记者)\s+[\u4e00-\u9fff]{2,4}")


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@dataclass(frozen=True)
class Cleaned:
    text: str
    offsets: array             # offsets[i] = original index of text[i]; one extra: len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span [start, end) to the original span covering the same characters."""
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


def width_char(ch: str, prev: str, nxt: str) -> str:
    """Full-width letters/digits/space -> ASCII; ASCII brackets and commas beside Chinese -> Chinese."""
    o = ord(ch)
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A or o in (0xFF05, 0xFF0E):
        return chr(o - 0xFEE0)
    if o == 0x3000 or ch == "\xa0":
        return " "
    if ch in "(),:;" and (is_cjk(prev) or is_cjk(nxt)):
        return {"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"}[ch]
    return ch


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line's content, newline characters excluded."""
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        spans.append((pos, pos + len(content)))
        pos += len(line)
    return spans


def _visible_len(s: str) -> int:
    return sum(1 for ch in s if not ch.isspace())


def ends_sentence(line: str) -> bool:
    s = line.rstrip()
    while s and s[-1] in _CLOSERS and len(s) > 1 and s[-2] in TERMINAL:
        s = s[:-1]
    return bool(s) and s[-1] in TERMINAL


# a saved page's header fields (来源：… 作者：…) are a line of their own, never prose broken by a column
# the labels of a page's editing credits (kg.extract.people reads the names after them)
CREDIT_LABELS = ("责任编辑", "编辑", "责编", "编审", "终审", "初审", "复审", "审核", "校对", "监制")
_FIELD = re.compile("(?:" + "|".join((*CREDIT_LABELS, "來源", "来源", "作者", "編輯", "責任編輯", "終審", "發布時間",
                                      "发布时间", "发布日期", "时间", "時間", "日期", "浏览", "點擊", "点击"))
                    + r")\s*[:：]")


def joins(prev: str, nxt: str) -> bool:
    """Does the line break between `prev` and `nxt` fall inside a paragraph?

    The column layout breaks lines wherever the column ends: a line that is about as
    long as its neighbour and does not end a sentence continues on the next one.

    >>> joins("突出顶层设计、立梁构柱，建立高", "规格工作推进机制。市委常委会专题")
    True
    >>> joins("为全省三个示范市之一", "2月4日，在位于高新区的山东博源精密机械有限公司新能源汽车关键零部件项目现场")
    False
    >>> joins("2020-01-09 21:22:00 来源: 大众网 作者: 张迪 赵晨光 郭亮 王硕", "座谈会现场")
    False
    """
    p, n = prev.strip(), nxt.strip()
    if not p or not n or ends_sentence(p) or _FIELD.search(p) or _FIELD.search(n):
        return False
    if n.startswith(PARAGRAPH_STARTS) or _OUTLET_DATELINE.match(n) or p.startswith("——") or p.endswith(("：", ":")):
        return False
    if _BYLINE.fullmatch(p) or _CREDIT_OPENS.match(n) or _LEADER_LINE.fullmatch(p):
        return False          # ■本报记者 甲 通讯员 乙 | 文/图 丙; 副县长 甲 乙: credit and listing lines, each its own
    return _visible_len(p) >= 0.7 * max(_visible_len(p), _visible_len(n))


def clean(text: str) -> Cleaned:
    """Join broken lines, keep paragraph breaks as one newline, normalise widths and spaces.

    >>> page = "立梁构柱，建立高\\n\\n规格工作机制。\\n现有 50 个民族"
    >>> c = clean(page)
    >>> c.text
    '立梁构柱，建立高规格工作机制。\\n现有50个民族'
    >>> c.to_original(5, 10), text_at(c, page, 5, 10)
    ((5, 12), '建立高\\n\\n规格')
    """
    out: list[str] = []
    offs = array("q")           # 8 bytes a character: a 50 MB page stays affordable
    probe = to_simplified(text)  # decisions read a simplified copy (本報訊 is 本报讯); characters come from `text`
    lines = [(s, e) for s, e in _line_spans(text) if text[s:e].strip()]
    for i, (s, e) in enumerate(lines):
        _clean_line(text, probe, s, e, out, offs)
        if i + 1 < len(lines):
            ns, ne = lines[i + 1]
            if not joins(probe[s:e], probe[ns:ne]):
                out.append("\n")
                offs.append(e)
    offs.append(len(text))
    return Cleaned("".join(out), offs)


def text_at(c: Cleaned, original: str, start: int, end: int) -> str:
    s, e = c.to_original(start, end)
    return original[s:e]


# Characters that may change or go; everything between them is copied as one run.
_SPECIAL = re.compile(r"(?<=[\u3400-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)"
                      r"|[\s\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\xa0(),:;]|(?<=.)本报讯")


def _clean_line(text: str, probe: str, s: int, e: int, out: list[str], offs: array) -> None:
    line, read = text[s:e], probe[s:e]         # the line, and its simplified copy (same length)
    lead = len(line) - len(line.lstrip())
    line, read = line.strip(), read.strip()
    base = s + lead
    spaced = _letter_spaced(read)
    pos = 0
    for m in _SPECIAL.finditer(read):
        j = m.start()
        if j > pos:
            out.append(line[pos:j])
            offs.extend(range(base + pos, base + j))
        pos = j
        if len(m.group()) > 2 and m.group()[0] == "(":   # 會(huì)議: a mirror's pinyin over a character goes
            pos = m.end()
            continue
        if m.group() == "本报讯":          # a crawl's headline runs into the dateline: a paragraph starts here
            if out and out[-1] != "\n":
                out.append("\n")
                offs.append(base + j)
            continue
        ch = line[j]
        pos = j + 1
        if ch.isspace() and _drop_space(read, j, spaced):
            continue
        out.append(width_char(ch, line[j - 1] if j else "", line[j + 1] if j + 1 < len(line) else ""))
        offs.append(base + j)
    if pos < len(line):
        out.append(line[pos:])
        offs.extend(range(base + pos, base + len(line)))


def _letter_spaced(line: str) -> bool:
    """'凝 心 聚 力 建 设': a headline set with a space after every character."""
    return len(line) < 200 and re.fullmatch(r"(?:[\u3400-\u9fff]\s){3,}[\u3400-\u9fff]", line) is not None


def _drop_space(line: str, j: int, spaced: bool) -> bool:
    """A space beside a digit next to Chinese goes (现有 50 个); one between names stays."""
    if spaced:
        return True
    i = j - 1
    while i >= 0 and line[i].isspace():
        i -= 1
    k = j + 1
    while k < len(line) and line[k].isspace():
        k += 1
    if i < 0 or k >= len(line):
        return False
    a, b = line[i], line[k]
    digit = a.isdigit() or b.isdigit()
    return digit and (is_cjk(a) or is_cjk(b) or (a.isdigit() and b in "%％."))


# 。！？ with closing quotes, a newline, or the end before an item of a numbered list run into
# one line (an e-paper's contents: 标题甲2. 标题乙3. 标题丙): never a decimal (增长5.2%)
_SENT_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n|(?<=[\u4e00-\u9fff”）)》])(?=\d{1,2}[.．](?!\d))")
# A sentence longer than this is cut at its last clause mark (，；、) before the bound, or at
# the bound itself. No sentence of a real page comes near it (the longest seen, a list of
# attendees, is under 200 characters), but a page without 。 (a crawl that lost its
# punctuation, one sentence repeated with commas) would otherwise be one sentence whose
# every fact carries the whole page: that is what made such pages quadratic.
LONG_SENTENCE = 1000
_CLAUSE_MARKS = "，；、,;"


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], split after 。！？ (with closing quotes) and newlines;
    a sentence over LONG_SENTENCE characters is cut in pieces at clause marks.

    >>> t = "会议召开。李长萍出席！\\n好"
    >>> [t[s:e] for s, e in sentences(t)]
    ['会议召开。', '李长萍出席！', '好']
    >>> [e - s for s, e in sentences("出席会议，" * 500)]
    [1000, 1000, 500]
    >>> t = "1. 甲出席会议2. 乙讲话3.“丙”，增长5.2%"
    >>> [t[s:e] for s, e in sentences(t)]
    ['1. 甲出席会议', '2. 乙讲话', '3.“丙”，增长5.2%']
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        stop = m.end() if m.group() != "\n" else m.start()
        _add_sentence(spans, text, pos, stop)
        pos = m.end()
    _add_sentence(spans, text, pos, end)
    return spans


def _add_sentence(spans: list[tuple[int, int]], text: str, s: int, e: int) -> None:
    while e - s > LONG_SENTENCE:
        hi = s + LONG_SENTENCE
        cut = max(text.rfind(c, s + LONG_SENTENCE // 2, hi) for c in _CLAUSE_MARKS) + 1 or hi
        if text[s:cut].strip():
            spans.append((s, cut))
        s = cut
    if text[s:e].strip():
        spans.append((s, e))
