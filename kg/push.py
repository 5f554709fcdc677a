"""Load an export into any SPARQL 1.1 store over the Graph Store HTTP Protocol (urllib only).

Triples (the default-graph union) go to `ENDPOINT?default` by POST, or replace the graph
`ENDPOINT?graph=IRI` by PUT. With `quads=True` the N-Quads (one named graph per article) are
POSTed to ENDPOINT itself, which quad stores such as Oxigraph (`/store`), Fuseki (`/DATASET`)
and GraphDB (`/repositories/REPO/statements`) accept; then query them with the union default
graph on (`oxigraph serve --union-default-graph`, Fuseki `tdb:unionDefaultGraph true`).
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.query import load_store

TRIPLE_TYPES = {".ttl": "text/turtle", ".nt": "application/n-triples"}
QUAD_TYPES = {".nq": "application/n-quads", ".trig": "application/trig"}


@dataclass(frozen=True)
class Pushed:
    url: str
    method: str
    status: int
    statements: int


def graph_store_url(endpoint: str, graph_iri: str | None = None) -> str:
    """The Graph Store Protocol URL of the default graph or of a named graph.

    >>> graph_store_url("http://127.0.0.1:7878/store")
    'http://127.0.0.1:7878/store?default'
    >>> graph_store_url("http://h/store?x=1", "https://kg.example.org/graph/2024")
    'http://h/store?x=1&graph=https%3A%2F%2Fkg.example.org%2Fgraph%2F2024'
    """
    query = "default" if graph_iri is None else urllib.parse.urlencode({"graph": graph_iri})
    return endpoint + ("&" if "?" in endpoint else "?") + query


def _payload(source: str | Path, *, quads: bool) -> tuple[bytes, str, int]:
    """(body, media type, statement count): the export's own file where it fits, else re-serialised."""
    path = Path(source)
    wanted = QUAD_TYPES if quads else TRIPLE_TYPES
    files = [path] if path.is_file() else [path / f"graph{ext}" for ext in wanted]
    for file in files:
        if file.suffix in wanted and file.exists():
            count = sum(1 for _ in ox.parse(path=str(file), format=ox.RdfFormat.from_extension(file.suffix[1:])))
            return file.read_bytes(), wanted[file.suffix], count
    store = load_store(path)  # any export, kg-json included
    if quads:
        return ox.serialize(store, format=ox.RdfFormat.N_QUADS), QUAD_TYPES[".nq"], len(store)
    triples = sorted({q.triple for q in store}, key=str)
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), TRIPLE_TYPES[".nt"], len(triples)


def push(source: str | Path, endpoint: str, *, graph_iri: str | None = None, quads: bool = False,
         timeout: float = 300) -> Pushed:
    """Send an export (directory or file) to a Graph Store Protocol endpoint; raise on refusal.

    `graph_iri`: replace that named graph (PUT); default: add to the default graph (POST ?default).
    `quads=True`: POST the N-Quads, article graphs and all, to the endpoint (a quad store).
    """
    if quads and graph_iri:
        raise ValueError("quads carry their own graph names: give either quads or graph_iri")
    body, media_type, count = _payload(source, quads=quads)
    url = endpoint if quads else graph_store_url(endpoint, graph_iri)
    method = "PUT" if graph_iri else "POST"
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": f"{media_type}; charset=utf-8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Pushed(url, method, response.status, count)
    except urllib.error.HTTPError as err:
        detail = err.read().decode("utf-8", "replace")[:500]
        raise RuntimeError(f"{method} {url} refused with HTTP {err.code}: {detail}") from err
    except urllib.error.URLError as err:
        raise RuntimeError(f"cannot reach {url}: {err.reason}") from err
