"""RDF export, load and named-query latency on a synthetic graph shaped like ours: pyoxigraph vs rdflib.

    /work/venv/bin/python bench/bench_rdf.py                 # >= 1M triples, both engines
    /work/venv/bin/python bench/bench_rdf.py --scale 0.1 --no-rdflib

Writes bench/results/rdf.json and bench/results/rdf.md. Targets (pyoxigraph, 1M triples):
a query bound to one person or organisation < 10 ms, whole-graph co-attendance counts < 1 s.
"""
from __future__ import annotations

import argparse
import multiprocessing
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pyoxigraph as ox

from kg.export import EXPORTERS
from kg.export.rdf import serialize_dataset, to_dataset
from kg.io import atomic_write, dumps_json
from kg.query import named_queries, to_term, with_values

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红文斌亮长萍百顺彤宇晓黎兆村元朝庆发昌松波守印德振卫"
TITLES = ["书记", "副书记", "主任", "副主任", "局长", "副局长", "市长", "副市长", "主席", "总经理"]
ROLES = ["chair", "speaker"] + ["attendee"] * 10


def synthetic_graph(scale: float = 1.0, seed: int = 7) -> dict[str, Any]:
    """A kg-json graph like a city daily's archive; scale 1.0 gives about 1.1M triples."""
    rnd = random.Random(seed)
    n_people, n_orgs, n_events, n_companies = int(15000 * scale), int(1500 * scale), int(4000 * scale), int(3000 * scale)
    names: set[str] = set()
    while len(names) < n_people:
        names.add(rnd.choice(SURNAMES) + "".join(rnd.choices(GIVEN, k=rnd.choice((1, 2)))) + ("" if rnd.random() < .8
                                                                                               else rnd.choice(GIVEN)))
    people = sorted(names)
    places = [f"区县{i}" for i in range(max(2, int(300 * scale)))] + ["聊城市", "山东省"]
    docs = [{"id": f"page_{d:05d}.txt", "date": f"20{20 + d // 360:02d}-{1 + d // 30 % 12:02d}-{1 + d % 28:02d}",
             "place": "聊城市"} for d in range(max(1, n_events // 2))]
    ents = [{"id": f"person/{n}", "type": "person", "name": n, "aliases": [], "attributes": {"role": "official"}}
            for n in people]
    ents += [{"id": f"place/{p}", "type": "place", "name": p, "aliases": [], "attributes": {"level": "county"}}
             for p in places]
    ents += [{"id": f"organization/机构{i}", "type": "organization", "name": f"聊城市机构{i}", "aliases": [f"市机构{i}"],
              "attributes": {}} for i in range(n_orgs)]
    ents += [{"id": f"company/企业{i}", "type": "company", "name": f"山东企业{i}有限公司", "aliases": [],
              "attributes": {}} for i in range(n_companies)]
    ents += [{"id": f"event/会议{i}", "type": "event", "name": f"全市工作会议{i}", "aliases": [],
              "attributes": {"date": docs[i // 2]["date"]}} for i in range(n_events)]
    arts, facts = [], []

    def source(doc: dict[str, Any], art: str, text: str) -> list[dict[str, Any]]:
        start = rnd.randrange(10000)
        return [{"document": doc["id"], "article": art, "start": start, "end": start + len(text), "sentence": text}]

    for i in range(n_events):
        doc = docs[i // 2]
        art = f"{doc['id']}#{i % 2 + 1}"
        arts.append({"id": art, "document": doc["id"], "start": 0, "end": 5000, "title": f"全市工作会议{i}召开"})
        for order, person in enumerate(rnd.sample(people, 10), start=1):
            facts.append({"relation": "participated", "subject": f"person/{person}", "object": f"event/会议{i}",
                          "attributes": {"role": ROLES[min(order - 1, 11)], "order": order},
                          "sources": source(doc, art, f"{person}出席全市工作会议{i}。")})
        for person in rnd.sample(people, 4):
            org, title = rnd.randrange(n_orgs), rnd.choice(TITLES)
            facts.append({"relation": "holds_position", "subject": f"person/{person}", "object": f"organization/机构{org}",
                          "attributes": {"title": f"市机构{org}{title}", "first_seen": doc["date"],
                                         "last_seen": doc["date"]},
                          "sources": source(doc, art, f"市机构{org}{title}{person}讲话。")})
    for i in range(n_companies):
        facts.append({"relation": "located_in", "subject": f"company/企业{i}", "object": f"place/{rnd.choice(places)}",
                      "attributes": {}, "sources": []})
    facts += [{"relation": "part_of", "subject": f"place/{p}", "object": "place/聊城市", "attributes": {}, "sources": []}
              for p in places[:-2]]
    facts.append({"relation": "part_of", "subject": "place/聊城市", "object": "place/山东省", "attributes": {},
                  "sources": []})
    return {"format": "kg-json/1", "documents": docs, "articles": arts, "entities": ents, "facts": facts,
            "mentions": []}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def median_ms(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def query_bindings(graph: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Bindings of each named query: one busy person, one organisation, the city."""
    holder = next(f for f in graph["facts"] if f["relation"] == "holds_position")
    org = next(e["name"] for e in graph["entities"] if e["id"] == holder["object"])
    person = holder["subject"].split("/", 1)[1]
    chair = next(f for f in graph["facts"] if f["attributes"].get("role") == "chair")["subject"].split("/", 1)[1]
    return {"officials": {"org": org}, "event_roles": {"person": chair}, "timeline": {"person": person},
            "companies_by_place": {"place": "区县1"}, "sources": {"subject": person}, "co_attendance": {}}


def run(scale: float, with_rdflib: bool, timeout: float) -> dict[str, Any]:
    graph = synthetic_graph(scale)
    res: dict[str, Any] = {"machine": f"{platform.python_version()}, {platform.machine()}",
                           "pyoxigraph": ox.__version__, "facts": len(graph["facts"])}
    res["to_dataset_s"], ds = timed(lambda: to_dataset(graph))
    res["quads"], res["triples"] = len(ds), len({q.triple for q in ds})
    tmp = Path(tempfile.mkdtemp(prefix="bench_rdf."))
    res["export_s"] = {}
    for name in ("turtle", "ntriples", "jsonld-expanded", "trig", "nquads"):   # compacted JSON-LD: docs/rdf.md
        res["export_s"][name], data = timed(lambda name=name: serialize_dataset(ds, name))
        (tmp / f"graph.{EXPORTERS[name][0]}").write_bytes(data)
        print(f"export {name}: {res['export_s'][name]:.2f} s, {len(data) / 1e6:.0f} MB", flush=True)
    store = ox.Store()
    res["load_s"] = {"pyoxigraph_nq": timed(lambda: store.bulk_load(path=str(tmp / "graph.nq"),
                                                                     format=ox.RdfFormat.N_QUADS))[0]}
    store_ttl = ox.Store()
    res["load_s"]["pyoxigraph_ttl"] = timed(lambda: store_ttl.bulk_load(path=str(tmp / "graph.ttl"),
                                                                         format=ox.RdfFormat.TURTLE))[0]
    texts = {}
    for name, query in named_queries().items():
        terms = {k: to_term(v, query.params[k][0]) for k, v in query_bindings(graph)[name].items()}
        texts[name] = with_values(query.text, terms)
        rows = len(list(store.query(texts[name], use_default_graph_as_union=True)))
        res.setdefault("rows", {})[name] = rows
    res["query_ms"] = {"pyoxigraph": {n: median_ms(lambda t=t: list(store.query(t, use_default_graph_as_union=True)),
                                                   repeat=9) for n, t in texts.items()}}
    print("pyoxigraph queries (median ms):", res["query_ms"]["pyoxigraph"], flush=True)
    if with_rdflib:
        rdflib_part(res, tmp, texts, timeout)
    shutil.rmtree(tmp)
    return res


def median_ms_or_timeout(fn: Callable[[], Any], repeat: int, timeout: float) -> float | None:
    """median_ms in a forked child (it shares the loaded graph), None if it takes over `timeout` s.

    The child sends only a float back, so nothing big crosses the queue.
    """
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=lambda: queue.put(median_ms(fn, repeat)))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return None
    return queue.get(timeout=5)


def rdflib_part(res: dict[str, Any], tmp: Path, texts: dict[str, str], timeout: float) -> None:
    from rdflib import Graph
    res["load_s"]["rdflib_ttl"], g = timed(lambda: Graph().parse(tmp / "graph.ttl", format="turtle"))
    print(f"rdflib load: {res['load_s']['rdflib_ttl']:.1f} s", flush=True)
    for fmt in ("nt", "turtle"):  # rdflib's Turtle writer did not finish 1.2M triples in 14 min here
        ms = median_ms_or_timeout(lambda fmt=fmt: g.serialize(format=fmt), 1, timeout)
        res["export_s"][f"rdflib_{fmt}"] = None if ms is None else ms / 1000
    g.query("ASK { ?s ?p ?o }").askAnswer  # noqa: B018  (builds rdflib's SPARQL parser once, before forking)
    res["query_ms"]["rdflib"] = {n: median_ms_or_timeout(lambda t=t: list(g.query(t)), 3, timeout)
                                 for n, t in texts.items()}
    print("rdflib queries (median ms):", res["query_ms"]["rdflib"], flush=True)


def _ms(value: float | None) -> str:
    return "timed out" if value is None else f"{value:.1f}"


def markdown(res: dict[str, Any]) -> str:
    lines = [f"# bench_rdf: {res['triples']:,} triples ({res['quads']:,} quads), {res['facts']:,} facts",
             f"pyoxigraph {res['pyoxigraph']}, Python {res['machine']}; to_dataset {res['to_dataset_s']:.1f} s", "",
             "| step | seconds |", "|---|---|"]
    lines += [f"| export {k} | {'timed out' if v is None else f'{v:.2f}'} |" for k, v in res["export_s"].items()]
    lines += [f"| load {k} | {v:.2f} |" for k, v in res["load_s"].items()]
    engines = list(res["query_ms"])
    lines += ["", "| named query (median ms) | rows | " + " | ".join(engines) + " |", "|---|---|" + "---|" * len(engines)]
    lines += [f"| {n} | {res['rows'][n]} | " + " | ".join(_ms(res['query_ms'][e][n]) for e in engines) + " |"
              for n in res["query_ms"]["pyoxigraph"]]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="1.0 = about 1.1M triples")
    ap.add_argument("--no-rdflib", action="store_true", help="skip rdflib (minutes at 1M triples)")
    ap.add_argument("--timeout", type=float, default=300, help="give up on an rdflib query after this (s)")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results")
    args = ap.parse_args()
    res = run(args.scale, not args.no_rdflib, args.timeout)
    args.out.mkdir(parents=True, exist_ok=True)
    atomic_write(args.out / "rdf.json", dumps_json(res))
    atomic_write(args.out / "rdf.md", markdown(res))
    print(markdown(res))


if __name__ == "__main__":
    main()
