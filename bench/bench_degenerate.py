"""Degenerate pages: time and peak memory of `kg build` on pages no paper prints but archives hold.

    /work/venv/bin/python bench/bench_degenerate.py                    # every case
    /work/venv/bin/python bench/bench_degenerate.py repeat-1MB names-100k --timeout 300
    /work/venv/bin/python bench/bench_degenerate.py real-1MB names-100k articles-100k --repeat 3

Cases (made under bench/corpus/degenerate/, git-ignored):
  repeat-1MB / repeat-30MB   the issue's file: `本报讯 市委书记甲出席会议并讲话，` 25,000 / 750,000 times
                             on one line (1.2 / 37 MB)
  person-1MB / person-30MB   `市委书记王明出席会议并讲话，` repeated to 1 / 30 MB: one article, one
                             person named 24,000 / 710,000 times, no 。
  names-100k                 one article listing 100,000 names (`…、…、…出席会议。`)
  articles-100k              100,000 one-sentence stories in one file, one per line
  records-100k               the same 100,000 stories as JSON lines: 100,000 documents in one file
  no-punct-1MB               real pages with every punctuation mark and line break taken out
  real-1MB                   the real pages themselves (bench/make_corpus.py 1MB), the yardstick

Each case runs `kg.pipeline.build` (all four formats, no cache, one job) in a fresh child
under an address-space limit (--limit-gb) and a timeout, after a warm-up document so that
loading jieba and the CRF is not counted. Time is CPU seconds of the child; peak memory its
ru_maxrss. Target: each within 3x the CPU time per character of real-1MB, and under 4 GB.
With --repeat N the cases run in N interleaved rounds and each reports its median CPU time
(runs of a busy machine differ by a third; side by side they agree). Writes
bench/results/degenerate.json and bench/results/degenerate.md.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "bench" / "corpus" / "degenerate"
RESULTS = ROOT / "bench" / "results"
ISSUE_SENTENCE = "本报讯 市委书记甲出席会议并讲话，"
PERSON_SENTENCE = "市委书记王明出席会议并讲话，"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰海波宁晨辉鹏飞云峰浩琳雪梅"
EVENTS = ("全市安全生产工作会议", "全县招商引资推进会", "全区乡村振兴工作会议", "市委常委会会议")


def invented_names(n: int, *, seed: int = 16) -> list[str]:
    """`n` invented two- and three-character names (surname + given), deterministic.

    >>> invented_names(3)
    ['宋海霞', '韩玉', '王梅超']
    """
    rnd = random.Random(seed)
    return [rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.randint(1, 2))) for _ in range(n)]


def repeated(sentence: str, size: int) -> str:
    """`sentence` repeated to about `size` UTF-8 bytes.

    >>> len(repeated("市委书记王明出席会议并讲话，", 1000).encode())
    966
    """
    return sentence * max(1, size // len(sentence.encode("utf-8")))


def names_article(n: int) -> str:
    return "本报讯 " + "、".join(invented_names(n)) + "出席会议。\n"


def many_articles(n: int) -> str:
    names = invented_names(n, seed=17)
    return "".join(f"本报讯 市委书记{name}出席{EVENTS[i % len(EVENTS)]}并讲话。\n" for i, name in enumerate(names))


def many_records(n: int) -> str:
    lines = many_articles(n).splitlines()
    return "".join(json.dumps({"id": f"r{i:06d}", "text": t, "date": "2024-02-07"}, ensure_ascii=False) + "\n"
                   for i, t in enumerate(lines))


def real_text(size: int) -> list[Path]:
    from bench.make_corpus import make_corpus

    folder = ROOT / "bench" / "corpus" / "1MB"
    if not any(folder.glob("*.txt")):
        make_corpus(size, folder)
    return sorted(folder.glob("*.txt"))


def no_punctuation(size: int) -> str:
    text = "".join(p.read_text(encoding="utf-8") for p in real_text(size))
    return re.sub(r"[\s，。、；：？！“”‘’（）《》【】,.;:?!()\"']", "", text)


MB = 1_000_000
CASES = {
    "repeat-1MB": lambda: ISSUE_SENTENCE * 25_000,
    "repeat-30MB": lambda: ISSUE_SENTENCE * 750_000,
    "person-1MB": lambda: repeated(PERSON_SENTENCE, MB),
    "person-30MB": lambda: repeated(PERSON_SENTENCE, 30 * MB),
    "names-100k": lambda: names_article(100_000),
    "articles-100k": lambda: many_articles(100_000),
    "no-punct-1MB": lambda: no_punctuation(MB),
    "records-100k": lambda: many_records(100_000),
}


def case_input(name: str) -> Path:
    """The input of a case: a file under bench/corpus/degenerate/ (or the real pages' folder)."""
    if name == "real-1MB":
        return real_text(MB)[0].parent
    path = CORPUS / f"{name}.{'jsonl' if name.startswith('records') else 'txt'}"
    if not path.exists():
        CORPUS.mkdir(parents=True, exist_ok=True)
        path.write_text(CASES[name](), encoding="utf-8")
    return path


# ---- child: one build, printed as JSON ----------------------------------------------------

def child(path: str, limit_gb: float, cpu_limit: float) -> dict[str, Any]:
    import resource

    limit = int(limit_gb * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (int(cpu_limit), int(cpu_limit) + 5))   # CPU, not wall:
    # on a shared machine a case may wait for a core for far longer than it computes
    from kg.parallel import WARM_UP
    from kg.pipeline import build, extract_document

    extract_document(WARM_UP)
    from kg.ingest import read_documents

    chars = sum(len(d.text) for d in read_documents([path]) if hasattr(d, "text"))
    with tempfile.TemporaryDirectory() as out:
        w, c = time.perf_counter(), time.process_time()
        report = build([path], out=out, place="聊城市", date="2024-02-07", cache=False)
        cpu, wall = time.process_time() - c, time.perf_counter() - w
    return {"chars": chars, "cpu_s": round(cpu, 2), "wall_s": round(wall, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "documents": report.documents, "articles": report.articles,
            "entities": sum(report.entities.values()), "facts": sum(report.facts.values()),
            "warnings": [str(w) for w in getattr(report, "warnings", ())]}


def run_case(name: str, *, timeout: float, limit_gb: float, cpu_limit: float) -> dict[str, Any]:
    path = case_input(name)
    cmd = [sys.executable, str(Path(__file__).resolve()), "child", str(path), str(limit_gb), str(cpu_limit)]
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"case": name, "status": f"timeout after {timeout:.0f} s"}
    if proc.returncode:
        tail = (proc.stderr.strip().splitlines() or [f"signal {-proc.returncode}"])[-1]
        if proc.returncode in (-9, -24):     # SIGKILL / SIGXCPU: the CPU limit
            tail = f"over {cpu_limit:.0f} CPU s"
        return {"case": name, "status": f"failed ({tail[:120]})", "wall_s": round(time.perf_counter() - started, 1)}
    return {"case": name, "status": "ok"} | json.loads(proc.stdout.strip().splitlines()[-1])


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run of median CPU time among the ones that finished (a failure when none did), with
    every run's CPU time beside it.

    >>> median_run([{"status": "ok", "cpu_s": c} for c in (3.0, 1.0, 2.0)])
    {'status': 'ok', 'cpu_s': 2.0, 'cpu_runs': [3.0, 1.0, 2.0]}
    """
    ok = sorted((r for r in runs if r["status"] == "ok"), key=lambda r: r["cpu_s"])
    if not ok:
        return runs[-1]
    return ok[(len(ok) - 1) // 2] | {"cpu_runs": [r["cpu_s"] for r in runs if r["status"] == "ok"]}


def table(rows: list[dict[str, Any]]) -> str:
    real = next((r for r in rows if r["case"] == "real-1MB" and r["status"] == "ok"), None)
    per_char = real["cpu_s"] / real["chars"] if real else None
    out = ["| case | chars | CPU s (median, range) | chars/s | × real per char | peak RSS MB | facts | warning |",
           "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if r["status"] != "ok":
            out.append(f"| {r['case']} | | {r['status']} | | | | | |")
            continue
        ratio = f"{r['cpu_s'] / r['chars'] / per_char:.2f}" if per_char else "?"
        warning = (r["warnings"][0].split(": ", 1)[1] if r["warnings"] else "").replace("|", "/")
        spread = r.get("cpu_runs", [])
        cpu = f"{r['cpu_s']:.1f}" + (f" ({min(spread):.1f}–{max(spread):.1f})" if len(spread) > 1 else "")
        out.append(f"| {r['case']} | {r['chars']:,} | {cpu} | {r['chars'] / max(r['cpu_s'], 1e-9):,.0f} "
                   f"| {ratio} | {r['peak_rss_mb']:,} | {r['facts']:,} | {warning} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["child"]:
        print(json.dumps(child(argv[1], float(argv[2]), float(argv[3]))))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cases", nargs="*", default=["real-1MB", *CASES], help="default: all")
    ap.add_argument("--cpu-limit", type=float, default=900, help="CPU seconds per case")
    ap.add_argument("--timeout", type=float, default=7200, help="wall seconds per case")
    ap.add_argument("--limit-gb", type=float, default=6.0, help="address-space limit of each child")
    ap.add_argument("--name", default="degenerate", help="results file name")
    ap.add_argument("--repeat", type=int, default=1,
                    help="rounds over all cases (interleaved, so a busy spell hits every case alike); "
                         "each case's median CPU time is reported")
    a = ap.parse_args(argv)
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in a.cases}
    for _ in range(max(1, a.repeat)):
        for name in a.cases:
            runs[name].append(run_case(name, timeout=a.timeout, limit_gb=a.limit_gb, cpu_limit=a.cpu_limit))
            print(json.dumps(runs[name][-1], ensure_ascii=False), flush=True)
    rows = [median_run(runs[name]) for name in a.cases]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{a.name}.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (RESULTS / f"{a.name}.md").write_text(table(rows), encoding="utf-8")
    print(table(rows))


if __name__ == "__main__":
    main()
