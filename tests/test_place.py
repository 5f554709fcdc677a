"""`--place` and a record's `place` checked against the division data (issue 16): an unknown or
ambiguous name gets one line with the nearest known names, `--strict` makes it fatal, and the
good documents are built."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.divisions import check_place, find_home

PAGE = "本报讯 我市召开会议。市委书记王明出席会议并讲话。"


@pytest.mark.parametrize("name, line", [
    ("聊城市", None),
    ("聊城", None),
    ("长春市朝阳区", None),
    ("不存在市", "不存在市: no such division; did you mean "),
    ("聊成市", "聊成市: no such division; did you mean 聊城市, "),
    ("liaocheng", "liaocheng: no such division; did you mean 聊城市, "),
    ("朝阳区", "朝阳区: ambiguous division; did you mean 北京市朝阳区 or 长春市朝阳区?"),
])
def test_check_place(name, line):
    got = check_place(name)
    assert got == line if line is None else got.startswith(line) and "\n" not in got


def test_a_division_named_after_its_parent_is_one_home():
    assert find_home("长春市朝阳区").code == "220104" and find_home("朝阳区") is None


def _build(tmp_path, *args: str):
    (tmp_path / "lcrb_20240207.txt").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    return CliRunner().invoke(main, ["build", str(tmp_path / "lcrb_20240207.txt"), "--out", str(out), "-q", *args]), out


def test_unknown_place_is_one_warning_and_the_page_is_built(tmp_path):
    res, out = _build(tmp_path, "--place", "不存在市")
    assert res.exit_code == 0
    [line] = res.output.strip().splitlines()
    assert line.startswith("kg: warning: --place: 不存在市: no such division; did you mean ") and line.endswith("?")
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in graph["documents"]] == ["lcrb_20240207.txt"]
    assert "person/王明" in {e["id"] for e in graph["entities"]}


def test_unknown_place_with_strict_is_fatal(tmp_path):
    res, out = _build(tmp_path, "--place", "不存在市", "--strict")
    assert res.exit_code == 1
    [line] = res.output.strip().splitlines()
    assert line.startswith("kg: --place: 不存在市: no such division; did you mean ")
    assert not out.exists()


def test_a_known_place_says_nothing(tmp_path):
    res, out = _build(tmp_path, "--place", "聊城市")
    assert res.exit_code == 0 and res.output == ""
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert "organization/中共聊城市委" in {e["id"] for e in graph["entities"]}    # 市委 resolved


def test_a_records_unknown_place_is_one_line_for_all_its_records(tmp_path):
    records = [{"id": "a", "text": PAGE, "place": "不存在市"}, {"id": "b", "text": PAGE, "place": "聊城市"},
               {"id": "c", "text": PAGE, "place": "不存在市"}, {"id": "d", "text": PAGE, "place": "朝阳区"}]
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(crawl), "--out", str(out), "-q", "--date", "2024-02-07"])
    assert res.exit_code == 0
    lines = res.output.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"kg: warning: {crawl}:1: place 不存在市: no such division; did you mean ")
    assert lines[0].endswith("? (and 1 more document)")
    assert lines[1] == (f"kg: warning: {crawl}:4: place 朝阳区: ambiguous division; "
                        "did you mean 北京市朝阳区 or 长春市朝阳区?")
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in graph["documents"]] == ["a", "b", "c", "d"]
    res = CliRunner().invoke(main, ["build", str(crawl), "--out", str(tmp_path / "o2"), "-q", "--strict"])
    assert res.exit_code == 1 and res.output.startswith(f"kg: {crawl}:1: place 不存在市: no such division")


def test_a_page_without_home_place_gets_one_hint_and_is_built(tmp_path):
    (tmp_path / "a.txt").write_text("中国菏泽网消息 " + PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c.txt").write_text("新华社北京电 国务院召开常务会议。", encoding="utf-8")   # leans on no home
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "c.txt"),
                                    "--out", str(out), "-q", "--strict"])
    assert res.exit_code == 0, res.output          # a hint, not fatal even with --strict
    [line] = res.output.strip().splitlines()
    assert line == ("kg: warning: 2 documents: no home place (give --place, or a place in each record), so 我市, "
                    "市委 and the like in them name no body; their outlets suggest 菏泽市 (中国菏泽网)")
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert len(graph["documents"]) == 3


def test_a_page_with_its_home_place_gets_no_hint(tmp_path):
    res, _ = _build(tmp_path, "--place", "菏泽市")
    assert res.output.strip() == ""


@pytest.mark.parametrize("outlet, name", [
    ("中国菏泽网", "菏泽市"), ("中國菏澤網", "菏泽市"), ("嵊州新闻网", "嵊州市"), ("今日高邮", "高邮市"),
    ("山西日报", "山西省"), ("蜀山新闻网", "蜀山区"),
    ("长江网", None), ("人民网", None), ("凤凰网广东", None), ("当代商报", None),
])
def test_an_outlet_suggests_the_one_division_it_is_named_after(outlet, name):
    from kg.homes import outlet_place
    assert getattr(outlet_place(outlet), "name", None) == name
