"""One build at a time per output folder.

`kg build` holds an exclusive lock on `<out>/.kg-build.lock` from before extraction until its
outputs are renamed into place. The lock is an advisory `flock` on the file, so the kernel
drops it when the build ends, however it ends: a build killed with `kill -9` leaves the
file behind, but not the lock. The file holds the holder's process id (for the message a
second build prints) and is emptied on a clean exit; a file with a process id in it whose
lock is free is therefore a stale lock of a killed build, which the next build takes over.
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".kg-build.lock"


class LockedError(RuntimeError):
    """Another live build holds the output folder."""


@contextmanager
def build_lock(out: Path) -> Iterator[int | None]:
    """Hold `out`'s build lock; yields the process id of a killed build whose stale lock was
    taken over, else None. Raises LockedError (one line, naming the holder) at once if a
    running build holds it.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with build_lock(folder) as stale:
    ...     try:
    ...         with build_lock(folder):
    ...             pass
    ...     except LockedError as exc:
    ...         print(str(exc).split(" (")[0], stale)
    another build is writing into this folder None
    """
    try:
        import fcntl
    except ImportError:       # not POSIX (Windows): no lock, as before
        yield None
        return
    fd = os.open(out / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise LockedError(_held_message(_holder(fd))) from None
        stale = _read(fd).get("pid")
        _write(fd, json.dumps({"pid": os.getpid(), "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}))
        try:
            yield stale if isinstance(stale, int) else None
        finally:
            _write(fd, "")       # a clean exit: nothing stale left for the next build
    finally:
        os.close(fd)             # closing drops the flock


def _holder(fd: int) -> dict:
    """Who holds the lock: it writes its pid just after taking the lock, so wait a moment for it."""
    for _ in range(20):
        holder = _read(fd)
        if holder.get("pid"):
            return holder
        time.sleep(0.05)
    return {}


def _held_message(holder: dict) -> str:
    pid = holder.get("pid", "unknown")
    since = f", since {holder['started']}" if holder.get("started") else ""
    return f"another build is writing into this folder (pid {pid}{since}); wait for it or choose another --out"


def _read(fd: int) -> dict:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = os.read(fd, 4096)
    try:
        data = json.loads(raw.decode("utf-8")) if raw.strip() else {}
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(fd: int, text: str) -> None:
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, text.encode("utf-8"))
