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
