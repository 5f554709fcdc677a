#!/usr/bin/env python3
"""Score `kg build` on hand-annotated pages: the invented `tests/dev/` and the real `../shared/dev/`.

Every article is built alone (its home place and date as `--place`/`--date`) into a temporary
folder and scored with shared/eval/score.py's `score()`, as the project scores its held-out
pages. The report gives micro P/R/F1 per entity type and per relation, and one row per article.

Usage: score_dev.py [--set tests|shared|all] [--dir DIR] [--details] [--only SUBSTRING] [--json] [--traditional]
  --details   every missed (FN) and spurious (FP) entity and fact, with its sentence
  --traditional  the real pages (and their gold) converted to traditional script first, as the mirror
              sites print them: the traditional path should score what the simplified one does
  --renamed SEED  every person of the real pages (and gold) renamed at random: people must be
              found by the shape of the sentence, not because their names were seen
  --dir DIR   score another gold set of the same shape instead (corpus.jsonl + <id>.gold.json),
              e.g. ../shared/archive

`tests/dev` pages are invented in the style of other papers; `../shared/dev` pages are real
articles (skipped when ../shared is absent, as in a user's clone).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "dev"
SHARED = ROOT.parent / "shared"
SHARED_DEV = SHARED / "dev"
SCORER = SHARED / "eval" / "score.py"
if not SCORER.exists():
    SCORER = Path("/work/shared/eval/score.py")
    SHARED_DEV = Path("/work/shared/dev")


class Row(NamedTuple):
    """One scored article."""

    name: str
    gold: dict
    pred: dict
    score: dict
    text: str = ""


@cache
def load_scorer(path: Path = SCORER):
    """shared/eval/score.py as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("kg_gold_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_files(only: str | None = None) -> list[Path]:
    return [p for p in sorted(DEV.glob("*.gold.json")) if not only or only in p.name]


def _build(paths: list[str], out: Path, place: str | None, date: str | None) -> dict[str, Any]:
    from kg.pipeline import build

    build(paths, out=out, place=place, date=date, formats=("json",), cache=False)
    return json.loads((out / "graph.json").read_text(encoding="utf-8"))


def build_page(gold: dict[str, Any], out: Path) -> dict[str, Any]:
    """Run the pipeline's build on a tests/dev gold's document; return graph.json as a dict."""
    ctx = gold.get("context", {})
    return _build([str(DEV / gold["document"])], out, ctx.get("home_place"), ctx.get("publication_date"))


def run(only: str | None = None) -> list[Row]:
    """One row for every tests/dev page."""
    scorer = load_scorer()
    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-dev-") as tmp:
        for i, path in enumerate(gold_files(only)):
            gold = json.loads(path.read_text(encoding="utf-8"))
            pred = build_page(gold, Path(tmp) / str(i))
            text = (DEV / gold["document"]).read_text(encoding="utf-8", errors="replace")
            rows.append(Row(path.name.removesuffix(".gold.json"), gold, pred, scorer.score(gold, pred), text))
    return rows


# gold fields that are ids or labels, never text a page prints
_NOT_TEXT = frozenset(("id", "type", "relation", "role", "subject", "object", "date", "start", "end", "change",
                       "document", "publication_date"))


def as_traditional(rec: dict[str, Any], gold: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A record and its gold as a traditional-script mirror would print them (OpenCC's s2t, word by
    word, as mirror sites convert): every printed string converted, and each entity's simplified
    names kept as aliases (GUIDELINES: a traditional page keeps the written form, the simplified
    form an alias)."""
    from opencc import OpenCC
    cc = OpenCC("s2t")

    def conv(x: Any, key: str = "") -> Any:
        if isinstance(x, str):
            return x if key in _NOT_TEXT else cc.convert(x)
        if isinstance(x, list):
            return [conv(v, key) for v in x]
        if isinstance(x, dict):
            return {k: conv(v, k) for k, v in x.items()}
        return x
    out = conv(gold)
    for before, after in zip(gold["entities"], out["entities"]):
        have = [after["name"], *(after.get("aliases") or [])]
        after["aliases"] = [*(after.get("aliases") or []),
                            *(n for n in dict.fromkeys([before["name"], *(before.get("aliases") or [])]) if n not in have)]
    return dict(rec, text=cc.convert(rec["text"])), out


# common surnames and given-name characters (a name made of them is no word of the language)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建红文辉力国春梅志新宏海波东斌峰云鹏飞林晓宇浩凯俊亮成宁健永福生荣德胜祥利清瑞鑫博佳欣怡雪琳颖婷晨阳"


def renamed(rec: dict[str, Any], gold: dict[str, Any], seed: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """A record and its gold with every person's name (two or three Han characters) replaced by a
    random name of the same length, alike in text and gold: do people get found by the shape of
    the sentence, or because their names were seen?"""
    import random

    from kg.extract.people import leaders  # 习近平总书记 stays: the country's leaders are known by name
    rnd = random.Random(f"{seed}:{rec['id']}")
    text, names, known = rec["text"], {}, set(leaders())
    for e in gold["entities"]:
        n = e["name"]
        if e["type"] == "person" and n not in known and len(n) in (2, 3) and all("\u4e00" <= c <= "\u9fff" for c in n) and n in text:
            names[n] = rnd.choice(_SURNAMES) + "".join(rnd.choice(_GIVEN) for _ in n[1:])
    pattern = re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True))) if names else None

    def sub(x: Any) -> Any:
        if pattern is None or not isinstance(x, str):
            return [sub(v) for v in x] if isinstance(x, list) else x
        return pattern.sub(lambda m: names[m.group()], x)
    gold = json.loads(json.dumps(gold))
    for e in gold["entities"]:
        e["name"], e["aliases"] = sub(e["name"]), sub(e.get("aliases") or [])
    gold["optional_names"] = sub(gold.get("optional_names") or [])
    return dict(rec, text=sub(text)), gold


def run_shared(only: str | None = None, folder: Path = SHARED_DEV, *, traditional: bool = False,
               rename: int | None = None) -> list[Row]:
    """One row for every article of ../shared/dev, each built alone from its corpus record
    (`traditional`: as a traditional-script mirror prints it; `rename`: with its people renamed)."""
    scorer = load_scorer()
    rows = []
    records = [json.loads(line) for line in (folder / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    with tempfile.TemporaryDirectory(prefix="kg-real-") as tmp:
        for rec in records:
            if only and only not in rec["id"]:
                continue
            gold = json.loads((folder / f'{rec["id"]}.gold.json').read_text(encoding="utf-8"))
            if rename is not None:
                rec, gold = renamed(rec, gold, rename)
            if traditional:
                rec, gold = as_traditional(rec, gold)
            src = Path(tmp) / f'{rec["id"]}.jsonl'
            src.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
            pred = _build([str(src)], Path(tmp) / rec["id"], None, None)
            rows.append(Row(rec["id"], gold, pred, scorer.score(gold, pred), rec["text"]))
    return rows


def micro(rows, key: str) -> dict[str, float]:
    return _prf(sum(r[3][key]["tp"] for r in rows), sum(r[3][key]["pred"] for r in rows),
                sum(r[3][key]["gold"] for r in rows))


def micro_by(rows, key: str) -> dict[str, dict[str, float]]:
    """Micro figures per entity type (`entities_by_type`) or per relation (`facts_by_relation`)."""
    names = sorted({k for r in rows for k in r[3][key]})
    return {n: _prf(*(sum(r[3][key].get(n, {}).get(x, 0) for r in rows) for x in ("tp", "pred", "gold")))
            for n in names}


def _prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {"tp": tp, "pred": pred, "gold": gold, "p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def errors(gold: dict, pred: dict, text: str = "") -> dict[str, list[str]]:
    """Spurious and missed entities and facts, as readable lines with their sentence."""
    scorer = load_scorer()
    optional = {scorer.norm(n) for n in gold.get("optional_names", [])}
    mapping, ignored, _ = scorer.match_entities(gold, pred, optional)
    gname = {e["id"]: f'{e["type"]}/{e["name"]}' for e in gold["entities"]}
    out: dict[str, list[str]] = {"fp_entities": [], "fn_entities": [], "fp_facts": [], "fn_facts": []}
    hit = set(mapping.values())
    out["fn_entities"] = [gname[e["id"]] for e in gold["entities"] if e["id"] not in hit]
    out["fp_entities"] = [f'{e["id"]} {sorted(e.get("aliases", []))}' for e in pred.get("entities", [])
                          if e["id"] not in mapping and e["id"] not in ignored]
    relations = {f["relation"] for f in gold["facts"]}
    used: set[int] = set()
    for pf in pred.get("facts", []):
        if pf["subject"] in ignored or pf.get("object") in ignored or pf["relation"] not in relations:
            continue
        s, o = mapping.get(pf["subject"]), mapping.get(pf.get("object"))
        i = _find(scorer, gold["facts"], used, pf, s, o)
        if i is None:
            sent = (pf.get("sources") or [{}])[0].get("sentence", "")[:80]
            out["fp_facts"].append(f'{_show(pf, pf["subject"], pf.get("object"))}   « {sent} »')
        else:
            used.add(i)
    by_id = {e["id"]: e for e in gold["entities"]}
    out["fn_facts"] = [f'{_show(f, gname.get(f["subject"]), gname.get(f["object"]))}'
                       f'   « {_sentence_with(text, by_id.get(f["subject"]), by_id.get(f["object"]))} »'
                       for i, f in enumerate(gold["facts"]) if i not in used]
    return out


def _sentence_with(text: str, *entities: dict | None) -> str:
    """The first sentence of `text` that writes a name of every entity given (else of the first)."""
    sents = [s for s in re.split(r"(?<=[。！？\n])", text) if s.strip()]
    names = [[n for n in [e["name"], *e.get("aliases", [])] if n] for e in entities if e]
    for need in (names, names[:1]):
        for s in sents:
            if need and all(any(n in s for n in ns) for ns in need):
                return s.strip()[:80]
    return ""


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


def _show(f: dict, s: str | None, o: str | None) -> str:
    a = {k: v for k, v in {**f.get("attributes", {}), **f}.items()
         if k in ("title", "role", "change", "amount")}
    extra = " ".join(f"{k}={v}" for k, v in sorted(a.items()))
    return f'{f["relation"]}({s} -> {o}) {extra}'.rstrip()


def _line(name: str, v: dict[str, float]) -> str:
    return f"{name:24} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f}   {v['tp']}/{v['pred']}/{v['gold']}"


def report(rows, *, details: bool, title: str = "tests/dev") -> str:
    head = f"{'':24} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold"
    lines = [f"== {title}: {len(rows)} articles", head]
    lines += [_line("entity " + t, v) for t, v in micro_by(rows, "entities_by_type").items()]
    lines.append(_line("ENTITIES", micro(rows, "entities")))
    lines += [_line("fact " + r, v) for r, v in micro_by(rows, "facts_by_relation").items()]
    lines.append(_line("FACTS", micro(rows, "facts")))
    lines.append(f"\n{'article':24} {'ent P':>6} {'R':>6} {'F1':>6}  {'fact P':>6} {'R':>6} {'F1':>6}")
    for row in rows:
        e, f = row[3]["entities"], row[3]["facts"]
        lines.append(f"{row[0]:24} {e['p']:6.3f} {e['r']:6.3f} {e['f1']:6.3f}  {f['p']:6.3f} {f['r']:6.3f} "
                     f"{f['f1']:6.3f}  e {e['tp']}/{e['pred']}/{e['gold']} f {f['tp']}/{f['pred']}/{f['gold']}")
    if details:
        for name, gold, pred, _, text in rows:
            lines.append(f"\n== {name}")
            for kind, items in errors(gold, pred, text).items():
                lines += [f"  {kind[:2].upper()} {kind[3:-1]:7} {x}" for x in items]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("tests", "shared", "all"), default="all")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--only")
    ap.add_argument("--dir", type=Path)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--traditional", action="store_true",
                    help="the real pages as a traditional-script mirror prints them (gold converted alike)")
    ap.add_argument("--renamed", type=int, metavar="SEED",
                    help="the real pages with every person renamed at random (gold alike)")
    args = ap.parse_args(argv)
    sets = {}
    suffix = (" (traditional)" if args.traditional else "") + \
        (f" (renamed, seed {args.renamed})" if args.renamed is not None else "")
    real = {"traditional": args.traditional, "rename": args.renamed}
    if args.dir:
        sets[args.dir.name + suffix] = run_shared(args.only, args.dir, **real)
    elif args.set in ("tests", "all") and not suffix:
        sets["tests/dev"] = run(args.only)
    if not args.dir and args.set in ("shared", "all") and (SHARED_DEV / "corpus.jsonl").exists():
        sets["shared/dev" + suffix] = run_shared(args.only, **real)
    if args.json:
        print(json.dumps({name: {"articles": {r[0]: r[3] for r in rows}, "entities": micro(rows, "entities"),
                                 "facts": micro(rows, "facts"),
                                 "entities_by_type": micro_by(rows, "entities_by_type"),
                                 "facts_by_relation": micro_by(rows, "facts_by_relation")}
                          for name, rows in sets.items()}, ensure_ascii=False))
    else:
        print("\n\n".join(report(rows, details=args.details, title=name) for name, rows in sets.items()))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
