"""The RDF terms of the kg-json graph: IRIs derived from ids only, literals any store accepts.

`https://kg.example.org/id/person/%E6%9D%8E%E9%95%BF%E8%90%8D` is the IRI of "person/李长萍";
a literal loses the lone surrogates no encoder can write. kg/export/rdf_model.py uses them.
"""
from __future__ import annotations

import datetime
import json
import re
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from pyoxigraph import DefaultGraph, Literal, NamedNode
from rdflib import RDF, RDFS, XSD
from rdflib.namespace import PROV, SDO

DEFAULT_BASE_IRI = "https://kg.example.org/"
_SURROGATES = re.compile("[\ud800-\udfff]")
DEFAULT_GRAPH = DefaultGraph()


@lru_cache(maxsize=4096)
def named(term: str) -> NamedNode:
    return NamedNode(str(term))


A = named(RDF.type)
LABEL, NAME = named(RDFS.label), named(SDO.name)
DERIVED = named(PROV.wasDerivedFrom)


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


def zh_literal(text: Any) -> Literal:
    return Literal(clean_text(text), language="zh")


def plain_literal(value: Any) -> Literal:
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return Literal(clean_text(value))


def date_literal(value: Any) -> Literal:
    try:
        return Literal(datetime.date.fromisoformat(str(value)).isoformat(), datatype=named(XSD.date))
    except ValueError:
        return plain_literal(value)


def integer_literal(value: Any) -> Literal:
    if isinstance(value, int) and not isinstance(value, bool) or (isinstance(value, str) and value.isdecimal()):
        return Literal(str(int(value)), datatype=named(XSD.integer))
    return plain_literal(value)

