"""Cue words of each relation, as data: a new cue is a new entry here, never a new finder.

Each table serves the finders of one module of `kg.relate`; the module's docstring says
which family of pages the cues come from.
"""
from __future__ import annotations

import re

# participation.py: the strongest role wins (chair > speaker > attendee)
ROLE_VERBS = {"chair": ("主持",),
              "speaker": ("讲话", "致辞", "作报告", "发言", "作主题报告", "宣讲", "主讲", "致贺词", "致欢迎辞", "致欢迎词",
                          "宣布", "下达开工令", "作供职报告", "汇报", "推介", "演讲", "介绍", "通报", "宣读", "提出要求",
                          "提出了要求", "提出具体要求", "作部署", "作安排部署", "作具体部署"),
              "attendee": ("出席", "参加", "列席", "在座", "参会", "与会", "观摩", "签约", "签字", "签订", "签署", "颁发", "颁奖", "颁证",
                           "授牌", "授旗", "授匾", "揭牌", "剪彩", "见证", "召开", "举行", "就座", "就坐")}
# 主持修建了公路, 副局长（主持工作）: leading a work or a unit, not chairing a meeting
NOT_CHAIRING = re.compile(r"主持(?:修建|编写|编制|设计|研发|完成|工作|建设|实施|起草|制定|承担|开发|项目|课题|全面工作)")
ROLE_RANK = {"chair": 0, "speaker": 1, "attendee": 2}
# present at a 会见 or 会谈 (meetings.py makes them met), not at the story's event
AT_MEETING = re.compile(r"(?:参加|陪同|一同参加)(?:会见|会谈|接见)|会见时在座|参加座谈(?![会＿])")
# a name cited, not acting: 习近平新时代中国特色社会主义思想, 习近平总书记重要讲话精神, 总书记视察…
CITED = re.compile(r"(?:总书记|同志|主席)?(?:系列)?(?:新时代|重要(?:讲话|指示|论述|批示|回信|贺信)|关于|视察|的重要|思想)")
# 会议传达学习了习近平总书记在…上的重要讲话: a name relayed, not at the meeting (unless that one is named)
RELAYED = re.compile(r"(?:传达|学习|贯彻|领会)[^，,。；;]*$")
# 受县委书记甲委托，县长乙主持: the one who entrusts the chair is not there
ENTRUSTING = re.compile(r"^\s*受(?!邀)[^，,；;]*委托")
REPORTING = re.compile(r"指出|强调|表示|要求|认为|提出|希望|告诉|介绍|说")
# 甲强调, 甲在会上表示, 甲作的关于…的报告: the person quoted or reporting speaks at the event
# 甲就贯彻落实提出要求, 甲就具体工作作安排部署, 甲就方案作了说明: speaking there too
QUOTED = re.compile(r"(?:同志)?(?:(?:在[\u4e00-\u9fff“”]{0,20}?[上中]|[对就][^，,。；]{1,60}?)?[，,]?"
                    r"(?:指出|强调|表示|要求|说|介绍|承诺|提出(?:了)?[^，,。；]{0,8}?要求)"
                    r"|(?:[对就][^，,。；]{1,40}?)?作(?:了)?的?[^，,。；：:]{0,40}?(?:报告|说明|部署|安排))")
AFTER_EVENT = re.compile(r"结束后|之后|后[，,]")      # 启动仪式结束后，甲…: 甲's role is elsewhere
AT = re.compile(r"[上中]")                            # 在座谈会上: at the event
SIGNING = re.compile(r"签署|签订|签约|签字|见证|(?:出席|参加)活动")   # roles taken before the event is named
LIST_OPENS = re.compile(r"(?:领导|嘉宾|来宾|贵宾|人员|同志)(?:有|是|包括)[：:]?\s*$")   # 出席仪式的领导有：甲，乙
BACK_AT_EVENT = re.compile(r"主持|出席|参加|列席|讲话|致辞|仪式上|会上")     # talks are over, the event goes on
OBJECT_BEFORE = re.compile(r"(?:对|听取|通过|任命|免去|选举|慰问|看望)[^，,；;]*$")   # 通过了对甲的任命: 甲 is an object
CONVENE = re.compile(r"召开|举行|举办|开幕|闭幕|启动|开班|开讲|揭晓")
# 签约仪式上，… / 在座谈会上… / 在甲广场举行的启动仪式上: the sentence's roles are taken at that event
AT_EVENT = re.compile(r"^[\s，,]*(?:在[^，,。；;]*|随后召开的|随后举行的)?$")
HOLDING = re.compile(r"(?:举行|召开|举办)(?:了)?$")     # 会上，举行了甲签约仪式，乙与丙签订…: the roles are at 甲

# deals.py
PARTNER = re.compile(r"东西协作|东西部协作|对口支援|对口帮扶|对口协作|对口合作|结对|帮扶|友好城市|友城|山海协作|"
                     r"友好(?:村庄|村|县|区|乡镇|城区)|友好(?:交流|合作)?(?:城市|省州|省|州)(?!长)|国际友城")
# a friendship still talked about, not made: 双方围绕…建立友好城市进行沟通交流, 希望缔结友好城市
PARTNER_TALKS = re.compile(r"(?:围绕|就|探讨|商讨|洽谈|希望|期待|拟|有望|意向)[^。；]{0,30}$")
GOING = re.compile(r"(?:赴|到|前往|来到|走进)[^，,。；、]{0,12}$")      # 赴甲市、乙市: the places gone to
# a signing between the parties named before and after 与 (or listed before 代表三方): the verb,
# then what it must not be (an intention, a future signing)
SIGN = re.compile(r"签订|签署|签约|签字|签下|续签|达成(?=[^，。；]{0,12}协议)|缔结|结为|结成|"
                  r"(?:建立|成为|是)(?=[^，。；]{0,8}合作伙伴)")
SIGN_NOT = re.compile(r"意向|备忘录草案")
SIGN_TOPIC = re.compile(r"(?:相关)?(?:事宜|事项)")     # 就签约事宜进行沟通: signing is the topic (read right after the verb)
# a signing planned, hoped for, talked about or failed, anywhere in the clause before the verb
# (下一步，将推动甲与乙签订…; 力争甲与乙年内签约; 甲与乙未能签约), or one the pair only witnessed
SIGN_PLANNED = re.compile(r"将|拟|计划|有望|准备|力争|争取|推动|推进|促成|洽谈|商谈|磋商|希望|期待|期盼|愿|"
                          r"未能|尚未|没有|见证")
SIGN_FUTURE = re.compile(r"(?:将|拟|计划|有望|准备|即将|将要)(?:与|同|和)?$")
SIGN_WITH = (re.compile(r"与|同"), re.compile(r"和"))     # 和 only where 与/同 name no pair (和 also lists)
ONGOING = re.compile(r"开展[^，。；]{0,12}?合作(?!意向)")           # 与某集团开展业务合作
PARTNER_VERB = re.compile(r"(?:已经?|正式|也|均)?(?:是|成为|系)(?:了)?")      # 甲公司成为乙集团的战略合作伙伴
PARTNER_NOUN = re.compile(r"的?(?:长期|重要|全面|核心|首批|首家)?(?:战略)?合作伙伴")
WISHED = re.compile(r"愿|希望|期待|期盼|将|拟|力争|争取|计划|准备|有望")   # 愿…与甲开展合作: a wish, not a partnership
# 与台湾某某公会签订: a place opening the name of a body the recognisers missed is no party
UNSEEN_BODY = re.compile(r"[^与和同及、，。；签举在就将]{1,8}?(?:公会|协会|商会|联合会|学会|研究院|研究所|大学|学院|医院|"
                         r"集团|公司|银行|基金会|联盟|中心)")
SIGN_LIST = re.compile(r"[、和及]|以及|[，,]")
SIGN_SIDES = re.compile(r"(?:代表)?(?:三方|四方|多方|各方)|代表双方")     # 甲、乙、丙代表三方签署
SIGN_FOR = "代表"                                            # 甲代表县政府与乙公司签署
# 会上，双方签订了…; 两地签订新一轮结对协议: the pair named in one of the few sentences before
JOINT = re.compile(r"(?:双方|两地|两市|两县|两区|两省)(?:还|又|也|正式|共同|现场|当场|随后|再次|代表)*")
JOINT_REACH = 3
THAT_FIRM = re.compile(r"该(?:公司|集团|企业)")     # 该公司与乙银行签订…: the one company named before
# guarantees.py: 甲公司[已]为[位于某地的]乙公司[的3000万元贷款]提供[连带责任]担保
GUARANTOR_GAP = re.compile(r"(?:已|还|又|先后|累计|共|共计|近日|日前|再次|积极|成功|分别|主动|及时|今年以来)*")
GUARANTEED = re.compile(r"(?:位于[^，。；、]{1,12}?的)?")
# what may stand between the one guaranteed and 担保: the loan, never another party (乙推荐的小微企业)
GUARANTEE_FOR = re.compile(r"的?(?:\d+(?:\.\d+)?(?:万|亿|千|百)?亿?元)?的?(?:银行|流动资金|项目|技改|经营)?"
                           r"(?:贷款|借款|融资|授信)?(?:提供|办理)?了?(?:总额)?(?:不超过|不低于|达|共计|累计)?"
                           r"(?:\d+(?:\.\d+)?(?:万|亿|千|百)?亿?元)?的?(?:银行|流动资金|项目|技改|经营)?"
                           r"(?:融资|贷款|借款|连带责任|信用|履约|全额)*(?:保证)?担保")
GUARANTEE_OF_IT = re.compile(r"给予其|为其|向其|为该公司|给该公司|为该企业|给该企业")   # the company named before
AMOUNT = re.compile(r"\d+(?:\.\d+)?(?:万|亿|千|百)?(?:亿)?元")

# visits.py: a visiting party (leader + members) and the places, companies and units it went to
VISIT = re.compile(r"(?:调研|考察|走访|视察|走进|察看|参观|督导|检查)(?![团组队员]|报告|成果|课题|文章|座谈会)")

VISIT_ORIGIN = re.compile(r"(?:党政)?(?:代表团|考察团|考察组|调研组|督导组|检查组|视察组|一行|客人)")
STRONG_GO = ("赴", "到", "深入", "走访", "走进", "莅临", "来到", "前往", "抽查")   # a clause of stops opens so
VISIT_DOING = re.compile(r"了解|开展|推进|指导|督导|检查|座谈|召开")   # 到甲县调研乡村…: what is done, not where
# 来我市考察, 来甲县调研: a party come from elsewhere (not 以来, 带来, 来自)
COME_TO = r"(?<![以带未近原后从起过出将回])来(?=[\u4e00-\u9fff]{1,8}?(?:考察|调研|视察|督导|检查|走访))"
VISIT_AGENT = re.compile(r"(?:同志|一行)?(?:到|赴|在|深入|来到|走进|前往|率|带队|带领|一行|先后|又|还|实地|专程|调研|考察|等|"
                         rf"走访|视察|察看|参观|莅|{COME_TO}|、|，)")
# where the targets of a visit start: the verb of going or looking
VISIT_GO = re.compile(rf"赴|到|来到|{COME_TO}|前往|深入|走访|走进|莅临|莅|考察|调研|视察|察看|参观|抽查|督导|检查|在")
VISIT_GROUP = re.compile(r"(?:考察团|调研组|考察组|代表团|督导组|检查组|视察组|调研团)(?:一行|成员)?(?:先后|还|又|随后|实地|一同)*"
                         rf"(?:到|赴|深入|走访|走进|来到|前往|{COME_TO}|考察|调研|视察|参观|在(?=[^，,。；]{{1,12}}?(?:考察|调研|视察)))")
# a delegation, whose hosts 参加活动: 率甲市党政代表团, 率团 (a home leader's tour has none; a
# 考察组/调研组 is one when it sits down to talk with its hosts)
DELEGATION = re.compile(r"代表团|考察团|(?:率|带领|率领)团")
GUEST_PARTY = re.compile(r"(?:率|带领|带队|率领)[^，,。；]{0,14}?(?:代表团|考察团|考察组|调研组|督导组|检查组|视察组|调研团|团|组)")
GROUP_TITLE = re.compile(r"(?:考察团|代表团|调研组|考察组|督导组|检查组|视察组|调研团)(?:副)?(?:团长|组长)")
PRONOUN_GOES = re.compile(r"\s*(?:(?:随后|之后|在[^，,。；]{1,14})[，,])?[他她](?:们)?(?:一行)?(?:先后|还|又|随后|实地|一同)*(?:来到|走进|深入|前往|到|走访|考察|调研|察看)")
# 最后来到了李洼村，…; 来到甲公司、乙公司等地，考察组…: the party of the story goes on, unnamed
SUBJECTLESS_GOES = re.compile(r"\s*(?:随后|之后|接着|最后|当天|下午|上午)?[，,]?(?:先后|又|还)?(?:来到|前往|走进)了?")
OPENING_AT = re.compile(r"\s*在([^，,。；]{1,40})[，,]")        # 在甲村，乙走进…: 甲村 is a stop too
GROUP_GUESTS = re.compile(r"(?:代表团|考察团|考察组|调研组|督导组|检查组|视察组|客人)(?:一行)?|一行")
VISIT_ONWARD = re.compile(r"(?:一行)?(?:先后|还|又|随后|实地|一同)*(?:来到|走进|深入|前往|到)")   # 甲先后来到…
# 甲带队，乙陪同考察: 甲 leads the group the story follows; 以甲为团长的代表团一行: so does 甲
LEADS = re.compile(r"(?:同志)?(?:带队(?:[，,。；]|(?=到|赴|深入|前往|来到))|为(?:团长|组长)的)")
VISIT_LED_AFTER = re.compile(r"[\u4e00-\u9fff]{0,8}的带领下|带队")
# a member of the party: 乙参加调研, 丙随同考察, 丁参加。 (陪同 is the host side, not the party)
VISIT_MEMBER = re.compile(r"(?:一同|一起|共同|随同|参加|同行)(?:参加)?(?:调研|考察|视察|走访|督导|检查)|(?:参加|随同|同行)[。；]?$")
TRIP_PRESENT = re.compile(r"(?:参加|出席)(?:活动|调研)[。；]?$")   # 甲参加活动。 in a leader's tour: a member
HOSTS_PRESENT = re.compile(r"(?:出席|参加)(?:活动|座谈)[。；]?$")   # the hosts of a trip that sat down to talk
NOT_VISITOR = re.compile(r"陪同|迎接|接待|会见|欢迎|汇报")
TOPIC = re.compile(r"就|围绕|针对|聚焦")   # 到我县就甲工作开展调研: what follows is the topic, not a stop
CONTAINER = re.compile(r"[\d一二三四五六七八九十两几多]+个")  # 赴甲镇3个村: 甲镇 holds the targets, named later
# 深入甲区部分企业、项目: the unnamed units leave 甲区 the most specific named stop
# 到甲街道乙社区, 到甲县工业园区: a place unit named right after a place is the more specific
# stop (甲 is not one); a venue or project after it (甲区现代农业园区, 甲县商贸中心) leaves 甲 the stop
UNIT_AFTER = re.compile(r"(?:(?![和与及])[\u4e00-\u9fffA-Za-z\d]){0,10}?(?:社区|村|小区|工业园区|产业园区|工业园|产业园|开发区|高新区|经开区|工业区)")
LOCATION_OF = re.compile(r"的")                     # 位于甲县的乙公司: 甲县 places the stop named next
# 会见了乙一行，并陪同考察了… / 乙在甲的陪同下考察…: 乙 is shown round
SHOWN_AFTER = re.compile(r"一行[，,]?(?:并|还|随后|一同)?陪同(?:其|他们)?|(?:一行)?[，,]?在[^，,。；]{1,30}?的?陪同下[，,]?(?:先后|实地|一同)*")
SHOWN_ROUND = re.compile(r"在[^，,。；]{1,30}?的?陪同下")
PHOTO_SPOT = re.compile(r"[（(](?:前排|后排)?[左右中][一二三四五六七八九]?[）)]")   # 甲（左二）: where one stands in a photo
SAYING = re.compile(r"强调|表示|指出|说|要求|认为|希望|介绍|讲话|致辞")

# meetings.py: 会见/会谈/座谈 host -> guest, and those 在座/参加 on either side
MEET = re.compile(r"会见|会谈|座谈(?![会中])|接见|见面|接待(?=[^。]*座谈)")    # 接待了乙一行并参加座谈
MEET_WITH = re.compile(r"[与同和]")
MEET_PRESENT = re.compile(r"在座|参加|一同参加|陪同会见|参加会见|参加会谈|参加座谈")
MEET_PRESENT_LATER = re.compile(r"在座|(?:参加|陪同)(?:会见|会谈|座谈|接见)")    # further on, only these say so
GUEST_END = re.compile(r"一行|等(?:客人|嘉宾|人)")

# places.py
HELD = re.compile(r"举行|召开|开幕|举办|启动|闭幕|舉行|召開|開幕|舉辦|啟動|閉幕")
HELD_AT = "在"                               # 在 + place (+ a venue) + HELD
HELD_VENUE = re.compile(r"[\u4e00-\u9fff\d]{0,16}")  # 某地国际会展中心轩辕厅内: what may stand between
HELD_THEN = re.compile(r"(?:了|的|隆重|盛大)?")          # 举行了|举行的 + the event
LOCATED = re.compile(r"位于|坐落于|地处")
SETTLES = re.compile(r"(?:正式|成功|已)?(?:落户|入驻|扎根)(?:于|在|到)?")    # 某公司落户某县: right after the company
SEAT = re.compile(r"总部|总公司")                                 # 某集团杭州总部: the company is there
ZONE_VISIT = re.compile(r"[，,]?(?:先后|还|又)?(?:到|走进|走访|深入|来到|察看|参观|调研)了?")   # 深入某园区，到A公司
ZONE_LIST = re.compile(r"、|和|及|以及")
BORN = re.compile(r"的故乡|的家乡|出生于|生于|出生在")
