"""Same input, same bytes (issue 8): graph.json and graph.ttl do not depend on PYTHONHASHSEED, the
order files were made on disk or named on the command line, the locale, the time zone or --jobs;
and every offset written points at what it claims to.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1] / "examples" / "000_6cad7e01a6f62b59.txt"
EXTRA = {  # small pages beside the seed: another city, another encoding, a crawl
    "lcrb_20240208_02.txt": ("gb18030", ("本报讯 2月7日，市委书记李长萍到东昌府区调研，市委常委、秘书长王刚陪同。\n"
                                        "聊城市人民政府与山东博源精密机械有限公司签署战略合作协议。\n")),
    "crawl.jsonl": ("utf-8", "\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "web-1", "text": "市长张百顺主持召开市政府常务会议，副市长李伟出席。", "date": "2024-02-09"},
        {"id": "web-0", "text": "聊城高新区管委会主任刘文强会见了济南客商。", "date": "2024-02-10"}]) + "\n"),
}
NAMES = [SEED.name, *EXTRA]


def _make_input(folder: Path, order: list[str]) -> None:
    folder.mkdir(parents=True)
    for name in order:
        if name == SEED.name:
            (folder / name).write_bytes(SEED.read_bytes())
        else:
            encoding, text = EXTRA[name]
            (folder / name).write_bytes(text.encode(encoding))


VARIANTS = {  # name -> (files made in this order, how the paths are given, environment, extra options)
    "base": (NAMES, ["in"], {"PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8", "TZ": "UTC"}, []),
    "hashseed-reversed": (NAMES[::-1], ["in"], {"PYTHONHASHSEED": "4242", "LC_ALL": "C.UTF-8", "TZ": "UTC"}, []),
    "ascii-locale-files-named": (
        [NAMES[1], NAMES[2], NAMES[0]], [f"in/{n}" for n in NAMES[::-1]],
        {"PYTHONHASHSEED": "random", "LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0",
         "TZ": "Asia/Shanghai"}, []),
    "two-jobs": (NAMES[::-1], ["in"], {"PYTHONHASHSEED": "77", "LC_ALL": "POSIX", "TZ": "America/New_York"},
                 ["--jobs", "2"]),
}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """Each variant built in its own folder by a real process, all at once."""
    root = tmp_path_factory.mktemp("det")
    procs = {}
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHON"))}
    base_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SEED.parents[1]), os.environ.get("PYTHONPATH")]))
    for name, (order, paths, env, options) in VARIANTS.items():
        _make_input(root / name / "in", order)
        cmd = [sys.executable, "-m", "kg.cli", "build", *paths, "--out", "out", "--place", "聊城市",
               "--date", "2024-02-07", "--no-cache", "--quiet", *options]
        procs[name] = subprocess.Popen(cmd, cwd=root / name, env={**base_env, **env},
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for name, proc in procs.items():
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, f"{name}: {err.decode(errors='replace')}"
    return {name: root / name / "out" for name in VARIANTS}


@pytest.mark.parametrize("variant", [v for v in VARIANTS if v != "base"])
@pytest.mark.parametrize("output", ["graph.json", "graph.ttl"])
def test_same_bytes_whatever_the_environment(builds, variant, output):
    base, other = (builds["base"] / output).read_bytes(), (builds[variant] / output).read_bytes()
    assert len(base) > 10_000
    assert other == base


def test_the_builds_hold_all_four_documents(builds):
    graph = json.loads((builds["base"] / "graph.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in graph["documents"]] == sorted([SEED.name, "lcrb_20240208_02.txt", "web-0", "web-1"])
    ids = {e["id"] for e in graph["entities"]}
    assert {"person/李长萍", "person/张百顺", "company/山东博源精密机械有限公司"} <= ids


def _texts(folder: Path) -> dict[str, str]:
    texts = {SEED.name: SEED.read_text(encoding="utf-8"),
             "lcrb_20240208_02.txt": EXTRA["lcrb_20240208_02.txt"][1]}
    texts.update({r["id"]: r["text"] for r in map(json.loads, EXTRA["crawl.jsonl"][1].splitlines())})
    return texts


def _check_offsets(graph: dict, texts: dict[str, str]) -> None:
    articles = {a["id"]: a for a in graph["articles"]}
    for a in graph["articles"]:
        assert 0 <= a["start"] < a["end"] <= len(texts[a["document"]]), a
    assert graph["mentions"]
    for m in graph["mentions"]:
        assert texts[m["document"]][m["start"]:m["end"]] == m["text"], m
    for f in graph["facts"]:
        for s in f["sources"]:
            text = texts[s["document"]]
            assert 0 <= s["start"] < s["end"] <= len(text), (f, s)
            art = articles[s["article"]]
            assert art["document"] == s["document"] and art["start"] <= s["start"] < art["end"], (f, s)
            assert s["sentence"].strip(), s


def test_every_offset_of_the_seed_build_points_at_its_text(seed_graph, seed_text):
    _check_offsets(seed_graph, {SEED.name: seed_text})
    people = {m["text"] for m in seed_graph["mentions"] if m["type"] == "person"}
    assert {"李长萍", "孔繁森"} <= people


def test_every_offset_of_a_mixed_build_points_at_its_text(builds):
    _check_offsets(json.loads((builds["base"] / "graph.json").read_text(encoding="utf-8")), _texts(builds["base"]))
