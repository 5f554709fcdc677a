"""Nothing lost when a build dies (issue 8): SIGKILL a real `kg build` while it extracts and while
it writes; what was in --out before still loads (or is the whole new file), and a re-run completes.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib

SEED = Path(__file__).resolve().parents[1] / "examples" / "000_6cad7e01a6f62b59.txt"

RECORDS = 40          # the seed page 40 times: extraction takes about 1.5 s on top of loading jieba


def _kg(*args: object) -> list[str]:
    return [sys.executable, "-m", "kg.cli", "build", *map(str, args), "--quiet"]


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name.startswith("graph.")}


def _loads(out: Path) -> None:
    """What a user opens next: graph.json loads, graph.ttl parses."""
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert graph["format"] == "kg-json/1" and graph["entities"]
    assert len(rdflib.Graph().parse(out / "graph.ttl", format="turtle")) > 100
    assert (out / "graph.html").read_text(encoding="utf-8").rstrip().endswith("</html>")


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> Path:
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path_factory.mktemp("crawl") / "crawl.jsonl"
    path.write_text("".join(json.dumps({"id": f"p{n:03d}", "text": text, "date": "2024-02-07", "place": "聊城市"},
                                       ensure_ascii=False) + "\n" for n in range(RECORDS)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def finished(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("finished") / "out"
    subprocess.run(_kg(SEED, "--out", out, "--place", "聊城市", "--date", "2024-02-07"), check=True)
    return out


@pytest.fixture()
def earlier(finished, tmp_path) -> Path:
    """An --out folder holding a finished build of the seed page (a copy for each test)."""
    return Path(shutil.copytree(finished, tmp_path / "out"))


def _kill_when(cmd: list[str], ready, log: Path, *, timeout: float = 120.0) -> bool:
    """Run `cmd`, SIGKILL it as soon as `ready()` holds; False (and its stderr) if it ended first."""
    with open(log, "wb") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + timeout
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if ready():
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                return True
            time.sleep(0.001)
        return False
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_killed_while_extracting_leaves_the_earlier_build_untouched(earlier, crawl):
    before = _outputs(earlier)
    started = time.monotonic()
    log = earlier.parent / "stderr.txt"
    assert _kill_when(_kg(crawl, "--out", earlier), lambda: time.monotonic() - started > 2.5, log), log.read_text()
    assert _outputs(earlier) == before
    _loads(earlier)


def test_killed_while_writing_leaves_whole_files_only_and_a_rerun_completes(earlier, crawl):
    before = _outputs(earlier)

    def writing() -> bool:  # atomic_write's temporary file is beside its target
        return any(p.name.endswith(".tmp") for p in earlier.iterdir())
    log = earlier.parent / "stderr.txt"
    assert _kill_when(_kg(crawl, "--out", earlier), writing, log), f"ended before it wrote: {log.read_text()}"
    killed = _outputs(earlier)
    assert set(killed) == set(before)
    _loads(earlier)
    subprocess.run(_kg(crawl, "--out", earlier), check=True, timeout=120)
    after = _outputs(earlier)
    _loads(earlier)
    assert json.loads(after["graph.json"])["documents"][-1]["id"] == f"p{RECORDS - 1:03d}"
    for name, data in killed.items():          # each file is the old one or the whole new one
        assert data in (before[name], after[name]), name
    assert not [p.name for p in earlier.iterdir() if p.name.endswith(".tmp")]


def test_outputs_get_the_mode_any_new_file_gets(tmp_path):
    from kg.io import atomic_write

    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "graph.json", "{}")
        assert (tmp_path / "graph.json").stat().st_mode & 0o777 == 0o644      # not mkstemp's 0600
        os.chmod(tmp_path / "graph.json", 0o640)
        atomic_write(tmp_path / "graph.json", "{}\n")
        assert (tmp_path / "graph.json").stat().st_mode & 0o777 == 0o640      # a mode the user chose stays
    finally:
        os.umask(old)


def test_a_full_disk_is_one_line_and_every_file_stays_whole(earlier, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import main

    before = _outputs(earlier)
    calls = []
    real_fsync = os.fsync

    def fsync(fd):
        calls.append(fd)
        if len(calls) >= 3:                         # documents.jsonl and graph.json fit, graph.ttl does not
            raise OSError(28, "No space left on device")
        real_fsync(fd)
    monkeypatch.setattr(os, "fsync", fsync)
    res = CliRunner().invoke(main, ["build", str(SEED), str(SEED.with_name("missing.txt")), "--out", str(earlier),
                                    "--place", "聊城市", "--no-cache"])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert res.stderr.splitlines() == [f"kg: skipped {SEED.with_name('missing.txt')}: no such file or directory",
                                       f"kg: {earlier}: cannot write outputs: No space left on device"]
    assert _outputs(earlier) == before                 # not even graph.json, which was written in full
    assert not [p.name for p in earlier.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.undo()
    _loads(earlier)


def test_an_exporter_that_fails_leaves_the_whole_earlier_set(earlier, monkeypatch):
    from click.testing import CliRunner

    import kg.export.html
    from kg.cli import main

    before = _outputs(earlier)

    def broken(graph, path, **options):
        raise OSError(5, "Input/output error")
    monkeypatch.setattr(kg.export.html, "write_html", broken)
    res = CliRunner().invoke(main, ["build", str(SEED), "--out", str(earlier), "--place", "聊城市", "--no-cache"])
    assert res.exit_code == 1 and res.stderr == f"kg: {earlier}: cannot write outputs: Input/output error\n"
    assert _outputs(earlier) == before                  # graph.json and graph.ttl were staged, never moved in
    assert not [p.name for p in earlier.iterdir() if p.name.endswith(".tmp")]      # the staging folder is gone
