"""`kg serve` at archive scale: start-up, and latency under 50 concurrent clients on loopback.

    python bench/bench_serve.py                       # the 1.2M-triple synthetic archive of bench_rdf.py
    python bench/bench_serve.py --outdir OUT --seconds 8   # any build folder instead

The archive is bench_rdf.synthetic_graph(1.0): 15,000 people, 4,000 events, 1,500 bodies,
3,000 companies, 59,000 facts with source sentences, 1.2M triples, written as a build folder
(graph.json and graph.ttl, as `kg build` writes them) under bench/corpus/serve-1M/. The
server runs as `kg serve` in its own process; it is started twice (the first start builds
OUTDIR/.store/, the second reuses it). Then 50 client threads, each on a keep-alive
connection, request one kind of URL after another for --seconds each: a person page
(rotating over 500 people), a search (500 names and pinyin prefixes) and a named query
(timeline of one of 500 people). Writes bench/results/serve-OUTDIR.json and .md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.harness import tree_rss
from bench.load import hammer, summary

RESULTS = ROOT / "bench" / "results"
TIMEOUT = 2.0  # the server's --timeout here
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def make_archive(out: Path) -> Path:
    """The synthetic 1.2M-triple build folder (made once, then reused)."""
    if (out / "graph.json").exists() and (out / "graph.ttl").exists():
        return out
    from bench.bench_rdf import synthetic_graph
    from kg.export import export
    from kg.io import atomic_write, dumps_json

    graph = synthetic_graph(1.0)
    out.mkdir(parents=True, exist_ok=True)
    atomic_write(out / "graph.json", dumps_json(graph))
    export(graph, "turtle", out / "graph.ttl")
    return out


def start(outdir: Path, port: int) -> tuple[subprocess.Popen, float]:
    """`kg serve` in a child process; returns it and the seconds until its home page answered."""
    began = time.monotonic()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(outdir), "--port", str(port),
                             "--timeout", str(TIMEOUT)],
                            env=env, stdout=subprocess.DEVNULL)
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
            return proc, time.monotonic() - began
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"kg serve exited with {proc.returncode}") from None
            time.sleep(0.1)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    proc.wait(30)


def sample_urls(outdir: Path, base: str, n: int = 500, seed: int = 7) -> dict[str, list[str]]:
    graph = json.loads((outdir / "graph.json").read_text(encoding="utf-8"))
    from kg.pinyin import to_pinyin

    rnd = random.Random(seed)
    people = sorted(e["name"] for e in graph["entities"] if e["type"] == "person")
    chosen = rnd.sample(people, min(n, len(people)))
    q = lambda s: urllib.parse.quote(s, safe="")
    terms = [name if i % 2 else to_pinyin(name).replace(" ", "")[:6] for i, name in enumerate(chosen)]
    return {
        "person page": [f"{base}/e/{q('person/' + name)}" for name in chosen],
        "search": [f"{base}/search?q={q(t)}" for t in terms],
        "named query (timeline)": [f"{base}/queries/timeline?format=json&person={q(name)}" for name in chosen],
    }


def runaway(base: str, next_url: str) -> dict[str, float]:
    """Seconds until a runaway query is refused, and until the next query after it is answered."""
    import urllib.error

    began = time.perf_counter()
    try:
        urllib.request.urlopen(f"{base}/sparql?query={urllib.parse.quote(RUNAWAY)}", timeout=60).read()
        status = 200
    except urllib.error.HTTPError as err:
        status = err.code
    stopped = time.perf_counter() - began
    began = time.perf_counter()
    urllib.request.urlopen(next_url, timeout=60).read()
    return {"status": status, "stopped_after_s": round(stopped, 2), "next_query_s": round(time.perf_counter() - began, 2)}


def busiest(outdir: Path) -> str:
    """The id of the entity with the most facts (the slowest page to make)."""
    from collections import Counter

    graph = json.loads((outdir / "graph.json").read_text(encoding="utf-8"))
    counts = Counter(end for f in graph["facts"] for end in (f["subject"], f.get("object")) if end)
    return counts.most_common(1)[0][0]


def one_off(url: str, repeat: int = 5) -> float:
    """Median milliseconds of one request alone."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        urllib.request.urlopen(url, timeout=60).read()
        times.append((time.perf_counter() - began) * 1000)
    return round(sorted(times)[len(times) // 2], 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outdir", type=Path, help="a build folder (default: the synthetic 1.2M-triple one)")
    parser.add_argument("--seconds", type=float, default=8.0, help="per kind of URL (three kinds; keep <= 10)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--port", type=int, default=8377)
    parser.add_argument("--fresh-store", action="store_true", help="delete OUTDIR/.store first")
    args = parser.parse_args()
    outdir = args.outdir or make_archive(ROOT / "bench" / "corpus" / "serve-1M")
    if args.fresh_store:
        shutil.rmtree(outdir / ".store", ignore_errors=True)
    base = f"http://127.0.0.1:{args.port}"
    res: dict[str, Any] = {"machine": f"Python {platform.python_version()}, {os.cpu_count()} cores",
                           "graph_json_mb": round((outdir / "graph.json").stat().st_size / 1e6, 1)}
    proc, res["first_start_s"] = start(outdir, args.port)
    stop(proc)
    proc, res["start_s"] = start(outdir, args.port)
    try:
        urls = sample_urls(outdir, base)
        hub = busiest(outdir)
        res["hub"] = hub
        res["alone_ms"] = {"busiest entity's page": one_off(f"{base}/e/{urllib.parse.quote(hub, safe='')}"),
                           "focus network (1 hop)": one_off(urls["person page"][0].replace("/e/", "/network/")),
                           "person page": one_off(urls["person page"][0])}
        res["load"] = {}
        for kind, kind_urls in urls.items():
            latencies, errors = hammer(kind_urls, clients=args.clients, seconds=args.seconds)
            res["load"][kind] = {**summary(latencies, args.seconds), "errors": len(errors)}
            print(kind, res["load"][kind], flush=True)
        res["server_rss_mb"] = round(tree_rss(proc.pid) / 2**20)  # the server and its query workers
        res["runaway"] = runaway(base, urls["named query (timeline)"][0])
        print("runaway", res["runaway"], flush=True)
    finally:
        stop(proc)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"serve-{outdir.name}.json").write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    lines = [f"# bench_serve: {outdir.name}, graph.json {res['graph_json_mb']} MB; {res['machine']}",
             (f"first start (builds .store) {res['first_start_s']:.1f} s; next start {res['start_s']:.1f} s; "
              f"server resident memory {res['server_rss_mb']} MB (with its query workers)"),
             "", f"| {args.clients} clients, {args.seconds:g} s each | requests/s | median ms | p95 ms | errors |",
             "|---|---|---|---|---|"]
    lines += [f"| {k} | {v['per_s']} | {v['median_ms']} | {v['p95_ms']} | {v['errors']} |" for k, v in res["load"].items()]
    lines += ["", "| one request alone | median ms |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in res["alone_ms"].items()]
    r = res["runaway"]
    lines += ["", (f"runaway query with --timeout {TIMEOUT:g}: HTTP {r['status']} after {r['stopped_after_s']} s; "
                   f"the next query answered {r['next_query_s']} s later (worker respawned)")]
    (RESULTS / f"serve-{outdir.name}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
