# ruff: noqa  (one-off authoring helper for the dev pages, kept for regeneration)
"""Compact spec -> kg-gold/1 JSON. Usage: python sd_gold.py spec.py out.json"""
import json, random, sys


def main():
    import json, sys
    ns = {}
    exec(open(sys.argv[1], encoding="utf-8").read(), ns)
    ents, ids = [], set()
    def add(t, name, aliases=(), **attrs):
        eid = f"{t}/{name}"
        assert eid not in ids, eid
        ids.add(eid)
        e = {"id": eid, "type": t, "name": name, "aliases": sorted(aliases)}
        e.update(attrs)
        ents.append(e)
    for line in ns["PERSONS"].strip().splitlines():
        role, *names = line.split()
        for n in names:
            n, *al = n.split("|")
            add("person", n, al, role=role)
    for t in ("place", "organization", "company", "event"):
        for line in ns.get(t.upper(), "").strip().splitlines():
            if not line.strip():
                continue
            parts = line.split()
            name, *al = parts[0].split("|")
            attrs = dict(p.split("=", 1) for p in parts[1:])
            add(t, name, al, **attrs)
    byname = {}
    for e in ents:
        for n in [e["name"], *e["aliases"]]:
            byname.setdefault((e["type"], n), e["id"])
    def ref(x):
        if x == "-":
            return None
        t, n = x.split(":", 1) if ":" in x else (None, x)
        hits = [v for (tt, nn), v in byname.items() if nn == n and (t is None or tt == t)]
        assert len(set(hits)) == 1, (x, hits)
        return hits[0]
    facts = []
    for line in ns["FACTS"].strip().splitlines():
        parts = line.split()
        if not parts:
            continue
        rel, s, o, *kv = parts
        objs = o.split(",")
        for sub in s.split(","):
            for ob in objs:
                f = {"relation": rel, "subject": ref(sub), "object": ref(ob)}
                f.update(dict(p.split("=", 1) for p in kv))
                facts.append(f)
    gold = {"format": "kg-gold/1", "document": ns["DOCUMENT"], "context": ns["CONTEXT"],
            "entities": ents, "facts": facts, "optional_names": ns.get("OPTIONAL", [])}
    open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
    print(sys.argv[2], len(ents), "entities", len(facts), "facts")


if __name__ == "__main__":
    main()
