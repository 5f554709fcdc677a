"""`kg serve OUTDIR`: the archive's pages and its SPARQL endpoint, on Starlette + uvicorn.

At start-up the graph is read into memory (kg.serve.archive), the on-disk store beside the
build is opened or rebuilt (kg.serve.store), and the query workers start (kg.serve.workers).
Pages are rendered on the server by Jinja2 with autoescaping; every response carries a
Content-Security-Policy that allows scripts, styles and requests from this server only.
"""
from __future__ import annotations

import ipaddress
import json
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from kg.export.html import TYPE_STYLE, script_json, search_keys
from kg.query import named_queries
from kg.render import parse_types
from kg.serve import pages
from kg.serve.archive import Archive
from kg.serve.network import focus_data
from kg.serve.sparql import named_query_text, read_protocol
from kg.serve.workers import Answer, QueryPool

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
STATIC = {  # name -> (package, path inside it, media type)
    "vis-network.min.js": ("pyvis", "templates/lib/vis-9.1.2/vis-network.min.js", "text/javascript"),
    "page.js": ("kg", "templates/page.js", "text/javascript"),
    "page.css": ("kg", "templates/page.css", "text/css"),
    "serve.css": ("kg.serve", "static/serve.css", "text/css"),
    "network.js": ("kg.serve", "static/network.js", "text/javascript"),
}
PER_PAGE = 20
MAX_NETWORK = 300  # entities drawn in a focus network, nearest first


@dataclass
class Options:
    timeout: float = 10.0
    max_rows: int = 10000
    workers: int = 2


class SecurityHeaders:
    """ASGI middleware: the CSP and friends on every response, errors included."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [(k.lower().encode(), v.encode())
                                                                 for k, v in HEADERS.items()]
            await send(message)
        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(__file__).with_name("templates"))),
                             autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["href"] = lambda eid: "/e/" + quote(eid, safe="")
    env.filters["net"] = lambda eid: "/network/" + quote(eid, safe="")
    env.globals.update(type_label=pages.type_label, colour=lambda t: TYPE_STYLE.get(t, ("#8c8c8c",))[0],
                       qs=lambda **kw: urlencode({k: v for k, v in kw.items() if v not in (None, "")}))
    return env


def _int(value: str | None, default: int, lo: int, hi: int) -> int:
    try:
        return min(hi, max(lo, int(value or default)))
    except ValueError:
        return default


class Site:
    """The request handlers over one archive, one store and one pool of query workers."""

    def __init__(self, archive: Archive, pool: QueryPool, outdir: Path):
        self.archive, self.pool, self.outdir = archive, pool, outdir
        self.env = _templates()
        # the archive never changes while served: a hub's sections are worked out once
        self.sections = lru_cache(maxsize=512)(lambda eid: pages.sections(archive, eid))
        self.static = {name: (resources.files(pkg).joinpath(path).read_bytes(), media)
                       for name, (pkg, path, media) in STATIC.items()}

    def html(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        body = self.env.get_template(template).render(archive=self.archive, **context)
        return HTMLResponse(body, status_code=status)

    def error(self, status: int, message: str) -> HTMLResponse:
        return self.html("error.html", status, title=str(status), message=message)

    def answer(self, answer: Answer) -> Response:
        return Response(answer.body, status_code=answer.status, media_type=answer.media)

    async def home(self, request: Request) -> Response:
        top = [(kind, self.archive.top(kind)) for kind in self.archive.type_counts]
        return self.html("home.html", title="kg", outdir=self.outdir.resolve().name, top=top)

    async def search(self, request: Request) -> Response:
        q = request.query_params.get("q", "")
        kinds = [t for t in request.query_params.getlist("type") if t in self.archive.type_counts]
        page = _int(request.query_params.get("page"), 1, 1, 10**6)
        n = _int(request.query_params.get("n"), PER_PAGE, 1, 200)
        total, hits = self.archive.search(q, types=kinds, offset=(page - 1) * n, limit=n)
        return self.html("search.html", title=f"搜索 {q}", q=q, kinds=kinds, hits=hits, total=total, page=page,
                         pages=max(1, -(-total // n)), n=n if n != PER_PAGE else None)

    async def entity(self, request: Request) -> Response:
        eid = request.path_params["eid"]
        if eid not in self.archive.entities:
            return self.error(404, f"no entity {eid!r} in this archive")
        e = self.archive.entities[eid]
        person = e["type"] == "person"
        return self.html("entity.html", title=e["name"], e=e, sections=self.sections(eid),
                         chart=pages.person_chart(self.archive, eid) if person else None,
                         co=self.archive.co_attendees(eid) if person else [],
                         ev=pages.evidence_page(self.archive, eid, _int(request.query_params.get("page"), 1, 1, 10**6)))

    async def fact(self, request: Request) -> Response:
        i = request.path_params["n"]
        if not 0 <= i < len(self.archive.facts):
            return self.error(404, f"no fact {i} in this archive")
        return self.html("fact.html", title=f"fact {i}", f=pages.evidence(self.archive, i))

    async def network(self, request: Request) -> Response:
        eid = request.path_params["eid"]
        if eid not in self.archive.entities:
            return self.error(404, f"no entity {eid!r} in this archive")
        hops = _int(request.query_params.get("hops"), 1, 0, 4)
        chosen = [t for t in request.query_params.getlist("type") if t]
        try:
            kinds = parse_types(chosen) if chosen else None
        except ValueError as exc:
            return self.error(400, str(exc))
        data = focus_data(self.archive, eid, hops=hops, types=kinds, limit=MAX_NETWORK)
        return self.html("network.html", title=data["title"], e=self.archive.entities[eid], hops=hops,
                         kinds=chosen, data=script_json(data), cut=data["cut"], limit=MAX_NETWORK)

    async def sparql(self, request: Request) -> Response:
        params = {k: request.query_params.getlist(k) for k in request.query_params}
        body = await request.body() if request.method == "POST" else b""
        if request.method == "GET" and not params:
            return self.html("sparql.html", title="SPARQL")
        text, refusal = read_protocol(request.method, params, request.headers.get("content-type", ""), body)
        if refusal:
            return self.answer(refusal)
        fmt = (params.get("format") or params.get("output") or [None])[0]
        return self.answer(await run_in_threadpool(self.pool.run, text, accept=request.headers.get("accept"),
                                                   fmt=fmt))

    async def queries(self, request: Request) -> Response:
        return self.html("queries.html", title="named queries", queries=named_queries())

    async def named(self, request: Request) -> Response:
        name = request.path_params["name"]
        queries = named_queries()
        if name not in queries:
            return self.error(404, f"no named query {name!r}; see /queries")
        params = {k: v for k, v in request.query_params.items() if k not in ("format", "output")}
        try:
            text = named_query_text(name, params)
        except ValueError as exc:
            return self.error(400, f"kg: {exc}")
        fmt = request.query_params.get("format")
        accept = request.headers.get("accept", "")
        if fmt or not accept.startswith("text/html"):
            return self.answer(await run_in_threadpool(self.pool.run, text, accept=accept, fmt=fmt))
        answer = await run_in_threadpool(self.pool.run, text, fmt="json")
        if answer.status != 200:
            return self.error(answer.status, answer.body.decode("utf-8", "replace"))
        result = json.loads(answer.body)
        names = result["head"]["vars"]
        rows = [[b.get(n, {}).get("value", "") for n in names] for b in result["results"]["bindings"]]
        return self.html("query.html", title=name, q=queries[name], params=params, names=names, rows=rows)

    async def static_file(self, request: Request) -> Response:
        found = self.static.get(request.path_params["name"])
        if found is None:
            return self.error(404, "no such file")
        return Response(found[0], media_type=found[1], headers={"Cache-Control": "max-age=3600"})

    def routes(self) -> list[Route]:
        return [Route("/", self.home), Route("/search", self.search), Route("/e/{eid:path}", self.entity),
                Route("/f/{n:int}", self.fact), Route("/network/{eid:path}", self.network),
                Route("/sparql", self.sparql, methods=["GET", "POST"]), Route("/queries", self.queries),
                Route("/queries/{name}", self.named), Route("/static/{name}", self.static_file)]


def create_app(outdir: str | Path, options: Options | None = None) -> tuple[Any, QueryPool]:
    """The ASGI app over a build folder, and its worker pool (close it when done)."""
    from kg.serve.store import ensure_store

    options = options or Options()
    outdir = Path(outdir)
    store_dir, _ = ensure_store(outdir)
    archive = Archive.load(outdir, cache=store_dir / "pinyin.json")
    pool = QueryPool(store_dir, size=options.workers, timeout=options.timeout, max_rows=options.max_rows)
    # pypinyin loads its dictionaries (about 2 s) on first use: the first network page would pay it
    threading.Thread(target=search_keys, args=("中文",), daemon=True).start()
    site = Site(archive, pool, outdir)
    return SecurityHeaders(Starlette(routes=site.routes())), pool


def serve(outdir: str | Path, *, host: str = "127.0.0.1", port: int = 8000, options: Options | None = None,
          echo: Any = None) -> None:
    """Start the site and block until interrupted (what `kg serve` calls)."""
    import time

    import uvicorn

    echo = echo or (lambda text, err=False: print(text, file=sys.stderr if err else sys.stdout, flush=True))
    began = time.monotonic()
    sock = listen(host, port)
    app, pool = create_app(outdir, options)
    try:
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
        bound = sock.getsockname()
        shown = f"[{bound[0]}]" if ":" in bound[0] else bound[0]
        echo(f"kg: serving {outdir} at http://{shown}:{bound[1]}/ (ready in {time.monotonic() - began:.1f} s; "
             "SPARQL at /sparql; Ctrl-C stops)")
        if not ipaddress.ip_address(bound[0]).is_loopback:
            echo(f"kg: warning: {bound[0]} is not loopback; anyone who can reach it can read the archive", err=True)
        try:
            server.run(sockets=[sock])
        except KeyboardInterrupt:  # uvicorn re-raises the Ctrl-C it handled; stopping is the normal end
            pass
        echo("kg: stopped")
    finally:
        pool.close()
        sock.close()


def listen(host: str, port: int) -> Any:
    """A listening socket on host:port; OSError says why not (port taken, no such address).

    >>> s = listen("127.0.0.1", 0); s.getsockname()[0]; s.close()
    '127.0.0.1'
    """
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(512)
    except OSError as exc:
        sock.close()
        raise OSError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    sock.set_inheritable(True)
    return sock
