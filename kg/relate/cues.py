"""Cue words of each relation, as data: a new cue is a new entry here, never a new finder.

Each table serves the finders of one module of `kg.relate`; the module's docstring says
which family of pages the cues come from.
"""
from __future__ import annotations

import re

# participation.py: the strongest role wins (chair > speaker > attendee)
ROLE_VERBS = {"chair": ("主持",), "speaker": ("讲话", "致辞", "作报告", "发言", "作主题报告", "宣讲", "主讲"),
              "attendee": ("出席", "参加", "列席", "在座", "参会", "与会", "观摩")}
ROLE_RANK = {"chair": 0, "speaker": 1, "attendee": 2}
REPORTING = re.compile(r"指出|强调|表示|要求|认为|提出|希望|告诉|介绍|说")
CONVENE = re.compile(r"召开|举行|举办|开幕|闭幕|启动|开班|开讲|揭晓")

# deals.py
PARTNER = re.compile(r"东西协作|东西部协作|对口支援|对口帮扶|对口协作|对口合作|结对|帮扶|友好城市|友城|山海协作|"
                     r"友好(?:村庄|村|县|区|乡镇|城区)")
# a signing between the parties named before and after 与 (or listed before 代表三方): the verb,
# then what it must not be (an intention, a future signing)
SIGN = re.compile(r"签订|签署|签约|签下|缔结|结为|结成|(?:建立|成为)(?=[^，。；]{0,8}合作伙伴)")
SIGN_NOT = re.compile(r"意向|备忘录草案")
SIGN_FUTURE = re.compile(r"(?:将|拟|计划|有望|准备|即将|将要)(?:与|同|和)?$")
SIGN_WITH = (re.compile(r"与|同"), re.compile(r"和"))     # 和 only where 与/同 name no pair (和 also lists)
ONGOING = re.compile(r"开展[^，。；]{0,12}?合作(?!意向)")           # 与某集团开展业务合作
SIGN_LIST = re.compile(r"[、和及]|以及|[，,]")
SIGN_SIDES = re.compile(r"(?:代表)?(?:三方|四方|多方|各方)|代表双方")     # 甲、乙、丙代表三方签署
SIGN_FOR = "代表"                                            # 甲代表县政府与乙公司签署
AMOUNT = re.compile(r"\d+(?:\.\d+)?(?:万|亿|千|百)?(?:亿)?元")

# visits.py
MEET = re.compile(r"会见|会谈")
VISIT = re.compile(r"调研|考察|走访|视察|走进|察看|参观")
VISIT_AGENT = re.compile(r"(?:同志|一行)?(?:到|赴|在|深入|来到|走进|前往|率|带队|带领|一行|先后|实地|专程|调研|考察|"
                         r"走访|视察|察看|参观|、|，)")
VISIT_ORIGIN = re.compile(r"(?:党政)?(?:代表团|考察团|一行|客人)")

# places.py
HELD = re.compile(r"举行|召开|开幕|举办|启动|闭幕|舉行|召開|開幕|舉辦|啟動|閉幕")
HELD_AT = "在"                               # 在 + place (+ a venue) + HELD
HELD_VENUE = re.compile(r"[\u4e00-\u9fff\d]{0,16}")  # 某地国际会展中心轩辕厅内: what may stand between
HELD_THEN = re.compile(r"(?:了|的|隆重|盛大)?")          # 举行了|举行的 + the event
LOCATED = re.compile(r"位于|坐落于|地处")
SEAT = re.compile(r"总部|总公司")                                 # 某集团杭州总部: the company is there
ZONE_VISIT = re.compile(r"[，,]?(?:先后|还|又)?(?:到|走进|走访|深入|来到|察看|参观|调研)了?")   # 深入某园区，到A公司
ZONE_LIST = re.compile(r"、|和|及|以及")
BORN = re.compile(r"的故乡|的家乡|出生于|生于|出生在")
