"""Relations, one real-looking story per case: (text, expected facts)."""
from __future__ import annotations

import pytest

from kg.pipeline import extract_document
from kg.types import Document


def facts(text, relation, *, place="聊城市", date="2024-02-07"):
    r = extract_document(Document(id="t.txt", text=text, date=date, place=place))
    out = []
    for f in r["facts"]:
        if f["relation"] == relation:
            key = {k: v for k, v in f["attributes"].items() if k in ("title", "role", "order", "change", "amount",
                                                                     "venue")}
            out.append((f["subject"], f["object"], key))
    return out


MEETING = ("本报讯（记者 李政哲）2月6日上午，聊城市质量大会召开。\n"
           "市委书记李长萍出席会议并讲话，市委副书记、市长张百顺主持，市人大常委会主任王彤宇，"
           "市委副书记谢兆村出席。\n会议以视频形式召开。刘元朝、柳庆发在主会场参加会议。")


def test_participation_roles_and_protocol_order():
    got = facts(MEETING, "participated")
    ev = "event/聊城市质量大会"
    assert got == [
        ("person/李长萍", ev, {"role": "speaker", "order": 1}),
        ("person/张百顺", ev, {"role": "chair", "order": 2}),
        ("person/王彤宇", ev, {"role": "attendee", "order": 3}),
        ("person/谢兆村", ev, {"role": "attendee", "order": 4}),
        ("person/刘元朝", ev, {"role": "attendee", "order": 5, "venue": "主会场"}),
        ("person/柳庆发", ev, {"role": "attendee", "order": 6, "venue": "主会场"}),
    ]


def test_posts_from_a_title_chain():
    got = facts(MEETING, "holds_position")
    assert ("person/张百顺", "organization/中共聊城市委", {"title": "市委副书记"}) in got
    assert ("person/张百顺", "organization/聊城市人民政府", {"title": "市长"}) in got
    assert ("person/王彤宇", "organization/聊城市人大常委会", {"title": "市人大常委会主任"}) in got


def test_reported_speech_is_not_attendance():
    text = MEETING + "\n李长萍强调，各级各部门要积极参加质量提升行动。"
    assert [f for f in facts(text, "participated") if f[2]["role"] == "attendee" and f[0] == "person/李长萍"] == []


@pytest.mark.parametrize("text, expected", [
    ("会议决定任命王建国为聊城市人民政府副市长。",
     [("person/王建国", "organization/聊城市人民政府", {"title": "聊城市人民政府副市长", "change": "appointed"})]),
    ("会议决定免去张明的市公安局局长职务。",
     [("person/张明", "organization/聊城市公安局", {"title": "市公安局局长", "change": "removed"})]),
])
def test_appointments_and_removals(text, expected):
    assert facts(text, "holds_position") == expected


def test_partners_are_the_most_specific_places():
    text = "我市深化东西协作，积极与西藏阿里地区、青海省刚察县、重庆市彭水县对接。"
    got = sorted(o for _, o, _ in facts(text, "partner_of"))
    assert got == ["place/刚察县", "place/彭水苗族土家族自治县", "place/阿里地区"]


def test_hierarchy_to_mentioned_ancestors_only():
    got = facts("青海省刚察县和茌平区、东昌府区。我市", "part_of")
    assert sorted((s, o) for s, o, _ in got) == [
        ("place/东昌府区", "place/聊城市"), ("place/刚察县", "place/青海省"), ("place/茌平区", "place/聊城市")]


def test_guarantee_with_amount_and_its_beneficiary():
    text = ("山东鑫大地控股集团有限公司急需购进原材料。在此情况下，昌信融资担保有限公司积极对接多家银行机构，"
            "给予其2500万元流动资金贷款担保支持。")
    assert facts(text, "guarantees") == [("company/昌信融资担保有限公司", "company/山东鑫大地控股集团有限公司",
                                          {"amount": "2500万元"})]


def test_cooperation():
    text = "昌信融资担保有限公司积极发挥作用，与省担保集团开展业务合作5057笔。"
    assert facts(text, "cooperates_with") == [("company/昌信融资担保有限公司", "company/省担保集团", {})]


def test_located_in():
    text = "2月4日，在位于高新区的山东博源精密机械有限公司项目现场，工作人员忙碌。"
    assert facts(text, "located_in") == [("company/山东博源精密机械有限公司", "place/聊城高新区", {})]


def test_born_in():
    text = "我市是民族团结进步的典范孔繁森的故乡。"
    assert facts(text, "born_in") == [("person/孔繁森", "place/聊城市", {})]


def test_met_and_visited():
    text = "市委书记李长萍会见了青海省刚察县委书记马卫东一行。市长张百顺到山东博源精密机械有限公司调研。"
    assert facts(text, "met") == [("person/李长萍", "person/马卫东", {})]
    assert ("person/张百顺", "company/山东博源精密机械有限公司", {}) in facts(text, "visited")


@pytest.mark.parametrize("text, date", [
    ("本报讯 2月6日上午，聊城市质量大会召开。市委书记李长萍出席。", "2024-02-06"),
    ("本报讯 昨天上午，聊城市质量大会召开。市委书记李长萍出席。", "2024-02-06"),
    ("本报讯 今天(2月7日)上午，聊城市质量大会召开。", "2024-02-07"),
    ("本报讯 2月26日至27日，聊城市质量大会召开。", "2023-02-26"),
])
def test_event_dates(text, date):
    r = extract_document(Document(id="t", text=text, date="2024-02-07", place="聊城市"))
    assert r["entities"]["event/聊城市质量大会"]["attributes"]["date"] == date


def test_partners_named_on_both_sides():
    text = "座谈会上，聊城市茌平区与刚察县哈尔盖镇签订结对帮扶协议。"
    assert facts(text, "partner_of", place="刚察县") == [("place/茌平区", "place/哈尔盖镇", {})]


def test_a_delegation_visits_but_not_its_home_town():
    text = "5月29日，深圳市副市长郑立行率深圳市党政代表团来赣考察，先后走进江西赣锋锂业集团股份有限公司。"
    got = facts(text, "visited", place="赣州市")
    assert ("person/郑立行", "place/深圳市", {}) not in got
    assert ("person/郑立行", "company/江西赣锋锂业集团股份有限公司", {}) in got


def test_two_hosts_meet_a_guest():
    text = "张志远、李建国会见了甘孜州委书记王明一行。"
    assert facts(text, "met", place="绍兴市") == [("person/张志远", "person/王明", {}),
                                                  ("person/李建国", "person/王明", {})]


def test_event_held_at_a_place():
    text = "本报讯 3月11日，临沂市人民政府与华润集团战略合作签约仪式在临沂举行。"
    assert facts(text, "located_in", place="临沂市") == [
        ("event/临沂市人民政府与华润集团战略合作签约仪式", "place/临沂市", {})]
