"""graph.json: the kg-json/1 interchange file (../shared/gold/FORMAT.md)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.io import atomic_write, iter_json


def write_json(graph: dict[str, Any], path: str | Path, **_: Any) -> None:
    """Write the kg-json dict as stable, sorted, UTF-8 JSON (streamed: an archive's graph is large)."""
    atomic_write(path, iter_json(graph))
