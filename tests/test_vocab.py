from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kg.vocab import ENTITY_CLASSES, KG, ONTOLOGY_DIR, PARTICIPATION_ROLES, PERSON_ROLES, RELATION_PREDICATES

DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")


def vocab_terms() -> set[URIRef]:
    return {KG[name] for name in KG.__annotations__}


def declared_terms(g: Graph) -> set[URIRef]:
    ns = str(KG._NS)
    return {s for s, t in g.subject_objects(RDF.type) if t in DECLARATIONS and str(s).startswith(ns)}


def test_every_vocab_term_is_declared_in_the_ontology(ontology: Graph) -> None:
    assert vocab_terms() - declared_terms(ontology) == set()


def test_every_ontology_term_is_in_the_vocab(ontology: Graph) -> None:
    assert declared_terms(ontology) - vocab_terms() == set()


def test_no_undeclared_kg_term_is_used_in_the_ontology(ontology: Graph) -> None:
    used = {t for triple in ontology for t in triple if isinstance(t, URIRef) and str(t).startswith(str(KG._NS))}
    assert used - declared_terms(ontology) == set()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("prop", [RDFS.label, RDFS.comment])
def test_every_term_has_label_and_comment_in_chinese_and_english(ontology: Graph, prop: URIRef, lang: str) -> None:
    missing = [t for t in declared_terms(ontology)
               if not any(isinstance(o, Literal) and o.language == lang for o in ontology.objects(t, prop))]
    assert missing == []


def test_a_typo_in_a_term_fails() -> None:
    with pytest.raises(AttributeError):
        KG.Persn  # noqa: B018


@pytest.mark.parametrize(("kg_class", "schema_class"), [
    (KG.Person, "https://schema.org/Person"),
    (KG.Place, "https://schema.org/Place"),
    (KG.Organization, "https://schema.org/GovernmentOrganization"),
    (KG.Company, "https://schema.org/Corporation"),
    (KG.Event, "https://schema.org/Event"),
    (KG.Article, "https://schema.org/NewsArticle"),
])
def test_classes_are_aligned_to_schema_org(ontology: Graph, kg_class: URIRef, schema_class: str) -> None:
    assert (kg_class, RDFS.subClassOf, URIRef(schema_class)) in ontology


def test_tables_use_declared_terms_only(ontology: Graph) -> None:
    used = set(RELATION_PREDICATES.values()) | set(PARTICIPATION_ROLES.values()) | set(PERSON_ROLES.values())
    used |= {c for c, _ in ENTITY_CLASSES.values()}
    assert used <= declared_terms(ontology)
