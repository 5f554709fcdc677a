"""The map step over many documents: in this process, in N worker processes, or on a Dask
cluster; cached results are reused and only the rest is extracted.

Workers load jieba and the models once (the pool initializer), not per document. Results
come back in input order whatever ran them, so `--jobs N` and `--scheduler` write the same
bytes as `--jobs 1`. Documents are handed out lazily (a bounded window in flight), so the
parent never holds a second pickled copy of the corpus.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from kg import collector
from kg.cache import ResultCache, code_fingerprint, document_key
from kg.extract.base import Lexicon
from kg.progress import Progress
from kg.types import Document

Result = dict[str, Any]
CONNECT_TIMEOUT = "20s"
CHUNK_CHARS = 200_000     # about a second of work: enough to hide IPC, small enough to balance
WARM_UP = Document(id="warm-up", text="本报讯 市委书记李长萍在聊城市高新区调研山东博源精密机械有限公司。",
                   date="2024-02-07", place="聊城市")


def extract_all(docs: Sequence[Document], *, lexicon: Lexicon | None = None, jobs: int = 1,
                progress: bool = False, scheduler: str | None = None,
                cache_dir: Path | None = None) -> list[Result]:
    """Per-document results for `docs`, in order (cached ones read back, the rest extracted).

    >>> d = Document(id="a.txt", text="市委书记李长萍出席会议。", date="2024-02-07", place="聊城市")
    >>> [e for e in extract_all([d])[0]["entities"]]
    ['organization/中共聊城市委', 'person/李长萍']
    """
    docs = list(docs)
    cache = ResultCache(cache_dir) if cache_dir is not None else None
    code = code_fingerprint() if cache else ""
    keys = [document_key(d, lexicon=lexicon, code=code) if cache else "" for d in docs]
    bar = Progress(len(docs), chars=sum(len(d.text) for d in docs), enabled=progress)
    results: list[Result | None] = [None] * len(docs)
    todo = []
    for i, d in enumerate(docs):
        results[i] = cache.get(keys[i]) if cache else None
        if results[i] is None:
            todo.append(i)
        else:
            bar.update(len(d.text), cached=True)
    try:
        fresh = run_map([docs[i] for i in todo], lexicon=lexicon, jobs=jobs, scheduler=scheduler)
        for i, res in zip(todo, fresh):
            results[i] = res
            if cache and "failed" not in res:
                cache.put(keys[i], res)
            bar.update(len(docs[i].text))
    finally:
        bar.close()
    return results  # type: ignore[return-value]


def run_map(docs: list[Document], *, lexicon: Lexicon | None = None, jobs: int = 1,
            scheduler: str | None = None) -> Iterator[Result]:
    """extract_document over `docs`, yielded in order, here, in a pool or on a cluster."""
    if not docs:
        return iter(())
    if scheduler:
        return _on_dask(docs, lexicon=lexicon, scheduler=scheduler)
    if jobs > 1 and len(docs) > 1:
        return _in_pool(docs, lexicon=lexicon, jobs=min(jobs, len(docs)))
    _init_worker(lexicon, warm=False)
    return map(_extract, docs)


# ---- worker side -------------------------------------------------------------------------

_worker_lexicon: Lexicon | None = None


def _init_worker(lexicon: Lexicon | None, warm: bool = True) -> None:
    """Pool initializer: keep the lexicon, load jieba and the models, run one tiny page."""
    global _worker_lexicon
    _worker_lexicon = lexicon
    if warm:
        from kg.pipeline import extract_document
        from kg.segment import warm_up

        warm_up()
        extract_document(WARM_UP, lexicon=lexicon)


def _init_pool_worker(lexicon: Lexicon | None) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's: it stops the pool, once
    collector.pause_for_good()                      # a worker of ours only extracts
    _init_worker(lexicon)


def _extract(doc: Document) -> Result:
    from kg.pipeline import extract_document

    try:
        return extract_document(doc, lexicon=_worker_lexicon)
    except Exception as exc:  # noqa: BLE001 -- one page the extractor chokes on must not cost the archive
        return failed(doc, f"extraction failed: {type(exc).__name__}: {exc}")
    finally:
        collector.collect_now_and_then()


def failed(doc: Document, message: str) -> Result:
    """The result of a document that could not be extracted: the build skips and reports it."""
    return {"failed": message, "document": {"id": doc.id, "source": doc.source}}


def _extract_with(doc: Document, lexicon: Lexicon | None) -> Result:
    global _worker_lexicon
    _worker_lexicon = lexicon
    return _extract(doc)


# ---- local processes ---------------------------------------------------------------------

def mp_context() -> mp.context.BaseContext:
    """'forkserver' where the platform has it (no inherited threads or locks), else 'spawn'."""
    return mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")


def chunksize(docs: Sequence[Document], jobs: int) -> int:
    """Documents per task: about CHUNK_CHARS of text, but at least 4 tasks per worker.

    >>> small = [Document(id=str(i), text="字" * 1000) for i in range(1000)]
    >>> chunksize(small, 2), chunksize(small[:10], 2), chunksize([Document(id="x", text="字" * 10**6)] * 8, 2)
    (125, 1, 1)
    """
    avg = max(1, sum(len(d.text) for d in docs) // max(1, len(docs)))
    return max(1, min(CHUNK_CHARS // avg, len(docs) // (4 * jobs)))


def _in_pool(docs: list[Document], *, lexicon: Lexicon | None, jobs: int) -> Iterator[Result]:
    ctx = mp_context()
    if ctx.get_start_method() == "forkserver":   # workers fork from a server that imported kg once
        ctx.set_forkserver_preload(["kg.pipeline"])
    with ctx.Pool(jobs, initializer=_init_pool_worker, initargs=(lexicon,)) as pool:
        yield from pool.imap(_extract, docs, chunksize=chunksize(docs, jobs))


# ---- a Dask cluster ----------------------------------------------------------------------

def _on_dask(docs: list[Document], *, lexicon: Lexicon | None, scheduler: str) -> Iterator[Result]:
    """Extract on the cluster at `scheduler`, at most a few tasks per worker thread in flight."""
    from kg.pipeline import BuildError

    try:
        from distributed import Client
    except ImportError:
        raise BuildError("--scheduler needs Dask: pip install 'dask[distributed]' (or kg[dist])") from None
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise BuildError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        client.run(_init_worker, lexicon)
        threads = sum(client.nthreads().values()) or 1
        lex = client.scatter(lexicon, broadcast=True) if lexicon is not None else None
        yield from _windowed(client, docs, lex, window=4 * threads)


def _windowed(client, docs: Iterable[Document], lexicon, *, window: int) -> Iterator[Result]:
    it = iter(docs)
    flight = deque(client.submit(_extract_with, d, lexicon, pure=False) for d in islice(it, window))
    while flight:
        res = flight.popleft().result()
        nxt = next(it, None)
        if nxt is not None:
            flight.append(client.submit(_extract_with, nxt, lexicon, pure=False))
        yield res


def default_jobs() -> int:
    """The CPUs this process may use (for `--jobs 0` = all).

    >>> default_jobs() >= 1
    True
    """
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
