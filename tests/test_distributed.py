"""kg.parallel on a Dask cluster: the same graph as --jobs 1; clear errors when Dask is missing."""
from __future__ import annotations

import sys

import pytest
from conftest import write_pages

import kg.parallel
from kg.extract.base import Lexicon
from kg.pipeline import BuildError, build

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as c:
        yield c


def test_cluster_build_is_identical_to_serial(cluster, tmp_path):
    pages = tmp_path / "pages"
    write_pages(pages, n=4)
    local, remote = tmp_path / "local", tmp_path / "remote"
    lexicon = Lexicon(entries={"博源精机": ("company", ("博源",))}, suppressed={"聊城高新区"})
    build([str(pages)], out=local, place="聊城市", formats=("json",), cache=False, lexicon=lexicon)
    report = build([str(pages)], out=remote, place="聊城市", formats=("json",), cache=False,
                   scheduler=cluster.scheduler_address, lexicon=lexicon)
    assert report.documents == 4 and report.facts.get("holds_position", 0) > 0
    graph = (remote / "graph.json").read_text(encoding="utf-8")
    assert "company/博源精机" in graph and "place/聊城高新区" not in graph     # the lexicon reached the workers
    assert (remote / "graph.json").read_bytes() == (local / "graph.json").read_bytes()
    seen = cluster.get_client().run(lambda: "kg.segment" in sys.modules)
    assert len(seen) == 2 and all(seen.values())          # both workers were warmed up


def test_missing_dask_is_a_clear_error(monkeypatch, tmp_path):
    write_pages(tmp_path / "pages", n=1)
    monkeypatch.setitem(sys.modules, "distributed", None)   # as if not installed
    with pytest.raises(BuildError, match=r"needs Dask: pip install"):
        build([str(tmp_path / "pages")], out=tmp_path / "out", formats=("json",), cache=False,
              scheduler="tcp://127.0.0.1:8786")


def test_unreachable_scheduler_is_a_clear_error(monkeypatch, tmp_path):
    write_pages(tmp_path / "pages", n=1)
    monkeypatch.setattr(kg.parallel, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(BuildError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
        build([str(tmp_path / "pages")], out=tmp_path / "out", formats=("json",), cache=False,
              scheduler="tcp://127.0.0.1:9")
