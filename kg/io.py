"""Atomic, deterministic file writing: a run that dies never leaves half a file behind."""
from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO


def atomic_write(path: str | os.PathLike, data: str | bytes | Iterable[str | bytes]) -> None:
    """Write `data` (or its chunks, one at a time) to a temporary file beside `path`, then
    rename it over `path`.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> atomic_write(p, "好")
    >>> atomic_write(p.with_name("y.txt"), (line + "\\n" for line in ["甲", "乙"]))
    >>> p.read_text(encoding="utf-8"), p.with_name("y.txt").read_text(encoding="utf-8")
    ('好', '甲\\n乙\\n')
    """
    chunks = [data] if isinstance(data, (str, bytes)) else data
    with atomic_file(path) as fh:
        for chunk in chunks:
            fh.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)


@contextmanager
def atomic_file(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file to write `path` through: a temporary file beside it, renamed over it on
    success, removed on any failure (for writers that stream, such as pyoxigraph's)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))  # mkstemp's 0600 would hide every output from a shared folder
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _mode_for(path: Path) -> int:
    """The mode of the file being replaced, else what open() would give a new file (umask applied)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0o22)
        os.umask(mask)
        return 0o666 & ~mask


def dumps_json(obj: Any) -> str:
    """The one JSON style of every output: UTF-8, sorted keys, stable indentation."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def iter_json(obj: Any) -> Iterator[str]:
    """The chunks of `dumps_json(obj)`, for writing a large graph without holding its text."""
    yield from json.JSONEncoder(ensure_ascii=False, sort_keys=True, indent=1).iterencode(obj)
    yield "\n"
