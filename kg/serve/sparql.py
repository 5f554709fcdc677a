"""The SPARQL 1.1 Protocol at /sparql and the named queries at /queries/NAME, read-only.

A query comes as `query=` (GET, or a POSTed form) or as a POSTed `application/sparql-query`
body. Updates (`update=`, `application/sparql-update`, or an update operation sent as a
query) are refused with 403 before anything runs; the workers' store is read-only besides.
Named queries bind their parameters with kg.query (as RDF terms in a VALUES block, never
spliced into the text), then run like any other query.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs

from kg.query import bind_terms, named_queries, with_values
from kg.serve.workers import Answer, text_answer

FORM = "application/x-www-form-urlencoded"
_PROLOGUE = re.compile(r"\s*(?:(?:#[^\n]*\n?)|(?:PREFIX\s+[\w.-]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>))", re.IGNORECASE)
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
READ_ONLY = "kg: this endpoint is read-only; SPARQL updates are refused"


def is_update(text: str) -> bool:
    """Whether a request's text is a SPARQL update rather than a query (its first keyword after the prologue).

    >>> is_update("PREFIX x: <http://x#>\\n# c\\nINSERT DATA { x:a x:b x:c }"), is_update("SELECT * { ?s ?p ?o }")
    (True, False)
    """
    at = 0
    while (m := _PROLOGUE.match(text, at)) and m.end() > at:
        at = m.end()
    word = re.match(r"\s*([A-Za-z]+)", text[at:])
    return bool(word) and word.group(1).upper() in UPDATE_WORDS


def read_protocol(method: str, params: dict[str, list[str]], content_type: str, body: bytes
                  ) -> tuple[str | None, Answer | None]:
    """The query text of a protocol request, or the error to answer with.

    >>> read_protocol("POST", {}, "application/sparql-update", b"DROP ALL")[1].status
    403
    >>> read_protocol("POST", {}, "application/sparql-query; charset=utf-8", "ASK {}".encode())[0]
    'ASK {}'
    """
    media = content_type.split(";")[0].strip().lower()
    if method == "POST" and media == "application/sparql-update" or "update" in params:
        return None, text_answer(403, READ_ONLY)
    if method == "POST" and media == FORM:
        form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        if "update" in form:
            return None, text_answer(403, READ_ONLY)
        params = {**params, **form}
    if "default-graph-uri" in params or "named-graph-uri" in params:
        return None, text_answer(400, "kg: default-graph-uri and named-graph-uri are not supported here; the default "
                                      "graph is the union of all the store's graphs (GRAPH ?g { … } tells them apart)")
    queries = params.get("query", [])
    if method == "POST" and media == "application/sparql-query":
        queries = [body.decode("utf-8", "replace")]
    if len(queries) != 1:
        return None, text_answer(400, "kg: give exactly one query (query=… or a POSTed application/sparql-query body)")
    if is_update(queries[0]):
        return None, text_answer(403, READ_ONLY)
    return queries[0], None


def named_query_text(name: str, params: dict[str, str]) -> str:
    """A named query with its parameters bound as terms (blank ones left unbound); ValueError if bad.

    >>> text = named_query_text("officials", {"org": '"} } ; DROP ALL #'})
    >>> 'VALUES (?org) { ("\\\\"} } ; DROP ALL #"@zh) }' in text
    True
    """
    queries = named_queries()
    if name not in queries:
        raise KeyError(name)
    query = queries[name]
    given = {k: v for k, v in params.items() if v.strip()}
    return with_values(query.text, bind_terms(query, given))
