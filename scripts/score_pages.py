#!/usr/bin/env python3
"""Score a gold set laid out as e-paper text: several stories a page, each headline after its body,
lines cut at a column's width, as text extracted from a city paper's PDF pages reads.

    python scripts/score_pages.py [DIR] [--per-page 4] [--width 20] [--details]

DIR (default ../shared/archive) holds corpus.jsonl and <id>.gold.json. Stories of one home place
and one script go on a page together, in corpus order; a story's first line, when it is a
headline (short, no 。), moves after its body. All pages are built at once, and each story is
scored on its own part of the page: the entities mentioned inside its span and the facts with a
source there. A fact read in two stories of a page is one fact of the page (with one title and
role), so a page can score a little below its stories built alone even when every story is read
right.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import score_dev as sd

from kg.pipeline import build
from kg.script import is_traditional


def layout(text: str, width: int) -> str:
    """One story as a PDF column prints it: paragraphs indented and cut every `width`
    characters, the headline (its first line, when short and unclosed) after the body."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    head = lines[0] if lines and len(lines[0]) <= 40 and "。" not in lines[0] else None
    out = []
    for para in lines[1:] if head else lines:
        para = "\u3000\u3000" + para
        out += [para[i:i + width] for i in range(0, len(para), width)]
    return "\n".join(out + ([head] if head else []))


def pages(records: list[dict[str, Any]], per_page: int, width: int) -> tuple[list[dict[str, Any]], dict]:
    """The page records, and each story's (page id, start, end) in its page's text."""
    groups: dict[tuple[str, bool], list[dict[str, Any]]] = {}
    for rec in records:
        groups.setdefault((rec.get("place") or "", is_traditional(rec["text"])), []).append(rec)
    out, spans = [], {}
    for (place, _), recs in groups.items():
        for i in range(0, len(recs), per_page):
            page_id, text = f"page{len(out) + 1}", ""
            for rec in recs[i:i + per_page]:
                story = layout(rec["text"], width)
                spans[rec["id"]] = (page_id, len(text), len(text) + len(story))
                text += story + "\n\n"
            sources = "; ".join(dict.fromkeys(r["source"] for r in recs[i:i + per_page] if r.get("source")))
            out.append({"id": page_id, "text": text, "place": place or None, "date": recs[i].get("date"),
                        "source": sources or None})
    return out, spans


def share(graph: dict[str, Any], doc: str, start: int, end: int) -> dict[str, Any]:
    """The entities and facts of one story's span of a page."""
    ids = {m["entity"] for m in graph["mentions"] if m["document"] == doc and start <= m["start"] < end}
    facts = [f for f in graph["facts"]
             if any(s["document"] == doc and start <= s["start"] < end for s in f["sources"])]
    for f in facts:
        ids.update((f["subject"], f["object"]))
    return {"entities": [e for e in graph["entities"] if e["id"] in ids], "facts": facts}


def run(folder: Path, per_page: int = 4, width: int = 20) -> list[sd.Row]:
    records = [json.loads(line) for line in (folder / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    page_records, spans = pages(records, per_page, width)
    scorer = sd.load_scorer()
    with tempfile.TemporaryDirectory(prefix="kg-pages-") as tmp:
        src = Path(tmp) / "pages.jsonl"
        src.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in page_records), encoding="utf-8")
        build([str(src)], out=Path(tmp) / "out", formats=("json",), cache=False)
        graph = json.loads((Path(tmp) / "out" / "graph.json").read_text(encoding="utf-8"))
    rows = []
    for rec in records:
        gold = json.loads((folder / f'{rec["id"]}.gold.json').read_text(encoding="utf-8"))
        pred = share(graph, *spans[rec["id"]])
        rows.append(sd.Row(rec["id"], gold, pred, scorer.score(gold, pred), rec["text"]))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, nargs="?", default=sd.SHARED_DEV.parent / "archive")
    ap.add_argument("--per-page", type=int, default=4)
    ap.add_argument("--width", type=int, default=20, help="characters a column line holds")
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args(argv)
    if not (args.folder / "corpus.jsonl").exists():
        print(f"score_pages: {args.folder}: no corpus.jsonl", file=sys.stderr)
        return 1
    rows = run(args.folder, args.per_page, args.width)
    print(sd.report(rows, details=args.details,
                    title=f"{args.folder.name} as pages of {args.per_page}, {args.width}-character lines"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
