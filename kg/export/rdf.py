"""kg-json -> RDF (Turtle, N-Triples, JSON-LD, TriG, N-Quads), modelled as ontology/kg.ttl says.

`to_dataset` is pure: it maps the kg-json dict to a pyoxigraph Dataset. The writers sort the
quads, so the output is the same byte for byte whatever order the input came in. pyoxigraph
because of bench/results/rdf.md (1.2M triples): sorted Turtle in 4 s where rdflib's Turtle
writer did not finish in 90 s; building the dataset in Python (22 s) is now the slow part.
IRIs derive from ids only:
`https://kg.example.org/id/person/%E6%9D%8E%E9%95%BF%E8%90%8D` for "person/李长萍".
"""
from __future__ import annotations

import datetime
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pyoxigraph import Dataset, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, parse, serialize
from rdflib import OWL, RDF, RDFS, XSD
from rdflib.namespace import FOAF, ORG, PROV, SDO, TIME

from kg.careers import post_key
from kg.io import atomic_file
from kg.pinyin import to_pinyin
from kg.vocab import ENTITY_CLASSES, KG, PARTICIPATION_ROLES, PERSON_ROLES, PREFIXES, RELATION_PREDICATES

DEFAULT_BASE_IRI = "https://kg.example.org/"
_SURROGATES = re.compile("[\ud800-\udfff]")
_DEFAULT = DefaultGraph()


@lru_cache(maxsize=4096)
def _n(term: str) -> NamedNode:
    return NamedNode(str(term))


A = _n(RDF.type)
LABEL, NAME = _n(RDFS.label), _n(SDO.name)
DERIVED = _n(PROV.wasDerivedFrom)


def clean_text(text: Any) -> str:
    """Text safe for any RDF literal: lone surrogates (unencodable) are removed.

    >>> clean_text("李\\ud800长萍")
    '李长萍'
    """
    return _SURROGATES.sub("", str(text))


@lru_cache(maxsize=1 << 17)     # a document's or an entity's id is quoted once, not at every fact
def iri_path(key: str, *, keep_slash: bool = True) -> str:
    """An ASCII IRI path for any string: percent-encoded UTF-8; "." and ".." segments escaped.

    >>> iri_path("person/李长萍")
    'person/%E6%9D%8E%E9%95%BF%E8%90%8D'
    >>> iri_path("a/../b<>"), iri_path("person/0.")
    ('a/%2E%2E/b%3C%3E', 'person/0%2E')
    """
    raw = quote(key.encode("utf-8", "surrogatepass"), safe="/" if keep_slash else "")
    out = "/".join(seg.replace(".", "%2E") if seg in (".", "..") else seg for seg in raw.split("/"))
    kept = out.rstrip(".")       # a Turtle name cannot end in "." and not every parser reads "\."
    return kept + "%2E" * (len(out) - len(kept))


def entity_iri(entity_id: str, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """The IRI of an entity: stable, derived from its id only.

    >>> entity_iri("person/李长萍")
    'https://kg.example.org/id/person/%E6%9D%8E%E9%95%BF%E8%90%8D'
    """
    return f"{base_iri}id/{iri_path(entity_id)}"


def _zh(text: Any) -> Literal:
    return Literal(clean_text(text), language="zh")


def _plain(value: Any) -> Literal:
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return Literal(clean_text(value))


def _date(value: Any) -> Literal:
    try:
        return Literal(datetime.date.fromisoformat(str(value)).isoformat(), datatype=_n(XSD.date))
    except ValueError:
        return _plain(value)


def _integer(value: Any) -> Literal:
    if isinstance(value, int) and not isinstance(value, bool) or (isinstance(value, str) and value.isdecimal()):
        return Literal(str(int(value)), datatype=_n(XSD.integer))
    return _plain(value)


class _Builder:
    """Collects quads; one method per kind of kg-json record."""

    flat = False       # every graph merged into the default graph (the triple formats)

    def __init__(self, base_iri: str) -> None:
        self.base = base_iri
        self.dataset = Dataset()

    def add(self, s: NamedNode, p: Any, o: Any, g: Any = _DEFAULT) -> None:
        # rdflib URIRefs (vocabulary terms) are str; pyoxigraph terms are not
        self.dataset.add(Quad(s, _n(p) if isinstance(p, str) else p, _n(o) if isinstance(o, str) else o, g))

    def iri(self, kind: str, key: str, *, keep_slash: bool = True) -> NamedNode:
        return NamedNode(f"{self.base}{kind}/{iri_path(key, keep_slash=keep_slash)}")

    def labels(self, node: NamedNode, name: Any, *, pinyin: bool = True) -> None:
        self.add(node, LABEL, _zh(name))
        self.add(node, NAME, _zh(name))
        reading = to_pinyin(clean_text(name)).strip() if pinyin else ""
        if reading:
            self.add(node, LABEL, Literal(reading, language="zh-Latn-pinyin"))

    def extra(self, node: NamedNode, rest: dict[str, Any], g: Any = _DEFAULT) -> None:
        if rest:
            self.add(node, KG.extra, _plain(rest), g)

    def document(self, doc: dict[str, Any]) -> None:
        node = self.iri("doc", str(doc["id"]))
        self.add(node, A, KG.Document)
        self.add(node, LABEL, _plain(doc["id"]))
        for key, prop, make in (("date", SDO.datePublished, _date), ("place", KG.homePlace, _plain),
                                ("source", KG.sourceLocation, _plain)):
            if doc.get(key) not in (None, ""):
                self.add(node, prop, make(doc[key]))

    def article(self, art: dict[str, Any], dates: dict[str, Any]) -> None:
        node = self.iri("article", str(art["id"]))
        doc = self.iri("doc", str(art["document"]))
        for cls in (KG.Article, SDO.NewsArticle):
            self.add(node, A, cls)
        self.add(node, SDO.isPartOf, doc)
        self.add(node, KG.document, doc)
        self.add(node, LABEL, _zh(art.get("title") or art["id"]))
        if art.get("title"):
            self.add(node, SDO.headline, _zh(art["title"]))
        for key in ("start", "end"):
            if art.get(key) is not None:
                self.add(node, KG[key], _integer(art[key]))
        if dates.get(art["document"]):
            self.add(node, SDO.datePublished, _date(dates[art["document"]]))

    def entity(self, ent: dict[str, Any]) -> None:
        node = NamedNode(entity_iri(str(ent["id"]), self.base))
        kg_class, schema_class = ENTITY_CLASSES.get(ent.get("type", ""), (None, SDO.Thing))
        attrs = dict(ent.get("attributes") or {})
        for cls in (kg_class, schema_class, FOAF.Person if ent.get("type") == "person" else None,
                    SDO.AdministrativeArea if ent.get("type") == "place" and attrs.get("level") else None):
            if cls is not None:
                self.add(node, A, cls)
        self.labels(node, ent.get("name") or ent["id"])
        for alias in ent.get("aliases") or ():
            self.add(node, SDO.alternateName, _zh(alias))
        if attrs.get("role") in PERSON_ROLES and ent.get("type") == "person":
            self.add(node, KG.personRole, PERSON_ROLES[attrs.pop("role")])
        for key, prop, make in (("level", KG.adminLevel, _plain), ("code", KG.divisionCode, _plain),
                                ("date", SDO.startDate, _date), ("end_date", SDO.endDate, _date),
                                ("venue", SDO.location, _plain)):
            if attrs.get(key) not in (None, ""):
                self.add(node, prop, make(attrs.pop(key)))
        self.extra(node, attrs)


def _fact_key(fact: dict[str, Any]) -> str:
    attrs = fact.get("attributes") or {}
    key = post_key(attrs.get("title") or "") if fact["relation"] == "holds_position" else attrs.get("role")
    return json.dumps([fact["relation"], fact["subject"], fact.get("object"), key], ensure_ascii=False)


def fact_ids(facts: Iterable[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(stable id, fact) in a stable order: a hash of relation, ends and key attribute.

    >>> [i for i, _ in fact_ids([{"relation": "met", "subject": "person/甲", "object": "person/乙"}])]
    ['f6bdfcd41d36a4c5149c']
    """
    seen: dict[str, int] = {}
    for fact in sorted(facts, key=lambda f: json.dumps(f, ensure_ascii=False, sort_keys=True)):
        digest = hashlib.sha1(_fact_key(fact).encode("utf-8", "surrogatepass")).hexdigest()[:20]
        seen[digest] = seen.get(digest, 0) + 1
        yield (digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"), fact


def _source_graph(b: _Builder, src: dict[str, Any]) -> NamedNode:
    """The named graph of a source: its article, or its document when no article is known."""
    return b.iri("article", str(src["article"])) if src.get("article") else b.iri("doc", str(src.get("document", "")))


def _seen(node: NamedNode, attrs: dict[str, Any]) -> list[tuple[Any, Any, Any]]:
    return [(node, KG[prop], _date(attrs.pop(key))) for key, prop in (("first_seen", "firstSeen"),
            ("last_seen", "lastSeen")) if attrs.get(key) not in (None, "")]


def _membership(b: _Builder, node: NamedNode, fact: dict[str, Any], attrs: dict[str, Any]) -> list[tuple]:
    person = NamedNode(entity_iri(fact["subject"], b.base))
    org = NamedNode(entity_iri(fact["object"], b.base)) if fact.get("object") else None
    core: list[tuple] = [(node, A, ORG.Membership), (node, ORG.member, person)]
    core += [(node, ORG.organization, org)] if org else []
    title = attrs.pop("title", None)
    if title not in (None, ""):
        name = post_key(str(title))           # one role and one post whatever the page's script
        role = b.iri("role", name, keep_slash=False)
        b.add(role, A, ORG.Role)
        b.labels(role, name)
        core += [(node, ORG.role, role), (node, KG.title, _plain(title))]
        if org:
            post = NamedNode(f"{b.base}post/{iri_path(fact['object'], keep_slash=False)}/"
                             f"{iri_path(name, keep_slash=False)}")
            for p, o in ((A, ORG.Post), (ORG.postIn, org), (ORG.role, role), (LABEL, _zh(name))):
                b.add(post, p, o)
            core.append((person, ORG.holds, post))
    if attrs.get("change"):
        core.append((node, KG.change, _plain(attrs.pop("change"))))
    core += [(node, KG.writtenTitle, _zh(form["title"])) for form in attrs.pop("forms", ())]
    return core + _seen(node, attrs) + _tenure(b, node, attrs)


def _tenure(b: _Builder, node: NamedNode, attrs: dict[str, Any]) -> list[tuple]:
    """org:memberDuring -> a time:Interval from `start` to `end`; each bound a time:Instant with its
    kg:evidence and kg:evidenceSource (the prov:Derivation of the sentence it rests on). Dates and
    evidence kinds are repeated on the membership (schema:startDate, kg:startEvidence …): a
    one-triple OPTIONAL is fast everywhere."""
    core: list[tuple] = []
    during = NamedNode(node.value + "/during")
    for key, date_prop, evidence_prop, end in (("start", SDO.startDate, KG.startEvidence, TIME.hasBeginning),
                                               ("end", SDO.endDate, KG.endEvidence, TIME.hasEnd)):
        value, evidence, source = (attrs.pop(k, None) for k in (key, f"{key}_evidence", f"{key}_source"))
        if evidence:
            core.append((node, evidence_prop, _plain(evidence)))
        if value in (None, ""):
            continue
        instant = NamedNode(f"{node.value}/{key}")
        core += [(node, date_prop, _date(value)), (during, end, instant), (instant, A, TIME.Instant),
                 (instant, TIME.inXSDDate, _date(value))]
        core += [(instant, KG.evidence, _plain(evidence))] if evidence else []
        core += _evidence_source(b, instant, source) if source else []
    if any(p in (TIME.hasBeginning, TIME.hasEnd) for _, p, _ in core):
        core += [(node, ORG.memberDuring, during), (during, A, TIME.Interval)]
    return core


def _participation(b: _Builder, node: NamedNode, fact: dict[str, Any], attrs: dict[str, Any]) -> list[tuple]:
    person = NamedNode(entity_iri(fact["subject"], b.base))
    core: list[tuple] = [(node, A, KG.Participation), (node, KG.participant, person)]
    if fact.get("object"):
        event = NamedNode(entity_iri(fact["object"], b.base))
        core += [(node, KG.event, event), (person, KG.participatedIn, event)]
    if attrs.get("role") in PARTICIPATION_ROLES:
        core.append((node, KG.participationRole, PARTICIPATION_ROLES[attrs.pop("role")]))
    if attrs.get("order") is not None:
        core.append((node, KG.order, _integer(attrs.pop("order"))))
    return core + _seen(node, attrs)


def _statement(b: _Builder, node: NamedNode, fact: dict[str, Any], attrs: dict[str, Any]) -> list[tuple]:
    subj = NamedNode(entity_iri(fact["subject"], b.base))
    obj = NamedNode(entity_iri(fact["object"], b.base)) if fact.get("object") else None
    pred = RELATION_PREDICATES.get(fact["relation"])
    if pred is None:
        attrs["relation"] = fact["relation"]
    direct = [(subj, pred, obj)] if pred and obj else []
    if fact["relation"] in ("partner_of", "cooperates_with") and direct:
        direct.append((obj, pred, subj))  # symmetric: both directions, for SPARQL without reasoning
    if not attrs and not fact.get("sources"):
        return direct
    core = direct + [(node, A, KG.Statement), (node, A, RDF.Statement), (node, RDF.subject, subj)]
    core += [(node, RDF.predicate, pred)] if pred else []
    core += [(node, RDF.object, obj)] if obj else []
    for key, prop in (("amount", KG.amount), ("change", KG.change)):
        if attrs.get(key) not in (None, ""):
            core.append((node, prop, _plain(attrs.pop(key))))
    return core + _seen(node, attrs)


def _evidence_source(b: _Builder, instant: NamedNode, src: dict[str, Any]) -> list[tuple]:
    """The sentence a bound rests on (a successor's bound: a sentence of the successor's post)."""
    deriv = NamedNode(f"{instant.value}/source")
    quads = [(instant, KG.evidenceSource, deriv), (deriv, A, PROV.Derivation), (deriv, PROV.entity, _source_graph(b, src)),
             (deriv, KG.document, b.iri("doc", str(src["document"]))), (deriv, KG.sentence, _plain(src.get("sentence", "")))]
    quads += [(deriv, KG[k], _integer(src[k])) for k in ("start", "end") if src.get(k) is not None]
    if src.get("person"):
        quads.append((deriv, KG.successor, NamedNode(entity_iri(src["person"], b.base))))
    return quads


def _derivation(b: _Builder, node: NamedNode, src: dict[str, Any]) -> None:
    graph, doc = _source_graph(b, src), b.iri("doc", str(src.get("document", "")))
    key = f"{iri_path(str(src.get('document', '')), keep_slash=False)}/{src.get('start')}-{src.get('end')}"
    deriv = NamedNode(f"{node.value}/source/{key}")
    quads = [(node, DERIVED, graph), (node, PROV.qualifiedDerivation, deriv), (deriv, A, PROV.Derivation),
             (deriv, PROV.entity, graph), (deriv, KG.document, doc), (deriv, KG.sentence, _plain(src.get("sentence", "")))]
    quads += [(deriv, KG[k], _integer(src[k])) for k in ("start", "end") if src.get(k) is not None]
    for s, p, o in quads:
        b.add(s, p, o, graph)


def add_fact(b: _Builder, fid: str, fact: dict[str, Any]) -> None:
    """A fact's triples, in the named graph of each article it was read in (ontology/kg.ttl)."""
    node = b.iri("fact", fid)
    attrs = dict(fact.get("attributes") or {})
    make = {"holds_position": _membership, "participated": _participation}.get(fact["relation"], _statement)
    core = make(b, node, fact, attrs)
    if attrs:  # what no term covers; only left where a fact node exists
        core.append((node, KG.extra, _plain(attrs)))
    sources = sorted(fact.get("sources") or (), key=lambda s: json.dumps(s, sort_keys=True, ensure_ascii=False))
    graphs = [_DEFAULT] if b.flat else sorted({_source_graph(b, s) for s in sources}, key=str) or [_DEFAULT]
    for graph in graphs:      # merged into one graph anyway: the core once, not once per article
        for s, p, o in core:
            b.add(s, p, o, graph)
    for src in sources:
        _derivation(b, node, src)


def to_dataset(graph: dict[str, Any], *, base_iri: str = DEFAULT_BASE_IRI) -> Dataset:
    """The kg-json graph as an RDF dataset (pure; nothing is written).

    >>> g = {"entities": [{"id": "person/张百顺", "type": "person", "name": "张百顺"}]}
    >>> sorted(q.object.value for q in to_dataset(g) if q.predicate.value.endswith("label"))
    ['zhang bai shun', '张百顺']
    """
    return _fill(_Builder(base_iri), graph).dataset


def _fill(b: _Builder, graph: dict[str, Any]) -> _Builder:
    if not b.base.endswith(("/", "#")) or not NamedNode(b.base).value.isascii():
        raise ValueError(f"base_iri must be an absolute ASCII IRI ending in / or #: {b.base!r}")
    for doc in graph.get("documents") or ():
        b.document(doc)
    dates = {d["id"]: d.get("date") for d in graph.get("documents") or ()}
    for art in graph.get("articles") or ():
        b.article(art, dates)
    for ent in graph.get("entities") or ():
        b.entity(ent)
    for fid, fact in fact_ids(graph.get("facts") or ()):
        add_fact(b, fid, fact)
    return b


class _LineBuilder(_Builder):
    """Collects each statement as its canonical N-Triples text, by graph, with no RDF dataset:
    an archive's dataset takes about fifteen times the memory of its text. With `flat`, every
    statement goes into one set (the default graph: what the triple formats write)."""

    def __init__(self, base_iri: str, *, flat: bool = False) -> None:
        self.base = base_iri
        self.flat = flat
        self.graphs: dict[str, set[bytes]] = {"": set()}      # "" is the default graph

    def add(self, s: NamedNode, p: Any, o: Any, g: Any = _DEFAULT) -> None:
        p = _n(p) if isinstance(p, str) else p
        o = _n(o) if isinstance(o, str) else o
        key = "" if self.flat or isinstance(g, DefaultGraph) else str(g)
        lines = self.graphs.get(key)
        if lines is None:
            lines = self.graphs[key] = set()
        lines.add(f"{s} {p} {o}".encode())   # UTF-8 sorts as code points do, and takes
        # a third of the memory of the text of an archive's many non-ASCII statements


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
    graphs = _fill(_LineBuilder(base_iri, flat=not quads), graph).graphs
    for name in sorted(graphs):          # the default graph ("") first, then each by IRI
        end = f" {name} .\n".encode() if name else b" .\n"
        lines = sorted(graphs.pop(name), reverse=True)     # popped from the end in order
        while lines:
            piece = [lines.pop() for _ in range(min(_PIECE, len(lines)))]
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
    for name in [_DEFAULT, *names]:
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
