"""A one-line progress bar for long builds: documents done, characters per second, ETA.

Written to stderr, redrawn at most a few times a second; `Progress(total, enabled=False)`
does nothing, so callers need no `if`. The CLI enables it only when stderr is a terminal.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO


def human(n: float) -> str:
    """1234567 -> '1.2M'.

    >>> human(950), human(12_345), human(3_400_000)
    ('950', '12.3k', '3.4M')
    """
    for unit, size in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if n >= size:
            return f"{n / size:.1f}{unit}"
    return f"{n:.0f}"


def clock(seconds: float) -> str:
    """Seconds as m:ss or h:mm:ss.

    >>> clock(75), clock(3725)
    ('1:15', '1:02:05')
    """
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


class Progress:
    """Counts documents and characters towards known totals.

    >>> import io
    >>> out = io.StringIO()
    >>> p = Progress(2, chars=10, enabled=True, stream=out, interval=0)
    >>> p.update(5, cached=True); p.update(5); p.close()
    >>> "2/2 docs" in out.getvalue() and "(1 cached)" in out.getvalue()
    True
    """

    def __init__(self, total: int, *, chars: int = 0, enabled: bool = True, stream: TextIO | None = None,
                 interval: float = 0.2, label: str = "extract") -> None:
        self.total, self.total_chars, self.enabled = total, chars, enabled
        self.stream = stream or sys.stderr
        self.interval, self.label = interval, label
        self.done = self.cached = self.chars = self.fresh_chars = 0
        self.started = time.perf_counter()
        self._first: tuple[float, int] | None = None   # (time, fresh chars) at the first fresh document
        self._drawn = 0.0

    def update(self, chars: int = 0, *, cached: bool = False) -> None:
        self.done += 1
        self.chars += chars
        self.cached += cached
        self.fresh_chars += 0 if cached else chars
        now = time.perf_counter()
        if not cached and self._first is None:   # rate from here: worker start-up is not throughput
            self._first = (now, self.fresh_chars)
        if self.enabled and (now - self._drawn >= self.interval or self.done == self.total):
            self._drawn = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float | None = None) -> str:
        since, base = self._first or (self.started, 0)
        elapsed = max((now or time.perf_counter()) - since, 1e-9)
        rate = (self.fresh_chars - base) / elapsed
        left = self.total_chars - self.chars
        eta = clock(left / rate) if rate > 0 and left > 0 else "0:00" if left <= 0 else "?"
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        cached = f" ({self.cached} cached)" if self.cached else ""
        return (f"{self.label} [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} docs{cached}"
                f"  {human(rate)} chars/s  ETA {eta}")

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()
