"""A second real store: Virtuoso Open Source (Debian `virtuoso-opensource`), loaded with `kg push`
over its authenticated Graph Store endpoint (digest), then asked the named queries over HTTP.

The fixture starts its own server on loopback with a data folder of its own, gives the `dba` user a
fresh password and makes a `reader` without the right to update (via isql), and stops the server
after the module. It skips, saying why, when Virtuoso is not installed (scripts/test.sh installs it
when run as root).
"""
from __future__ import annotations

import secrets
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_push import _free_port
from test_rdf import seed_graph

from kg.cli import main
from kg.export import export
from kg.io import atomic_write, dumps_json
from kg.push import Auth, push
from kg.query import named_queries, run_query

SERVER, ISQL = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
GRAPH = "https://kg.example.org/graph/seed"
BINDINGS = {"org": "市委", "person": "张百顺", "subject": "李长萍", "place": "聊城市", "min_events": "2"}
INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 1
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}/www
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@dataclass(frozen=True)
class Virtuoso:
    base: str
    password: str

    @property
    def crud(self) -> str:
        return self.base + "/sparql-graph-crud-auth"

    @property
    def sparql(self) -> str:
        return self.base + "/sparql"


def _isql(port: int, password: str, sql: str) -> None:
    subprocess.run([ISQL, f"127.0.0.1:{port}", "dba", password, f"exec={sql}"], check=True, timeout=60,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait(url: str, proc: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("virtuoso did not start") from None
            time.sleep(0.2)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    if not (SERVER and ISQL):
        pytest.skip("Virtuoso is not installed (Debian: apt-get install virtuoso-opensource; scripts/test.sh does)")
    folder = tmp_path_factory.mktemp("virtuoso")
    (folder / "www").mkdir()
    sql, http = _free_port(), _free_port()
    (folder / "virtuoso.ini").write_text(INI.format(d=folder, sql=sql, http=http), encoding="utf-8")
    proc = subprocess.Popen([SERVER, "+foreground", "+configfile", str(folder / "virtuoso.ini")], cwd=folder,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http}"
    try:
        _wait(base + "/sparql?query=ASK%7B%7D", proc, 90)
        password = secrets.token_urlsafe(12)
        # a new database's dba password is "dba": replace it, and add a user who may read only
        _isql(sql, "dba", f"USER_SET_PASSWORD('dba', '{password}'); GRANT SPARQL_UPDATE TO \"dba\"; "
                          "DB.DBA.USER_CREATE('reader', 'reader-pw');")
        yield Virtuoso(base, password)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    graph = seed_graph()
    atomic_write(out / "graph.json", dumps_json(graph))
    export(graph, "turtle", out / "graph.ttl")
    return out


def _count(v: Virtuoso) -> int:
    rows = run_query(v.sparql, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}")[1]
    return int(rows[0][0])


def test_kg_push_with_digest_then_the_named_queries_match_the_embedded_engine(virtuoso: Virtuoso,
                                                                                outdir: Path) -> None:
    result = CliRunner().invoke(main, ["push", str(outdir), "--endpoint", virtuoso.crud, "--graph", GRAPH,
                                       "--replace", "--user", "dba", "--auth", "digest"],
                                env={"KG_PASSWORD": virtuoso.password})
    assert result.exit_code == 0, result.output
    assert virtuoso.password not in result.output and ("HTTP 201" in result.output or "HTTP 200" in result.output)
    statements = int(result.output.split(", ")[-1].split()[0])
    assert _count(virtuoso) == statements > 1000
    for name, query in named_queries().items():
        bindings = {p: v for p, v in BINDINGS.items() if p in query.params}
        assert run_query(virtuoso.sparql, name, bindings=bindings) == run_query(outdir, name, bindings=bindings), name


def test_replace_then_append(virtuoso: Virtuoso, outdir: Path) -> None:
    auth = Auth("digest", "dba", virtuoso.password)
    first = push(outdir, virtuoso.crud, graph_iri=GRAPH, replace=True, auth=auth)
    push(outdir, virtuoso.crud, graph_iri=GRAPH, replace=True, auth=auth)          # replaced, not doubled
    assert _count(virtuoso) == first.statements
    extra = outdir.parent / "extra.nt"
    extra.write_text('<https://kg.example.org/id/x> <https://schema.org/name> "新"@zh .\n', encoding="utf-8")
    assert push(extra, virtuoso.crud, graph_iri=GRAPH, auth=auth).method == "POST"   # appended
    assert _count(virtuoso) == first.statements + 1


@pytest.mark.parametrize(("auth", "message"), [
    (None, "HTTP 401, the endpoint needs authentication"),
    (Auth("digest", "dba", "not-the-password"), "HTTP 401, the endpoint refused the credentials of dba"),
    (Auth("basic", "dba", "not-the-password"), "add --auth digest"),
    (Auth("digest", "reader", "reader-pw"), "HTTP 403, reader may not write here"),
])
def test_a_wrong_or_missing_password_is_one_clear_line(virtuoso: Virtuoso, outdir: Path, auth: Auth | None,
                                                       message: str) -> None:
    with pytest.raises(RuntimeError, match=message) as err:
        push(outdir, virtuoso.crud, graph_iri=GRAPH, auth=auth)
    text = str(err.value)
    assert "\n" not in text and virtuoso.password not in text and "not-the-password" not in text


def test_the_readme_and_docs_sparql_examples_give_the_same_tables_over_virtuoso(virtuoso: Virtuoso,
                                                                                   outdir: Path) -> None:
    from test_readme_queries import ROOT, examples

    push(outdir, virtuoso.crud, graph_iri=GRAPH, replace=True, auth=Auth("digest", "dba", virtuoso.password))
    queries = [q for doc in ("README.md", "docs/rdf.md") for q, _ in examples(ROOT / doc) if "GRAPH ?" not in q]
    assert len(queries) >= 5
    for query in queries:   # (named-graph examples need the article graphs, which --graph puts in one)
        assert run_query(virtuoso.sparql, query) == run_query(outdir, query), query
