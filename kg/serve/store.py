"""The on-disk Oxigraph store beside a build: OUTDIR/.store/, made once, remade when the build changes.

Loading a million triples takes tens of seconds; opening a RocksDB store on disk takes
milliseconds. So `kg serve` loads the export once into OUTDIR/.store/ and writes a stamp
(the export's name, size and modification time) beside it. The next start opens the store
as it is if the stamp still matches, and reloads it otherwise. The new store is built in a
temporary folder and renamed into place, so an interrupted load never leaves a half store.
Query workers open it read-only: no SPARQL update can change it.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pyoxigraph as ox

from kg.query import export_file, fill_store

STORE_DIR = ".store"
STAMP = "kg-stamp.json"


def stamp_of(export: Path) -> dict[str, object]:
    """What identifies one version of an export file.

    >>> import tempfile; p = Path(tempfile.mkdtemp()) / "graph.json"; _ = p.write_text("{}")
    >>> sorted(stamp_of(p))
    ['file', 'mtime_ns', 'size']
    """
    stat = export.stat()
    return {"file": export.name, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def read_stamp(store_dir: Path) -> dict[str, object] | None:
    """The stamp a store was built from, or None (no store, or an unreadable stamp).

    >>> read_stamp(Path("/nonexistent/.store")) is None
    True
    """
    try:
        return json.loads((store_dir / STAMP).read_text("utf-8"))
    except (OSError, ValueError):
        return None


def ensure_store(outdir: str | Path) -> tuple[Path, bool]:
    """The path of OUTDIR's up-to-date store, and whether it had to be (re)built.

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> _ = (d / "graph.json").write_text('{"format": "kg-json/1", "entities": [], "facts": []}')
    >>> ensure_store(d)[1], ensure_store(d)[1]
    (True, False)
    """
    outdir = Path(outdir)
    export = export_file(outdir).resolve()
    store_dir = outdir / STORE_DIR
    stamp = stamp_of(export)
    if read_stamp(store_dir) == stamp:
        return store_dir, False
    tmp = outdir / f"{STORE_DIR}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    store = ox.Store(str(tmp))
    fill_store(store, export)
    store.flush()
    store.optimize()
    del store  # close RocksDB before the rename
    (tmp / STAMP).write_text(json.dumps(stamp), encoding="utf-8")
    old = outdir / f"{STORE_DIR}.old-{os.getpid()}"
    if store_dir.exists():
        store_dir.rename(old)
    tmp.rename(store_dir)
    shutil.rmtree(old, ignore_errors=True)
    return store_dir, True
