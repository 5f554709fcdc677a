"""The project's ontology terms (ontology/kg.ttl) as a closed namespace: a typo fails at import.

tests/test_vocab.py checks that every term here is declared in kg.ttl and vice versa.

>>> KG.Person
rdflib.term.URIRef('https://kg.example.org/ns#Person')
>>> PREFIXES["org"]
'http://www.w3.org/ns/org#'
"""
from __future__ import annotations

from pathlib import Path

from rdflib import RDF, RDFS, XSD
from rdflib.namespace import FOAF, ORG, PROV, SDO, TIME, DefinedNamespace, Namespace
from rdflib.term import URIRef

# The checkout's ontology/, or its copy installed as kg/ontology (pyproject's package-dir).
_HERE = Path(__file__).resolve().parent
ONTOLOGY_DIR = _HERE / "ontology" if (_HERE / "ontology" / "kg.ttl").exists() else _HERE.parent / "ontology"
ONTOLOGY_IRI = "https://kg.example.org/ns"


class KG(DefinedNamespace):
    """Classes, properties and individuals of ontology/kg.ttl."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI + "#")

    # entity classes
    Person: URIRef
    Place: URIRef
    Organization: URIRef
    Company: URIRef
    Event: URIRef
    # documents and fact nodes
    Document: URIRef
    Article: URIRef
    Participation: URIRef
    Statement: URIRef
    ParticipationRole: URIRef
    PersonRole: URIRef
    # individuals
    chair: URIRef
    speaker: URIRef
    attendee: URIRef
    official: URIRef
    journalist: URIRef
    business: URIRef
    other: URIRef
    # relations
    participatedIn: URIRef
    met: URIRef
    visited: URIRef
    locatedIn: URIRef
    partOf: URIRef
    partnerOf: URIRef
    cooperatesWith: URIRef
    guarantees: URIRef
    bornIn: URIRef
    # participation
    participant: URIRef
    event: URIRef
    participationRole: URIRef
    order: URIRef
    # attributes
    personRole: URIRef
    adminLevel: URIRef
    divisionCode: URIRef
    title: URIRef
    change: URIRef
    amount: URIRef
    firstSeen: URIRef
    lastSeen: URIRef
    writtenTitle: URIRef
    startEvidence: URIRef
    endEvidence: URIRef
    evidence: URIRef
    evidenceSource: URIRef
    successor: URIRef
    extra: URIRef
    # documents and sources
    homePlace: URIRef
    sourceLocation: URIRef
    document: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef


# kg-json relation -> the direct triple's predicate (holds_position has none: org:holds a post)
RELATION_PREDICATES: dict[str, URIRef] = {
    "participated": KG.participatedIn,
    "met": KG.met,
    "visited": KG.visited,
    "located_in": KG.locatedIn,
    "part_of": KG.partOf,
    "partner_of": KG.partnerOf,
    "cooperates_with": KG.cooperatesWith,
    "guarantees": KG.guarantees,
    "born_in": KG.bornIn,
}

# kg-json entity type -> (kg class, the schema.org class it is also typed with)
ENTITY_CLASSES: dict[str, tuple[URIRef, URIRef]] = {
    "person": (KG.Person, SDO.Person),
    "place": (KG.Place, SDO.Place),
    "organization": (KG.Organization, SDO.GovernmentOrganization),
    "company": (KG.Company, SDO.Corporation),
    "event": (KG.Event, SDO.Event),
}

PARTICIPATION_ROLES: dict[str, URIRef] = {"chair": KG.chair, "speaker": KG.speaker, "attendee": KG.attendee}
PERSON_ROLES: dict[str, URIRef] = {
    "official": KG.official, "journalist": KG.journalist, "business": KG.business, "other": KG.other,
}

PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "schema": str(SDO._NS),
    "org": str(ORG._NS),
    "prov": str(PROV._NS),
    "time": str(TIME._NS),
    "foaf": str(FOAF._NS),
}
