"""Signings and partnerships (issue 11, family 7), one invented sentence per case: (text, facts)."""
from __future__ import annotations

import pytest

from kg.pipeline import extract_document
from kg.types import Document


def pairs(text, relation, *, place):
    r = extract_document(Document(id="t", text=text, date="2024-03-01", place=place))
    return sorted(tuple(sorted((f["subject"], f["object"]))) for f in r["facts"] if f["relation"] == relation)


@pytest.mark.parametrize("text, place, expected", [
    # a government and a company on each side of 与
    ("3月5日下午，泰州市人民政府与远航重工集团有限公司签订战略合作框架协议。", "泰州市",
     [("company/远航重工集团有限公司", "organization/泰州市人民政府")]),
    # the party a signer signs for (代表县政府), not the signer's own titles
    ("副县长李明代表县政府与青松置业集团有限公司副总裁王刚签署协议。", "沭阳县",
     [("company/青松置业集团有限公司", "organization/沭阳县人民政府")]),
    # the nearest party before 与, not the body that arranged it
    ("县商务局协调落实县政府与青松置业集团有限公司签署合作协议。", "沭阳县",
     [("company/青松置业集团有限公司", "organization/沭阳县人民政府")]),
    # the home place written 我县 signs; 全市 names no party
    ("5月9日，我县与远航重工集团有限公司举行项目签约仪式。", "沭阳县",
     [("company/远航重工集团有限公司", "place/沭阳县")]),
    # a place as a party
    ("沭阳县与远航重工集团有限公司签约", "沭阳县", [("company/远航重工集团有限公司", "place/沭阳县")]),
    # one party with each of a list (分别与A、B签订)
    ("工商银行沭阳县支行行长赵一分别与沭阳县宏达建材有限公司、沭阳县绿源农业有限公司签订了合作协议。", "沭阳县",
     [("company/沭阳县宏达建材有限公司", "company/工商银行沭阳县支行"),
      ("company/沭阳县绿源农业有限公司", "company/工商银行沭阳县支行")]),
    # three parties: every pair
    ("远航重工集团有限公司总经理周一、青松置业集团有限公司董事长吴二、沭阳县绿源农业有限公司董事长郑三代表三方签署战略合作协议。",
     "沭阳县", [("company/沭阳县绿源农业有限公司", "company/远航重工集团有限公司"),
              ("company/沭阳县绿源农业有限公司", "company/青松置业集团有限公司"),
              ("company/远航重工集团有限公司", "company/青松置业集团有限公司")]),
    # two signers listed over clauses 代表双方政府: each side's government, not the party committee in a title
    ("会上，宿迁市副市长陈一军，泰州市委常委、常务副市长黄二忠代表双方政府签署《深化对口合作协议》。", "泰州市",
     [("organization/宿迁市人民政府", "organization/泰州市人民政府")]),
    # 和 where no 与 names the pair
    ("泰州市人民政府和远航重工集团有限公司签订战略合作协议。", "泰州市",
     [("company/远航重工集团有限公司", "organization/泰州市人民政府")]),
    # three parties listed without 代表
    ("远航重工集团有限公司、青松置业集团有限公司、丰台建设集团有限公司三方签署合作协议。", "泰州市",
     [("company/丰台建设集团有限公司", "company/远航重工集团有限公司"),
      ("company/丰台建设集团有限公司", "company/青松置业集团有限公司"),
      ("company/远航重工集团有限公司", "company/青松置业集团有限公司")]),
    # a partnership entered
    ("泰州市人民政府与远航重工集团有限公司建立全面战略合作伙伴关系。", "泰州市",
     [("company/远航重工集团有限公司", "organization/泰州市人民政府")]),
    # an existing business partnership
    ("沭阳县融资担保有限公司积极作为，与省担保集团开展业务合作300笔。", "沭阳县",
     [("company/沭阳县融资担保有限公司", "company/省担保集团")]),
])
def test_signings_give_cooperation(text, place, expected):
    assert pairs(text, "cooperates_with", place=place) == sorted(tuple(sorted(x)) for x in expected)


@pytest.mark.parametrize("text, place", [
    ("双方将在城市建设等领域展开全方位合作，沭阳县将与远航重工集团有限公司加强合作。", "沭阳县"),   # will cooperate
    ("沭阳县与远航重工集团有限公司签订合作意向书。", "沭阳县"),                                       # an intention
    ("会上，沭阳县人民政府就合作事宜与远航重工集团有限公司进行了深入交流。", "沭阳县"),               # talks
    ("市委副书记、市长王强与远航重工集团有限公司总经理周一签订合作协议。", "泰州市"),             # the mayor's titles name no party
    ("他表示，远航重工集团有限公司愿充分发挥优势，在相关领域与泰州市开展全方位合作。", "泰州市"),   # a wish
])
def test_talks_and_intentions_are_no_cooperation(text, place):
    assert pairs(text, "cooperates_with", place=place) == []


def test_a_paired_assistance_agreement_between_places_is_partner_of():
    text = "当天，沭阳县与泗阳县签订2024年结对帮扶协议。"
    assert pairs(text, "cooperates_with", place="沭阳县") == []
    assert pairs(text, "partner_of", place="沭阳县") == [("place/沭阳县", "place/泗阳县")]


@pytest.mark.parametrize("text, place, expected", [
    ("9月28日，泗阳县城关镇五一村、南京市鼓楼区五一社区举行友好村庄合作签约活动。", "泗阳县",
     [("place/五一村", "place/五一社区")]),
    ("当天，丰台区与沭阳县签订东西部协作协议。", "沭阳县", [("place/丰台区", "place/沭阳县")]),
    ("7月27日，泰州市·沭阳县协作帮扶工作联席会议召开。", "沭阳县", [("place/沭阳县", "place/泰州市")]),
    # the places a delegation went to pair with its home, not with each other
    ("5月7日，宁波象山县长王一利率象山代表团赴吉林省延边州龙井市、敦化市开展对口帮扶协作工作。", "象山县",
     [("place/敦化市", "place/象山县"), ("place/象山县", "place/龙井市")]),
    # a province written before the home county is no partner
    ("巴中市通江县东西部协作工作联席会议在庆云县召开。", "通江县", [("place/庆云县", "place/通江县")]),
    # a friendship talked about is no partnership yet
    ("副市长王一会见总领事一行，双方围绕经贸合作以及建立友好城市进行沟通交流。", "宁波市", []),
])
def test_partnerships_between_places(text, place, expected):
    assert pairs(text, "partner_of", place=place) == expected
