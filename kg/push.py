"""Load an export into any SPARQL 1.1 store over the Graph Store HTTP Protocol (urllib only).

Triples (the default-graph union) go to `ENDPOINT?default`, or to the graph `ENDPOINT?graph=IRI`:
POST adds them (append, the default), PUT (`replace=True`) replaces what the graph held. With
`quads=True` the N-Quads (one named graph per article) go to ENDPOINT itself, which quad stores
such as Oxigraph (`/store`), Fuseki (`/DATASET`) and GraphDB (`/repositories/REPO/statements`)
accept; then query them with the union default graph on (`oxigraph serve --union-default-graph`,
Fuseki `tdb:unionDefaultGraph true`).

Authentication (`Auth`): HTTP basic (sent with the request), digest (answering the server's
challenge, as Virtuoso's `/sparql-graph-crud-auth` asks) or a bearer token. The secret is never
part of a message, and every failure is one line that says what to do.
"""
from __future__ import annotations

import base64
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.query import load_store

TRIPLE_TYPES = {".ttl": "text/turtle", ".nt": "application/n-triples"}
QUAD_TYPES = {".nq": "application/n-quads", ".trig": "application/trig"}


AUTH_SCHEMES = ("basic", "digest", "bearer")


@dataclass(frozen=True)
class Auth:
    """Credentials for an endpoint: `scheme` basic or digest with `user` and `secret` (the
    password), or bearer with `secret` (the token). The secret never shows in a repr.

    >>> Auth("basic", "dba", "s3cret")
    Auth(scheme='basic', user='dba')
    """
    scheme: str
    user: str | None = None
    secret: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        if self.scheme not in AUTH_SCHEMES:
            raise ValueError(f"unknown authentication {self.scheme!r}; use one of {', '.join(AUTH_SCHEMES)}")
        if self.scheme != "bearer" and not self.user:
            raise ValueError(f"{self.scheme} authentication needs a user name")
        if not self.secret:
            raise ValueError(f"{self.scheme} authentication needs a {'token' if self.scheme == 'bearer' else 'password'}")


def make_auth(*, user: str | None = None, password: str | None = None, token: str | None = None,
              scheme: str | None = None) -> Auth | None:
    """The Auth the options ask for: a token means bearer, a user basic (or `scheme`); None for none.

    >>> make_auth(user="dba", password="pw", scheme="digest")
    Auth(scheme='digest', user='dba')
    >>> make_auth(token="t"), make_auth()
    (Auth(scheme='bearer', user=None), None)
    """
    if token and (user or password):
        raise ValueError("give either a token or a user and password, not both")
    if token:
        return Auth(scheme or "bearer", None, token)
    if user or password:
        if not user:
            raise ValueError("a password needs a user name (--user)")
        if not password:
            raise ValueError(f"no password for {user}: give --password or set KG_PASSWORD")
        return Auth(scheme or "basic", user, password)
    if scheme:
        raise ValueError(f"{scheme} authentication needs --user and --password, or --token")
    return None


class _DigestOnce(urllib.request.HTTPDigestAuthHandler):
    """Digest that answers a challenge once: when the answer is refused too, the credentials are
    wrong, and sending the whole export five more times (urllib's habit) would not help."""

    def http_error_401(self, req, fp, code, msg, headers):  # urllib's signature
        if req.get_header(self.auth_header):
            return None
        return super().http_error_401(req, fp, code, msg, headers)


def _opener(url: str, auth: Auth | None) -> tuple[urllib.request.OpenerDirector, dict[str, str]]:
    """An opener for `url` and the headers that carry `auth` up front (basic, bearer)."""
    if auth is None:
        return urllib.request.build_opener(), {}
    if auth.scheme == "bearer":
        return urllib.request.build_opener(), {"Authorization": f"Bearer {auth.secret}"}
    if auth.scheme == "basic":
        token = base64.b64encode(f"{auth.user}:{auth.secret}".encode()).decode("ascii")
        return urllib.request.build_opener(), {"Authorization": f"Basic {token}"}
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, auth.user, auth.secret)
    return urllib.request.build_opener(_DigestOnce(passwords)), {}


def redact(url: str) -> str:
    """A URL without any user:password@ part, for messages.

    >>> redact("http://dba:s3cret@127.0.0.1:8890/sparql-graph-crud-auth?graph=g")
    'http://127.0.0.1:8890/sparql-graph-crud-auth?graph=g'
    """
    return re.sub(r"^([a-z][a-z0-9+.-]*://)[^/@]*@", r"\1", url, flags=re.IGNORECASE)


def _refusal(method: str, url: str, code: int, detail: str, auth: Auth | None) -> str:
    where = f"{method} {redact(url)}"
    if code == 401 and auth is None:
        return f"{where}: HTTP 401, the endpoint needs authentication: give --user and --password, or --token"
    if code == 401:
        hint = "" if auth.scheme != "basic" else "; if the server asks for digest, add --auth digest"
        return f"{where}: HTTP 401, the endpoint refused the credentials of {auth.user or 'the token'}{hint}"
    if code == 403:
        who = (auth.user or "the token") if auth else "an anonymous user"
        return f"{where}: HTTP 403, {who} may not write here (grant the right to update, e.g. SPARQL_UPDATE)"
    text = " ".join(detail.split())[:300]
    return f"{where} refused with HTTP {code}" + (f": {text}" if text else "")


@dataclass(frozen=True)
class Pushed:
    url: str
    method: str
    status: int
    statements: int


def graph_store_url(endpoint: str, graph_iri: str | None = None) -> str:
    """The Graph Store Protocol URL of the default graph or of a named graph.

    >>> graph_store_url("http://127.0.0.1:7878/store")
    'http://127.0.0.1:7878/store?default'
    >>> graph_store_url("http://h/store?x=1", "https://kg.example.org/graph/2024")
    'http://h/store?x=1&graph=https%3A%2F%2Fkg.example.org%2Fgraph%2F2024'
    """
    query = "default" if graph_iri is None else urllib.parse.urlencode({"graph": graph_iri})
    return endpoint + ("&" if "?" in endpoint else "?") + query


def _payload(source: str | Path, *, quads: bool) -> tuple[bytes, str, int]:
    """(body, media type, statement count): the export's own file where it fits, else re-serialised."""
    path = Path(source)
    wanted = QUAD_TYPES if quads else TRIPLE_TYPES
    files = [path] if path.is_file() else [path / f"graph{ext}" for ext in wanted]
    for file in files:
        if file.suffix in wanted and file.exists():
            count = sum(1 for _ in ox.parse(path=str(file), format=ox.RdfFormat.from_extension(file.suffix[1:])))
            return file.read_bytes(), wanted[file.suffix], count
    store = load_store(path)  # any export, kg-json included
    if quads:
        return ox.serialize(store, format=ox.RdfFormat.N_QUADS), QUAD_TYPES[".nq"], len(store)
    triples = sorted({q.triple for q in store}, key=str)
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), TRIPLE_TYPES[".nt"], len(triples)


def push(source: str | Path, endpoint: str, *, graph_iri: str | None = None, quads: bool = False,
         replace: bool = False, auth: Auth | None = None, timeout: float = 300) -> Pushed:
    """Send an export (directory or file) to a Graph Store Protocol endpoint; raise on refusal.

    `graph_iri`: the named graph to load (default: the default graph). `replace`: PUT, so the
    graph (or, with quads, the store) holds only this export afterwards; default POST, which adds.
    `quads=True`: the N-Quads, article graphs and all, to the endpoint itself (a quad store).
    Raises RuntimeError with a one-line message (no secret in it) when the store refuses or
    cannot be reached.
    """
    if quads and graph_iri:
        raise ValueError("quads carry their own graph names: give either quads or graph_iri")
    body, media_type, count = _payload(source, quads=quads)
    url = endpoint if quads else graph_store_url(endpoint, graph_iri)
    method = "PUT" if replace else "POST"
    opener, headers = _opener(url, auth)
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": f"{media_type}; charset=utf-8"})
    for name, value in headers.items():   # never sent on to wherever a redirect points
        request.add_unredirected_header(name, value)
    try:
        with opener.open(request, timeout=timeout) as response:
            return Pushed(redact(url), method, response.status, count)
    except urllib.error.HTTPError as err:
        detail = err.read().decode("utf-8", "replace") if err.fp else ""
        raise RuntimeError(_refusal(method, url, err.code, detail, auth)) from None
    except OSError as err:   # URLError, a timeout, a connection reset while the body was sent
        raise RuntimeError(_unreachable(method, url, err, timeout)) from None


def _unreachable(method: str, url: str, err: OSError, timeout: float) -> str:
    """One line for a store that did not answer.

    >>> _unreachable("POST", "http://h/store", TimeoutError("timed out"), 5)
    'POST http://h/store: no answer within 5 s (a bigger --timeout?)'
    """
    reason = getattr(err, "reason", None) or err
    if isinstance(reason, TimeoutError):
        return f"{method} {redact(url)}: no answer within {timeout:g} s (a bigger --timeout?)"
    return f"cannot reach {redact(url)}: {getattr(reason, 'strerror', None) or reason}"
