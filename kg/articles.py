"""A page -> articles: datelines, bylines, photo captions and headlines that follow their body.

City papers extracted from PDF put several stories on a page and often print a story's
headline *after* its body. A paragraph is a dateline (starts a story), a headline (short,
no closing punctuation) or body; a body paragraph after a headline that closes a story
starts the next one.
"""
from __future__ import annotations

import re

from kg.text import OUTLET_DATELINE, ends_sentence
from kg.types import Article

# 本报讯, 新华社…电, (记者 …), and an outlet's own: 中国菏泽网消息, 天津北方网讯, 某某融媒讯, 某某日报客户端讯
DATELINE = re.compile(
    r"^\s*(?:本报讯|本报记者|本网讯|本台讯|据新华社|新华社|【[^】]{0,20}】|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
    rf"(?:\d{{1,2}}|[一二三十]{{1,3}})日电|（记者|\(记者|■|{OUTLET_DATELINE})")
_ASIDE = re.compile(r"[（(][^（）()]{1,40}[）)]")
_CAPTION_END = re.compile(r"(?:■\s*[\u3400-\u9fff]{2,4}(?:\s+[\u3400-\u9fff]{2,4})*|[（(][^（）()]{0,20}摄[）)])\s*$")


# A dateline inside a line: a crawled headline run into its body on one line
_RUN_IN = re.compile(r"\s*(?:本报讯|本网讯|本台讯|[\u4e00-\u9fff]{2,4}网讯|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
                     rf"(?:\d{{1,2}}|[一二三十]{{1,3}})日电|{OUTLET_DATELINE})")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the non-empty lines of cleaned text; a headline run into its body on one
    line (`某某会见某集团客人 本报讯 3月5日，…`) is a paragraph of its own.

    >>> t = "区长甲会见乙集团客人 本报讯 3月5日，区长甲会见了客人。"
    >>> [t[s:e] for s, e in paragraphs(t)]
    ['区长甲会见乙集团客人', ' 本报讯 3月5日，区长甲会见了客人。']
    """
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            cut = _run_in_cut(line)
            spans += [(pos, pos + cut), (pos + cut, pos + len(line))] if cut else [(pos, pos + len(line))]
        pos += len(line) + 1
    return spans


def _run_in_cut(line: str) -> int:
    """Where the body starts in a line that opens with its headline, else 0."""
    for m in _RUN_IN.finditer(line, 4, 64):
        head = line[:m.start()]
        if head.strip() and not DATELINE.match(head) and kind(head) == "headline":
            return m.start()
    return 0


def kind(par: str) -> str:
    """'dateline', 'headline' or 'body'.

    >>> kind("本报讯（记者 张洁）2月5日，…"), kind("聊城市质量大会召开"), kind("会议以视频形式召开。")
    ('dateline', 'headline', 'body')
    >>> kind("中国菏泽网消息（记者 胡德光）1月11日，…"), kind("天津北方网讯：5日，…"), kind("中国菏泽网消息")
    ('dateline', 'dateline', 'headline')
    >>> kind("（图为庆典仪式现场）")
    'body'
    """
    s = par.strip()
    if DATELINE.match(s):
        return "dateline"
    if _ASIDE.fullmatch(s):
        return "body"          # （图为庆典仪式现场）, （完）: an aside inside the story, no headline
    if not ends_sentence(s) and len(s) <= 60 and not _CAPTION_END.search(s) and s.count("，") <= 1:
        return "headline"
    return "body"


def split_articles(text: str, *, doc_id: str) -> list[Article]:
    """Articles of a cleaned page, in page order; headlines join the story they follow.

    >>> page = "本报讯 会议召开。\\n李长萍出席。\\n会议召开\\n本报讯 签约仪式举行。"
    >>> [(a.title, page[a.start:a.end]) for a in split_articles(page, doc_id="d")]
    [('会议召开', '本报讯 会议召开。\\n李长萍出席。\\n会议召开'), ('', '本报讯 签约仪式举行。')]
    """
    groups: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    has_body = False    # kept as we go: a story of 10^5 lines must not be rescanned per line

    def close() -> None:
        nonlocal current, has_body
        if current:
            groups.append(current)
        current, has_body = [], False

    for start, end in paragraphs(text):
        par = text[start:end]
        k = kind(par)
        if k == "dateline" and has_body or k == "body" and has_body and current[-1][2] == "headline":
            close()
        current.append((start, end, k))
        has_body = has_body or k != "headline"
        if k != "headline" and _CAPTION_END.search(par):
            close()
    close()
    return [Article(id=f"{doc_id}#{n}", start=g[0][0], end=g[-1][1],
                    title=" ".join(text[s:e].strip() for s, e, c in g if c == "headline"))
            for n, g in enumerate(groups, start=1)]
