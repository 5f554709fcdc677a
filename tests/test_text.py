from __future__ import annotations

import pytest

from kg.text import clean, joins, sentences


@pytest.mark.parametrize("page, expected", [
    # a break inside a sentence, even with a blank line in it, is joined
    ("突出顶层设计、立梁构柱，建立高\n\n规格工作推进机制。", "突出顶层设计、立梁构柱，建立高规格工作推进机制。"),
    # a sentence end closes the paragraph
    ("为全省三个示范市之一。\n我市是领导干部的楷模", "为全省三个示范市之一。\n我市是领导干部的楷模"),
    # a short headline line before a long body line is its own paragraph
    ("聊城市质量大会召开\n把质量第一理念贯穿各领域全过程", "聊城市质量大会召开\n把质量第一理念贯穿各领域全过程"),
    # a dateline always starts a paragraph
    ("担保业务增幅全省第一\n本报讯 （记者 李政哲）", "担保业务增幅全省第一\n本报讯 （记者 李政哲）"),
    # a crawl's subheading runs into the next dateline, in either script; the page keeps its script
    ("新的一页。 福州：合作交流 本报讯（记者 甲）昨日", "新的一页。 福州：合作交流 \n本报讯（记者 甲）昨日"),
    ("新的一頁。 福州：合作交流 本報訊（記者 甲）昨日", "新的一頁。 福州：合作交流 \n本報訊（記者 甲）昨日"),
    # a traditional page's header field is a line of its own, and a break in its prose is joined
    ("來源：菏澤日報\n市委書記張倫主持會", "來源：菏澤日報\n市委書記張倫主持會"),
    ("突出頂層設計、立梁構柱，建立高\n\n規格工作推進機制。", "突出頂層設計、立梁構柱，建立高規格工作推進機制。"),
    # spaces around digits go; names in bylines keep theirs; letter-spaced headlines close up
    ("现有 50 个民族", "现有50个民族"),
    ("（记者 朱海波 张颖）", "（记者 朱海波 张颖）"),
    ("凝 心 聚 力 建 设", "凝心聚力建设"),
    # full-width digits and letters become ASCII, one for one
    ("２０２３年ＡＰＰ", "2023年APP"),
    # a mirror site's pinyin over a character (會(huì)) goes; a bracket of letters or words stays
    ("市委書記、市人大常委會(huì)主任甲在會(huì)議中心會(huì)見了乙", "市委書記、市人大常委會主任甲在會議中心會見了乙"),
    ("人工智能(AI)公司(简称)", "人工智能（AI）公司（简称）"),
])
def test_clean(page, expected):
    assert clean(page).text == expected


def test_every_clean_char_maps_to_the_same_original_char(seed_text):
    c = clean(seed_text)
    for i, ch in enumerate(c.text):
        if ch == "\n":
            continue
        orig = seed_text[c.offsets[i]]
        assert orig == ch or orig in "，（）：；" or ord(orig) > 0xFF00 or orig == "\u3000", (i, ch, orig)


def test_span_maps_back_over_a_joined_break(seed_text):
    c = clean(seed_text)
    i = c.text.index("建立高规格")
    s, e = c.to_original(i, i + 5)
    assert seed_text[s:e] == "建立高\n\n规格"


@pytest.mark.parametrize("prev, nxt, expected", [
    # a byline line and a line of credits are each their own (钱红 and 文/图 ran into 钱红文)
    ("■本报记者 樊一刚 通讯员 樊二红", "文/图 樊三丽", False),
    # a leaders' listing: a line of titles and the names after them
    ("县委副书记、县长 樊一刚", "县委常委、常务副县长 樊二红", False),
    ("县委书记樊一刚出席会议并讲话，县长樊二红", "通讯员 樊三丽", False),
    ("市委书记李长萍出席会议并讲话，", "市委副书记、市长张百顺主持，市人大", True),
    ("“繁森故里石榴红”品牌，打造“红石榴”", "品牌矩阵。举办“弘扬孔繁森精神与铸", True),
    ("族团结、中华民族一家亲的纽带桥梁。", "聊城获评首批山东省铸牢中华民族共同体意识示范市", False),
    ("——“龙腾盛世两河春”2024聊城春节联欢会精彩纷呈", "党的十八大以来，每逢新春佳节", False),
])
def test_joins(prev, nxt, expected):
    assert joins(prev, nxt) is expected


def test_sentences_keep_closing_quotes():
    t = "他说：“好。”会议召开！"
    assert [t[s:e] for s, e in sentences(t)] == ["他说：“好。”", "会议召开！"]
