"""located_in and part_of (issue 11, family 8), one invented sentence per case: (text, facts)."""
from __future__ import annotations

import pytest

from kg.pipeline import extract_document
from kg.types import Document


def facts(text, relation, *, place):
    r = extract_document(Document(id="t", text=text, date="2024-03-01", place=place))
    return sorted((f["subject"], f["object"]) for f in r["facts"] if f["relation"] == relation)


@pytest.mark.parametrize("text, place, expected", [
    # an event held at a place, the event before 在
    ("本报讯 3月5日，泰州市人民政府与远航重工集团战略合作签约仪式在泰州举行。", "泰州市",
     [("event/泰州市人民政府与远航重工集团战略合作签约仪式", "place/泰州市")]),
    # 在 + a chain of places + 举行 + the event: the last place of the chain
    ("7日上午，在常州市新北区举行沭阳招商联络处揭牌仪式。", "沭阳县",
     [("event/沭阳招商联络处揭牌仪式", "place/新北区")]),
    # a venue in a named place, the event after 举行的
    ("昨日下午，在泰州国际会展中心二号厅内举行的泰州市文旅推介会上，20个项目签约。", "泰州市",
     [("event/泰州市文旅推介会", "place/泰州市")]),
    # the home place, written 我市 in the story
    ("本报讯 7月27日，泰州市·沭阳县协作帮扶工作联席会议在我市召开。", "泰州市",
     [("event/泰州市·沭阳县协作帮扶工作联席会议", "place/泰州市")]),
    # a forum named with its host city in brackets keeps the whole name
    ("本报讯 5月9日，2024中国（泰州）电缆产业发展论坛在泰州举行。", "泰州市",
     [("event/2024中国（泰州）电缆产业发展论坛", "place/泰州市")]),
    # the place that holds it
    ("1月19日上午，沭阳县举行2024年第一季度重大项目集中开工仪式。", "沭阳县",
     [("event/2024年第一季度重大项目集中开工仪式", "place/沭阳县")]),
])
def test_events_held_in_a_place(text, place, expected):
    assert facts(text, "located_in", place=place) == expected


@pytest.mark.parametrize("text, place, expected", [
    ("在位于高新区的泰州远航精密机械有限公司项目现场，工人们忙碌着。", "泰州市",
     [("company/泰州远航精密机械有限公司", "place/泰州高新区")]),
    # the sentence's subject before 位于, not the investor named on the way
    ("泰州远航精密机械有限公司由青松置业集团有限公司投资，位于高新区。", "泰州市",
     [("company/泰州远航精密机械有限公司", "place/泰州高新区")]),
    # a company's seat written after it
    ("县长王强率团赴远航重工集团有限公司杭州总部对接洽谈。", "沭阳县",
     [("company/远航重工集团有限公司", "place/杭州市")]),
    # a branch named by its place, that place written in the article
    ("沭阳县召开银企对接会。工商银行沭阳支行行长赵一介绍了信贷情况。", "沭阳县",
     [("company/工商银行沭阳支行", "place/沭阳县"), ("event/银企对接会", "place/沭阳县")]),
    # a company that settles in a place (落户, 入驻), right after its name
    ("青松置业集团有限公司正式落户沭阳县，总投资10亿元。", "沭阳县",
     [("company/青松置业集团有限公司", "place/沭阳县")]),
    # companies visited inside a zone
    ("6月6日，县长王强深入产业集聚区，到青禾食品、金穗农牧等企业督导检查。", "沭阳县",
     [("company/金穗农牧", "place/沭阳产业集聚区"), ("company/青禾食品", "place/沭阳产业集聚区")]),
])
def test_companies_placed_by_the_text(text, place, expected):
    assert facts(text, "located_in", place=place) == expected


@pytest.mark.parametrize("text, place", [
    ("会议在市委常委会议室召开。", "泰州市"),                       # a room, no named place
    ("泰州市将举行2024年第一季度重大项目集中开工仪式。", "泰州市"),   # the place is no venue here: 将
    ("县长王强要求各企业做好安全生产。", "沭阳县"),
])
def test_no_place_no_located_in(text, place):
    assert facts(text, "located_in", place=place) == []


@pytest.mark.parametrize("text, place, expected", [
    # a town and its villages, a district and its community, as written
    ("9月28日，泗阳县城关镇五一村、南京市鼓楼区五一社区举行友好村庄签约活动。", "泗阳县",
     [("place/五一村", "place/城关镇"), ("place/五一社区", "place/鼓楼区"), ("place/城关镇", "place/泗阳县"),
      ("place/鼓楼区", "place/南京市")]),
    # a zone of the home place written 市经开区 / on its own after a boundary
    ("市政协主席章明率市经开区、市招商中心负责同志赴外地招商。泰州市", "泰州市",
     [("place/泰州经开区", "place/泰州市")]),
    ("县委办、工业集中区、工信局负责人陪同调研。沭阳县", "沭阳县", [("place/沭阳工业集中区", "place/沭阳县")]),
    # villages whose town is not written beside them belong to the one town the story names
    ("6月13日，区政协主席王强赴东园街道3个社区走访调研。王强一行走访了青竹社区、白塔社区。", "蜀山区",
     [("place/白塔社区", "place/东园街道"), ("place/青竹社区", "place/东园街道")]),
])
def test_part_of_to_the_nearest_written_place(text, place, expected):
    assert facts(text, "part_of", place=place) == sorted(expected)
