"""Posts, appointments and removals: one table per family of real-looking sentences (invented names)."""
from __future__ import annotations

import pytest

from kg.pipeline import extract_document
from kg.types import Document


def posts(text, *, place="聊城市"):
    r = extract_document(Document(id="t.txt", text=text, date="2024-03-01", place=place))
    return sorted((f["subject"].split("/", 1)[1], (f["object"] or "/-").split("/", 1)[1], f["attributes"]["title"],
                   f["attributes"].get("change")) for f in r["facts"] if f["relation"] == "holds_position")


APPOINTMENTS = [
    ("会议决定任命王建国为聊城市人民政府副市长。",
     [("王建国", "聊城市人民政府", "聊城市人民政府副市长", "appointed")]),
    ("会议决定任命李四为市财政局局长、王五为市教育局局长。",
     [("李四", "聊城市财政局", "市财政局局长", "appointed"), ("王五", "聊城市教育局", "市教育局局长", "appointed")]),
    ("任命孙一、周二为市人民政府副市长。",
     [("周二", "聊城市人民政府", "市人民政府副市长", "appointed"),
      ("孙一", "聊城市人民政府", "市人民政府副市长", "appointed")]),
    ("会议决定免去赵六的市民政局局长职务、钱七的市审计局局长职务。",
     [("赵六", "聊城市民政局", "市民政局局长", "removed"), ("钱七", "聊城市审计局", "市审计局局长", "removed")]),
    ("会议接受郑八辞去聊城市人民政府副市长职务的请求。",
     [("郑八", "聊城市人民政府", "聊城市人民政府副市长", "removed")]),
    # 免除…一职; 同志 after a two-character name is no part of it (周玲|同志的)
    ("会议免除路一阳同志常务副市长一职，免除孟二哲同志副市长一职。",
     [("孟二哲", "聊城市人民政府", "副市长", "removed"), ("路一阳", "聊城市人民政府", "常务副市长", "removed")]),
    ("免去周玲同志的聊城市人民政府副市长职务。",
     [("周玲", "聊城市人民政府", "聊城市人民政府副市长", "removed")]),
    # a list counted before its tie: 三位同志, 等两名同志
    ("会议决定任命吕一靖、李二庚、李三群三位同志为市监察委员会委员。",
     [("吕一靖", "聊城市监察委员会", "市监察委员会委员", "appointed"),
      ("李三群", "聊城市监察委员会", "市监察委员会委员", "appointed"),
      ("李二庚", "聊城市监察委员会", "市监察委员会委员", "appointed")]),
    ("会议决定接受胡一军、杨二旗等两名同志辞去市人民政府副市长职务的请求。",
     [("杨二旗", "聊城市人民政府", "市人民政府副市长", "removed"),
      ("胡一军", "聊城市人民政府", "市人民政府副市长", "removed")]),
    ("会议决定任命吴九为市人民政府副市长，接受其辞去市人大常委会副主任职务的请求。",
     [("吴九", "聊城市人民政府", "市人民政府副市长", "appointed"),
      ("吴九", "聊城市人大常委会", "市人大常委会副主任", "removed")]),
    ("大会选举冯十为聊城市人民政府市长。",
     [("冯十", "聊城市人民政府", "聊城市人民政府市长", "appointed")]),
    ("决定任命陈一任市公安局局长。",
     [("陈一", "聊城市公安局", "市公安局局长", "appointed")]),
    ("会上宣布：蒋一同志任市委副书记，沈二同志不再担任市委副书记职务。",
     [("蒋一", "中共聊城市委", "市委副书记", "appointed"), ("沈二", "中共聊城市委", "市委副书记", "removed")]),
    ("韩三当选为市人民政府市长。",
     [("韩三", "聊城市人民政府", "市人民政府市长", "appointed")]),
]


@pytest.mark.parametrize("text, expected", APPOINTMENTS)
def test_appointment_and_removal_lists(text, expected):
    assert posts(text) == sorted(expected)


INHERITED = [
    ("县人大常委会主任孙立，副主任郭一文、李二燕出席会议。",
     [("孙立", "南乐县人大常委会", "县人大常委会主任", None), ("李二燕", "南乐县人大常委会", "副主任", None),
      ("郭一文", "南乐县人大常委会", "副主任", None)]),
    ("县政协副主席、党组副书记陆新主持会议，副主席徐兆一、张二民，秘书长刘宏三出席。",
     [("刘宏三", "南乐县政协", "秘书长", None), ("张二民", "南乐县政协", "副主席", None),
      ("徐兆一", "南乐县政协", "副主席", None), ("陆新", "南乐县政协", "党组副书记", None),
      ("陆新", "南乐县政协", "县政协副主席", None)]),
    # the sentence after a titled list may open with the same body's bare titles
    ("县政协主席张一波主持会议并讲话。副主席丁二斌、孙三明，秘书长林四伦参加会议。",
     [("丁二斌", "南乐县政协", "副主席", None), ("孙三明", "南乐县政协", "副主席", None),
      ("张一波", "南乐县政协", "县政协主席", None), ("林四伦", "南乐县政协", "秘书长", None)]),
    # the bare title written again for one who holds it with a body is that post, not another
    ("县政协主席王一珍主持，秘书长郑三丽出席会议。会议听取秘书长郑三丽关于活动方案的汇报。",
     [("王一珍", "南乐县政协", "县政协主席", None), ("郑三丽", "南乐县政协", "秘书长", None)]),
    # a bare title after another body's list keeps no body it was not given
    ("县委书记杨一出席，主任李二讲话。",
     [("李二", "-", "主任", None), ("杨一", "中共南乐县委", "县委书记", None)]),
]


@pytest.mark.parametrize("text, expected", INHERITED)
def test_titles_inherit_the_listed_body(text, expected):
    assert posts(text, place="南乐县") == expected


def test_traditional_script_titles_are_copied_as_written():
    got = posts("縣人大常委會主任賈一祥、縣政協主席高二鈞出席會議。", place="秦安县")
    assert got == [("贾一祥", "秦安县人大常委会", "縣人大常委會主任", None),
                   ("高二钧", "秦安县政协", "縣政協主席", None)]


BODIES = [
    # abbreviated departments: 统战部长, 政法委书记
    ("市侨联主席刘一雁，区委常委、统战部长孙二志出席。",
     [("刘一雁", "阜新市侨联", "市侨联主席", None), ("孙二志", "中共新邱区委", "区委常委", None),
      ("孙二志", "中共新邱区委统战部", "统战部长", None)]),
    ("区委副书记、政法委书记张一芳出席。",
     [("张一芳", "中共新邱区委", "区委副书记", None), ("张一芳", "中共新邱区委政法委员会", "政法委书记", None)]),
    # a city we do not know written before a government post (a partner city abroad) is no home body
    ("巴西卡诺斯市副市长若泽·席尔瓦，副市长王一民出席欢迎宴会。",
     [("王一民", "阜新市人民政府", "副市长", None), ("若泽·席尔瓦", "-", "副市长", None)]),
    # a party branch of a street, a village, a zone
    ("副区长张一菁、南大街街道党工委书记汤二杰陪同。",
     [("张一菁", "新邱区人民政府", "副区长", None), ("汤二杰", "中共南大街街道工作委员会", "南大街街道党工委书记", None)]),
    ("五一村党支部书记黎一亮表示十分期待。",
     [("黎一亮", "中共五一村支部委员会", "五一村党支部书记", None)]),
    # an autonomous prefecture by its short form: 延边州委, 黔东南州委
    ("延边州委常委、副州长娄一闻，黔东南州委书记王二出席。",
     [("娄一闻", "中共延边朝鲜族自治州委", "延边州委常委", None), ("娄一闻", "延边朝鲜族自治州人民政府", "副州长", None),
      ("王二", "中共黔东南苗族侗族自治州委", "黔东南州委书记", None)]),
    # the chain's city, not the home place, for a deputy too: 宣城市委常委、副市长 in another city's paper
    ("宣城市委常委、副市长刘一标，郑州市委常委、常务副市长王二出席。",
     [("刘一标", "中共宣城市委", "宣城市委常委", None), ("刘一标", "宣城市人民政府", "副市长", None),
      ("王二", "中共郑州市委", "郑州市委常委", None), ("王二", "郑州市人民政府", "常务副市长", None)]),
    # the chain's city, not the home place: 郑州市委副书记、市长 in another city's paper
    ("郑州市委副书记、市长王一超和郑州市委副书记、市纪委书记马二懿致辞。",
     [("王一超", "中共郑州市委", "郑州市委副书记", None), ("王一超", "郑州市人民政府", "市长", None),
      ("马二懿", "中共郑州市委", "郑州市委副书记", None), ("马二懿", "郑州市纪委", "市纪委书记", None)]),


    # a town's head: the town's government
    ("县委常委李一冉、甲张镇镇长桂二辉、红星乡副乡长李三陪同。",
     [("李一冉", "中共绛县县委", "县委常委", None), ("李三", "红星乡人民政府", "红星乡副乡长", None),
      ("桂二辉", "甲张镇人民政府", "甲张镇镇长", None)]),
    # a chain's 纪委 and 监委 are the county's own, named as 县纪委 is
    ("县委常委、纪委书记、监委主任王一明出席。",
     [("王一明", "中共绛县县委", "县委常委", None), ("王一明", "绛县监委", "监委主任", None),
      ("王一明", "绛县纪委", "纪委书记", None)]),
    # a county's court and procuratorate by their short forms
    ("县法院院长钟一高，县检察院副检察长兰二华列席会议。",
     [("兰二华", "绛县人民检察院", "县检察院副检察长", None), ("钟一高", "绛县人民法院", "县法院院长", None)]),
    # the level written again before its body: 某县县委书记, 某区区委书记, 某区区政府副区长
    ("绛县县委书记王一明出席。", [("王一明", "中共绛县县委", "绛县县委书记", None)]),
    ("新邱区区委书记洪一强、新邱区区政府副区长吴二源出席。",
     [("吴二源", "新邱区人民政府", "新邱区区政府副区长", None), ("洪一强", "中共新邱区委", "新邱区区委书记", None)]),
    # a one-character county's committee is 中共X县县委; party departments of a committee
    ("县委副书记、县长张一潮，县委组织部部长李二四出席。",
     [("张一潮", "中共绛县县委", "县委副书记", None), ("张一潮", "绛县人民政府", "县长", None),
      ("李二四", "中共绛县县委组织部", "县委组织部部长", None)]),
    # courts written short take their full names (GUIDELINES: 县法院 is X县人民法院)
    ("县法院院长张一高、县检察院检察长李二浩、市中级法院院长王三民出席。",
     [("张一高", "绛县人民法院", "县法院院长", None), ("李二浩", "绛县人民检察院", "县检察院检察长", None),
      ("王三民", "运城市中级人民法院", "市中级法院院长", None)]),
]


LOCAL_ORGANS = [
    # a town's head serves its government, not its party committee
    ("梁水镇党委书记、镇长王一明陪同。",
     [("王一明", "中共梁水镇委员会", "梁水镇党委书记", None), ("王一明", "梁水镇人民政府", "镇长", None)]),
    ("梁水镇镇长王一明陪同。", [("王一明", "梁水镇人民政府", "梁水镇镇长", None)]),
    # a street's office, a village's committee, a zone's committee beside their party branch
    ("古楼街道党工委书记、办事处主任王一明陪同。",
     [("王一明", "中共古楼街道工作委员会", "古楼街道党工委书记", None), ("王一明", "古楼街道办事处", "办事处主任", None)]),
    ("五里村党支部书记、村委会主任王一明介绍。",
     [("王一明", "中共五里村支部委员会", "五里村党支部书记", None), ("王一明", "五里村村民委员会", "村委会主任", None)]),
    ("五里村村委会主任王一明介绍。", [("王一明", "五里村村民委员会", "五里村村委会主任", None)]),
    # a bare 镇 before its party post, in a story of that town
    ("区委书记王二明到梁水镇调研。镇党委书记沈一改，镇党委副书记、镇长李三文陪同。",
     [("沈一改", "中共梁水镇委员会", "镇党委书记", None), ("李三文", "中共梁水镇委员会", "镇党委副书记", None),
      ("李三文", "梁水镇人民政府", "镇长", None), ("王二明", "中共新邱区委", "区委书记", None)]),
    # assistants to the mayor serve the government; the party school is the committee's
    ("市长助理、市发改委主任王一明出席。",
     [("王一明", "阜新市人民政府", "市长助理", None), ("王一明", "阜新市发改委", "市发改委主任", None)]),
    ("市委党校常务副校长王一明出席。", [("王一明", "中共阜新市委党校", "市委党校常务副校长", None)]),
]


@pytest.mark.parametrize("text, expected", LOCAL_ORGANS)
def test_towns_streets_villages_and_zones_have_their_organs(text, expected):
    assert posts(text, place="新邱区") == sorted(expected)


NATIONAL = [
    # a national official's title names its national body, copied as written
    ("全国人大常委会副委员长王一明来我区调研。", [("王一明", "全国人大常委会", "全国人大常委会副委员长", None)]),
    ("中共中央政治局委员、国务院副总理李二强出席。",
     [("李二强", "中共中央政治局", "中共中央政治局委员", None), ("李二强", "国务院", "国务院副总理", None)]),
    ("国家发改委主任张三丰、工业和信息化部副部长赵四海出席。",
     [("张三丰", "国家发展改革委", "国家发改委主任", None), ("赵四海", "工业和信息化部", "工业和信息化部副部长", None)]),
    # a branch of a national body is its own body; a kind of unit is none
    ("中国人民银行阜新市中心支行行长刘五一出席。",
     [("刘五一", "中国人民银行阜新市中心支行", "中国人民银行阜新市中心支行行长", None)]),
]


@pytest.mark.parametrize("text, expected", NATIONAL)
def test_national_officials_name_their_body(text, expected):
    assert posts(text, place="新邱区") == sorted(expected)


def test_a_kind_of_unit_is_no_ministry():
    from kg.extract.organizations import _national
    assert [m.key for m in _national("县公安部门、财政部门负责人和公安部工作组")] == ["公安部"]


@pytest.mark.parametrize("text, expected", BODIES)
def test_each_title_finds_or_creates_its_body(text, expected):
    assert posts(text, place="绛县" if "县" in text[:3] else "新邱区") == sorted(expected)


# the name written between a body and its post, or before a government post of the home place
NAME_INSIDE = [
    ("东海县委宋一波书记、县政府徐二冰常务副县长，张三旺副县长及有关部门参加座谈。",
     [("宋一波", "中共东海县委", "书记", None), ("张三旺", "东海县人民政府", "副县长", None),
      ("徐二冰", "东海县人民政府", "常务副县长", None)]),
    ("1月25日上午，县港澳办梁一娟副主任会见了客人一行。",
     [("梁一娟", "东海县港澳办", "副主任", None)]),
    # a party group's deputy is no name between a body and its post
    ("百联集团党委副书记、总裁徐二瑛出席。",
     [("徐二瑛", "百联集团", "党委副书记", None), ("徐二瑛", "百联集团", "总裁", None)]),
]


@pytest.mark.parametrize("text, expected", NAME_INSIDE)
def test_a_name_between_a_body_and_its_post(text, expected):
    assert posts(text, place="东海县") == sorted(expected)


COMPANY_OFFICERS = [
    ("近日，太平洋建设第十一集团有限公司董事局副主席常一政、总裁周二鑫一行来区。",
     [("周二鑫", "太平洋建设第十一集团有限公司", "总裁", None),
      ("常一政", "太平洋建设第十一集团有限公司", "董事局副主席", None)]),
    ("山东博源精密机械有限公司董事长李一军、总经理王二强出席。",
     [("李一军", "山东博源精密机械有限公司", "董事长", None), ("王二强", "山东博源精密机械有限公司", "总经理", None)]),
    # a chain of titles after a company's officers inherits the company when any of them is a company post
    ("广元路桥集团党委书记、董事长罗一光，党委委员、副总经理邢二平出席签约仪式。",
     [("罗一光", "广元路桥集团", "党委书记", None), ("罗一光", "广元路桥集团", "董事长", None),
      ("邢二平", "广元路桥集团", "党委委员", None), ("邢二平", "广元路桥集团", "副总经理", None)]),
    # a firm with a bare 公司 whose name is a rare word (华兴|茶业) holds its officers' posts; 当地公司 is none
    ("华兴茶业公司董事长金一龙，当地公司负责人出席。", [("金一龙", "华兴茶业公司", "董事长", None)]),
    # a company's own unit or the field of a business post between the company and the post
    ("中铁八局集团有限公司华东区域总部总经理张一琅表示，愿加强合作。",
     [("张一琅", "中铁八局集团有限公司", "华东区域总部总经理", None)]),
    ("宏达控股集团市场开发总监赵一晖参加座谈。",
     [("赵一晖", "宏达控股集团", "市场开发总监", None)]),
    # titles ending at a comma with no name of their own are the next name's too
    ("上海市徐汇区经贸考察团团长，徐汇区工商联党组书记陈一楠在座谈中表示，愿加强合作。",
     [("陈一楠", "上海市徐汇区经贸考察团", "上海市徐汇区经贸考察团团长", None),
      ("陈一楠", "徐汇区工商联", "徐汇区工商联党组书记", None)]),
    # …but not a post the name before it takes up (担任, 任, 当选为)
    ("副区长王一明已经市委批准担任区委常委，副区长李二强和区人大常委会副主任张三丰因任职年龄到限，请求辞去现任职务。",
     [("张三丰", "新邱区人大常委会", "区人大常委会副主任", None), ("李二强", "新邱区人民政府", "副区长", None),
      ("王一明", "新邱区人民政府", "副区长", None)]),
    # a bare 集团/公司 before a post is the company the story named last
    ("中材集团有限公司与我区签约。集团党委书记、董事长刘一江，公司副总经理王二强出席。",
     [("刘一江", "中材集团有限公司", "党委书记", None), ("刘一江", "中材集团有限公司", "董事长", None),
      ("王二强", "中材集团有限公司", "副总经理", None)]),
    # 集团公司 alone is the story's company, after 与 too; with none named before, it names none
    ("滨州市政府与山东省土地发展集团签署协议。市长王一明与集团公司总经理李二强签约。",
     [("王一明", "阜新市人民政府", "市长", None), ("李二强", "山东省土地发展集团", "总经理", None)]),
    # a board title after a list of companies is held in each (GUIDELINES)
    ("青禾食品有限公司、蓝海电子有限公司、金穗面业有限公司董事长李一军出席。",
     [("李一军", "青禾食品有限公司", "董事长", None), ("李一军", "蓝海电子有限公司", "董事长", None),
      ("李一军", "金穗面业有限公司", "董事长", None)]),
    # a chain whose last title opens with its company's name: the titles before it are the same person's
    ("澳门经贸考察团团长、新恒星集团投资有限公司董事长房一棠等出席仪式。",
     [("房一棠", "澳门经贸考察团", "澳门经贸考察团团长", None), ("房一棠", "新恒星集团投资有限公司", "董事长", None)]),
]


@pytest.mark.parametrize("text, expected", COMPANY_OFFICERS)
def test_company_officers_keep_their_company(text, expected):
    assert posts(text, place="新邱区") == sorted(expected)


def test_an_appointment_by_name_first_and_a_removal_of_the_one_just_named():
    got = posts("经县委研究决定：王一明同志任县委办公室主任，免去其县委督查室主任职务。张二建任县委书记。", place="绛县")
    assert got == [("张二建", "中共绛县县委", "县委书记", "appointed"),
                   ("王一明", "中共绛县县委办公室", "县委办公室主任", "appointed"),
                   ("王一明", "中共绛县县委督查室", "县委督查室主任", "removed")]


def test_an_appointment_of_two_posts_and_a_rank_in_a_chain():
    got = posts("会议任命张一勇为市人民政府副市长、代理市长；任命张二军为市人民政府副市长。")
    assert got == [("张一勇", "聊城市人民政府", "代理市长", "appointed"),
                   ("张一勇", "聊城市人民政府", "市人民政府副市长", "appointed"),
                   ("张二军", "聊城市人民政府", "市人民政府副市长", "appointed")]
    got = posts("市政协党组副书记、一级巡视员夏一平出席。")
    assert ("夏一平", "聊城市政协", "市政协党组副书记", None) in got


@pytest.mark.parametrize("text, place, expected", [
    # a municipality is a province named 市: 市委 and 市长 in its own paper or a district's
    ("市委副书记、市长张一清出席，副市长孙二魁参加。", "天津市",
     [("孙二魁", "天津市人民政府", "副市长", None), ("张一清", "中共天津市委", "市委副书记", None),
      ("张一清", "天津市人民政府", "市长", None)]),
    ("市委常委王一出席，区委书记曹二强陪同。", "上海市徐汇区",
     [("曹二强", "中共徐汇区委", "区委书记", None), ("王一", "中共上海市委", "市委常委", None)]),
    # a bare zone's party committee in the zone's own paper
    ("在庆典仪式上，开发区党委书记余一发致贺词。", "湛江经济技术开发区",
     [("余一发", "中共湛江经济技术开发区委员会", "开发区党委书记", None)]),
    # 郑州市长: the place and the post share the level character
    ("郑州市长王一超说，合作前景广阔。", "广州市", [("王一超", "郑州市人民政府", "郑州市长", None)]),
    # a delegation is a body when somebody holds a title in it
    ("上海市徐汇区经贸考察团团长陈一楠表示感谢。", "佳木斯市",
     [("陈一楠", "上海市徐汇区经贸考察团", "上海市徐汇区经贸考察团团长", None)]),
    # 兼 joins two titles of one body; a party-group member is a post
    ("市委常委、市政府党组成员、市委统战部部长杨一喜出席。", "高邮市",
     [("杨一喜", "中共高邮市委", "市委常委", None), ("杨一喜", "中共高邮市委统战部", "市委统战部部长", None),
      ("杨一喜", "高邮市人民政府", "市政府党组成员", None)]),
])
def test_units_written_before_a_post(text, place, expected):
    assert posts(text, place=place) == sorted(expected)


def test_a_traditional_page_gives_titles_in_its_script():
    """Titles are copied as written; a leader's usual title the page implies is in its script too."""
    text = ("本報訊 市委書記王立新主持會議。會議強調，要深入學習貫徹習近平新時代中國特色社會主義思想，"
            "全面落實習近平總書記重要講話精神。")
    assert posts(text) == [("习近平", "-", "總書記", None), ("王立新", "中共聊城市委", "市委書記", None)]


@pytest.mark.parametrize("text, expected", [
    ("陕西省村促会副会长兼秘书长刘冰参加活动。",
     [("刘冰", "陕西省村促会", "秘书长", None), ("刘冰", "陕西省村促会", "陕西省村促会副会长", None)]),
    ("市慈善总会会长王明、市红十字会副会长李四出席。",
     [("李四", "聊城市红十字会", "市红十字会副会长", None), ("王明", "聊城市慈善总会", "市慈善总会会长", None)]),
    ("省贸促会副会长林源出席。", [("林源", "山东省贸促会", "省贸促会副会长", None)]),
])
def test_associations_hold_their_officers(text, expected):
    assert posts(text) == expected


def test_a_post_in_a_companys_own_unit_is_the_companys():
    assert posts("副市长王一与远航电力控股有限公司山东大区总经理李二代表双方签约。") == [
        ("李二", "远航电力控股有限公司", "山东大区总经理", None), ("王一", "聊城市人民政府", "副市长", None)]


@pytest.mark.parametrize("text, place, expected", [
    ("湛江海关关长尹一忠出席。", "湛江市", [("尹一忠", "湛江海关", "湛江海关关长", None)]),
    ("市创文指挥部总指挥王一作了动员讲话。", "台山市", [("王一", "台山市创文指挥部", "市创文指挥部总指挥", None)]),
    # a rarer surname of the Hundred Family Surnames after a party branch's title
    ("金色新城社区党委书记巢建媛带考察团参观。", "扬州市", [("巢建媛", "中共金色新城社区委员会", "金色新城社区党委书记", None)]),
])
def test_customs_headquarters_and_rarer_surnames(text, place, expected):
    assert posts(text, place=place) == expected


def test_a_school_named_by_a_citys_short_form_keeps_its_written_name():
    assert posts("长沙职业技术学院党委书记祝磊说。") == [("祝磊", "长沙职业技术学院", "长沙职业技术学院党委书记", None)]


LEARNED_BODIES = [
    # a company only the learned tagger finds (no 公司/集团 of its own) is the body of the title after it
    ("区长王红会见华信国际副总裁周一鸣。", [("周一鸣", "华信国际", "副总裁", None), ("王红", "-", "区长", None)]),
    # and of the chain and the list that go on from it
    ("县委书记赵刚会见中建五局党委书记、董事长孙二海，总经理钱三。",
     [("孙二海", "中建五局", "党委书记", None), ("孙二海", "中建五局", "董事长", None),
      ("赵刚", "县委", "县委书记", None), ("钱三", "中建五局", "总经理", None)]),
]


@pytest.mark.parametrize("text,expected", LEARNED_BODIES)
def test_a_learned_company_is_the_body_of_the_titles_after_it(text, expected):
    assert posts(text) == expected


def test_before_an_officers_title_a_learned_body_is_a_company():
    r = extract_document(Document(id="t.txt", text="县委书记赵刚会见中建五局党委书记、董事长孙二海。", place="聊城市"))
    assert "company/中建五局" in r["entities"] and "organization/中建五局" not in r["entities"]


def test_a_companys_party_committee_is_no_body_of_its_place():
    """浙江某股份有限公司党委副书记: the company's own committee; the post is the company's, and no
    浙江省…党委 body is made up from the place that opens the company's name."""
    text = "市委书记王明会见了浙江甲乙股份有限公司党委副书记、总经理李四。"
    r = extract_document(Document(id="t.txt", text=text, place="聊城市"))
    assert not [k for k in r["entities"] if k.startswith("organization/浙江")]
    assert ("李四", "浙江甲乙股份有限公司", "党委副书记", None) in posts(text)


@pytest.mark.parametrize("text,expected", [
    # 开发区主任 is the head of the zone's 管委会, as 管委会主任 is
    ("经济开发区主任王一明出席会议。", [("王一明", "聊城经济开发区管理委员会", "经济开发区主任", None)]),
    ("高新区副主任李二强出席。", [("李二强", "聊城高新区管理委员会", "高新区副主任", None)]),
])
def test_a_zones_director_heads_its_management_committee(text, expected):
    assert posts(text) == expected
