"""Score the careers of a build against an archive's careers.json (kg-careers/1).

    python scripts/score_careers.py ../shared/archive out/graph.json [--details]

A post of careers.json (person, body, canonical title) is *found* when a holds_position fact
has that person, that body (by name or any alias, the gold files' included) and that title;
*one fact* when exactly one fact of that person and body has a title that could be it (the
canonical one, a written form, or one ending the other; titles compare in simplified script,
as posts do: 市委書記 is 市委书记); its start or end is *right* when
both are null or the dates are within three days; a succession is *in order* when the
dated holders of the post in graph.json are the gold holders in the gold order.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kg.script import to_simplified

SLACK = dt.timedelta(days=3)


def norm(s: str | None) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", s or "") if not c.isspace())


def norm_title(s: str | None) -> str:
    return norm(to_simplified(s or ""))


def gold_names(folder: Path, careers: dict[str, Any]) -> dict[str, set[str]]:
    """Every gold name -> its names and aliases (careers.json's and the per-article gold files')."""
    out: dict[str, set[str]] = {}
    for table in ("aliases", "body_aliases"):
        for name, more in careers.get(table, {}).items():
            out.setdefault(norm(name), {norm(name)}).update(map(norm, more))
    for path in sorted(folder.glob("*.gold.json")):
        for e in json.loads(path.read_text(encoding="utf-8"))["entities"]:
            names = {norm(e["name"]), *map(norm, e.get("aliases") or ())}
            out.setdefault(norm(e["name"]), {norm(e["name"])}).update(names)
    return out


def entity_names(graph: dict[str, Any]) -> dict[str, set[str]]:
    return {e["id"]: {norm(e["name"]), *map(norm, e.get("aliases") or ())} for e in graph["entities"]}


def matches(ids_names: dict[str, set[str]], gold: str | None, aliases: dict[str, set[str]]) -> set[str | None]:
    if gold is None:
        return {None}
    want = aliases.get(norm(gold), {norm(gold)})
    return {i for i, names in ids_names.items() if norm(gold) in names or (names & want and norm(gold) in want)}


def _near(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(dt.date.fromisoformat(a) - dt.date.fromisoformat(b)) <= SLACK


def _could_be(title: str, fact: dict[str, Any], post: dict[str, Any]) -> bool:
    forms = {norm_title(fact["attributes"].get("title"))} | {norm_title(f["title"])
                                                              for f in fact["attributes"].get("forms", ())}
    gold = {norm_title(post["title"])} | {norm_title(w) for w in post.get("written", ())}
    return any(p == g or p.endswith(g) or g.endswith(p) for p in forms for g in gold if p and g)


def score(folder: Path, graph: dict[str, Any], *, details: bool = False) -> dict[str, Any]:
    careers = json.loads((folder / "careers.json").read_text(encoding="utf-8"))
    aliases, names = gold_names(folder, careers), entity_names(graph)
    posts = [f for f in graph["facts"] if f["relation"] == "holds_position"]
    counts = {"posts": 0, "found": 0, "one_fact": 0, "starts_right": 0, "ends_right": 0,
              "start_evidence_right": 0, "end_evidence_right": 0}
    for post in careers["posts"]:
        counts["posts"] += 1
        people, bodies = matches(names, post["person"], aliases), matches(names, post["body"], aliases)
        mine = [f for f in posts if f["subject"] in people and f["object"] in bodies]
        exact = [f for f in mine if norm_title(f["attributes"].get("title")) == norm_title(post["title"])]
        candidates = [f for f in mine if _could_be(post["title"], f, post)]
        line = f"{post['person']} {post['body']} {post['title']}: "
        if not exact:
            line += "missed" + (f" (as {[f['attributes']['title'] for f in candidates]})" if candidates else "")
        else:
            a = exact[0]["attributes"]
            counts["found"] += 1
            counts["one_fact"] += len(candidates) == 1
            s_ok, e_ok = _near(a.get("start"), post["start"]), _near(a.get("end"), post["end"])
            counts["starts_right"] += s_ok
            counts["ends_right"] += e_ok
            counts["start_evidence_right"] += s_ok and a.get("start_evidence") == post["start_evidence"]
            counts["end_evidence_right"] += e_ok and a.get("end_evidence") == post["end_evidence"]
            line += (f"{len(candidates)} fact(s); start {a.get('start')} {a.get('start_evidence')} "
                     f"(gold {post['start']} {post['start_evidence']}); end {a.get('end')} {a.get('end_evidence')} "
                     f"(gold {post['end']} {post['end_evidence']})")
        if details:
            print(line)
    right = 0
    for gold in careers["successions"]:
        bodies = matches(names, gold["body"], aliases)
        mine = next((s for s in graph.get("successions", []) if s["body"] in bodies
                     and norm_title(s["title"]) == norm_title(gold["title"])), None)
        holders = [h["person"] for h in mine["holders"]] if mine else []
        wanted = [matches(names, p, aliases) for p in gold["holders"]]
        ok = len(holders) == len(wanted) and all(h in w for h, w in zip(holders, wanted))
        right += ok
        if details:
            print(f"succession {gold['body']} {gold['title']}: {'in order' if ok else 'wrong'} {holders}")
    return dict(counts, successions=len(careers["successions"]), successions_right=right)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("archive", type=Path, help="folder with careers.json and the *.gold.json files")
    ap.add_argument("graph", type=Path, help="graph.json of `kg build ARCHIVE/corpus.jsonl`")
    ap.add_argument("--details", action="store_true", help="one line per post and succession")
    args = ap.parse_args(argv)
    try:
        graph = json.loads(args.graph.read_text(encoding="utf-8"))
        s = score(args.archive, graph, details=args.details)
    except (OSError, ValueError, KeyError) as exc:
        print(f"kg: {exc}", file=sys.stderr)
        return 1
    n = s["posts"]
    print(f"posts {n}: found {s['found']}, as one fact {s['one_fact']}, starts right {s['starts_right']} "
          f"({s['start_evidence_right']} with the right evidence), ends right {s['ends_right']} "
          f"({s['end_evidence_right']} with the right evidence); successions in order "
          f"{s['successions_right']}/{s['successions']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
