"""kg.parallel: --jobs N writes the same bytes as --jobs 1, in input order; progress; errors."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import EXTRA, write_pages

from kg.parallel import chunksize, extract_all
from kg.pipeline import build
from kg.progress import Progress
from kg.types import Document


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    write_pages(folder)
    return folder


@pytest.fixture(scope="module")
def serial_build(pages, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serial")
    build([str(pages)], out=out, place="聊城市", formats=("json", "turtle"), cache=False)
    return out


def test_two_jobs_write_the_same_bytes(pages, serial_build, tmp_path_factory):
    out = tmp_path_factory.mktemp("jobs2")
    report = build([str(pages)], out=out, place="聊城市", formats=("json", "turtle"), jobs=2, cache=False)
    assert report.documents == 4 and report.entities.get("person", 0) > 20
    for name in ("graph.json", "graph.ttl", "documents.jsonl"):
        assert (out / name).read_bytes() == (serial_build / name).read_bytes(), name


def test_results_come_back_in_input_order():
    docs = [Document(id=f"{i:02d}.txt", text=t, date="2024-02-07", place="聊城市")
            for i, t in enumerate(["市委书记李长萍出席会议。", EXTRA, "副市长李红陪同调研。"] * 2)]
    docs.reverse()
    results = extract_all(docs, jobs=2)
    assert [r["document"]["id"] for r in results] == [d.id for d in docs]
    assert "person/张百顺" in results[1]["entities"] and "person/李长萍" in results[-1]["entities"]
    assert results == extract_all(docs, jobs=1)


@pytest.mark.parametrize("sizes, jobs, expected", [
    ([1_000] * 1_000, 2, 125),        # short pages: about 200k chars a task
    ([1_000] * 10, 2, 1),             # few pages: at least 4 tasks per worker
    ([50] * 100_000, 4, 4_000),       # JSON-lines snippets: big chunks
    ([10**7], 2, 1),                  # one huge document
])
def test_chunksize(sizes, jobs, expected):
    assert chunksize([Document(id=str(i), text="字" * n) for i, n in enumerate(sizes)], jobs) == expected


def test_a_failing_document_is_named(monkeypatch):
    import kg.pipeline

    real = kg.pipeline.extract_document

    def fragile(doc, *, lexicon=None):
        if "坏" in doc.text:
            raise ValueError("bad offsets")
        return real(doc, lexicon=lexicon)

    monkeypatch.setattr(kg.pipeline, "extract_document", fragile)
    docs = [Document(id="ok.txt", text="市委书记李长萍出席会议。"), Document(id="bad.txt", text="坏页")]
    ok, bad = extract_all(docs)
    assert "person/李长萍" in ok["entities"]
    assert bad == {"failed": "extraction failed: ValueError: bad offsets",
                   "document": {"id": "bad.txt", "source": None}}


def test_progress_only_when_asked(capsys):
    docs = [Document(id="a.txt", text="市委书记李长萍出席会议。"), Document(id="b.txt", text=EXTRA)]
    extract_all(docs)
    assert capsys.readouterr().err == ""
    extract_all(docs, progress=True)
    err = capsys.readouterr().err
    assert "2/2 docs" in err and "chars/s" in err and "ETA" in err


@pytest.mark.parametrize("updates, expected, eta", [
    ([(100, False)], "1/4 docs", "ETA ?"),                   # rate counts from the first page done
    ([(100, True), (100, True)], "2/4 docs (2 cached)", "ETA ?"),
    ([(100, False), (100, False)], "2/4 docs", "ETA 0:"),
    ([(100, False)] * 4, "4/4 docs", "ETA 0:00"),
])
def test_progress_line(updates, expected, eta):
    p = Progress(4, chars=400, stream=io.StringIO(), interval=0)
    for chars, cached in updates:
        p.update(chars, cached=cached)
    assert expected in p.line() and eta in p.line()


def test_progress_disabled_writes_nothing():
    out = io.StringIO()
    p = Progress(2, chars=10, enabled=False, stream=out)
    p.update(5)
    p.update(5)
    p.close()
    assert out.getvalue() == ""
