"""A folder of CSV tables for Excel and pandas: one table per entity type, positions,
participation, the other relations and the sources of every fact.

The columns of each table are data (`COLUMNS`), documented in the README
(tests/test_tables.py checks that the README lists exactly these). The files are UTF-8 with a
byte-order mark, so Excel on Windows shows Chinese right, and pandas reads them with
`encoding="utf-8-sig"`. Fields with a comma, a quote or a newline are quoted (RFC 4180).
Fact ids are the ones of the RDF export (`kg.export.rdf_model.fact_ids`), so a row of
`sources.csv` joins to its fact, and a fact to `<base>fact/<id>` in the triple store.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.export.rdf_model import fact_ids
from kg.io import atomic_write
from kg.pinyin import to_pinyin

SEPARATOR = "|"
# entity type -> table; entities of any other type go to OTHER_ENTITIES
ENTITY_TABLES = {"person": "people", "organization": "organisations", "place": "places",
                 "company": "companies", "event": "events"}
OTHER_ENTITIES = "other_entities"
_ENTITY = ["id", "name", "pinyin", "aliases", "mentions", "documents"]
# table -> columns, in order; `other` holds the attributes no column names, as JSON
COLUMNS: dict[str, list[str]] = {
    "people": [*_ENTITY, "role", "other"],
    "organisations": [*_ENTITY, "other"],
    "places": [*_ENTITY, "level", "code", "other"],
    "companies": [*_ENTITY, "other"],
    "events": [*_ENTITY, "date", "end_date", "venue", "other"],
    OTHER_ENTITIES: [*_ENTITY, "type", "other"],
    "positions": ["fact", "person", "title", "body", "change", "first_seen", "last_seen", "documents",
                  "start", "end", "start_evidence", "end_evidence", "person_id", "body_id", "other"],
    "participation": ["fact", "event", "date", "person", "role", "order", "documents", "event_id",
                      "person_id", "other"],
    "relations": ["fact", "relation", "subject", "object", "amount", "change", "first_seen", "last_seen",
                  "documents", "subject_id", "object_id", "subject_type", "object_type", "other"],
    "sources": ["fact", "relation", "document", "article", "start", "end", "sentence"],
}
_SPECIAL = {"holds_position": "positions", "participated": "participation"}
# the order of the rows of each fact table (the fact id breaks ties)
ROW_ORDER: dict[str, tuple[str, ...]] = {
    "positions": ("person_id", "body_id", "title"),
    "participation": ("date", "event_id", "order", "person_id"),
    "relations": ("relation", "subject_id", "object_id"),
    "sources": ("document", "start", "end"),
}


def _sort_key(row: dict[str, Any], keys: tuple[str, ...]) -> tuple[Any, ...]:
    # numbers before text, None first: rows of any content sort without a TypeError
    return tuple((0, v, "") if isinstance(v, (int, float)) and not isinstance(v, bool) else (1, 0, str(v or ""))
                 for v in (row.get(k) for k in keys)) + (row["fact"],)


def cell(value: Any) -> str | int | float:
    """A value as one CSV cell: lists joined with `|`, dicts as JSON, None as empty.

    >>> cell(["聊城", "我市"]), cell(None), cell({"a": 1}), cell(3)
    ('聊城|我市', '', '{"a": 1}', 3)
    """
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return SEPARATOR.join(str(v) for v in value if v is not None)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return str(value).lower()
    return value if isinstance(value, (int, float)) else str(value)


def _mention_counts(graph: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """entity id -> (mentions, distinct documents)."""
    counts: dict[str, list[Any]] = {}
    for m in graph.get("mentions") or ():
        if m.get("entity"):
            entry = counts.setdefault(m["entity"], [0, set()])
            entry[0] += 1
            entry[1].add(m.get("document"))
    return {k: (n, len(docs)) for k, (n, docs) in counts.items()}


def _other(attrs: dict[str, Any], columns: Iterable[str]) -> str:
    rest = {k: v for k, v in attrs.items() if k not in columns and v is not None}
    return json.dumps(rest, ensure_ascii=False, sort_keys=True) if rest else ""


def entity_rows(graph: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Rows of the entity tables, by table name, sorted by id.

    >>> rows = entity_rows({"entities": [{"id": "person/李长萍", "type": "person", "name": "李长萍",
    ...     "aliases": ["李书记"], "attributes": {"role": "official", "born": 1966}}]})
    >>> {k: rows["people"][0][k] for k in ("name", "pinyin", "aliases", "role", "other")}
    {'name': '李长萍', 'pinyin': 'li chang ping', 'aliases': ['李书记'], 'role': 'official', 'other': '{"born": 1966}'}
    """
    counts = _mention_counts(graph)
    tables: dict[str, list[dict[str, Any]]] = {}
    for e in sorted(graph.get("entities") or (), key=lambda e: str(e["id"])):
        table = ENTITY_TABLES.get(e.get("type", ""), OTHER_ENTITIES)
        attrs = dict(e.get("attributes") or {}, type=e.get("type"))
        n, docs = counts.get(e["id"], (0, 0))
        row = {"id": e["id"], "name": e.get("name"), "pinyin": to_pinyin(str(e.get("name") or "")).strip(),
               "aliases": e.get("aliases") or [], "mentions": n, "documents": docs}
        named = COLUMNS[table]
        row.update({k: attrs.get(k) for k in named if k not in row and k != "other"})
        row["other"] = _other(attrs, [*named, "type"] if table != OTHER_ENTITIES else named)
        tables.setdefault(table, []).append(row)
    return tables


def _documents(fact: dict[str, Any]) -> int:
    return len({s.get("document") for s in fact.get("sources") or ()})


def fact_rows(graph: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Rows of positions, participation, relations and sources (ids as in the RDF export), sorted by ROW_ORDER.

    >>> g = {"entities": [{"id": "person/甲", "type": "person", "name": "甲"},
    ...                   {"id": "organization/乙局", "type": "organization", "name": "乙局"}],
    ...      "facts": [{"relation": "holds_position", "subject": "person/甲", "object": "organization/乙局",
    ...                 "attributes": {"title": "局长"}, "sources": [{"document": "d", "start": 0, "end": 4,
    ...                 "sentence": "局长甲说"}]}]}
    >>> rows = fact_rows(g)
    >>> [(r["person"], r["title"], r["body"], r["documents"]) for r in rows["positions"]]
    [('甲', '局长', '乙局', 1)]
    >>> [(r["document"], r["start"], r["sentence"]) for r in rows["sources"]]
    [('d', 0, '局长甲说')]
    """
    names = {e["id"]: e.get("name") for e in graph.get("entities") or ()}
    types = {e["id"]: e.get("type") for e in graph.get("entities") or ()}
    dates = {e["id"]: (e.get("attributes") or {}).get("date") for e in graph.get("entities") or ()}
    tables: dict[str, list[dict[str, Any]]] = {"positions": [], "participation": [], "relations": [], "sources": []}
    for fid, fact in fact_ids(graph.get("facts") or ()):
        table = _SPECIAL.get(fact["relation"], "relations")
        attrs = dict(fact.get("attributes") or {})
        s, o = fact["subject"], fact.get("object")
        row: dict[str, Any] = {"fact": fid, "documents": _documents(fact)}
        if table == "positions":
            row.update(person=names.get(s), person_id=s, body=names.get(o), body_id=o)
        elif table == "participation":
            row.update(person=names.get(s), person_id=s, event=names.get(o), event_id=o, date=dates.get(o))
        else:
            row.update(relation=fact["relation"], subject=names.get(s), subject_id=s, subject_type=types.get(s),
                       object=names.get(o), object_id=o, object_type=types.get(o))
        row.update({k: attrs.get(k) for k in COLUMNS[table] if k not in row and k != "other"})
        row["other"] = _other(attrs, COLUMNS[table])
        tables[table].append(row)
        for src in sorted(fact.get("sources") or (), key=lambda x: (str(x.get("document")), x.get("start") or 0)):
            tables["sources"].append({"fact": fid, "relation": fact["relation"], **{
                k: src.get(k) for k in ("document", "article", "start", "end", "sentence")}})
    for name, rows in tables.items():
        rows.sort(key=lambda r, keys=ROW_ORDER[name]: _sort_key(r, keys))
    return tables


def table_rows(graph: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows, by name (the five entity tables and the four fact tables always,
    other_entities only when an entity has another type)."""
    tables = {name: [] for name in COLUMNS if name != OTHER_ENTITIES}
    tables.update(entity_rows(graph))
    tables.update(fact_rows(graph))
    return tables


def to_csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """CSV text with a header row, CRLF line ends (RFC 4180, as Excel writes) and minimal quoting.

    >>> to_csv([{"name": '甲,"乙"\\n丙', "n": 1}], ["name", "n"])
    'name,n\\r\\n"甲,""乙""\\n丙",1\\r\\n'
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([[cell(row.get(c)) for c in columns] for row in rows])
    return out.getvalue()


def generate_tables(graph: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(file name, CSV text) of each table, in a fixed order."""
    for name, rows in table_rows(graph).items():
        yield f"{name}.csv", to_csv(rows, COLUMNS[name])


def write_tables(graph: dict[str, Any], path: str | Path, **_: Any) -> None:
    """Write the tables into the folder `path` (UTF-8 with BOM), replacing it whole: the new
    folder is filled beside it and renamed over it, so a reader never sees half of it.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "tables"
    >>> write_tables({"entities": [{"id": "place/聊城市", "type": "place", "name": "聊城市"}]}, out)
    >>> sorted(p.name for p in out.iterdir())[:3]
    ['companies.csv', 'events.csv', 'organisations.csv']
    >>> (out / "places.csv").read_bytes()[:3] == b"\\xef\\xbb\\xbf"
    True
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        for name, text in generate_tables(graph):
            atomic_write(staging / name, "\ufeff" + text)
        os.chmod(staging, 0o777 & ~_umask())
        old = None
        if path.exists():
            old = path.with_name(f".{path.name}.old.tmp")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(path, old)
        os.replace(staging, path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask
