"""The RDF terms of the kg-json graph: IRIs derived from ids only, literals any store accepts.

`https://kg.example.org/id/person/%E6%9D%8E%E9%95%BF%E8%90%8D` is the IRI of "person/李长萍";
a literal loses the lone surrogates no encoder can write. A term is its canonical N-Triples text
(`<https://…>`, `"李长萍"@zh`), the form pyoxigraph writes: kg/export/rdf_model.py joins three
into a line, and an archive's million statements are never a million pyoxigraph objects.
"""
from __future__ import annotations

import datetime
import json
import re
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from pyoxigraph import Literal
from rdflib import RDF as _RDF
from rdflib import RDFS, XSD
from rdflib.namespace import FOAF as _FOAF
from rdflib.namespace import ORG as _ORG
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import SDO as _SDO
from rdflib.namespace import TIME as _TIME

from kg.vocab import KG as _KG

DEFAULT_BASE_IRI = "https://kg.example.org/"
_SURROGATES = re.compile("[\ud800-\udfff]")
DEFAULT_GRAPH = ""          # the graph name of the default graph


def named(iri: str) -> str:
    """An IRI as a term (our IRIs are ASCII, percent-encoded: nothing to escape).

    >>> named(XSD.date)
    '<http://www.w3.org/2001/XMLSchema#date>'
    """
    return f"<{iri}>"


class Vocabulary:
    """A namespace's terms, each made on first use and then an attribute: an export names a
    term a million times, and rdflib's namespaces look each one up again. A term the namespace
    does not have fails as it does there.

    >>> KG.Person, KG["order"]
    ('<https://kg.example.org/ns#Person>', '<https://kg.example.org/ns#order>')
    """

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):      # not a term (doctest and copy probe such names)
            raise AttributeError(name)
        term = named(getattr(self._namespace, name))
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> str:
        return self.__dict__.get(name) or self.__getattr__(name)


KG, RDF, ORG, PROV, SDO, TIME, FOAF = map(Vocabulary, (_KG, _RDF, _ORG, _PROV, _SDO, _TIME, _FOAF))
A = RDF.type
LABEL, NAME = named(RDFS.label), SDO.name
DERIVED = PROV.wasDerivedFrom


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


# what N-Triples escapes in a literal's text, as pyoxigraph writes it (checked on every code point)
_ESCAPED = re.compile('[\x00-\x1f"\\\\\x7f\ufffe\uffff]')
_PINYIN = str(Literal("", language="zh-Latn-pinyin"))[2:]     # pyoxigraph writes tags in lower case
_DATE, _INTEGER = f"^^{named(XSD.date)}", f"^^{named(XSD.integer)}"


def _literal(text: str, suffix: str = "") -> str:
    if _ESCAPED.search(text):
        text = str(Literal(text))[1:-1]
    return f'"{text}"{suffix}'


def zh_literal(text: Any) -> str:
    """Chinese text as a literal.

    >>> zh_literal('市委"书记"'), pinyin_literal("li chang ping")
    ('"市委\\\\"书记\\\\""@zh', '"li chang ping"@zh-latn-pinyin')
    """
    return _literal(clean_text(text), "@zh")


def pinyin_literal(text: str) -> str:
    return _literal(clean_text(text), _PINYIN)


def plain_literal(value: Any) -> str:
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return _literal(clean_text(value))


@lru_cache(maxsize=4096)      # an archive's dates are a few thousand
def _date_text(value: str) -> str | None:
    try:
        return f'"{datetime.date.fromisoformat(value).isoformat()}"{_DATE}'
    except ValueError:
        return None


def date_literal(value: Any) -> str:
    """An xsd:date, or the text as written when it is not one.

    >>> date_literal("2024-02-07"), date_literal("二月")
    ('"2024-02-07"^^<http://www.w3.org/2001/XMLSchema#date>', '"二月"')
    """
    return _date_text(str(value)) or plain_literal(value)


def integer_literal(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) or (isinstance(value, str) and value.isdecimal()):
        return f'"{int(value)}"{_INTEGER}'
    return plain_literal(value)

