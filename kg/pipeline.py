"""The only file that knows the order of the steps.

    read (ingest) -> clean (text) -> split (articles) -> recognise (extract) ->
    resolve (resolve) -> relate (relate) -> assemble (graph) -> export

`extract_document` is the map step: pure, one document in, one JSON-ready dict out
(cacheable, sendable to a worker). `kg.graph.assemble` is the reduce step.
"""
from __future__ import annotations

import datetime as dt
import json
import multiprocessing as mp
import os
import shutil
import stat
import tempfile
import time
from bisect import bisect_left, bisect_right
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import collector, relate
from kg.articles import split_articles
from kg.bounds import bound_copies, bound_mentions, bound_sources, mentions_in
from kg.dates import story_date
from kg.divisions import check_place, find_home
from kg.extract import recognise as _recognise
from kg.extract import tagger
from kg.extract.base import Context, Lexicon
from kg.extract.people import leaders
from kg.graph import assemble
from kg.homes import homeless, place_problems
from kg.ingest import Problem, read_documents
from kg.io import atomic_write, dumps_json
from kg.lock import LockedError, build_lock
from kg.readers import locator, reader_fields
from kg.render import layout_warning
from kg.resolve import derived_aliases, honorifics, local_entities, merge_event_names
from kg.script import is_traditional, to_simplified, to_traditional
from kg.text import clean
from kg.types import Article, Document, Mention, eid


def context_for(doc: Document, lexicon: Lexicon | None = None) -> Context:
    published = dt.date.fromisoformat(doc.date) if doc.date else None
    return Context(home=find_home(doc.place, text=f"{doc.source or ''}\n{doc.text}"), date=published, lexicon=lexicon or Lexicon())


def recognise(text: str, *, place: str | None = None, lexicon: Lexicon | None = None,
              flat: bool = True) -> list[Mention]:
    """Mentions in a plain text (offsets into `text` as given), for evaluation against
    flat NER corpora: with `flat`, a span inside another (聊城市 in 聊城市人民政府) is dropped.

    >>> [(m.text, m.type) for m in recognise("聊城市人民政府和山东鑫大地控股集团有限公司")]
    [('聊城市人民政府', 'organization'), ('山东鑫大地控股集团有限公司', 'company')]
    """
    doc = Document(id="-", text=text, place=place)
    cleaned = clean(text)
    tagged = tagger.tag(cleaned.text)
    found = _recognise(cleaned.text, context_for(doc, lexicon), tagged=tagged)
    if flat:
        found = _flat(found, cleaned.text, tagged)
    out = []
    for m in found:
        s, e = cleaned.to_original(m.start, m.end)
        out.append(Mention(s, e, text[s:e], m.type, m.key, m.attrs))
    return out


def _flat(found: list[Mention], text: str, tagged: list[tuple[int, int, str, float]]) -> list[Mention]:
    """One layer of spans, as flat NER corpora annotate: the learned tagger's spans (trained on
    those corpora's conventions) first, then the rules' outermost spans where it is silent.
    The rules' places cost a little on CLUENER's long addresses (held-out slice 0.675 with them,
    0.689 without) and are most of the place recall on People's Daily (0.653 with, 0.241 without)."""
    from kg.extract.base import mention

    out = [mention(s, e, text, t) for s, e, t, p in tagged if p >= 0.5]
    for m in sorted(found, key=lambda m: -(m.end - m.start)):
        if not any(o.start < m.end and m.start < o.end for o in out):
            out.append(m)
    return sorted(out, key=lambda m: (m.start, m.end))


def extract_document(doc: Document, *, lexicon: Lexicon | None = None) -> dict[str, Any]:
    """One document -> its entities, facts and mentions, offsets into `doc.text`."""
    ctx = context_for(doc, lexicon)
    cleaned = clean(doc.text)
    written = cleaned.text
    traditional = is_traditional(written)
    text = to_simplified(written) if traditional else written  # same length: offsets hold
    articles, copies = bound_copies(text, _reader_articles(doc, cleaned) or split_articles(text, doc_id=doc.id))
    mentions = _recognise(text, ctx)
    mentions = merge_event_names(mentions + honorifics(text, mentions), [(a.start, a.end) for a in articles])
    if copies:                 # the copies left out leave their mentions out too
        mentions = mentions_in(mentions, articles)
    mentions.sort(key=lambda m: (m.start, -m.end, m.type))
    home_id = f"place/{ctx.home.name}" if ctx.home else None

    found: list[relate.Found] = []
    dates: dict[str, Any] = {}
    place_ids = {eid(m) for m in mentions if m.type == "place"}
    starts = [m.start for m in mentions]  # sorted: each article's mentions are one slice (no quadratic scan)
    for art in articles:
        inside = mentions[bisect_left(starts, art.start):bisect_left(starts, art.end)]
        sc = relate.Scope(text, art.start, art.end, inside, home_id=home_id, published=ctx.date,
                          written=written)
        for ev_id, d in relate.event_dates(sc).items():
            dates.setdefault(ev_id, d)
        found += relate.find_facts(sc, place_ids)

    entities = local_entities(mentions, event_dates=dates, clean_text=written,
                              home=ctx.home.name if ctx.home else None, traditional=traditional)
    for f in found:      # a post names its body even where no span does (市长 -> 聊城市人民政府)
        if f.relation == "holds_position" and f.object and f.object not in entities:
            type_, name = f.object.split("/", 1)
            aliases = derived_aliases(type_, name, ctx.home.name if ctx.home else None)
            shown = to_traditional(name) if traditional else name
            entities[f.object] = {"type": type_, "name": shown, "attributes": {},
                                  "aliases": (aliases | {name}) - {shown}}
    found, many_sources = bound_sources(found)
    mentions, many_mentions = bound_mentions(mentions)
    degenerate = "; ".join(w for w in (copies, many_sources, many_mentions) if w)
    art_of = _article_lookup(articles)
    where = locator(doc)
    result = {
        "document": {"id": doc.id, "date": doc.date, "place": doc.place, "source": doc.source,
                     **reader_fields(doc)},
        "articles": [_article_out(doc, cleaned, a, ctx.date) for a in articles],
        "entities": {k: dict(v, aliases=sorted(v["aliases"])) for k, v in sorted(entities.items())},
        "facts": [_fact_out(doc, cleaned, f, art_of(f.start), where) for f in found
                  if f.subject in entities and (f.object is None or f.object in entities)],
        "mentions": [_mention_out(doc, cleaned, m, where) for m in mentions],
    } | ({"warnings": [f"degenerate page: {degenerate}"]} if degenerate else {})
    if doc.kind != "text":   # the text kg read from a PDF or HTML page: what every offset points into
        result["text"] = doc.text
    return result


def _reader_articles(doc: Document, cleaned) -> list[Article]:
    """The stories a PDF or HTML reader found, in clean offsets; an untitled one may still hold
    several (a column of briefs), so it is split as a text page is."""
    out: list[Article] = []
    for s, e, title in doc.articles:
        cs, ce = bisect_left(cleaned.offsets, s), bisect_left(cleaned.offsets, e)
        parts = [Article("", cs, ce, title)] if title else [
            Article("", cs + a.start, cs + a.end, a.title) for a in split_articles(cleaned.text[cs:ce], doc_id="")]
        out += parts
    return [Article(f"{doc.id}#{n}", a.start, a.end, a.title) for n, a in enumerate(out, start=1)]


def _article_lookup(articles):
    starts = [a.start for a in articles]    # in page order: a bisection, not a scan per fact

    def find(pos: int) -> str:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < articles[i].end:
            return articles[i].id
        return articles[-1].id if articles else ""
    return find


def _article_out(doc: Document, cleaned, a, published: dt.date | None) -> dict[str, Any]:
    s, e = cleaned.to_original(a.start, a.end)
    out = {"id": a.id, "document": doc.id, "start": s, "end": e, "title": a.title}
    when = story_date(cleaned.text[a.start:a.end], published=published)   # what its sightings are dated by
    return dict(out, date=when.isoformat()) if when else out


def _fact_out(doc: Document, cleaned, f: relate.Found, article: str, where) -> dict[str, Any]:
    s, e = cleaned.to_original(f.start, f.end)
    sentence = cleaned.text[f.sentence[0]:f.sentence[1]].strip()
    return {"relation": f.relation, "subject": f.subject, "object": f.object,
            "attributes": dict(f.attributes),
            "sources": [{"document": doc.id, "article": article, "start": s, "end": e, "sentence": sentence,
                         **where(s, e)}]}


def _mention_out(doc: Document, cleaned, m: Mention, where) -> dict[str, Any]:
    s, e = cleaned.to_original(m.start, m.end)
    return {"document": doc.id, "start": s, "end": e, "text": doc.text[s:e], "type": m.type,
            "entity": None if m.type == "title" else f"{m.type}/{m.key}", **where(s, e)}


# ---- a whole build ---------------------------------------------------------------------

@dataclass
class BuildReport:
    """What a build did: counts for the summary line, and every problem met."""

    documents: int = 0
    articles: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)   # built all the same (a degenerate page)
    seconds: float = 0.0
    written: list[str] = field(default_factory=list)


OUTPUTS = ("json", "turtle", "html", "graphml")
RESULTS_FILE = "documents.jsonl"     # per-document results: what `--into` builds on


def build(paths: list[str], *, out: str | Path, place: str | None = None, date: str | None = None,
          lexicon: Lexicon | None = None, jobs: int = 1, into: str | Path | None = None,
          strict: bool = False, formats: tuple[str, ...] = OUTPUTS, progress: bool = False,
          scheduler: str | None = None, cache: bool = True) -> BuildReport:
    """Read `paths`, extract every document, merge, and write the outputs into `out`.

    Bad inputs are reported in `BuildReport.problems` and skipped (with `strict`, the first
    one raises `BuildError`); the good documents are built all the same.
    """
    started = time.perf_counter()
    out = Path(out)
    report = BuildReport()
    if place and (why := check_place(place)):      # 我市 and 市委 would resolve to nothing
        _warn(report, Problem("--place", why), strict)
    with ExitStack() as held:   # the output folder's lock: from here until the outputs are in place
        held.enter_context(collector.paused())
        locked = out.is_dir()   # a build writing here made it: stop before reading any input
        if locked:
            _lock(held, out, report)
        own = [out / RESULTS_FILE, out / "graph.html"]        # a build's own outputs are never its inputs
        inputs = read_documents(paths, date=date, place=place, exclude=own)
        docs = _unique_documents(inputs, report, strict=strict)
        for problem in place_problems(docs, place):
            _warn(report, problem, strict)
        if hint := homeless(docs):              # a hint, never fatal: many pages need no home
            report.warnings.append(hint)
        previous = read_results(Path(into)) if into else []
        known = {r["document"]["id"] for r in previous}
        for d in [d for d in docs if d.id in known]:
            _problem(report, Problem(d.source or d.id, f"duplicate document id {d.id!r} (already in {into})"), strict)
        docs = [d for d in docs if d.id not in known]
        if not docs and not previous:  # never overwrite an earlier build with an empty graph
            raise BuildError(f"nothing to build: no input could be read; {out} left as it was", report.problems)
        try:  # fail before hours of extraction, not after
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BuildError(f"{out}: cannot write outputs: {exc.strerror or exc}", report.problems) from None
        if not locked:
            _lock(held, out, report)
        from kg.parallel import extract_all

        fresh = extract_all(docs, lexicon=lexicon, jobs=jobs, progress=progress,
                            scheduler=scheduler, cache_dir=(out / ".cache") if cache else None)
        for r in (r for r in fresh if "failed" in r):
            _problem(report, Problem(r["document"]["source"] or r["document"]["id"], r["failed"]), strict)
        results = previous + [r for r in fresh if "failed" not in r]
        report.warnings += [Problem(r["document"]["source"] or r["document"]["id"], w)
                            for r in fresh for w in r.get("warnings", ())]
        del fresh, previous        # write_outputs empties `results` once written: their memory goes back
        graph, merges = assemble(results, never_split=set(leaders()))
        if "html" in formats and (why := layout_warning(graph)):
            report.warnings.append(Problem(str(out / "graph.html"), why))
        write_outputs(graph, merges, results, out, formats=formats, report=report, jobs=jobs)
        report.documents = len(graph["documents"])
        report.articles = len(graph["articles"])
        report.entities = dict(Counter(e["type"] for e in graph["entities"]))
        report.facts = dict(Counter(f["relation"] for f in graph["facts"]))
        report.seconds = time.perf_counter() - started
        return report


def _warn(report: BuildReport, warning: Problem, strict: bool) -> None:
    if strict:
        raise BuildError(str(warning), report.problems)
    report.warnings.append(warning)


def _lock(held: ExitStack, out: Path, report: BuildReport) -> None:
    try:
        stale = held.enter_context(build_lock(out))
    except LockedError as exc:
        raise BuildError(f"{out}: {exc}") from None
    except OSError as exc:
        raise BuildError(f"{out}: cannot write outputs: {exc.strerror or exc}") from None
    if stale is not None:
        report.warnings.append(Problem(str(out), f"took over the lock of a build that did not finish (pid {stale})"))


class BuildError(RuntimeError):
    """A problem that stops the build (every problem, with --strict); `problems` met before it."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = list(problems or [])


def _problem(report: BuildReport, problem: Problem, strict: bool) -> None:
    if strict:
        raise BuildError(str(problem))
    report.problems.append(problem)


def _unique_documents(items, report: BuildReport, *, strict: bool) -> list[Document]:
    docs: dict[str, Document] = {}
    for item in items:
        if isinstance(item, Problem):
            _problem(report, item, strict)
        elif item.id in docs:
            _problem(report, Problem(item.source or item.id,
                                     f"duplicate document id {item.id!r} (first in {docs[item.id].source})"), strict)
        else:
            docs[item.id] = item
    return [docs[k] for k in sorted(docs)]


def write_outputs(graph: dict[str, Any], merges: list, results: list[dict[str, Any]], out: Path, *,
                  formats: tuple[str, ...], report: BuildReport, jobs: int = 1) -> None:
    """graph.<ext> for each format, merges.json and the per-document results: all written into a
    staging folder in `out` first, then renamed over the old ones, so a build that fails while
    writing (a full disk, an exporter's error) leaves every earlier output as it was."""
    from kg.export import EXPORTERS

    try:
        out.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(out)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", suffix=".tmp", dir=out))
        try:
            results.sort(key=lambda r: r["document"]["id"])
            atomic_write(staging / RESULTS_FILE, (json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n"
                                                  for r in results))
            results.clear()            # an archive's per-document results are not needed by the exporters
            _export_all(graph, formats, staging, jobs=jobs)
            atomic_write(staging / "merges.json", dumps_json(merges))
            for path in sorted(staging.iterdir()):
                if (out / path.name).exists():  # keep a mode the user gave the earlier file
                    os.chmod(path, stat.S_IMODE((out / path.name).stat().st_mode))
                os.replace(path, out / path.name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        report.written += [str(out / f"graph.{EXPORTERS[name][0]}") for name in formats]
    except OSError as exc:
        raise BuildError(f"{out}: cannot write outputs: {exc.strerror or exc}", report.problems) from None


_GRAPH_FOR_CHILDREN: dict[str, Any] = {}


def _export_all(graph: dict[str, Any], formats: tuple[str, ...], folder: Path, *, jobs: int) -> None:
    """Each format into `folder`; with --jobs > 1 the formats are written side by side in
    forked processes (they share the merged graph copy-on-write), so the serial end of a
    parallel build is shorter."""
    from kg.export import EXPORTERS, export

    if jobs <= 1 or len(formats) < 2 or "fork" not in mp.get_all_start_methods():
        for name in formats:
            export(graph, name, folder / f"graph.{EXPORTERS[name][0]}")
        return
    _GRAPH_FOR_CHILDREN["graph"] = graph
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(formats)), mp_context=mp.get_context("fork")) as pool:
            for done in [pool.submit(_export_one, name, str(folder)) for name in formats]:
                done.result()
    finally:
        _GRAPH_FOR_CHILDREN.clear()


def _export_one(name: str, folder: str) -> None:
    from kg.export import EXPORTERS, export

    export(_GRAPH_FOR_CHILDREN["graph"], name, Path(folder) / f"graph.{EXPORTERS[name][0]}")


def _remove_leftovers(out: Path) -> None:
    """Temporary files and staging folders of a build that was killed while writing."""
    for stale in out.glob(".*.tmp"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)


def read_results(out: Path) -> list[dict[str, Any]]:
    """The per-document results of an earlier build in `out` (for `--into`)."""
    path = out / RESULTS_FILE
    if not path.exists():
        raise BuildError(f"{out}: no earlier build here ({RESULTS_FILE} missing)")
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise BuildError(f"{path}: unreadable earlier build: {exc}") from None
