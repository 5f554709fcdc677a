"""participated and the events it needs, one invented story per row: (text, facts expected)."""
from __future__ import annotations

import pytest

from kg.pipeline import extract_document
from kg.types import Document


def roles(text, place="聊城市"):
    r = extract_document(Document(id="t.txt", text=text, date="2024-05-10", place=place))
    return {(f["subject"].split("/", 1)[1], f["object"].split("/", 1)[1], f["attributes"]["role"],
             f["attributes"]["order"]) for f in r["facts"] if f["relation"] == "participated"}


CASES = [
    # 协商会/通报会 are meetings (not a 商会); who 通报s or 宣读s at one speaks there
    (("本报讯 近日，市两会人事安排民主协商会暨2025年全市干部选拔任用工作情况通报会召开。市委书记赵刚出席会议并讲话，"
      "市委常委、组织部部长王芳通报相关情况，市委常委、秘书长李建平主持会议。"),
     {("赵刚", "市两会人事安排民主协商会暨2025年全市干部选拔任用工作情况通报会", "speaker", 1),
      ("王芳", "市两会人事安排民主协商会暨2025年全市干部选拔任用工作情况通报会", "speaker", 2),
      ("李建平", "市两会人事安排民主协商会暨2025年全市干部选拔任用工作情况通报会", "chair", 3)}),
    # a national leader's thought or speech cited in a speech is no participation of his
    (("本报讯 5月9日，全市领导干部会议召开。市委书记赵刚主持会议并讲话。赵刚强调，要深入学习贯彻习近平新时代中国特色社会主义思想，"
      "全面落实习近平总书记视察山东重要讲话精神。"),
     {("赵刚", "全市领导干部会议", "chair", 1)}),
    # a meeting named by its body: the body joined to the sitting it holds
    ("本报讯 5月9日，县十届人大常委会召开第五次会议。县人大常委会主任李建平主持会议。副县长王芳列席会议。",
     {("李建平", "县十届人大常委会第五次会议", "chair", 1), ("王芳", "县十届人大常委会第五次会议", "attendee", 2)}),
    ("5月9日，县委书记赵刚主持召开县委常委会议。县长孙红出席。",
     {("赵刚", "县委常委会议", "chair", 1), ("孙红", "县委常委会议", "attendee", 2)}),
    ("5月7日，市委常委会召开扩大会议，研究部署防汛工作。市委书记赵刚主持会议并讲话，市长孙红出席会议。",
     {("赵刚", "市委常委会", "chair", 1), ("孙红", "市委常委会", "attendee", 2)}),
    # a PDF page prints the headline after the body: its event is still the story's, and a photo's
    # aside in brackets does not cut the story in two
    (("本报讯 11月24日下午，湛江大中纺织有限公司举行竣工投产仪式。副市长陈一坚、区长林二英出席仪式。"
      "\n（图为庆典仪式现场）\n庆典仪式由开发区管委会主任林三萌主持。\n大中纺织项目举行投产庆典仪式"),
     {("陈一坚", "投产庆典仪式", "attendee", 1), ("林二英", "投产庆典仪式", "attendee", 2),
      ("林三萌", "投产庆典仪式", "chair", 3)}),
    # those seated on the rostrum of a session attend it
    ("本报讯 5月9日，县政协十届三次会议开幕。县领导王一明、李二强在主席台就座。",
     {("王一明", "县政协十届三次会议", "attendee", 1), ("李二强", "县政协十届三次会议", "attendee", 2)}),
    # presenting a flag or cutting a ribbon at a ceremony is taking part in it
    (("本报讯 9月1日上午，创文启动仪式在广场举行。市长张磊作了动员讲话。仪式上，市委书记谢伯欣为创文义工队代表授旗，"
      "副市长王芳为新开业企业剪彩。市委副书记林伟勤主持启动仪式。"),
     {("张磊", "创文启动仪式", "speaker", 1), ("谢伯欣", "创文启动仪式", "attendee", 2),
      ("王芳", "创文启动仪式", "attendee", 3), ("林伟勤", "创文启动仪式", "chair", 4)}),
    # thanks given after a long object (对…的支持表示感谢) are still words spoken there
    (("本报讯 12月26日下午，市政府与蓝海银行绍兴分行合作协议签约仪式举行。市领导赵刚、孙红出席签约仪式。"
      "市委书记赵刚对蓝海银行绍兴分行给我市中小企业在信贷资源、信贷政策等多方面予以倾斜和强有力的支持表示感谢。"),
     {("赵刚", "市政府与蓝海银行绍兴分行合作协议签约仪式", "speaker", 1),
      ("孙红", "市政府与蓝海银行绍兴分行合作协议签约仪式", "attendee", 2)}),
    # a passer-by quoted after the meeting is no speaker; an official quoted is
    ("本报讯 5月12日，全市安全生产工作会议召开。市长李红军出席会议。会后，记者采访了市民王大爷，王大爷说，安全最重要。",
     {("李红军", "全市安全生产工作会议", "attendee", 1)}),
    # a generic ceremony named as written; signers attend, the quoted speak
    (("市委书记李建平，山东蓝海化工有限公司董事长孙明，市长赵刚等参加签约仪式。"
     "签约仪式上，李建平对企业长期以来的支持表示感谢。副市长王芳与孙明签订合作协议。"),
     {("李建平", "签约仪式", "speaker", 1), ("孙明", "签约仪式", "attendee", 2), ("赵刚", "签约仪式", "attendee", 3),
      ("王芳", "签约仪式", "attendee", 4)}),
    # a role whose clause names another event is taken there, not at the story's meeting
    ("本报讯 5月9日，全市招商引资大会召开。市长赵刚出席会议并讲话。会后，副市长王芳主持启动仪式。",
     {("赵刚", "全市招商引资大会", "speaker", 1), ("王芳", "启动仪式", "chair", 1)}),
    # the strongest role wins: 主持会议并讲话 is one fact, chair
    ("本报讯 5月9日，全市安全生产工作会议召开。市长赵刚主持会议并讲话。", {("赵刚", "全市安全生产工作会议", "chair", 1)}),
    # those who report speak: 作…报告, 介绍, 强调
    (("本报讯 5月9日，县十届人大常委会召开第五次会议。会议听取了副县长王晓芳作的关于教育工作的报告。"
     "县人大常委会主任李建平强调，要抓好落实。"),
     {("王晓芳", "县十届人大常委会第五次会议", "speaker", 1), ("李建平", "县十届人大常委会第五次会议", "speaker", 2)}),
    # an activity held (举行…活动), with its roles; a quoted title inside a name is kept whole
    ("5月9日，东关村与西关村举行友好村庄结对签约活动。副县长王芳参加活动。",
     {("王芳", "友好村庄结对签约活动", "attendee", 1)}),
    ("5月9日，东昌区金融支持“强工业、兴产业”行动暨银企对接大会召开。副区长王芳主持会议。",
     {("王芳", "东昌区金融支持“强工业、兴产业”行动暨银企对接大会", "chair", 1)}),
    # with no meeting convened, the first one somebody is at (在座谈会上强调) is the story's;
    # 介绍 speaks, and a sentence after the event (结束后) takes no role in it
    ("座谈会首先播放了宣传片，市领导李建平致辞。随后，市商务局局长赵刚进行了介绍。县委书记孙红在座谈会上强调，要抓好落实。",
     {("李建平", "座谈会", "speaker", 1), ("赵刚", "座谈会", "speaker", 2), ("孙红", "座谈会", "speaker", 3)}),
    # 会上，举行了甲签约仪式，乙与丙签订…: the signers are at 甲; 在某广场举行的启动仪式上 is a scene too
    ("本报讯 5月9日，全市招商引资大会召开。市长赵刚主持会议。会上，举行了项目合作签约仪式，副市长王芳与孙明签订协议。",
     {("赵刚", "全市招商引资大会", "chair", 1), ("王芳", "项目合作签约仪式", "attendee", 1),
      ("孙明", "项目合作签约仪式", "attendee", 2)}),
    # 出席仪式的领导有：甲，乙: the list after the opening takes its role
    ("本报讯 5月9日，全市重大项目集中开工仪式举行。出席开工仪式的领导有：副市长王芳同志，区委书记孙红同志。",
     {("王芳", "全市重大项目集中开工仪式", "attendee", 1), ("孙红", "全市重大项目集中开工仪式", "attendee", 2)}),
    # with no meeting convened, those who sign before the ceremony is named attend it
    ("5月9日，甲市与乙市缔结友好城市。甲市市长赵刚与乙市市长孙红签署了友好城市协议书。副市长王芳在签约仪式上致辞。",
     {("赵刚", "签约仪式", "attendee", 1), ("孙红", "签约仪式", "attendee", 2), ("王芳", "签约仪式", "speaker", 3)}),
    # 乙参加活动。…在随后召开的座谈会上: those at the activity attend the meeting named later
    ("副县长王芳参加活动。在随后召开的座谈会上，县委常委孙红介绍了协作工作情况。",
     {("王芳", "座谈会", "attendee", 1), ("孙红", "座谈会", "speaker", 2)}),
    # …but in a leader's own tour, 参加活动 is the tour: the companions are not at the 座谈会 after it
    ("市委书记赵刚在阳谷县调研。副市长王芳参加活动。随后，赵刚主持召开座谈会。",
     {("赵刚", "座谈会", "chair", 1)}),
    # a delegation that convenes (并召开座谈会) attends the meeting it convenes
    ("5月8日，泰安市委书记吴建国，市委副书记、市长李敏率泰安市党政代表团来我市考察，并召开座谈会。",
     {("吴建国", "座谈会", "attendee", 1), ("李敏", "座谈会", "attendee", 2)}),
    # quotes from talks held before the ceremony are not said at it
    (("本报讯 5月9日，聊城市人民政府与山东蓝海化工有限公司战略合作签约仪式举行。市长赵刚出席签约仪式。"
      "签约前，赵刚会见了孙明一行。赵刚表示，希望以此次签约为契机深化合作。"),
     {("赵刚", "聊城市人民政府与山东蓝海化工有限公司战略合作签约仪式", "attendee", 1)}),
    # people named as the object of another verb take no role (对甲的任命，并颁发…)
    ("本报讯 5月9日，县十届人大常委会召开第五次会议。会议表决通过了对王芳、孙红两位委员的任命，并颁发了任命书。", set()),
    # a leader cited (总书记系列重要讲话精神) takes no role at the meeting that studies him
    (("本报讯 2月28日，县长王一主持召开县政府常务会议。会议传达学习了习近平总书记系列重要讲话精神。"),
     {("王一", "县政府常务会议", "chair", 1)}),
    # …nor one whose speech at another meeting the meeting relays (传达学习甲在…上的重要讲话)
    (("本报讯 1月4日，县政协十一届十九次常委会会议召开，传达学习习近平总书记在党的二十届四中全会上的重要讲话。"
      "县政协主席王一主持会议。"),
     {("王一", "县政协十一届十九次常委会会议", "chair", 1)}),
    # a welcome banquet is an event; 出席…的主要来宾有：甲，乙 lists its guests
    (("本报讯 昨晚，我市举行欢迎宴会，欢迎参加第九届投资贸易洽谈会的中外客商。出席欢迎宴会的主要来宾有：香港特别行政区驻北京"
      "办事处主任曹一泰，新加坡某某俱乐部主席林二如等。市领导李三太、刘四安参加欢迎宴会。"),
     {("曹一泰", "欢迎宴会", "attendee", 1), ("林二如", "欢迎宴会", "attendee", 2), ("李三太", "欢迎宴会", "attendee", 3),
      ("刘四安", "欢迎宴会", "attendee", 4)}),
    # 甲一行与乙集团举行对接会，丙主持会议: 甲 takes part, the chair is 丙's alone
    ("本报讯 9月4日，区委副书记、区长陈一常一行与首创集团举行区企高层对接会，首创集团董事长张二焰主持会议。",
     {("陈一常", "区企高层对接会", "attendee", 1), ("张二焰", "区企高层对接会", "chair", 2)}),
    # 受甲委托，乙主持: the one who entrusts the chair is not at the meeting
    ("本报讯 1月12日上午，受县委书记赵一兵委托，县委副书记、县长王二强主持召开县委常委会会议。",
     {("王二强", "县委常委会会议", "chair", 1)}),
    # a meeting written only by its kind where it is convened (专题协商会, 专题会议) holds the roles
    (("5月6日，县政协召开专题协商会，围绕乡村振兴建言献策。县政协主席钭一军出席会议并讲话，县政协副主席禹二丽主持会议。"
      "县政协委员危三明作协商发言。"),
     {("钭一军", "专题协商会", "speaker", 1), ("禹二丽", "专题协商会", "chair", 2), ("危三明", "专题协商会", "speaker", 3)}),
    ("5月7日，市长詹一东主持召开专题会议，研究城市更新工作。副市长寇二丽参加会议。",
     {("詹一东", "专题会议", "chair", 1), ("寇二丽", "专题会议", "attendee", 2)}),
    # a generic meeting convened (召开表彰大会) holds the roles; who hands out awards attends
    ("近日，我县召开表彰大会，授予刘一华等10名同志“优秀村党组织书记”称号。县委书记尤二明为受表彰人员颁奖。",
     {("尤二明", "表彰大会", "attendee", 1)}),
    # who 就…作安排部署, 就…作了说明 or, in a clause going on with 并, 提出要求, speaks there;
    # 贯彻落实会议精神 names no meeting
    (("5月15日，全市“百日攻坚”行动动员大会召开。会议由市委副书记晏一主持。市长晏二就具体工作作安排部署。"
      "副市长晏三就方案起草情况作了说明。市委书记晏四出席会议，并就贯彻落实会议精神提出要求。"),
     {("晏一", "全市“百日攻坚”行动动员大会", "chair", 1), ("晏二", "全市“百日攻坚”行动动员大会", "speaker", 2),
      ("晏三", "全市“百日攻坚”行动动员大会", "speaker", 3), ("晏四", "全市“百日攻坚”行动动员大会", "speaker", 4)}),
    # the body convening its sitting names it: 县委召开常委会议 is 县委常委会议
    ("5月9日，县委召开常委会议。县委书记邝一强主持会议。县长邝二出席会议。",
     {("邝一强", "县委常委会议", "chair", 1), ("邝二", "县委常委会议", "attendee", 2)}),
    # a sitting numbered within its year: 县委常委会召开2024年第15次会议
    ("近日，县委常委会召开2024年第15次会议。县委书记伏一斌主持会议。",
     {("伏一斌", "县委常委会2024年第15次会议", "chair", 1)}),
    # a study group's numbered study session is a sitting named with its body; a 续会 held after a
    # higher meeting is where the roles named with it are taken
    ("5月28日，县委理论学习中心组举行2024年第五次集体学习。县委书记侯一华主持学习并讲话。县长侯二强参加学习。",
     {("侯一华", "县委理论学习中心组2024年第五次集体学习", "chair", 1),
      ("侯二强", "县委理论学习中心组2024年第五次集体学习", "attendee", 2)}),
    ("5月27日，全省农业农村工作视频会议召开。会后，我市随即召开续会。市委副书记侯三出席续会并讲话，副市长侯四主持续会。",
     {("侯三", "续会", "speaker", 1), ("侯四", "续会", "chair", 2)}),
    # 主持修建 leads a work, it chairs no meeting
    ("本报讯 5月9日，老干部座谈会召开。时任县长蒲一华当年主持修建了这条公路。县长蒲二主持座谈会。",
     {("蒲二", "老干部座谈会", "chair", 1)}),
    # those 参加会见 were at the meeting with the guests, not at the event the guests came for
    (("昨晚，市委书记杜一成会见了同业公会理事长许二雄一行。代表团此次来是参加“第二届汽车洽谈会”的。"
      "副市长吴三建参加会见。"), set()),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_participation(text, expected):
    assert roles(text) == expected


def test_an_activity_not_held_is_no_event():
    r = extract_document(Document(id="t.txt", text="以开展“质量提升年”活动为抓手，做好各项活动。", place="聊城市"))
    assert not [e for e in r["entities"] if e.startswith("event/")]


def test_a_generic_name_alone_is_no_event():
    r = extract_document(Document(id="t.txt", text="座谈会结束。签约仪式很简短。", place="聊城市"))
    assert not [e for e in r["entities"] if e.startswith("event/")]


def test_a_generic_name_takes_the_full_name_written_earlier():
    text = ("本报讯 5月9日，聊城市人民政府与山东蓝海化工有限公司战略合作签约仪式举行。"
            "签约仪式上，市长赵刚致辞。")
    got = roles(text)
    assert ("赵刚", "聊城市人民政府与山东蓝海化工有限公司战略合作签约仪式", "speaker", 1) in got


@pytest.mark.parametrize("text, names", [
    ("要深刻领会市政协六届三次会议精神。", ["市政协六届三次会议"]),
    ("审议了《东昌府区人民代表大会议事规则》，听取人事事项以及大会选举办法。", []),
    ("市委常委会召开扩大会议。", ["市委常委会"]),
    # a kind of meeting not convened is no event
    ("专题会议要精简。", []),
])
def test_event_names(text, names):
    r = extract_document(Document(id="t.txt", text=text, place="聊城市"))
    assert [e.split("/", 1)[1] for e in r["entities"] if e.startswith("event/")] == names
