"""kg.cache: keys that change with everything that changes a result; only new pages re-extracted."""
from __future__ import annotations

import json

import pytest
from conftest import EXTRA, write_pages

import kg.cache
import kg.pipeline
from kg.cache import ResultCache, code_fingerprint, document_key
from kg.extract.base import Lexicon
from kg.pipeline import build
from kg.types import Document

BASE = Document(id="lcrb_20240207_01.txt", text="市委书记李长萍出席会议。", date="2024-02-07",
                place="聊城市", source="pages/lcrb_20240207_01.txt")


@pytest.mark.parametrize("change", [
    {"id": "lcrb_20240207_02.txt"},
    {"text": "市委书记李长萍出席会议！"},
    {"date": "2024-02-08"},
    {"date": None},
    {"place": "德州市"},
    {"source": "other/lcrb_20240207_01.txt"},
])
def test_key_changes_with_the_document(change):
    assert document_key(Document(**{**BASE.__dict__, **change})) != document_key(BASE)


@pytest.mark.parametrize("lexicon, same", [
    (None, True),
    (Lexicon(), True),
    (Lexicon(entries={"王刚": ("person", ())}), False),
    (Lexicon(suppressed={"高新区"}), False),
])
def test_key_changes_with_the_lexicon(lexicon, same):
    assert (document_key(BASE, lexicon=lexicon) == document_key(BASE)) == same


def test_key_changes_with_the_code():
    assert document_key(BASE, code="a" * 64) != document_key(BASE, code="b" * 64)
    assert document_key(BASE) == document_key(BASE, code=code_fingerprint())


def test_fingerprint_follows_source_and_resource_files(tmp_path, monkeypatch):
    (tmp_path / "extract").mkdir()
    (tmp_path / "resources").mkdir()
    (tmp_path / "extract" / "people.py").write_text("TITLES = ['市长']\n", encoding="utf-8")
    (tmp_path / "resources" / "leaders.tsv").write_text("李长萍\t市委书记\n", encoding="utf-8")
    monkeypatch.setattr(kg.cache, "PACKAGE", tmp_path)

    def fingerprint() -> str:
        code_fingerprint.cache_clear()
        return code_fingerprint()

    try:
        first = fingerprint()
        (tmp_path / "__pycache__").mkdir()
        (tmp_path / "__pycache__" / "people.cpython-311.pyc").write_bytes(b"\0")
        assert fingerprint() == first                       # bytecode is not source
        (tmp_path / "resources" / "leaders.tsv").write_text("李长萍\t市委书记\n张百顺\t市长\n", encoding="utf-8")
        second = fingerprint()
        assert second != first                              # a lexicon edit invalidates
        (tmp_path / "extract" / "people.py").write_text("TITLES = ['市长', '县长']\n", encoding="utf-8")
        assert fingerprint() not in (first, second)         # a code edit invalidates
    finally:
        monkeypatch.undo()
        code_fingerprint.cache_clear()


def test_entries_are_json_and_damage_is_a_miss(tmp_path):
    cache = ResultCache(tmp_path)
    key = document_key(BASE)
    result = {"document": {"id": BASE.id}, "entities": {"person/李长萍": {"name": "李长萍"}}}
    cache.put(key, result)
    path = cache.path(key)
    assert json.loads(path.read_text(encoding="utf-8")) == result
    assert cache.get(key) == result and not list(path.parent.glob("*.tmp"))
    path.write_text('{"document": {"id"', encoding="utf-8")
    assert cache.get(key) is None
    assert cache.get("0" * 64) is None


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """The ids extract_document is called on (in this process: --jobs 1)."""
    calls: list[str] = []
    real = kg.pipeline.extract_document

    def counting(doc, *, lexicon=None):
        calls.append(doc.id)
        return real(doc, lexicon=lexicon)

    monkeypatch.setattr(kg.pipeline, "extract_document", counting)
    return calls


def test_rebuild_extracts_only_new_pages(tmp_path, counted):
    pages = tmp_path / "pages"
    write_pages(pages, n=3)
    out = tmp_path / "out"
    build([str(pages)], out=out, place="聊城市", formats=("json",))
    assert len(counted) == 3
    new = pages / "lcrb_20240210_09.txt"
    new.write_text(EXTRA, encoding="utf-8")
    counted.clear()
    report = build([str(pages)], out=out, place="聊城市", formats=("json",))
    assert counted == [new.name] and report.documents == 4
    fresh = tmp_path / "fresh"
    build([str(pages)], out=fresh, place="聊城市", formats=("json",), cache=False)
    assert (out / "graph.json").read_bytes() == (fresh / "graph.json").read_bytes()


@pytest.mark.parametrize("change", ["place", "lexicon"])
def test_changed_settings_re_extract(tmp_path, counted, change):
    pages = tmp_path / "pages"
    write_pages(pages, n=2)
    out = tmp_path / "out"
    build([str(pages)], out=out, place="聊城市", formats=("json",))
    counted.clear()
    kw = {"place": "德州市"} if change == "place" else {"place": "聊城市",
                                                     "lexicon": Lexicon(entries={"王刚": ("person", ())})}
    build([str(pages)], out=out, formats=("json",), **kw)
    assert len(counted) == 2
