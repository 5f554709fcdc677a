"""Score who-is-who across an archive: a build's entities against the archive's clusters.json (kg-clusters/1).

    python scripts/score_clusters.py ../shared/archive out/graph.json [--details]

out/graph.json is the graph of `kg build ARCHIVE/corpus.jsonl` (all articles in one build). Every gold
person and organisation of every article is one item, (article, gold id); clusters.json says which items
are one real-world thing, and every item it leaves out stands alone. An item is mapped to the build's
entity that the project's scorer (shared/eval/score.py) matches to it in that article's share of the
graph; an item the build missed stands alone. Two items are *merged* when they map to one entity.

Reported per type: pairwise precision (merged pairs that are one thing), recall (pairs that are one thing
and are merged) and F1, and B-cubed F1 (per item, the overlap of its gold and built clusters). A merge of
two holders of one post, or of a namesake from another city, costs precision; a promoted official split
in two costs recall.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import score_dev as sd

TYPES = {"people": "person", "organizations": "organization"}


def items(archive: Path, graph: dict[str, Any]) -> dict[str, dict[tuple[str, str], str | None]]:
    """Per type, every gold item (article, gold id) -> the built entity it maps to (None: missed)."""
    evaluation = archive.resolve().parent / "eval"       # the project's scorers, beside the archive
    scorer, scored_set = sd.load_scorer(evaluation / "score.py"), sd.load_scorer(evaluation / "score_set.py")
    out: dict[str, dict[tuple[str, str], str | None]] = {t: {} for t in TYPES.values()}
    for line in (archive / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)["id"]
        gold = json.loads((archive / f"{doc}.gold.json").read_text(encoding="utf-8"))
        mapping, _, _ = scorer.match_entities(gold, scored_set.share(graph, doc), set())
        built = {g: p for p, g in mapping.items()}
        for e in gold["entities"]:
            if e["type"] in out:
                out[e["type"]][(doc, e["id"])] = built.get(e["id"])
    return out


def _clusters(labels: dict[tuple[str, str], Any]) -> dict[Any, set[tuple[str, str]]]:
    groups: dict[Any, set[tuple[str, str]]] = defaultdict(set)
    for item, label in labels.items():
        groups[label].add(item)
    return groups


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: dict[tuple[str, str], int], built: dict[tuple[str, str], Any]) -> dict[str, Any]:
    """Pairwise and B-cubed scores of the built clustering `built` against `gold` (item -> label)."""
    gold_pairs = {frozenset(p) for c in _clusters(gold).values() for p in combinations(sorted(c), 2)}
    built_pairs = {frozenset(p) for c in _clusters(built).values() for p in combinations(sorted(c), 2)}
    both = gold_pairs & built_pairs
    p = len(both) / len(built_pairs) if built_pairs else 1.0
    r = len(both) / len(gold_pairs) if gold_pairs else 1.0
    g_of, b_of = _clusters(gold), _clusters(built)
    bp = br = 0.0
    for item in gold:
        overlap = len(g_of[gold[item]] & b_of[built[item]])
        bp += overlap / len(b_of[built[item]])
        br += overlap / len(g_of[gold[item]])
    n = len(gold) or 1
    return {"items": len(gold), "gold_pairs": len(gold_pairs), "built_pairs": len(built_pairs),
            "right_pairs": len(both), "precision": p, "recall": r, "f1": _f1(p, r),
            "b3_precision": bp / n, "b3_recall": br / n, "b3_f1": _f1(bp / n, br / n),
            "split": sorted(tuple(sorted(x)) for x in gold_pairs - built_pairs),
            "merged": sorted(tuple(sorted(x)) for x in built_pairs - gold_pairs)}


def score_archive(archive: Path, graph: dict[str, Any]) -> dict[str, dict[str, Any]]:
    clusters = json.loads((archive / "clusters.json").read_text(encoding="utf-8"))
    mapped = items(archive, graph)
    out = {}
    for key, etype in TYPES.items():
        gold: dict[tuple[str, str], int] = {}
        for n, cluster in enumerate(clusters.get(key, [])):
            for doc, gid in cluster:
                gold[(doc, gid)] = n
        labels = {item: gold.get(item, ("alone", item)) for item in mapped[etype]}
        built = {item: ent if ent is not None else ("missed", item) for item, ent in mapped[etype].items()}
        out[etype] = score(labels, built)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("archive", type=Path, help="folder with clusters.json, corpus.jsonl and the *.gold.json files")
    ap.add_argument("graph", type=Path, help="graph.json of `kg build ARCHIVE/corpus.jsonl`")
    ap.add_argument("--details", action="store_true", help="every pair split or merged wrongly")
    args = ap.parse_args(argv)
    try:
        result = score_archive(args.archive, json.loads(args.graph.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError) as exc:
        print(f"score_clusters: {exc}", file=sys.stderr)
        return 1
    for etype, s in result.items():
        print(f"{etype}: {s['items']} items; pairs P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} "
              f"({s['right_pairs']} right of {s['built_pairs']} merged, {s['gold_pairs']} in gold); "
              f"B-cubed F1 {s['b3_f1']:.3f}")
        if args.details:
            for a, b in s["split"]:
                print(f"  split  {a[0]}:{a[1]} | {b[0]}:{b[1]}")
            for a, b in s["merged"]:
                print(f"  merged {a[0]}:{a[1]} | {b[0]}:{b[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
