"""E-paper PDF pages -> a `Document` whose text is the stories in reading order.

pdfminer.six (MIT, pure Python, ships the Adobe-GB1 CMaps) gives each character's box, size
and font; it is an optional extra (`pip install 'kg[pdf]'`). Its own text order is not used:
`kg.readers.layout` and `kg.readers.epaper` rebuild lines, columns and stories from the boxes.
`chars_of(page)` is the only function that knows the library, so another backend (pypdfium2)
would replace one function.

The text written for a page: each story as its 引题, headline and subtitle (one line each), its
body paragraphs (lines of a column joined with no space between Chinese characters) and its
captions, stories apart by a blank line. Ads and furniture are not in the text; they are kept
in the document's `meta`. `layout` maps each text span back to its page and box.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from kg.readers import Composed, ReadError
from kg.readers.epaper import Page, Story, read_page
from kg.readers.layout import Block, Box, Char, Line, find_blocks, find_lines, stack_vertical
from kg.text import ends_sentence, is_cjk

INSTALL_HINT = "reading PDF needs pdfminer.six: pip install 'kg[pdf]'"


def read_pdf(path: str | Path) -> Composed:
    """Every page of the PDF at `path`, composed; raises ReadError when there is nothing to read
    (no text layer: a scan needs OCR first, which kg does not do)."""
    pages, scanned, unmapped = [], [], 0
    for number, page in enumerate(_pdf_pages(path), start=1):
        if not any(c.text.strip() for c in page.chars):
            scanned.append(number)
            unmapped += page.unmapped
            continue
        pages.append(layout_page(page.chars, page.boxes, number=number, width=page.width, height=page.height))
    if not pages:
        what = "page" if len(scanned) == 1 else f"any of its {len(scanned)} pages"
        if unmapped:
            raise ReadError(f"no readable text on {what}: its fonts map {unmapped} glyphs to no Unicode "
                            "characters (no ToUnicode table)")
        raise ReadError(f"no text layer on {what} (a scan?); kg does not do OCR: run OCR first"
                        if scanned else "no pages")
    out = compose(pages)
    if scanned:
        out.meta["pages_without_text"] = scanned
    return out


def layout_page(chars: list[Char], boxes: list[Box], *, number: int, width: float, height: float) -> Page:
    """Characters and frames of one page -> its stories, furniture and ads."""
    lines = stack_vertical(find_lines(chars))
    rules = [b for b in boxes if b.kind in ("rect", "line")]
    return read_page(find_blocks(lines, rules), boxes, number=number, width=width, height=height)


def compose(pages: list[Page]) -> Composed:
    """Pages -> one text with its stories and a map of spans to boxes."""
    out = Composed()
    parts: list[str] = []
    pos = 0

    def emit(piece: str, line: Line | None, page: int) -> None:
        nonlocal pos
        parts.append(piece)
        if line is not None and line.vertical:      # one box a character: x does not advance down a column
            skip = len(line.chars) - len(piece.lstrip())
            out.layout.extend((pos + i, pos + i + 1, page, _box(Line([c]))) for i, c in enumerate(line.chars[skip:]))
        elif line is not None and piece:
            out.layout.append((pos, pos + len(piece), page, _box(line)))
        pos += len(piece)

    for page in pages:
        for story in page.stories:
            if pos:
                emit("\n\n", None, page.number)
            start = pos
            for n, para in enumerate(_story_paragraphs(story)):
                if n:
                    emit("\n", None, page.number)
                for piece, line in para:
                    emit(piece, line, page.number)
            title = _line_text(story.headline) if story.headline else ""
            out.articles.append((start, pos, title))
        if page.meta:
            out.meta.setdefault("pages", []).append({"page": page.number, **page.meta})
        out.meta.setdefault("furniture", []).extend(_line_text(b) for b in page.furniture)
        out.meta.setdefault("ads", []).extend(_line_text(b) for b in page.ads)
    out.text = "".join(parts)
    first = next((p for p in out.meta.get("pages", []) if p.get("date") or p.get("paper")), {})
    out.meta.update({k: first[k] for k in ("paper", "date", "edition", "section") if k in first})
    return out


def _box(line: Line) -> tuple[float, float, float, float]:
    return (round(line.x0, 1), round(line.top, 1), round(line.x1, 1), round(line.bottom, 1))


def _line_text(b: Block) -> str:
    return "".join(piece for piece, _ in _joined(b.lines, paragraphs=False)[0])


def _story_paragraphs(story: Story) -> list[list[tuple[str, Line]]]:
    paras: list[list[tuple[str, Line]]] = []
    for b in [*story.kicker, *([story.headline] if story.headline else []), *story.subtitle]:
        paras += _joined(b.lines, paragraphs=False)
    body_lines = [(ln, b) for b in story.body for ln in b.lines]
    paras += _joined([ln for ln, _ in body_lines], paragraphs=True, blocks=[b for _, b in body_lines])
    for c in story.captions:
        paras += _joined(c.lines, paragraphs=False)
    return [p for p in paras if p]


def _joined(lines: list[Line], *, paragraphs: bool, blocks: list[Block] | None = None
            ) -> list[list[tuple[str, Line]]]:
    """Lines -> paragraphs of (text, line) pieces. A break is kept only after a line that ends a
    sentence when the next line is indented or this one stops short of its column's edge; a
    column's foot is not a paragraph end."""
    paras: list[list[tuple[str, Line]]] = [[]]
    prev: Line | None = None
    for i, ln in enumerate(lines):
        text = ln.text.lstrip(" \u3000")
        if not text:
            continue
        if prev is not None:
            block = blocks[i - 1] if blocks else None
            if paragraphs and _breaks(prev, ln, block):
                paras.append([])
            elif _needs_space(paras[-1][-1][0] if paras[-1] else "", text):
                text = " " + text
        paras[-1].append((text, ln))
        prev = ln
    return paras


def _breaks(prev: Line, ln: Line, block: Block | None) -> bool:
    if not ends_sentence(prev.text) and not prev.text.rstrip().endswith(("：", ":")):
        return False
    indented = ln.text.startswith(("\u3000", "  ")) or (block is not None and ln.x0 > block.x0 + 1.5 * ln.size)
    short = block is not None and prev.x1 < block.x1 - 1.5 * prev.size
    return indented or short


def _needs_space(before: str, after: str) -> bool:
    """Two lines of Latin text join with a space; Chinese, digits and punctuation join without."""
    if not before or not after:
        return False
    a, b = before[-1], after[0]
    return a.isascii() and a.isalpha() and b.isascii() and b.isalnum() and not (is_cjk(a) or is_cjk(b))


def _pdf_pages(path: str | Path):
    """(chars, boxes, width, height) of each page, through pdfminer.six."""
    try:
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage
    except ImportError:
        raise ReadError(INSTALL_HINT) from None
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    try:
        with open(path, "rb") as f:
            for page in PDFPage.get_pages(f):
                interpreter.process_page(page)
                yield chars_of(device.get_result())
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    except Exception as exc:  # noqa: BLE001 (a broken or encrypted file: pdfminer errors, struct, index, key)
        if "Password" in type(exc).__name__ or "Encryption" in type(exc).__name__:
            raise ReadError("encrypted PDF: a password is needed to read it; save a copy without one") from None
        detail = " ".join(str(exc).split())[:80]
        raise ReadError(f"not a readable PDF ({type(exc).__name__}{': ' + detail if detail else ''})") from None


class PageContent(NamedTuple):
    chars: list[Char]
    boxes: list[Box]
    width: float
    height: float
    unmapped: int = 0          # glyphs whose font gives no Unicode character


def chars_of(layout: Any) -> PageContent:
    """One pdfminer LTPage -> its characters and frames, top-left origin."""
    from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage, LTLine, LTRect

    x0, y0, x1, y1 = layout.bbox
    height = y1 - y0
    chars: list[Char] = []
    boxes: list[Box] = []
    unmapped = 0

    def walk(items: Any) -> None:
        nonlocal unmapped
        for o in items:
            if isinstance(o, LTChar):
                if o.get_text().startswith("(cid:"):        # a glyph with no Unicode mapping is not text
                    unmapped += 1
                else:
                    chars.append(Char(o.get_text(), o.x0 - x0, y1 - o.y1, o.x1 - x0, y1 - o.y0, round(o.size, 2)))
            elif isinstance(o, (LTRect, LTLine, LTCurve)):
                kind = "line" if isinstance(o, LTLine) or min(o.width, o.height) < 2 else "rect"
                boxes.append(Box(o.x0 - x0, y1 - o.y1, o.x1 - x0, y1 - o.y0, kind))
            elif isinstance(o, LTImage):
                boxes.append(Box(o.x0 - x0, y1 - o.y1, o.x1 - x0, y1 - o.y0, "image"))
            elif isinstance(o, LTFigure):
                walk(o)
    walk(layout)
    return PageContent(chars, boxes, x1 - x0, height, unmapped)
