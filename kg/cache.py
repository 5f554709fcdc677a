"""Per-document results kept on disk as JSON, keyed by everything that can change them.

The key is a sha256 of the document (id, text, date, place, source), the user lexicon and
the code: kg's version and a hash of every source and resource file of the package, so
editing a recogniser or retraining a model invalidates the cache without anyone having to
remember. Entries are plain JSON (never pickle: a cache folder is data, not code), written
atomically, sharded by the first two hex digits of the key.
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.extract.base import Lexicon
from kg.io import atomic_write
from kg.types import Document

PACKAGE = Path(__file__).resolve().parent
_SKIP_DIRS = {"__pycache__"}


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 over kg's version and the bytes of every file in the package (sources,
    lexicons, models, templates), in path order. Computed once per process.

    >>> len(code_fingerprint()), code_fingerprint() == code_fingerprint()
    (64, True)
    """
    import kg

    h = hashlib.sha256(f"kg {kg.__version__}\n".encode())
    for root, dirs, files in os.walk(PACKAGE):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo", ".tmp")) or name.startswith("."):
                continue
            path = Path(root, name)
            h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def lexicon_fingerprint(lexicon: Lexicon | None) -> str:
    """A stable hash of a user lexicon ('' for none or an empty one).

    >>> lexicon_fingerprint(None) == lexicon_fingerprint(Lexicon())
    True
    >>> a = Lexicon(entries={"王刚": ("person", ())})
    >>> b = Lexicon(entries={"王刚": ("person", ("老王",))})
    >>> lexicon_fingerprint(a) != lexicon_fingerprint(b)
    True
    """
    if lexicon is None or (not lexicon.entries and not lexicon.suppressed):
        return ""
    data = {"entries": {k: [t, list(a)] for k, (t, a) in sorted(lexicon.entries.items())},
            "suppressed": sorted(lexicon.suppressed)}
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def document_key(doc: Document, *, lexicon: Lexicon | None = None, code: str | None = None) -> str:
    """The cache key of one document's result.

    >>> d = Document(id="a.txt", text="市委书记李长萍出席会议。", date="2024-02-07", place="聊城市")
    >>> document_key(d) == document_key(Document(**{**d.__dict__}))
    True
    >>> document_key(d) == document_key(Document(**{**d.__dict__, "date": "2024-02-08"}))
    False
    """
    h = hashlib.sha256()
    for part in (code if code is not None else code_fingerprint(), lexicon_fingerprint(lexicon),
                 doc.id, doc.date or "", doc.place or "", doc.source or "", doc.kind, repr(doc.articles)):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    h.update(doc.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class ResultCache:
    """A folder of `<key[:2]>/<key>.json` files; a damaged entry is a miss, never an error."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            with open(self.path(key), encoding="utf-8") as fh:
                value = json.load(fh)
        except (OSError, ValueError):
            return None
        return value if isinstance(value, dict) and "document" in value else None

    def put(self, key: str, result: dict[str, Any]) -> None:
        """Store `result` (keys in their order, so a hit reads back exactly what was built);
        a cache that cannot be written only costs speed, so errors pass."""
        path = self.path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, json.dumps(result, ensure_ascii=False, separators=(",", ":")))
        except OSError:
            pass
