"""The SPARQL examples of the README (and of docs/rdf.md, its draft) give the output they show.

A ```sparql block followed by a ```text block is run over the RDF export of the hand-annotated
seed page (tests/test_rdf.py: seed_graph) and its table must equal the text block.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_rdf import seed_graph

from kg.export import export
from kg.query import format_rows, run_query

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"^```(\w*)[ \t]*\n(.*?)^```[ \t]*$", re.DOTALL | re.MULTILINE)


def examples(path: Path) -> list[tuple[str, str | None]]:
    """(query, expected table or None) for each ```sparql block, paired with the next block if ```text."""
    blocks = [(m.group(1), m.group(2)) for m in BLOCK.finditer(path.read_text("utf-8"))] if path.exists() else []
    pairs = []
    for i, (lang, body) in enumerate(blocks):
        if lang == "sparql":
            following = blocks[i + 1] if i + 1 < len(blocks) else ("", "")
            pairs.append((body, following[1] if following[0] == "text" else None))
    return pairs


@pytest.fixture(scope="module")
def seed_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    export(seed_graph(), "nquads", out / "graph.nq")
    return out


def _cases(name: str) -> list:
    found = examples(ROOT / name)
    if not found:
        return [pytest.param(None, None, marks=pytest.mark.skip(
            reason=f"{name} has no ```sparql examples yet (docs/rdf.md holds the draft section)"))]
    return [pytest.param(q, t, id=f"{name}#{i + 1}") for i, (q, t) in enumerate(found)]


@pytest.fixture(scope="module")
def built_export(seed_graph: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README's examples run over what `kg build` makes of the example page."""
    out = tmp_path_factory.mktemp("built")
    export(seed_graph, "turtle", out / "graph.ttl")      # what `kg build` writes and `kg query OUTDIR` reads
    return out


@pytest.mark.parametrize(("export_of", "query", "expected"),
                         [pytest.param("built_export", *p.values, marks=p.marks, id=p.id) for p in _cases("README.md")]
                         + [pytest.param("seed_export", *p.values, marks=p.marks, id=p.id)
                            for p in _cases("docs/rdf.md")])
def test_example_shows_its_real_output(request: pytest.FixtureRequest, export_of: str, query: str,
                                       expected: str | None) -> None:
    """README.md runs over the real build of the example page; docs/rdf.md over the gold page."""
    names, rows = run_query(request.getfixturevalue(export_of), query)
    if expected is not None:
        assert format_rows(names, rows, "table") == expected
    else:
        assert names  # runs; no output shown to compare


def test_examples_are_found_in_markdown(tmp_path: Path) -> None:
    md = tmp_path / "x.md"
    md.write_text("text\n```sparql\nSELECT * WHERE {}\n```\nprose\n```text\na\n```\n```sparql\nASK {}\n```\n",
                  encoding="utf-8")
    assert examples(md) == [("SELECT * WHERE {}\n", "a\n"), ("ASK {}\n", None)]
