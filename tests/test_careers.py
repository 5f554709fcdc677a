"""Careers through the whole pipeline: invented dated pages of one city, built at once, with
--into, from the cache and with --jobs, give one fact per post with its tenure, and the
successions of single-holder posts in order."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.careers import EVIDENCE, canonical_title, is_single
from kg.pipeline import build
from kg.query import run_query

# Invented pages (people and events made up; 泰安市 only as a real place the divisions know).
PAGES = [
    ("p1", "2019-05-11", ("本报讯 5月10日，全市重点工作推进会议召开。市委书记赵国强讲话，市长周华主持会议，"
                         "市委副书记王立新出席。")),
    ("p2", "2020-03-02", "本报讯 3月1日，市委副书记、代理市长王立新主持召开市政府常务会议。副市长刘明出席。"),
    ("p3", "2021-01-20", ("本报讯 1月19日，泰安市第十届人民代表大会第五次会议举行。王立新当选为泰安市人民政府市长。"
                         "会议决定任命陈静为副市长。")),
    ("p4", "2022-06-11", ("本报讯 6月10日，全市领导干部会议召开，宣布省委决定：赵国强同志不再担任中共泰安市委书记、"
                         "常委、委员职务，王立新同志任中共泰安市委书记。市人大常委会决定免去刘明的副市长职务。")),
    ("p5", "2022-09-05", "本报讯 9月4日，泰安市委书记王立新，市委副书记、市长孙海出席招商引资项目签约仪式。"),
    ("p6", "2023-03-03", "本报讯 3月2日，市委书记王立新到岱岳区调研重点项目建设。"),
]


def _write(folder: Path, ids: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "pages.jsonl"
    path.write_text("".join(json.dumps({"id": i, "date": d, "place": "泰安市", "text": t}, ensure_ascii=False) + "\n"
                            for i, d, t in PAGES if i in ids), encoding="utf-8")
    return path


def _graph(out: Path) -> dict:
    return json.loads((out / "graph.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("careers")
    build([str(_write(tmp / "in", [p[0] for p in PAGES]))], out=tmp / "out", formats=("json", "turtle"), cache=False)
    return _graph(tmp / "out") | {"out": tmp / "out"}


def _posts(graph: dict, person: str) -> dict[tuple[str | None, str], dict]:
    return {(f["object"], f["attributes"]["title"]): f["attributes"] for f in graph["facts"]
            if f["relation"] == "holds_position" and f["subject"] == f"person/{person}"}


PARTY, GOV = "organization/中共泰安市委", "organization/泰安市人民政府"


def _bounds(a: dict) -> tuple:
    return a.get("start"), a["start_evidence"], a.get("end"), a["end_evidence"]


def test_a_promotion_from_deputy_secretary_to_mayor_to_secretary(graph):
    posts = _posts(graph, "王立新")
    assert set(posts) == {(PARTY, "市委副书记"), (GOV, "代理市长"), (GOV, "市长"), (PARTY, "市委书记")}
    assert _bounds(posts[(PARTY, "市委副书记")]) == ("2019-05-10", "first_seen", None, "last_seen")
    assert posts[(PARTY, "市委副书记")]["last_seen"] == "2020-03-01"
    assert _bounds(posts[(PARTY, "市委书记")]) == ("2022-06-10", "appointed", None, "last_seen")
    assert posts[(PARTY, "市委书记")]["last_seen"] == "2023-03-02"


def test_an_acting_mayor_elected(graph):
    posts = _posts(graph, "王立新")
    assert _bounds(posts[(GOV, "代理市长")]) == ("2020-03-01", "first_seen", "2021-01-19", "successor")
    mayor = posts[(GOV, "市长")]
    assert _bounds(mayor) == ("2021-01-19", "appointed", "2022-09-04", "successor")
    assert mayor["start_source"]["document"] == "p3"
    assert mayor["end_source"] == dict(mayor["end_source"], document="p5", person="person/孙海")


def test_a_removal_ends_a_tenure(graph):
    (post,) = _posts(graph, "刘明").values()
    assert _bounds(post) == ("2020-03-01", "first_seen", "2022-06-10", "removed")
    assert post["end_source"]["document"] == "p4"
    zhao = _posts(graph, "赵国强")
    assert {t for _, t in zhao} == {"市委书记", "市委常委", "市委委员"}
    assert _bounds(zhao[(PARTY, "市委书记")]) == ("2019-05-10", "first_seen", "2022-06-10", "removed")


def test_a_successor_ends_the_predecessors_tenure(graph):
    (post,) = _posts(graph, "周华").values()
    assert _bounds(post) == ("2019-05-10", "first_seen", "2020-03-01", "successor")   # the acting mayor
    assert post["end_source"]["person"] == "person/王立新"
    order = {(s["body"], s["title"]): [h["person"].split("/")[1] for h in s["holders"]] for s in graph["successions"]}
    assert order[(GOV, "市长")] == ["周华", "王立新", "孙海"]
    assert order[(PARTY, "市委书记")] == ["赵国强", "王立新"]


def test_every_post_has_a_tenure_with_known_evidence(graph):
    posts = [f["attributes"] for f in graph["facts"] if f["relation"] == "holds_position"]
    assert posts and all({a["start_evidence"], a["end_evidence"]} <= set(EVIDENCE) for a in posts)
    assert all(a["start"] <= a.get("end", a["last_seen"]) and a["first_seen"] <= a["last_seen"] for a in posts)


def test_a_post_written_three_ways_is_one_fact(graph):
    facts = [f for f in graph["facts"] if f["relation"] == "holds_position" and f["subject"] == "person/王立新"
             and f["attributes"]["title"] == "市委书记"]
    assert len(facts) == 1
    forms = {f["title"]: sorted({s["document"] for s in f["sources"]}) for f in facts[0]["attributes"]["forms"]}
    assert forms == {"中共泰安市委书记": ["p4"], "泰安市委书记": ["p5"], "市委书记": ["p6"]}
    assert sorted({s["document"] for s in facts[0]["sources"]}) == ["p4", "p5", "p6"]


def test_into_cache_and_jobs_give_the_same_careers(tmp_path, graph):
    first, rest = [p[0] for p in PAGES[:3]], [p[0] for p in PAGES[3:]]
    build([str(_write(tmp_path / "a", first))], out=tmp_path / "into", formats=("json",), cache=False)
    build([str(_write(tmp_path / "b", rest))], out=tmp_path / "into", into=tmp_path / "into", formats=("json",))
    everything = str(_write(tmp_path / "c", first + rest))
    build([everything], out=tmp_path / "jobs", formats=("json",), jobs=2)
    build([everything], out=tmp_path / "jobs", formats=("json",), jobs=1)            # from the cache
    for out in ("into", "jobs"):
        again = _graph(tmp_path / out)
        assert again["successions"] == graph["successions"], out
        assert [f for f in again["facts"] if f["relation"] == "holds_position"] == \
               [f for f in graph["facts"] if f["relation"] == "holds_position"]


def test_post_holders_query_lists_the_tenures_in_order(graph):
    names, rows = run_query(graph["out"], "post_holders", bindings={"org": "中共泰安市委", "title": "市委书记"})
    assert names == ["person", "start", "start_evidence", "end", "end_evidence", "last_seen"]
    assert rows == [("赵国强", "2019-05-10", "first_seen", "2022-06-10", "removed", "2022-06-10"),
                    ("王立新", "2022-06-10", "appointed", None, "last_seen", "2023-03-02")]


@pytest.mark.parametrize(("date", "expected"), [
    ("2020-03-01", {("王立新", "市委副书记"), ("王立新", "代理市长"), ("赵国强", "市委书记"), ("刘明", "副市长")}),
    ("2020-06-01", {("王立新", "代理市长"), ("赵国强", "市委书记"), ("刘明", "副市长")}),   # 副书记: last seen 03-01
    ("2022-06-10", {("王立新", "市委书记"), ("王立新", "市长")}),
    ("2022-09-04", {("王立新", "市委书记"), ("孙海", "市长"), ("孙海", "市委副书记")}),
])
def test_at_date_query_says_who_held_which_post(graph, date, expected):
    _, rows = run_query(graph["out"], "at_date", bindings={"date": date})
    assert {(r[0], r[2]) for r in rows} == expected


@pytest.mark.parametrize(("title", "body", "canonical"), [
    ("中共泰安市委书记", PARTY, "市委书记"),
    ("泰安市人民政府市长", GOV, "市长"),
    ("泰安市代市长", GOV, "代理市长"),
    ("泰安市副市长", GOV, "副市长"),
    ("常务副市长", GOV, "常务副市长"),
    ("秘书长", GOV, "市政府秘书长"),
    ("宣传部部长", "organization/中共泰安市委宣传部", "市委宣传部部长"),
    ("主任", "organization/泰安市人大常委会", "市人大常委会主任"),
    ("泰安市政协副主席", "organization/泰安市政协", "市政协副主席"),
    ("岱岳区委书记", "organization/中共泰安市岱岳区委", "区委书记"),
    ("总经理", "company/泰山钢铁集团", "总经理"),
])
def test_canonical_titles(title, body, canonical):
    assert canonical_title(title, body) == canonical


@pytest.mark.parametrize(("title", "single"), [("市委书记", True), ("县长", True), ("代理县长", True),
                                                ("市政协主席", True), ("市委副书记", False), ("副市长", False)])
def test_single_holder_posts_are_data(title, single):
    assert is_single(title) is single


def test_the_evidence_panel_gets_each_bound_with_its_sentence(graph):
    from kg.export.html import page_data

    data = page_data(graph)
    label = {i: n["label"] for i, n in enumerate(data["nodes"])}
    mayor = next(f for f in data["facts"] if f["rel"] == "holds_position" and label[f["s"]] == "王立新"
                 and f["attributes"]["title"] == "市长")
    start, end = mayor["tenure"]["start"], mayor["tenure"]["end"]
    assert (start["date"], start["evidence"], end["date"], end["evidence"]) == ("2021-01-19", "appointed",
                                                                                "2022-09-04", "successor")
    assert "当选为" in start["sentence"] and label[end["person"]] == "孙海" and "孙海" in end["sentence"]
    assert mayor["attributes"]["forms"] == "泰安市人民政府市长"


def test_a_visiting_delegations_mayor_is_not_a_home_mayor(tmp_path):
    page = ("本报讯 10月9日，徐州市委书记钱多多，市委副书记、市长李四海率徐州市党政代表团来我市考察交流。"
            "市委书记王立新，市委副书记、市长孙海陪同。")
    path = tmp_path / "visit.jsonl"
    path.write_text(json.dumps({"id": "v1", "date": "2022-10-10", "place": "泰安市", "text": page},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    build([str(path)], out=tmp_path / "out", formats=("json",), cache=False)
    graph = _graph(tmp_path / "out")
    assert set(_posts(graph, "李四海")) == {("organization/中共徐州市委", "市委副书记"),
                                          ("organization/徐州市人民政府", "市长")}
    assert set(_posts(graph, "孙海")) == {(PARTY, "市委副书记"), (GOV, "市长")}
    assert graph["successions"] == []


def test_a_former_holder_is_kept_apart_and_dates_nothing(tmp_path):
    page = "本报讯 4月23日，潍坊市原市长钱多多到我市调研。市长孙海陪同。"
    path = tmp_path / "former.jsonl"
    path.write_text(json.dumps({"id": "f1", "date": "2022-04-24", "place": "泰安市", "text": page},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    build([str(path)], out=tmp_path / "out", formats=("json",), cache=False)
    graph = _graph(tmp_path / "out")
    (former,) = _posts(graph, "钱多多").items()
    assert former[0] == ("organization/潍坊市人民政府", "市长")
    assert former[1]["former"] is True and "start" not in former[1] and former[1]["forms"][0]["title"] == "潍坊市原市长"
    assert _bounds(_posts(graph, "孙海")[(GOV, "市长")]) == ("2022-04-23", "first_seen", None, "last_seen")


def test_a_traditional_page_keeps_its_script_and_the_same_post(tmp_path):
    """A mirror in traditional script prints 市委書記: the fact's title keeps that script (as
    written, GUIDELINES), and it is the same post as 市委书记 on a simplified page."""
    pages = [("s1", "2023-01-05", "本报讯 1月4日，市委书记王立新到岱岳区调研。"),
             ("t1", "2023-02-06", "本報訊 2月5日，市委書記王立新主持召開市委常委會會議。")]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "date": d, "place": "泰安市", "text": t}, ensure_ascii=False) + "\n"
                           for i, d, t in pages), encoding="utf-8")
    build([str(src)], out=tmp_path / "both", formats=("json",), cache=False)
    posts = [f for f in _graph(tmp_path / "both")["facts"] if f["relation"] == "holds_position"]
    assert [(f["object"], f["attributes"]["title"]) for f in posts] == [(PARTY, "市委书记")]
    assert {form["title"] for form in posts[0]["attributes"]["forms"]} == {"市委书记", "市委書記"}

    src.write_text(src.read_text(encoding="utf-8").splitlines()[1] + "\n", encoding="utf-8")
    build([str(src)], out=tmp_path / "trad", formats=("json",), cache=False)
    alone = [f for f in _graph(tmp_path / "trad")["facts"] if f["relation"] == "holds_position"]
    assert [f["attributes"]["title"] for f in alone] == ["市委書記"]
    # the body the page writes only as 市委 is named in the page's script, the simplified name an alias
    party = next(e for e in _graph(tmp_path / "trad")["entities"] if e["id"] == PARTY)
    assert party["name"] == "中共泰安市委" and "市委" in party["aliases"]   # 泰安 prints alike in both
    page = "本報訊 2月5日，縣委書記王立新主持召開縣委常委會會議。"
    src.write_text(json.dumps({"id": "t2", "date": "2023-02-06", "place": "绛县", "text": page},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    build([str(src)], out=tmp_path / "county", formats=("json",), cache=False)
    names = {e["id"]: (e["name"], e["aliases"]) for e in _graph(tmp_path / "county")["entities"]}
    name, aliases = names["organization/中共绛县县委"]
    assert name == "中共絳縣縣委" and "中共绛县县委" in aliases and "縣委" in aliases
