from __future__ import annotations

import base64
import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from test_rdf import seed_graph

from kg.cli import main
from kg.export import export
from kg.io import atomic_write, dumps_json
from kg.push import Auth, make_auth, push
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


def test_put_replaces_a_named_graph_and_post_appends(server: str, outdir: Path, tmp_path: Path) -> None:
    graph = "https://kg.example.org/graph/seed"
    extra = tmp_path / "extra.nt"
    extra.write_text('<https://kg.example.org/id/x> <https://schema.org/name> "新"@zh .\n', encoding="utf-8")
    assert push(extra, server + "/store", graph_iri=graph).method == "POST"
    pushed = push(outdir / "graph.ttl", server + "/store", graph_iri=graph, replace=True)
    assert pushed.method == "PUT" and _count(server, graph) == pushed.statements      # the extra triple is gone
    push(extra, server + "/store", graph_iri=graph)
    assert _count(server, graph) == pushed.statements + 1 and _count(server) == 0


def test_quads_keep_the_article_graphs(union_server: str, outdir: Path) -> None:
    pushed = push(outdir, union_server + "/store", quads=True)
    rows = run_query(union_server + "/query", """SELECT DISTINCT ?g WHERE { GRAPH ?g { ?m kg:title "市长" } }""")[1]
    assert pushed.statements > 0 and rows == [("https://kg.example.org/article/000_6cad7e01a6f62b59.txt%233",)]
    assert run_query(union_server + "/query", "timeline", bindings={"person": "张百顺"}) == \
        run_query(outdir, "timeline", bindings={"person": "张百顺"})


def test_quads_with_replace_leave_only_this_export_in_the_store(union_server: str, outdir: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.nt"
    extra.write_text('<https://kg.example.org/id/x> <https://schema.org/name> "新"@zh .\n', encoding="utf-8")
    push(extra, union_server + "/store")
    pushed = push(outdir, union_server + "/store", quads=True, replace=True)
    assert pushed.method == "PUT"
    assert run_query(union_server + "/query", 'ASK { ?s ?p "新"@zh }')[1] == [(False,)]
    assert run_query(union_server + "/query", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")[1][0][0] == str(
        sum(1 for q in ox.parse(path=str(outdir / "graph.nq")) if q.graph_name != ox.DefaultGraph()))


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


# --- authentication: an authenticating proxy in front of Oxigraph (which has none of its own) ---

class _Guard(http.server.BaseHTTPRequestHandler):
    """Lets a request through to the store only with the expected Authorization header."""
    upstream = ""
    expected: frozenset[str] = frozenset()

    def _relay(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.headers.get("Authorization") not in self.expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
            self.end_headers()
            return
        request = urllib.request.Request(self.upstream + self.path, data=body or None, method=self.command,
                                         headers={"Content-Type": self.headers.get("Content-Type", "")})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                status, data = answer.status, answer.read()
        except urllib.error.HTTPError as err:
            status, data = err.code, err.read()
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_POST = do_PUT = do_GET = _relay

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def guarded(server: str) -> Iterator[str]:
    handler = type("Guard", (_Guard,), {"upstream": server, "expected": frozenset({
        "Basic " + base64.b64encode(b"editor:right pw").decode(), "Bearer tok-123"})})
    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{proxy.server_address[1]}"
    finally:
        proxy.shutdown()
        proxy.server_close()


@pytest.mark.parametrize("auth", [Auth("basic", "editor", "right pw"), Auth("bearer", None, "tok-123")])
def test_push_with_the_right_credentials(guarded: str, server: str, outdir: Path, auth: Auth) -> None:
    pushed = push(outdir, guarded + "/store", auth=auth)
    assert pushed.status in (200, 201, 204) and _count(server) == pushed.statements


@pytest.mark.parametrize(("auth", "message"), [
    (None, "needs authentication"),
    (Auth("basic", "editor", "wrong pw"), "refused the credentials of editor"),
    (Auth("bearer", None, "tok-999"), "refused the credentials of the token"),
])
def test_push_without_the_right_credentials_is_one_line_without_the_secret(guarded: str, server: str, outdir: Path,
                                                                            auth: Auth | None, message: str) -> None:
    with pytest.raises(RuntimeError, match=message) as err:
        push(outdir, guarded + "/store", auth=auth)
    assert "\n" not in str(err.value) and "wrong pw" not in str(err.value) and "tok-999" not in str(err.value)
    assert _count(server) == 0


def test_the_cli_takes_the_password_from_the_environment_and_never_prints_it(guarded: str, outdir: Path) -> None:
    args = ["push", str(outdir), "--endpoint", guarded + "/store", "--user", "editor"]
    ok = CliRunner().invoke(main, args, env={"KG_PASSWORD": "right pw"})
    assert ok.exit_code == 0 and "right pw" not in ok.output, ok.output
    bad = CliRunner().invoke(main, args, env={"KG_PASSWORD": "wrong pw"})
    assert bad.exit_code == 1 and "wrong pw" not in bad.output
    assert bad.output.count("\n") == 1 and bad.output.startswith("kg: POST ")
    missing = CliRunner().invoke(main, args, env={"KG_PASSWORD": ""})
    assert missing.exit_code == 1 and "KG_PASSWORD" in missing.output


def test_a_store_that_does_not_answer_times_out_in_one_line(outdir: Path) -> None:
    with socket.socket() as silent:             # listens, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/store"
        with pytest.raises(RuntimeError, match=r"no answer within 0.5 s"):
            push(outdir, url, timeout=0.5)


@pytest.mark.parametrize(("options", "message"), [
    ({"token": "t", "user": "u", "password": "p"}, "either a token or a user"),
    ({"password": "p"}, "needs a user name"),
    ({"user": "u"}, "no password for u"),
    ({"scheme": "digest"}, "needs --user and --password"),
])
def test_incomplete_credentials_are_refused_before_anything_is_sent(options: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_auth(**options)
