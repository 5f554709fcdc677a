from __future__ import annotations

import pytest

from kg.extract import recognise, titles
from kg.extract.base import Context, mention


def posts(text: str) -> list[str]:
    return [m.text for m in titles.find(text, Context(), [])]


@pytest.mark.parametrize("text, expected", [
    ("市委书记在会上强调，要抓好春耕。", ["市委书记"]),
    ("公司总经理和两位副总经理出席。", ["总经理", "副总经理"]),
    ("这位主任医师从医三十年。", ["主任医师"]),
    ("本报记者从市教育局获悉。", ["记者"]),
    ("他是大学教授，也是常务副院长。", ["教授", "常务副院长"]),
])
def test_posts_wherever_they_stand(text, expected):
    assert posts(text) == expected


@pytest.mark.parametrize("text", ["市人大常委会召开会议。", "他走上主席台。", "记者会在下午举行。",
                                  "法院书记员记录在案。", "今天天气很好。"])
def test_words_that_only_contain_a_post(text):
    assert posts(text) == []


def test_leaves_titles_and_names_of_other_recognisers_alone():
    text = "副市长王刚说，市长张三和市委书记都来了。"
    found = [mention(0, 3, text, "title", org="市政府"), mention(3, 5, text, "person"),
             mention(12, 14, text, "organization")]
    assert [(m.start, m.text) for m in titles.find(text, Context(), found)] == [(7, "市长"), (12, "市委书记")]


def test_registered_in_recognise_without_retitling_people():
    text = "市委书记李长萍出席会议。会后，总经理介绍了情况。"
    found = recognise(text, Context())
    assert ("总经理", "title") in {(m.text, m.type) for m in found}
    assert [m.key for m in found if m.type == "person"] == ["李长萍"]
