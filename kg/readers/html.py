"""Saved HTML article pages -> headline, date, source and main text.

The bytes are decoded here (strict UTF-8; then the declared charset, gb2312/gbk read as gb18030;
then detection), because declared charsets lie: saved pages often hold UTF-8 under a gb2312 meta.
E-paper templates are read directly (Founder `<founder-content>` and `<!--enpcontent-->`,
people.com.cn `#ozoom`); other pages by text density (the element whose paragraphs hold the
most non-link Chinese text). E-paper index pages and script-filled shells are "no article",
and no date is taken from them.
"""
from __future__ import annotations

import re
from typing import Any

from kg.readers import Composed, ReadError
from kg.readers.dom import Node, TextBlock, blocks, cjk_count, parse, squash

MIN_ARTICLE_CJK = 100
DATE_META = ("publishdate", "pubdate", "firstpublishedtime", "article:published_time", "og:release_date",
             "published_time", "publish_time", "pubtime", "datepublished", "dc.date", "date")
SOURCE_META = ("source", "contentsource", "article:author", "og:site_name", "sitename")
TITLE_META = ("og:title", "articletitle", "headline", "twitter:title")
INDEX_SIGNS = re.compile(r"<map\s+name=[\"']?PagePicMap|id=[\"']?pageLink|\bnode_\d+\.s?html?\b.{0,200}版",
                         re.IGNORECASE | re.DOTALL)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_GB = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030",
       "euc-cn": "gb18030"}
_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_SOURCE = re.compile(r"来源[:：]\s*([^\s|｜<>　:：]{2,30}?)(?=[\s|｜<>　:：]|时间|作者|发布|编辑|责编|日期|浏览|点击|字号|$)")
_TITLE_SPLIT = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s|--|——)\s*")


def decode_html(raw: bytes) -> str:
    """Bytes of a saved page -> text: strict UTF-8, else the meta's charset (GB names read as
    GB18030), else detection.

    >>> page = '<meta charset="gb2312"><p>聊城日报</p>'
    >>> decode_html(page.encode("gbk")) == decode_html(page.encode("utf-8")) == page
    True
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(raw[:4096])
    if m:
        name = m.group(1).decode("ascii").lower()
        try:
            return raw.decode(_GB.get(name, name))
        except (UnicodeDecodeError, LookupError):
            pass
    from kg.ingest import decode

    try:
        return decode(raw)
    except ValueError as exc:
        raise ReadError(str(exc)) from None


def read_html(raw: bytes, *, name: str = "") -> Composed:
    """A saved article page -> its text (headline line, then paragraphs) and metadata.

    >>> body = "".join(f"<p>第{i}段，市委书记在会上讲话，强调要抓好生态环境保护工作。</p>" for i in range(6))
    >>> page = f"<title>全市会议召开_某某网</title><h1>全市会议召开</h1><div>2024-02-07 来源：某某日报</div><div>{body}</div>"
    >>> c = read_html(page.encode())
    >>> c.text.splitlines()[0], c.meta["date"], c.meta["outlet"]
    ('全市会议召开', '2024-02-07', '某某日报')
    """
    html = decode_html(raw)
    root, page_title, meta = parse(html)
    found = _template(root, html)      # an e-paper article page links to its 版面 pages too: template first
    if found is None and (INDEX_SIGNS.search(html) or re.search(r"(?:^|/)node_\d+\.s?html?$", name, re.IGNORECASE)):
        raise ReadError("no article: an e-paper index page (版面导航); read its content_*.htm(l) pages instead")
    main, paras = found or _densest(root)
    if cjk_count("".join(b.text for b in paras)) < MIN_ARTICLE_CJK:
        raise ReadError(f"no article: under {MIN_ARTICLE_CJK} Chinese characters of main text "
                        "(a page whose text is loaded by script?)")
    title = _title(root, page_title, meta) or _heading_before(root, main) or _title_split(page_title)
    if paras and squash(paras[0].text) == title:
        paras = paras[1:]
    info = _info_blocks(root, main, title)
    found: dict[str, Any] = {"headline": title, "date": _date(meta, root, info),
                             "outlet": _source(meta, info, page_title)}
    text = "\n".join([title, *(b.text for b in paras)]) if title else "\n".join(b.text for b in paras)
    return Composed(text=text, articles=[(0, len(text), title)], meta={k: v for k, v in found.items() if v})


def _template(root: Node, html: str) -> tuple[Node, list[TextBlock]] | None:
    """The e-paper templates' own article containers."""
    for pred in (lambda n: n.tag == "founder-content", lambda n: n.attrs.get("id", "").lower() == "ozoom"):
        found = root.find_all(pred)
        if found:
            return found[0], blocks(found[0])
    m = re.search(r"<!--\s*enpcontent\s*-->(.*?)<!--\s*/enpcontent\s*-->", html, re.DOTALL | re.IGNORECASE)
    if m:
        fragment, _, _ = parse(m.group(1))
        return fragment, blocks(fragment)
    return None


def _densest(root: Node) -> tuple[Node, list[TextBlock]]:
    """The element whose own paragraphs hold the most non-link Chinese text, and its paragraphs."""
    score: dict[int, float] = {}
    nodes: dict[int, Node] = {}
    for b in blocks(root):
        n = cjk_count(b.text)
        if n < 8 or b.links > 0.5 * len(b.text):
            continue
        weight = n * (1 - b.links / max(1, len(b.text)))
        first = b.owner.parent if b.owner.tag in ("p", "h2", "h3", "h4", "li", "br") else b.owner
        for node, share in ((first, 1.0), (first.parent if first else None, 0.5)):
            if node is not None:
                score[id(node)] = score.get(id(node), 0.0) + weight * share
                nodes[id(node)] = node
    if not score:
        return root, []
    best = nodes[max(score, key=lambda k: (score[k], -_depth(nodes[k])))]
    return best, [b for b in blocks(best) if b.links <= 0.5 * len(b.text) and not _chrome(b.text)]


def _depth(n: Node) -> int:
    d = 0
    while n.parent is not None:
        n, d = n.parent, d + 1
    return d


def _chrome(text: str) -> bool:
    """Share buttons, print links and the like, left inside an article's container."""
    return len(text) <= 12 and re.search(r"分享|打印|关闭|收藏|返回|字号|扫一扫|【[大中小]】", text) is not None


def _title(root: Node, page_title: str, meta: dict[str, str]) -> str:
    founder = root.find_all(lambda n: n.tag == "founder-title")
    if founder:
        return "".join(b.text for b in blocks(founder[0]))
    named = next((squash(meta[k]) for k in TITLE_META if meta.get(k)), "")
    for tag in ("h1", "h2", "h3"):
        for h in root.find_all(lambda n, tag=tag: n.tag == tag):
            text = squash("".join(b.text for b in blocks(h)))
            if len(text) >= 4 and (text in page_title or text in named or named and named in text):
                return text
    return named


def _heading_before(root: Node, main: Node) -> str:
    """The nearest h1-h3 before the main text (an e-paper article page titles itself with the paper)."""
    everything, own = blocks(root), blocks(main)
    end = next((i for i, b in enumerate(everything) if own and b.text == own[0].text), len(everything))
    for b in reversed(everything[:end]):
        if b.owner.tag in ("h1", "h2", "h3") and len(b.text) >= 4:
            return b.text
    return ""


def _title_split(page_title: str) -> str:
    parts = [p for p in _TITLE_SPLIT.split(page_title) if len(p) >= 4]
    return parts[0] if parts else page_title


def _info_blocks(root: Node, main: Node, title: str) -> list[str]:
    """The text between the headline and the main text, and a few lines after it: where the
    date and source are printed."""
    everything = [b.text for b in blocks(root)]
    own = blocks(main)
    start = next((i for i, t in enumerate(everything) if title and t == title), None)
    end = next((i for i, t in enumerate(everything) if own and t == own[0].text), None)
    if start is None:
        start = max(0, (end or 0) - 6)
    if end is None or end < start:
        end = start + 6
    last = next((i for i in range(len(everything) - 1, end - 1, -1) if own and everything[i] == own[-1].text), end)
    return everything[start:end + 1] + everything[last + 1:last + 9]


def _date(meta: dict[str, str], root: Node, info: list[str]) -> str | None:
    from kg.ingest import normalise_date

    founder = root.find_all(lambda n: n.tag == "founder-date")
    candidates = ["".join(b.text for b in blocks(founder[0]))] if founder else []
    candidates += [meta[k] for k in DATE_META if meta.get(k)] + info
    for value in candidates:
        m = _DATE.search(value)
        if m:
            date = normalise_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
            if date:
                return date
    return None


def _source(meta: dict[str, str], info: list[str], page_title: str) -> str | None:
    for key in SOURCE_META[:2]:
        value = squash(meta.get(key, "")).removeprefix("来源：").removeprefix("来源:").strip()
        if value:
            return value
    for line in info:
        m = _SOURCE.search(line)
        if m:
            return m.group(1)
    site = next((squash(meta[k]) for k in SOURCE_META[2:] if meta.get(k)), "")
    if site:
        return site
    parts = [p for p in _TITLE_SPLIT.split(page_title) if p]
    return parts[-1] if len(parts) > 1 else None
