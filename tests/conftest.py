from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "000_6cad7e01a6f62b59.txt"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "000_6cad7e01a6f62b59.gold.json"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory) -> dict:
    """The seed page built once for the whole session (json only)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seed")
    build([str(SEED)], out=out, place="聊城市", date="2024-02-07", formats=("json",), cache=False)
    return json.loads((out / "graph.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def home_ctx():
    from kg.divisions import find_home
    from kg.extract.base import Context
    import datetime as dt

    return Context(home=find_home("聊城市"), date=dt.date(2024, 2, 7))
