"""SPARQL over an export (embedded pyoxigraph) or over any SPARQL 1.1 endpoint (HTTP).

Named queries live in ontology/queries/*.rq; a header line `# param NAME KIND: text` declares
a parameter (KIND: zh = a Chinese name, string, iri, integer, date). Parameters are bound as RDF
terms, never spliced into the query as text: they become a VALUES block opening the WHERE group,
whose terms pyoxigraph serialises (quotes, backslashes, newlines escaped). The same rewritten
query runs locally and over HTTP, so both give the same answers. (pyoxigraph's `substitutions`
would need every parameter in the SELECT projection, and no SPARQL endpoint has them.)
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.io import dumps_json
from kg.vocab import ONTOLOGY_DIR, PREFIXES

QUERY_DIR = ONTOLOGY_DIR / "queries"
# in a directory, the export loaded first: quads keep the article graphs
EXPORT_FILES = ("graph.nq", "graph.trig", "graph.ttl", "graph.nt", "graph.jsonld", "graph.json")
_PARAM = re.compile(r"^#\s*param\s+(\w+)\s+(zh|string|iri|integer|date)\s*:\s*(.*)$", re.MULTILINE)
Row = tuple[Any, ...]


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    description: str
    params: dict[str, tuple[str, str]]  # name -> (kind, help)


def read_query(text: str, name: str = "") -> NamedQuery:
    """A query with its declared parameters.

    >>> q = read_query("# Officials.\\n# param org zh: a name\\nSELECT * WHERE { ?s ?p ?org }")
    >>> q.description, q.params
    ('Officials.', {'org': ('zh', 'a name')})
    """
    first = text.lstrip().splitlines()[0] if text.strip() else ""
    description = first.lstrip("# ").strip() if first.startswith("#") and not _PARAM.match(first) else ""
    params = {m.group(1): (m.group(2), m.group(3).strip()) for m in _PARAM.finditer(text)}
    return NamedQuery(name, text, description, params)


def named_queries() -> dict[str, NamedQuery]:
    """Every query of ontology/queries, by file stem.

    >>> sorted(named_queries())[:3]
    ['at_date', 'co_attendance', 'companies_by_place']
    """
    return {p.stem: read_query(p.read_text("utf-8"), p.stem) for p in sorted(QUERY_DIR.glob("*.rq"))}


def to_term(value: Any, kind: str = "string") -> ox.NamedNode | ox.Literal:
    """A parameter value as an RDF term of the declared kind (raises ValueError when it is not one).

    >>> to_term("李长萍", "zh")
    <Literal value=李长萍 language=zh>
    >>> str(to_term('"} ; DROP ALL #'))
    '"\\\\"} ; DROP ALL #"'
    """
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    text = re.sub("[\ud800-\udfff]", "", str(value))
    if kind == "zh":
        return ox.Literal(text, language="zh")
    if kind == "iri":
        return ox.NamedNode(text.strip("<>"))
    if kind == "integer":
        return ox.Literal(str(int(text)), datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))
    if kind == "date":
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", text):
            raise ValueError(f"not a date (YYYY-MM-DD): {text!r}")
        return ox.Literal(text, datatype=ox.NamedNode(PREFIXES["xsd"] + "date"))
    return ox.Literal(text)


def _terms(query: NamedQuery, bindings: dict[str, Any] | None) -> dict[str, ox.NamedNode | ox.Literal]:
    out = {}
    for key, value in (bindings or {}).items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            raise ValueError(f"not a variable name: {key!r}")
        if query.params and key not in query.params:  # a typo would silently bind nothing
            raise ValueError(f"unknown parameter {key!r}; {query.name or 'the query'} takes: {', '.join(query.params)}")
        out[key] = to_term(value, query.params.get(key, ("string", ""))[0])
    return out


def _export_file(source: str | Path) -> Path:
    path = Path(source)
    if path.is_dir():
        found = next((path / n for n in EXPORT_FILES if (path / n).exists()), None)
        if found is None:
            raise FileNotFoundError(f"no export in {path} (looked for {', '.join(EXPORT_FILES)})")
        kg_json = path / "graph.json"
        if kg_json.exists() and kg_json.stat().st_mtime_ns > found.stat().st_mtime_ns:
            return kg_json  # an RDF export older than the graph would answer from stale data
        return found
    if not path.exists():
        raise FileNotFoundError(path)
    return path


@lru_cache(maxsize=4)
def _load(path: Path, mtime_ns: int, size: int) -> ox.Store:
    """An in-memory store of one export; cached while the file is unchanged."""
    store = ox.Store()
    if path.suffix == ".json":  # kg-json: convert on the fly
        from kg.export.rdf import to_dataset
        store.bulk_extend(to_dataset(json.loads(path.read_text("utf-8"))))
    else:
        store.bulk_load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix.lstrip(".")))
    return store


def load_store(source: str | Path) -> ox.Store:
    """The store of an export directory or file, loaded once per session."""
    path = _export_file(source).resolve()
    stat = path.stat()
    return _load(path, stat.st_mtime_ns, stat.st_size)


def _value(term: Any) -> Any:
    return None if term is None else term.value


def _run_local(store: ox.Store, query: NamedQuery, terms: dict[str, Any]) -> tuple[list[str], list[Row]]:
    result = store.query(with_values(query.text, terms), use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        return ["result"], [(bool(result),)]
    if isinstance(result, ox.QueryTriples):
        return ["subject", "predicate", "object"], [tuple(_value(t) for t in tr) for tr in result]
    names = [v.value for v in result.variables]
    return names, [tuple(_value(row[n]) for n in names) for row in result]


def with_values(text: str, terms: dict[str, Any]) -> str:
    """The query with a VALUES block of escaped terms opening its WHERE group, and the kg prefixes.

    >>> q = with_values("SELECT ?p WHERE { ?p ?x ?n }", {"n": ox.Literal('a"} ; DROP ALL', language="zh")})
    >>> q[q.index("SELECT"):]
    'SELECT ?p WHERE { VALUES (?n) { ("a\\\\"} ; DROP ALL"@zh) }  ?p ?x ?n }'
    """
    declared = {m.group(1) for m in re.finditer(r"PREFIX\s+(\w*):", text, re.IGNORECASE)}
    # on the first line, so that a syntax error still points at the user's line number
    header = "".join(f"PREFIX {p}: <{iri}> " for p, iri in PREFIXES.items() if p not in declared)
    if not terms:
        return header + text
    names = sorted(terms)
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(str(terms[n]) for n in names)}) }} "
    # find WHERE outside comment lines ("#" inside strings and IRIs is not a comment)
    code = re.sub(r"(?m)^[ \t]*#[^\n]*", lambda m: " " * len(m.group()), text)
    where = re.search(r"\bWHERE\s*\{", code, re.IGNORECASE) or re.search(r"\{", code)
    if where is None:
        raise ValueError("cannot bind parameters: the query has no group pattern")
    return header + text[:where.end()] + " " + block + text[where.end():]


def _run_http(endpoint: str, query: NamedQuery, terms: dict[str, Any]) -> tuple[list[str], list[Row]]:
    request = urllib.request.Request(
        endpoint, data=with_values(query.text, terms).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/sparql-query; charset=utf-8",
                 "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            result = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as err:
        detail = err.read().decode("utf-8", "replace")[:500]
        raise RuntimeError(f"{endpoint} answered HTTP {err.code}: {detail}") from err
    except urllib.error.URLError as err:
        raise RuntimeError(f"cannot reach {endpoint}: {err.reason}") from err
    if "boolean" in result:
        return ["result"], [(result["boolean"],)]
    names = result["head"]["vars"]
    rows = [tuple(b.get(n, {}).get("value") for n in names) for b in result["results"]["bindings"]]
    return names, rows


def run_query(source: str | Path, query_text: str, *, bindings: dict[str, Any] | None = None
              ) -> tuple[list[str], list[Row]]:
    """Run SPARQL over an export (directory or file) or an http(s) SPARQL endpoint.

    `query_text` is SPARQL, a path to an .rq file or the name of a named query; `bindings` maps
    variable names to values (typed by the query's `# param` lines). Values are term values:
    str for IRIs and literals, None when unbound.
    """
    query = resolve_query(query_text)
    terms = _terms(query, bindings)
    if str(source).startswith(("http://", "https://")):
        return _run_http(str(source), query, terms)
    return _run_local(load_store(source), query, terms)


def resolve_query(query_text: str) -> NamedQuery:
    """A named query by name, an .rq file by path, or the text itself."""
    text = query_text.strip()
    if re.fullmatch(r"\w+", text) and (QUERY_DIR / f"{text}.rq").exists():
        return named_queries()[text]
    if text.endswith(".rq") and "\n" not in text and Path(text).is_file():
        return read_query(Path(text).read_text("utf-8"), Path(text).stem)
    return read_query(query_text)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def format_rows(names: list[str], rows: list[Row], fmt: str = "table") -> str:
    """Rows as an aligned text table, CSV or JSON (a list of objects).

    >>> print(format_rows(["person", "n"], [("李长萍", "2"), ("王刚", None)]), end="")
    person | n
    -------+--
    李长萍 | 2
    王刚   |
    """
    cells = [["" if v is None else str(v).replace("\n", "\\n") for v in row] for row in rows]
    if fmt == "json":
        return dumps_json([dict(zip(names, row)) for row in rows])
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
        return out.getvalue()
    widths = [max([_width(n)] + [_width(r[i]) for r in cells]) for i, n in enumerate(names)]
    def line(values: list[str]) -> str:
        return " | ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip() + "\n"
    return line(names) + "-+-".join("-" * w for w in widths) + "\n" + "".join(line(r) for r in cells)
