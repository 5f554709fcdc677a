from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_rdf import seed_graph

from kg.export import export
from kg.io import atomic_write, dumps_json
from kg.push import push
from kg.query import named_queries, run_query

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")  # the venv's, from PyPI


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(tmp: Path, *extra: str) -> Iterator[str]:
    """An Oxigraph server on loopback for the test, stopped after it (at most 10 s to start)."""
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server binary (PyPI oxigraph) is not installed")
    port = _free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp), "--bind", f"127.0.0.1:{port}", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("oxigraph server did not start") from None
                time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    yield from _serve(tmp_path / "store")


@pytest.fixture
def union_server(tmp_path: Path) -> Iterator[str]:
    yield from _serve(tmp_path / "store", "--union-default-graph")


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    graph = seed_graph()
    atomic_write(out / "graph.json", dumps_json(graph))
    for name, ext in (("turtle", "ttl"), ("nquads", "nq")):
        export(graph, name, out / f"graph.{ext}")
    return out


def _count(base: str, graph: str | None = None) -> int:
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    return int(run_query(base + "/query", f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[1][0][0])


def test_push_to_the_default_graph_then_named_queries_match_the_local_ones(server: str, outdir: Path) -> None:
    pushed = push(outdir, server + "/store")
    assert pushed.method == "POST" and pushed.status in (200, 201, 204)
    assert _count(server) == pushed.statements == len({q.triple for q in ox.parse(path=str(outdir / "graph.ttl"))})
    for name, query in named_queries().items():
        bindings = {p: v for p, v in {"org": "市委", "person": "张百顺", "subject": "李长萍",
                                      "place": "聊城市", "min_events": "2"}.items() if p in query.params}
        assert run_query(server + "/query", name, bindings=bindings) == run_query(outdir, name, bindings=bindings)


def test_put_replaces_a_named_graph(server: str, outdir: Path, tmp_path: Path) -> None:
    graph = "https://kg.example.org/graph/seed"
    push(outdir, server + "/store", graph_iri=graph)
    push(outdir / "graph.ttl", server + "/store", graph_iri=graph)  # twice: replaced, not added
    assert _count(server, graph) == push(outdir, server + "/store", graph_iri=graph).statements
    assert _count(server) == 0


def test_quads_keep_the_article_graphs(union_server: str, outdir: Path) -> None:
    pushed = push(outdir, union_server + "/store", quads=True)
    rows = run_query(union_server + "/query", """SELECT DISTINCT ?g WHERE { GRAPH ?g { ?m kg:title "市长" } }""")[1]
    assert pushed.statements > 0 and rows == [("https://kg.example.org/article/000_6cad7e01a6f62b59.txt%233",)]
    assert run_query(union_server + "/query", "timeline", bindings={"person": "张百顺"}) == \
        run_query(outdir, "timeline", bindings={"person": "张百顺"})


def test_a_kg_json_only_directory_is_converted(server: str, outdir: Path, tmp_path: Path) -> None:
    (tmp_path / "only").mkdir()
    shutil.copy(outdir / "graph.json", tmp_path / "only" / "graph.json")
    assert push(tmp_path / "only", server + "/store").statements == push(outdir, server + "/store").statements


def test_a_hostile_parameter_over_http_changes_nothing(server: str, outdir: Path) -> None:
    push(outdir, server + "/store")
    before = _count(server)
    for value in ['"} ; DROP ALL #', '" } } ; DROP ALL ; SELECT * { {"', "x\\\"}"]:
        assert run_query(server + "/query", "officials", bindings={"org": value})[1] == []
    assert _count(server) == before


def test_a_refusal_is_an_error(server: str, outdir: Path) -> None:
    with pytest.raises(RuntimeError, match="HTTP 4"):
        push(outdir, server + "/no-such-endpoint")


def test_an_unreachable_endpoint_is_a_clear_error(outdir: Path) -> None:
    url = f"http://127.0.0.1:{_free_port()}"
    with pytest.raises(RuntimeError, match="cannot reach"):
        push(outdir, url + "/store")
    with pytest.raises(RuntimeError, match="cannot reach"):
        run_query(url + "/query", "officials", bindings={"org": "市委"})


def test_a_bad_query_over_http_reports_the_server_message(server: str) -> None:
    with pytest.raises(RuntimeError, match="HTTP 400"):
        run_query(server + "/query", "SELECT WHERE {")
