"""Mentions -> entities: one node per real-world thing, within a document and across an archive.

Within a document, mentions that share a key are one entity (the recognisers already put
市委 and 聊城市委 under 中共聊城市委); honorifics such as 李书记 resolve to the one person
of that surname holding that post. Across documents, a name is one person unless two
documents' home places and organisations both disagree (王刚 of 聊城 and 王刚 of 临沂).
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from kg.extract.base import SURNAMES_1, SpanIndex, mention
from kg.extract.events import GENERIC_HEADS
from kg.extract.posts import POSTS
from kg.script import in_script_of
from kg.types import Mention, eid

_ROLE_RANK = {"official": 0, "business": 1, "journalist": 2, "other": 3}
_HONORIFIC = re.compile(rf"([{''.join(sorted(SURNAMES_1))}])({'|'.join(sorted(POSTS, key=len, reverse=True))})")


def honorifics(text: str, mentions: list[Mention]) -> list[Mention]:
    """李书记 -> 李长萍 when she is the document's only 李 with a post ending in 书记.

    >>> from kg.extract.base import mention
    >>> t = "市委书记李长萍出席。李书记指出"
    >>> li = mention(4, 7, t, "person", titles=(("市委书记", "中共聊城市委"),))
    >>> [(m.text, m.key) for m in honorifics(t, [li])]
    [('李书记', '李长萍')]
    """
    titled: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        for title, _ in m.attr("titles") or ():
            for post in POSTS:
                if title.endswith(post):
                    titled[(m.key[0], post)].add(m.key)
    taken = SpanIndex((m.start, m.end) for m in mentions if m.type != "title")  # not a scan per match
    out = []
    for h in _HONORIFIC.finditer(text):
        names = titled.get((h.group(1), h.group(2)), set())
        if len(names) != 1 or taken.overlapping(h.start(), h.end()):
            continue
        if h.start() and text[h.start() - 1] in "副":
            continue
        out.append(mention(h.start(), h.end(), text, "person", next(iter(names)), role="official"))
    return out


def merge_event_names(mentions: list[Mention], articles: list[tuple[int, int]] | None = None) -> list[Mention]:
    """A headline's 五届十三次常委会议 is the body's 市政协五届十三次常委会议: a name that ends
    another event's name in the same document takes the longer name; so does a generic name
    (签约仪式上，… after 甲市与乙集团战略合作签约仪式) within its own article of `articles`.

    >>> from kg.extract.base import mention
    >>> t = "五届十三次常委会议。市政协五届十三次常委会议召开"
    >>> [m.key for m in merge_event_names([mention(0, 9, t, "event"), mention(10, 22, t, "event")])]
    ['市政协五届十三次常委会议', '市政协五届十三次常委会议']
    """
    names = sorted({m.key for m in mentions if m.type == "event"}, key=len, reverse=True)
    longer = {}
    for short in names:
        for full in names:
            if len(full) > len(short) >= 5 and full.endswith(short):
                longer[short] = full
                break
    spans = articles or [(0, max((m.end for m in mentions), default=0))]
    out = []
    for m in mentions:
        if m.type == "event" and m.key in GENERIC_HEADS:
            span = next(((s, e) for s, e in spans if s <= m.start < e), (m.start, m.end))
            full = next((o.key for o in mentions if o.type == "event" and span[0] <= o.start < span[1]
                         and o.key != m.key and o.key.endswith(m.key)), None)
            m = Mention(m.start, m.end, m.text, m.type, full, m.attrs) if full else m
        elif m.type == "event" and m.key in longer:
            m = Mention(m.start, m.end, m.text, m.type, longer[m.key], m.attrs)
        out.append(m)
    return out


def local_entities(mentions: list[Mention], *, event_dates: dict[str, Any], clean_text: str,
                   home: str | None, traditional: bool = False) -> dict[str, dict[str, Any]]:
    """id -> {type, name, aliases, attributes} for one document's mentions. On a `traditional`
    page a name the page does not print whole (中共菏泽市委 for 市委) is given in the page's
    script too (中共菏澤市委), each character as the page prints it; the simplified name is an alias."""
    ents: dict[str, dict[str, Any]] = {}
    for m in mentions:
        if m.type == "title":
            continue
        e = ents.setdefault(eid(m), {"type": m.type, "name": m.key, "aliases": set(), "attributes": {}})
        surface = clean_text[m.start:m.end]
        if surface != m.key and not m.attr("pronoun"):
            e["aliases"].add(surface)
            if surface != m.text and m.key == m.text:   # read from traditional script: keep it as written
                e["name"] = surface
        for extra in (m.attr("alias"), m.attr("short")):
            if isinstance(extra, str) and extra != m.key:
                e["aliases"].add(extra)
        _attributes(e, m)
    for key, e in ents.items():
        canonical = key.split("/", 1)[1]        # simplified, where the page is in traditional script
        if traditional and e["name"] == canonical:
            e["name"] = in_script_of(canonical, "".join(sorted(e["aliases"])))
        e["aliases"] |= derived_aliases(e["type"], canonical, home) | {canonical}
        e["aliases"].discard(e["name"])
        if key in event_dates:
            d = event_dates[key]
            e["attributes"]["date"] = d.date.isoformat()
            if d.end_date:
                e["attributes"]["end_date"] = d.end_date.isoformat()
    return ents


def _attributes(e: dict[str, Any], m: Mention) -> None:
    a = e["attributes"]
    if m.type == "person":
        role = m.attr("role") or "other"
        if _ROLE_RANK.get(role, 9) < _ROLE_RANK.get(a.get("role", "other"), 9) or "role" not in a:
            a["role"] = role
    elif m.type == "place":
        for k in ("level", "code"):
            if m.attr(k):
                a.setdefault(k, m.attr(k))


def derived_aliases(type_: str, name: str, home: str | None) -> set[str]:
    """Other names a paper uses for the same body.

    >>> sorted(derived_aliases("organization", "中共聊城市委", "聊城市"))
    ['市委', '聊城市委']
    >>> sorted(derived_aliases("organization", "中共五一村支部委员会", None))
    ['五一村党支部']
    >>> sorted(derived_aliases("event", "聊城市质量大会", "聊城市"))
    ['市质量大会']
    """
    out = set()
    if type_ == "organization":
        out |= _short_place_forms(name) | _district_forms(name)
        m = re.fullmatch(r"中共(.+?[省市县区])委", name)
        if m:
            out.add(f"{m.group(1)}委")
        m = re.fullmatch(r"中共(.+?)(工作委员会|总支部委员会|支部委员会|委员会)", name)
        if m:       # 中共X街道工作委员会 is written X街道党工委
            out.add(m.group(1) + {"工作委员会": "党工委", "总支部委员会": "党总支", "支部委员会": "党支部",
                                  "委员会": "党委"}[m.group(2)])
        m = re.fullmatch(r"(.+?[省市县区])人民政府", name)
        if m:
            out.add(f"{m.group(1)}政府")
    if home and name.startswith(home) and len(name) > len(home) + 1 and type_ in ("organization", "event"):
        level = home[-1]
        rest = name[len(home):]
        out.add(level + rest)
    if home and type_ == "organization" and name in (f"中共{home}委", f"中共{home}县委"):
        out.add(home[-1] + "委")
    return out


def _short_place_forms(name: str) -> set[str]:
    """中共甘孜藏族自治州委 is also 中共甘孜州委: the body's place in its shorter names.

    >>> sorted(_short_place_forms("甘孜藏族自治州人民政府"))
    ['甘孜州人民政府', '甘孜自治州人民政府']
    """
    from kg.divisions import aliases, gazetteer

    g = gazetteer()
    head = 2 if name.startswith("中共") else 0
    out = set()
    for end in range(len(name), head + 1, -1):
        divs = g.by_name.get(name[head:end], ())
        if len(divs) == 1 and divs[0].name == name[head:end]:
            for alias in aliases(divs[0]):
                if alias != divs[0].name and len(alias) >= 3:
                    out.add(name[:head] + alias + name[end:])
            break
    return out


def _district_forms(name: str) -> set[str]:
    """A district's bodies are written with and without their city: 中共X市Y区委 and 中共Y区委.

    >>> sorted(_district_forms("中共祥符区委")), sorted(_district_forms("开封市祥符区人民政府"))
    (['中共开封市祥符区委'], ['祥符区人民政府'])
    """
    from kg.divisions import gazetteer

    g = gazetteer()
    head = next((h for h in ("中共", "政协") if name.startswith(h)), "")
    body = name[len(head):]
    for end in range(min(len(body), 12), 1, -1):
        divs = g.by_name.get(body[:end], ())
        if len(divs) != 1:
            continue
        div = divs[0]
        parent = g.by_code.get(div.parent or "")
        if div.level == "district" and parent is not None and body[:end] == div.name:
            return {head + parent.name + body}
        for child_end in range(end + 2, min(len(body), end + 8) + 1):
            child = g.lookup(body[end:child_end], home=div)
            if child is not None and child.level == "district" and child.parent == div.code \
                    and body[end:child_end] == child.name:
                return {head + body[end:]}
        return set()
    return set()


# ---- across documents ----------------------------------------------------------------

def person_splits(results: list[dict[str, Any]], *, never_split: set[str]) -> tuple[dict[tuple[str, str], str], list[dict]]:
    """(document id, person id) -> final id, and the merge log.

    Documents naming the same person are grouped by home place; groups that share an
    organisation of a post, or whose home place is unknown, are merged.
    """
    seen: dict[str, list[tuple[str, str | None, set[str]]]] = defaultdict(list)
    for r in results:
        doc = r["document"]
        orgs_by_person = defaultdict(set)
        for f in r["facts"]:
            if f["relation"] == "holds_position" and f["object"]:
                orgs_by_person[f["subject"]].add(f["object"])
        for pid, e in r["entities"].items():
            if e["type"] == "person":
                seen[pid].append((doc["id"], doc.get("place"), orgs_by_person[pid]))
    mapping: dict[tuple[str, str], str] = {}
    log: list[dict] = []
    for pid in sorted(seen):
        groups = _group(seen[pid]) if pid.split("/", 1)[1] not in never_split else [seen[pid]]
        for group in groups:
            final = pid if len(groups) == 1 else f"{pid} ({group[0][1] or '?'})"
            for doc_id, _, _ in group:
                mapping[(doc_id, pid)] = final
            if len(group) > 1:
                places = sorted({p for _, p, _ in group if p})
                orgs = sorted(set().union(*(o for _, _, o in group)))
                log.append({"entity": final, "documents": sorted(d for d, _, _ in group),
                            "evidence": {"same_name": pid.split("/", 1)[1], "home_places": places,
                                         "organizations": orgs}})
        if len(groups) > 1:
            log.append({"kept_apart": sorted(mapping[(g[0][0], pid)] for g in groups),
                        "evidence": "same name, different home places and no shared organisation"})
    return mapping, log


def _group(items: list[tuple[str, str | None, set[str]]]) -> list[list[tuple[str, str | None, set[str]]]]:
    groups: list[list[tuple[str, str | None, set[str]]]] = []
    seen: list[tuple[set[str | None], set[str]]] = []   # each group's places and organisations, kept
    for item in sorted(items, key=lambda x: (x[1] or "", x[0])):   # as it grows: one name in 10^5
        for g, (places, orgs) in zip(groups, seen):                 # documents is not quadratic
            if item[1] is None or None in places or item[1] in places or item[2] & orgs:
                g.append(item)
                places.add(item[1])
                orgs |= item[2]
                break
        else:
            groups.append([item])
            seen.append(({item[1]}, set(item[2])))
    return groups
