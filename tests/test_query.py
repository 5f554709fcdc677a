from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from test_rdf import seed_graph

from kg.export import export
from kg.io import atomic_write, dumps_json
from kg.query import format_rows, load_store, named_queries, resolve_query, run_query, to_term, with_values

NASTY = ['"} ; DROP ALL #', "王刚\" } UNION { ?s ?p ?o", "x'''\n}}", "\\\"\\", "<http://evil/> .", "?org"]


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    graph = seed_graph()
    atomic_write(out / "graph.json", dumps_json(graph))
    for name, ext in (("turtle", "ttl"), ("nquads", "nq"), ("trig", "trig"), ("jsonld", "jsonld")):
        export(graph, name, out / f"graph.{ext}")
    return out


@pytest.mark.parametrize(("name", "bindings", "expected"), [
    ("officials", {"org": "市委"}, [  # an alias finds the organisation
        ("中共聊城市委", "李长萍", "市委书记", "2024-02-07", "2024-02-07"),
        ("中共聊城市委", "张百顺", "市委副书记", "2024-02-07", "2024-02-07"),
        ("中共聊城市委", "谢兆村", "市委副书记", "2024-02-07", "2024-02-07")]),
    ("officials", {"org": "山东鑫大地控股集团有限公司"}, [
        ("山东鑫大地控股集团有限公司", "付崇建", "总经理", "2024-02-07", "2024-02-07")]),
    ("event_roles", {"event": "聊城市质量大会"}, [
        ("2024-02-06", "聊城市质量大会", "李长萍", "speaker", "1"),
        ("2024-02-06", "聊城市质量大会", "张百顺", "chair", "2")]),
    ("timeline", {"person": "张百顺"}, [
        ("2024-02-06", "event", "全市生态环境保护工作会议暨市环委会全体会议", "chair"),
        ("2024-02-06", "event", "聊城市质量大会", "chair"),
        ("2024-02-07", "post", "中共聊城市委", "市委副书记"),
        ("2024-02-07", "post", "聊城市人民政府", "市长")]),
    ("companies_by_place", {"place": "聊城市"}, [("聊城市", "山东博源精密机械有限公司", "高新区")]),
    ("companies_by_place", {"place": "山东省"}, [("山东省", "山东博源精密机械有限公司", "高新区")]),
    ("co_attendance", {"min_events": "3"}, []),
])
def test_named_queries_answer_from_the_seed_page(outdir: Path, name: str, bindings: dict[str, str],
                                                 expected: list[tuple[Any, ...]]) -> None:
    assert run_query(outdir, name, bindings=bindings)[1] == expected


@pytest.mark.parametrize("file", ["graph.ttl", "graph.nq", "graph.trig", "graph.jsonld", "graph.json"])
def test_every_export_format_gives_the_same_answers(outdir: Path, file: str) -> None:
    for name in named_queries():
        assert run_query(outdir / file, name) == run_query(outdir, name), name


def test_co_attendance_counts_shared_events(outdir: Path) -> None:
    names, rows = run_query(outdir, "co_attendance", bindings={"min_events": 2})
    assert names == ["person_a", "person_b", "events"]
    pairs = {frozenset(r[:2]) for r in rows}
    # the two meetings of 2024-02-06 share 8 people: 28 pairs
    assert len(rows) == 28 and frozenset({"李长萍", "张百顺"}) in pairs and {r[2] for r in rows} == {"2"}


def test_sources_quote_the_sentence_of_the_article(outdir: Path) -> None:
    names, rows = run_query(outdir, "sources", bindings={"subject": "昌信融资担保有限公司"})
    row = dict(zip(names, next(r for r in rows if r[1] == "guarantees")))
    text = Path("/work/shared/corpus/000_6cad7e01a6f62b59.txt").read_text("utf-8")
    assert row["object"] == "山东鑫大地控股集团有限公司" and row["detail"] == "2500万元"
    assert text[int(row["start"]):int(row["end"])] == row["sentence"] and "2500万元" in row["sentence"]
    assert row["article"].startswith("https://kg.example.org/article/")


def test_graph_clause_tells_the_article_over_quads(outdir: Path) -> None:
    q = """SELECT DISTINCT ?g WHERE { GRAPH ?g { ?m org:member ?p ; kg:title "市长" } }"""  # the fixture found it in article 3
    assert run_query(outdir / "graph.nq", q)[1] == [("https://kg.example.org/article/000_6cad7e01a6f62b59.txt%233",)]


@pytest.mark.parametrize("value", NASTY)
@pytest.mark.parametrize("name", ["officials", "timeline", "sources"])
def test_a_parameter_cannot_alter_the_query(outdir: Path, name: str, value: str) -> None:
    before = len(load_store(outdir))
    param = next(iter(named_queries()[name].params))
    assert run_query(outdir, name, bindings={param: value})[1] == []
    assert len(load_store(outdir)) == before


@pytest.mark.parametrize("value", NASTY)
def test_a_name_full_of_syntax_is_found_exactly(tmp_path: Path, value: str) -> None:
    graph = {"entities": [{"id": f"person/{value}", "type": "person", "name": value},
                          {"id": "organization/x", "type": "organization", "name": value}],
             "facts": [{"relation": "holds_position", "subject": f"person/{value}", "object": "organization/x",
                        "attributes": {"title": value}, "sources": []}]}
    export(graph, "turtle", tmp_path / "graph.ttl")
    assert run_query(tmp_path, "officials", bindings={"org": value})[1] == [(value, value, value, None, None)]


def test_parameters_are_escaped_terms_not_text() -> None:
    query = with_values(resolve_query("officials").text, {"org": to_term('"} ; DROP ALL #', "zh")})
    assert 'VALUES (?org) { ("\\"} ; DROP ALL #"@zh) }' in query


@pytest.mark.parametrize("bindings", [{"org) } DROP ALL": "x"}, {"orgg": "市委"}, {"org": "市委", "person": "李长萍"}])
def test_a_bad_or_unknown_parameter_is_refused(outdir: Path, bindings: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        run_query(outdir, "officials", bindings=bindings)


def test_the_store_is_loaded_once_and_reloaded_when_the_file_changes(tmp_path: Path) -> None:
    export({"entities": [{"id": "person/甲", "type": "person", "name": "甲"}]}, "turtle", tmp_path / "graph.ttl")
    first = load_store(tmp_path)
    assert load_store(tmp_path) is first
    export({"entities": [{"id": "person/乙乙", "type": "person", "name": "乙乙"}]}, "turtle", tmp_path / "graph.ttl")
    assert run_query(tmp_path, "SELECT ?n WHERE { ?p schema:name ?n }")[1] == [("乙乙",)]


def test_a_query_file_and_ask(outdir: Path, tmp_path: Path) -> None:
    rq = tmp_path / "mine.rq"
    rq.write_text("# param who zh: a name\nASK WHERE { ?p schema:name ?who }", encoding="utf-8")
    assert run_query(outdir, str(rq), bindings={"who": "李长萍"}) == (["result"], [(True,)])
    assert run_query(outdir, str(rq), bindings={"who": "李"}) == (["result"], [(False,)])


ROWS = (["person", "title"], [("李长萍", "市委书记"), ("王刚", None)])


@pytest.mark.parametrize(("fmt", "expected"), [
    ("table", "person | title\n-------+---------\n李长萍 | 市委书记\n王刚   |\n"),
    ("csv", "person,title\n李长萍,市委书记\n王刚,\n"),
])
def test_output_formats(fmt: str, expected: str) -> None:
    assert format_rows(*ROWS, fmt) == expected


def test_json_output_is_a_list_of_objects() -> None:
    assert json.loads(format_rows(*ROWS, "json")) == [{"person": "李长萍", "title": "市委书记"},
                                                       {"person": "王刚", "title": None}]


def test_every_named_query_documents_itself() -> None:
    queries = named_queries()
    assert set(queries) >= {"officials", "event_roles", "co_attendance", "timeline", "companies_by_place", "sources"}
    assert all(q.description for q in queries.values())


def test_a_stale_rdf_export_is_not_used(tmp_path: Path) -> None:
    export({"entities": [{"id": "person/甲", "type": "person", "name": "甲"}]}, "nquads", tmp_path / "graph.nq")
    time.sleep(0.01)
    atomic_write(tmp_path / "graph.json", dumps_json({"entities": [{"id": "person/乙", "type": "person", "name": "乙"}]}))
    assert run_query(tmp_path, "SELECT ?n WHERE { ?p schema:name ?n }")[1] == [("乙",)]


def test_an_unknown_named_query_lists_the_named_queries(outdir: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["query", str(outdir), "--named", "nope"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = result.output.splitlines()
    assert lines[0] == "kg: no named query 'nope'; the named queries are:"
    assert [line.split()[0] for line in lines[1:]] == sorted(named_queries())
    assert "  officials (org): Officials of an organisation" in result.output


@pytest.mark.parametrize(("query", "line", "column", "shown"), [
    # the WHERE line, where the parameters' VALUES block is inserted
    ("SELECT ?x\nWHERE { ?x ?y ?z . FILTER(?x = ) }", 2, 20, "WHERE { ?x ?y ?z . FILTER(?x = ) }"),
    # the first line, where the kg prefixes are inserted
    ("SELECTT ?x WHERE { ?x ?y ?z }", 1, 7, "SELECTT ?x WHERE { ?x ?y ?z }"),
    ('PREFIX kg: <https://kg.example.org/ns#>\nSELECT ?x WHERE {\n  ?x a kg:Person "unclosed }', 3, 18,
     '  ?x a kg:Person "unclosed }'),
])
def test_a_syntax_error_points_at_the_users_line_and_column(outdir: Path, query: str, line: int, column: int,
                                                             shown: str) -> None:
    from kg.query import QueryError

    for bindings in ({}, {"n": "李长萍"}):
        with pytest.raises(QueryError) as err:
            run_query(outdir, query, bindings=bindings)
        first, source, caret = str(err.value).splitlines()
        assert first.startswith(f"SPARQL syntax error at line {line}, column {column}: "), first
        assert source == "  " + shown and caret == "  " + " " * (column - 1) + "^"
