"""GEXF export (kg/export/gexf.py): what networkx.read_gexf (and so Gephi) gets back."""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import networkx as nx
import pytest

from kg.export.gexf import rgb, write_gexf
from kg.export.html import RELATION_STYLE, TYPE_STYLE, page_data


@pytest.fixture(scope="module")
def loaded(seed_graph: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, nx.MultiDiGraph]:
    path = tmp_path_factory.mktemp("gexf") / "graph.gexf"
    write_gexf(seed_graph, path)
    return path, nx.read_gexf(path)


def test_nodes_and_edges_come_back(seed_graph: dict[str, Any], loaded) -> None:
    _, g = loaded
    assert g.is_directed()      # read_gexf turns multigraph when it meets parallel edges
    assert g.number_of_nodes() == len(seed_graph["entities"])
    ids = {e["id"] for e in seed_graph["entities"]}
    assert g.number_of_edges() == sum(f.get("object") in ids and f["subject"] in ids for f in seed_graph["facts"])
    li = g.nodes["person/李长萍"]
    assert (li["label"], li["type"], li["role"]) == ("李长萍", "person", "official")
    relations = {d["relation"] for *_, d in g.edges(data=True)}
    assert {"holds_position", "participated"} <= relations


def test_colour_and_size_are_those_of_the_page(seed_graph: dict[str, Any], loaded) -> None:
    path, g = loaded
    page = {n["id"]: n for n in page_data(seed_graph)["nodes"]}
    for node, data in g.nodes(data=True):
        colour = TYPE_STYLE[data["type"]][0]
        assert data["viz"]["color"] == rgb(colour), node
        assert data["viz"]["size"] == pytest.approx(page[node]["size"])
        assert data["viz"]["position"]["x"] == pytest.approx(page[node]["x"])
    viz = "{http://www.gexf.net/1.2draft/viz}color"
    edges = ElementTree.parse(path).getroot().iter("{http://www.gexf.net/1.2draft}edge")
    colours = {(e.get("label"), tuple(int(e.find(viz).get(c)) for c in "rgb")) for e in edges}
    assert colours and all(tuple(rgb(RELATION_STYLE[r][0])[c] for c in "rgb") == got for r, got in colours)
    sizes = {n: d["viz"]["size"] for n, d in g.nodes(data=True)}
    assert sizes["person/李长萍"] > min(sizes.values())          # bigger where more is said


def test_same_graph_same_bytes_whatever_the_day(seed_graph: dict[str, Any], loaded, tmp_path: Path) -> None:
    path, _ = loaded
    shuffled = dict(seed_graph, entities=seed_graph["entities"][::-1], facts=seed_graph["facts"][::-1])
    write_gexf(shuffled, tmp_path / "b.gexf")
    assert path.read_bytes() == (tmp_path / "b.gexf").read_bytes()
    assert b'lastmodifieddate="2024-02-07"' in path.read_bytes()


def test_attributes_gexf_reserves_are_kept_under_another_name(seed_graph: dict[str, Any], tmp_path: Path) -> None:
    g = copy.deepcopy(seed_graph)
    post = next(f for f in g["facts"] if f["relation"] == "holds_position" and f.get("object"))
    post["attributes"].update(start="2021-03", end="2024-01", type="acting")
    write_gexf(g, tmp_path / "g.gexf")
    back = nx.read_gexf(tmp_path / "g.gexf")
    assert back.graph.get("mode") != "dynamic"
    edge = next(d for u, v, d in back.edges(data=True) if (u, v) == (post["subject"], post["object"])
                and d.get("title") == post["attributes"]["title"])
    assert (edge["start_"], edge["end_"], edge["type_"]) == ("2021-03", "2024-01", "acting")
