"""One node per real-world thing: within a story, across an archive, and homonyms kept apart."""
from __future__ import annotations

import json

from kg.graph import assemble
from kg.pipeline import build, extract_document
from kg.types import Document

LC = ("本报讯 2月6日上午，聊城市质量大会召开。市委书记李长萍出席会议并讲话，市委副书记、市长张百顺主持，"
      "王刚、张建军在主会场参加会议。李书记强调，要抓好落实。")
LY = "本报讯 3月1日上午，临沂市安全生产会议召开。市委常委、副市长王刚主持，市长孙立出席。"


def test_honorific_resolves_to_the_one_secretary():
    r = extract_document(Document(id="a", text=LC, date="2024-02-07", place="聊城市"))
    hits = [m for m in r["mentions"] if m["text"] == "李书记"]
    assert hits and hits[0]["entity"] == "person/李长萍"


def test_short_forms_of_bodies_resolve_to_the_home_place():
    r = extract_document(Document(id="a", text="市委、市政府始终以人民为中心。市人大和市政协", place="聊城市"))
    assert {"organization/中共聊城市委", "organization/聊城市人民政府", "organization/聊城市人大常委会",
            "organization/聊城市政协"} <= set(r["entities"])


def test_homonyms_in_two_cities_stay_two_nodes():
    a = extract_document(Document(id="lc.txt", text=LC, date="2024-02-07", place="聊城市"))
    b = extract_document(Document(id="ly.txt", text=LY, date="2024-03-02", place="临沂市"))
    graph, log = assemble([a, b])
    wang = sorted(e["id"] for e in graph["entities"] if e["name"] == "王刚")
    assert wang == ["person/王刚 (临沂市)", "person/王刚 (聊城市)"]
    assert any("kept_apart" in entry for entry in log)


def test_same_official_on_two_dates_is_one_node_with_first_and_last_seen(tmp_path, seed_text):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "lcrb_20240207.txt").write_text(seed_text, encoding="utf-8")
    # a sighting is dated by the event its story reports: 2月6日 in a page of 03-15 is still 02-06
    later = seed_text.replace("2月6日上午，聊城市质量大会", "3月15日上午，聊城市质量大会")
    (pages / "lcrb_20240315.txt").write_text(later, encoding="utf-8")
    build([str(pages)], out=tmp_path / "out", place="聊城市", formats=("json",), cache=False)
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in graph["entities"] if e["name"] == "李长萍"] == ["person/李长萍"]
    post = next(f for f in graph["facts"] if f["relation"] == "holds_position" and f["subject"] == "person/李长萍")
    assert post["attributes"]["first_seen"] == "2024-02-06" and post["attributes"]["last_seen"] == "2024-03-15"
    assert {s["document"] for s in post["sources"]} == {"lcrb_20240207.txt", "lcrb_20240315.txt"}
    merges = json.loads((tmp_path / "out" / "merges.json").read_text(encoding="utf-8"))
    assert any(m.get("entity") == "person/李长萍" and len(m["documents"]) == 2 for m in merges)


def test_incremental_build_equals_building_everything(tmp_path, seed_text):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "lcrb_20240207.txt").write_text(seed_text, encoding="utf-8")
    (b / "ly_20240302.txt").write_text(LY, encoding="utf-8")
    build([str(a), str(b)], out=tmp_path / "all", place="聊城市", cache=False)
    build([str(a)], out=tmp_path / "inc", place="聊城市", cache=False)
    build([str(b)], out=tmp_path / "inc", into=tmp_path / "inc", place="聊城市", cache=False)
    for name in ("graph.json", "graph.ttl"):
        assert (tmp_path / "all" / name).read_bytes() == (tmp_path / "inc" / name).read_bytes()


def test_a_symmetric_fact_read_both_ways_is_one_fact():
    r = extract_document(Document(id="a", text="本报讯 7月27日，青岛市与菏泽市签署协作帮扶协议。", date="2024-07-28",
                                  place="青岛市"))
    facts = [f for f in r["facts"] if f["relation"] == "partner_of"]
    assert len(facts) == 1
    reverse = dict(facts[0], subject=facts[0]["object"], object=facts[0]["subject"],
                   sources=[dict(facts[0]["sources"][0], start=0, end=3)])
    graph, _ = assemble([dict(r, facts=r["facts"] + [reverse])])
    merged = [f for f in graph["facts"] if f["relation"] == "partner_of"]
    assert [(f["subject"], f["object"]) for f in merged] == [(facts[0]["subject"], facts[0]["object"])]
    assert len(merged[0]["sources"]) == 2
