"""Which web framework `kg serve` runs on: the same page handler behind three servers.

    python bench/bench_frameworks.py [--seconds 8] [--clients 50]

Starlette + uvicorn, Flask on werkzeug's threaded server, and the standard library's
ThreadingHTTPServer each serve one handler that escapes 300 rows into HTML (about the work
of a person page). Each runs in its own process; 50 clients hammer it over loopback.
Writes bench/results/frameworks.md.
"""
from __future__ import annotations

import argparse
import html
import platform
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load import hammer, summary

ROWS = [(f"张{i}", f"全市工作会议{i}<召开>", f"2024-02-{1 + i % 28:02d}") for i in range(300)]


def page() -> str:
    rows = "".join(f"<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td><td>{c}</td></tr>" for a, b, c in ROWS)
    return f"<!DOCTYPE html><table>{rows}</table>"


def run_starlette(port: int) -> None:
    import uvicorn
    from starlette.applications import Starlette
    from starlette.responses import HTMLResponse
    from starlette.routing import Route

    def endpoint(request):  # sync: run in the thread pool, as kg serve's pages are
        return HTMLResponse(page())

    uvicorn.run(Starlette(routes=[Route("/", endpoint)]), host="127.0.0.1", port=port, log_level="warning")


def run_flask(port: int) -> None:
    from flask import Flask

    app = Flask(__name__)
    app.add_url_rule("/", "page", page)
    import logging
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app.run(host="127.0.0.1", port=port, threaded=True)


def run_stdlib(port: int) -> None:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body = page().encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


SERVERS = {"starlette+uvicorn": run_starlette, "flask+werkzeug": run_flask, "stdlib ThreadingHTTPServer": run_stdlib}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(name: str, *, clients: int, seconds: float) -> dict[str, float]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, __file__, "--child", name, "--port", str(port)])
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
                break
            except OSError:
                time.sleep(0.05)
        lat, errors = hammer([f"http://127.0.0.1:{port}/"], clients=clients, seconds=seconds)
        return {**summary(lat, seconds), "errors": len(errors)}
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--child")
    parser.add_argument("--port", type=int)
    args = parser.parse_args()
    if args.child:
        SERVERS[args.child](args.port)
        return
    lines = [f"# frameworks: {args.clients} clients, {args.seconds:.0f} s each, Python {platform.python_version()}",
             "", "| server | requests/s | median ms | p95 ms | errors |", "|---|---|---|---|---|"]
    for name in SERVERS:
        r = measure(name, clients=args.clients, seconds=args.seconds)
        lines.append(f"| {name} | {r['per_s']} | {r['median_ms']} | {r['p95_ms']} | {r['errors']} |")
        print(lines[-1], flush=True)
    out = ROOT / "bench" / "results" / "frameworks.md"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
