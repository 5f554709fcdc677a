"""Bad PDF and HTML pages (issue 16): each gets one clear line and the build goes on with the rest;
random bytes and random page-like documents never crash the readers, and offsets into the read text
always hold."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import main
from kg.readers import ReadError

pytest.importorskip("pdfminer")
reportlab = pytest.importorskip("reportlab")

from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from tests.epaper_pages import _font

PAGE = "本报讯 市委书记李长萍在聊城市高新区调研山东博源精密机械有限公司。"
_font()        # STSong-Light and its vertical form, registered once for every reader test


def _pdf(path: Path, pages: list[str], **kw) -> Path:
    c = canvas.Canvas(str(path), **kw)
    for text in pages:
        if text:
            c.setFont("STSong-Light", 10)
            c.drawString(72, 700, text)
        else:                              # a scanned page: a picture, no text layer
            c.rect(50, 50, 400, 600, fill=1)
        c.showPage()
    c.save()
    return path


def _truncated(d: Path) -> Path:
    data = _pdf(d / "whole.pdf", [PAGE]).read_bytes()
    (d / "whole.pdf").unlink()
    (d / "cut.pdf").write_bytes(data[: len(data) // 2])
    return d / "cut.pdf"


def _encrypted(d: Path) -> Path:
    enc = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", canPrint=0)
    return _pdf(d / "locked.pdf", [PAGE], encrypt=enc)


def _write(name: str, content: bytes):
    def make(d: Path) -> Path:
        (d / name).write_bytes(content)
        return d / name
    return make


BAD_PAGES = [  # (make the bad page in a folder, the line a user sees after "kg: skipped <path>")
    (_truncated, ": not a readable PDF ("),
    (_encrypted, ": encrypted PDF: a password is needed to read it; save a copy without one"),
    (lambda d: _pdf(d / "scan.pdf", [""]), ": no text layer on page (a scan?); kg does not do OCR: run OCR first"),
    (_write("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
     ": binary file (NUL bytes), not text"),
    (_write("nav.html", "<html><body><ul><li><a href='1.html'>首页</a></li></ul></body></html>".encode()),
     ": no article: under 100 Chinese characters of main text"),
]


@pytest.mark.parametrize("make, line", BAD_PAGES, ids=[m[1][:24] for m in BAD_PAGES])
def test_a_bad_page_gets_one_line_and_the_rest_is_built(tmp_path: Path, make, line: str) -> None:
    (tmp_path / "in").mkdir()
    bad = make(tmp_path / "in")
    (tmp_path / "in" / "ok_20240207.txt").write_text(PAGE, encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                                    "--place", "聊城市", "-q"])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert f"kg: skipped {bad}{line}" in res.output
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert "person/李长萍" in {e["id"] for e in graph["entities"]}          # the good page is built


def test_a_page_whose_charset_lies_is_read_by_its_bytes(tmp_path: Path) -> None:
    body = f"<html><head><meta charset='gb2312'><title>调研</title></head><body><p>{PAGE * 5}</p></body></html>"
    (tmp_path / "lying.html").write_bytes(body.encode("utf-8"))      # UTF-8 bytes under a gb2312 meta
    res = CliRunner().invoke(main, ["build", str(tmp_path / "lying.html"), "--out", str(tmp_path / "out"),
                                    "--place", "聊城市", "-q"])
    assert res.exit_code == 0, res.output
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert "company/山东博源精密机械有限公司" in {e["id"] for e in graph["entities"]}


def test_a_pdf_of_500_pages_is_built_page_by_page(tmp_path: Path) -> None:
    pages = [f"市委书记李长萍在聊城市调研第{i + 1}个项目，强调要抓好安全生产工作。" for i in range(500)]
    _pdf(tmp_path / "long.pdf", pages[:250] + [""] + pages[250:])       # and one scanned page among them
    res = CliRunner().invoke(main, ["build", str(tmp_path / "long.pdf"), "--out", str(tmp_path / "out"),
                                    "--place", "聊城市", "-q"])
    assert res.exit_code == 1 and "page 251: no text layer (a scan?)" in res.output
    doc = json.loads((tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert doc["text"].count("市委书记李长萍") == 500


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_random_bytes_never_crash_the_html_reader(raw: bytes) -> None:
    from kg.readers.html import read_html

    try:
        got = read_html(raw)
    except ReadError:
        return
    for start, end, _title in got.articles:
        assert 0 <= start <= end <= len(got.text)


_TAGS = st.sampled_from(["p", "div", "span", "h1", "td", "li", "script", "style", "a", "br", "founder-content"])
_CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=0, max_size=40)


@st.composite
def _pages(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 12))):
        tag = draw(_TAGS)
        parts.append(f"<{tag}>{draw(_CJK)}{draw(st.sampled_from(['', '，', '。', '&amp;', '<br>']))}</{tag}>")
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(["<div>", "</div>", "<p", "<!--", "-->", "&#x4e2d;", "\x00"])))
    meta = draw(st.sampled_from(["", "<meta charset='gb2312'>", "<meta charset='utf-8'>", "<meta charset='nope'>"]))
    return f"<html><head>{meta}<title>{draw(_CJK)}</title></head><body>{''.join(parts)}</body></html>"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_pages(), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_random_article_pages_never_crash_and_offsets_hold(page: str, encoding: str) -> None:
    from kg.readers.html import read_html

    try:
        got = read_html(page.encode(encoding, errors="replace"))
    except ReadError:
        return
    assert got.articles and all(0 <= s <= e <= len(got.text) for s, e, _ in got.articles)
    headline = got.meta.get("headline")
    assert headline is None or headline in got.text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.binary(min_size=0, max_size=600))
def test_random_bytes_after_a_pdf_header_never_crash_the_pdf_reader(tmp_path: Path, tail: bytes) -> None:
    from kg.readers.pdf import read_pdf

    path = tmp_path / "random.pdf"
    path.write_bytes(b"%PDF-1.4\n" + tail)
    try:
        got = read_pdf(path)
    except ReadError:
        return
    assert all(0 <= s <= e <= len(got.text) for s, e, _ in got.articles)
