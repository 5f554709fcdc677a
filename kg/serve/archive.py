"""A build's graph.json held in memory as indexes, so that every page is a few dictionary look-ups.

`Archive.load(outdir)` reads OUTDIR/graph.json once at start-up: entities by id, the facts
touching each entity, participants per event, documents by id, and a search table of names,
aliases and space-free pinyin. Facts keep their position in graph.json as their id (/f/N).
"""
from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.io import atomic_write
from kg.pinyin import to_pinyin

# a place's name without these is its usual short form: 聊城市 -> 聊城, 茌平区 -> 茌平
PLACE_SUFFIXES = set("省市县区镇乡村")
Fact = dict[str, Any]
Entity = dict[str, Any]
# a tiny graph for the examples below: two people at one meeting, one of them holding a post
EXAMPLE: dict[str, Any] = {
    "entities": [{"id": "person/甲", "type": "person", "name": "甲", "aliases": []},
                 {"id": "person/乙", "type": "person", "name": "乙", "aliases": []},
                 {"id": "event/会议", "type": "event", "name": "会议", "aliases": [], "attributes": {"date": "2024-02-06"}},
                 {"id": "organization/市委", "type": "organization", "name": "市委", "aliases": []}],
    "facts": [{"relation": "participated", "subject": "person/甲", "object": "event/会议",
               "attributes": {"role": "chair", "order": 1}, "sources": [{"document": "d", "sentence": "甲主持会议。"}]},
              {"relation": "participated", "subject": "person/乙", "object": "event/会议",
               "attributes": {"role": "attendee", "order": 2}, "sources": []},
              {"relation": "holds_position", "subject": "person/乙", "object": "organization/市委",
               "attributes": {"title": "书记"}, "sources": [{"document": "d", "sentence": "市委书记乙出席。"}]}],
    "documents": [{"id": "d", "date": "2024-02-07"}]}


@dataclass(frozen=True)
class Hit:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...]
    facts: int


class SearchIndex:
    """Names, aliases and pinyin of every entity, one per line in two long strings.

    `str.find` over those strings runs in C, so a search of 100,000 entities takes
    milliseconds; a match's offset gives its line, and its line its entity (entities are in
    rank order: most facts first).
    """

    def __init__(self, ranked: list[Entity], pinyin: dict[str, str]):
        self.ids = [e["id"] for e in ranked]
        self.types = [e["type"] for e in ranked]
        self.names = [[n.lower() for n in (e["name"], *e.get("aliases", ())) if n] for e in ranked]
        self.name_blob, self.name_at = self._blob("\t".join(n).replace("\n", " ") for n in self.names)
        self.pinyin = [pinyin.get(e["id"], "") for e in ranked]
        self.pinyin_blob, self.pinyin_at = self._blob(self.pinyin)

    @staticmethod
    def _blob(lines: Iterable[str]) -> tuple[str, list[int]]:
        starts, parts, at = [], [], 1
        for line in lines:
            starts.append(at)
            parts.append(line)
            at += len(line) + 1
        return "\n" + "\n".join(parts) + "\n", starts

    @staticmethod
    def _lines(blob: str, starts: list[int], needle: str) -> set[int]:
        found, at = set(), blob.find(needle)
        while at >= 0:
            found.add(bisect_right(starts, at + (1 if needle.startswith("\n") else 0)) - 1)
            at = blob.find(needle, at + 1)
        return found

    def find(self, query: str, types: set[str]) -> list[int]:
        """Ranks of the entities that match: exact names first, then prefixes, then the rest."""
        text = " ".join(query.lower().split())
        if not text or "\t" in text:
            return []
        squashed = text.replace(" ", "")
        hits = self._lines(self.name_blob, self.name_at, text)
        pinyin = self._lines(self.pinyin_blob, self.pinyin_at, "\n" + squashed) if squashed.isascii() else set()
        tiers: tuple[list[int], list[int], list[int]] = ([], [], [])
        for i in sorted(hits | pinyin):
            if types and self.types[i] not in types:
                continue
            names = self.names[i]
            if text in names or self.pinyin[i] == squashed:
                tiers[0].append(i)
            elif any(n.startswith(text) for n in names) or i in pinyin:
                tiers[1].append(i)
            else:
                tiers[2].append(i)
        return tiers[0] + tiers[1] + tiers[2]


def pinyin_keys(entities: Iterable[Entity], cache: Path | None = None, stamp: object = None) -> dict[str, str]:
    """Space-free pinyin of each entity's name, from a cache file when its stamp matches.

    pypinyin takes about 0.3 ms a name, so 100,000 names would cost half a minute at every
    start; the cache beside the store (see kg.serve.store) makes it once per build.

    >>> pinyin_keys([{"id": "person/李长萍", "name": "李长萍"}])
    {'person/李长萍': 'lichangping'}
    """
    if cache is not None:
        try:
            saved = json.loads(cache.read_text(encoding="utf-8"))
            if saved.get("stamp") == stamp:
                return saved["pinyin"]
        except (OSError, ValueError, AttributeError):
            pass
    keys = {e["id"]: to_pinyin(e["name"]).replace(" ", "").lower() for e in entities}
    if cache is not None and cache.parent.is_dir():
        atomic_write(cache, json.dumps({"stamp": stamp, "pinyin": keys}, ensure_ascii=False))
    return keys


@dataclass
class Archive:
    """The indexes of one build (see `from_graph`)."""

    entities: dict[str, Entity]
    facts: list[Fact]
    documents: dict[str, dict[str, Any]]
    touching: dict[str, list[int]] = field(default_factory=dict)
    participants: dict[str, list[int]] = field(default_factory=dict)
    index: SearchIndex | None = None
    type_counts: dict[str, int] = field(default_factory=dict)
    dates: list[str] = field(default_factory=list)  # per fact: date_of, "" when unknown

    def __post_init__(self) -> None:
        if len(self.dates) != len(self.facts):
            self.dates = [self.date_of(f) or "" for f in self.facts]

    @classmethod
    def load(cls, outdir: str | Path, *, cache: Path | None = None) -> Archive:
        """Read OUTDIR/graph.json; `cache` is a file that keeps the names' pinyin between starts."""
        path = Path(outdir) / "graph.json"
        try:
            graph = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{path}: cannot read the graph ({getattr(exc, 'strerror', None) or exc})") from exc
        if not isinstance(graph, dict) or not isinstance(graph.get("entities"), list):
            raise ValueError(f"{path}: not a kg-json graph")  # noqa: TRY004 (a user error, one line)
        stat = path.stat()
        return cls.from_graph(graph, cache=cache, stamp=[stat.st_size, stat.st_mtime_ns])

    @classmethod
    def from_graph(cls, graph: dict[str, Any], *, cache: Path | None = None, stamp: object = None) -> Archive:
        """Index a kg-json graph.

        >>> a = Archive.from_graph({"entities": [{"id": "person/李长萍", "type": "person", "name": "李长萍",
        ...     "aliases": []}], "facts": [], "documents": []})
        >>> [h.name for h in a.search("lichangping")[1]]
        ['李长萍']
        """
        entities = {e["id"]: e for e in graph.get("entities", [])}
        facts = [f for f in graph.get("facts", []) if f.get("subject") in entities]
        touching: dict[str, list[int]] = defaultdict(list)
        participants: dict[str, list[int]] = defaultdict(list)
        for i, f in enumerate(facts):
            touching[f["subject"]].append(i)
            obj = f.get("object")
            if obj in entities and obj != f["subject"]:
                touching[obj].append(i)
            if f["relation"] == "participated" and obj:
                participants[obj].append(i)
        ranked = sorted(entities.values(), key=lambda e: (-len(touching.get(e["id"], ())), e["id"]))
        return cls(entities=entities, facts=facts,
                   documents={d["id"]: d for d in graph.get("documents", []) if "id" in d},
                   touching=dict(touching), participants=dict(participants),
                   index=SearchIndex(ranked, pinyin_keys(ranked, cache, stamp)),
                   type_counts=dict(sorted(Counter(e["type"] for e in entities.values()).items())))

    def hit(self, eid: str) -> Hit:
        """A search result for one entity.

        >>> Archive.from_graph(EXAMPLE).hit("person/乙").facts
        2
        """
        e = self.entities[eid]
        return Hit(eid, e["type"], e["name"], tuple(e.get("aliases", ())), len(self.touching.get(eid, ())))

    def top(self, kind: str, n: int = 10) -> list[Hit]:
        """The `n` entities of a type with the most facts.

        >>> [h.name for h in Archive.from_graph(EXAMPLE).top("person")]
        ['乙', '甲']
        """
        assert self.index is not None
        ids = (eid for eid, k in zip(self.index.ids, self.index.types) if k == kind)
        return [self.hit(eid) for eid, _ in zip(ids, range(n))]

    def search(self, query: str, *, types: Iterable[str] = (), offset: int = 0, limit: int = 20
               ) -> tuple[int, list[Hit]]:
        """Entities whose name or alias contains `query`, or whose pinyin starts with it.

        Exact names and aliases come first, then names that start with the query, then the
        rest; within each, entities with more facts first. Returns the total and one page.
        """
        assert self.index is not None
        found = self.index.find(query, set(types))
        return len(found), [self.hit(self.index.ids[i]) for i in found[offset:offset + limit]]

    def facts_of(self, eid: str, relation: str | None = None, *, as_object: bool | None = None
                 ) -> list[tuple[int, Fact]]:
        """The facts touching an entity, optionally of one relation, with it as subject or object.

        >>> [f["relation"] for _, f in Archive.from_graph(EXAMPLE).facts_of("person/乙", as_object=False)]
        ['participated', 'holds_position']
        """
        out = []
        for i in self.touching.get(eid, ()):
            f = self.facts[i]
            if relation and f["relation"] != relation:
                continue
            if as_object is not None and (f.get("object") == eid) != as_object:
                continue
            out.append((i, f))
        return out

    def named_after(self, eid: str, kind: str) -> list[Entity]:
        """Entities of `kind` whose name contains this place's name or its short form (聊城市 -> 聊城).

        A local paper names its bodies and meetings after the place (聊城市人民政府, 聊城市质量大会)
        without a fact saying where they are.

        >>> a = Archive.from_graph({"entities": [{"id": "place/聊城市", "type": "place", "name": "聊城市"},
        ...     {"id": "organization/聊城市人民政府", "type": "organization", "name": "聊城市人民政府"},
        ...     {"id": "organization/中共聊城市委", "type": "organization", "name": "中共聊城市委"}]})
        >>> [e["name"] for e in a.named_after("place/聊城市", "organization")]
        ['中共聊城市委', '聊城市人民政府']
        """
        name = self.entities[eid]["name"]
        short = name[:-1] if len(name) > 2 and name[-1] in PLACE_SUFFIXES else name
        assert self.index is not None
        return sorted((self.entities[i] for i, k in zip(self.index.ids, self.index.types)
                       if k == kind and short in self.entities[i]["name"] and i != eid), key=lambda e: e["id"])

    def other(self, fact: Fact, eid: str) -> Entity | None:
        """The entity at the other end of a fact from `eid`.

        >>> a = Archive.from_graph(EXAMPLE); a.other(a.facts[2], "person/乙")["name"]
        '市委'
        """
        other = fact.get("object") if fact["subject"] == eid else fact["subject"]
        return self.entities.get(other) if other else None

    def date_of(self, fact: Fact) -> str | None:
        """When a fact held: its own dates, else its event's date, else its first document's date.

        >>> a = Archive.from_graph(EXAMPLE); a.date_of(a.facts[0]), a.date_of(a.facts[2])
        ('2024-02-06', '2024-02-07')
        """
        attrs = fact.get("attributes") or {}
        for key in ("start", "first_seen", "date"):
            if attrs.get(key):
                return str(attrs[key])
        for end in (fact.get("object"), fact["subject"]):
            e = self.entities.get(end or "")
            if e and e["type"] == "event" and (e.get("attributes") or {}).get("date"):
                return str(e["attributes"]["date"])
        for s in fact.get("sources") or ():
            doc = self.documents.get(s.get("document"))
            if doc and doc.get("date"):
                return str(doc["date"])
        return None

    def co_attendees(self, eid: str, limit: int = 50) -> list[tuple[Entity, int]]:
        """People who took part in the same events as `eid`, most shared events first.

        >>> [(e["name"], n) for e, n in Archive.from_graph(EXAMPLE).co_attendees("person/甲")]
        [('乙', 1)]
        """
        counts: Counter[str] = Counter()
        for _, f in self.facts_of(eid, "participated", as_object=False):
            for j in self.participants.get(f.get("object") or "", ()):
                other = self.facts[j]["subject"]
                if other != eid:
                    counts[other] += 1
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [(self.entities[k], n) for k, n in ranked]

    def neighbourhood(self, eid: str, *, hops: int, types: set[str] | None, limit: int
                      ) -> dict[str, tuple[int, str | None]]:
        """Entities within `hops` facts of `eid` through entities of `types`, nearest first, at most
        `limit`: id -> (hops away, the entity it was reached from).

        >>> Archive.from_graph(EXAMPLE).neighbourhood("person/甲", hops=2, types=None, limit=10)
        {'person/甲': (0, None), 'event/会议': (1, 'person/甲'), 'person/乙': (2, 'event/会议')}
        """
        seen: dict[str, tuple[int, str | None]] = {eid: (0, None)}
        frontier = [eid]
        for depth in range(1, hops + 1):
            nxt = []
            for node in frontier:
                for i in self.touching.get(node, ()):
                    f = self.facts[i]
                    for other in (f["subject"], f.get("object")):
                        if other and other not in seen and other in self.entities and \
                                (types is None or self.entities[other]["type"] in types):
                            seen[other] = (depth, node)
                            nxt.append(other)
                            if len(seen) >= limit:
                                return seen
            frontier = nxt
        return seen

    def subgraph(self, ids: list[str]) -> dict[str, Any]:
        """A kg-json graph of these entities and the facts among them (for the network drawing).

        >>> len(Archive.from_graph(EXAMPLE).subgraph(["person/甲", "event/会议"])["facts"])
        1
        """
        keep = set(ids)
        facts = sorted({i for e in ids for i in self.touching.get(e, ())
                        if self.facts[i]["subject"] in keep and self.facts[i].get("object") in keep | {None}})
        docs = {s.get("document") for i in facts for s in self.facts[i].get("sources") or ()}
        return {"entities": [self.entities[e] for e in ids], "facts": [self.facts[i] for i in facts],
                "documents": [self.documents[d] for d in sorted(docs, key=str) if d in self.documents],
                "mentions": []}
