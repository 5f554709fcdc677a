"""Paths and JSON lines -> `Document`s: encoding detection and metadata.

Problems with one input never stop the others: they are yielded as `Problem`s, and the
caller decides (report and go on, or stop with `--strict`).
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.readers import SUFFIXES as READER_SUFFIXES
from kg.types import Document

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".jsonlines", ".ndjson"}
_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")


@dataclass(frozen=True)
class Problem:
    """Why an input (or one line of it) was skipped."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def date_from_name(name: str) -> str | None:
    """A publication date written in a file name, as ISO.

    >>> date_from_name("lcrb_20240207_01.txt"), date_from_name("2024-02-07.txt"), date_from_name("a_20240231.txt")
    ('2024-02-07', '2024-02-07', None)
    """
    m = _DATE_IN_NAME.search(name)
    return normalise_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}") if m else None  # not 2024-02-31


def os_text(name: str) -> str:
    """A file name or argument as text that can be written: its bytes as UTF-8, else GB18030
    (a GBK name from a Windows zip), else with U+FFFD; under an ASCII locale too.

    >>> os_text("p\\udcc1\\udcc4.txt"), os_text("聊城.txt")
    ('p聊.txt', '聊城.txt')
    """
    raw = os.fsencode(name)
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", errors="replace")


def _no_surrogates(text: str) -> str:
    """JSON may carry lone surrogates (\\ud800) that no file can hold: U+FFFD, one for one, so offsets stay."""
    return re.sub("[\ud800-\udfff]", "\ufffd", text)


def decode(raw: bytes) -> str:
    """Bytes -> text: BOMs first, then strict UTF-8, then chardet (GB18030 family, UTF-16).

    Raises ValueError with a short reason when the bytes are not text.

    >>> decode("聊城".encode("gb18030")), decode(b"\\xef\\xbb\\xbf" + "聊城".encode()), decode("聊城".encode("utf-16"))
    ('聊城', '聊城', '聊城')
    """
    bom = next((b for b in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff") if raw.startswith(b)), None)
    if bom:
        try:
            return raw[3:].decode("utf-8") if len(bom) == 3 else raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            name = "UTF-8" if len(bom) == 3 else "UTF-16"
            raise ValueError(f"undecodable bytes: {name} byte-order mark, but invalid {name} "
                             f"at byte {exc.start + (3 if len(bom) == 3 else 0)}") from None
    if b"\x00" in raw[:4096]:
        return _bomless_utf16(raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = exc.start
    # chardet misreads short GB texts (李长萍 as EUC-JP): GB2312-shaped bytes are GB18030
    if _decodes(raw, "gb18030") and _gb2312_share(raw) >= 0.8:
        return raw.decode("gb18030")
    import chardet

    guess = (chardet.detect(raw[:65536]) or {}).get("encoding") or "gb18030"
    for encoding in (guess.lower(), "gb18030"):
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _cjk_share(text) >= 0.05:
            return text
    raise ValueError(f"undecodable bytes: not UTF-8 (byte {where}), GB18030, Big5 or UTF-16")


def _gb2312_share(raw: bytes) -> float:
    """Share of double-byte characters in GB2312's rows: near 1 for GB text, about half for Big5."""
    pairs = hits = i = 0
    end = min(len(raw), 65536) - 1
    while i < end:
        if raw[i] < 0x80:
            i += 1
        elif 0x30 <= raw[i + 1] <= 0x39:     # a GB18030 four-byte sequence
            i += 4
        else:
            pairs += 1
            hits += 0xA1 <= raw[i] <= 0xF7 and raw[i + 1] >= 0xA1
            i += 2
    return hits / pairs if pairs else 0.0


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _bomless_utf16(raw: bytes) -> str:
    """NUL bytes: UTF-16 without a byte-order mark if either byte order reads as text, else binary."""
    best, text = 0.0, ""
    for encoding in ("utf-16-le", "utf-16-be"):
        if len(raw) % 2 == 0 and _decodes(raw, encoding):
            candidate = raw.decode(encoding)
            sample = candidate[:2000]
            share = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff" or " " <= ch <= "~" or ch in "\r\n\t"
                        or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef") / max(1, len(sample))
            if share > best:
                best, text = share, candidate
    if best < 0.9:
        raise ValueError("binary file (NUL bytes), not text")
    return text


def _cjk_share(text: str) -> float:
    sample = text[:2000]
    return sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff") / max(1, len(sample))


def iter_paths(paths: Iterable[str | Path], *, exclude: str | Path | Iterable[str | Path] | None = None
               ) -> Iterator[tuple[Path, str] | Problem]:
    """Expand directories (recursively, sorted) into their text and JSONL files, each with its
    name: the path below the folder given (20240207/01.txt: pages of two days do not collide),
    or the file name of a file given. Folders skip `exclude` (a build's own results file) and what is under it."""
    skips = [Path(e).resolve() for e in ([exclude] if isinstance(exclude, (str, Path)) else exclude or ())]
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield Problem(str(p), "no such file or directory")
        elif path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file()
                           and f.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES | READER_SUFFIXES.keys()
                           and not any(f.resolve().is_relative_to(skip) for skip in skips))
            if not found:
                yield Problem(str(p), "directory has no .txt or .jsonl files")
            yield from ((f, f.relative_to(path).as_posix()) for f in found)
        else:
            yield path, path.name


def read_documents(paths: Iterable[str | Path], *, date: str | None = None,
                   place: str | None = None, exclude: str | Path | Iterable[str | Path] | None = None
                   ) -> Iterator[Document | Problem]:
    """Every document under `paths`, in a stable order, with problems in between.

    Plain files take `date` (else a date in the file name) and `place`; JSON lines carry
    their own `date`/`place`, falling back to the same defaults.
    """
    place = os_text(place) if place else place
    for item in iter_paths(paths, exclude=exclude):
        if isinstance(item, Problem):
            yield item
        elif item[0].suffix.lower() in JSONL_SUFFIXES:
            yield from _read_jsonl(*item, date=date, place=place)
        elif item[0].suffix.lower() in READER_SUFFIXES:
            from kg.readers import read_file
            yield from read_file(*item, date=date, place=place)
        else:
            yield _read_text_file(*item, date=date, place=place)


def _read_bytes(path: Path) -> bytes | Problem:
    try:
        return path.read_bytes()
    except OSError as exc:
        return Problem(str(path), f"cannot read: {exc.strerror or exc}")


def _read_text_file(path: Path, name: str, *, date: str | None, place: str | None) -> Document | Problem:
    raw = _read_bytes(path)
    if isinstance(raw, Problem):
        return raw
    if not raw.strip():
        return Problem(str(path), "empty file")
    try:
        text = decode(raw)
    except ValueError as exc:
        return Problem(str(path), str(exc))
    if not text.strip():
        return Problem(str(path), "empty file")
    return Document(id=os_text(name), text=text, date=date or date_from_name(name),
                    place=place, source=os_text(str(path)))


def _read_jsonl(path: Path, name: str, *, date: str | None, place: str | None) -> Iterator[Document | Problem]:
    raw = _read_bytes(path)
    if isinstance(raw, Problem):
        yield raw
        return
    try:  # split at "\n" only: JSON strings may hold U+2028 or U+0085 unescaped
        lines: list[str | None] = decode(raw).split("\n")
    except ValueError as exc:
        if b"\x00" in raw[:4096] or raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield Problem(str(path), str(exc))
            return
        lines = [_utf8(b) for b in raw.split(b"\n")]  # one bad line costs one record, not the file
    if not any(line and line.strip() for line in lines):
        yield Problem(str(path), "empty file")
        return
    for n, line in enumerate(lines, start=1):
        if line is None:
            yield Problem(str(path), "undecodable bytes: not UTF-8", n)
        elif line.strip():
            yield _record(path, n, line, date=date, place=place, name=name)


def _utf8(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _record(path: Path, n: int, line: str, *, date: str | None, place: str | None,
            name: str = "") -> Document | Problem:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return Problem(str(path), f"invalid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})", n)
    if not isinstance(rec, dict):
        return Problem(str(path), "record is not a JSON object", n)
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        if isinstance(text, str):
            return Problem(str(path), "record's 'text' is empty", n)
        like = [k for k in rec if isinstance(rec[k], str) and k.lower() in _TEXT_LIKE]
        hint = f" (its {', '.join(repr(k) for k in like)} may be the text: name it 'text')" if like else ""
        return Problem(str(path), f"record has no 'text' string{hint}", n)
    for key, types in (("date", (str, int)), ("id", (str, int)), ("place", str), ("source", str)):
        if rec.get(key) is not None and not isinstance(rec[key], types) or isinstance(rec.get(key), bool):
            return Problem(str(path), f"'{key}' must be a string, got {type(rec[key]).__name__}", n)
    rec_date = rec.get("date")
    if rec_date is not None:
        rec_date = normalise_date(str(rec_date))
        if rec_date is None:
            return Problem(str(path), f"'date' is not a YYYY-MM-DD date: {rec['date']!r}", n)
    given = "" if rec.get("id") is None else str(rec["id"])
    doc_id = _no_surrogates(given) if given.strip() else f"{os_text(name or path.name)}:{n}"
    return Document(id=doc_id, text=_no_surrogates(text), date=rec_date or date,
                    place=_no_surrogates(rec.get("place") or "") or place,
                    source=_no_surrogates(rec.get("source") or "") or f"{os_text(str(path))}:{n}")


_TEXT_LIKE = {"content", "body", "article", "contents", "maintext", "main_text", "正文", "内容"}


def normalise_date(value: str) -> str | None:
    """'2024-02-07', '20240207', '2024/2/7' or '2024年2月7日' -> '2024-02-07'; else None.

    >>> normalise_date("2024/2/7"), normalise_date("tomorrow")
    ('2024-02-07', None)
    """
    import datetime as dt

    m = re.fullmatch(r"\s*(\d{4})(?:[-/.年]?)(\d{1,2})(?:[-/.月]?)(\d{1,2})日?(?:[T ].*)?\s*", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None
