"""A benchmark corpus of a given size from the real pages in the repo.

    /work/venv/bin/python bench/make_corpus.py 10MB            # -> bench/corpus/10MB/*.txt

Articles come from the pages in examples/ and /work/shared/corpus (split by the pipeline
itself), plus, so that names and words vary as in a real archive, stories made of
consecutive People's Daily sentences (/work/shared/data/people_daily_ner, a research
corpus: used here as benchmark input only, never shipped). Each page is 3-8 shuffled
articles under a random date; dates written in the text are moved near that date.
Pages are named lcrb_YYYYMMDD_NN.txt, so `kg build` reads the date from the name.
bench/corpus/ is git-ignored.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "examples", Path("/work/shared/corpus")]
PEOPLES_DAILY = Path("/work/shared/data/people_daily_ner/example.dev")
_MD = re.compile(r"(\d{1,2})月(\d{1,2})日")


def parse_size(s: str) -> int:
    """'10MB' -> 10_000_000 bytes (UTF-8).

    >>> parse_size("10MB"), parse_size("1.5mb"), parse_size("300KB")
    (10000000, 1500000, 300000)
    """
    m = re.fullmatch(r"\s*([\d.]+)\s*([kmg]?)b?\s*", s.lower())
    if not m:
        raise ValueError(f"not a size: {s!r}")
    return int(float(m.group(1)) * {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[m.group(2)])


def page_articles() -> list[str]:
    """The articles of every real page, as original text."""
    from kg.pipeline import extract_document
    from kg.types import Document

    texts: dict[str, str] = {}
    for folder in PAGES:
        for p in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            texts.setdefault(p.read_bytes().decode("utf-8"), p.name)
    out = []
    for text, name in texts.items():
        res = extract_document(Document(id=name, text=text, place="聊城市", date="2024-02-07"))
        out += [text[a["start"]:a["end"]].strip() for a in res["articles"]]
    return [a for a in out if a]


def daily_stories(*, per_story: tuple[int, int] = (6, 18), seed: int = 1) -> list[str]:
    """Stories of consecutive People's Daily sentences (char-per-line BIO file)."""
    if not PEOPLES_DAILY.exists():
        return []
    sentences, cur = [], []
    for line in PEOPLES_DAILY.read_text(encoding="utf-8").splitlines():
        if line.strip():
            cur.append(line.split(" ", 1)[0] or " ")
        elif cur:
            sentences.append("".join(cur))
            cur = []
    rnd = random.Random(seed)
    stories, i = [], 0
    while i < len(sentences):
        n = rnd.randint(*per_story)
        stories.append("\n".join(sentences[i:i + n]))
        i += n
    return stories


def redate(text: str, day: dt.date, rnd: random.Random) -> str:
    """Move every 'M月D日' to a date in the week before `day`."""
    def sub(_m: re.Match) -> str:
        d = day - dt.timedelta(days=rnd.randint(0, 6))
        return f"{d.month}月{d.day}日"
    return _MD.sub(sub, text)


def make_corpus(size: int, out: Path, *, seed: int = 7, daily: bool = True) -> list[Path]:
    """Write pages totalling about `size` UTF-8 bytes into `out` (emptied first)."""
    rnd = random.Random(seed)
    pool = page_articles() + (daily_stories(seed=seed) if daily else [])
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    written, total, n = [], 0, 0
    start = dt.date(2018, 1, 1)
    while total < size:
        day = start + dt.timedelta(days=rnd.randrange(0, 365 * 6))
        arts = [redate(a, day, rnd) for a in rnd.sample(pool, rnd.randint(3, min(8, len(pool))))]
        text = "\n\n".join(arts) + "\n"
        n += 1
        path = out / f"lcrb_{day:%Y%m%d}_{n:05d}.txt"
        raw = text.encode("utf-8")
        path.write_bytes(raw)
        written.append(path)
        total += len(raw)
    return written


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("size", help="e.g. 1MB, 10MB, 100MB")
    ap.add_argument("--out", type=Path, help="default bench/corpus/<size>")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--pages-only", action="store_true", help="no People's Daily stories")
    a = ap.parse_args(argv)
    out = a.out or ROOT / "bench" / "corpus" / a.size.upper()
    files = make_corpus(parse_size(a.size), out, seed=a.seed, daily=not a.pages_only)
    print(f"{len(files)} pages, {sum(f.stat().st_size for f in files):,} bytes in {out}")


if __name__ == "__main__":
    main()
