"""Careers across an archive: one post, one fact; tenures; who succeeded whom.

Pure functions over holds_position facts (kg-json dicts), run by `kg.graph.assemble`:

- `canonical_title` is the post without the body's own name written into it
  (中共某市委书记 -> 市委书记, 某市人民政府市长 -> 市长); modifiers (副, 常务, 代理) are kept.
  Facts are keyed by person, body and that title; each written form stays in `forms`.
- `tenure` dates a post from its sightings: `start` from an appointment, election or taking
  office (evidence "appointed") else the first dated sighting ("first_seen"); `end` from a
  removal or resignation ("removed"), else open ("last_seen"). `successions` then ends each
  holder of a single-holder post (resources/single_posts.tsv) at the start of the next one
  ("successor"). Each bound names its source: document, article, offsets and sentence.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from kg.script import in_script_of, to_simplified

LEVELS = "省市县区州旗盟镇乡"
EVIDENCE = ("appointed", "first_seen", "removed", "successor", "last_seen")
_HEAD = re.compile(rf"(?:常务)?副?(?:代理)?[{LEVELS}]长")          # 市长, 常务副市长, 代理市长
_GOV_HEAD = re.compile(rf"[{LEVELS}](?:人民)?政府((?:常务)?副?(?:代理)?[{LEVELS}]长)")
_FORMER = ("原", "前")


@lru_cache(maxsize=65536)      # an archive repeats a few thousand (title, body) pairs
def canonical_title(title: str, body: str | None = None) -> str:
    """The post without the body's name in it; `body` is the body's entity id or name.

    >>> canonical_title("中共泰安市委书记", "organization/中共泰安市委")
    '市委书记'
    >>> canonical_title("泰安市人民政府市长", "organization/泰安市人民政府")
    '市长'
    >>> canonical_title("宁阳县委书记", "organization/中共宁阳县委"), canonical_title("代市长", None)
    ('县委书记', '代理市长')
    >>> [canonical_title(t, "organization/中共泰安市委") for t in ("秘书长", "常委", "市委副书记")]
    ['市委秘书长', '市委常委', '市委副书记']
    >>> canonical_title("统战部部长", "organization/中共泰安市委统战部"), canonical_title("潍坊市原市长", "潍坊市人民政府")
    ('市委统战部部长', '市长')
    >>> canonical_title("道县县委书记", "organization/中共道县县委"), canonical_title("泉港区区委书记", "中共泉港区委")
    ('县委书记', '区委书记')
    >>> canonical_title("延边州委常委", "organization/中共延边朝鲜族自治州委")
    '州委常委'
    """
    t = _acting(_strip_former(title.strip()).removeprefix("中共"))
    if body is None or body.startswith("company/"):
        return t
    name = body.split("/", 1)[-1].removeprefix("中共")
    segs = place_segments(name)
    place = "".join(segs)
    if place:
        for written in (place, segs[-1], _short_written(t, segs[-1])):
            if written and t.startswith(written) and len(t) > len(written):
                rest = t[len(written):]      # 道县县委书记: the level written again stays once
                t = rest if rest[:1] == place[-1] else place[-1] + rest
                break
    if t[:1] in LEVELS and t[1:2] in _FORMER:                 # 潍坊市原市长 -> 市原市长 -> 原市长
        t = _strip_former(t[1:])
    head = _GOV_HEAD.fullmatch(t)
    if head:
        return head.group(1)
    if t[:1] in LEVELS and _HEAD.fullmatch(_acting(t[1:])):      # 泰安市副市长 -> 市副市长 -> 副市长
        return _acting(t[1:])
    return _with_body(t, short_body(name, place)) if place else t


def _short_written(title: str, division: str) -> str | None:
    """延边州 in 延边州委常委: the division written by its short form, level kept."""
    from kg.divisions import gazetteer

    return next((title[:n] for n in range(2, min(7, len(title))) if title[n - 1] in LEVELS and title[:n] != division
                 and (d := gazetteer().lookup(title[:n])) is not None and d.name == division), None)


def _acting(title: str) -> str:
    return re.sub(rf"^((?:常务)?副?)代(?!理)(?=[{LEVELS}]长)", r"\1代理", title)


_FORMER_MARK = re.compile(rf"(?:^|[{LEVELS}])[原前](?=(?:常务)?副?(?:代理)?[{LEVELS}](?:长|委)|中共)")


def is_former(title: str) -> bool:
    """原市长 (潍坊市原市长) is a sighting of someone who no longer holds the post.

    >>> is_former("原市长"), is_former("潍坊市原市长"), is_former("市长"), is_former("太原市委书记")
    (True, True, False, False)
    """
    return bool(_FORMER_MARK.search(title))


def _strip_former(title: str) -> str:
    for mark in _FORMER:
        rest = title[len(mark):]
        if title.startswith(mark) and (_HEAD.fullmatch(rest) or rest[:1] in LEVELS or rest.startswith("中共")):
            return rest
    return title


_SEGMENT = re.compile(rf"[^{LEVELS}]{{2,6}}?[镇乡区]")     # a town or zone the divisions do not list


def place_segments(name: str) -> list[str]:
    """The place names a body's name starts with, one per level: divisions by their full
    names (徐州市, not the 徐州 its 州 would cut), else a name and a level character.

    >>> place_segments("中共徐州市委"[2:]), place_segments("聊城市东昌府区人民政府")
    (['徐州市'], ['聊城市', '东昌府区'])
    >>> place_segments("泰安市市场监督管理局"), place_segments("国务院"), place_segments("前进镇人民政府")
    (['泰安市'], [], ['前进镇'])
    """
    from kg.divisions import gazetteer

    g, out, pos = gazetteer(), [], 0
    while pos < len(name):
        seg = next((name[pos:pos + n] for n in g.lengths if pos + n < len(name)
                    and name[pos + n - 1] in LEVELS and _division(g, name[pos:pos + n])), None)
        m = _SEGMENT.match(name, pos) if seg is None else None
        seg = seg or (m.group() if m and m.end() < len(name) else None)
        if seg is None:
            break
        out.append(seg)
        pos += len(seg)
    return out


def _division(g: Any, seg: str) -> bool:
    return any(seg != d.stem for d in g.by_name.get(seg, ()))


def short_body(name: str, place: str) -> str:
    """The body as its own members write it: 泰安市委统战部 -> 市委统战部, 泰安市人民政府 -> 市政府.

    >>> short_body("泰安市委统战部", "泰安市"), short_body("泰安市人民政府", "泰安市")
    ('市委统战部', '市政府')
    """
    if name.endswith("行政公署"):
        return "行署"               # 阿克苏地区行政公署, 兴安盟行政公署: 行署专员
    rest = place[-1] + name[len(place):]
    return re.sub(r"人民政府$", "政府", rest)


def _with_body(title: str, body: str) -> str:
    """A title written without its body inside a chain takes the body's short form
    (市委常委、秘书长 -> 市委秘书长; 统战部部长 of 市委统战部 -> 市委统战部部长)."""
    full = body.replace("政府", "人民政府")
    if title.startswith((body, full)) or _HEAD.fullmatch(title) or title[:1] in LEVELS:
        return title
    for k in range(1, len(body) - 1):
        if title.startswith(body[k:]):
            return body[:k] + title
    return body + title


@lru_cache(maxsize=1)
def single_posts() -> frozenset[str]:
    """Titles one person holds at a time, from resources/single_posts.tsv.

    >>> "市委书记" in single_posts(), "市委副书记" in single_posts()
    (True, False)
    """
    raw = resources.files("kg.resources").joinpath("single_posts.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t")[0].strip() for line in raw.splitlines()
                     if line.strip() and not line.startswith("#"))


def is_single(title: str) -> bool:
    """A post one person holds at a time; an acting one (代理市长) is one too.

    >>> is_single("市长"), is_single("代理市长"), is_single("副市长")
    (True, True, False)
    """
    return title in single_posts() or (title.startswith("代理") and title[2:] in single_posts())


def post_key(title: str) -> str:
    """The post a canonical title names, whatever its script: 縣委書記 and 县委书记 are one post."""
    return to_simplified(title)


def _ref(src: dict[str, Any]) -> dict[str, Any]:
    return {"document": src["document"], "start": src["start"], "end": src["end"]}


def sightings(fact: dict[str, Any]) -> list[dict[str, Any]]:
    """The dated sightings of a post, in date order: each form's sources that carry a date
    (a former holder's 原市长 dates nothing).

    >>> f = {"attributes": {"forms": [{"title": "市长", "sources": [
    ...     {"document": "b", "start": 0, "end": 2, "date": "2021-01-05"},
    ...     {"document": "a", "start": 0, "end": 2, "date": "2020-03-01", "change": "appointed"}]}]}}
    >>> [(s["date"], s.get("change")) for s in sightings(f)]
    [('2020-03-01', 'appointed'), ('2021-01-05', None)]
    """
    out = [s for form in fact["attributes"].get("forms", ()) if not is_former(form["title"])
           for s in form["sources"] if s.get("date")]
    return sorted(out, key=lambda s: (s["date"], s.get("change") != "appointed", s["document"], s["start"]))


def tenure(fact: dict[str, Any]) -> dict[str, Any]:
    """first_seen, last_seen, start and end of a post, each bound with its evidence and source.

    >>> f = {"attributes": {"forms": [{"title": "市长", "sources": [
    ...     {"document": "a", "start": 0, "end": 2, "date": "2020-03-01", "change": "appointed"},
    ...     {"document": "b", "start": 5, "end": 7, "date": "2022-06-10", "change": "removed"}]}]}}
    >>> t = tenure(f)
    >>> t["start"], t["start_evidence"], t["end"], t["end_evidence"], t["end_source"]["document"]
    ('2020-03-01', 'appointed', '2022-06-10', 'removed', 'b')
    """
    seen = sightings(fact)
    if not seen:
        return {"start_evidence": "first_seen", "end_evidence": "last_seen"}
    quoted = {(s["document"], s["start"], s["end"]): s for s in fact.get("sources", ())}

    def source(s: dict[str, Any]) -> dict[str, Any]:     # with the sentence, for the page and RDF
        src = quoted.get((s["document"], s["start"], s["end"]), {})
        return dict(_ref(s), **{k: src[k] for k in ("article", "sentence") if k in src})

    first, last = seen[0], seen[-1]
    out = {"first_seen": first["date"], "last_seen": last["date"], "start": first["date"],
           "start_evidence": "appointed" if first.get("change") == "appointed" else "first_seen",
           "start_source": source(first), "end_evidence": "last_seen", "end_source": source(last)}
    removal = next((s for s in seen if s.get("change") == "removed"), None)
    if removal:
        out.update(end=removal["date"], end_evidence="removed", end_source=source(removal))
    return out


def successions(facts: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Holders of each single-holder post in order. Ends each open tenure where the next
    holder of the post, or of its acting form (代理市长 follows 市长), is first seen (evidence
    "successor"); an acting post also ends where its holder takes the full one. Updates the
    facts' attributes; returns the posts with two or more holders.

    >>> def post(who, start, title="市长"):
    ...     return {"subject": who, "object": "organization/X市人民政府", "attributes": {"title": title,
    ...             "start": start, "start_source": {"document": who, "start": 0, "end": 2},
    ...             "end_evidence": "last_seen"}}
    >>> a, b, c = post("person/甲", "2020-01-02"), post("person/乙", "2022-05-06", "代理市长"), post("person/乙", "2023-01-10")
    >>> [h["person"] for h in successions([c, b, a])[0]["holders"]]
    ['person/甲', 'person/乙']
    >>> a["attributes"]["end"], b["attributes"]["end"]
    ('2022-05-06', '2023-01-10')
    """
    posts: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for f in facts:
        title = post_key(f["attributes"].get("title", ""))
        if f.get("object") and is_single(title):
            posts.setdefault((f["object"], title), []).append(f)
    lines: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for (body, title), held in posts.items():
        lines.setdefault((body, title.removeprefix("代理")), []).extend(held)
    for line in lines.values():
        dated = _in_order(line)
        for prev, nxt in zip(dated, _successors(dated)):
            if nxt is not None:
                _end_by(prev, nxt, "successor")
    out = []
    for (body, title), held in sorted(posts.items()):
        if len(held) >= 2:
            out.append({"body": body, "title": title, "holders": [_holder(f) for f in _in_order(held)],
                        "undated_holders": sorted(f["subject"] for f in held if not f["attributes"].get("start"))})
    return out


def _successors(dated: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """For each tenure of a post in order, the first later one of another holder, or for an
    acting tenure also the first later full one; found in one pass from the end (a post an
    archive names 25,000 holders of would cost 300 million comparisons scanned forward).

    >>> def f(who, title="市长"):
    ...     return {"subject": who, "attributes": {"title": title}}
    >>> held = [f("甲"), f("甲"), f("乙", "代理市长"), f("乙"), f("丙")]
    >>> [n and (n["subject"], n["attributes"]["title"]) for n in _successors(held)]
    [('乙', '代理市长'), ('乙', '代理市长'), ('乙', '市长'), ('丙', '市长'), None]
    """
    other: list[int | None] = [None] * len(dated)     # the next of another holder
    full: list[int | None] = [None] * len(dated)      # the next full (not acting) post
    for i in range(len(dated) - 2, -1, -1):
        after = dated[i + 1]
        other[i] = i + 1 if after["subject"] != dated[i]["subject"] else other[i + 1]
        full[i] = i + 1 if not after["attributes"]["title"].startswith("代理") else full[i + 1]
    out: list[dict[str, Any] | None] = []
    for i, prev in enumerate(dated):
        found = [j for j in (other[i], full[i] if prev["attributes"]["title"].startswith("代理") else None)
                 if j is not None]
        out.append(dated[min(found)] if found else None)
    return out


def _in_order(held: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Dated holders by start; of one start date, a tenure that ended that day first."""
    return sorted((f for f in held if f["attributes"].get("start")),
                  key=lambda f: (f["attributes"]["start"], f["attributes"].get("end") or "9999", f["subject"]))


def _end_by(prev: dict[str, Any], nxt: dict[str, Any], evidence: str) -> None:
    a, b = prev["attributes"], nxt["attributes"]
    if a.get("end") or not a.get("start") or not b.get("start") or b["start"] <= a["start"]:
        return
    a.update(end=b["start"], end_evidence=evidence, end_source=dict(b["start_source"], person=nxt["subject"]))


def _holder(f: dict[str, Any]) -> dict[str, Any]:
    a = f["attributes"]
    return {"person": f["subject"], **{k: a[k] for k in ("start", "start_evidence", "end", "end_evidence",
                                                          "last_seen") if a.get(k) is not None}}


def as_post(fact: dict[str, Any], date: str | None) -> dict[str, Any]:
    """A holds_position fact of one document, keyed by its canonical title: the written form,
    the date of its sighting and any change (appointed, removed) go into `forms`.

    >>> f = {"relation": "holds_position", "subject": "person/甲", "object": "organization/中共泰安市委",
    ...      "attributes": {"title": "中共泰安市委书记", "change": "appointed"},
    ...      "sources": [{"document": "d", "start": 0, "end": 9, "sentence": "…"}]}
    >>> p = as_post(f, "2024-02-06")
    >>> p["attributes"]["title"], p["attributes"]["forms"][0]["title"], p["attributes"]["forms"][0]["sources"][0]["change"]
    ('市委书记', '中共泰安市委书记', 'appointed')
    """
    a = dict(fact["attributes"])
    written, change = a.get("title", ""), a.pop("change", None)
    # the canonical title is found on the simplified reading and shown in the page's script
    # (縣委書記); `post_key` (simplified) is what tells one post from another across scripts
    a["title"] = in_script_of(canonical_title(to_simplified(written), fact.get("object")), written)
    extra = {k: v for k, v in (("date", date), ("change", change)) if v}
    a["forms"] = [{"title": written, "sources": [dict(_ref(s), **extra) for s in fact["sources"]]}]
    return dict(fact, attributes=a)


def merge_forms(into: list[dict[str, Any]], more: list[dict[str, Any]]) -> None:
    """Add the written forms of `more` to `into`; `tidy_forms` de-duplicates and sorts once,
    after the last merge (a leader's post is read in thousands of pages).

    >>> a = [{"title": "市长", "sources": [{"document": "b", "start": 1, "end": 3}]}]
    >>> merge_forms(a, [{"title": "市长", "sources": [{"document": "a", "start": 1, "end": 3},
    ...                                                {"document": "b", "start": 1, "end": 3}]},
    ...                 {"title": "X市市长", "sources": [{"document": "c", "start": 0, "end": 4}]}])
    >>> tidy_forms(a)
    >>> [(f["title"], [s["document"] for s in f["sources"]]) for f in a]
    [('X市市长', ['c']), ('市长', ['a', 'b'])]
    """
    by_title = {f["title"]: f for f in into}
    for form in more:
        cur = by_title.get(form["title"])
        if cur is None:
            cur = by_title[form["title"]] = {"title": form["title"], "sources": []}
            into.append(cur)
        cur["sources"] += form["sources"]


def tidy_forms(forms: list[dict[str, Any]]) -> None:
    """Each form's sources once, in document order; the forms by title."""
    for form in forms:
        form["sources"] = unique_sources(form["sources"])
    forms.sort(key=lambda f: f["title"])


def unique_sources(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sources without repeats, by document and offsets (the first of equal ones kept first).

    >>> [s["document"] for s in unique_sources([{"document": "b", "start": 0, "end": 1},
    ...     {"document": "a", "start": 0, "end": 1}, {"document": "b", "start": 0, "end": 1}])]
    ['a', 'b']
    """
    seen: set[tuple] = set()
    out = []
    for s in sources:
        key = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(s.items()))  # a PDF box
        if key not in seen:
            seen.add(key)
            out.append(s)
    return sorted(out, key=lambda s: (s["document"], s["start"], s["end"]))


def date_posts(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tenures on every holds_position fact (recomputed from its forms), then the successions
    of single-holder posts.

    >>> f = {"relation": "holds_position", "subject": "person/甲", "object": None, "sources": [],
    ...      "attributes": {"title": "市长", "forms": [{"title": "原市长", "sources": [
    ...          {"document": "a", "start": 0, "end": 3, "date": "2020-03-01"}]}]}}
    >>> date_posts([f]), f["attributes"]["former"], f["attributes"].get("start")
    ([], True, None)
    """
    for f in facts:
        if f["relation"] == "holds_position":
            a = f["attributes"]
            tidy_forms(a.setdefault("forms", []))
            for key in ("first_seen", "last_seen", "start", "end", "start_evidence", "end_evidence",
                        "start_source", "end_source", "former"):
                a.pop(key, None)
            a.update(tenure(f))
            if a.get("forms") and all(is_former(form["title"]) for form in a["forms"]):
                a["former"] = True
    return successions(f for f in facts if f["relation"] == "holds_position")
