"""The `kg` command as a user runs it (click's CliRunner)."""
from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner
from conftest import GOLD, SEED, SHARED

from kg.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_build_writes_every_output_and_a_summary(tmp_path):
    res = run("build", SEED, "--out", tmp_path, "--place", "聊城市", "--date", "2024-02-07")
    assert res.exit_code == 0, res.output
    for name in ("graph.json", "graph.ttl", "graph.html", "graph.graphml", "merges.json"):
        assert (tmp_path / name).stat().st_size > 0
    assert "1 documents, 7 articles" in res.output
    assert "person 28" in res.output and "participated 23" in res.output


def test_build_is_deterministic(tmp_path):
    for n in (1, 2):
        assert run("build", SEED, "--out", tmp_path / str(n), "--place", "聊城市", "--date", "2024-02-07",
                   "--no-cache").exit_code == 0
    for name in ("graph.json", "graph.ttl"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes()


def test_mentions_point_into_the_input_as_given(seed_graph, seed_text):
    assert seed_graph["mentions"]
    for m in seed_graph["mentions"]:
        assert seed_text[m["start"]:m["end"]] == m["text"]
    for f in seed_graph["facts"]:
        for s in f["sources"]:
            assert 0 <= s["start"] < s["end"] <= len(seed_text)


def test_seed_page_scores_against_its_gold(seed_graph, tmp_path):
    if not GOLD.exists():
        import pytest
        pytest.skip(f"gold file not found at {GOLD}")
    pred = tmp_path / "graph.json"
    pred.write_text(json.dumps(seed_graph, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(GOLD), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    res = json.loads(out.stdout)
    assert res["entities"]["f1"] >= 0.97 and res["facts"]["f1"] >= 0.93
    assert res["event_dates_right"] == "3/3"


def test_bad_date_option_is_one_clear_line(tmp_path):
    res = CliRunner().invoke(main, ["build", str(SEED), "--out", str(tmp_path), "--date", "tomorrow"])
    assert res.exit_code == 2 and "not a YYYY-MM-DD date" in res.output and "Traceback" not in res.output


def test_date_from_file_name(tmp_path, seed_text):
    page = tmp_path / "lcrb_20240207_01.txt"
    page.write_text(seed_text, encoding="utf-8")
    assert run("build", page, "--out", tmp_path / "o", "--place", "聊城市").exit_code == 0
    graph = json.loads((tmp_path / "o" / "graph.json").read_text(encoding="utf-8"))
    assert graph["documents"][0]["date"] == "2024-02-07"
    assert any(e["attributes"].get("date") == "2024-02-06" for e in graph["entities"] if e["type"] == "event")


def test_jsonl_records(tmp_path, seed_text):
    lines = [{"id": "a", "text": seed_text, "date": "2024-02-07", "place": "聊城市", "source": "http://x/a"},
             {"id": "b", "text": "市委书记李长萍出席会议。", "date": "20240208", "place": "聊城市"}]
    f = tmp_path / "crawl.jsonl"
    f.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    assert run("build", f, "--out", tmp_path / "o").exit_code == 0
    graph = json.loads((tmp_path / "o" / "graph.json").read_text(encoding="utf-8"))
    assert [(d["id"], d["date"]) for d in graph["documents"]] == [("a", "2024-02-07"), ("b", "2024-02-08")]


def test_lexicon_option_changes_what_is_recognised(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("近日，高新区与博源公司签约。市长助理欧阳青出席。", encoding="utf-8")
    lex = tmp_path / "lex.tsv"
    lex.write_text("山东博源精密机械有限公司\tcompany\t博源公司\n高新区\tnone\n欧阳青\tperson\n", encoding="utf-8")
    assert run("build", page, "--out", tmp_path / "o", "--place", "聊城市", "--lexicon", lex).exit_code == 0
    names = {(e["type"], e["name"]) for e in json.loads((tmp_path / "o" / "graph.json").read_text())["entities"]}
    assert ("company", "山东博源精密机械有限公司") in names and ("person", "欧阳青") in names
    assert not any(t == "place" and "高新区" in n for t, n in names)


def test_bad_lexicon_is_one_clear_line(tmp_path):
    lex = tmp_path / "lex.tsv"
    lex.write_text("王刚\tpeople\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(SEED), "--out", str(tmp_path / "o"), "--lexicon", str(lex)])
    assert res.exit_code == 1 and "lex.tsv:1: unknown type 'people'" in res.output
