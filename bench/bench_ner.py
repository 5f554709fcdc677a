"""Recognition speed on one core: the CRF tagger, the whole recogniser (when
`kg.pipeline.recognise` exists) and jieba.posseg.cut, over the same >= 1 MiB of news-like text.

    python bench/bench_ner.py [--runs 3] [--mib 1.0]

The text is built from the seed page and the training sentences, shuffled with a fixed seed,
written to bench/corpus/ (not in git). Models are loaded before timing; the process is pinned
to one core and timed in CPU seconds, so other load on the machine matters less. Prints a
table of medians and writes bench/results/ner-<UTC time>.json.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from kg.evaluate import read_gold
from kg.io import atomic_write, dumps_json

SEED_PAGE = Path("/work/shared/corpus/000_6cad7e01a6f62b59.txt")
DATA = Path("/work/shared/data")
SOURCES = [DATA / "cluener2020" / "train.json", DATA / "people_daily_ner" / "example.dev",
           DATA / "resume_ner" / "train.char.bmes"]


def build_corpus(path: Path, *, mib: float) -> list[str]:
    """Paragraphs of 3-12 shuffled sentences, one a line, until `mib` MiB of UTF-8."""
    page = re.sub(r"(?<=[^\n])\n(?=[^\n])", "", SEED_PAGE.read_text(encoding="utf-8"))
    sentences = [s for s in re.findall(r"[^。！？\n]+[。！？]?", page) if len(s.strip()) > 4]
    sentences += [s.text for source in SOURCES for s in read_gold(source)]
    rng = random.Random(20240207)
    lines, size = [], 0
    while size < mib * 2 ** 20:
        line = "".join(rng.choice(sentences) for _ in range(rng.randint(3, 12)))
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, "\n".join(lines) + "\n")
    return lines


def contenders() -> dict:
    from jieba import posseg

    from kg.extract.tagger import tag

    found = {"tagger": lambda line: len(tag(line)),
             "jieba.posseg": lambda line: sum(1 for _ in posseg.cut(line))}
    try:
        from kg.pipeline import recognise
    except ImportError:
        pass
    else:
        found["kg recognise (all)"] = lambda line: len(recognise(line, flat=False))
    for run in found.values():      # load dictionaries and models outside the timing
        run("市委书记李长萍在聊城市调研。")
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--mib", type=float, default=1.0)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    lines = build_corpus(HERE / "corpus" / "ner.txt", mib=args.mib)
    chars = sum(len(line) for line in lines)
    size = sum(len(line.encode("utf-8")) for line in lines)
    rows = {}
    for name, run in contenders().items():
        times, cpu = [], []
        for _ in range(args.runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            for line in lines:
                run(line)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        median = statistics.median(cpu)
        rows[name] = {"wall_s": [round(t, 3) for t in times], "cpu_s": [round(t, 3) for t in cpu],
                      "median_s": round(median, 3), "chars_per_s": round(chars / median),
                      "mib_per_s": round(size / 2 ** 20 / median, 3),
                      "wall_chars_per_s": round(chars / statistics.median(times))}
    base = rows["jieba.posseg"]["median_s"]
    print(f"{chars} chars, {size / 2 ** 20:.2f} MiB, {len(lines)} lines, median of {args.runs} runs, one core;"
          f" times are process CPU seconds (wall-clock chars/s in the JSON; the machine may be shared)")
    print(f"{'recogniser':<22}{'median s':>10}{'chars/s':>12}{'MiB/s':>8}{'vs posseg':>11}")
    for name, row in rows.items():
        row["speed_vs_posseg"] = round(base / row["median_s"], 2)
        print(f"{name:<22}{row['median_s']:>10.2f}{row['chars_per_s']:>12,}{row['mib_per_s']:>8.2f}"
              f"{row['speed_vs_posseg']:>10.2f}x")
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    out = HERE / "results" / f"ner-{stamp}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(out, dumps_json({"chars": chars, "bytes": size, "lines": len(lines), "runs": args.runs,
                                  "python": platform.python_version(), "machine": platform.machine(),
                                  "results": rows}))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
