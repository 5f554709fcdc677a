"""Readers for the pages users hold: e-paper PDFs (`pdf`) and saved HTML articles (`html`).

`read_file(path, name, ...)` turns one such file into a `Document` (or a `Problem`) for
`kg.ingest`; the document's `text` is exactly what kg read, so every offset points into it.
`locate(doc, start, end)` gives a PDF span's page and box.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.types import Document


class ReadError(ValueError):
    """A file that cannot be read as a document (the message is one line)."""


@dataclass
class Composed:
    """What a reader made of a file: the text, its stories as (start, end, title), its spans as
    (start, end, page, box) and what it learnt (`meta`: paper, date, headline, furniture ...)."""

    text: str = ""
    articles: list[tuple[int, int, str]] = field(default_factory=list)
    layout: list[tuple[int, int, int, tuple[float, float, float, float]]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".shtml": "html", ".xhtml": "html"}


def read_file(path: Path, name: str, *, date: str | None, place: str | None) -> list[Document | Any]:
    """One PDF or HTML file -> [a Document], or [a `kg.ingest.Problem` saying why not]; a PDF
    with some pages that have no text layer gives both (the document, and which pages were left out).

    The date printed on the page (PDF furniture, the article's date line) comes first, then
    `date`, then a date in the file name.
    """
    from kg.ingest import Problem, date_from_name, os_text
    kind = SUFFIXES[path.suffix.lower()]
    try:
        if kind == "pdf":
            from kg.readers.pdf import read_pdf
            got = read_pdf(path)
        else:
            from kg.readers.html import read_html
            got = read_html(path.read_bytes(), name=path.name)
    except ReadError as exc:
        return [Problem(str(path), str(exc))]
    except OSError as exc:
        return [Problem(str(path), f"cannot read: {exc.strerror or exc}")]
    except Exception as exc:  # noqa: BLE001 (a reader's own failure costs one file, never the build)
        return [Problem(str(path), f"reading failed: {type(exc).__name__}: {exc}")]
    meta = dict(got.meta)
    doc = Document(id=os_text(name), text=got.text, date=meta.get("date") or date or date_from_name(name),
                   place=place, source=os_text(str(path)), kind=kind, articles=tuple(got.articles),
                   layout=tuple(got.layout), meta=tuple(sorted(meta.items())))
    blank = meta.get("pages_without_text")
    if not blank:
        return [doc]
    pages = ", ".join(map(str, blank))
    return [doc, Problem(str(path), f"page{'s' if len(blank) > 1 else ''} {pages}: no text layer (a scan?); "
                                    "kg does not do OCR: the other pages were built")]


def locate(doc: Document, start: int, end: int) -> dict[str, Any]:
    """The page and box ([x0, top, x1, bottom], PDF points from the top-left) of doc.text[start:end];
    {} for a document without layout. Within a line, x is interpolated by character.

    >>> d = Document(id="p", text="甲乙丙丁", layout=((0, 4, 1, (0.0, 0.0, 40.0, 10.0)),))
    >>> locate(d, 1, 3)
    {'page': 1, 'box': [10.0, 0.0, 30.0, 10.0]}
    """
    return locator(doc)(start, end)


def locator(doc: Document) -> Callable[[int, int], dict[str, Any]]:
    """`locate` for many spans of one document: the span starts are sorted once."""
    spans = doc.layout
    starts = [s[0] for s in spans]

    def where(start: int, end: int) -> dict[str, Any]:
        if not spans or end <= start:
            return {}
        boxes, page = [], None
        for s, e, p, (x0, top, x1, bottom) in spans[max(0, bisect_right(starts, start) - 1):]:
            if s >= end:
                break
            if e <= start or (page is not None and p != page):
                continue
            page = p
            step = (x1 - x0) / max(1, e - s)
            a, b = max(s, start), min(e, end)
            boxes.append((x0 + (a - s) * step, top, x0 + (b - s) * step, bottom))
        if not boxes:
            return {}
        return {"page": page, "box": [round(min(b[0] for b in boxes), 1), round(min(b[1] for b in boxes), 1),
                                      round(max(b[2] for b in boxes), 1), round(max(b[3] for b in boxes), 1)]}
    return where


def reader_fields(doc: Document) -> dict[str, Any]:
    """What a reader learnt about a document, for its record in the graph: kind, paper, 版次,
    headline, pages ({} for plain text).

    >>> reader_fields(Document(id="p.pdf", text="", kind="pdf", meta=(("paper", "聊城日报"), ("ads", ["广告"]))))
    {'kind': 'pdf', 'paper': '聊城日报', 'ads': ['广告']}
    """
    if doc.kind == "text":
        return {}
    return {"kind": doc.kind, **{k: v for k, v in doc.meta if k not in ("id", "date", "place", "source", "text")}}
