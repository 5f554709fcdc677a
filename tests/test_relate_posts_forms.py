"""Posts read from forms of unseen pages (invented names): lists of appointees one a line,
departments whose name holds 和, a committee's office in a chain, an autonomous region's bodies,
committees written in full (中共某县委员会, 政协某县委员会, 某市人民代表大会常务委员会)."""
from __future__ import annotations

import pytest

from tests.test_relate_posts import posts

CASES = [
    # 会议任命： followed by one appointee a line, and 会议免去： the same
    ("会议任命：\n甘一民为县公安局局长；\n柯二为县民政局局长。\n会议免去：\n甘三的县公安局局长职务；\n柯四的县审计局局长职务。",
     "泗县",
     [("柯二", "泗县民政局", "县民政局局长", "appointed"), ("柯四", "泗县审计局", "县审计局局长", "removed"),
      ("甘一民", "泗县公安局", "县公安局局长", "appointed"), ("甘三", "泗县公安局", "县公安局局长", "removed")]),
    ("决定任命：祝一航为市财政局局长；闵二为市商务局局长。", "聊城市",
     [("祝一航", "聊城市财政局", "市财政局局长", "appointed"), ("闵二", "聊城市商务局", "市商务局局长", "appointed")]),
    # 和 inside a department's name (发展和改革局, 住房和城乡建设局, 人力资源和社会保障局)
    ("任命殷一朋为县发展和改革局局长，县住房和城乡建设局局长宁二出席。", "洪洞县",
     [("宁二", "洪洞县住房和城乡建设局", "县住房和城乡建设局局长", None),
      ("殷一朋", "洪洞县发展和改革局", "县发展和改革局局长", "appointed")]),
    # but 和 between two bodies still parts them
    ("县委和县政府主要领导出席，县长庞一出席。", "洪洞县", [("庞一", "洪洞县人民政府", "县长", None)]),
    # 县委常委、办公室主任: the committee's office, and the 常委 is kept
    ("县委常委、办公室主任晏一波参加调研。", "祁东县",
     [("晏一波", "中共祁东县委", "县委常委", None), ("晏一波", "中共祁东县委办公室", "办公室主任", None)]),
    # an autonomous region's bodies in its own papers: 自治区党委, 自治区副主席 (the government)
    ("自治区党委常委、自治区副主席钮一刚，自治区政协副主席覃二出席。", "百色市",
     [("覃二", "广西壮族自治区政协", "自治区政协副主席", None),
      ("钮一刚", "中共广西壮族自治区委员会", "自治区党委常委", None),
      ("钮一刚", "广西壮族自治区人民政府", "自治区副主席", None)]),
    # a committee written in full after whose it is: the party's, the CPPCC's, the congress's
    ("中共金寨县委员会书记费一平，政协金寨县第十届委员会主席冉二出席。", "金寨县",
     [("冉二", "金寨县政协", "政协金寨县第十届委员会主席", None),
      ("费一平", "中共金寨县委", "中共金寨县委员会书记", None)]),
    ("中国人民政治协商会议金寨县委员会副主席伍一出席。", "金寨县",
     [("伍一", "金寨县政协", "中国人民政治协商会议金寨县委员会副主席", None)]),
    ("选举邬一为临沂市第十九届人民代表大会常务委员会副主任。", "临沂市",
     [("邬一", "临沂市人大常委会", "临沂市第十九届人民代表大会常务委员会副主任", "appointed")]),
    # a court's and a procuratorate's ranks: the court's, even after its committee in a chain
    ("会议决定任命：\n阎一刚为宿州市中级人民法院副院长、审判委员会委员、审判员；\n上官二为宿州市人民检察院检察员。", "宿州市",
     [("上官二", "宿州市人民检察院", "宿州市人民检察院检察员", "appointed"),
      ("阎一刚", "宿州市中级人民法院", "审判员", "appointed"),
      ("阎一刚", "宿州市中级人民法院", "宿州市中级人民法院副院长", "appointed"),
      ("阎一刚", "宿州市中级人民法院", "审判委员会委员", "appointed")]),
    # a member of a court's committee holds the court's post, written before its committee or not
    ("任命汪一为县人民检察院检察委员会委员。", "隆回县",
     [("汪一", "隆回县人民检察院", "县人民检察院检察委员会委员", "appointed")]),
    # a bare 委员 names no body: no post (GUIDELINES); one that names its body is one
    ("委员韦一出席。县委委员韦二出席。", "隆回县", [("韦二", "中共隆回县委", "县委委员", None)]),
    # an aside between a title and its name; an officer's assistant; a former post, written so
    ("县公安局党委副书记、副局长（主持工作）符一国主持会议。县委常委、副县长（挂职）符二陪同。", "桃源县",
     [("符一国", "桃源县公安局", "副局长", None), ("符一国", "桃源县公安局", "县公安局党委副书记", None),
      ("符二", "中共桃源县委", "县委常委", None), ("符二", "桃源县人民政府", "副县长", None)]),
    ("深圳市华强集团有限公司总经理助理阮一强参加。座谈会上，原县委书记阮二明回顾了发展历程。", "宁远县",
     [("阮一强", "深圳市华强集团有限公司", "总经理助理", None), ("阮二明", "中共宁远县委", "原县委书记", None)]),
    # a bare head's post in a story of a court, a bureau: that body
    ("县人民法院召开审判委员会会议。院长濮一国主持会议，副院长濮二、濮三出席。", "隆回县",
     [("濮一国", "隆回县人民法院", "院长", None), ("濮三", "隆回县人民法院", "副院长", None),
      ("濮二", "隆回县人民法院", "副院长", None)]),
    # a rank in brackets after a title ends it, and the list goes on after it
    ("骆一国同志任县委办公室副主任（正科级）；\n会议决定任命包二为县财政局局长（试用期一年），仇三为县商务局局长。", "长汀县",
     [("仇三", "长汀县商务局", "县商务局局长", "appointed"), ("包二", "长汀县财政局", "县财政局局长", "appointed"),
      ("骆一国", "中共长汀县委办公室", "县委办公室副主任", "appointed")]),
    # a bare 镇长 or 副乡长 after a town was named: that town's government
    ("县长符一到古城镇调研，古城镇党委书记敖二、镇长管三、副镇长牛四陪同。", "资中县",
     [("敖二", "中共古城镇委员会", "古城镇党委书记", None), ("牛四", "古城镇人民政府", "副镇长", None),
      ("管三", "古城镇人民政府", "镇长", None), ("符一", "资中县人民政府", "县长", None)]),
    ("镇长管三出席。", "资中县", [("管三", "-", "镇长", None)]),
    # a space between a title and its names: a leaders' listing, a PDF's justified line
    ("市委书记 甄一国出席会议，副市长 冀二 房三出席。", "常德市",
     [("冀二", "常德市人民政府", "副市长", None), ("房三", "常德市人民政府", "副市长", None),
      ("甄一国", "中共常德市委", "市委书记", None)]),
    # a CPPCC member named with the CPPCC is its member; an association under a place's short form, as written
    ("县政协委员祁一明、仝二红作协商发言。", "石门县",
     [("仝二红", "石门县政协", "县政协委员", None), ("祁一明", "石门县政协", "县政协委员", None)]),
    ("香港中华总商会会长闻一华表示。", "江门市", [("闻一华", "香港中华总商会", "香港中华总商会会长", None)]),
    # a nominee's profile: 现任 is held, 拟任 and 拟提名 are not yet
    (("领导干部任前公示\n彭一国，男，汉族，1978年3月生，大学学历，中共党员，现任石桥镇党委书记，拟任县农业农村局局长。\n"
      "皮二梅，女，汉族，1982年7月生，中共党员，现任县委常委、宣传部部长，拟提名为县长候选人。"), "云阳县",
     [("皮二梅", "中共云阳县委", "县委常委", None), ("皮二梅", "中共云阳县委宣传部", "宣传部部长", None),
      ("彭一国", "中共石桥镇委员会", "石桥镇党委书记", None)]),
    # a party committee's 工委 in a chain: its 工作委员会
    ("市委常委、教育工委书记栾一华参加调研。", "重庆市",
     [("栾一华", "中共重庆市委", "市委常委", None), ("栾一华", "中共重庆市委教育工作委员会", "教育工委书记", None)]),
    # the forms of party committees by province: Guangdong's 镇委, Xinjiang's 州党委 and 县党委
    ("区委常委李一明到石龙镇调研。石龙镇委书记岑二强、镇长黄三陪同。", "南海区",
     [("岑二强", "中共石龙镇委员会", "石龙镇委书记", None), ("李一明", "中共南海区委", "区委常委", None),
      ("黄三", "石龙镇人民政府", "镇长", None)]),
    ("州党委常委、副州长艾力·买买提到尼勒克县调研。县党委书记甘二军，县委副书记、县长热合曼·吐尔逊陪同。", "尼勒克县",
     [("热合曼·吐尔逊", "中共尼勒克县委", "县委副书记", None), ("热合曼·吐尔逊", "尼勒克县人民政府", "县长", None),
      ("甘二军", "中共尼勒克县委", "县党委书记", None),
      ("艾力·买买提", "中共伊犁哈萨克自治州委", "州党委常委", None),
      ("艾力·买买提", "伊犁哈萨克自治州人民政府", "副州长", None)]),
    # a county's 人武部 is a body of its own, not a department of the county's committee
    ("县委书记、县人武部党委第一书记阚一国到县人武部调研。县委常委、县人武部部长阚二陪同。", "安福县",
     [("阚一国", "中共安福县委", "县委书记", None), ("阚一国", "安福县人武部", "县人武部党委第一书记", None),
      ("阚二", "中共安福县委", "县委常委", None), ("阚二", "安福县人武部", "县人武部部长", None)]),
    # a town's 人大主席 in its party secretary's chain
    ("县委书记尚一强到临溪镇调研。镇党委书记、人大主席尚二丽陪同。", "歙县",
     [("尚一强", "中共歙县县委", "县委书记", None), ("尚二丽", "中共临溪镇委员会", "镇党委书记", None),
      ("尚二丽", "临溪镇人大", "人大主席", None)]),
    # a zone's 党工委 is one body however its post is reached; 会议由 is no part of a unit's name
    ("市委常委、副市长，高新区党工委书记居一强出席。会议由高新区党工委副书记居二主持。会议由五一村党支部书记居三记录。", "潍坊市",
     [("居一强", "中共潍坊市委", "市委常委", None), ("居一强", "中共潍坊高新区工作委员会", "高新区党工委书记", None),
      ("居一强", "潍坊市人民政府", "副市长", None), ("居二", "中共潍坊高新区工作委员会", "高新区党工委副书记", None),
      ("居三", "中共五一村支部委员会", "五一村党支部书记", None)]),
    # a post right after a body's core ends the body's name (not 县政协主席甲代表政协, an organisation)
    ("县政协主席应一华代表政协第十二届石门县委员会常务委员会作工作报告。", "石门县",
     [("应一华", "石门县政协", "县政协主席", None)]),
    # the passive (被任命为) and a decision voted on (关于任命甲为X的决定); a proposal (议案) is none yet
    ("庞一被任命为县公安局局长。会议表决通过了关于任命庞二为县审计局局长的决定。会议审议了关于提请任命庞三为县财政局局长的议案。",
     "石门县", [("庞一", "石门县公安局", "县公安局局长", "appointed"), ("庞二", "石门县审计局", "县审计局局长", "appointed")]),
    # a village's or community's 主任 heads its committee; a 班主任 is a teacher, 书记信箱 a mailbox
    ("五一村主任严一强介绍情况。幸福社区主任严二芳说。县第一中学班主任严三梅获评优秀教师。市委书记信箱收到来信。", "石门县",
     [("严一强", "五一村村民委员会", "五一村主任", None), ("严二芳", "幸福社区居民委员会", "幸福社区主任", None)]),
    # a bank's branch before its 党委书记 stays the body (not the 某省分行党委 inside its name)
    ("中国银行福建省分行党委书记、行长苗一明一行来我市对接工作。", "莆田市",
     [("苗一明", "中国银行福建省分行", "党委书记", None), ("苗一明", "中国银行福建省分行", "行长", None)]),
    # 第一副书记 in a chain keeps the chain (县长 and 县委副书记 were lost)
    ("县委副书记、县长、县人武部党委第一副书记伏一红出席。", "台江县",
     [("伏一红", "中共台江县委", "县委副书记", None), ("伏一红", "台江县人民政府", "县长", None),
      ("伏一红", "台江县人武部", "县人武部党委第一副书记", None)]),
    # 该院副院长: the body of that kind the story named
    ("县人民医院院长滕一华带领专家到龙门镇义诊。该院副院长滕二强参加义诊。", "大余县",
     [("滕一华", "大余县人民医院", "县人民医院院长", None), ("滕二强", "大余县人民医院", "副院长", None)]),
    # outside a region, 自治区 names no body we can tell
    ("自治区副主席钮一刚出席。", "聊城市", [("钮一刚", "-", "副主席", None)]),
]


@pytest.mark.parametrize("text, place, expected", CASES)
def test_posts_of_unseen_forms(text, place, expected):
    assert posts(text, place=place) == sorted(expected)
