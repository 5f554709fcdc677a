"""Signings and partnerships (issue 11, family 7), one invented sentence per case: (text, facts)."""
from __future__ import annotations

import pytest

from kg.pipeline import extract_document
from kg.types import Document


def pairs(text, relation, *, place):
    r = extract_document(Document(id="t", text=text, date="2024-03-01", place=place))
    return sorted({tuple(sorted((f["subject"], f["object"]))) for f in r["facts"] if f["relation"] == relation})


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
    # an agreement renewed or concluded (续签, 达成…协议)
    ("日照市与日照港集团有限公司续签战略合作协议。", "日照市", [("company/日照港集团有限公司", "place/日照市")]),
    ("淄博市与山东能源集团有限公司达成战略合作协议。", "淄博市", [("company/山东能源集团有限公司", "place/淄博市")]),
    # 分别代表A和B: the bodies after 代表
    ("签约仪式上，副市长张一与鲁南制药集团股份有限公司副总裁王二分别代表市政府和鲁南制药集团股份有限公司签订战略合作协议。",
     "临沂市", [("company/鲁南制药集团股份有限公司", "organization/临沂市人民政府")]),
    # a partnership in being or entered without 与 (甲是/成为乙的战略合作伙伴)
    ("山东能源集团有限公司成为淄博市人民政府的战略合作伙伴。", "淄博市",
     [("company/山东能源集团有限公司", "organization/淄博市人民政府")]),
    ("淄博市与山东能源集团有限公司是长期战略合作伙伴。", "淄博市", [("company/山东能源集团有限公司", "place/淄博市")]),
    # 代表双方: a signer signs for the body of the title nearest the name (市长), not for 市委 too
    ("会上，市委副书记、市长刘志强与华能新能源股份有限公司总经理陈立新代表双方签约。", "宜昌市",
     [("company/华能新能源股份有限公司", "organization/宜昌市人民政府")]),
    ("嘉定区委副书记、区长高一香与遵义市委副书记、市长李二睿代表双方签字。", "遵义市",
     [("organization/嘉定区人民政府", "organization/遵义市人民政府")]),
    # 代表双方 signers stand for the sides of the story's signing (a group's subsidiary for the group)
    (("3月11日下午，泰州市人民政府与远航重工集团有限公司战略合作签约仪式在泰州举行。根据协议，双方将在新能源等领域开展合作。"
      "副市长陈一与远航电力控股有限公司江苏大区总经理王二代表双方签约。"), "泰州市",
     [("company/远航重工集团有限公司", "organization/泰州市人民政府")]),
    # … but not where a signer's body is none of them (another deal of a ceremony)
    ("集中签约仪式上，泰州市与远航重工集团有限公司签约。副市长陈一与青松置业集团有限公司总经理王二代表双方签订投资协议。", "泰州市",
     [("company/远航重工集团有限公司", "place/泰州市"), ("company/青松置业集团有限公司", "organization/泰州市人民政府")]),
    # 该公司 as a party: the one company the story named before
    ("沭阳县融资担保有限公司积极作为。5月，该公司与江苏银行沭阳支行签订银担合作协议。", "沭阳县",
     [("company/江苏银行沭阳支行", "company/沭阳县融资担保有限公司")]),
    # a witness in a clause before is no party, and no doubt on the signing
    ("市委书记江一见证签约，淄博市人民政府与山东能源集团有限公司签订战略合作框架协议。", "淄博市",
     [("company/山东能源集团有限公司", "organization/淄博市人民政府")]),
    # 双方 stands for the pair named in the sentence before
    ("3月2日，赣州市人民政府与深圳市投资控股有限公司举行工作座谈。会后，双方签署了战略合作框架协议。", "赣州市",
     [("company/深圳市投资控股有限公司", "organization/赣州市人民政府")]),
    # a list of pairs: each pair, not the first party with every other
    ("签约仪式上，长沙县人民政府与中联重科股份有限公司、湖南建工集团有限公司与三一重工股份有限公司分别签订合作协议。",
     "长沙县", [("company/中联重科股份有限公司", "organization/长沙县人民政府"),
              ("company/三一重工股份有限公司", "company/湖南建工集团有限公司")]),
    # the second signing of a sentence is its own: 东西部协作 in the first does not make it partner_of
    ("会上，宁波市人民政府与延边州人民政府签订东西部协作协议，远航重工集团有限公司与延边州龙井市签约共建产业园。", "宁波市",
     [("company/远航重工集团有限公司", "place/龙井市"),
      ("organization/宁波市人民政府", "organization/延边朝鲜族自治州人民政府")]),
])
def test_signings_give_cooperation(text, place, expected):
    assert pairs(text, "cooperates_with", place=place) == sorted(tuple(sorted(x)) for x in expected)


@pytest.mark.parametrize("text, place", [
    ("双方将在城市建设等领域展开全方位合作，沭阳县将与远航重工集团有限公司加强合作。", "沭阳县"),   # will cooperate
    ("沭阳县与远航重工集团有限公司签订合作意向书。", "沭阳县"),                                       # an intention
    ("会上，沭阳县人民政府就合作事宜与远航重工集团有限公司进行了深入交流。", "沭阳县"),               # talks
    ("市委副书记、市长王强与远航重工集团有限公司总经理周一签订合作协议。", "泰州市"),             # the mayor's titles name no party
    ("他表示，远航重工集团有限公司愿充分发挥优势，在相关领域与泰州市开展全方位合作。", "泰州市"),   # a wish
    ("经过多轮洽谈，淄博市与山东能源集团有限公司达成共识，将签订合作协议。", "淄博市"),   # agreed to sign later
    ("山东能源集团有限公司希望成为淄博市人民政府的战略合作伙伴。", "淄博市"),          # a wish
    ("山东能源集团有限公司是淄博市人民政府的重点企业，也是我市重要的合作伙伴。", "淄博市"),   # 乙 not right after 是
    ("山东省与德国巴伐利亚州结为友好省州。", "济南市"),                               # partner_of says it
    # a signing planned, hoped for, talked about, failed or only witnessed
    ("下一步，将推动淄博市与山东能源集团有限公司签订战略合作协议。", "淄博市"),
    ("力争淄博市与山东能源集团有限公司年内签约。", "淄博市"),
    ("淄博市与山东能源集团有限公司有望于年内签署合作协议。", "淄博市"),
    ("淄博市与山东能源集团有限公司就签约事宜进行了沟通。", "淄博市"),
    ("山东能源集团有限公司与淄博市未能签约。", "淄博市"),
    ("淄博市与山东能源集团有限公司共同见证了5个项目签约。", "淄博市"),
    # 双方 with no pair named before (a meeting of a mayor and a guest): whose sides?
    ("市长王强会见了远航重工集团有限公司董事长周一一行。会后，双方签署了战略合作协议。", "泰州市"),
    ("赣州市人民政府与深圳市投资控股有限公司举行工作座谈。双方将签署战略合作框架协议。", "赣州市"),   # will sign
    # more bodies than sides (县委 and 县政府 for one side): which one signs is not written
    ("县委书记吴一、县长郑二与远航重工集团有限公司董事长周三代表双方签约。", "沭阳县"),
    # a place opening the name of a body no recogniser found is no party (the body signs)
    ("12月5日，昆山市与台湾电电公会签订合作协议。", "昆山市"),
    # a 山海协作 signing between places is partner_of
    ("10月16日，我县与杭州市余杭区举行山海协作产业园共建签约仪式。", "淳安县"),
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
    # a list of pairs of places: each pair
    ("会上，宁波市鄞州区与延边州龙井市、宁波市北仑区与延边州敦化市分别签订结对帮扶协议。", "宁波市",
     [("place/北仑区", "place/敦化市"), ("place/鄞州区", "place/龙井市")]),
    # cities abroad, their country before them a qualifier, not a partner
    ("济南市与德国奥格斯堡市、青岛市与德国雷根斯堡市分别签订缔结友好城市协议书。", "济南市",
     [("place/奥格斯堡市", "place/济南市"), ("place/雷根斯堡市", "place/青岛市")]),
    ("11月2日，临沂市与俄罗斯新西伯利亚市缔结友好城市关系。", "临沂市", [("place/临沂市", "place/新西伯利亚市")]),
    # friendship cities and provinces abroad, by any of their names
    ("4月10日，我市与日本冈山县缔结友好交流城市关系。", "日照市", [("place/冈山县", "place/日照市")]),
    ("淄博市同韩国光州广域市签署友好城市协议。", "淄博市", [("place/光州广域市", "place/淄博市")]),
    ("山东省与德国巴伐利亚州结为友好省州。", "济南市", [("place/山东省", "place/巴伐利亚州")]),
    # a place abroad qualifying a name no recogniser found is no partner (the city is)
    ("4月10日，我市与日本冈山县新见市缔结友好交流城市关系。", "日照市", []),
    # 两地 stands for the home and the place named before
    ("泗阳县党政代表团来我县考察。县委书记王一会见了泗阳县委书记李二一行。两地签订新一轮结对合作协议。", "沭阳县",
     [("place/沭阳县", "place/泗阳县")]),
    # two pacts in one sentence: each clause its own pairs
    (("会上，宁波市人民政府与黔西南州人民政府签订东西部协作协议，宁波市海曙区与黔西南州兴义市、宁波市江北区与黔西南州兴仁市"
      "分别签订结对帮扶协议。"), "宁波市",
     [("place/宁波市", "place/黔西南布依族苗族自治州"), ("place/江北区", "place/兴仁市"), ("place/海曙区", "place/兴义市")]),
    # a cue whose clause names no partner reads on (the partners follow)
    ("我市深化对口协作，积极与西藏阿里地区、青海省刚察县对接。", "聊城市", [("place/刚察县", "place/聊城市"), ("place/聊城市", "place/阿里地区")]),
    # a pact in the first clause pairs the places of that clause only
    ("会上，宁波市人民政府与延边州人民政府签订东西部协作协议，远航重工集团有限公司与延边州龙井市签约共建产业园。", "宁波市",
     [("place/宁波市", "place/延边朝鲜族自治州")]),
    ("10月16日，我县与杭州市余杭区举行山海协作产业园共建签约仪式。", "淳安县", [("place/余杭区", "place/淳安县")]),
    # the places inside two hospitals' names are no partners (the hospitals cooperate); a government's are
    ("沭阳县人民医院与泗阳县人民医院签订对口帮扶协议。", "沭阳县", []),
    ("会上，宁波市人民政府与延边州人民政府签订东西部协作协议。", "宁波市", [("place/宁波市", "place/延边朝鲜族自治州")]),
    # a friendship talked about is no partnership yet
    ("副市长王一会见总领事一行，双方围绕经贸合作以及建立友好城市进行沟通交流。", "宁波市", []),
])
def test_partnerships_between_places(text, place, expected):
    assert pairs(text, "partner_of", place=place) == sorted(tuple(sorted(x)) for x in expected)
