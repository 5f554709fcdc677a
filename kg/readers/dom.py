"""A small forgiving HTML tree on the standard library's parser, and its text as blocks.

Saved news pages are tag soup (unclosed <p>, stray end tags, GBK bytes): the tree closes what
the HTML rules close implicitly and ignores end tags that match nothing. `blocks(node)` gives
the visible text as paragraphs, each with how much of it is link text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"}
HIDDEN = {"script", "style", "noscript", "template", "svg", "iframe", "select", "button", "textarea",
          "object", "head", "title", "option"}
BLOCK = {"address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "figcaption",
         "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
         "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul", "br",
         "founder-content", "founder-title", "founder-date", "founder-author"}
_CLOSES_P = BLOCK - {"br", "founder-content"}
_IMPLIED = {"li": {"li"}, "td": {"td", "th"}, "th": {"td", "th"}, "tr": {"tr"}, "dt": {"dt", "dd"},
            "dd": {"dt", "dd"}, "option": {"option"}}
_CJK_OR_PUNCT = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"


@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None

    def find_all(self, pred) -> list[Node]:
        out, stack = [], [self]
        while stack:
            n = stack.pop()
            if pred(n):
                out.append(n)
            stack.extend(reversed([c for c in n.children if isinstance(c, Node)]))
        return out


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]
        self.title = ""
        self.meta: dict[str, str] = {}
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        if tag == "title":
            self._in_title = True
        if tag == "p" or tag in _CLOSES_P:
            self._close_open("p", stop=BLOCK - {"p"})
        if tag in _IMPLIED:
            self._close_open(tag, also=_IMPLIED[tag], stop={"table", "ul", "ol", "dl", "select"})
        node = Node(tag, a, parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def _close_open(self, tag: str, *, also: set[str] = frozenset(), stop: set[str]) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            t = self.stack[i].tag
            if t == tag or t in also:
                del self.stack[i:]
                return
            if t in stop:
                return

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self.stack[-1].children.append(data)


def parse(html: str) -> tuple[Node, str, dict[str, str]]:
    """HTML text -> (tree, <title> text, meta name -> content).

    >>> root, title, meta = parse("<title>标题_某网</title><meta name=publishdate content=2024-02-07><p>甲<p>乙")
    >>> title, meta, [b.text for b in blocks(root)]
    ('标题_某网', {'publishdate': '2024-02-07'}, ['甲', '乙'])
    """
    b = _Builder()
    try:
        b.feed(html)
        b.close()
    except (AssertionError, ValueError):   # the parser gives up on some broken markup: keep what it built
        pass
    return b.root, squash(b.title), b.meta


@dataclass
class TextBlock:
    text: str
    links: int          # characters inside <a>
    owner: Node         # the block element the text sits in


def blocks(node: Node) -> list[TextBlock]:
    """The visible text under `node` as paragraphs, in document order."""
    out: list[TextBlock] = []
    parts: list[str] = []
    links = [0]
    owner = [node]

    def flush() -> None:
        text = squash("".join(parts))
        if text:
            out.append(TextBlock(text, min(links[0], len(text)), owner[0]))
        parts.clear()
        links[0] = 0

    # an explicit stack, not recursion: tag soup may nest thousands of unclosed <font>s deep
    stack: list[tuple[Node | str | None, bool, Node | None]] = [(c, False, None) for c in reversed(node.children)]
    while stack:
        item, in_link, leaving = stack.pop()
        if leaving is not None:               # the end of a block element: back to its parent's block
            flush()
            owner[0] = leaving
        elif isinstance(item, str):
            parts.append(item)
            if in_link:
                links[0] += len(squash(item))
        elif item is None or item.tag in HIDDEN or _hidden_style(item):
            continue
        elif item.tag in BLOCK:
            flush()
            stack.append((None, in_link, owner[0]))
            owner[0] = item
            stack.extend((c, in_link, None) for c in reversed(item.children))
        else:
            link = in_link or item.tag == "a"
            stack.extend((c, link, None) for c in reversed(item.children))
    flush()
    return out


def _hidden_style(n: Node) -> bool:
    return "display:none" in n.attrs.get("style", "").replace(" ", "").lower()


def squash(text: str) -> str:
    """Collapse whitespace; none left between Chinese characters or at the ends.

    >>> squash("  　　聊城\\n 日报  2024 年 ")
    '聊城日报 2024 年'
    """
    text = re.sub(r"[\s\u3000\xa0]+", " ", text).strip()
    return re.sub(rf"(?<={_CJK_OR_PUNCT}) (?={_CJK_OR_PUNCT})", "", text)


def cjk_count(text: str) -> int:
    """Chinese characters in `text`.

    >>> cjk_count("聊城 2024")
    2
    """
    return sum(1 for ch in text if "\u3400" <= ch <= "\u9fff")
