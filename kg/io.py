"""Atomic, deterministic file writing: a run that dies never leaves half a file behind."""
from __future__ import annotations

import json
import math
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
        held: list[str] = []        # text chunks joined into ~1 MB writes: a graph streams
        size = 0                    # millions of small chunks, and one write each is most of the time
        for chunk in chunks:
            if isinstance(chunk, str):
                held.append(chunk)
                size += len(chunk)
                if size < _WRITE_CHARS:
                    continue
            if held:
                fh.write("".join(held).encode("utf-8"))
                held, size = [], 0
            if isinstance(chunk, bytes):
                fh.write(chunk)
        if held:
            fh.write("".join(held).encode("utf-8"))


_WRITE_CHARS = 1 << 18


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
    """The chunks of `dumps_json(obj)`, for writing a large graph without holding its text:
    one chunk per item of the top two levels (an entity, a fact), each built by `_encode`.

    >>> g = {"facts": [{"b": [1, 2.5, None], "a": "好\\n"}], "n": True, "e": {}}
    >>> "".join(iter_json(g)) == dumps_json(g)
    True
    """
    yield from _stream(obj, 0)
    yield "\n"


def _stream(obj: Any, level: int) -> Iterator[str]:
    if level >= 2 or not isinstance(obj, (dict, list, tuple)) or not obj:
        yield _encode(obj, level)
        return
    inner = "\n" + " " * (level + 1)
    if isinstance(obj, dict):
        yield "{"
        for n, (key, value) in enumerate(_items(obj)):
            yield f"{',' if n else ''}{inner}{key}: "
            yield from _stream(value, level + 1)
        yield "\n" + " " * level + "}"
        return
    yield "["
    for n, value in enumerate(obj):
        yield "," + inner if n else inner
        yield from _stream(value, level + 1)
    yield "\n" + " " * level + "]"


_ESCAPE = json.encoder.encode_basestring     # the C function when there is one, as json's own
_CONSTANTS = {None: "null", True: "true", False: "false"}


def _encode(obj: Any, level: int) -> str:
    """`json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1)` as it reads at `level`:
    the same bytes, but one join per container instead of a generator per token (the standard
    encoder's indented form is pure Python, and was most of the time of writing a large graph)."""
    if isinstance(obj, str):
        return _ESCAPE(obj)
    if obj is None or obj is True or obj is False:
        return _CONSTANTS[obj]
    if isinstance(obj, int):
        return int.__repr__(obj)
    if isinstance(obj, float):
        return _float(obj)
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        inner = "\n" + " " * (level + 1)
        return "[" + inner + ("," + inner).join([_encode(v, level + 1) for v in obj]) + "\n" + " " * level + "]"
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        inner = "\n" + " " * (level + 1)
        return "{" + inner + ("," + inner).join([f"{k}: {_encode(v, level + 1)}" for k, v in _items(obj)]) \
            + "\n" + " " * level + "}"
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


def _items(obj: dict) -> list[tuple[str, Any]]:
    """(encoded key, value) in json's sort_keys order; keys that are not text converted as it does."""
    if all(type(k) is str for k in obj):
        return [(_ESCAPE(k), obj[k]) for k in sorted(obj)]
    return [(_ESCAPE(_key(k)), v) for k, v in sorted(obj.items())]


def _key(k: Any) -> str:
    if isinstance(k, str):
        return k
    if k is None or isinstance(k, (bool, int, float)):
        return _encode(k, 0)             # json writes such a key as it writes the value
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")


def _float(x: float) -> str:
    if math.isnan(x):
        return "NaN"
    if x in (math.inf, -math.inf):
        return "Infinity" if x > 0 else "-Infinity"
    return float.__repr__(x)
