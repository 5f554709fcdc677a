"""Build speed and memory at archive scale: per stage, against jieba.posseg.cut, --jobs 2.

    /work/venv/bin/python bench/harness.py 1MB 10MB            # corpora made under bench/corpus/
    /work/venv/bin/python bench/harness.py 100MB --no-jieba --no-jobs2 --formats json
    /work/venv/bin/python bench/harness.py --single-line 100k,200k,400k

Every measurement runs in a fresh child process (so peak RSS is its own, read with
resource.getrusage; workers are reported as RUSAGE_CHILDREN, the largest one). Times are
wall and CPU: the machine may be shared, and CPU time is what one core costs. Stage times
come from wrapping the functions kg.pipeline calls (--jobs 1 only). Repeats give medians.
Writes bench/results/scale.json and bench/results/scale.md.
Targets: build >= jieba.posseg.cut at 10 MB on one core; --jobs 2 >= 1.7x; < 4 GB at 100 MB.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make_corpus, parse_size

RESULTS = ROOT / "bench" / "results"
STAGES = ("read", "clean", "split", "recognise", "relate", "resolve", "export")


# ---- child side: one measurement, printed as JSON --------------------------------------

class TreeRSS:
    """Samples the summed RSS of this process and all its descendants (pool workers are
    children of the forkserver, so RUSAGE_CHILDREN cannot see them)."""

    def __init__(self, interval: float = 0.05) -> None:
        import threading

        self.peak = 0
        self.cpu: dict[int, float] = {}     # descendant pid -> CPU seconds, last seen
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)
        self._thread.start()

    def _run(self, interval: float) -> None:
        while not self._stop.wait(interval):
            self.peak = max(self.peak, tree_rss(cpu=self.cpu))

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return max(self.peak, tree_rss()) / 2**20


def tree_rss(root: int | None = None, *, cpu: dict[int, float] | None = None) -> int:
    """Bytes resident in process `root` (default: this one) and its descendants; records the
    descendants' CPU seconds into `cpu` (workers of a pool are not children of ours)."""
    parent, rss, ticks = {}, {}, {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parent[int(entry)], rss[int(entry)] = int(fields[1]), int(fields[21]) * page
            ticks[int(entry)] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    me = root or os.getpid()
    todo, total = [me], 0
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        if cpu is not None and pid != me:
            cpu[pid] = ticks.get(pid, 0.0)
        todo += [p for p, pp in parent.items() if pp == pid]
    return total


def _rusage() -> dict[str, float]:
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"peak_rss_mb": me.ru_maxrss / 1024, "peak_child_rss_mb": kids.ru_maxrss / 1024,
            "cpu_s": me.ru_utime + me.ru_stime, "child_cpu_s": kids.ru_utime + kids.ru_stime}


class StageClock:
    """Wrap the functions a build calls; add their wall and CPU time under a stage name."""

    def __init__(self) -> None:
        self.wall = dict.fromkeys(STAGES, 0.0)
        self.cpu = dict.fromkeys(STAGES, 0.0)

    def wrap(self, owner: Any, name: str, stage: str, *, generator: bool = False) -> None:
        fn = getattr(owner, name)

        def timed(*args, **kwargs):
            w, c = time.perf_counter(), time.process_time()
            try:
                out = fn(*args, **kwargs)
                return iter(list(out)) if generator else out
            finally:
                self.wall[stage] += time.perf_counter() - w
                self.cpu[stage] += time.process_time() - c
        setattr(owner, name, timed)

    def install(self) -> None:
        import kg.pipeline as p
        from kg import relate

        for name, stage in (("_unique_documents", "read"), ("clean", "clean"), ("split_articles", "split"),
                            ("_recognise", "recognise"), ("honorifics", "recognise"),
                            ("local_entities", "resolve"), ("assemble", "resolve"), ("write_outputs", "export")):
            self.wrap(p, name, stage)
        self.wrap(relate, "Scope", "relate")
        self.wrap(relate, "event_dates", "relate")
        self.wrap(relate, "find_facts", "relate", generator=True)


def child_build(corpus: str, out: str, jobs: int, formats: list[str], stages: bool, cache: bool,
                rebuild: bool) -> dict[str, Any]:
    from kg.pipeline import build

    clock = StageClock()
    if stages:
        clock.install()
    sampler = TreeRSS()
    w, c = time.perf_counter(), time.process_time()
    report = build([corpus], out=out, place="聊城市", jobs=jobs, formats=tuple(formats), cache=cache)
    res = {"wall_s": time.perf_counter() - w, "build_cpu_s": time.process_time() - c,
           "documents": report.documents, "entities": sum(report.entities.values()),
           "facts": sum(report.facts.values()), "peak_tree_rss_mb": sampler.stop(),
           "worker_cpu_s": sorted((round(v, 2) for v in sampler.cpu.values() if v > 0.5), reverse=True)}
    if rebuild:   # the same build again: every document is a cache hit
        w = time.perf_counter()
        build([corpus], out=out, place="聊城市", jobs=jobs, formats=tuple(formats), cache=True)
        res["rebuild_wall_s"] = time.perf_counter() - w
    if stages:
        res["stages_wall_s"], res["stages_cpu_s"] = clock.wall, clock.cpu
    return res | _rusage()


def child_jieba(corpus: str) -> dict[str, Any]:
    import jieba
    import jieba.posseg

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(corpus).glob("*.txt"))]
    jieba.setLogLevel(60)
    list(jieba.posseg.cut("市委书记李长萍出席会议。"))          # dictionary load is not throughput
    w, c = time.perf_counter(), time.process_time()
    n = sum(1 for t in texts for _ in jieba.posseg.cut(t))
    return {"wall_s": time.perf_counter() - w, "build_cpu_s": time.process_time() - c, "words": n} | _rusage()


def child_single_line(chars: int) -> dict[str, Any]:
    from kg.parallel import WARM_UP
    from kg.pipeline import extract_document
    from kg.types import Document

    corpus = ROOT / "bench" / "corpus" / "1MB"
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))).replace("\n", "")
    text = (text * (chars // max(1, len(text)) + 1))[:chars]
    extract_document(WARM_UP)
    base = _rusage()["peak_rss_mb"]
    w, c = time.perf_counter(), time.process_time()
    r = extract_document(Document(id="one-line.txt", text=text, date="2024-02-07", place="聊城市"))
    return {"chars": chars, "wall_s": time.perf_counter() - w, "build_cpu_s": time.process_time() - c,
            "mentions": len(r["mentions"]), "rss_before_mb": base} | _rusage()


# ---- parent side -------------------------------------------------------------------------

def run_child(*args: str) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "child", *args]
    proc = subprocess.run(cmd, check=False, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise SystemExit(f"child {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def median_run(repeat: int, *args: str) -> dict[str, Any]:
    runs = [run_child(*args) for _ in range(repeat)]
    runs.sort(key=lambda r: r["wall_s"])
    mid = dict(runs[len(runs) // 2])
    mid["wall_runs_s"] = [round(r["wall_s"], 2) for r in runs]
    mid["cpu_runs_s"] = sorted(round(r["build_cpu_s"], 2) for r in runs)
    return mid


def corpus_for(size: str, *, remake: bool) -> tuple[Path, int, int]:
    folder = ROOT / "bench" / "corpus" / size.upper()
    if remake or not any(folder.glob("*.txt")):
        make_corpus(parse_size(size), folder)
    files = sorted(folder.glob("*.txt"))
    chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    return folder, sum(p.stat().st_size for p in files), chars


def bench_size(size: str, a: argparse.Namespace) -> dict[str, Any]:
    folder, nbytes, chars = corpus_for(size, remake=a.remake)
    out = f"/tmp/kg-bench-{size}"
    fmts = ",".join(a.formats)
    row: dict[str, Any] = {"size": size, "bytes": nbytes, "chars": chars,
                           "pages": len(list(folder.glob("*.txt"))), "loadavg_before": os.getloadavg()}
    row["jobs1"] = median_run(a.repeat, "build", str(folder), out, "1", fmts, "stages")
    if not a.no_jieba:
        row["jieba_posseg"] = median_run(a.repeat, "jieba", str(folder))
    if not a.no_jobs2:
        row["jobs2"] = median_run(a.repeat, "build", str(folder), out, "2", fmts, "-")
    if a.cached:
        row["cached"] = run_child("build", str(folder), out + "-cache", "1", fmts, "cache")
    row["loadavg_after"] = os.getloadavg()
    _ratios(row)
    return row


def _ratios(row: dict[str, Any]) -> None:
    one, n = row["jobs1"], row["chars"]
    row["chars_per_s_wall"] = n / one["wall_s"]
    row["chars_per_s_cpu"] = n / one["build_cpu_s"]
    if "jieba_posseg" in row:
        jb = row["jieba_posseg"]
        row["vs_posseg_wall"] = jb["wall_s"] / one["wall_s"]
        row["vs_posseg_cpu"] = jb["build_cpu_s"] / one["build_cpu_s"]
    if "jobs2" in row:
        two = row["jobs2"]
        row["speedup_jobs2_wall"] = one["wall_s"] / two["wall_s"]
        # on a machine shared with other jobs wall time says little: the critical path in CPU
        # seconds (busiest worker, then the parent's own work, with no overlap) bounds it from below
        busiest = max(two["worker_cpu_s"][:2] or [0.0])
        row["speedup_jobs2_cpu_path"] = one["build_cpu_s"] / (busiest + two["build_cpu_s"])


def table(rows: list[dict[str, Any]]) -> str:
    lines = [("| corpus | pages | chars | build wall s (1 job) | CPU s | chars/s (CPU) | posseg CPU s | "
              "build/posseg speed | --jobs 2 wall s | speed-up wall (CPU path) | peak RSS MB (1 job) | peak RSS MB (2 jobs, all processes) |"),
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        one, two, jb = r["jobs1"], r.get("jobs2", {}), r.get("jieba_posseg", {})
        lines.append(
            f"| {r['size']} | {r['pages']:,} | {r['chars']:,} | {one['wall_s']:.1f} | {one['build_cpu_s']:.1f} | "
            f"{r['chars_per_s_cpu']:,.0f} | {jb.get('build_cpu_s', float('nan')):.1f} | "
            f"{r.get('vs_posseg_cpu', float('nan')):.2f}x | {two.get('wall_s', float('nan')):.1f} | "
            f"{r.get('speedup_jobs2_wall', float('nan')):.2f}x ({r.get('speedup_jobs2_cpu_path', float('nan')):.2f}x) | "
            f"{one['peak_rss_mb']:,.0f} | "
            f"{two.get('peak_tree_rss_mb', float('nan')):,.0f} |")
    lines += ["", "Stages, --jobs 1 (CPU seconds; share of the build's CPU):", "",
              "| corpus | " + " | ".join(STAGES) + " | other |", "|---|" + "---|" * (len(STAGES) + 1)]
    for r in rows:
        cpu, total = r["jobs1"]["stages_cpu_s"], r["jobs1"]["build_cpu_s"]
        cells = [f"{cpu[s]:.2f} ({cpu[s] / total:.0%})" for s in STAGES]
        other = total - sum(cpu.values())
        lines.append(f"| {r['size']} | " + " | ".join(cells) + f" | {other:.2f} ({other / total:.0%}) |")
    return "\n".join(lines) + "\n"


def single_line_table(rows: list[dict[str, Any]]) -> str:
    lines = ["| one-line document, chars | CPU s | peak RSS MB | mentions |", "|---|---|---|---|"]
    lines += [f"| {r['chars']:,} | {r['build_cpu_s']:.2f} | {r['peak_rss_mb']:,.0f} | {r['mentions']:,} |"
              for r in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["child"]:
        print(json.dumps(_child(argv[1:])))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", nargs="*", default=["1MB", "10MB"])
    ap.add_argument("--repeat", type=int, default=1, help="runs per measurement (median)")
    ap.add_argument("--formats", type=lambda s: s.split(","), default=["json", "turtle", "html", "graphml"])
    ap.add_argument("--no-jieba", action="store_true")
    ap.add_argument("--no-jobs2", action="store_true")
    ap.add_argument("--cached", action="store_true", help="also time a build that fills the cache, then a rebuild")
    ap.add_argument("--remake", action="store_true", help="rebuild the corpora")
    ap.add_argument("--single-line", help="comma-separated sizes in chars, e.g. 100k,200k")
    ap.add_argument("--name", default="scale", help="results file stem under bench/results/")
    a = ap.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    meta = {"python": platform.python_version(), "cpus": os.cpu_count(), "when": time.strftime("%Y-%m-%d %H:%M")}
    if a.single_line:
        corpus_for("1MB", remake=False)
        rows = [run_child("single", str(parse_size(s.replace("k", "KB")))) for s in a.single_line.split(",")]
        text = single_line_table(rows)
    else:
        rows = [bench_size(s, a) for s in a.sizes]
        text = table(rows)
    (RESULTS / f"{a.name}.json").write_text(json.dumps({"meta": meta, "rows": rows}, indent=1) + "\n")
    (RESULTS / f"{a.name}.md").write_text(text)
    print(text)


def _child(args: list[str]) -> dict[str, Any]:
    mode = args[0]
    if mode == "build":
        corpus, out, jobs, fmts, flag = args[1:6]
        return child_build(corpus, out, int(jobs), fmts.split(","), stages=flag == "stages",
                           cache=flag == "cache", rebuild=flag == "cache")
    if mode == "jieba":
        return child_jieba(args[1])
    return child_single_line(int(args[1]))


if __name__ == "__main__":
    main()
