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
import urllib.parse
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
_POSITION = re.compile(r"^error at (\d+):(\d+): ")
Row = tuple[Any, ...]


class QueryError(ValueError):
    """An error in what the user asked (an unknown named query, bad SPARQL): its whole message,
    several lines long, is for the user."""


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


def bind_terms(query: NamedQuery, bindings: dict[str, Any] | None) -> dict[str, ox.NamedNode | ox.Literal]:
    out = {}
    for key, value in (bindings or {}).items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            raise ValueError(f"not a variable name: {key!r}")
        if query.params and key not in query.params:  # a typo would silently bind nothing
            raise ValueError(f"unknown parameter {key!r}; {query.name or 'the query'} takes: {', '.join(query.params)}")
        out[key] = to_term(value, query.params.get(key, ("string", ""))[0])
    return out


def export_file(source: str | Path) -> Path:
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
    return fill_store(ox.Store(), path)


def fill_store(store: ox.Store, path: Path) -> ox.Store:
    """Load one export file (kg-json is converted on the fly) into `store` (in memory or on disk)."""
    if path.suffix == ".json":
        from kg.export.rdf import to_dataset
        store.bulk_extend(to_dataset(json.loads(path.read_text("utf-8"))))
    else:
        store.bulk_load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix.lstrip(".")))
    return store


def load_store(source: str | Path) -> ox.Store:
    """The store of an export directory or file, loaded once per session."""
    path = export_file(source).resolve()
    stat = path.stat()
    return _load(path, stat.st_mtime_ns, stat.st_size)


def _value(term: Any) -> Any:
    return None if term is None else term.value


def _run_local(store: ox.Store, query: NamedQuery, terms: dict[str, Any]) -> tuple[list[str], list[Row]]:
    text, inserted = _rewrite(query.text, terms)
    try:
        result = store.query(text, use_default_graph_as_union=True)
    except SyntaxError as err:
        raise syntax_error(query.text, str(err), inserted) from None
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
    return _rewrite(text, terms)[0]


def _rewrite(text: str, terms: dict[str, Any]) -> tuple[str, list[tuple[int, int]]]:
    """with_values, and what it inserted: (offset in `text`, length), to map errors back."""
    declared = {m.group(1) for m in re.finditer(r"PREFIX\s+(\w*):", text, re.IGNORECASE)}
    # on the first line, so that a syntax error still points at the user's line number
    header = "".join(f"PREFIX {p}: <{iri}> " for p, iri in PREFIXES.items() if p not in declared)
    if not terms:
        return header + text, [(0, len(header))]
    names = sorted(terms)
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(str(terms[n]) for n in names)}) }} "
    # find WHERE outside comment lines ("#" inside strings and IRIs is not a comment)
    code = re.sub(r"(?m)^[ \t]*#[^\n]*", lambda m: " " * len(m.group()), text)
    where = re.search(r"\bWHERE\s*\{", code, re.IGNORECASE) or re.search(r"\{", code)
    if where is None:
        raise ValueError("cannot bind parameters: the query has no group pattern")
    at = where.end()
    return header + text[:at] + " " + block + text[at:], [(0, len(header)), (at, len(block) + 1)]


def _offset(text: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[min(max(line, 1), len(starts)) - 1] + max(column - 1, 0)


def _rdflib_position(text: str) -> int | None:
    """Where rdflib's parser fails on `text`: the start of the construct that cannot be parsed,
    which is nearer the mistake than pyoxigraph's position (the end of the input it read)."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(text)
    except ParseBaseException as err:
        return err.loc
    except Exception:  # noqa: BLE001 - a parser that fails otherwise gives no position
        return None
    return None


def syntax_error(text: str, error: str, inserted: list[tuple[int, int]]) -> QueryError:
    r"""pyoxigraph's "error at L:C" in the rewritten query, told at the user's own line and column.

    >>> print(syntax_error("SELECT ?x\nWHERE { ?x ?y ?z . FILTER(?x = ) }", "error at 2:40: expected a term", [(0, 7)]))
    SPARQL syntax error at line 2, column 20: expected a term
      WHERE { ?x ?y ?z . FILTER(?x = ) }
                         ^
    """
    found = _POSITION.match(error)
    if not found:
        return QueryError(f"SPARQL syntax error: {error}")
    offset = _rdflib_position(text)
    if offset is None:
        rewritten = _offset("x" * inserted[0][1] + text, int(found.group(1)), int(found.group(2)))
        offset, shift = rewritten, 0
        for at, length in inserted:   # insertions in order of position
            if rewritten >= at + shift + length:
                offset -= length
            elif rewritten >= at + shift:
                offset = at
            shift += length
    offset = min(max(offset, 0), len(text))
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    source = text[start:end if end >= 0 else len(text)]
    return QueryError(f"SPARQL syntax error at line {line}, column {offset - start + 1}: "
                      f"{error[found.end():]}\n  {source}\n  {' ' * (offset - start)}^")


def _run_http(endpoint: str, query: NamedQuery, terms: dict[str, Any]) -> tuple[list[str], list[Row]]:
    # the URL-encoded form, which every store takes: Virtuoso 7.2 waits forever on a direct
    # application/sparql-query POST
    request = urllib.request.Request(
        endpoint, data=urllib.parse.urlencode({"query": with_values(query.text, terms)}).encode("ascii"),
        method="POST", headers={"Content-Type": "application/x-www-form-urlencoded",
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


def run_query(source: str | Path, query_text: str | NamedQuery, *, bindings: dict[str, Any] | None = None
              ) -> tuple[list[str], list[Row]]:
    """Run SPARQL over an export (directory or file) or an http(s) SPARQL endpoint.

    `query_text` is SPARQL, a path to an .rq file or the name of a named query; `bindings` maps
    variable names to values (typed by the query's `# param` lines). Values are term values:
    str for IRIs and literals, None when unbound.
    """
    query = resolve_query(query_text)
    terms = bind_terms(query, bindings)
    if str(source).startswith(("http://", "https://")):
        return _run_http(str(source), query, terms)
    return _run_local(load_store(source), query, terms)


def named_query(name: str) -> NamedQuery:
    """The named query `name`; a QueryError listing them all when there is none.

    >>> named_query("officials").params["org"][0]
    'zh'
    >>> try:
    ...     named_query("nope")
    ... except QueryError as err:
    ...     print(str(err).splitlines()[0])
    no named query 'nope'; the named queries are:
    """
    queries = named_queries()
    if name in queries:
        return queries[name]
    listing = "\n".join(f"  {q.name}" + (f" ({', '.join(q.params)})" if q.params else "") + f": {q.description}"
                        for q in queries.values())
    raise QueryError(f"no named query {name!r}; the named queries are:\n{listing}")


def resolve_query(query_text: str | NamedQuery) -> NamedQuery:
    """A named query by name, an .rq file by path, or the text itself."""
    if isinstance(query_text, NamedQuery):
        return query_text
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
