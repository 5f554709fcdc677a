"""E-paper PDF pages written by the tests (reportlab), read back story by story."""
from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("pdfminer")
pytest.importorskip("reportlab")

from epaper_pages import Story, make_page

from kg.readers import ReadError, locate, read_file
from kg.readers.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.exists()), ROOT.parent / "shared")
INPUTS = SHARED / "inputs" / "pdf"
WORDS = ("会议", "强调", "全市", "生态环境", "保护", "工作", "推动", "高质量发展", "企业", "项目", "建设", "群众",
         "服务", "融资担保", "质量", "强市", "乡村振兴", "产业", "创新", "改革", "开放", "民生", "基层", "治理",
         "2023年", "5亿元", "12个", "新能源汽车", "零部件", "示范区", "（市、区）", "“三项计划”")


def para(seed: int, n: int = 120) -> str:
    """A paragraph of n-odd characters that no other seed repeats line for line."""
    import random

    rng, out = random.Random(seed), ""
    while len(out) < n:
        out += "".join(rng.choice(WORDS) for _ in range(rng.randint(3, 6))) + rng.choice("，，，、；。")
    return out.rstrip("，、；") + "。"


P1, P2, P3 = para(1), para(2), para(3)
AD = ["广告　某某置业　城市新地标　火热认筹中", "咨询热线：0635-1234567"]


def four_columns() -> list[Story]:
    return [Story(["本报讯（记者张洁）" + para(11), para(12), para(13)], title="全市生态环境保护工作会议召开",
                  subtitle="压实责任抓好督察整改", span=2),
            Story([para(21), para(22)], title="政府性融资担保业务增幅全省第一", kicker="优化营商环境", span=2,
                  photo=True, caption="图为企业生产车间。记者 王某 摄"),
            Story([para(31), para(32), para(33)], title="聊城市质量大会召开", span=3),
            Story([para(41)], title="简讯", span=1)]


def six_columns() -> list[Story]:
    return [Story([para(51), para(52)], title="全市生态环境保护工作会议召开", span=2),
            Story([para(61), para(62)], title="融资担保业务增幅全省第一", span=2, photo=True,
                  caption="图为签约现场。记者 李某 摄"),
            Story([para(71)], title="质量大会召开", span=2),
            Story([para(81), para(82), para(83)], title="春节联欢会精彩纷呈", kicker="有情有趣 有味有料", span=3),
            Story([para(91), para(92)], title="赶集去", span=3)]


def accuracy(got: str, expected: str) -> float:
    a, b = "".join(got.split()), "".join(expected.split())
    same = sum(m.size for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return same / max(len(a), len(b), 1)


def stories_of(path: Path) -> list[tuple[str, str]]:
    c = read_pdf(path)
    return [(title, c.text[s:e]) for s, e, title in c.articles]


def assert_stories(got: list[tuple[str, str]], expected: list[Story]) -> None:
    assert [t for t, _ in got] == [s.title for s in expected]          # every story, in reading order
    for (_, text), st in zip(got, expected):
        assert accuracy(text, st.expected()) >= 0.99, (st.title, text)
        others = "".join(t for t2, t in got if t2 != st.title)
        for line in st.drawn:                                         # no line of it inside another story
            assert len(line.strip()) < 8 or line.strip() not in others


@pytest.mark.parametrize("columns, stories", [(4, four_columns), (6, six_columns)])
@pytest.mark.parametrize("shuffle", [None, 1, 2])
def test_stories_come_out_whole_and_in_order(tmp_path, columns, stories, shuffle):
    expected = make_page(tmp_path / "p.pdf", stories(), columns=columns, shuffle=shuffle, ad=AD)
    assert_stories(stories_of(tmp_path / "p.pdf"), expected)


def test_a_story_continued_in_the_next_column_is_one_paragraph_run(tmp_path):
    expected = make_page(tmp_path / "p.pdf", four_columns(), shuffle=5)
    text = stories_of(tmp_path / "p.pdf")[0][1]
    assert expected[0].drawn[len(expected[0].drawn) // 2 - 1] and len(expected[0].drawn) > 8   # two columns
    body = text.split("\n")[2:]                    # headline, subtitle, then the paragraphs
    assert body == expected[0].paragraphs          # lines joined with no space, a column foot is no break


@pytest.mark.parametrize("opening", ["", "本报讯 "])
def test_untitled_stories_side_by_side_stay_apart(tmp_path, opening):
    """A rule between them, or a dateline opening the second, says they are two briefs."""
    briefs = [Story([para(101)], span=1), Story([opening + para(102)], span=1), Story([para(103)], title="简讯", span=2)]
    expected = make_page(tmp_path / "p.pdf", briefs, shuffle=4, fence=not opening)
    got = stories_of(tmp_path / "p.pdf")
    assert len(got) == 3 and [accuracy(t, st.expected()) >= 0.99 for (_, t), st in zip(got, expected)] == [True] * 3


def test_a_brief_titled_a_size_above_the_body_is_its_own_story(tmp_path):
    briefs = [Story([para(121)], title="市场监管局开展抽检", span=1, title_size=12),
              Story([para(122)], title="城区新增公交线路", span=1, title_size=11.5),
              Story([para(123)], title="全市质量大会召开", span=2)]
    expected = make_page(tmp_path / "p.pdf", briefs, shuffle=8)
    assert_stories(stories_of(tmp_path / "p.pdf"), expected)


@pytest.mark.parametrize("shuffle", [None, 6])
def test_a_vertical_headline_titles_the_story_beside_it(tmp_path, shuffle):
    stories = [Story([para(111)], title="全市质量大会召开", span=2),
               Story([para(112), para(113)], title="赶集去过大年", span=1, vertical=True),
               Story([para(114)], title="简讯", span=1)]
    expected = make_page(tmp_path / "p.pdf", stories, shuffle=shuffle)
    assert_stories(stories_of(tmp_path / "p.pdf"), expected)


def test_furniture_ads_captions_and_credits_are_recognised(tmp_path):
    make_page(tmp_path / "p.pdf", four_columns(), ad=AD, shuffle=3, folio="3")
    c = read_pdf(tmp_path / "p.pdf")
    assert "3" in c.meta["furniture"] and not c.text.endswith("3")          # the page number
    assert c.meta["paper"] == "聊城日报" and c.meta["date"] == "2024-02-07"
    assert (c.meta["edition"], c.meta["section"]) == ("1", "要闻")
    assert "本版责任编辑王某某" in c.meta["furniture"]
    assert c.meta["ads"] == AD and "广告" not in c.text and "认筹" not in c.text
    second = c.text[c.articles[1][0]:c.articles[1][1]].split("\n")
    assert second[:2] == ["优化营商环境", "政府性融资担保业务增幅全省第一"]   # 引题 kept with its story
    assert second[-1] == "图为企业生产车间。记者 王某 摄"                    # the caption too, last


def test_the_page_date_comes_from_the_furniture(tmp_path):
    make_page(tmp_path / "p_20990101.pdf", four_columns(), dateline="2024年2月5日 星期一 第3版 要闻")
    [doc] = read_file(tmp_path / "p_20990101.pdf", "p_20990101.pdf", date="2030-01-01", place=None)
    assert doc.date == "2024-02-05" and doc.kind == "pdf"


def test_a_mention_carries_page_and_box(tmp_path):
    make_page(tmp_path / "p.pdf", four_columns())
    [doc] = read_file(tmp_path / "p.pdf", "p.pdf", date=None, place=None)
    at = doc.text.index("政府性融资担保") + 3
    where = locate(doc, at, at + 4)
    x0, top, x1, bottom = where["box"]
    assert where["page"] == 1 and 36 <= x0 < x1 <= 992 and 0 < top < bottom < 1417
    assert 60 < x1 - x0 < 100 and 18 <= bottom - top <= 24        # four 22 pt headline characters


def test_a_page_without_text_is_a_one_line_warning(tmp_path):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "scan.pdf"), pagesize=(595, 842))
    c.rect(0, 0, 595, 842, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(ReadError, match=r"^no text layer on page \(a scan\?\); kg does not do OCR"):
        read_pdf(tmp_path / "scan.pdf")


def test_a_scanned_page_among_text_pages_is_named_and_the_rest_built(tmp_path):
    from epaper_pages import FONT, _font, wrap
    from reportlab.pdfgen import canvas

    _font()
    c = canvas.Canvas(str(tmp_path / "two.pdf"), pagesize=(595, 842))
    c.setFont(FONT, 10)
    for i, line in enumerate(wrap(P1, 400, 10, indent=True)):
        c.drawString(72, 760 - 14 * i, line)
    c.showPage()
    c.rect(0, 0, 595, 842, fill=1)           # page 2: an image-only page
    c.showPage()
    c.save()
    doc, problem = read_file(tmp_path / "two.pdf", "two.pdf", date=None, place=None)
    assert doc.text == P1 and all(p == 1 for _, _, p, _ in doc.layout)
    assert str(problem).endswith("two.pdf: page 2: no text layer (a scan?); kg does not do OCR: the other pages were built")


@pytest.mark.skipif(not (INPUTS / "synthetic_reportlab_4col_epaper.pdf").exists(), reason="shared inputs absent")
def test_the_shared_four_column_page():
    truth = json.loads((INPUTS / "synthetic_reportlab_4col_epaper.truth.json").read_text(encoding="utf-8"))
    c = read_pdf(INPUTS / "synthetic_reportlab_4col_epaper.pdf")
    got = [(title, c.text[s:e]) for s, e, title in c.articles]
    a, b = truth["articleA"], truth["articleB"]
    assert [t for t, _ in got] == [a["title"], "突出上下联动 构建全域创建模式"]
    assert accuracy(got[0][1], a["title"] + a["subtitle"] + a["body"]) >= 0.99
    assert accuracy(got[1][1], b["title"] + b["body"] + b["caption"]) >= 0.99
    for line in a["lines"]:
        assert len(line.strip()) < 6 or line.strip() not in got[1][1]
    for line in b["lines_placed"]:
        assert len(line.strip()) < 6 or line.strip() not in got[0][1]
    assert c.meta["paper"] == truth["masthead"] and truth["vertical"] in c.meta["furniture"]
    assert c.meta["ads"] == truth["ad"]


def test_without_the_pdf_extra_a_pdf_is_one_line_saying_what_to_install(tmp_path, monkeypatch):
    make_page(tmp_path / "p.pdf", four_columns())
    monkeypatch.setitem(sys.modules, "pdfminer.converter", None)       # as if pdfminer.six were not installed
    [problem] = read_file(tmp_path / "p.pdf", "p.pdf", date=None, place=None)
    assert str(problem) == f"{tmp_path / 'p.pdf'}: reading PDF needs pdfminer.six: pip install 'kg[pdf]'"


@pytest.mark.skipif(not (INPUTS / "mineru_p3_cn_book_text_figure.pdf").exists(), reason="shared inputs absent")
def test_the_shared_book_page_in_order_with_its_page_number_as_furniture():
    c = read_pdf(INPUTS / "mineru_p3_cn_book_text_figure.pdf")
    at = [c.text.index(s) for s in ("第六章、三角形原理的普遍意义", "按照语法的通解", "好莱坞何以", "电影语言语法的三角形原理",
                                    "一、关系线与运动线", "不论这两个居中心位置")]
    assert at == sorted(at) and c.meta["furniture"] == ["99"] and "99" not in c.text
