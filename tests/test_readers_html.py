"""Saved HTML pages: decoding, main text, headline, date, source; templates; index pages and shells."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.readers import ReadError
from kg.readers.html import decode_html, read_html

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.exists()), ROOT.parent / "shared")
HTML = SHARED / "inputs" / "html"
BODY = ("本报讯（记者张洁）2月6日上午，全市生态环境保护工作会议召开。市委书记李长萍出席会议并讲话。会议强调，"
        "要深入学习贯彻习近平生态文明思想，坚决打好污染防治攻坚战，推动全市生态环境质量持续改善。")
MORE = "会议要求，各级各部门要压实责任，抓好中央生态环境保护督察反馈问题整改，以高水平保护推动高质量发展。"
NAV = "".join(f'<li><a href="/n{i}.html">栏目{i}新闻</a></li>' for i in range(30))


def article_page(*, charset: str = "utf-8", body: str = f"<p>{BODY}</p><p>{MORE}</p>") -> str:
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>全市生态环境保护工作会议召开_聊城新闻网</title></head><body><ul class=nav>{NAV}</ul>"
            f"<h1>全市生态环境保护工作会议召开</h1><div class=info>2024-02-07 08:30 来源：聊城日报</div>"
            f"<div class=content>{body}</div><div class=foot>版权所有 2003-2024</div></body></html>")


def test_gbk_bytes_under_a_gb2312_meta():
    page = article_page(charset="gb2312")
    c = read_html(page.encode("gbk"))
    assert c.text == "全市生态环境保护工作会议召开\n" + BODY + "\n" + MORE
    assert c.meta == {"headline": "全市生态环境保护工作会议召开", "date": "2024-02-07", "outlet": "聊城日报"}


def test_utf8_bytes_under_a_gb2312_meta():
    page = article_page(charset="gb2312")
    assert read_html(page.encode("utf-8")).text == read_html(page.encode("gbk")).text


def test_gb18030_characters_beyond_gbk_survive():
    page = article_page(charset="gbk", body=f"<p>{BODY}䶮</p>")      # 䶮 is in GB18030, not in GBK
    assert decode_html(page.encode("gb18030")).endswith("䶮</p></div><div class=foot>版权所有 2003-2024</div></body></html>")


def test_nav_and_footer_stay_out_of_the_main_text():
    c = read_html(article_page().encode())
    assert "栏目" not in c.text and "版权所有" not in c.text


@pytest.mark.parametrize("template", [
    (f"<founder-title>全市生态环境保护工作会议召开</founder-title><founder-date>2024-02-07</founder-date>"
     f"<founder-content><p>{BODY}</p><p>{MORE}</p></founder-content>"),
    f"<h1>全市生态环境保护工作会议召开</h1><!--enpcontent--><p>{BODY}</p><p>{MORE}</p><!--/enpcontent-->",
    f"<h1>全市生态环境保护工作会议召开</h1><div id=ozoom><p>{BODY}</p><p>{MORE}</p></div>",
])
def test_e_paper_templates_are_read_directly(template):
    page = f"<html><head><title>聊城日报数字报</title></head><body><div>{NAV}</div>{template}</body></html>"
    c = read_html(page.encode())
    assert c.text == "全市生态环境保护工作会议召开\n" + BODY + "\n" + MORE


def test_an_e_paper_article_page_with_links_to_its_pages_is_an_article():
    nav = "".join(f'<a href="node_{i:02d}.htm">第{i:02d}版：要闻</a>' for i in range(1, 9))
    page = (f"<html><body><div id=pageLink>{nav}</div><founder-title>全市生态环境保护工作会议召开</founder-title>"
            f"<founder-content><p>{BODY}</p><p>{MORE}</p></founder-content></body></html>")
    assert read_html(page.encode(), name="content_1234.htm").text.startswith("全市生态环境保护工作会议召开\n本报讯")


def test_an_e_paper_index_page_is_no_article_and_gives_no_date():
    page = ('<html><body><map name="PagePicMap"><area href="content_1.htm"></map>'
            f'<div id="pageLink">{NAV}</div><p>2020-01-01</p></body></html>')
    with pytest.raises(ReadError, match="^no article: an e-paper index page"):
        read_html(page.encode(), name="node_01.htm")


def test_a_script_shell_is_no_article():
    page = f"<html><head><title>决定</title><script>load('{BODY}')</script></head><body>{NAV}<div id=app></div></body></html>"
    with pytest.raises(ReadError, match="^no article: under 100 Chinese characters"):
        read_html(page.encode())


def test_kg_build_reads_html_and_keeps_the_text(tmp_path):
    from kg.pipeline import build

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_bytes(article_page(charset="gb2312").encode("gbk"))
    build([str(tmp_path / "in")], out=tmp_path / "out", place="聊城市", formats=("json",), cache=False)
    result = json.loads((tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8"))
    doc = result["document"]
    assert (doc["kind"], doc["date"], doc["headline"], doc["outlet"]) == (
        "html", "2024-02-07", "全市生态环境保护工作会议召开", "聊城日报")
    assert any(m["text"] == "李长萍" and result["text"][m["start"]:m["end"]] == "李长萍" for m in result["mentions"])


SAVED = {  # file -> (headline, date, a sentence of the main text)
    "gne_people_1_gb2312.html": ("女儿出嫁，郑板桥画了几笔兰花当嫁妆", "2019-06-15", "今年的6月16日是父亲节。"),
    "gne_163_9_gb2312.html": ("5月20日至31日，京沪高速无锡至江阴大桥至广陵枢纽段封闭！", "2019-05-17", "注意：由北往南高速通行不受影响。"),
    "gne_shanxi_gov_1.html": ("山西品牌丝路行（南美站）正式启动", "2019-09-18", "南美站活动将先后在巴西、乌拉圭、阿根廷举行。"),
    "gne_cjn_wuhan_1.html": ("外媒眼中的武汉长假：蓬勃发展，欢声笑语", "2020-10-04", "国庆中秋长假过半"),
    "gne_gzggw_deqing_1.html": ("1-10月德清县固定资产投资结构趋稳趋优", "2016-11-22", "总体全县投资结构趋稳趋优。"),
    "n4k_chinadaily_001.html": ("外国专家：中美合作共赢符合国际社会利益", "2023-11-17", "中美合作共赢是大势所趋"),
    "gne_cjddsb_changde_1.html": ("常德市金融系统积极开展“金融知识普及月金融知识进万家”活动", "2019-09-23",
                                  "志愿者们积极向市民宣传金融知识"),
}


@pytest.mark.skipif(not HTML.exists(), reason="shared inputs absent")
@pytest.mark.parametrize("name", sorted(SAVED))
def test_saved_pages(name):
    headline, date, sentence = SAVED[name]
    c = read_html((HTML / name).read_bytes(), name=name)
    assert (c.meta["headline"], c.meta.get("date")) == (headline, date)
    assert sentence in c.text and c.text.startswith(headline + "\n")
    assert "首页" not in c.text and "版权" not in c.text


@pytest.mark.skipif(not (HTML / "n4k_chinadaily_001.expected.txt").exists(), reason="shared inputs absent")
def test_the_upstream_expected_main_text():
    import difflib

    expected = "".join((HTML / "n4k_chinadaily_001.expected.txt").read_text(encoding="utf-8").split())
    got = "".join(read_html((HTML / "n4k_chinadaily_001.html").read_bytes()).text.split("\n", 1)[1].split())
    assert difflib.SequenceMatcher(None, got, expected, autojunk=False).ratio() >= 0.95


@pytest.mark.skipif(not (HTML / "oddmiss_rmrb_epaper_node01_20241225.html").exists(), reason="shared inputs absent")
def test_the_saved_e_paper_index_page():
    name = "oddmiss_rmrb_epaper_node01_20241225.html"
    with pytest.raises(ReadError, match="^no article: an e-paper index page"):
        read_html((HTML / name).read_bytes(), name=name)


def test_tag_soup_nested_thousands_deep_is_read():
    page = "<html><body>" + "<font>" * 5000 + f"<h1>全市生态环境保护工作会议召开</h1><p>{BODY}</p><p>{MORE}</p></body></html>"
    assert read_html(page.encode()).text == "全市生态环境保护工作会议召开\n" + BODY + "\n" + MORE
