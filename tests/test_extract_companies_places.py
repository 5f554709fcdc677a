"""Company and place recognition for issue 11 (families 8-9): (sentence, expected names)."""
from __future__ import annotations

import pytest

from kg.pipeline import recognise


def names(text, type_, place="沭阳县"):
    return [(m.text, m.key) for m in recognise(text, place=place, flat=False) if m.type == type_]


@pytest.mark.parametrize("text, expected", [
    # a headline run into the body: the headline's words open no name
    ("区长王明会见远大置业集团有限公司董事长李四", [("远大置业集团有限公司", "远大置业集团有限公司")]),
    ("县长王明看望华润置地集团有限公司员工", [("华润置地集团有限公司", "华润置地集团有限公司")]),
    # function words, time words and verbs before a name are not part of it
    ("目前远航重工集团已经在泰州投资物流", [("远航重工集团", "远航重工集团")]),
    ("对沭阳给予远航重工集团的支持表示感谢", [("远航重工集团", "远航重工集团")]),
    ("县发改局以及青禾集团主要负责人参加", [("青禾集团", "青禾集团")]),
    ("该院隶属世界500强远航重工集团", [("远航重工集团", "远航重工集团")]),
    ("园区项目承建单位远航建设集团", [("远航建设集团", "远航建设集团")]),
    ("火腿加工企业江苏沭阳青禾食品有限公司", [("江苏沭阳青禾食品有限公司", "江苏沭阳青禾食品有限公司")]),
    # a shorter mention inside the full name is not a second company
    ("青禾集团投资有限公司董事长李四", [("青禾集团投资有限公司", "青禾集团投资有限公司")]),
    # a verb of visiting opens no company's name; a bare 集团 is none
    ("主席欢迎宋书记到访集团，感谢市委支持。", []),
    # a utility's local company, named by its trade (国网某某供电公司)
    ("国网泰州供电公司总经理李四出席。", [("国网泰州供电公司", "国网泰州供电公司")]),
    # the registered name without its legal suffix, its place kept, is the same company
    ("承办方：河南远城建设集团股份有限公司。河南远城建设集团董事长李四、远城建设集团副总经理王五出席。",
     [("河南远城建设集团股份有限公司", "河南远城建设集团股份有限公司"), ("河南远城建设集团", "河南远城建设集团股份有限公司"),
      ("远城建设集团", "河南远城建设集团股份有限公司")]),
    # bank branches named by their place are companies; the bank's short name is an alias
    ("中国工商银行股份有限公司宿迁分行与工行宿迁分行", [("中国工商银行股份有限公司宿迁分行", "中国工商银行股份有限公司宿迁分行"),
                                        ("工行宿迁分行", "中国工商银行股份有限公司宿迁分行")]),
    # companies listed before 等企业 under their written short names
    ("县长王强走访青禾食品、金穗农牧、蓝海电子等重点企业", [("青禾食品", "青禾食品"), ("金穗农牧", "金穗农牧"),
                                          ("蓝海电子", "蓝海电子")]),
    ("引导钢铁、化工、建材等企业转型升级", []),
    ("引导光伏、储能、新能源、生物医药等企业集聚", []),              # trades, not firms
    # a firm written by its trade name before 企业; a generic trade is none
    ("督导组到我县抽查了正大制管企业", [("正大制管", "正大制管")]),
    ("支持科技企业、民营食品企业和一批新材料企业发展", []),
    # beside a registered company in a list, items named by a trade are companies; a hall is not
    ("考察团深入南山竹海、诚铭电子、石墨烯展示馆、欧亚照明股份有限公司等考察",
     [("诚铭电子", "诚铭电子"), ("欧亚照明股份有限公司", "欧亚照明股份有限公司")]),
])
def test_companies(text, expected):
    assert names(text, "company") == expected


def test_a_central_bank_branch_is_an_organisation():
    assert ("人民银行宿迁市中心支行", "人民银行宿迁市中心支行") in names("人民银行宿迁市中心支行副行长李四出席", "organization")
    assert names("人民银行宿迁市中心支行副行长李四出席", "company") == []


@pytest.mark.parametrize("text, place, expected", [
    ("泗阳县城关镇五一村、南京市鼓楼区五一社区", "泗阳县",
     ["泗阳县", "城关镇", "五一村", "南京市", "鼓楼区", "五一社区"]),
    ("先后走访了美虹社区、七里塘社区、岳西新村社区", "蜀山区", ["美虹社区", "七里塘社区", "岳西新村社区"]),
    ("仔细查看各社区的办公场所，认真听取社区工作汇报，确保社区平安，实现强村带弱村", "蜀山区", []),
    ("县长王强深入产业集聚区，到园区调研", "沭阳县", ["沭阳产业集聚区"]),
    ("市政协主席率市经开区负责同志赴外地", "泰州市", ["泰州经开区"]),
    ("由高邮市人民政府主办的扬州高邮国家农业科技园区签约仪式", "高邮市",
     ["高邮市", "高邮国家农业科技园区", "扬州市", "高邮市"]),
    ("多年来，嵊州经济快速发展", "嵊州市", ["嵊州市"]),            # the home county's short form
    ("红网嵊州站讯", "嵊州市", []),                             # an outlet's name
    ("县长率团赴泰州、兴化、靖江考察", "沭阳县", ["泰州市", "兴化市", "靖江市"]),   # short forms in a list of places
    ("推动建设、发展、和平等工作", "沭阳县", []),
    # a name holding 镇 before its own suffix is no town (驻镇帮镇扶村工作队)
    ("镇党委副书记、驻镇帮镇扶村工作队队长林华新陪同", "沭阳县", []),
    # a short form that ends inside the next word is none (在巴|中国); one before a word is (泰安|全市)
    ("这里聚集了在巴中国移民和中资企业。泰安全市上下", "沭阳县", ["中国", "泰安市"]),
    ("县总工会《关于评选劳模的请示》和县妇联《关于召开大会的请示》", "鄠邑区", []),   # 和 joins
    # function words open or run into no town's name
    ("县长到丙浦等乡镇调研，考察了丙浦镇丁山村，指导该村建设。", "漳浦县", ["丙浦镇", "丁山村"]),
    ("上午，王书记到我镇调研。", "罗山县", []),
    ("庆云县向乙凤坝镇捐赠了帮扶资金。", "秀山土家族苗族自治县", ["庆云县", "乙凤坝镇"]),
    ("东阳县向阳村党支部书记王一出席。", "东阳市", ["东阳市", "向阳村"]),
    # a division's short form inside a person's or a village's name is none; 来宾 are guests
    ("区统计局局长韩海东到唐昌街道调研。", "郫都区", ["唐昌街道"]),
    ("副县长刘一蔚来到山城镇六安村西山水库。", "南靖县", ["山城镇", "六安村"]),
    ("向各位来宾表示欢迎，到甲寨镇三个社区调研。", "城中区", ["甲寨镇"]),
    # the town before its own head's post
    ("莽张镇镇长桂一辉陪同调研，各乡镇长参加。", "罗山县", ["莽张镇"]),
    # 代县长 is an acting county head; 结为友好县 names no 友好区
    ("县政府代县长孙一辉出席会议。", "修水县", []),
    ("平原县与邻县结为友好县。", "平原县", ["平原县"]),
])
def test_places(text, place, expected):
    assert [k for _, k in names(text, "place", place)] == expected


def test_a_zone_paper_s_own_zone():
    """In the paper of a zone (home outside the division data), 开发区 alone is that zone."""
    from kg.divisions import Division
    from kg.extract import recognise as rec
    from kg.extract.base import Context

    ctx = Context(home=Division(code="", name="泰州经济技术开发区", level="district", parent=None))
    got = [(m.text, m.key, m.attr("parent")) for m in rec("泰州经济技术开发区举行仪式。位于开发区内。", ctx)
           if m.type == "place"]
    assert got == [("泰州经济技术开发区", "泰州经济技术开发区", "泰州市"), ("泰州", "泰州市", "江苏省"),
                   ("开发区", "泰州经济技术开发区", None)]


@pytest.mark.parametrize("text, type_, expected", [
    # 中国 opening an outlet's name, a phrase or a national body's name is no place
    ("深入学习贯彻习近平新时代中国特色社会主义思想。", "place", []),
    ("他说，中国建筑业走在世界前列。", "place", [("中国", "中国")]),
    # 位居全省前列 in a city's paper writes no province
    ("本市经济增速位居全省前列。", "place", []),
    # a term of the CPPCC written in full is the city's 政协, not a 菏泽市委员会
    ("中国人民政治协商会议第十五届沭阳县委员会第四次会议开幕。", "organization", [("沭阳县委员会", "沭阳县政协")]),
    # 株式会社 registers a company; capitals are part of a firm's name
    ("县长王明会见韩国THN株式会社代表。", "company", [("韩国THN株式会社", "韩国THN株式会社")]),
])
def test_places_and_bodies_of_national_names(text, type_, expected):
    assert names(text, type_) == expected


def test_an_outlets_country_is_no_place():
    assert "中国" not in [key for _, key in names("中国菏泽网消息（记者 王明）市委书记李四调研。", "place")]


def test_a_region_of_a_company_is_no_place():
    assert names("副县长王明与远航电力控股有限公司江苏大区总经理李四签约。", "place") == []


def test_a_zone_with_a_name_of_its_own_and_the_county_seat_town():
    text = "仪式第三项：城关镇党委书记、青龙产业集聚区管委会主任李新军同志发言。全县重点产业集聚区建设加快推进。"
    assert names(text, "place") == [("城关镇", "城关镇"), ("青龙产业集聚区", "青龙产业集聚区"), ("全县", "沭阳县")]


def test_a_county_made_a_city_is_found_by_its_former_name():
    """Older pages write 抚远县 for what is 抚远市 since 2016: the same division, written form kept."""
    found = [(m.text, m.key) for m in recognise("考察团先后到抚远县、同江市考察。", place="佳木斯市", flat=False)
             if m.type == "place"]
    assert found == [("抚远县", "抚远市"), ("同江市", "同江市")]
