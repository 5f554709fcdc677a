from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "000_6cad7e01a6f62b59.txt"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "000_6cad7e01a6f62b59.gold.json"


EXTRA = ("本报讯（记者 王刚）2月5日，市长张百顺到高新区调研山东博源精密机械有限公司，"
         "察看企业生产情况。张百顺强调，要优化营商环境。副市长李红陪同调研。\n")


def write_pages(folder: Path, n: int = 4) -> list[Path]:
    """n real-looking pages: the seed page's paragraphs in different orders and dates."""
    paras = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        body = paras[i % len(paras):] + paras[:i % len(paras)] if i else paras
        path = folder / f"lcrb_2024020{i + 1}_{i:02d}.txt"
        path.write_text("\n\n".join(body) + ("\n\n" + EXTRA if i % 2 else ""), encoding="utf-8")
        out.append(path)
    return out


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
    import datetime as dt

    from kg.divisions import find_home
    from kg.extract.base import Context

    return Context(home=find_home("聊城市"), date=dt.date(2024, 2, 7))


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, through Playwright; the modules that use it skip without either."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install chromium fonts-wqy-zenhei)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield b
        b.close()
