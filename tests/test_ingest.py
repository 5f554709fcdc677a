"""kg.ingest: bytes -> text, paths and JSON lines -> Documents, and one clear Problem per bad input."""
from __future__ import annotations

import json
import os
import random

import pytest

from kg.ingest import Problem, decode, normalise_date, read_documents
from kg.types import Document

PAGE = "本报讯（记者 朱海波）2月4日，市委书记李长萍在聊城市高新区调研山东博源精密机械有限公司。\n"
TAIPEI = "臺灣新聞報導：立法院今日三讀通過預算案，行政院長表示將儘速執行。\n" * 3


@pytest.mark.parametrize("text, encoding", [
    (PAGE, "utf-8"),
    (PAGE, "utf-8-sig"),                  # UTF-8 with a byte-order mark
    (PAGE, "gb18030"),
    (PAGE, "gbk"),
    (PAGE, "utf-16"),                     # with a byte-order mark
    (PAGE, "utf-16-le"),                  # without one: NULs beside ASCII give it away
    (PAGE, "utf-16-be"),
    ("李长萍", "gb18030"),                 # three characters: chardet alone says EUC-JP
    ("聊城市委书记李长萍在会上讲话。", "gbk"),
    (TAIPEI, "big5"),
    ("Liaocheng, 2024-02-07\n", "utf-16"),
])
def test_decode_reads_every_encoding_a_newsroom_writes(text, encoding):
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize("raw, says", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "binary file (NUL bytes)"),
    (b"abc\x80\x81\xfe\xfe\xff\x81\x30\xff\xff" * 10, "undecodable bytes: not UTF-8 (byte 3)"),
    (PAGE.encode()[:-2], "not UTF-8 (byte"),                      # cut inside the last character
    (b"\xef\xbb\xbf\xe8\x81\x8a\xff", "UTF-8 byte-order mark, but invalid UTF-8 at byte 6"),
    (b"\xff\xfe\x00\xd8a\x00", "UTF-16 byte-order mark, but invalid UTF-16 at byte 2"),
])
def test_decode_refuses_what_is_not_text_with_a_reason(raw, says):
    with pytest.raises(ValueError, match=None) as err:
        decode(raw)
    assert says in str(err.value)


def test_random_bytes_are_almost_never_taken_for_text():
    rnd = random.Random(7)
    taken = 0
    for _ in range(100):
        raw = bytes(rnd.randrange(1, 256) for _ in range(400))
        try:
            decode(raw)
            taken += 1
        except ValueError:
            pass
    assert taken <= 3


@pytest.mark.parametrize("value, iso", [
    ("2024-02-07", "2024-02-07"), ("20240207", "2024-02-07"), ("2024/2/7", "2024-02-07"),
    ("2024年2月7日", "2024-02-07"), ("2024-02-07T08:00:00+08:00", "2024-02-07"),
    ("2024-02-30", None), ("2024-13-01", None), ("tomorrow", None), ("", None),
])
def test_normalise_date(value, iso):
    assert normalise_date(value) == iso


def _docs(tmp_path, name: str, content: bytes | str, **kw) -> list[Document | Problem]:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return list(read_documents([path], **kw))


RECORDS = [  # one JSON line -> the problem it is, or None when it is a good record
    (json.dumps({"id": "a", "text": PAGE, "date": "2024-02-07"}, ensure_ascii=False), None),
    (json.dumps({"id": 7, "text": PAGE, "date": 20240207}), None),             # numbers are fine
    ('{"id": "b", "text": "市委书记李长萍', "invalid JSON (Unterminated string starting at column 21)"),
    ("{", "invalid JSON (Expecting property name enclosed in double quotes at column 2)"),
    (json.dumps({"id": "c", "body": PAGE}), "record has no 'text' string (its 'body' may be the text: name it 'text')"),
    (json.dumps({"id": "c", "text": 42}), "record has no 'text' string"),
    (json.dumps({"id": "c", "text": "  \n"}), "record's 'text' is empty"),
    (json.dumps({"id": "d", "text": PAGE, "date": ["2024-02-07"]}), "'date' must be a string, got list"),
    (json.dumps({"id": "d", "text": PAGE, "date": True}), "'date' must be a string, got bool"),
    (json.dumps({"id": "d", "text": PAGE, "date": 2024.5}), "'date' must be a string, got float"),
    (json.dumps({"id": "d", "text": PAGE, "date": "2024-02-30"}), "'date' is not a YYYY-MM-DD date: '2024-02-30'"),
    (json.dumps({"id": "e", "text": PAGE, "place": 371500}), "'place' must be a string, got int"),
    (json.dumps({"id": "e", "text": PAGE, "source": {"url": "x"}}), "'source' must be a string, got dict"),
    (json.dumps({"id": {"n": 1}, "text": PAGE}), "'id' must be a string, got dict"),
    ("[1, 2]", "record is not a JSON object"),
    ('"市委书记李长萍"', "record is not a JSON object"),
]


@pytest.mark.parametrize("line, problem", RECORDS)
def test_each_jsonl_line_is_a_document_or_one_problem_with_its_line_number(tmp_path, line, problem):
    items = _docs(tmp_path, "crawl.jsonl", "\n" + line + "\n")    # the record is on line 2
    assert len(items) == 1
    if problem is None:
        assert isinstance(items[0], Document) and items[0].text == PAGE and items[0].date == "2024-02-07"
    else:
        assert str(items[0]) == f"{tmp_path / 'crawl.jsonl'}:2: {problem}"


def test_jsonl_without_id_or_with_an_empty_one_is_named_after_its_line(tmp_path):
    lines = [{"text": PAGE}, {"id": "", "text": PAGE}, {"id": " ", "text": PAGE}, {"id": "x", "text": PAGE}]
    items = _docs(tmp_path, "crawl.jsonl", "\n".join(json.dumps(x) for x in lines))
    assert [d.id for d in items] == ["crawl.jsonl:1", "crawl.jsonl:2", "crawl.jsonl:3", "x"]


@pytest.mark.parametrize("name, content, problem", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\r\n\t", "empty file"),
    ("bom-only.txt", b"\xef\xbb\xbf", "empty file"),
    ("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes), not text"),
    ("garbled.txt", b"abc\x80\x81\xfe\xfe\xff\x81\x30\xff\xff" * 10, "undecodable bytes"),
    ("empty.jsonl", b"\n\n", "empty file"),
    ("garbled.jsonl", b"\xff\xfe\x00\xd8", "undecodable bytes"),
])
def test_a_bad_file_is_one_problem_naming_it(tmp_path, name, content, problem):
    items = _docs(tmp_path, name, content)
    assert len(items) == 1 and isinstance(items[0], Problem)
    assert str(items[0]).startswith(f"{tmp_path / name}: {problem}")


def test_missing_paths_and_empty_folders_are_problems_and_the_rest_is_read(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.md").write_text("# 说明", encoding="utf-8")
    good = tmp_path / "lcrb_20240207_01.txt"
    good.write_text(PAGE, encoding="gb18030")
    items = list(read_documents([tmp_path / "missing.txt", tmp_path / "empty", tmp_path / "notes", good],
                                place="聊城市"))
    assert [str(i) for i in items[:3]] == [
        f"{tmp_path / 'missing.txt'}: no such file or directory",
        f"{tmp_path / 'empty'}: directory has no .txt or .jsonl files",
        f"{tmp_path / 'notes'}: directory has no .txt or .jsonl files",
    ]
    doc = items[3]
    assert (doc.id, doc.text, doc.date, doc.place) == ("lcrb_20240207_01.txt", PAGE, "2024-02-07", "聊城市")


def test_a_folder_is_read_in_name_order_whatever_the_order_on_disk(tmp_path):
    for root, order in (("a", "321"), ("b", "123")):
        for n in order:
            (tmp_path / root).mkdir(exist_ok=True)
            (tmp_path / root / f"p{n}.txt").write_text(PAGE + n, encoding="utf-8")
    ids = [[d.id for d in read_documents([tmp_path / root])] for root in ("a", "b")]
    assert ids[0] == ids[1] == ["p1.txt", "p2.txt", "p3.txt"]


def test_a_gbk_file_name_becomes_a_readable_id(tmp_path):
    name = "聊城日报_20240207.txt".encode("gbk")      # as unzipped from a Windows archive
    path = tmp_path.joinpath(os.fsdecode(name))
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = read_documents([tmp_path])
    assert (doc.id, doc.date) == ("聊城日报_20240207.txt", "2024-02-07")
    assert doc.source == f"{tmp_path}/聊城日报_20240207.txt"
    json.dumps(doc.__dict__, ensure_ascii=False).encode("utf-8")  # and it can be written


def test_lone_surrogates_in_json_become_replacement_characters_one_for_one(tmp_path):
    line = '{"id": "x\\ud800", "text": "李长萍\\udc00出席\\ud83d\\ude00会议", "place": "聊城\\ud800"}'
    (doc,) = _docs(tmp_path, "crawl.jsonl", line)
    assert (doc.id, doc.text, doc.place) == ("x\ufffd", "李长萍\ufffd出席😀会议", "聊城\ufffd")


def test_pages_of_two_days_with_the_same_file_name_are_two_documents(tmp_path):
    for day in ("20240207", "20240208"):
        (tmp_path / "lcrb" / day).mkdir(parents=True)
        (tmp_path / "lcrb" / day / "01.txt").write_text(PAGE + day, encoding="utf-8")
    (tmp_path / "lcrb" / "20240208" / "crawl.jsonl").write_text(json.dumps({"text": PAGE}), encoding="utf-8")
    docs = list(read_documents([tmp_path / "lcrb"]))
    assert [(d.id, d.date) for d in docs] == [("20240207/01.txt", "2024-02-07"), ("20240208/01.txt", "2024-02-08"),
                                              ("20240208/crawl.jsonl:1", None)]
    (single,) = read_documents([tmp_path / "lcrb" / "20240207" / "01.txt"])
    assert single.id == "01.txt"                            # a file given by itself keeps its name


def test_a_record_may_hold_line_separators_and_crlf_ends_lines(tmp_path):
    text = "市委书记\u2028李长萍\x85出席\u2029会议。"
    items = _docs(tmp_path, "crawl.jsonl", json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\r\n"
                  + json.dumps({"id": "b", "text": PAGE}) + "\r\n")
    assert [(d.id, d.text) for d in items] == [("a", text), ("b", PAGE)]


def test_one_undecodable_line_costs_one_record_not_the_file(tmp_path):
    lines = [json.dumps({"id": f"r{i}", "text": PAGE}, ensure_ascii=False).encode() for i in range(5)]
    lines[2] = lines[2][:30] + b"\xff\xfe" + lines[2][30:]
    items = _docs(tmp_path, "crawl.jsonl", b"\n".join(lines))
    assert [getattr(i, "id", str(i)) for i in items] == [
        "r0", "r1", f"{tmp_path / 'crawl.jsonl'}:3: undecodable bytes: not UTF-8", "r3", "r4"]
