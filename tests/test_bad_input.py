"""Bad input never stops a build (issue 8): one clear line per problem, the good pages built whole,
a summary and a non-zero exit; `--strict` stops at the first; no traceback; no network; no unpickling.
"""
from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]

PAGE = "市委书记李长萍在聊城市高新区调研山东博源精密机械有限公司。"


def _missing(d: Path) -> Path:
    return d / "lcrb_20240208.txt"


def _empty_dir(d: Path) -> Path:
    (d / "scans").mkdir()
    (d / "scans" / "p1.png").write_bytes(b"\x89PNG\r\n")     # a scan kg has no reader for
    return d / "scans"


def _write(name: str, content: bytes | str):
    def make(d: Path) -> Path:
        (d / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return d / name
    return make


def _jsonl(*records: dict | str):
    return _write("crawl.jsonl", "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)
                                           for r in records) + "\n")


def _crawl_with_a_cut_line(d: Path) -> Path:
    return _jsonl({"id": "ok1", "text": PAGE}, '{"id": "b", "text": "市委', {"id": "ok2", "text": PAGE})(d)


BAD_INPUTS = [  # (make the input in a folder, the line a user sees after "kg: skipped <path>")
    (_missing, ": no such file or directory"),
    (_empty_dir, ": directory has no .txt or .jsonl files"),
    (_write("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00"), ": binary file (NUL bytes), not text"),
    (_write("empty.txt", b""), ": empty file"),
    (_write("garbled.txt", b"abc\x80\x81\xfe\xfe\xff\x81\x30\xff\xff" * 20),
     ": undecodable bytes: not UTF-8 (byte 3), GB18030, Big5 or UTF-16"),
    (_jsonl({"id": "ok", "text": PAGE}, '{"id": "cut", "text": "市委书记李'),
     ":2: invalid JSON (Unterminated string starting at column 23)"),
    (_jsonl({"id": "ok", "text": PAGE}, "not json at all"), ":2: invalid JSON (Expecting value at column 1)"),
    (_jsonl({"id": "no-text", "content": PAGE}), ":1: record has no 'text' string (its 'content' may be the text: name it 'text')"),
    (_jsonl({"id": "d", "text": PAGE, "date": ["2024-02-07"]}), ":1: 'date' must be a string, got list"),
    (_jsonl({"id": "d", "text": PAGE, "date": "2024-02-30"}), ":1: 'date' is not a YYYY-MM-DD date: '2024-02-30'"),
    (_jsonl({"id": "p", "text": PAGE, "place": 371500}), ":1: 'place' must be a string, got int"),
    (_jsonl({"id": "twice", "text": PAGE}, {"id": "twice", "text": PAGE + "又"}),
     ":2: duplicate document id 'twice' (first in {path}:1)"),
    (_jsonl({"id": "good.txt", "text": PAGE}), ":1: duplicate document id 'good.txt' (first in {good})"),
    (_write("cut.pdf", b"%PDF-1.4\n"), ": not a readable PDF (PDFSyntaxError: No /Root object! - Is this really a PDF?)"),
    (_write("nav.html", "<html><body><a href=a.html>首页</a></body></html>"),
     ": no article: under 100 Chinese characters of main text (a page whose text is loaded by script?)"),
]


def build(*args: object):
    return CliRunner().invoke(main, ["build", *map(str, args)])


@pytest.fixture()
def good(tmp_path, seed_text) -> Path:
    page = tmp_path / "good.txt"
    page.write_text(seed_text, encoding="utf-8")
    return page


@pytest.mark.parametrize("make, line", BAD_INPUTS, ids=lambda x: getattr(x, "__name__", None))
def test_a_bad_input_is_one_line_and_the_good_page_is_built_whole(tmp_path, good, seed_graph, make, line):
    bad = make(tmp_path)
    res = build(good, bad, "--out", tmp_path / "out", "--place", "聊城市", "--date", "2024-02-07")
    assert "Traceback" not in res.output and isinstance(res.exception, SystemExit)
    expected = f"kg: skipped {bad}" + line.format(path=bad, good=good)
    assert expected in res.stderr.splitlines(), res.stderr
    assert res.stderr.splitlines()[-1] == "kg: 1 input(s) skipped; the rest was built"
    assert res.exit_code == 1
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert "good.txt" in {d["id"] for d in graph["documents"]}
    built = {e["id"] for e in graph["entities"]}
    assert {e["id"] for e in seed_graph["entities"]} <= built     # the good page lost nothing
    assert {"person/李长萍", "company/山东博源精密机械有限公司"} <= built


def test_every_problem_of_one_run_is_listed_then_counted(tmp_path, good):
    bads = [make(tmp_path) for make, _ in BAD_INPUTS[:6]]
    res = build(*bads, good, "--out", tmp_path / "out", "--place", "聊城市")
    skipped = [x for x in res.stderr.splitlines() if x.startswith("kg: skipped ")]
    assert len(skipped) == 6 and res.exit_code == 1 and "Traceback" not in res.output
    assert res.stderr.splitlines()[-1] == "kg: 6 input(s) skipped; the rest was built"
    assert res.stdout.startswith("2 documents, 8 articles")       # good.txt and the good JSONL record


def test_good_records_around_a_bad_line_are_built(tmp_path):
    res = build(_crawl_with_a_cut_line(tmp_path), "--out", tmp_path / "out", "--place", "聊城市", "--date", "2024-02-07")
    assert res.exit_code == 1 and "crawl.jsonl:2: invalid JSON" in res.stderr
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in graph["documents"]] == ["ok1", "ok2"]
    assert "person/李长萍" in {e["id"] for e in graph["entities"]}


def test_strict_makes_the_first_problem_fatal_and_writes_nothing(tmp_path, good):
    bad = _write("empty.txt", b"")(tmp_path)
    res = build(good, bad, _missing(tmp_path), "--strict", "--out", tmp_path / "out")
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert res.stderr.splitlines() == [f"kg: {bad}: empty file"]
    assert not (tmp_path / "out").exists()


def test_nothing_readable_leaves_the_previous_build_as_it_was(tmp_path, good):
    assert build(good, "--out", tmp_path / "out").exit_code == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    res = build(_missing(tmp_path), _write("empty.txt", b"")(tmp_path), "--out", tmp_path / "out")
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert res.stderr.splitlines() == [
        f"kg: skipped {_missing(tmp_path)}: no such file or directory",
        f"kg: skipped {tmp_path / 'empty.txt'}: empty file",
        f"kg: nothing to build: no input could be read; {tmp_path / 'out'} left as it was"]
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()} == before


@pytest.mark.parametrize("out", ["regular-file/out", "regular-file"])
def test_an_unwritable_out_is_one_line(tmp_path, good, out):
    (tmp_path / "regular-file").write_text("not a folder", encoding="utf-8")
    res = build(good, "--out", tmp_path / out)
    assert res.exit_code in (1, 2) and "Traceback" not in res.output
    assert re.search(r"(cannot write outputs: Not a directory|is a file)", res.output), res.output
    assert (tmp_path / "regular-file").read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-be"])
def test_an_encoding_changes_no_entity_and_no_offset(tmp_path, seed_text, seed_graph, encoding):
    from kg.pipeline import build as run_build

    page = tmp_path / "000_6cad7e01a6f62b59.txt"
    page.write_bytes(seed_text.encode(encoding))
    run_build([page], out=tmp_path, place="聊城市", date="2024-02-07", formats=("json",), cache=False)
    graph = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    assert graph["entities"] == seed_graph["entities"]
    assert graph["facts"] == seed_graph["facts"] and graph["mentions"] == seed_graph["mentions"]


def test_a_build_opens_no_socket(tmp_path, good, monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("kg build tried to use the network")
    for name in ("socket", "create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse)
    res = build(good, "--out", tmp_path / "out", "--place", "聊城市", "--date", "2024-02-07", "--no-cache")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "out" / "graph.html").stat().st_size > 0


UNSAFE_LOADS = re.compile(r"^\s*(?:import|from)\s+(?:pickle|cPickle|marshal|shelve|dill|cloudpickle|joblib)\b"
                          r"|allow_pickle\s*=\s*True|\b(?:pickle|marshal|dill)\.loads?\(|torch\.load\(",
                          re.MULTILINE)


def test_kg_never_unpickles():
    sources = sorted((ROOT / "kg").rglob("*.py"))
    assert len(sources) > 20
    found = [f"{p.relative_to(ROOT)}: {m.group().strip()}" for p in sources
             for m in UNSAFE_LOADS.finditer(p.read_text(encoding="utf-8"))]
    assert found == []
    assert UNSAFE_LOADS.search("import pickle\n") and UNSAFE_LOADS.search("np.load(f, allow_pickle=True)")


def test_an_impossible_date_in_a_file_name_is_no_date(tmp_path):
    page = tmp_path / "lcrb_20240231_01.txt"
    page.write_text(PAGE, encoding="utf-8")
    res = build(page, "--out", tmp_path / "out", "--place", "聊城市")
    assert res.exit_code == 0, res.output
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert graph["documents"][0]["date"] is None


def test_a_page_the_extractor_chokes_on_is_one_line_naming_it(tmp_path, good, monkeypatch):
    import kg.pipeline

    real = kg.pipeline.extract_document

    def choke(doc, **kw):
        if doc.id == "bad.txt":
            raise IndexError("string index out of range")
        return real(doc, **kw)
    monkeypatch.setattr(kg.pipeline, "extract_document", choke)
    (tmp_path / "bad.txt").write_text(PAGE, encoding="utf-8")
    res = build(good, tmp_path / "bad.txt", "--out", tmp_path / "out", "--no-cache")
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert f"kg: skipped {tmp_path / 'bad.txt'}: extraction failed: IndexError: string index out of range" \
        in res.stderr.splitlines()
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in graph["documents"]] != [] and "bad.txt" not in {d["id"] for d in graph["documents"]}
    assert any(e["name"] == "李长萍" for e in graph["entities"])       # the good pages are built


@pytest.mark.parametrize("out", ["output", "."])
def test_a_build_never_reads_its_own_results_back(tmp_path, good, monkeypatch, out):
    monkeypatch.chdir(tmp_path)
    for _ in range(2):                      # `kg build .` twice: the second must not read output/*.jsonl
        res = build(".", "--out", out, "--place", "聊城市", "--date", "2024-02-07")
        assert res.exit_code == 0 and res.stderr == "", res.output
    assert res.stdout.startswith("1 documents, 7 articles")


@pytest.mark.parametrize("damage, says", [
    (lambda p: p.write_bytes(p.read_bytes()[:-200]), "unreadable earlier build"),
    (lambda p: p.unlink(), "no earlier build here (documents.jsonl missing)"),
])
def test_into_a_damaged_build_is_one_line_and_changes_nothing(tmp_path, good, damage, says):
    assert build(good, "--out", tmp_path / "out", "--place", "聊城市").exit_code == 0
    damage(tmp_path / "out" / "documents.jsonl")
    before = (tmp_path / "out" / "graph.json").read_bytes()
    page = tmp_path / "more.txt"
    page.write_text(PAGE, encoding="utf-8")
    res = build(page, "--into", tmp_path / "out")
    assert res.exit_code == 1 and "Traceback" not in res.output and says in res.stderr, res.output
    assert len(res.stderr.splitlines()) == 1
    assert (tmp_path / "out" / "graph.json").read_bytes() == before
