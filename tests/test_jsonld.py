"""Compacted JSON-LD (kg/export/jsonld.py) with the published context, and the expanded form."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from pyld import jsonld
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.export import export
from kg.export.jsonld import CONTEXT_FILE, context


@pytest.fixture(scope="module")
def out(seed_graph: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("jsonld")
    for name, file in (("turtle", "graph.ttl"), ("jsonld", "graph.jsonld"), ("jsonld-expanded", "graph.expanded.jsonld"),
                       ("ntriples", "graph.nt")):
        export(seed_graph, name, folder / file)
    return folder


def _node(doc: dict[str, Any], name: str) -> dict[str, Any]:
    return next(n for n in doc["@graph"] if n.get("name") == name)


def test_compacted_reads_as_plain_json(out: Path) -> None:
    doc = json.loads((out / "graph.jsonld").read_text("utf-8"))
    li = _node(doc, "李长萍")
    assert li["type"] == ["foaf:Person", "kg:Person", "schema:Person"] and li["personRole"] == "kg:official"
    assert (li["label"], li["pinyin"]) == ("李长萍", "li chang ping")
    member = next(n for n in doc["@graph"] if n.get("member") == li["id"] and n.get("title") == "市委书记")
    assert member["type"] == "org:Membership" and member["firstSeen"] == "2024-02-06"   # the meeting's day
    derivations = member["qualifiedDerivation"]
    first = derivations[0] if isinstance(derivations, list) else derivations
    derivation = next(n for n in doc["@graph"] if n.get("id") == first)
    assert isinstance(derivation["start"], int) and "李长萍" in derivation["sentence"]


def test_the_context_is_the_published_one(out: Path) -> None:
    doc = json.loads((out / "graph.jsonld").read_text("utf-8"))
    assert doc["@context"] == json.loads(CONTEXT_FILE.read_text("utf-8"))["@context"] == context()
    for prefix in ("schema", "org", "prov", "kg"):
        assert doc["@context"][prefix].startswith("http")


@pytest.mark.parametrize("file", ["graph.jsonld", "graph.expanded.jsonld"])
def test_both_forms_are_isomorphic_to_the_turtle(out: Path, file: str) -> None:
    reference = Graph().parse(out / "graph.ttl", format="turtle")
    assert isomorphic(reference, Graph().parse(out / file, format="json-ld"))            # rdflib
    triples = {q.triple for q in ox.parse(path=str(out / file), format=ox.RdfFormat.JSON_LD)}   # pyoxigraph
    assert triples == {q.triple for q in ox.parse(path=str(out / "graph.ttl"))}


def test_pyld_reads_the_compacted_form_back_to_the_same_triples(out: Path) -> None:
    doc = json.loads((out / "graph.jsonld").read_text("utf-8"))
    lines = set(jsonld.to_rdf(doc, {"format": "application/n-quads"}).splitlines())
    assert lines == set((out / "graph.nt").read_text("utf-8").splitlines())


def test_a_base_iri_moves_the_kgid_prefix(seed_graph: dict[str, Any], tmp_path: Path) -> None:
    export(seed_graph, "jsonld", tmp_path / "g.jsonld", base_iri="https://data.example.net/kg/")
    doc = json.loads((tmp_path / "g.jsonld").read_text("utf-8"))
    assert doc["@context"]["kgid"] == "https://data.example.net/kg/id/"
    assert _node(doc, "李长萍")["id"].startswith("kgid:person/")
