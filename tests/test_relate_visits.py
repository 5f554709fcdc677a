"""visited and met, one invented story per row: (text, home place, facts expected, facts excluded)."""
from __future__ import annotations

import pytest

from kg.pipeline import extract_document
from kg.types import Document


def pairs(text, relation, place):
    r = extract_document(Document(id="t.txt", text=text, date="2024-05-10", place=place))
    return {(f["subject"].split("/", 1)[1], f["object"].split("/", 1)[1]) for f in r["facts"]
            if f["relation"] == relation}


VISITS = [
    # leaders who went separately, each in a clause of their own, visited only their own stops
    (("5月8日，县委书记蔺一明，县委副书记、县长蔺二红分别带队，深入各自联系的乡镇开展调研。"
      "蔺一明来到双峰镇，蔺二红来到柳溪乡。"), "双峰县",
     {("蔺一明", "双峰镇"), ("蔺二红", "柳溪乡")}, {("蔺一明", "柳溪乡"), ("蔺二红", "双峰镇")}),
    # a group that 前往s a place goes there as one that 来到s it
    (("5月16日，省人大常委会副主任鄢一刚一行来我市调研。调研组一行来到市人民检察院，听取工作汇报。"
      "随后，调研组前往南湖街道，实地察看基层治理工作。"), "嘉兴市",
     {("鄢一刚", "嘉兴市人民检察院"), ("鄢一刚", "南湖街道")}, set()),
    # a caption's spot after the name (甲（中）在某镇调研); the rooms of a unit visited are no stops
    ("5月22日，县委书记汤一国（中）在城关镇调研人居环境整治工作。", "铜鼓县", {("汤一国", "城关镇")}, set()),
    (("5月26日，县政协主席庄一华到县人民医院开展民主监督视察活动。县政协副主席邝二参加视察。"
      "视察组一行先后来到医院门诊楼、住院部，详细了解群众就医情况。"), "广昌县",
     {("庄一华", "广昌县人民医院"), ("邝二", "广昌县人民医院")}, {("庄一华", "住院部"), ("邝二", "住院部")}),
    # a 视察组 is a visiting party as a 调研组 is; a leader's 联系点 is no part of the stop's name
    (("5月25日，县人大常委会主任麦一华带队视察全县重点项目建设。县人大常委会副主任卓二参加视察。"
      "视察组先后来到城南污水处理厂、新华村，实地察看项目进展。"), "桐柏县",
     {("麦一华", "新华村"), ("卓二", "新华村")}, set()),
    ("5月20日，区委书记冼一军到联系点白鹤街道调研基层治理工作。", "涪城区",
     {("冼一军", "白鹤街道")}, {("冼一军", "联系点白鹤街道")}),
    # leaders listed before 等(市领导) all go; a village after its town is the stop, written without the verb
    (("5月9日，市委书记周一明，市委副书记、市长王二海等市领导到东昌府区督导检查防汛工作。"
      "他们先后来到阿城镇五里村、鲁西化工集团。"), "聊城市",
     {("周一明", "东昌府区"), ("王二海", "东昌府区"), ("周一明", "五里村"), ("王二海", "鲁西化工集团")},
     {("周一明", "来到阿城镇五里村"), ("周一明", "阿城镇五里村")}),
    # a leader's tour: unnamed units (部分企业) leave the district the stop; a sentence opening at
    # named companies adds them; those who 参加活动 in a tour with no talks are members
    (("3月2日，市委书记周一明深入东昌府区部分企业、项目，调研工业经济运行。"
      "在山东蓝海化工有限公司、山东金穗面业有限公司，周一明深入生产车间，察看复工情况。"
      "市委常委、秘书长王二海参加活动。"), "聊城市",
     {("周一明", "东昌府区"), ("周一明", "山东蓝海化工有限公司"), ("周一明", "山东金穗面业有限公司"),
      ("王二海", "东昌府区"), ("王二海", "山东金穗面业有限公司")}, set()),
    # a leader, members named later (参加调研, 随同考察) and every stop of a list
    (("5月9日，县委书记周明远一行走访山东蓝海化工有限公司、山东金穗面业有限公司，调研工业发展。"
     "县委常委、县委办主任刘海波，副县长陈立参加调研。"), "聊城市",
     {("周明远", "山东蓝海化工有限公司"), ("周明远", "山东金穗面业有限公司"), ("刘海波", "山东蓝海化工有限公司"),
      ("陈立", "山东金穗面业有限公司")}, set()),
    ("县长马国庆率县代表团赴杭州市余杭区考察。县委常委、副县长韩冰随同考察。", "庆阳市",
     {("马国庆", "余杭区"), ("韩冰", "余杭区")}, {("马国庆", "杭州市")}),
    # the stops come in a later sentence, after 一行先后
    ("区政协主席孙立平赴城关街道调研。孙立平一行先后实地走访了东关社区、西关社区。", "宝鸡市",
     {("孙立平", "东关社区"), ("孙立平", "西关社区")}, set()),
    # those who 陪同 are hosts, not the party; the party's home is not a stop
    (("5月8日，泰安市副市长吴建国率泰安市党政代表团来聊城考察，市委书记王强，副市长李敏陪同考察。"
     "考察团一行先后到山东蓝海化工有限公司考察。"), "聊城市",
     {("吴建国", "山东蓝海化工有限公司")},
     {("王强", "山东蓝海化工有限公司"), ("李敏", "山东蓝海化工有限公司"), ("吴建国", "泰安市")}),
    # led by: 在甲的带领下 / 由甲带队
    ("由市政协副主席郑红带队，市政协考察团到东昌府区调研。", "聊城市", {("郑红", "东昌府区")}, set()),
    # 到甲街道乙社区: the inner unit, and the street is not a stop
    ("6月2日，副区长高峰到柳园街道考察。", "聊城市", {("高峰", "柳园街道")}, set()),
    # whoever holds a title in the group goes where the group goes; a list runs on past a comma
    (("泰安市经贸考察团团长，泰安市商务局局长吴建国在座谈中表示感谢。"
     "考察团一行先后到东昌府区，茌平区、阳谷县等处实地考察。"), "聊城市",
     {("吴建国", "东昌府区"), ("吴建国", "茌平区"), ("吴建国", "阳谷县")}, set()),
    # a venue after a place leaves the place the stop; a development zone after it is the stop
    ("县长马国庆到东昌府区黑木耳深加工项目调研。", "聊城市", {("马国庆", "东昌府区")}, set()),
    ("县长马国庆到东昌府区工业园区调研。", "聊城市", set(), {("马国庆", "东昌府区")}),
    # a member of the party on its way needs no verb of looking
    ("市长白云到东昌府区调研。随后，白云又来到茌平区、阳谷县，了解社区治理情况。", "聊城市",
     {("白云", "东昌府区"), ("白云", "茌平区"), ("白云", "阳谷县")}, set()),
    # 他先后深入…: the party goes on under a pronoun
    ("5月10日，县长马国庆到阳谷县调研。随后，他又来到茌平区、东阿县，察看项目进展。县委常委、副县长韩冰参加调研。", "聊城市",
     {("马国庆", "阳谷县"), ("马国庆", "茌平区"), ("马国庆", "东阿县"), ("韩冰", "东阿县")}, set()),
    # 在甲镇，他走访了…: the place the sentence opens at is a stop too
    ("县长马国庆深入乡镇调研。在东阿镇，他走访了红星村、幸福村，了解集体经济发展情况。", "聊城市",
     {("马国庆", "东阿镇"), ("马国庆", "红星村"), ("马国庆", "幸福村")}, set()),
    # 莅临我县调研: the home place the visitors came to; 调研乡村 names no unit after it
    ("5月9日，市委书记张建国一行莅临我县调研乡村振兴工作。县委书记王刚陪同调研。", "阳谷县",
     {("张建国", "阳谷县")}, {("王刚", "阳谷县")}),
    # a leader's own tour that ends in a 座谈会: those who 参加活动 still go along, and a sentence
    # opening at a unit (在甲公司，乙详细了解…) with the leader as subject adds a stop
    (("5月3日，市委书记周一明在阳谷县调研工业经济。市委常委、秘书长王二海，副市长、阳谷县委书记孙三河参加活动。"
      "在山东蓝海化工有限公司，周一明详细了解产品研发情况。在山东金穗面业有限公司，周一明认真察看生产线。"
      "随后，周一明主持召开座谈会。"), "聊城市",
     {("周一明", "阳谷县"), ("周一明", "山东蓝海化工有限公司"), ("周一明", "山东金穗面业有限公司"),
      ("王二海", "阳谷县"), ("王二海", "山东蓝海化工有限公司"), ("孙三河", "山东金穗面业有限公司")}, set()),
    # a delegation come to the home place: those who 参加活动 are its hosts, not its members
    (("5月8日，泰安市委书记吴建国率泰安市党政代表团来我市考察，并召开座谈会。市委书记王强参加活动。"
      "在山东蓝海化工有限公司，吴建国详细了解企业发展情况。"), "聊城市",
     {("吴建国", "聊城市"), ("吴建国", "山东蓝海化工有限公司")},
     {("王强", "聊城市"), ("王强", "山东蓝海化工有限公司")}),
    # 在座谈会上，甲…: a sentence opening at a meeting adds no stop
    ("市长白云到东昌府区调研。在座谈会上，白云听取了市委办的汇报。", "聊城市",
     {("白云", "东昌府区")}, {("白云", "中共聊城市委")}),
    # a trade-named firm in a list of mixed stops (a project, a village, a base) is a company stop;
    # a venue named after a university (某大学科技园) is no organisation
    ("县长马国庆一行先后到蓝海化工项目、红星村、金穗纺织科技、聊城大学科技园现场调研。", "聊城市",
     {("马国庆", "红星村"), ("马国庆", "金穗纺织科技")}, {("马国庆", "聊城大学")}),
    # a place only gone into (深入甲镇，到乙、丙等企业) holds the stops named after it
    ("6月6日，县长马国庆深入东阿镇，到蓝海化工、金穗面业等企业，督导检查安全生产工作。", "聊城市",
     {("马国庆", "蓝海化工"), ("马国庆", "金穗面业")}, {("马国庆", "东阿镇")}),
    # a school is a unit visited (职业中等专业学校: 等 of a grade lists nothing)
    ("区长孙立平带领考察组来东阿县考察。考察组一行先后来到东阿县职业中等专业学校、红星村等实地考察。", "聊城市",
     {("孙立平", "东阿县"), ("孙立平", "东阿县职业中等专业学校"), ("孙立平", "红星村")}, set()),
    # a group of the home side with no talks keeps those who 参加活动; a group come to the home
    # place (考察组一行来我县) has them as hosts
    ("5月10日，市人大常委会副主任周明带领调研组到东阿县调研。市人大常委会委员孙立参加活动。", "聊城市",
     {("周明", "东阿县"), ("孙立", "东阿县")}, set()),
    ("5月10日，泰安市考察组组长吴建国一行来我县考察。县委书记刘强参加活动。", "阳谷县",
     {("吴建国", "阳谷县")}, {("刘强", "阳谷县")}),
    # a hometown chamber in another city keeps its written name (深圳|聊城商会 is no 聊城市商会)
    ("5月10日，市长李明一行还走访了深圳聊城商会。", "聊城市", {("李明", "深圳聊城商会")}, {("李明", "聊城市商会")}),
    # 甲带队，乙陪同。代表团一行在丙市考察了…: 甲 leads the group, 乙 is a host
    (("5月9日，泰安市党政代表团来聊城考察。泰安市委副书记吴建国带队，副市长李敏陪同。"
      "代表团一行在东阿县考察了山东蓝海化工有限公司。"), "聊城市",
     {("吴建国", "山东蓝海化工有限公司")}, {("李敏", "山东蓝海化工有限公司"), ("李敏", "东阿县")}),
    # 甲会见了乙一行。…代表团一行先后考察了…: the guest received heads the group; 位于甲县的乙公司
    # visits 乙公司, not 甲县; in 丙区中国某某城 the larger place begins the venue's name
    (("5月9日，市委书记王强会见了泰安市委副书记吴建国一行。其间，代表团一行先后考察了位于东阿县的"
      "山东蓝海化工有限公司和东昌府区中国江北水城旅游区。"), "聊城市",
     {("吴建国", "山东蓝海化工有限公司"), ("吴建国", "东昌府区")},
     {("吴建国", "东阿县"), ("吴建国", "中国"), ("王强", "东昌府区")}),
    # 来我市调研: the visitor comes to the home place; those who 陪同调研 are its hosts
    (("3月5日，省委常委、副省长王明来我市调研。市委书记李刚，市长赵军陪同调研。"
      "王明一行先后来到山东蓝海化工有限公司和东阿县红星村。"), "聊城市",
     {("王明", "聊城市"), ("王明", "山东蓝海化工有限公司"), ("王明", "红星村")},
     {("李刚", "聊城市"), ("赵军", "红星村"), ("王明", "东阿县")}),
    # the visitor those who 陪同 show round: 甲陪同乙考察, 乙在甲陪同下到…, 会见了乙一行，并陪同考察了…
    ("3月5日，市长李刚陪同省委常委、副省长王明考察了山东蓝海化工有限公司。", "聊城市",
     {("王明", "山东蓝海化工有限公司")}, {("李刚", "山东蓝海化工有限公司")}),
    ("3月5日，省长王明一行在市委书记李刚陪同下，先后到东阿县、阳谷县调研。", "聊城市",
     {("王明", "东阿县"), ("王明", "阳谷县")}, {("李刚", "东阿县")}),
    ("3月5日，市长李刚会见了山东蓝海化工有限公司董事长王明一行，并陪同考察了东阿县红星村。", "聊城市",
     {("王明", "红星村")}, {("李刚", "红星村")}),
    # a quoted speaker is not a visitor
    ("县委书记周明远在座谈会上强调，考察团的到来加深了两地友谊。", "聊城市", set(), {("周明远", "聊城市")}),
    # a topic after 就 is no stop; a province running into a firm's unknown name is none
    ("5月16日，甲市政协主席黄一林率队到我县就“同心共建现代化四川”专项行动开展考察调研。", "通江县",
     {("黄一林", "通江县")}, {("黄一林", "四川省")}),
    ("5月16日，甲市政协主席黄一林率队到我县就基层政协工作和“同心共建现代化四川”专项行动等开展考察调研。", "通江县",
     {("黄一林", "通江县")}, {("黄一林", "四川省")}),
    ("单一伟一行前往四川东柳醪糟、四川亚缇纺织实地考察。", "大竹县",
     {("单一伟", "四川亚缇纺织")}, {("单一伟", "四川省")}),
    ("县长王一赴四川考察。", "大竹县", {("王一", "四川省")}, set()),
    ("党工委副书记胡一辉带队检查松江囍府、蓝天四村自建房。", "松江区", {("胡一辉", "蓝天四村")}, {("胡一辉", "松江区")}),
    # a sentence that goes on with no subject is the story's party going on
    (("12月5日上午，县委书记周一明到甲张镇实地调研。在甲张镇天湖村，周一明详细询问了工作情况。"
      "最后来到了李洼村，周一明与村两委干部进行了交流。"), "罗山县",
     {("周一明", "甲张镇"), ("周一明", "天湖村"), ("周一明", "李洼村")}, set()),
    (("5月16日，甲市政协主席黄一林率队到我县开展考察调研。"
      "来到通江巴山麻王花椒有限公司、四川恒鑫智造科技公司等地，考察组深入车间参观。"), "通江县",
     {("黄一林", "通江巴山麻王花椒有限公司"), ("黄一林", "四川恒鑫智造科技公司")}, set()),
    # 甲带队到乙…: the leader of the group the story follows; 甲村和乙村 are two stops, not a container
    ("2月7日，镇长李一文带队到典型村指导工作。调研组一行先后到新化村和大围村，了解问题。", "惠东县",
     {("李一文", "新化村"), ("李一文", "大围村")}, set()),
    # a long listing of titled names before the verb: each of them goes
    (("7月2日上午，夏邑县委副书记、县长李一昊，县委副书记王二惠，县委常委、县委办公室主任陶三星，县委常委、宣传部长、"
      "副县长陈四斌，县委常委、常务副县长王五峰带领相关部门负责同志前往新密市考察。新密市委书记陈六梅等陪同考察。"), "夏邑县",
     {("李一昊", "新密市"), ("王二惠", "新密市"), ("陶三星", "新密市"), ("王五峰", "新密市")}, {("陈六梅", "新密市")}),
    # a list of leaders shown round (甲，乙，在丙的陪同下到…): each of them goes
    ("8月17日，县委副书记、代县长陈一辉，副县长吴二超，在县政府办、经信局等单位负责人的陪同下，到回龙镇进行工作调研。",
     "聊城市", {("陈一辉", "回龙镇"), ("吴二超", "回龙镇")}, set()),
    # a delegation the visitor goes with is no stop
    ("21日晚，市委书记王一中在参加广东省党政代表团赴新疆考察期间，专门来到援疆工作前方指挥部。", "深圳市",
     {("王一中", "新疆维吾尔自治区")}, {("王一中", "广东省党政代表团")}),
    # a learned place running into a project's or a firm's name (泰山|石膏项目) is no stop
    ("副市长温一军一行深入到田森商业综合体项目、泰山石膏项目、禹王焦化项目现场进行调研。", "新泰市",
     set(), {("温一军", "泰山")}),
    # 以甲为团长的代表团一行来我市考察: 甲 leads it, not the guest of a meeting told before
    (("8月3日，市长白云会见新加坡金鹰集团首席执行官孙明一行。8月4日，以某某自治区党委副书记于一胜为团长的党政代表团"
      "一行来我市参观考察。"), "聊城市", {("于一胜", "聊城市")}, {("孙明", "聊城市")}),
    # the members in the visit's own sentence: 甲到乙社区调研，丙、丁参加调研。
    ("县长刘一鸣到东关社区调研，副县长赵文参加调研。", "聊城市", {("刘一鸣", "东关社区"), ("赵文", "东关社区")}, set()),
    (("2月2日，县长田一光到重点企业开展调研，郑二福、陈三琼参加调研。"
      "田一光一行先后来到华茂船舶、金马玻纤、兴成石化，沐南山温泉小镇等重点企业，了解生产情况。"), "聊城市",
     {("田一光", "华茂船舶"), ("郑二福", "金马玻纤"), ("陈三琼", "兴成石化")}, set()),
]


@pytest.mark.parametrize("text, place, expected, excluded", VISITS, ids=[f"visit{i}" for i in range(len(VISITS))])
def test_visits(text, place, expected, excluded):
    got = pairs(text, "visited", place)
    assert expected <= got, got
    assert not (excluded & got), got


MEETINGS = [
    # every guest up to 一行; those 参加会见 on the host side meet each guest
    ("区委书记林涛会见了宋晓东、杜晨一行。副区长何静参加会见。", "聊城市",
     {("林涛", "宋晓东"), ("林涛", "杜晨"), ("何静", "宋晓东"), ("何静", "杜晨")}, set()),
    # 与…座谈: host before 与, guest after; a member of the guest's company is met by the host
    (("3月10日下午，市委书记林涛在东昌宾馆与山东蓝海化工有限公司董事长孙明一行座谈。"
     "山东蓝海化工有限公司副总经理钱伟，副市长何静参加座谈。"), "聊城市",
     {("林涛", "孙明"), ("林涛", "钱伟"), ("何静", "孙明")}, {("钱伟", "孙明"), ("何静", "钱伟")}),
    # those present named in the same sentence
    ("市长白云会见了泰安市副市长吴建国一行，副市长李敏参加会见。", "聊城市",
     {("白云", "吴建国"), ("李敏", "吴建国")}, set()),
    # those present may be named well after the meeting (参加座谈), or after 双方…进行座谈交流
    (("市长白云会见了山东蓝海化工有限公司董事长孙明一行。白云对孙明一行的到来表示欢迎。孙明表示感谢。"
     "孙明说，企业将加大投入。副市长李敏参加会见。"), "聊城市", {("白云", "孙明"), ("李敏", "孙明")}, set()),
    ("市长白云会见了孙明一行，双方就深化合作进行座谈交流。副市长李敏参加会见。", "聊城市",
     {("白云", "孙明"), ("李敏", "孙明")}, set()),
    # an event nobody takes a role in does not end the meeting's story
    ("市长白云会见了孙明一行。孙明此次来是参加“第二届汽车洽谈会”的。副市长李敏参加会见。", "聊城市",
     {("白云", "孙明"), ("李敏", "孙明")}, set()),
    # 会见时在座 says who was there; it opens no meeting of its own
    ("市长白云会见了孙明一行。市委常委、副市长李敏，市领导王一强、张二会见时在座。", "聊城市",
     {("白云", "孙明"), ("李敏", "孙明"), ("王一强", "孙明"), ("张二", "孙明")}, set()),
    # the guest's titles run over a comma (副总裁，乙公司董事长丙)
    ("市长白云会见蓝海集团党委委员、副总裁，蓝海新能源公司董事长孙明。", "聊城市", {("白云", "孙明")}, set()),
    # 接待了乙一行并参加座谈: a 座谈 with those received; those 参加座谈 later meet them too
    ("市委书记林涛，市长白云接待了孙明一行并参加座谈。座谈中，孙明介绍了集团情况。市领导何静、李敏参加座谈。", "聊城市",
     {("林涛", "孙明"), ("白云", "孙明"), ("何静", "孙明"), ("李敏", "孙明")}, set()),
    # 座谈会 is a named event, not a 会见; 在座谈中表示 meets nobody
    ("县长马国庆在座谈中表示，欢迎各位企业家。", "聊城市", set(), {("马国庆", "企业家")}),
]


@pytest.mark.parametrize("text, place, expected, excluded", MEETINGS, ids=[f"meet{i}" for i in range(len(MEETINGS))])
def test_meetings(text, place, expected, excluded):
    got = pairs(text, "met", place)
    assert expected <= got, got
    assert not (excluded & got), got


def test_those_present_after_a_tour_of_a_hall_met_the_guest():
    text = ("市委书记屈一强会见了中国石油天然气集团有限公司副总经理宓二明一行。会见前，屈一强陪同宓二明一行参观了市规划展览馆。"
            "副市长晏三伟参加会见。")
    assert pairs(text, "met", "榆林市") == {("屈一强", "宓二明"), ("晏三伟", "宓二明")}


def test_a_delegation_met_by_no_name_of_its_own_meets_through_its_members():
    text = ("5月14日，县委副书记景一洋会见了来我县考察的浙江宁波市海曙区考察团一行。"
            "宁波市海曙区副区长车二华，我县副县长乐三参加会见。")
    assert pairs(text, "met", "天柱县") == {("景一洋", "车二华")}


def test_a_trip_that_sits_down_to_talk_meets_its_hosts():
    text = ("5月8日，泰安市副市长吴建国率代表团赴东昌府区考察，并进行了座谈。副市长韩冰随同考察。"
            "东昌府区区长孙立平出席活动。")
    assert pairs(text, "met", "聊城市") == {("孙立平", "吴建国"), ("孙立平", "韩冰")}


def test_a_host_who_meets_the_delegation_meets_each_member():
    text = ("5月9日，区委书记陈勇率区党政代表团赴甘肃省临夏州考察。副区长韩冰随同考察。"
            "临夏州委副书记、州长马明会见了代表团一行。")
    assert pairs(text, "met", "上海市") == {("马明", "陈勇"), ("马明", "韩冰")}


def test_a_leader_s_own_tour_meets_nobody_at_its_meeting():
    text = ("3月5日，市委书记李刚在东阿县调研。市委常委王敏参加活动。随后，李刚主持召开座谈会，"
            "县委书记孙强汇报工作，县长周明参加座谈。")
    assert pairs(text, "met", "聊城市") == set()


def test_a_meeting_story_does_not_make_visitors_of_those_present():
    text = "区委书记林涛会见了宋晓东一行。副区长何静一同参加。"
    assert pairs(text, "visited", "聊城市") == set()


@pytest.mark.parametrize("text, expected", [
    ("县长马国庆一行走访湘江盐化、天成电化、和美饲料等重点企业。",
     {("湘江盐化", "company"), ("天成电化", "company"), ("和美饲料", "company")}),
    ("县长马国庆先后到幸福村、和平社区调研。", {("幸福村", "place"), ("和平社区", "place")}),
    # the list's last item after a comma, before 等…企业; 来到 opens it
    ("马国庆一行先后来到湘江盐化、天成电化，和美饲料等重点企业。",
     {("湘江盐化", "company"), ("天成电化", "company"), ("和美饲料", "company")}),
    # sectors, phrases and bare nouns are no units
    ("县长马国庆考察了新能源、新材料等重点企业。", set()),
    ("县长马国庆走访了辖区内的红星、光明等企业。", {("光明", "company")}),
    ("县长马国庆深入企业、社区、学校等一线。", set()),
    # a list of mixed stops, or the units a sentence opens at: only trade-named items are firms
    ("在金穗纺织科技、天成新材料科技、绿源药业，县长马国庆察看生产线。",
     {("金穗纺织科技", "company"), ("天成新材料科技", "company"), ("绿源药业", "company")}),
    ("县长马国庆先后到新材料科技、生物医药、化工园区调研。", set()),
])
def test_units_named_only_in_a_visit_list(text, expected):
    from kg.extract.base import Context
    from kg.extract.listed import find

    assert {(m.text, m.type) for m in find(text, Context(), [])} == expected
