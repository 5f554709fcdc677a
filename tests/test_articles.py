from __future__ import annotations

import pytest

from kg.articles import kind, split_articles
from kg.text import clean


@pytest.mark.parametrize("paragraph, expected", [
    ("本报讯（记者 朱海波 张颖 通讯员 潘玉亮）2月4日，记者从全省民族宗教局长会议获悉", "dateline"),
    ("新华社北京2月6日电 会议召开。", "dateline"),
    ("聊城市质量大会召开", "headline"),
    ("——“龙腾盛世两河春”2024聊城春节联欢会精彩纷呈", "headline"),
    ("近年来，高新区坚持“创新兴区”战略，取得了新进展和新成效。 ■ 田柏林", "body"),
    ("走，赶集去！", "body"),
    # an outlet's own dateline opens a story as 本报讯 does
    ("中国菏泽网消息（记者 胡德光）1月11日，市委书记主持召开会议。", "dateline"),
    ("天津北方网讯：5日，新区人大常委会举行会议。", "dateline"),
    ("本网讯 1月17日上午，市政协常委会会议召开。", "dateline"),
])
def test_kind(paragraph, expected):
    assert kind(paragraph) == expected


def test_seed_page_splits_into_its_stories(seed_text):
    text = clean(seed_text).text
    arts = split_articles(text, doc_id="p")
    titles = [a.title for a in arts]
    assert titles[0].startswith("聊城获评首批山东省铸牢中华民族共同体意识示范市")
    assert "聊城市质量大会召开" in titles[3]
    # the photo caption is a story of its own, closed by its ■ byline
    assert text[arts[1].start:arts[1].end].endswith("■ 田柏林")
    starts = [text[a.start:a.start + 3] for a in arts]
    assert starts[2:5] == ["本报讯"] * 3


def test_headline_first_crawl_record():
    text = "聊城市召开质量大会\n本报讯 2月6日上午，聊城市质量大会召开。\n李长萍出席。"
    arts = split_articles(text, doc_id="r")
    assert len(arts) == 1 and arts[0].title == "聊城市召开质量大会"


def test_a_story_after_one_whose_headline_follows_it_opens_at_its_outlets_dateline():
    """PDF text: a headline after its body, cut into column lines like the body, then the next
    story's outlet dateline on the next line: the dateline is never joined to the headline."""
    page = ("　　本报讯 5月9日，全市项目建设推进会召\n开。市委书记甲出席会议并讲话。\n"
            "项目建设推进会召开\n"
            "中国菏泽网消息（记者 乙）5月9日，市长丙到\n企业调研。")
    text = clean(page).text
    arts = split_articles(text, doc_id="p")
    assert [a.title for a in arts] == ["项目建设推进会召开", ""]
    assert text[arts[1].start:arts[1].end].startswith("中国菏泽网消息")
