"""SPARQL queries in worker processes that can be killed: the server's time limit.

A pyoxigraph query cannot be interrupted from another thread, so a runaway query in the
server process would hold a core until it ends. Each query runs instead in one of a few
worker processes that opened OUTDIR/.store/ read-only; the server waits for the answer up to
the time limit and otherwise kills the worker and starts a fresh one (opening the on-disk
store takes milliseconds, the whole respawn about half a second). Workers also enforce the
row limit and serialise the results, so only bytes cross the pipe.
"""
from __future__ import annotations

import multiprocessing as mp
import queue
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.serve.results import GRAPH_TYPES, SOLUTION_TYPES, choose_type, write_boolean, write_solutions


@dataclass(frozen=True)
class Answer:
    status: int
    media: str
    body: bytes


def text_answer(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


def run_job(store: ox.Store, job: dict[str, Any]) -> Answer:
    """Run one query and serialise its results as the client asked (in the worker process).

    >>> job = {"query": "SELECT ?x WHERE { VALUES ?x { 1 2 } }", "format": "csv", "max_rows": 1}
    >>> run_job(ox.Store(), job).status, run_job(ox.Store(), {**job, "max_rows": 2}).body
    (413, b'x\\r\\n1\\r\\n2\\r\\n')
    """
    try:
        result = store.query(job["query"], use_default_graph_as_union=True)
    except SyntaxError as exc:
        return text_answer(400, f"kg: the query does not parse: {exc}")
    offered = list(GRAPH_TYPES) if isinstance(result, ox.QueryTriples) else list(SOLUTION_TYPES)
    media = choose_type(job.get("accept"), job.get("format"), offered)
    if media is None:
        return text_answer(406, f"kg: cannot answer in {job.get('format') or job.get('accept')}; offered: {', '.join(offered)}")
    limit = job["max_rows"]
    try:
        if isinstance(result, ox.QueryBoolean):
            return Answer(200, media, write_boolean(bool(result), SOLUTION_TYPES[media]))
        rows = []
        for row in result:
            if len(rows) == limit:
                return text_answer(413, f"kg: the result has more than {limit} rows (the server's --max-rows); "
                                  "add a LIMIT or narrow the query")
            rows.append(row if isinstance(result, ox.QueryTriples) else tuple(row[v] for v in result.variables))
        if isinstance(result, ox.QueryTriples):
            return Answer(200, media, ox.serialize(rows, format=GRAPH_TYPES[media]) or b"")
        names = [v.value for v in result.variables]
        return Answer(200, media, write_solutions(names, rows, SOLUTION_TYPES[media]))
    except (OSError, RuntimeError, ValueError) as exc:
        return text_answer(500, f"kg: the query failed: {exc}")


def _worker_main(store_dir: str, conn: Any) -> None:
    store = ox.Store.read_only(store_dir)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(run_job(store, job))


class _Worker:
    def __init__(self, store_dir: Path):
        ctx = mp.get_context("spawn")  # never fork a threaded server
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(str(store_dir), child), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """`size` workers over one store; `run` waits at most `timeout` seconds for an answer.

    >>> import tempfile; d = Path(tempfile.mkdtemp()) / "s"; ox.Store(str(d)).flush()
    >>> pool = QueryPool(d, size=1, timeout=5)
    >>> pool.run("ASK { ?s ?p ?o }", accept="text/csv").body
    b'_askResult\\r\\nfalse\\r\\n'
    >>> pool.close()
    """

    def __init__(self, store_dir: str | Path, *, size: int = 2, timeout: float = 10.0, max_rows: int = 10000):
        self.store_dir, self.timeout, self.max_rows = Path(store_dir), timeout, max_rows
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self.store_dir)
        with self._lock:
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)
        self._add()

    def run(self, query: str, *, accept: str | None = None, fmt: str | None = None) -> Answer:
        began = time.monotonic()
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return text_answer(503, f"kg: every query worker stayed busy for {self.timeout:g} s; try again")
        job = {"query": query, "accept": accept, "format": fmt, "max_rows": self.max_rows}
        try:
            worker.conn.send(job)
            if worker.conn.poll(max(0.0, self.timeout - (time.monotonic() - began))):
                answer = worker.conn.recv()
                self._idle.put(worker)
                return answer
        except (EOFError, OSError):
            self._replace(worker)
            return text_answer(500, "kg: the query worker died; it was restarted")
        self._replace(worker)
        return text_answer(503, f"kg: the query was stopped after {self.timeout:g} s (the server's --timeout)")

    def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()
