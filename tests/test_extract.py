"""Recognisers, one table per family: (sentence, expected mentions)."""
from __future__ import annotations

import pytest

from kg.extract import recognise


def spans(text, ctx, type_):
    return [(m.text, m.key) for m in recognise(text, ctx) if m.type == type_]


@pytest.mark.parametrize("text, expected", [
    ("市委书记李长萍出席会议并讲话", ["李长萍"]),
    ("市委副书记、市长张百顺主持", ["张百顺"]),
    ("市政协主席曾晓黎，市委副书记谢兆村出席。", ["曾晓黎", "谢兆村"]),
    ("刘元朝、柳庆发、刘文强、陈波在主会场参加会议。", ["刘元朝", "柳庆发", "刘文强", "陈波"]),
    ("市领导王建华、欧阳明、司马光辉参加。", ["王建华", "欧阳明", "司马光辉"]),
    ("国防部长梁光烈会见了来访客人。", ["梁光烈"]),
    ("山东鑫大地控股集团有限公司总经理付崇建告诉记者", ["付崇建"]),
    ("本报讯（记者 朱海波 张颖 通讯员 潘玉亮）2月4日，", ["朱海波", "张颖", "潘玉亮"]),
    ("取得了新进展和新成效。 ■ 田柏林", ["田柏林"]),
    ("要压紧压实责任，严督导、强保障，确保各项措施落到实处。", []),
    ("全力打好打赢蓝天、碧水、净土保卫战。", []),
    ("深入学习贯彻习近平总书记关于质量工作的重要论述", ["习近平"]),
    # footer credits and a story's closing credit
    ("工作结出丰硕成果。(编辑:周一娟 责编:李二兵 编审:王三涛)", ["周一娟", "李二兵", "王三涛"]),
    ("吸引优质企业入驻。 记者 麦一凯 通讯员 李二璇", ["麦一凯", "李二璇"]),
    ("确保社区平安、稳定、和谐。 (孙一南 陈二莹)", ["孙一南", "陈二莹"]),
    ("州直部门负责人参加了会议。(凌一云)", ["凌一云"]), ("通过了《实施办法(草案)》。", []),
    ("确保安全度汛。(本网记者 韩一镔)", ["韩一镔"]),
    ("（平原融媒记者 何一聪）3月16日，(融媒体记者：段二炜 编辑：李三倩)", ["何一聪", "段二炜", "李三倩"]),
    ("他告诉记者，项目进展顺利。", []),
    # a credit after its outlet's name; leaders named by their group, one or a list; a verb after a name
    ("本报明日将向您详细介绍\n□晚报记者 蔡一欣\n本报讯 四月的郑州", ["蔡一欣"]),
    ("新华社记者 汤二涛 王三婷\n北京电", ["汤二涛", "王三婷"]),
    ("市领导孟军飞出席。全市领导干部会议召开，县领导班子成员参加。", ["孟军飞"]),
    ("及郑州市领导郝一生、韦飞博见证了协议的签署。", ["郝一生", "韦飞博"]),
    ("副市长韦飞博见证了签约。", ["韦飞博"]),
    ("社区党委书记金辉兰带市政协考察团一行参观。", ["金辉兰"]),
    # a given name that is also a word (清秀), before its post; one name closing a story; 作者/转载 fields
    ("督导组在谭清秀副局长的带领下，到我县督导。", ["谭清秀"]),
    ("创造良好的营商环境。(段英勇)\n下一条", ["段英勇"]),
    ("会议强调(重要)。(附件)", []),
    ("启动仪式。（刘一通摄）\n跨越千山万水", ["刘一通"]),
    ("作者: 何林胜 发布时间:2018-03-16", ["何林胜"]),
    ("(新闻来源:秦安县融媒体中心 转载:武强佳) |", ["武强佳"]),
    # the verb after a name is not part of it; 区委副书记 holds no name
    ("听取了县人大办公室主任李一作的报告", ["李一"]),
    ("开发区党委书记余一发致贺词，董事长吴二豪伉俪出席。", ["余一发", "吴二豪"]),
    ("区委副书记、区长刘一涛主持会议。", ["刘一涛"]),
    # sectors abbreviated and listed are no names; a credit on a line of its own is
    ("这是银政、银企关系的进一步升华", []),
    # places listed like names (roads, ports, a town the page writes as a place) are none
    ("车辆可通过利港、江阴以及张家港分流；东外环路、黄山路等道路。江阴市交警提醒", []),
    ("图为丝路行启动仪式。（刘一通摄）", ["刘一通"]), ("图为工地。（王一 李二 摄）", ["王一", "李二"]),
    # correspondents credited by given name alone; one is a full name given in another byline
    ("（记者唐一杰通讯员永晟、宏山、伟秋）昨日上午签约。（记者陈伟秋 通讯员李二）", ["唐一杰", "永晟", "宏山", "陈伟秋", "陈伟秋", "李二"]),
    ("市长王一出席。\n\n终审:方二亮\n\n点赞(0)", ["王一", "方二亮"]),
    # an e-paper's contents: numbered headlines run into one line, the pages' editors credited
    ("21. 研讨班开班22. 一版责编：杨二旭 张三祯 二版责编：殷四宇23. 思政课", ["杨二旭", "张三祯", "殷四宇"]),
    # a name before its post after 在/由: 在甲副局长的带领下
    ("市局督导组在刘一永副局长的带领下，由陈二芬秘书长带队到我县督导", ["刘一永", "陈二芬"]),
    # the character after a two-character name that opens the words after it is no part of it
    ("安吉县气象局副局长尹一浩说。", ["尹一浩"]), ("气象局副局长尹浩说。", ["尹浩"]),
    ("在西宁民族中学校长常途看来，这是重点。", ["常途"]), ("县长刘国强调研时指出", ["刘国强"]),
    ("总书记高兴地说：“这个现象很令人欣慰。”", []),
    # a department written out before its head's post is no name (宣传部|部长)
    ("市委常委、宣传部部长、副市长张一香会见时在座。", ["张一香"]),
    # a name in parts joined by · runs over every part
    ("研究中心主任哈立德·泰穆尔·阿克拉姆指出，这是希望。", ["哈立德·泰穆尔·阿克拉姆"]),
    ("出版公司出版总监孟迪·凯说：“这本书", ["孟迪·凯"]),
    # …from where it begins (the title's end, a list comma), though a surname found stops in its
    # first part (艾力|甫) or the learned span at the dot
    ("县长黄明别克·努尔兰率党政代表团来访。", ["黄明别克·努尔兰"]),
    ("县政协主席艾克热木·吐尔地，带领县党政代表团。", ["艾克热木·吐尔地"]),
    ("县政协主席麦合木提·阿不都，副县长王一民出席。", ["麦合木提·阿不都", "王一民"]),
    # two parts of Tibetan names after a post make a name, with no Han surname (次仁多吉)
    ("甘孜州某县委常委、常务副县长扎西平措和副县长郑一辉带队来访。", ["扎西平措", "郑一辉"]),
    # common surnames of the Hundred Family Surnames the rules read (傅, 萧, 洪)
    ("县人大常委会副主任郭一花、许二新、傅三昌出席会议，区委书记洪一强、市长萧二出席。",
     ["郭一花", "许二新", "傅三昌", "洪一强", "萧二"]),
    ("全力做好防洪、抗旱工作。", []),
    # 和 at a name's end before a comma joins nothing: it is the name's
    ("市人大常委会副主任陈一斌、蓝二和，党组成员李三文出席会议。", ["陈一斌", "蓝二和", "李三文"]),
    # towns listed like names are none; a list of names keeps a town-like name
    ("市委书记王一林带队到塔畈乡、官庄镇、黄柏镇实地调研。", ["王一林"]),
    ("市领导王一、孙殿镇、李四出席。", ["王一", "孙殿镇", "李四"]),
    ("副市长尹一民认真听取了石桥村、伏漕村村集体经济发展情况汇报。", ["尹一民"]),
    # after a titled list, a place's post is next, not a name (惠民|县委书记)
    ("市财政局局长胡一江、惠民县委书记王二玮出席。", ["胡一江", "王二玮"]),
    # a post or a bare level after a surname is no name: 由|团长担任, 主席和|市有关部门
    ("临时党支部书记由团长担任。", []), ("与两级政协主席和市有关部门负责人座谈。", []),
    ("区委副书记陈一义、组织部副部长陈二文到社区调研。陈书记和陈部长一行先后来到金十字社区。",
     ["陈一义", "陈二文"]),          # 和 joins two people; 陈书记 is 陈一义
    # one known only by surname and post is a person named so
    ("12月5日上午，周书记到我镇实地调研。周书记强调，要发展产业。", ["周书记", "周书记"]),
    ("市局督导组在刘一永副局长的带领下到我县督导。刘局长指出，要强化安全意识。", ["刘一永"]),
])
def test_people(text, expected, home_ctx):
    assert [k for _, k in spans(text, home_ctx, "person")] == expected


@pytest.mark.parametrize("text, expected", [
    ("市委副书记、市长张百顺主持", [("市委副书记", "中共聊城市委"), ("市长", "聊城市人民政府")]),
    ("市人大常委会主任王彤宇出席", [("市人大常委会主任", "聊城市人大常委会")]),
    ("山东鑫大地控股集团有限公司总经理付崇建告诉记者", [("总经理", "山东鑫大地控股集团有限公司")]),
    ("市委常委、常务副市长李明出席", [("市委常委", "中共聊城市委"), ("常务副市长", "聊城市人民政府")]),
])
def test_titles_and_their_organisations(text, expected, home_ctx):
    person = next(m for m in recognise(text, home_ctx) if m.type == "person")
    assert list(person.attr("titles")) == expected


@pytest.mark.parametrize("text, expected", [
    ("积极与西藏阿里地区、青海省刚察县、重庆市彭水县对接", ["西藏自治区", "阿里地区", "青海省", "刚察县", "重庆市",
                                               "彭水苗族土家族自治县"]),
    ("茌平区、东昌府区有关负责同志作了发言", ["茌平区", "东昌府区"]),
    ("在位于高新区的山东博源精密机械有限公司", ["聊城高新区"]),         # 山东 belongs to the name
    ("坚持“创新兴区”战略", []),                        # 新兴区 is a district, but not here
    ("我市获评首批示范市", ["聊城市"]),
])
def test_places(text, expected, home_ctx):
    assert [k for _, k in spans(text, home_ctx, "place")] == expected


def test_place_codes_and_levels(home_ctx):
    ms = {m.key: m for m in recognise("青海省刚察县和聊城市茌平区", home_ctx) if m.type == "place"}
    assert ms["刚察县"].attr("code") == "632224" and ms["刚察县"].attr("level") == "county"
    assert ms["茌平区"].attr("parent") == "聊城市" and ms["聊城市"].attr("level") == "city"


@pytest.mark.parametrize("text, expected", [
    ("市委常委会专题研究，市人大将列入计划；市政府将示范创建；市政协创建活动",
     ["中共聊城市委", "聊城市人大常委会", "聊城市人民政府", "聊城市政协"]),
    ("在试点地区自评、省民族宗教委复核基础上", ["山东省民族宗教委"]),
    ("市生态环境局、市住房城乡建设局、市城管局、市公安局有关负责同志", ["聊城市生态环境局", "聊城市住房城乡建设局",
                                                     "聊城市城管局", "聊城市公安局"]),
    ("宣读了《山东省质量强省及品牌战略推进工作领导小组关于公布名单的通报》", ["山东省质量强省及品牌战略推进工作领导小组"]),
    ("《聊城市人民政府关于公布获奖名单的通报》", ["聊城市人民政府"]),
    ("为1.92万户市场主体提供融资担保服务", []),
    # units listed after a body of the home place are the home place's
    ("市发改委、住建委、规划局、东昌府区政府主要负责人参加。",
     ["聊城市发改委", "聊城市住建委", "聊城市规划局", "东昌府区人民政府"]),
    ("市民政局局长出席", ["聊城市民政局"]),
    ("市政府、法院、检察院要进一步强化责任。", ["聊城市人民政府", "聊城市中级人民法院", "聊城市人民检察院"]),
    # the unit a party branch's title names is that committee, there and wherever it recurs
    ("南大街街道党工委书记汤一杰陪同。南大街街道党工委高度重视", ["中共南大街街道工作委员会", "中共南大街街道工作委员会"]),
    # 市委市政府 are two bodies; a body's office is a body of its own
    ("在市委市政府的领导下", ["中共聊城市委", "聊城市人民政府"]),
    ("市人大常委会办公室、市政府办公室负责同志", ["聊城市人大常委会办公室", "聊城市人民政府办公室"]),
    # a term with its 第 is the same body
    ("聊城市第十七届人大常委会主任出席", ["聊城市人大常委会"]),
    # a numbered sitting of a body is an event, not a body
    ("市政协十三届十八次常委会召开", []),
    # after a body's core a clause runs on, not a department's name
    ("对市委市政府积极促成商会表示感谢；市政协开展走访看望政协委员活动；听取市政府关于政府机构改革的报告",
     ["中共聊城市委", "聊城市人民政府", "聊城市政协", "聊城市人民政府"]),
    ("市政协提案委员会、市政府办公室负责人出席", ["聊城市政协提案委员会", "聊城市人民政府办公室"]),
    ("市政府采购中心、市委巡察办负责人出席", ["聊城市政府采购中心", "中共聊城市委巡察办"]),
    ("今年以来，东营按照山东省委、省政府的决策部署", ["中共山东省委", "山东省人民政府"]),
    ("郫都区统计局、郫都区审计局负责人出席", ["郫都区统计局", "郫都区审计局"]),     # a department named by a verb
    # a word running on past a unit's suffix, or an adverb after a place, makes no body
    ("组织市政协委员考察团到街道调研", []),
    ("围绕县委中心工作和重大决策部署，会议在市党政机关办公中心召开", []),
    ("当前，聊城正围绕市委、市政府的部署推进", ["中共聊城市委", "聊城市人民政府"]),
])
def test_organisations(text, expected, home_ctx):
    got = [k for _, k in spans(text, home_ctx, "organization")]
    assert [k for k in got if k != "中共聊城市委" or "市委" in text] == expected


def test_the_party_congress_as_a_time_is_no_body(home_ctx):
    assert spans("党的十八大以来，每逢新春佳节，总书记都深入基层。", home_ctx, "organization") == []


@pytest.mark.parametrize("text, expected", [
    ("在位于高新区的山东博源精密机械有限公司新能源汽车关键零部件项目现场", ["山东博源精密机械有限公司"]),
    ("在此情况下，昌信融资担保有限公司积极对接多家银行机构", ["昌信融资担保有限公司"]),
    ("与省担保集团开展业务合作5057笔", ["省担保集团"]),
    ("得益于国资背景平台公司提供的贷款担保，该公司顺利完成设备更新", []),
    ("山东鑫大地控股集团有限公司产品广泛应用。鑫大地去年销售收入突破5亿元", ["山东鑫大地控股集团有限公司"] * 2),
])
def test_companies(text, expected, home_ctx):
    assert [k for _, k in spans(text, home_ctx, "company")] == expected


@pytest.mark.parametrize("text, expected", [
    # a bare 公司 after a name of its own is a firm; after a kind of firm or a count it is none
    ("山西金兰化工有限公司与巴西佛罗伊特国际公司签署了贸易协议。该公司表示，两家公司将扩大合作，一家科技公司入驻。",
     ["山西金兰化工有限公司", "巴西佛罗伊特国际公司"]),
    # a short form of a registered name given before is that company
    ("会见了云南青岭锌锗股份有限公司党委书记。希望青岭公司立足资源优势", ["云南青岭锌锗股份有限公司"] * 2),
])
def test_companies_with_a_bare_gongsi(text, expected, home_ctx):
    assert [k for _, k in spans(text, home_ctx, "company")] == expected


@pytest.mark.parametrize("text, expected", [
    ("2月4日，记者从全省民族宗教局长会议获悉", ["全省民族宗教局长会议"]),
    ("2月6日上午，聊城市质量大会召开。", ["聊城市质量大会"]),
    ("全市生态环境保护工作会议暨市环委会全体会议召开", ["全市生态环境保护工作会议暨市环委会全体会议"]),
    ("举办“弘扬孔繁森精神与铸牢中华民族共同体意识研讨会”，形成成果", ["弘扬孔繁森精神与铸牢中华民族共同体意识研讨会"]),
    ("举行铸牢中华民族共同体意识示范创建工作新闻发布会，进一步提高", ["铸牢中华民族共同体意识示范创建工作新闻发布会"]),
    ("——“龙腾盛世两河春”2024聊城春节联欢会精彩纷呈", ["2024聊城春节联欢会"]),
    ("市十六届人大常委会第四十二次会议召开", ["市十六届人大常委会第四十二次会议"]),
    ("就抓好会议精神贯彻落实，会议以视频形式召开", []),
    # tasks and time words before a head are no meeting's name
    ("要竭尽全力做好会议筹备工作，精心组织", []),
    # the congress written without a session is a body, not a meeting
    ("会议同意全国人民代表大会财政经济委员会的审查报告", []),
    ("今后各项会议要精简，今天下午全县招商引资推进会召开", ["全县招商引资推进会"]),
    # after 主持召开 the whole name is the meeting's, its words of studying too
    ("县长王一主持召开了县政府党组理论学习中心组学习会议。", ["县政府党组理论学习中心组学习会议"]),
    ("市长王一主持召开市长碰头会，听取汇报。", ["市长碰头会"]),
    ("县长王一主持召开我县防汛紧急会商会议。", ["防汛紧急会商会议"]),      # the name as before
    ("听取工作情况，需提请市长碰头会协调解决的问题。", ["市长碰头会"]),
    # a verb of attending glued into one of jieba's words ends no meeting's name
    ("县检察院副检察长兰一华应邀参加会议。", []), ("会议最后，杨主任发表座谈会讲话。", []),
])
def test_events(text, expected, home_ctx):
    assert [k for _, k in spans(text, home_ctx, "event")] == expected


def test_user_lexicon_adds_and_suppresses(home_ctx):
    from dataclasses import replace

    from kg.lexicon import parse_lexicon

    text = "近日，高新区与博源公司签约。"
    plain = {(m.type, m.key) for m in recognise(text, home_ctx)}
    assert ("company", "山东博源精密机械有限公司") not in plain and any(t == "place" for t, _ in plain)
    ctx = replace(home_ctx, lexicon=parse_lexicon("山东博源精密机械有限公司\tcompany\t博源公司\n高新区\tnone"))
    got = {(m.type, m.key) for m in recognise(text, ctx)}
    assert ("company", "山东博源精密机械有限公司") in got
    assert not any(t == "place" for t, _ in got)


@pytest.mark.parametrize("text, expected", [
    ("出生于宜城市小河镇。", [("宜城市", "city"), ("小河镇", "township")]),
    ("在哈尔盖镇、泉吉乡和黄杜村调研，走进递铺街道", [("哈尔盖镇", "township"), ("泉吉乡", "township"),
                                         ("黄杜村", "village"), ("递铺街道", "township")]),
    ("推进乡村振兴，城乡融合，各乡镇", []),
    ("青海湖裸鲤救护中心", []),            # a body (the tagger says place; its tail says organisation)
    ("市委副书记谢兆村出席", []),
    # Inner Mongolia's 苏木 (a township) and 嘎查 (a village); no name inside one (赛罕高|毕苏木)
    ("旗委书记王一军深入赛罕高毕苏木、洪格尔苏木边境派出所和巴音嘎查调研督导，部分嘎查干部参加。",
     [("赛罕高毕苏木", "township"), ("洪格尔苏木", "township"), ("巴音嘎查", "village")]),
])
def test_townships_and_villages(text, expected, home_ctx):
    got = [(m.key, m.attr("level")) for m in recognise(text, home_ctx) if m.type == "place"]
    assert got == expected


@pytest.mark.parametrize("text, place, expected", [
    ("河钢集团党委书记、董事长刘永胜出席", "邯郸市", [("党委书记", "河钢集团"), ("董事长", "河钢集团")]),
    ("嘉定区委副书记、区长邵一帆出席", "曲靖市", [("嘉定区委副书记", "中共嘉定区委"), ("区长", "嘉定区人民政府")]),
    ("县委常委、宣传部部长俞佳宁出席", "安吉县", [("县委常委", "中共安吉县委"), ("宣传部部长", "中共安吉县委宣传部")]),
    ("深圳市副市长郑立行率团来赣", "赣州市", [("深圳市副市长", "深圳市人民政府")]),
    ("市政协副主席司马红、钱国良，秘书长王一舟出席", "绍兴市", [("秘书长", "绍兴市政协")]),
    # the banners and leagues of Inner Mongolia: 旗委, 旗政府, 旗长, 盟长; 政府旗长 in a chain
    ("旗委书记王一军深入嘎查调研", "苏尼特左旗", [("旗委书记", "中共苏尼特左旗委")]),
    ("旗委常委、组织部部长吴二军参加调研", "苏尼特左旗",
     [("旗委常委", "中共苏尼特左旗委"), ("组织部部长", "中共苏尼特左旗委组织部")]),
    ("旗委副书记、政府代理旗长常一胜调研", "东乌珠穆沁旗",
     [("旗委副书记", "中共东乌珠穆沁旗委"), ("政府代理旗长", "东乌珠穆沁旗人民政府")]),
    ("盟行署副盟长张二宇参加调研", "科尔沁右翼前旗", [("副盟长", "兴安盟行政公署")]),
    # a 地区's party committee and administration: 地委, 行署 (its 专员)
    ("和田地委副书记、行署专员艾一江·买买提参加会见", "丽水市",
     [("和田地委副书记", "中共和田地委"), ("行署专员", "和田地区行政公署")]),
    ("旗政协党组书记、主席周一军带队", "乌拉特中旗", [("旗政协党组书记", "乌拉特中旗政协"), ("主席", "乌拉特中旗政协")]),
    # a banner's short name the divisions do not know (莫旗) before 旗委: the level written again
    ("莫旗旗委书记谭一华带队到集团公司对接工作", "莫力达瓦达斡尔族自治旗", [("旗委书记", "中共莫力达瓦达斡尔族自治旗委")]),
    # a division's party committee written 党委 (the autonomous regions, Xinjiang's counties)
    ("宁夏回族自治区党委副书记于一胜为团长", "莆田市", [("宁夏回族自治区党委副书记", "中共宁夏回族自治区委员会")]),
    ("精河县党委副书记、县长王一民率团来访", "荆门市", [("精河县党委副书记", "中共精河县委"), ("县长", "精河县人民政府")]),
    # a listing of several places' officials: a short form after an item naming its place is that place's
    # (a district's paper, whose 市 is the city above it)
    ("嘉兴市委副书记、组织部长李一龙，市委常委、常务副市长贾二清参加仪式", "徐汇区",
     [("市委常委", "中共嘉兴市委"), ("常务副市长", "嘉兴市人民政府")]),
    ("市委书记王一会见嘉兴市委副书记李二一行，市委常委张三参加", "徐汇区", [("市委常委", "中共上海市委")]),
    ("绍兴市市长盛一春，副市长顾二涛参加交流会", "辽源市", [("副市长", "绍兴市人民政府")]),
])
def test_title_chains_name_their_bodies(text, place, expected):
    from kg.pipeline import recognise as plain

    person = [m for m in plain(text, place=place, flat=False) if m.type == "person"][-1]
    assert list(person.attr("titles")) == expected


def test_a_title_covers_the_names_listed_after_it(home_ctx):
    people = [m for m in recognise("市政协副主席司马红、钱国良、俞佳妮出席。", home_ctx) if m.type == "person"]
    assert [(m.key, m.attr("titles")[0][0]) for m in people] == [
        ("司马红", "市政协副主席"), ("钱国良", "市政协副主席"), ("俞佳妮", "市政协副主席")]


@pytest.mark.parametrize("text, expected", [
    ("共同推动河钢集团转型升级", ["河钢集团"]),
    ("与深圳市投资控股有限公司签约", ["深圳市投资控股有限公司"]),
    ("签约企业代表东莞市蜀江新能源科技有限公司总经理曾一伟发言", ["东莞市蜀江新能源科技有限公司"]),
])
def test_company_left_edges(text, expected, home_ctx):
    assert [k for _, k in spans(text, home_ctx, "company")] == expected


@pytest.mark.parametrize("text, expected", [
    ("会上，张百顺市长强调，要抓好落实。", ["张百顺"]),
    ("，李长萍书记指出，", ["李长萍"]),
    ("全国市长会议召开。", []),
])
def test_names_written_before_their_post(text, expected, home_ctx):
    assert [k for _, k in spans(text, home_ctx, "person")] == expected


def test_closing_and_media_centre_credits_are_journalists(home_ctx):
    text = "（平原融媒记者 何一聪）3月16日，市长王一出席。州直部门负责人参加了会议。(凌一云)"
    roles = {m.key: m.attr("role") for m in recognise(text, home_ctx) if m.type == "person"}
    assert roles == {"何一聪": "journalist", "王一": "official", "凌一云": "journalist"}


def test_a_learned_span_running_on_into_the_visit_is_no_body():
    from kg.divisions import find_home
    from kg.extract.base import Context
    ctx = Context(home=find_home("镇江市"))
    text = "3月12日上午，副市长尹一民带队赴丹阳市、镇江经开区调研春季农业生产、富民强村挂钩帮促和乡村振兴工作。"
    assert [m.key for m in recognise(text, ctx) if m.type in ("organization", "company")] == []


@pytest.mark.parametrize("text, expected", [
    # Tibetan names open with no surname: read from their words, where a name has its slot
    ("县委副书记、县长才让东智出席会议并讲话。", ["才让东智"]),
    ("县领导扎西多杰、卓玛措、王明出席。", ["扎西多杰", "卓玛措", "王明"]),
    ("会议决定任命拉毛措为县农牧水利和科技局局长。", ["拉毛措"]),
    # but a county named by a name word is a place (尼玛县), no name
    ("尼玛县举行活动。", []),
    # Mongolian names: a surname may open them, the name runs over all its words
    ("旗委副书记、旗长乌云其木格，副旗长额尔敦巴雅尔、巴特尔出席。", ["乌云其木格", "额尔敦巴雅尔", "巴特尔"]),
    ("乌兰察布市召开会议。", []),
    # Yi names: a clan of two characters (吉克, 沙马) and a given name of two; a verb is no given name
    ("县人大常委会主任吉克曲比、副县长沙马拉毅出席。", ["吉克曲比", "沙马拉毅"]),
    ("县长吉克出席。", ["吉克"]),
])
def test_tibetan_and_mongolian_names(text, expected):
    from kg.divisions import find_home
    from kg.extract.base import Context

    assert [m.text for m in recognise(text, Context(home=find_home("刚察县"))) if m.type == "person"] == expected


@pytest.mark.parametrize("text, expected", [
    # a name the dictionary knows as a place's (江山, 安南) is a name right after a title
    ("市委副书记、市长江山出席会议并讲话。", ["江山"]),
    ("联合国秘书长安南发表讲话。", ["安南"]),
    # not a word of saying (书记强调), nor a division's full name (江山市 is no 江 someone)
    ("王书记强调，", []), ("市委书记江山市调研。", []), ("县长金华市出席。", []),
])
def test_a_place_word_after_a_title_is_a_name(text, expected, home_ctx):
    assert [m.text for m in recognise(text, home_ctx) if m.type == "person" and m.text != "王书记"] == expected


def test_a_rule_mention_wins_over_the_learned_one_of_its_span():
    from kg.extract import resolve_overlaps
    from kg.extract.base import mention

    t = "副市长若泽·席尔瓦出席"
    learned = mention(3, 9, t, "person", role="other", tagged=True)
    read = mention(3, 9, t, "person", role="official", titles=(("副市长", None),))
    for found in ([learned, read], [read, learned]):
        assert resolve_overlaps(found) == [read]


def test_a_name_in_parts_found_after_a_post_holds_that_post():
    from kg.extract import dotted
    from kg.extract.base import mention

    t = "友好城市市长阿列克谢·伊万诺夫出席"
    title = mention(4, 6, t, "title", org="某市人民政府")
    person = [m for m in dotted.find(t, [title]) if m.type == "person"]
    assert [(m.text, m.attr("titles")) for m in person] == [("阿列克谢·伊万诺夫", (("市长", "某市人民政府"),))]


def test_a_learned_span_running_on_into_an_inspection_is_no_body():
    from kg.divisions import find_home
    from kg.extract.base import Context
    ctx = Context(home=find_home("惠城区"))
    text = "区委书记王一芳带队到江北街道、滨江街道检查防汛工作。"
    assert [m.key for m in recognise(text, ctx) if m.type in ("organization", "company")] == ["中共惠城区委"]


@pytest.mark.parametrize("text, expected", [
    # 组织 before 工作 or 部长 is the party's organisation work, not the verb of organising
    ("本报讯 5月26日，全县组织工作会议召开。", ["全县组织工作会议"]),
    ("全市组织部长会议召开。", ["全市组织部长会议"]),
    ("市委组织召开全市招商推进会。", ["全市招商推进会"]),
])
def test_organisation_work_names_its_meeting(text, expected, home_ctx):
    assert [k for _, k in spans(text, home_ctx, "event")] == expected


def test_the_cppcc_written_in_full_is_a_body_not_a_meeting(home_ctx):
    text = "中国人民政治协商会议聊城市委员会副主席王一出席。"
    assert [k for _, k in spans(text, home_ctx, "event")] == []
    assert [k for _, k in spans(text, home_ctx, "organization")] == ["聊城市政协"]
