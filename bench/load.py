"""A small closed-loop load generator: N clients on loopback, each one request after another.

    python bench/load.py http://127.0.0.1:8000/ --clients 50 --seconds 10

Each client keeps one HTTP/1.1 connection (as a browser or SPARQLWrapper session would) and
records the latency of every request; `hammer` returns them with the count of errors.
"""
from __future__ import annotations

import argparse
import http.client
import statistics
import threading
import time
import urllib.parse


def _client(urls: list[str], stop: float, out: list[float], errors: list[str], offset: int) -> None:
    conn: http.client.HTTPConnection | None = None
    i = offset
    while time.monotonic() < stop:
        url = urllib.parse.urlsplit(urls[i % len(urls)])
        i += 1
        path = url.path + ("?" + url.query if url.query else "")
        began = time.perf_counter()
        try:
            if conn is None:
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(f"HTTP {response.status} {path}")
        except (OSError, http.client.HTTPException) as exc:
            errors.append(f"{type(exc).__name__} {path}")
            conn = None
            continue
        out.append(time.perf_counter() - began)


def hammer(urls: list[str], *, clients: int = 50, seconds: float = 10.0) -> tuple[list[float], list[str]]:
    """Latencies (seconds) of all requests made by `clients` threads over `seconds`, and errors."""
    stop = time.monotonic() + seconds
    per: list[list[float]] = [[] for _ in range(clients)]
    errors: list[str] = []
    threads = [threading.Thread(target=_client, args=(urls, stop, per[c], errors, c), daemon=True)
               for c in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 120)
    return [x for p in per for x in p], errors


def summary(latencies: list[float], seconds: float) -> dict[str, float]:
    """Median, p95 (ms) and throughput of a run."""
    if not latencies:
        return {"requests": 0, "median_ms": float("nan"), "p95_ms": float("nan"), "per_s": 0.0}
    ordered = sorted(latencies)
    return {"requests": len(ordered), "median_ms": round(statistics.median(ordered) * 1000, 1),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000, 1),
            "per_s": round(len(ordered) / seconds, 1)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    lat, errs = hammer(args.urls, clients=args.clients, seconds=args.seconds)
    print(summary(lat, args.seconds), f"errors: {len(errs)}")
