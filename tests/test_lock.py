"""One build at a time per output folder (issue 16): a second build stops at once naming the
first one's pid; a killed build's stale lock is taken over; the good documents are built."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.lock import LOCK_FILE, build_lock
from tests.conftest import ROOT, write_pages


def _kg(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "kg.cli", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _documents(out: Path) -> list[str]:
    return [d["id"] for d in json.loads((out / "graph.json").read_text(encoding="utf-8"))["documents"]]


def test_a_build_into_a_folder_being_written_stops_at_once(tmp_path):
    pages = write_pages(tmp_path / "pages", 2)
    out = tmp_path / "out"
    out.mkdir()
    with build_lock(out):                      # this process is "the other build"
        started = time.perf_counter()
        res = CliRunner().invoke(main, ["build", str(pages[0].parent), "--out", str(out), "-q"])
        seconds = time.perf_counter() - started
    assert res.exit_code == 1
    [line] = res.output.strip().splitlines()
    assert line.startswith(f"kg: {out}: another build is writing into this folder (pid {os.getpid()}, since 20")
    assert line.endswith("); wait for it or choose another --out")
    assert seconds < 5 and not (out / "graph.json").exists()   # stopped before extracting anything
    res = CliRunner().invoke(main, ["build", str(pages[0].parent), "--out", str(out), "-q"])
    assert res.exit_code == 0, res.output                     # and the folder is free again afterwards
    assert sorted(_documents(out)) == sorted(p.name for p in pages)


def test_two_builds_started_together(tmp_path):
    pages = write_pages(tmp_path / "pages", 12)          # a few seconds of work for the winner
    out = tmp_path / "out"
    a, b = (_kg("build", str(pages[0].parent), "--out", str(out), "--place", "聊城市", "-q", "--no-cache")
            for _ in range(2))
    results = {p.pid: (p.wait(timeout=300), p.stderr.read()) for p in (a, b)}
    codes = sorted(code for code, _ in results.values())
    assert codes == [0, 1], results
    winner = next(pid for pid, (code, _) in results.items() if code == 0)
    loser_err = next(err for code, err in results.values() if code == 1)
    assert loser_err.strip().splitlines()[-1].startswith(
        f"kg: {out}: another build is writing into this folder (pid {winner}, since ")
    assert sorted(_documents(out)) == sorted(p.name for p in pages)


def test_a_killed_builds_stale_lock_is_taken_over(tmp_path):
    pages = write_pages(tmp_path / "pages", 12)
    out = tmp_path / "out"
    victim = _kg("build", str(pages[0].parent), "--out", str(out), "-q", "--no-cache")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not ((out / LOCK_FILE).exists() and (out / LOCK_FILE).read_text()):
        time.sleep(0.05)
    assert json.loads((out / LOCK_FILE).read_text())["pid"] == victim.pid
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    assert not (out / "graph.json").exists()
    res = CliRunner().invoke(main, ["build", str(pages[0].parent), "--out", str(out), "-q"])
    assert res.exit_code == 0, res.output
    assert f"kg: warning: {out}: took over the lock of a build that did not finish (pid {victim.pid})" in res.output
    assert sorted(_documents(out)) == sorted(p.name for p in pages)
    assert (out / LOCK_FILE).read_text() == ""                 # a clean exit leaves nothing stale
