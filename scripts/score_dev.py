#!/usr/bin/env python3
"""Score `kg build` on the hand-annotated development pages in tests/dev/.

Each `tests/dev/NAME.gold.json` (kg-gold/1) names its input in `document`: a page
(`.txt`, PDF-like text) or a crawl file (`.jsonl`, one article per record). Every input
is built alone, with the gold's `context.home_place` and `context.publication_date` as
`--place`/`--date`, into a temporary folder; the graph is scored with
shared/eval/score.py's `score()`.

Usage: score_dev.py [--details] [--only SUBSTRING] [--json]
  --details   every false-positive and false-negative entity and fact, per page

The pages are invented (names) but real in places and style; they were written without
looking at the recognisers, to measure how the tool does on papers other than the seed.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "dev"
SCORER = Path("/work/shared/eval/score.py")


def load_scorer(path: Path = SCORER):
    """shared/eval/score.py as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("kg_gold_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_files(only: str | None = None) -> list[Path]:
    return [p for p in sorted(DEV.glob("*.gold.json")) if not only or only in p.name]


def build_page(gold: dict[str, Any], out: Path) -> dict[str, Any]:
    """Run the pipeline's build on the gold's document; return graph.json as a dict."""
    from kg.pipeline import build

    ctx = gold.get("context", {})
    build([str(DEV / gold["document"])], out=out, place=ctx.get("home_place"),
          date=ctx.get("publication_date"), formats=("json",), cache=False)
    return json.loads((out / "graph.json").read_text(encoding="utf-8"))


def run(only: str | None = None) -> list[tuple[str, dict, dict, dict]]:
    """(name, gold, predicted graph, score) for every dev page."""
    scorer = load_scorer()
    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-dev-") as tmp:
        for i, path in enumerate(gold_files(only)):
            gold = json.loads(path.read_text(encoding="utf-8"))
            pred = build_page(gold, Path(tmp) / str(i))
            rows.append((path.name.removesuffix(".gold.json"), gold, pred, scorer.score(gold, pred)))
    return rows


def micro(rows, key: str) -> dict[str, float]:
    tp = sum(r[3][key]["tp"] for r in rows)
    pred = sum(r[3][key]["pred"] for r in rows)
    gold = sum(r[3][key]["gold"] for r in rows)
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {"tp": tp, "pred": pred, "gold": gold, "p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def errors(gold: dict, pred: dict) -> dict[str, list[str]]:
    """False-positive/negative entities and facts, as readable lines."""
    scorer = load_scorer()
    optional = {scorer.norm(n) for n in gold.get("optional_names", [])}
    mapping, ignored, _ = scorer.match_entities(gold, pred, optional)
    gname = {e["id"]: f'{e["type"]}/{e["name"]}' for e in gold["entities"]}
    pname = {e["id"]: e["id"] for e in pred.get("entities", [])}
    out = {"fp_entities": [], "fn_entities": [], "fp_facts": [], "fn_facts": []}
    hit = set(mapping.values())
    out["fn_entities"] = [gname[e["id"]] for e in gold["entities"] if e["id"] not in hit]
    out["fp_entities"] = [f'{e["id"]} {sorted(e.get("aliases", []))}' for e in pred.get("entities", [])
                          if e["id"] not in mapping and e["id"] not in ignored]
    gkeys = [_gold_key(scorer, f) for f in gold["facts"]]
    used = set()
    for pf in pred.get("facts", []):
        if pf["subject"] in ignored or pf.get("object") in ignored:
            continue
        if pf["relation"] not in {f["relation"] for f in gold["facts"]} and not gold["facts"]:
            continue
        s, o = mapping.get(pf["subject"]), mapping.get(pf.get("object"))
        i = _find(scorer, gold["facts"], used, pf, s, o)
        if i is None:
            sent = (pf.get("sources") or [{}])[0].get("sentence", "")[:60]
            out["fp_facts"].append(f'{_show(pf, pname.get(pf["subject"]), pname.get(pf.get("object")))}'
                                   f'   « {sent} »')
        else:
            used.add(i)
    out["fn_facts"] = [gkeys[i] for i in range(len(gkeys)) if i not in used]
    return out


def _find(scorer, gfacts, used, pf, s, o) -> int | None:
    rel, pa = pf["relation"], scorer.attrs(pf)
    for i, gf in enumerate(gfacts):
        if i in used or gf["relation"] != rel:
            continue
        ends = (s, o) == (gf["subject"], gf["object"]) or (
            rel in scorer.SYMMETRIC and (o, s) == (gf["subject"], gf["object"]))
        if gf["object"] is None and rel == "holds_position":
            ends = s == gf["subject"]
        if ends and s is not None and scorer.fact_key_ok(rel, pa, scorer.attrs(gf)):
            return i
    return None


def _gold_key(scorer, f: dict) -> str:
    return _show(f, f["subject"], f["object"])


def _show(f: dict, s: str | None, o: str | None) -> str:
    a = {k: v for k, v in {**f.get("attributes", {}), **f}.items()
         if k in ("title", "role", "change", "amount")}
    extra = " ".join(f"{k}={v}" for k, v in sorted(a.items()))
    return f'{f["relation"]}({s} -> {o}) {extra}'.rstrip()


def report(rows, *, details: bool) -> str:
    lines = [f"{'page':34} {'ent P':>6} {'R':>6} {'F1':>6}  {'fact P':>6} {'R':>6} {'F1':>6}  (tp/pred/gold)"]
    for name, gold, pred, sc in rows:
        e, f = sc["entities"], sc["facts"]
        lines.append(f"{name:34} {e['p']:6.3f} {e['r']:6.3f} {e['f1']:6.3f}  {f['p']:6.3f} {f['r']:6.3f} "
                     f"{f['f1']:6.3f}  e {e['tp']}/{e['pred']}/{e['gold']} f {f['tp']}/{f['pred']}/{f['gold']}")
    e, f = micro(rows, "entities"), micro(rows, "facts")
    lines.append(f"{'MICRO':34} {e['p']:6.3f} {e['r']:6.3f} {e['f1']:6.3f}  {f['p']:6.3f} {f['r']:6.3f} "
                 f"{f['f1']:6.3f}  e {e['tp']}/{e['pred']}/{e['gold']} f {f['tp']}/{f['pred']}/{f['gold']}")
    if details:
        for name, gold, pred, _ in rows:
            lines.append(f"\n== {name}")
            for kind, items in errors(gold, pred).items():
                lines += [f"  {kind[:2].upper()} {kind[3:-1]:7} {x}" for x in items]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--only")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rows = run(args.only)
    if args.json:
        print(json.dumps({"pages": {r[0]: r[3] for r in rows}, "entities": micro(rows, "entities"),
                          "facts": micro(rows, "facts")}, ensure_ascii=False))
    else:
        print(report(rows, details=args.details))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
