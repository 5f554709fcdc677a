"""kg-json -> RDF statements, modelled as ontology/kg.ttl says.

`Builder` has one method per kind of record (document, article, entity); `add_fact` maps a
fact to its statements: a post is an org:Membership whose tenure is an OWL-Time interval with
the evidence of each bound, a role at an event a kg:Participation, any other relation a direct
triple plus an rdf:Statement; each source is a prov:Derivation in the named graph of its
article. Terms are text (kg/export/rdf_terms.py): `Builder` collects each statement as its
canonical N-Triples line, by graph, with no RDF dataset (an archive's dataset takes about
fifteen times the memory of its text); kg/export/rdf.py sorts and writes them.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import Any

from pyoxigraph import NamedNode

from kg import vocab
from kg.careers import post_key
from kg.export.rdf_terms import (
    DEFAULT_GRAPH,
    DERIVED,
    FOAF,
    KG,
    LABEL,
    NAME,
    ORG,
    PROV,
    RDF,
    SDO,
    TIME,
    A,
    clean_text,
    date_literal,
    entity_iri,
    integer_literal,
    iri_path,
    named,
    pinyin_literal,
    plain_literal,
    zh_literal,
)
from kg.pinyin import to_pinyin

# the vocabulary's tables (kg/vocab.py), their terms as nodes
ENTITY_CLASSES = {k: (named(a), named(b)) for k, (a, b) in vocab.ENTITY_CLASSES.items()}
PARTICIPATION_ROLES = {k: named(v) for k, v in vocab.PARTICIPATION_ROLES.items()}
PERSON_ROLES = {k: named(v) for k, v in vocab.PERSON_ROLES.items()}
RELATION_PREDICATES = {k: named(v) for k, v in vocab.RELATION_PREDICATES.items()}


class Builder:
    """Collects statements as canonical N-Triples lines (UTF-8), a list per graph name (`""`
    the default graph; a statement made twice is there twice, the writer drops the copy once
    sorted, which is cheaper than a set's hashing); one method per kind of kg-json record.
    With `flat`, every statement goes into the default graph (what the triple formats write)."""

    def __init__(self, base_iri: str, *, flat: bool = False) -> None:
        self.base = base_iri
        self.flat = flat
        self.default: list[bytes] = []
        self.graphs: dict[str, list[bytes]] = {DEFAULT_GRAPH: self.default}

    def add(self, s: str, p: str, o: str, g: str = DEFAULT_GRAPH) -> None:
        # UTF-8 sorts as code points do, and takes a third of the memory of the text of an
        # archive's many non-ASCII statements
        lines = self.default if self.flat or not g else self.graphs.get(g)
        if lines is None:
            lines = self.graphs[g] = []
        lines.append(f"{s} {p} {o}".encode())

    def iri(self, kind: str, key: str, *, keep_slash: bool = True) -> str:
        return f"<{self.base}{kind}/{iri_path(key, keep_slash=keep_slash)}>"

    def entity(self, entity_id: str) -> str:
        return f"<{entity_iri(entity_id, self.base)}>"

    def labels(self, node: str, name: Any, *, pinyin: bool = True) -> None:
        self.add(node, LABEL, zh_literal(name))
        self.add(node, NAME, zh_literal(name))
        reading = to_pinyin(clean_text(name)).strip() if pinyin else ""
        if reading:
            self.add(node, LABEL, pinyin_literal(reading))

    def extra(self, node: str, rest: dict[str, Any], g: str = DEFAULT_GRAPH) -> None:
        if rest:
            self.add(node, KG.extra, plain_literal(rest), g)

    def document(self, doc: dict[str, Any]) -> None:
        node = self.iri("doc", str(doc["id"]))
        self.add(node, A, KG.Document)
        self.add(node, LABEL, plain_literal(doc["id"]))
        for key, prop, make in (("date", SDO.datePublished, date_literal), ("place", KG.homePlace, plain_literal),
                                ("source", KG.sourceLocation, plain_literal)):
            if doc.get(key) not in (None, ""):
                self.add(node, prop, make(doc[key]))

    def article(self, art: dict[str, Any], dates: dict[str, Any]) -> None:
        node = self.iri("article", str(art["id"]))
        doc = self.iri("doc", str(art["document"]))
        for cls in (KG.Article, SDO.NewsArticle):
            self.add(node, A, cls)
        self.add(node, SDO.isPartOf, doc)
        self.add(node, KG.document, doc)
        self.add(node, LABEL, zh_literal(art.get("title") or art["id"]))
        if art.get("title"):
            self.add(node, SDO.headline, zh_literal(art["title"]))
        for key in ("start", "end"):
            if art.get(key) is not None:
                self.add(node, KG[key], integer_literal(art[key]))
        if dates.get(art["document"]):
            self.add(node, SDO.datePublished, date_literal(dates[art["document"]]))

    def record(self, ent: dict[str, Any]) -> None:
        node = self.entity(str(ent["id"]))
        kg_class, schema_class = ENTITY_CLASSES.get(ent.get("type", ""), (None, SDO.Thing))
        attrs = dict(ent.get("attributes") or {})
        for cls in (kg_class, schema_class, FOAF.Person if ent.get("type") == "person" else None,
                    SDO.AdministrativeArea if ent.get("type") == "place" and attrs.get("level") else None):
            if cls is not None:
                self.add(node, A, cls)
        self.labels(node, ent.get("name") or ent["id"])
        for alias in ent.get("aliases") or ():
            self.add(node, SDO.alternateName, zh_literal(alias))
        if attrs.get("role") in PERSON_ROLES and ent.get("type") == "person":
            self.add(node, KG.personRole, PERSON_ROLES[attrs.pop("role")])
        for key, prop, make in (("level", KG.adminLevel, plain_literal), ("code", KG.divisionCode, plain_literal),
                                ("date", SDO.startDate, date_literal), ("end_date", SDO.endDate, date_literal),
                                ("venue", SDO.location, plain_literal)):
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


def _source_graph(b: Builder, src: dict[str, Any]) -> str:
    """The named graph of a source: its article, or its document when no article is known."""
    return b.iri("article", str(src["article"])) if src.get("article") else b.iri("doc", str(src.get("document", "")))


def _seen(node: str, attrs: dict[str, Any]) -> list[tuple[Any, Any, Any]]:
    return [(node, KG[prop], date_literal(attrs.pop(key))) for key, prop in (("first_seen", "firstSeen"),
            ("last_seen", "lastSeen")) if attrs.get(key) not in (None, "")]


def _membership(b: Builder, node: str, fact: dict[str, Any], attrs: dict[str, Any]) -> list[tuple]:
    person = b.entity(fact["subject"])
    org = b.entity(fact["object"]) if fact.get("object") else None
    core: list[tuple] = [(node, A, ORG.Membership), (node, ORG.member, person)]
    core += [(node, ORG.organization, org)] if org else []
    title = attrs.pop("title", None)
    if title not in (None, ""):
        name = post_key(str(title))           # one role and one post whatever the page's script
        role = b.iri("role", name, keep_slash=False)
        b.add(role, A, ORG.Role)
        b.labels(role, name)
        core += [(node, ORG.role, role), (node, KG.title, plain_literal(title))]
        if org:
            post = (f"<{b.base}post/{iri_path(fact['object'], keep_slash=False)}/"
                    f"{iri_path(name, keep_slash=False)}>")
            for p, o in ((A, ORG.Post), (ORG.postIn, org), (ORG.role, role), (LABEL, zh_literal(name))):
                b.add(post, p, o)
            core.append((person, ORG.holds, post))
    if attrs.get("change"):
        core.append((node, KG.change, plain_literal(attrs.pop("change"))))
    core += [(node, KG.writtenTitle, zh_literal(form["title"])) for form in attrs.pop("forms", ())]
    return core + _seen(node, attrs) + _tenure(b, node, attrs)


def _tenure(b: Builder, node: str, attrs: dict[str, Any]) -> list[tuple]:
    """org:memberDuring -> a time:Interval from `start` to `end`; each bound a time:Instant with its
    kg:evidence and kg:evidenceSource (the prov:Derivation of the sentence it rests on). Dates and
    evidence kinds are repeated on the membership (schema:startDate, kg:startEvidence …): a
    one-triple OPTIONAL is fast everywhere."""
    core: list[tuple] = []
    during = _below(node, "during")
    for key, date_prop, evidence_prop, end in (("start", SDO.startDate, KG.startEvidence, TIME.hasBeginning),
                                               ("end", SDO.endDate, KG.endEvidence, TIME.hasEnd)):
        value, evidence, source = (attrs.pop(k, None) for k in (key, f"{key}_evidence", f"{key}_source"))
        if evidence:
            core.append((node, evidence_prop, plain_literal(evidence)))
        if value in (None, ""):
            continue
        instant = _below(node, key)
        core += [(node, date_prop, date_literal(value)), (during, end, instant), (instant, A, TIME.Instant),
                 (instant, TIME.inXSDDate, date_literal(value))]
        core += [(instant, KG.evidence, plain_literal(evidence))] if evidence else []
        core += _evidence_source(b, instant, source) if source else []
    if any(p in (TIME.hasBeginning, TIME.hasEnd) for _, p, _ in core):
        core += [(node, ORG.memberDuring, during), (during, A, TIME.Interval)]
    return core


def _participation(b: Builder, node: str, fact: dict[str, Any], attrs: dict[str, Any]) -> list[tuple]:
    person = b.entity(fact["subject"])
    core: list[tuple] = [(node, A, KG.Participation), (node, KG.participant, person)]
    if fact.get("object"):
        event = b.entity(fact["object"])
        core += [(node, KG.event, event), (person, KG.participatedIn, event)]
    if attrs.get("role") in PARTICIPATION_ROLES:
        core.append((node, KG.participationRole, PARTICIPATION_ROLES[attrs.pop("role")]))
    if attrs.get("order") is not None:
        core.append((node, KG.order, integer_literal(attrs.pop("order"))))
    return core + _seen(node, attrs)


def _statement(b: Builder, node: str, fact: dict[str, Any], attrs: dict[str, Any]) -> list[tuple]:
    subj = b.entity(fact["subject"])
    obj = b.entity(fact["object"]) if fact.get("object") else None
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
            core.append((node, prop, plain_literal(attrs.pop(key))))
    return core + _seen(node, attrs)


def _evidence_source(b: Builder, instant: str, src: dict[str, Any]) -> list[tuple]:
    """The sentence a bound rests on (a successor's bound: a sentence of the successor's post)."""
    deriv = _below(instant, "source")
    quads = [(instant, KG.evidenceSource, deriv), (deriv, A, PROV.Derivation), (deriv, PROV.entity, _source_graph(b, src)),
             (deriv, KG.document, b.iri("doc", str(src["document"]))), (deriv, KG.sentence, plain_literal(src.get("sentence", "")))]
    quads += [(deriv, KG[k], integer_literal(src[k])) for k in ("start", "end") if src.get(k) is not None]
    if src.get("person"):
        quads.append((deriv, KG.successor, b.entity(src["person"])))
    return quads


def _derivation(b: Builder, node: str, src: dict[str, Any]) -> None:
    graph, doc = _source_graph(b, src), b.iri("doc", str(src.get("document", "")))
    key = f"{iri_path(str(src.get('document', '')), keep_slash=False)}/{src.get('start')}-{src.get('end')}"
    deriv = _below(node, f"source/{key}")
    quads = [(node, DERIVED, graph), (node, PROV.qualifiedDerivation, deriv), (deriv, A, PROV.Derivation),
             (deriv, PROV.entity, graph), (deriv, KG.document, doc), (deriv, KG.sentence, plain_literal(src.get("sentence", "")))]
    quads += [(deriv, KG[k], integer_literal(src[k])) for k in ("start", "end") if src.get(k) is not None]
    for s, p, o in quads:
        b.add(s, p, o, graph)


def add_fact(b: Builder, fid: str, fact: dict[str, Any]) -> None:
    """A fact's triples, in the named graph of each article it was read in (ontology/kg.ttl)."""
    node = b.iri("fact", fid)
    attrs = dict(fact.get("attributes") or {})
    make = {"holds_position": _membership, "participated": _participation}.get(fact["relation"], _statement)
    core = make(b, node, fact, attrs)
    if attrs:  # what no term covers; only left where a fact node exists
        core.append((node, KG.extra, plain_literal(attrs)))
    sources = fact.get("sources") or ()
    if len(sources) > 1:      # most facts have one: no key to make
        sources = sorted(sources, key=lambda s: json.dumps(s, sort_keys=True, ensure_ascii=False))
    graphs = [DEFAULT_GRAPH] if b.flat else sorted({_source_graph(b, s) for s in sources}) or [DEFAULT_GRAPH]
    for graph in graphs:      # merged into one graph anyway: the core once, not once per article
        for s, p, o in core:
            b.add(s, p, o, graph)
    for src in sources:
        _derivation(b, node, src)


def _below(node: str, path: str) -> str:
    """The IRI of a part of a node: `<…/fact/f1>` -> `<…/fact/f1/during>`."""
    return f"{node[:-1]}/{path}>"


def fill(b: Builder, graph: dict[str, Any]) -> Builder:
    """`b` with the statements of the kg-json graph (documents, articles, entities, facts).

    >>> b = fill(Builder("https://kg.example.org/"), {"entities": [{"id": "place/聊城", "type": "place", "name": "聊城"}]})
    >>> sorted(line.decode().split(" ", 2)[2] for line in b.default if b"label" in line)
    ['"liao cheng"@zh-latn-pinyin', '"聊城"@zh']
    """
    if not b.base.endswith(("/", "#")) or not NamedNode(b.base).value.isascii():
        raise ValueError(f"base_iri must be an absolute ASCII IRI ending in / or #: {b.base!r}")
    for doc in graph.get("documents") or ():
        b.document(doc)
    dates = {d["id"]: d.get("date") for d in graph.get("documents") or ()}
    for art in graph.get("articles") or ():
        b.article(art, dates)
    for ent in graph.get("entities") or ():
        b.record(ent)
    for fid, fact in fact_ids(graph.get("facts") or ()):
        add_fact(b, fid, fact)
    return b

