"""Export formats: one table from name to (file extension, writer).

A writer is `write(graph, path, **options)`, where `graph` is the kg-json dict
(../shared/gold/FORMAT.md shape, as `kg.graph.to_kg_json` makes it). Writers are
imported on first use, so `kg build` does not pay for formats it does not write.
A new format is one row here and one module beside this file. An extension ending in "/"
names a folder (the CSV tables) rather than `graph.<ext>`.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg import collector

# name -> (extension, "module:function")
EXPORTERS: dict[str, tuple[str, str]] = {
    "json": ("json", "kg.export.json_:write_json"),
    "turtle": ("ttl", "kg.export.rdf:write_turtle"),
    "ntriples": ("nt", "kg.export.rdf:write_ntriples"),
    "jsonld": ("jsonld", "kg.export.jsonld:write_compacted"),
    "jsonld-expanded": ("expanded.jsonld", "kg.export.rdf:write_jsonld"),
    "trig": ("trig", "kg.export.rdf:write_trig"),
    "nquads": ("nq", "kg.export.rdf:write_nquads"),
    "graphml": ("graphml", "kg.export.graphml:write_graphml"),
    "gexf": ("gexf", "kg.export.gexf:write_gexf"),
    "csv": ("tables/", "kg.export.tables:write_tables"),
    "html": ("html", "kg.export.html:write_html"),
}


def get_writer(name: str) -> Callable[..., None]:
    """The writer function for a format name.

    >>> get_writer("json").__name__
    'write_json'
    """
    module, func = EXPORTERS[name][1].split(":")
    return getattr(importlib.import_module(module), func)


def default_path(folder: str | Path, name: str) -> Path:
    """Where format `name` goes in an output folder.

    >>> default_path("out", "turtle").as_posix(), default_path("out", "csv").as_posix()
    ('out/graph.ttl', 'out/tables')
    """
    ext = EXPORTERS[name][0]
    return Path(folder) / (ext.rstrip("/") if ext.endswith("/") else f"graph.{ext}")


def export(graph: dict[str, Any], name: str, path: str | Path, **options: Any) -> Path:
    """Write `graph` in format `name` to `path` (atomically) and return the path."""
    path = Path(path)
    with collector.paused():      # an exporter's rows are millions of small objects, no cycles
        get_writer(name)(graph, path, **options)
    return path
