"""GraphML export (kg/export/graphml.py): what networkx.read_graphml (and so Gephi) gets back."""
from __future__ import annotations

import networkx as nx
import pytest

from kg.export.graphml import flatten, generate_graphml, to_networkx, unify_types, write_graphml
from tests.test_html import INJECTIONS, gold_graph, hostile_graph


@pytest.mark.parametrize("attributes, expected", [
    ({"title": "市委副书记", "change": "appointed"}, {"title": "市委副书记", "change": "appointed"}),
    ({"amount": 25000000.0, "order": 3, "confirmed": True}, {"amount": 25000000.0, "order": 3, "confirmed": True}),
    ({"aliases": ["聊城", "我市"], "none": None}, {"aliases": "聊城|我市"}),
    ({"span": {"first_seen": "2024-02-04", "last_seen": None}}, {"span.first_seen": "2024-02-04"}),
    ({"title": "市委\x0c书记", "tags": ["a\x00", "b"]}, {"title": "市委书记", "tags": "a|b"}),
])
def test_flatten_makes_graphml_scalars(attributes, expected):
    assert flatten(attributes) == expected


@pytest.fixture
def loaded(tmp_path):
    path = tmp_path / "g.graphml"
    write_graphml(gold_graph(), path)
    return path, nx.read_graphml(path, force_multigraph=True)


def test_round_trip_keeps_nodes_edges_and_attributes(loaded):
    _, g = loaded
    gold = gold_graph()
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == len(gold["entities"])
    assert g.number_of_edges() == sum(f["object"] is not None for f in gold["facts"])
    li = g.nodes["person/李长萍"]
    assert (li["type"], li["name"], li["role"], li["posts"]) == ("person", "李长萍", "official", "市委书记")
    assert g.nodes["person/习近平"]["posts"] == "总书记"          # a post with no organisation
    assert g.nodes["place/聊城市"]["aliases"] == "我市|聊城"
    edge = g.get_edge_data("person/李长萍", "organization/中共聊城市委")
    assert edge["holds_position#0"]["title"] == "市委书记"
    assert "市委书记李长萍出席会议并讲话" in edge["holds_position#0"]["sentence"]
    assert g.get_edge_data("company/昌信融资担保有限公司", "company/山东鑫大地控股集团有限公司")[
        "guarantees#0"]["amount"] == "2500万元"


def test_parallel_facts_stay_separate_edges(tmp_path):
    g = gold_graph()
    g["facts"].append({"relation": "holds_position", "subject": "person/张百顺",
                       "object": "organization/中共聊城市委", "attributes": {"title": "市委副书记", "order": 2}})
    g["facts"].append({"relation": "holds_position", "subject": "person/张百顺",
                       "object": "organization/中共聊城市委", "attributes": {"title": "代市长", "order": 2.5}})
    write_graphml(g, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    edges = back.get_edge_data("person/张百顺", "organization/中共聊城市委")
    assert len(edges) == 3
    assert sorted(e.get("order", 0.0) for e in edges.values()) == [0.0, 2.0, 2.5]   # int+float -> double


def test_same_graph_same_bytes_and_no_temp_files(tmp_path):
    g = gold_graph()
    write_graphml(g, tmp_path / "a.graphml")
    write_graphml(dict(g, entities=g["entities"][::-1], facts=g["facts"][::-1]), tmp_path / "b.graphml")
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.graphml", "b.graphml"]


def test_hostile_text_round_trips_as_text(tmp_path):
    g = hostile_graph()
    g["entities"].append({"id": "person/王\x0b刚", "type": "person", "name": "王\x0b刚", "aliases": []})
    write_graphml(g, tmp_path / "bad.graphml")
    back = nx.read_graphml(tmp_path / "bad.graphml", force_multigraph=True)
    assert back.nodes["person/王刚"]["name"] == "王刚"
    for name in INJECTIONS:
        assert back.nodes[f"company/{name}"]["name"] == name
        assert back.nodes[f"company/{name}"]["note"] == name


def _hostile_with_breaks():
    g = hostile_graph()
    g["entities"].append({"id": "person/王\r刚", "type": "person", "name": "王\r刚\r\n甲\u2028乙\x85",
                          "aliases": ["\ud800", "a&b<c>\"'\t"], "attributes": {"flag": True, "x": 1.5, "y": 2}})
    return g


@pytest.mark.parametrize("graph", [gold_graph, _hostile_with_breaks, lambda: {"entities": [], "facts": []}])
def test_streamed_text_is_what_networkx_writes(graph):
    g = to_networkx(graph())
    unify_types(g)
    assert "".join(generate_graphml(g, piece=3)) == "\n".join(nx.generate_graphml(g)) + "\n"
