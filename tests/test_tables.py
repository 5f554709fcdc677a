"""CSV tables (kg/export/tables.py): what Excel and pandas get, and the README that documents them."""
from __future__ import annotations

import copy
import csv
import io
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.export import default_path, export
from kg.export.tables import COLUMNS, ENTITY_TABLES, table_rows, to_csv

pd = pytest.importorskip("pandas", reason="pandas is in the test extra")

ROOT = Path(__file__).resolve().parents[1]
NASTY = 'Acme, "Best"\nLtd'          # a comma, quotes and a newline in one name


def _with_nasty(graph: dict[str, Any]) -> dict[str, Any]:
    g = copy.deepcopy(graph)
    person = next(e for e in g["entities"] if e["type"] == "person")
    g["entities"].append({"id": f"company/{NASTY}", "type": "company", "name": NASTY, "aliases": ["Acme,"],
                          "attributes": {"note": 'say "hi"'}})
    g["facts"].append({"relation": "holds_position", "subject": person["id"], "object": f"company/{NASTY}",
                       "attributes": {"title": "董事长,总经理", "first_seen": "2024-02-07", "start": "2020-01",
                                      "start_evidence": "2020年1月起任", "tenure": 3},
                       "sources": [{"document": "d\n1", "start": 0, "end": 9, "sentence": f'他说："{NASTY}"'}]})
    return g


@pytest.fixture(scope="module")
def graph(seed_graph: dict[str, Any]) -> dict[str, Any]:
    return _with_nasty(seed_graph)


@pytest.fixture(scope="module")
def tables(graph: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    return export(graph, "csv", default_path(out, "csv"))


def _read(tables: Path, name: str) -> Any:
    return pd.read_csv(tables / f"{name}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)


def _expected_rows(graph: dict[str, Any], name: str) -> int:
    facts = graph["facts"]
    if name in ENTITY_TABLES.values():
        kind = next(k for k, v in ENTITY_TABLES.items() if v == name)
        return sum(e["type"] == kind for e in graph["entities"])
    return {"positions": sum(f["relation"] == "holds_position" for f in facts),
            "participation": sum(f["relation"] == "participated" for f in facts),
            "relations": sum(f["relation"] not in ("holds_position", "participated") for f in facts),
            "sources": sum(len(f.get("sources") or ()) for f in facts)}[name]


@pytest.mark.parametrize("name", [n for n in COLUMNS if n != "other_entities"])
def test_each_table_has_its_columns_and_one_row_per_record(tables: Path, graph: dict[str, Any], name: str) -> None:
    frame = _read(tables, name)
    assert list(frame.columns) == COLUMNS[name]
    assert len(frame) == _expected_rows(graph, name) > 0


def test_files_are_utf8_with_a_bom_and_crlf_for_excel(tables: Path) -> None:
    raw = (tables / "people.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.split(b"\n")[0].endswith(b"\r")
    assert "人" not in raw.decode("utf-8-sig").splitlines()[0]   # headers are ASCII
    assert sorted(p.name for p in tables.iterdir()) == sorted(f"{n}.csv" for n in COLUMNS if n != "other_entities")


def test_a_name_with_comma_quote_and_newline_survives(tables: Path) -> None:
    companies = _read(tables, "companies")
    row = companies[companies["name"] == NASTY].iloc[0]
    assert row["aliases"] == "Acme," and row["other"] == '{"note": "say \\"hi\\""}'
    positions = _read(tables, "positions")
    post = positions[positions["body"] == NASTY].iloc[0]
    assert post["title"] == "董事长,总经理" and post["body_id"] == f"company/{NASTY}"
    sources = _read(tables, "sources")
    assert (sources["sentence"] == f'他说："{NASTY}"').sum() == 1 and (sources["document"] == "d\n1").sum() == 1
    with (tables / "companies.csv").open(encoding="utf-8-sig", newline="") as fh:   # the csv module agrees
        assert NASTY in [r["name"] for r in csv.DictReader(fh)]


def test_positions_pass_career_attributes_through(tables: Path) -> None:
    positions = _read(tables, "positions")
    post = positions[positions["body"] == NASTY].iloc[0]
    assert (post["start"], post["start_evidence"], post["end"], post["end_evidence"]) == (
        "2020-01", "2020年1月起任", "", "")
    assert post["other"] == '{"tenure": 3}'
    others = positions[positions["body"] != NASTY]        # the build's own tenures: ISO dates with their evidence
    assert others["start"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert set(others["start_evidence"]) <= {"appointed", "first_seen"}


def test_rows_join_people_to_positions_and_facts_to_sources(tables: Path, graph: dict[str, Any]) -> None:
    people, positions, sources = _read(tables, "people"), _read(tables, "positions"), _read(tables, "sources")
    assert set(positions["person_id"]) <= set(people["id"])
    assert set(sources["fact"]) <= set(positions["fact"]) | set(_read(tables, "participation")["fact"]) | set(
        _read(tables, "relations")["fact"])
    counted = {f"{r['person']}|{r['title']}": int(r["documents"]) for _, r in positions.iterrows()}
    assert all(n >= 1 for n in counted.values())


def test_same_graph_same_bytes_and_the_folder_is_replaced_whole(graph: dict[str, Any], tmp_path: Path) -> None:
    export(graph, "csv", tmp_path / "a")
    shuffled = dict(graph, entities=graph["entities"][::-1], facts=graph["facts"][::-1])
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "stale.csv").write_text("old", encoding="utf-8")
    export(shuffled, "csv", tmp_path / "b")
    assert {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()} == {
        p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]     # no temporary folders left


def test_an_entity_of_another_type_gets_its_own_table() -> None:
    rows = table_rows({"entities": [{"id": "product/x", "type": "product", "name": "x", "attributes": {"k": 1}}]})
    assert rows["other_entities"][0]["type"] == "product" and rows["other_entities"][0]["other"] == '{"k": 1}'


# --- the README documents the tables and runs a pandas example --------------------------------

def readme_section() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    start = text.index("## Tables for spreadsheets and pandas")
    return text[start:text.index("\n## ", start + 1)]


def test_the_readme_lists_every_column_of_every_table() -> None:
    listed = {m.group(1): re.findall(r"`([a-z_]+)`", m.group(2))
              for m in re.finditer(r"^\| `(\w+)\.csv` \| (.*?) \|", readme_section(), re.MULTILINE)}
    assert listed == COLUMNS


def test_the_readme_pandas_example_prints_what_it_shows(seed_graph: dict[str, Any], tmp_path: Path) -> None:
    blocks = re.findall(r"```(\w+)\n(.*?)```", readme_section(), re.DOTALL)
    code = next(body for lang, body in blocks if lang == "python")
    shown = blocks[[lang for lang, _ in blocks].index("python") + 1]
    assert shown[0] == "text"
    export(seed_graph, "csv", default_path(tmp_path / "output", "csv"))
    (tmp_path / "example.py").write_text(code, encoding="utf-8")
    run = subprocess.run([sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True,
                         encoding="utf-8", timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout == shown[1]


def test_kg_export_csv_writes_the_tables_folder(graph: dict[str, Any], tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main
    from kg.io import atomic_write, dumps_json

    atomic_write(tmp_path / "graph.json", dumps_json(graph))
    result = CliRunner().invoke(main, ["export", str(tmp_path), "--format", "csv"])
    assert result.exit_code == 0 and result.output == f"wrote {tmp_path / 'tables'}\n"
    assert len(_read(tmp_path / "tables", "people")) == _expected_rows(graph, "people")


@settings(max_examples=30, deadline=None)
@given(name=st.text(min_size=1, max_size=20))
def test_any_name_survives_the_csv_round_trip_through_pandas(name: str) -> None:
    graph = {"entities": [{"id": f"person/{name}", "type": "person", "name": name, "aliases": []}], "facts": []}
    text = "\ufeff" + to_csv(table_rows(graph)["people"], COLUMNS["people"])
    frame = pd.read_csv(io.StringIO(text.lstrip("\ufeff")), dtype=str, keep_default_na=False)
    assert frame["name"].tolist() == [name] and frame["id"].tolist() == [f"person/{name}"]
