"""kg-json -> RDF files (Turtle, N-Triples, JSON-LD, TriG, N-Quads), deterministic and streamed.

The statements (kg/export/rdf_model.py) are collected as their canonical N-Triples lines and
sorted, so the output is the same byte for byte whatever order the input came in; pyoxigraph
then parses the sorted lines and writes the format. pyoxigraph because of bench/results/rdf.md
(1.2M triples): sorted Turtle in 4 s where rdflib's Turtle writer did not finish in 90 s;
building the statements in Python is now the slow part.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

from pyoxigraph import Dataset, DefaultGraph, RdfFormat, parse, serialize
from rdflib import OWL

from kg.export.rdf_model import Builder, fill
from kg.export.rdf_terms import DEFAULT_BASE_IRI
from kg.io import atomic_file
from kg.vocab import PREFIXES

__all__ = ["canonical_chunks", "canonical_nquads", "canonical_ntriples", "canonical_text", "serialize_dataset",
           "to_dataset", "write_jsonld", "write_nquads", "write_ntriples", "write_rdf", "write_trig", "write_turtle"]


def to_dataset(graph: dict[str, Any], *, base_iri: str = DEFAULT_BASE_IRI) -> Dataset:
    """The kg-json graph as an RDF dataset (pure; nothing is written).

    >>> g = {"entities": [{"id": "person/张百顺", "type": "person", "name": "张百顺"}]}
    >>> sorted(q.object.value for q in to_dataset(g) if q.predicate.value.endswith("label"))
    ['zhang bai shun', '张百顺']
    """
    return Dataset(parse(canonical_text(graph, quads=True, base_iri=base_iri), format=RdfFormat.N_QUADS))


def canonical_text(graph: dict[str, Any], *, quads: bool, base_iri: str = DEFAULT_BASE_IRI) -> bytes:
    """The same bytes as canonical_nquads/canonical_ntriples(to_dataset(graph)), built from text.

    >>> g = {"entities": [{"id": "person/张百顺", "type": "person", "name": "张百顺"}]}
    >>> canonical_text(g, quads=False) == canonical_ntriples(to_dataset(g))
    True
    """
    return b"".join(canonical_chunks(graph, quads=quads, base_iri=base_iri))


def canonical_chunks(graph: dict[str, Any], *, quads: bool, base_iri: str = DEFAULT_BASE_IRI) -> Iterator[bytes]:
    """`canonical_text` in pieces of a few thousand lines, each line let go once its piece is
    made: an archive's statements are held once, never also as one text.

    >>> g = {"entities": [{"id": "place/聊城市", "type": "place", "name": "聊城市"}]}
    >>> b"".join(canonical_chunks(g, quads=True)) == canonical_nquads(to_dataset(g))
    True
    """
    graphs = fill(Builder(base_iri, flat=not quads), graph).graphs
    for name in sorted(graphs):          # the default graph ("") first, then each by IRI
        end = f" {name} .\n".encode() if name else b" .\n"
        lines = graphs.pop(name)
        lines.sort(reverse=True)     # in place; popped from the end in order, each copy dropped
        last = None
        while lines:
            piece = []
            for _ in range(min(_PIECE, len(lines))):
                line = lines.pop()
                if line != last:
                    piece.append(line)
                    last = line
            if piece:
                yield end.join(piece) + end


_PIECE = 4096


class _Pieces(io.RawIOBase):
    """A binary file reading the pieces of an iterator (what pyoxigraph's parser reads)."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        self.pieces, self.held, self.at = pieces, memoryview(b""), 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self.at >= len(self.held):
            piece = next(self.pieces, None)
            if piece is None:
                return 0
            self.held, self.at = memoryview(piece), 0
        n = min(len(buffer), len(self.held) - self.at)
        buffer[:n] = self.held[self.at:self.at + n]
        self.at += n
        return n


def canonical_ntriples(dataset: Dataset) -> bytes:
    """The default-graph union as sorted, de-duplicated canonical N-Triples (sorting lines is
    10x faster than sorting terms in Python; sorted in place, de-duplicated while joining, so an
    archive's triples are held about twice, not four times)."""
    data = serialize((q.triple for q in dataset), format=RdfFormat.N_TRIPLES)
    lines = data.splitlines(keepends=True)
    del data
    lines.sort()
    return b"".join(line for line, _ in groupby(lines))


def canonical_nquads(dataset: Dataset) -> bytes:
    """Sorted canonical N-Quads: the default graph first, then each named graph by IRI."""
    names = sorted({q.graph_name for q in dataset if not isinstance(q.graph_name, DefaultGraph)}, key=str)
    chunks = []
    for name in [DefaultGraph(), *names]:
        lines = serialize(dataset.quads_for_graph_name(name), format=RdfFormat.N_QUADS).splitlines(keepends=True)
        lines.sort()
        chunks.append(b"".join(lines))
    return b"".join(chunks)


TURTLE_PREFIXES = {**PREFIXES, "owl": str(OWL), "kgid": DEFAULT_BASE_IRI + "id/"}
_FORMATS = {"turtle": (RdfFormat.TURTLE, False), "ntriples": (RdfFormat.N_TRIPLES, False),
            "jsonld-expanded": (RdfFormat.JSON_LD, False), "trig": (RdfFormat.TRIG, True),
            "nquads": (RdfFormat.N_QUADS, True)}


def serialize_dataset(dataset: Dataset, name: str, *, base_iri: str = DEFAULT_BASE_IRI,
                      output: Any = None) -> bytes | None:
    """Deterministic bytes of `dataset` in format `name` (a key of kg.export.EXPORTERS), or
    written to `output` (a binary file) when given."""
    if name == "jsonld":        # compacted: kg/export/jsonld.py
        from kg.export.jsonld import compact_ntriples, dumps_compacted

        data = dumps_compacted(compact_ntriples(canonical_ntriples(dataset), base_iri=base_iri))
        if output is None:
            return data
        output.write(data)
        return None
    fmt, quads = _FORMATS[name]
    canonical = (canonical_nquads if quads else canonical_ntriples)(dataset)
    del dataset                # the caller's reference is the only one left: see write_rdf
    if name in ("ntriples", "nquads"):
        if output is None:
            return canonical
        output.write(canonical)
        return None
    ordered = parse(canonical, format=RdfFormat.N_QUADS if quads else RdfFormat.N_TRIPLES)
    items = ordered if quads else (q.triple for q in ordered)
    prefixes = {**TURTLE_PREFIXES, "kgid": base_iri + "id/"} if name in ("turtle", "trig") else None
    return serialize(items, output, format=fmt, prefixes=prefixes)


def write_rdf(graph: dict[str, Any], path: str | Path, name: str, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Write `graph` (kg-json) in RDF format `name` to `path`, atomically and byte-stable.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "graph.nt"
    >>> write_rdf({"entities": [{"id": "place/聊城市", "type": "place", "name": "聊城市"}]}, p, "ntriples")
    >>> len(p.read_text("utf-8").splitlines())
    5
    """
    fmt, quads = _FORMATS[name]
    pieces = canonical_chunks(graph, quads=quads, base_iri=base_iri)
    with atomic_file(path) as fh:          # streamed: an archive's Turtle is never held whole
        if name in ("ntriples", "nquads"):
            for piece in pieces:
                fh.write(piece)
            return
        # N-Triples parse to quads of the default graph, which the triple formats write as triples
        ordered = parse(io.BufferedReader(_Pieces(pieces), 1 << 20),
                        format=RdfFormat.N_QUADS if quads else RdfFormat.N_TRIPLES)
        prefixes = {**TURTLE_PREFIXES, "kgid": base_iri + "id/"} if name in ("turtle", "trig") else None
        serialize(ordered, fh, format=fmt, prefixes=prefixes)


def write_turtle(graph: dict[str, Any], path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Turtle: every graph merged into the default graph."""
    write_rdf(graph, path, "turtle", base_iri=base_iri)


def write_ntriples(graph: dict[str, Any], path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """N-Triples, sorted lines: every graph merged into the default graph."""
    write_rdf(graph, path, "ntriples", base_iri=base_iri)


def write_jsonld(graph: dict[str, Any], path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """JSON-LD (expanded, flat; format `jsonld-expanded`): every graph merged into the default graph.
    The compacted form (format `jsonld`) is kg/export/jsonld.py."""
    write_rdf(graph, path, "jsonld-expanded", base_iri=base_iri)


def write_trig(graph: dict[str, Any], path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """TriG: each article's facts in a named graph of its own (the article IRI)."""
    write_rdf(graph, path, "trig", base_iri=base_iri)


def write_nquads(graph: dict[str, Any], path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """N-Quads, sorted lines: each article's facts in a named graph of its own (the article IRI)."""
    write_rdf(graph, path, "nquads", base_iri=base_iri)
