"""SPARQL query results as the four W3C formats (JSON, XML, CSV, TSV), and which one a client wants.

Written here rather than with pyoxigraph's serialisers because the server stops at a row
limit: solutions are read one by one and the limit is checked before anything is sent.
RDF results (CONSTRUCT, DESCRIBE) are serialised by pyoxigraph.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# media type -> short name; the first is the default
SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
SHORT = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
         "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
         "ntriples": "application/n-triples", "rdfxml": "application/rdf+xml"}


def choose_type(accept: str | None, fmt: str | None, offered: Sequence[str]) -> str | None:
    """The media type to answer with: `format=` first, then the best of `Accept`, else the default.

    >>> offered = list(SOLUTION_TYPES)
    >>> choose_type("text/csv;q=0.5, application/sparql-results+xml", None, offered)
    'application/sparql-results+xml'
    >>> choose_type("*/*", None, offered), choose_type(None, "tsv", offered), choose_type("image/png", None, offered)
    ('application/sparql-results+json', 'text/tab-separated-values', None)
    """
    if fmt:
        wanted = SHORT.get(fmt.lower(), fmt.lower())
        return wanted if wanted in offered else None
    if not accept:
        return offered[0]
    ranked = []
    for i, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = next((float(p[2:]) for p in params if p.startswith("q=") and _is_float(p[2:])), 1.0)
        ranked.append((-q, i, media.lower()))
    for _, _, media in sorted(ranked):
        if media in ("*/*", "application/*", "text/*") or media in offered:
            if media in offered:
                return media
            return next((o for o in offered if media == "*/*" or o.startswith(media[:-1])), None)
    return None


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _json_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _xml_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def _csv_value(term: object) -> str:
    if term is None:
        return ""
    return ("_:" + term.value) if isinstance(term, ox.BlankNode) else term.value


def write_solutions(names: list[str], rows: Iterable[Sequence[object]], fmt: str) -> bytes:
    """Solutions (rows of pyoxigraph terms or None) in one of json, xml, csv, tsv.

    >>> rows = [(ox.NamedNode("http://x/a"), ox.Literal("李<长>萍", language="zh")), (None, ox.Literal("2"))]
    >>> write_solutions(["p", "n"], rows, "tsv").decode().split("\\n")
    ['?p\\t?n', '<http://x/a>\\t"李<长>萍"@zh', '\\t"2"', '']
    >>> write_solutions(["p", "n"], rows, "csv").decode()
    'p,n\\r\\nhttp://x/a,李<长>萍\\r\\n,2\\r\\n'
    """
    if fmt == "json":
        bindings = [{n: _json_term(t) for n, t in zip(names, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>',
               *(f"<variable name={quoteattr(n)}/>" for n in names), "</head><results>"]
        for row in rows:
            out.append("<result>" + "".join(f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>"
                                            for n, t in zip(names, row) if t is not None) + "</result>")
        out.append("</results></sparql>\n")
        return "".join(out).encode("utf-8")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(names)
        writer.writerows([_csv_value(t) for t in row] for row in rows)
        return buffer.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join("?" + n for n in names)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"unknown results format {fmt!r}")


def write_boolean(value: bool, fmt: str) -> bytes:
    """An ASK answer.

    >>> write_boolean(True, "json"), write_boolean(False, "csv")
    (b'{"head": {}, "boolean": true}', b'_askResult\\r\\nfalse\\r\\n')
    """
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{str(value).lower()}</boolean></sparql>\n").encode()
    if fmt == "csv":
        return f"_askResult\r\n{str(value).lower()}\r\n".encode()
    return f"?_askResult\n{str(value).lower()}\n".encode()
