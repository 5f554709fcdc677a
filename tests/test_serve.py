"""`kg serve`: the SPARQL 1.1 Protocol, named queries and pages, over a real server on a free loopback port.

The server runs the seed page's build plus hostile entities (names made of markup) in a
thread of this process; its query workers are real processes. `served` is shared with
tests/test_serve_browser.py.
"""
from __future__ import annotations

import copy
import csv
import io
import json
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
uvicorn = pytest.importorskip("uvicorn")

from kg.io import atomic_write, dumps_json
from kg.query import run_query
from kg.serve.app import Options, create_app, listen
from kg.serve.store import STORE_DIR, ensure_store

ROOT = Path(__file__).resolve().parents[1]
INJECTED = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>张", "\"'><svg onload=alert(3)>"]
NASTY = ['"} ; DROP ALL #', "王刚\" } UNION { ?s ?p ?o", "x'''\n}}", "\\\"\\", "<http://evil/> .", "?org",
         "') } ; INSERT DATA { <x:a> <x:b> <x:c> } #"]
PERSONS = "PREFIX schema: <https://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def hostile(graph: dict[str, Any]) -> dict[str, Any]:
    """The build plus people whose names are markup, who attended a real event, read from a hostile document."""
    g = copy.deepcopy(graph)
    event = next(e["id"] for e in g["entities"] if e["type"] == "event")
    bad_doc = '"><script>alert(4)</script>.txt'
    g["documents"].append({"id": bad_doc, "date": "2024-02-08", "place": INJECTED[0], "source": "x"})
    for i, name in enumerate(INJECTED):
        g["entities"].append({"id": f"person/{name}", "type": "person", "name": name, "aliases": [name[:6]],
                              "attributes": {"note": name}})
        g["facts"].append({"relation": "participated", "subject": f"person/{name}", "object": event,
                           "attributes": {"role": "attendee", "order": 90 + i},
                           "sources": [{"document": bad_doc, "start": i, "end": i + 5,
                                        "sentence": f"{name}出席会议。"}]})
    return g


@contextmanager
def running(outdir: Path, **options: Any) -> Iterator[str]:
    """A server over `outdir` on a free loopback port, in a thread; yields its base URL."""
    app, pool = create_app(outdir, Options(**options))
    sock = listen("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline, "the server never started"
            time.sleep(0.02)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        pool.close()
        sock.close()


@pytest.fixture(scope="session")
def served_dir(seed_graph, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("served")
    atomic_write(out / "graph.json", dumps_json(hostile(seed_graph)))
    return out


@pytest.fixture(scope="session")
def served(served_dir) -> Iterator[str]:
    with running(served_dir, timeout=20, max_rows=500) as base:
        yield base


def fetch(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None
          ) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


def q(text: str) -> str:
    return urllib.parse.quote(text, safe="")


def tsv_column(text: str) -> list[str]:
    """The first column of a SPARQL TSV answer, literals decoded ("a\\"b"@zh -> a"b)."""
    out = []
    for line in text.splitlines()[1:]:
        term = line.split("\t")[0]
        out.append(json.loads(term[:term.rindex('"') + 1]))  # N-Triples escapes are JSON's
    return out


def expected_people(outdir: Path) -> list[str]:
    return [row[0] for row in run_query(outdir, PERSONS)[1]]


# ---- SPARQL protocol -----------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["JSON", "XML", "CSV", "TSV"])
def test_sparqlwrapper_reads_every_result_format(served, served_dir, fmt):
    sw = pytest.importorskip("SPARQLWrapper")
    client = sw.SPARQLWrapper(served + "/sparql")
    client.setQuery(PERSONS)
    client.setReturnFormat(getattr(sw, fmt))
    result = client.query().convert()
    if fmt == "JSON":
        names = [b["n"]["value"] for b in result["results"]["bindings"]]
    elif fmt == "XML":
        names = [n.firstChild.data for n in result.getElementsByTagName("literal")]
    elif fmt == "CSV":
        names = [r[0] for r in list(csv.reader(io.StringIO(result.decode("utf-8"))))[1:]]
    else:
        names = tsv_column(result.decode("utf-8"))
    assert names == expected_people(served_dir) and "李长萍" in names


@pytest.mark.parametrize(("how", "accept", "media"), [
    ("get", "application/sparql-results+json", "application/sparql-results+json"),
    ("get", "application/sparql-results+xml", "application/sparql-results+xml"),
    ("form", "text/csv", "text/csv"),
    ("body", "text/tab-separated-values", "text/tab-separated-values"),
    ("body", "text/html;q=0.9, */*;q=0.1", "application/sparql-results+json"),
])
def test_plain_http_get_and_post_in_each_format(served, served_dir, how, accept, media):
    url, data, headers = served + "/sparql", None, {"Accept": accept}
    if how == "get":
        url += "?query=" + q(PERSONS)
    elif how == "form":
        data = urllib.parse.urlencode({"query": PERSONS}).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    else:
        data = PERSONS.encode()
        headers["Content-Type"] = "application/sparql-query"
    status, head, body = fetch(url, data=data, headers=headers)
    assert status == 200 and head["content-type"].startswith(media)
    text = body.decode("utf-8")
    if "json" in media:
        names = [b["n"]["value"] for b in json.loads(text)["results"]["bindings"]]
    elif "xml" in media:
        ns = "{http://www.w3.org/2005/sparql-results#}"
        names = [lit.text for lit in ET.fromstring(text).iter(ns + "literal")]
    elif media == "text/csv":
        names = [r[0] for r in list(csv.reader(io.StringIO(text)))[1:]]
    else:
        names = tsv_column(text)
    assert names == expected_people(served_dir)


def test_ask_and_construct(served):
    status, _, body = fetch(served + "/sparql?query=" + q("ASK { ?s a <https://schema.org/Person> }"))
    assert status == 200 and json.loads(body)["boolean"] is True
    construct = "CONSTRUCT { ?p <https://schema.org/name> ?n } WHERE { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?n }"
    status, head, body = fetch(served + "/sparql?query=" + q(construct), headers={"Accept": "application/n-triples"})
    assert status == 200 and head["content-type"].startswith("application/n-triples")
    assert '"李长萍"' in body.decode("utf-8")


@pytest.mark.parametrize(("url", "data", "ctype"), [
    ("/sparql", b"DROP ALL", "application/sparql-update"),
    ("/sparql", urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(), "application/x-www-form-urlencoded"),
    ("/sparql?update=" + q("INSERT DATA { <x:a> <x:b> <x:c> }"), None, None),
    ("/sparql?query=" + q("PREFIX s: <https://schema.org/>\n# a comment\nDELETE WHERE { ?p s:name ?n }"), None, None),
])
def test_an_update_is_refused_and_changes_nothing(served, served_dir, url, data, ctype):
    before = expected_people(served_dir)
    status, _, body = fetch(served + url, data=data, headers={"Content-Type": ctype} if ctype else {})
    assert status == 403 and b"read-only" in body
    _, _, after = fetch(served + "/sparql?format=csv&query=" + q(PERSONS))
    assert [r[0] for r in list(csv.reader(io.StringIO(after.decode())))[1:]] == before


def test_a_bad_query_says_why(served):
    status, _, body = fetch(served + "/sparql?query=" + q("SELECT ?x WHERE { ?x"))
    assert status == 400 and body.startswith(b"kg: the query does not parse")
    status, _, body = fetch(served + "/sparql?query=" + q(PERSONS), headers={"Accept": "image/png"})
    assert status == 406
    status, _, body = fetch(served + "/sparql?default-graph-uri=x%3Ay&query=" + q(PERSONS))
    assert status == 400 and b"union" in body


def test_the_row_limit_refuses_a_big_answer(served):
    status, _, body = fetch(served + "/sparql?query=" + q("SELECT * WHERE { ?s ?p ?o }"))
    assert status == 413 and b"more than 500 rows" in body
    status, _, _ = fetch(served + "/sparql?query=" + q("SELECT * WHERE { ?s ?p ?o } LIMIT 500"))
    assert status == 200


def test_a_runaway_query_is_stopped_by_the_time_limit(served_dir):
    with running(served_dir, timeout=1.0, workers=1) as base:
        began = time.monotonic()
        status, _, body = fetch(base + "/sparql?query=" + q(RUNAWAY))
        took = time.monotonic() - began
        assert status == 503 and b"stopped after 1 s" in body and took < 5
        status, _, body = fetch(base + "/sparql?query=" + q(PERSONS))  # the fresh worker answers
        assert status == 200 and "李长萍" in body.decode("utf-8")


# ---- named queries -------------------------------------------------------------------------

def test_a_named_query_by_url_in_each_format(served):
    status, head, body = fetch(served + "/queries/officials?format=json&org=" + q("市委"))
    assert status == 200 and head["content-type"].startswith("application/sparql-results+json")
    rows = {(b["person"]["value"], b["title"]["value"]) for b in json.loads(body)["results"]["bindings"]}
    assert ("李长萍", "市委书记") in rows
    status, _, body = fetch(served + "/queries/officials?org=" + q("市委"), headers={"Accept": "text/html"})
    assert status == 200 and "市委书记" in body.decode("utf-8") and "<table" in body.decode("utf-8")
    status, _, body = fetch(served + "/queries/officials?org=" + q("市委"), headers={"Accept": "text/csv"})
    assert body.decode("utf-8").splitlines()[0] == "organization,person,title,first_seen,last_seen"


@pytest.mark.parametrize("value", NASTY + INJECTED)
@pytest.mark.parametrize("name", ["officials", "timeline", "sources"])
def test_injection_strings_as_parameters_are_only_names(served, served_dir, name, value):
    from kg.query import named_queries

    param = next(iter(named_queries()[name].params))
    status, _, body = fetch(f"{served}/queries/{name}?format=json&{param}={q(value)}")
    assert status == 200
    bindings = json.loads(body)["results"]["bindings"]
    if value in INJECTED and name != "officials":  # these people exist, with one fact each: found exactly
        assert len(bindings) == 1 and bindings[0].get("detail", {}).get("value") == "attendee"
    else:
        assert bindings == []
    assert len(expected_people(served_dir)) == len({e for e in expected_people(served_dir)})
    status, _, html = fetch(f"{served}/queries/{name}?{param}={q(value)}", headers={"Accept": "text/html"})
    assert status == 200 and "<img src=x" not in html.decode("utf-8") and "<svg onload" not in html.decode("utf-8")


@pytest.mark.parametrize(("url", "status"), [
    ("/queries/co_attendance?format=json&min_events=abc", 400),
    ("/queries/officials?format=json&nope=1", 400),
    ("/queries/no_such_query", 404),
])
def test_bad_named_query_requests(served, url, status):
    assert fetch(served + url)[0] == status


# ---- pages -------------------------------------------------------------------------------

def page(served: str, path: str) -> tuple[int, dict[str, str], str]:
    status, head, body = fetch(served + path)
    return status, head, body.decode("utf-8")


@pytest.mark.parametrize(("query", "types", "expected"), [
    ("李长萍", [], "李长萍"), ("lichangping", [], "李长萍"), ("li chang ping", ["person"], "李长萍"),
    ("市委", ["organization"], "中共聊城市委"), ("liaocheng", ["place"], "聊城市"),
])
def test_search_by_name_alias_or_pinyin_with_type_filters(served, query, types, expected):
    path = "/search?q=" + q(query) + "".join(f"&type={t}" for t in types)
    status, head, text = page(served, path)
    assert status == 200 and f">{expected}</a>" in text
    assert "default-src 'none'" in head["content-security-policy"] and "script-src 'self'" in head["content-security-policy"]


def test_search_pages_through_many_hits(served):
    _, _, first = page(served, "/search?q=" + q("市") + "&n=5")
    assert 'href="/search?q=%E5%B8%82&amp;page=2&amp;n=5"' in first
    _, _, second = page(served, "/search?q=" + q("市") + "&page=2&n=5")
    assert 'rel="next"' in first and 'rel="prev"' in second
    one, two = (re.findall(r'<li><a href="([^"]+)"', text) for text in (first, second))
    assert len(one) == len(two) == 5 and not set(one) & set(two)


def test_a_person_page_has_posts_events_co_attendees_and_sources(served):
    status, _, text = page(served, "/e/" + q("person/李长萍"))
    assert status == 200
    for part in ('id="timeline"', 'id="posts"', 'id="events"', 'id="co-attendees"', "中共聊城市委", "市委书记",
                 "<mark class=\"s\">李长萍</mark>", 'id="first-seen">2024-02-06'):
        assert part in text


@pytest.mark.parametrize(("eid", "section", "member"), [
    ("organization/中共聊城市委", "officials", "李长萍"),
    ("event/聊城市质量大会", "participants", "张百顺"),
    ("place/聊城高新区", "companies", "山东博源精密机械有限公司"),
    ("place/聊城市", "bodies", "聊城市人民政府"),
    ("place/聊城市", "events", "聊城市质量大会"),
    ("place/聊城市", "partners", "刚察县"),
    ("company/山东鑫大地控股集团有限公司", "officers", "付崇建"),
])
def test_organisation_event_place_and_company_pages(served, eid, section, member):
    status, _, text = page(served, "/e/" + q(eid))
    assert status == 200 and f'id="{section}"' in text
    assert member in text.split(f'id="{section}"')[1].split("</section>")[0]


def test_participants_come_in_protocol_order(served):
    _, _, text = page(served, "/e/" + q("event/聊城市质量大会"))
    table = text.split('id="participants"')[1].split("</section>")[0]
    orders = [int(x.split("<")[0]) for x in table.split('class="order">')[1:] if x.split("<")[0]]
    assert orders == sorted(orders) and orders[:2] == [1, 2]


def test_a_fact_page_quotes_its_sentence_with_the_mention_marked(served):
    _, _, text = page(served, "/e/" + q("person/李长萍"))
    fact = text.split('class="evidence" href="')[1].split('"')[0]
    status, _, body = page(served, fact)
    assert status == 200 and "<mark class=\"s\">李长萍</mark>" in body and "2024-02-07" in body


def test_the_focus_network_page_carries_the_subgraph(served):
    status, _, text = page(served, "/network/" + q("person/李长萍") + "?hops=1&type=person&type=event")
    data = json.loads(text.split('id="kg-data">')[1].split("</script>")[0])
    labels = {n["label"] for n in data["nodes"]}
    assert status == 200 and "李长萍" in labels and "聊城市质量大会" in labels
    assert {n["type"] for n in data["nodes"]} <= {"person", "event"}
    assert '<script src="/static/vis-network.min.js">' in text and "<script>" not in text and "network.js" in text


@pytest.mark.parametrize("name", INJECTED)
def test_injected_names_are_escaped_everywhere(served, name):
    for path in ("/search?q=" + q(name), "/e/" + q("person/" + name), "/e/" + q("event/聊城市质量大会"),
                 "/network/" + q("person/" + name)):
        status, _, text = page(served, path)
        assert status == 200, path
        for raw in ("<img src=x", "<svg onload", "<script>alert", '"><script'):
            assert raw not in text, (path, raw)


def test_unknown_pages_are_404_with_the_csp(served):
    status, head, text = page(served, "/e/" + q("person/<nobody>"))
    assert status == 404 and "&lt;nobody&gt;" in text and "content-security-policy" in head


# ---- start-up ------------------------------------------------------------------------------

def test_the_store_is_kept_on_disk_and_rebuilt_only_when_the_build_changes(tmp_path, seed_graph):
    atomic_write(tmp_path / "graph.json", dumps_json(seed_graph))
    assert ensure_store(tmp_path) == (tmp_path / STORE_DIR, True)
    assert ensure_store(tmp_path)[1] is False
    atomic_write(tmp_path / "graph.json", dumps_json({**seed_graph, "facts": seed_graph["facts"][:3]}))
    assert ensure_store(tmp_path)[1] is True
    assert sorted(p.name for p in tmp_path.iterdir()) == [STORE_DIR, "graph.json"]


def test_kg_serve_binds_loopback_and_prints_its_address(served_dir):
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    # Python keeps SIGINT ignored if its parent ignored it (a background job): restore Ctrl-C
    main = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); from kg.cli import main; main()"
    proc = subprocess.Popen([sys.executable, "-c", main, "serve", str(served_dir), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline()
        assert line.startswith(f"kg: serving {served_dir} at http://127.0.0.1:")
        base = line.split(" at ")[1].split(" ")[0].rstrip("/")
        assert fetch(base + "/")[0] == 200
        proc.send_signal(signal.SIGINT)  # Ctrl-C: a clean stop, not a traceback
        out, err = proc.communicate(timeout=20)
        assert (proc.returncode, out, err) == (0, "kg: stopped\n", "")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


@pytest.mark.parametrize("args", [["/nonexistent/folder"], ["{dir}", "--host", "256.1.1.1"]])
def test_kg_serve_bad_input_is_one_line(served_dir, args):
    args = [a.format(dir=served_dir) for a in args]
    done = subprocess.run([sys.executable, "-m", "kg.cli", "serve", *args], check=False, capture_output=True,
                          text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert done.returncode != 0 and done.stderr.startswith("kg: ") and "Traceback" not in done.stderr


# ---- timeline and sections, without a server -----------------------------------------------

def _posts_graph() -> dict[str, Any]:
    person = {"id": "person/甲乙", "type": "person", "name": "甲乙", "aliases": []}
    org = {"id": "organization/某市政府", "type": "organization", "name": "某市政府", "aliases": []}
    def post(title: str, **attrs: Any) -> dict[str, Any]:
        return {"relation": "holds_position", "subject": person["id"], "object": org["id"],
                "attributes": {"title": title, **attrs}, "sources": []}
    return {"entities": [person, org], "documents": [], "facts": [
        post("副市长", first_seen="2021-03-01", last_seen="2022-05-01", change="appointed"),
        post("市长", first_seen="2022-06-01", last_seen="2023-01-01", start="2022-05-20", end="2024-01-10",
             start_source={"document": "d", "sentence": "任命甲乙为某市政府市长。", "date": "2022-05-20"},
             forms=[{"title": "市长", "sources": []}], start_evidence="appointed"),
        post("副市长", first_seen="2022-05-30", change="removed")]}


def test_the_timeline_marks_appointments_removals_and_terms():
    from kg.serve.archive import Archive
    from kg.serve.pages import evidence, person_chart, sections

    archive = Archive.from_graph(_posts_graph())
    chart = person_chart(archive, "person/甲乙")
    kinds = [(r.label, [b["kind"] for b in r.bars], [m["kind"] for m in r.marks]) for r in chart.rows]
    assert kinds == [("副市长 @ 某市政府", ["seen"], ["appointed"]), ("副市长 @ 某市政府", ["seen"], ["removed"]),
                     ("市长 @ 某市政府", ["seen", "held"], [])]
    assert (chart.first, chart.last) == ("2021-03-01", "2024-01-10")
    term = evidence(archive, 1)
    assert "{" not in term["detail"] and "start: 2022-05-20" in term["detail"] and "evidence" not in term["detail"]
    assert term["notes"] == {"start_evidence": "appointed"}
    assert [(x["label"], x["date"]) for x in term["sources"]] == [("任期始 start of term", "2022-05-20")]
    assert ("甲乙", "s") in term["sources"][0]["pieces"]
    officials = sections(archive, "organization/某市政府")[0]
    assert officials["key"] == "officials" and [r["date"] for r in officials["rows"]] == \
        ["2021-03-01", "2022-05-20", "2022-05-30"]
