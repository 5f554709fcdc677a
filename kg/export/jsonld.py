"""Compacted JSON-LD: the RDF export read as plain JSON (`"name": "李长萍"`), through the
project's published context, ontology/context.jsonld (schema.org, ORG, PROV, OWL-Time and
kg: terms; installed as kg/ontology/context.jsonld).

The expanded form (format `jsonld-expanded`) comes straight from pyoxigraph. For the compacted
form we build the flat expanded node objects ourselves from the sorted N-Triples (linear; pyld's
own `from_rdf` took 3.9 s on 6,000 triples and did not finish 61,000 in 200 s, quadratic), then
let pyld, the JSON-LD reference implementation, compact them one node at a time (0.5 ms a
node). rdflib's JSON-LD writer is faster but leaves node references as full IRIs and is not a
conforming compaction; see docs/rdf.md. Integers become JSON numbers; the context is inlined so
that any JSON-LD tool reads the file offline.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, parse

from kg.export.rdf import canonical_text
from kg.export.rdf_terms import DEFAULT_BASE_IRI
from kg.io import atomic_write, iter_json
from kg.vocab import ONTOLOGY_DIR

CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
# prefixes of the project's own IRIs, which move with --base-iri
BASE_PREFIXES = {"kgid": "id/", "kgfact": "fact/", "kgpost": "post/", "kgrole": "role/", "kgarticle": "article/",
                 "kgdoc": "doc/"}
_CANONICAL_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")


@lru_cache(maxsize=8)
def _context_json(base_iri: str) -> str:
    context = json.loads(CONTEXT_FILE.read_text("utf-8"))["@context"]
    for prefix, path in BASE_PREFIXES.items():
        context[prefix] = base_iri + path
    return json.dumps(context, ensure_ascii=False, sort_keys=True)


def context(base_iri: str = DEFAULT_BASE_IRI) -> dict[str, Any]:
    """The published @context, with `kgid:` under `base_iri`.

    >>> c = context()
    >>> c["name"], c["kgid"], c["@language"]
    ('schema:name', 'https://kg.example.org/id/', 'zh')
    """
    return json.loads(_context_json(base_iri))


def _ref(term: NamedNode | BlankNode) -> str:
    return term.value if isinstance(term, NamedNode) else f"_:{term.value}"


def value_object(term: Any) -> dict[str, Any]:
    """An RDF object as an expanded JSON-LD value (canonical integers as JSON numbers).

    >>> value_object(Literal("李长萍", language="zh"))
    {'@value': '李长萍', '@language': 'zh'}
    >>> value_object(Literal("7", datatype=NamedNode(XSD + "integer"))), value_object(NamedNode("http://a/b"))
    ({'@value': 7}, {'@id': 'http://a/b'})
    """
    if not isinstance(term, Literal):
        return {"@id": _ref(term)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    datatype = term.datatype.value
    if datatype == XSD + "string":
        return {"@value": term.value}
    if datatype == XSD + "integer" and _CANONICAL_INTEGER.fullmatch(term.value):
        return {"@value": int(term.value)}
    return {"@value": term.value, "@type": datatype}


def expanded_nodes(triples: Iterable[Triple]) -> Iterator[dict[str, Any]]:
    """Flat expanded node objects, one per subject, from triples grouped by subject.

    >>> t = [Triple(NamedNode("http://a/x"), NamedNode(RDF_TYPE), NamedNode("http://a/C")),
    ...      Triple(NamedNode("http://a/x"), NamedNode("http://a/p"), Literal("v"))]
    >>> list(expanded_nodes(t))
    [{'@id': 'http://a/x', '@type': ['http://a/C'], 'http://a/p': [{'@value': 'v'}]}]
    """
    for subject, group in groupby(triples, key=lambda t: t.subject):
        node: dict[str, Any] = {"@id": _ref(subject)}
        for t in group:
            if t.predicate.value == RDF_TYPE and not isinstance(t.object, Literal):
                node.setdefault("@type", []).append(_ref(t.object))
            else:
                node.setdefault(t.predicate.value, []).append(value_object(t.object))
        yield node


def compact_nodes(nodes: Iterable[dict[str, Any]], ctx: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Each expanded node compacted with `ctx` by pyld (the @context itself left out).

    >>> node = {"@id": "https://kg.example.org/id/person/x", "https://schema.org/name": [
    ...     {"@value": "李长萍", "@language": "zh"}]}
    >>> next(compact_nodes([node], context()))
    {'id': 'kgid:person/x', 'name': '李长萍'}
    """
    from pyld import jsonld

    for node in nodes:
        compacted = jsonld.compact(node, ctx)
        compacted.pop("@context", None)
        yield compacted


def compact_ntriples(lines: bytes, *, base_iri: str = DEFAULT_BASE_IRI) -> dict[str, Any]:
    """Sorted canonical N-Triples as one compacted JSON-LD document: {"@context", "@graph"}.

    >>> nt = '<https://kg.example.org/id/place/x> <https://schema.org/name> "聊城市"@zh .\\n'.encode()
    >>> compact_ntriples(nt)["@graph"]
    [{'id': 'kgid:place/x', 'name': '聊城市'}]
    """
    ctx = context(base_iri)
    triples = (q.triple for q in parse(lines, format=RdfFormat.N_TRIPLES))
    return {"@context": ctx, "@graph": list(compact_nodes(expanded_nodes(triples), ctx))}


def to_compacted(graph: dict[str, Any], *, base_iri: str = DEFAULT_BASE_IRI) -> dict[str, Any]:
    """The kg-json graph as one compacted JSON-LD document.

    >>> doc = to_compacted({"entities": [{"id": "person/李长萍", "type": "person", "name": "李长萍"}]})
    >>> person = doc["@graph"][0]
    >>> person["name"], person["type"]
    ('李长萍', ['foaf:Person', 'kg:Person', 'schema:Person'])
    """
    return compact_ntriples(canonical_text(graph, quads=False, base_iri=base_iri), base_iri=base_iri)


def dumps_compacted(doc: dict[str, Any]) -> bytes:
    """The one byte form of a compacted document (sorted keys, UTF-8)."""
    return "".join(iter_json(doc)).encode("utf-8")


def write_compacted(graph: dict[str, Any], path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Write compacted JSON-LD (sorted keys, nodes in IRI order: deterministic), atomically."""
    atomic_write(path, iter_json(to_compacted(graph, base_iri=base_iri)))
