"""Any text, any name (issue 8): random Unicode through the whole pipeline never crashes it, every
output parses back, every offset holds; hostile names cannot break Turtle, N-Triples, JSON-LD, the
HTML page or a named SPARQL query.
"""
from __future__ import annotations

import json
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.extract.base import Lexicon
from kg.graph import assemble
from kg.ingest import Problem, read_documents
from kg.pipeline import extract_document
from kg.types import ENTITY_TYPES, MENTION_TYPES, RELATIONS, Document

FRAGMENTS = [  # pieces of real pages, so the recognisers have something to find among the noise
    "本报讯（记者 朱海波 张颖）", "2月4日，", "市委书记李长萍", "出席会议并讲话。", "市委副书记、市长张百顺主持",
    "山东博源精密机械有限公司", "聊城市高新区", "在东昌府区调研", "“全方位谋划”", "——", "\n\n", "\r\n", "\u3000\u3000",
    "<img src=x onerror=alert(1)>有限公司", "</script><script>alert(1)</script>", '"}]; DROP ALL #', "\\", "{{x}}",
    "\u202e", "\u2028", "\x00", "\x1b[31m", "\ufeff", "𠀀𪚥", "\u0301", "ﬁ", "Ａ１",
]
CHARS = st.characters(exclude_categories=["Cs"])                        # any code point but surrogates
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
PUNCT = st.sampled_from("，。、；：？！“”‘’（）《》【】—…·<>\"'\\{}[]|&#%")
PIECES = st.one_of(st.sampled_from(FRAGMENTS), st.text(CHARS, max_size=8), st.text(CJK, min_size=2, max_size=6),
                   st.text(PUNCT, max_size=3))
TEXTS = st.lists(PIECES, max_size=40).map("".join)
HOSTILE = [  # (name, type): each given to the recognisers through a lexicon
    ("<img src=x onerror=alert(1)>有限公司", "company"),
    ("</script><script>alert('x')</script>集团", "company"),
    ('奥布赖恩 "Bob" O\'Brien \\ 王', "person"),
    ("{{聊城}} ${市委} 协会", "organization"),
    ("聊城\u202e市\u0007委\u200b会", "organization"),
    ("} . ?s ?p ?o } # 办公室", "organization"),
]


def _check_shape(graph: dict) -> None:
    """The kg-json/1 dict as FORMAT.md and the notes describe it."""
    assert graph["format"] == "kg-json/1"
    docs = {d["id"] for d in graph["documents"]}
    ids = {e["id"] for e in graph["entities"]}
    arts = {a["id"] for a in graph["articles"]}
    for e in graph["entities"]:
        assert e["type"] in ENTITY_TYPES and isinstance(e["name"], str) and isinstance(e["attributes"], dict)
        assert e["aliases"] == sorted(set(e["aliases"])) and all(isinstance(a, str) for a in e["aliases"])
    for a in graph["articles"]:
        assert a["document"] in docs and isinstance(a["title"], str) and a["start"] < a["end"]
    for f in graph["facts"]:
        assert f["relation"] in RELATIONS and f["subject"] in ids and f["object"] in ids | {None}
        assert f["sources"] and all(s["document"] in docs and s["article"] in arts for s in f["sources"])
    for m in graph["mentions"]:
        assert m["type"] in MENTION_TYPES and m["document"] in docs and m["entity"] in ids | {None}


def _check_offsets(graph: dict, texts: dict[str, str]) -> None:
    for a in graph["articles"]:
        assert 0 <= a["start"] < a["end"] <= len(texts[a["document"]])
    for m in graph["mentions"]:
        assert texts[m["document"]][m["start"]:m["end"]] == m["text"], m
    for f in graph["facts"]:
        for s in f["sources"]:
            assert 0 <= s["start"] < s["end"] <= len(texts[s["document"]]), s


def _whole_pipeline(docs: list[Document], lexicon: Lexicon | None = None) -> tuple[dict, rdflib.Graph]:
    """extract -> assemble -> the json and turtle exporters -> read both back."""
    from kg.export import export

    graph, _ = assemble([extract_document(d, lexicon=lexicon) for d in docs])
    with tempfile.TemporaryDirectory() as tmp:
        export(graph, "json", Path(tmp) / "graph.json")
        export(graph, "turtle", Path(tmp) / "graph.ttl")
        written = json.loads((Path(tmp) / "graph.json").read_text(encoding="utf-8"))
        rdf = rdflib.Graph().parse(Path(tmp) / "graph.ttl", format="turtle")
    assert written == json.loads(json.dumps(graph, ensure_ascii=False))
    return written, rdf


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXTS, min_size=1, max_size=3))
@example(texts=["市委书记李长萍出席" + "\u3000" * 3 + "会议。" * 2000])          # a very long line
@example(texts=["".join(FRAGMENTS)])
def test_any_text_builds_a_graph_that_parses_back_with_true_offsets(texts):
    docs = [Document(id=f"p{i}.txt", text=t, date="2024-02-07", place="聊城市") for i, t in enumerate(texts)]
    graph, rdf = _whole_pipeline(docs)
    _check_shape(graph)
    _check_offsets(graph, {d.id: d.text for d in docs})
    assert len(rdf) >= len(graph["documents"])


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.one_of(PIECES, st.characters(categories=["Cs"])), max_size=30).map("".join))
def test_json_lines_with_lone_surrogates_build(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "crawl.jsonl"
        path.write_text(json.dumps({"id": "x", "text": text + "市委书记李长萍出席。"}) + "\n", encoding="utf-8")
        (doc,) = [d for d in read_documents([path]) if not isinstance(d, Problem)]
    # JSON joins a high and a low surrogate into one character; what is left alone becomes U+FFFD
    assert doc.text == re.sub("[\ud800-\udfff]", "\ufffd", json.loads(json.dumps(text))) + "市委书记李长萍出席。"
    graph, _ = _whole_pipeline([doc])
    _check_offsets(graph, {"x": doc.text})


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> Path:
    """A real `kg build` of a page naming every hostile name, with a lexicon that makes them entities."""
    from click.testing import CliRunner

    from kg.cli import main

    root = tmp_path_factory.mktemp("hostile")
    (root / "lex.tsv").write_text("".join(f"{n}\t{t}\n" for n, t in HOSTILE), encoding="utf-8")
    page = "".join(f"市委书记李长萍会见了{n}的代表。\n" for n, _ in HOSTILE) + "</script><script>alert(2)</script>"
    (root / "page.txt").write_text(page, encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(root / "page.txt"), "--out", str(root / "out"), "--place",
                                    "聊城市", "--date", "2024-02-07", "--lexicon", str(root / "lex.tsv")])
    assert res.exit_code == 0, res.output
    return root / "out"


def _names(out: Path) -> dict[str, str]:
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    return {e["name"]: e["id"] for e in graph["entities"]}


def test_hostile_names_are_entities_with_their_names_intact(hostile_build):
    assert {n for n, _ in HOSTILE} <= set(_names(hostile_build))


@pytest.mark.parametrize("fmt, ext, parser", [("turtle", "ttl", "turtle"), ("ntriples", "nt", "nt"),
                                               ("jsonld", "jsonld", "json-ld")])
def test_hostile_names_survive_every_rdf_syntax(hostile_build, fmt, ext, parser):
    from kg.export import export

    graph = json.loads((hostile_build / "graph.json").read_text(encoding="utf-8"))
    export(graph, fmt, hostile_build / f"graph.{ext}")
    rdf = rdflib.Graph().parse(hostile_build / f"graph.{ext}", format=parser)
    literals = {str(o) for o in rdf.objects() if isinstance(o, rdflib.Literal)}
    for name, _ in HOSTILE:
        assert name in literals, name
    subjects = {str(s) for s in rdf.subjects()}
    assert all(not re.search(r"[<>\"{}|\\^`\s]", s) for s in subjects)       # IRIs stay IRIs


class _Scripts(HTMLParser):
    """The page's script elements as a browser's tokenizer sees them: (attributes, content)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "script":
            self.scripts.append((dict(attrs), ""))

    def handle_data(self, data):
        if self.tags and self.tags[-1] == "script" and self.scripts:
            self.scripts[-1] = (self.scripts[-1][0], self.scripts[-1][1] + data)

    def handle_endtag(self, tag):
        self.tags.append("/" + tag)


def test_hostile_text_cannot_break_out_of_the_html_page(hostile_build):
    parser = _Scripts()
    parser.feed((hostile_build / "graph.html").read_text(encoding="utf-8"))
    assert [a.get("type") for a, _ in parser.scripts] == ["application/json", None, None]   # no element added
    assert "img" not in parser.tags
    dumped = json.dumps(json.loads(parser.scripts[0][1]), ensure_ascii=False)           # the data still parses
    for name, _ in HOSTILE:
        assert json.dumps(name, ensure_ascii=False)[1:-1] in dumped, name


@pytest.mark.parametrize("name", [n for n, t in HOSTILE if t == "company"] + ["} . ?s ?p ?o } # 办公室"])
def test_a_hostile_parameter_binds_as_a_value_in_a_named_query(hostile_build, name):
    from kg.query import run_query

    cols, rows = run_query(hostile_build, "sources", bindings={"subject": name})
    assert "subject" in cols and all(r[cols.index("subject")] == name for r in rows)
    cols, rows = run_query(hostile_build, "sources", bindings={"subject": name + '"} UNION { ?s ?p ?o'})
    assert rows == []
