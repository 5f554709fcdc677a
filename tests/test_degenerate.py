"""Degenerate pages (issue 16) are built at the cost of real ones, with one warning line:
one person named thousands of times, no 。 anywhere, thousands of events or stories."""
from __future__ import annotations

import gc
import json
import time
from itertools import pairwise

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from kg.bounds import MAX_COPIES, MAX_MENTIONS, MAX_SOURCES
from kg.cli import main
from kg.export.html import find_marks
from kg.extract.base import mention
from kg.extract.events import _outermost
from kg.pipeline import BuildError, build
from kg.text import LONG_SENTENCE, sentences

SENTENCE = "市委书记王明出席会议并讲话，"       # no 。: the whole page is one sentence
REPEATS = 2_000                                # took over 120 s and 0.7 GB before issue 16


def test_one_person_named_thousands_of_times_is_built_with_one_warning(tmp_path):
    page = tmp_path / "lcrb_20240207.txt"
    page.write_text(SENTENCE * REPEATS, encoding="utf-8")
    started = time.perf_counter()
    res = CliRunner().invoke(main, ["build", str(page), "--out", str(tmp_path / "out"), "--place", "聊城市",
                                    "-q", "--no-cache"])
    assert time.perf_counter() - started < 60
    assert res.exit_code == 0, res.output
    assert res.output.strip().splitlines() == [(
        f"kg: warning: {page}: degenerate page: 1 fact read more than {MAX_SOURCES} times "
        f"(holds_position person/王明 organization/中共聊城市委: {REPEATS:,} times); kept its first {MAX_SOURCES} sources; "
        f"3 names mentioned more than {MAX_MENTIONS:,} times (person/王明: {REPEATS:,} times); "
        f"kept the first {MAX_MENTIONS:,} mentions of each")]
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    [fact] = [f for f in graph["facts"] if f["relation"] == "holds_position"]
    assert len(fact["sources"]) == MAX_SOURCES
    assert max(len(s["sentence"]) for s in fact["sources"]) <= LONG_SENTENCE
    assert sum(m["entity"] == "person/王明" for m in graph["mentions"]) == MAX_MENTIONS
    assert all(m["start"] < len(SENTENCE) * MAX_MENTIONS for m in graph["mentions"])      # the first ones


def test_a_real_page_gives_no_warning(tmp_path, seed_text):
    page = tmp_path / "lcrb_20240207.txt"
    page.write_text(seed_text, encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(page), "--out", str(tmp_path / "out"), "--place", "聊城市", "-q"])
    assert res.exit_code == 0 and res.output == ""


@given(st.text(alphabet="出席会议，、；。 ", max_size=4000))
def test_sentences_are_bounded_and_cover_the_text(text):
    spans = sentences(text)
    assert all(0 < e - s <= LONG_SENTENCE for s, e in spans)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace(" ", "") == text.replace(" ", "")


def test_a_sentence_without_a_clause_mark_is_cut_at_the_bound():
    assert [e - s for s, e in sentences("会" * (2 * LONG_SENTENCE + 5))] == [LONG_SENTENCE, LONG_SENTENCE, 5]


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=40)


@given(spans)
def test_outermost_events_match_the_pairwise_definition(raw):
    text = "会" * 80
    found = sorted((mention(s, s + n, text, "event") for s, n in raw), key=lambda m: (m.start, -m.end))
    pairwise = [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end
                                            and (o.end - o.start) > (m.end - m.start) for o in found)]
    assert _outermost(found) == pairwise


@given(st.text(alphabet="王明李华甲乙", max_size=200), st.lists(st.text(alphabet="王明李华", min_size=1, max_size=3), max_size=6))
def test_marks_match_the_pairwise_definition(sentence, names):
    taken: list[list[int]] = []
    for name in sorted(set(names), key=lambda n: (-len(n), n)):
        at = sentence.find(name)
        while at >= 0:
            end = at + len(name)
            if all(end <= a or at >= b for a, b in taken):
                taken.append([at, end])
            at = sentence.find(name, end)
    assert find_marks(sentence, names) == sorted(taken)


def test_a_story_pasted_many_times_keeps_its_first_copies(tmp_path):
    page = tmp_path / "lcrb_20240207.txt"
    story = "本报讯 市委书记王明出席全市安全生产工作会议并讲话。\n"
    page.write_text(story * (MAX_COPIES + 30) + "本报讯 市长李华出席会议。\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(page), "--out", str(tmp_path / "out"), "--place", "聊城市", "-q"])
    assert res.exit_code == 0, res.output
    assert res.output.strip().splitlines() == [(
        f"kg: warning: {page}: degenerate page: 1 story repeated {MAX_COPIES + 30} times; "
        f"kept its first {MAX_COPIES} copies")]
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert len(graph["articles"]) == MAX_COPIES + 1                  # the story after the copies is read
    assert sum(m["entity"] == "person/王明" for m in graph["mentions"]) == MAX_COPIES
    assert {"person/王明", "person/李华"} <= {e["id"] for e in graph["entities"]}
    text = page.read_text(encoding="utf-8")
    assert all(text[m["start"]:m["end"]] == m["text"] for m in graph["mentions"])


def test_a_build_gives_the_cycle_collector_back_whatever_its_end(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("本报讯 市委书记王明出席会议。\n", encoding="utf-8")
    build([str(page)], out=tmp_path / "out", place="聊城市", cache=False)
    assert gc.isenabled()
    with pytest.raises(BuildError):            # nothing readable: the build stops
        build([str(tmp_path / "missing.txt")], out=tmp_path / "out2", place="聊城市", cache=False)
    assert gc.isenabled()
    gc.disable()                               # a caller's own choice is left as it was
    try:
        build([str(page)], out=tmp_path / "out3", place="聊城市", cache=False)
        assert not gc.isenabled()
    finally:
        gc.enable()
