"""Relations of places: part_of from the division data, located_in (位于, 在X举行), born_in."""
from __future__ import annotations

from collections.abc import Iterator

from kg.relate.base import CLAUSE, Found, Scope
from kg.relate.cues import (
    BORN,
    HELD,
    HELD_AT,
    HELD_THEN,
    HELD_VENUE,
    LOCATED,
    SEAT,
    SETTLES,
    ZONE_LIST,
    ZONE_VISIT,
)
from kg.types import Mention, eid


def find_hierarchy(sc: Scope, place_ids: set[str]) -> Iterator[Found]:
    """part_of from the division data: each place to its nearest mentioned ancestor. A village
    whose town the text does not write next to it belongs to the one town the story names
    (赴某街道6个社区走访……走访了甲社区、乙社区), else to the home county."""
    from kg.divisions import gazetteer

    g = gazetteer()
    done = set()
    towns = {m.key: m for m in sc.mentions if m.type == "place" and m.attr("level") == "township"}
    for m in sc.mentions:
        if m.type != "place" or eid(m) in done or m.attr("ref"):
            continue
        done.add(eid(m))
        chain: list[str] = []
        if m.attr("code") and m.attr("code") in g.by_code:
            chain = [a.name for a in g.ancestors(g.by_code[m.attr("code")])]
        elif m.attr("parent"):
            parent = m.attr("parent")
            if m.attr("implied") and m.attr("level") == "village" and len(towns) == 1:
                parent = next(iter(towns))
            div = g.lookup(parent)
            chain = [parent] + ([a.name for a in g.ancestors(div)] if div else [])
        for anc in chain:
            if f"place/{anc}" in place_ids:
                yield Found("part_of", eid(m), f"place/{anc}", (), m.start, m.end, sc.sentence_of(m.start))
                break


def held_at(sc, s, e, sent, ms) -> Iterator[Found]:
    """An event located in the place it was held at (GUIDELINES facts 6): 签约仪式在某市举行,
    在某市某区举行揭牌仪式, 在某市国际会展中心举行的推介会 (a venue in a named place), and a
    place that holds it (某县举行集中开工仪式). The object is the last of a written chain."""
    places = [x for x in ms if x.type == "place"]         # 在我市召开: the home place, 我市 written
    events = [x for x in ms if x.type == "event"]
    if not places or not events:
        return
    for v in HELD.finditer(sent):
        at, after = s + v.start(), s + v.end()
        where, cut = _held_where(sc, s, at, places)
        if where is None:
            continue
        then = HELD_THEN.match(sc.text, after).end()
        ev = next((x for x in events if x.start == then), None)
        if ev is None and cut is not None:
            ev = next((x for x in reversed(events) if x.end <= cut), None)
        if ev is not None:
            yield Found("located_in", eid(ev), eid(where), (), min(ev.start, where.start),
                        max(ev.end, at + len(v.group())), (s, e))


def _held_where(sc: Scope, s: int, at: int, places: list[Mention]) -> tuple[Mention | None, int | None]:
    """The place before the verb at `at`: after 在 (the event may stand before 在: returned as
    the cut), or the clause's subject right before the verb (no event before it then)."""
    k = sc.text.rfind(HELD_AT, max(s, at - 24), at)
    if k >= 0 and HELD_VENUE.fullmatch(sc.text, k + 1, at):
        chain = _chain(k + 1, places) or _named_venue(sc, k + 1)
        if chain is not None:
            return chain, k
    subject = next((x for x in places if x.end == at), None)
    if subject is not None and (subject.start == s or CLAUSE.match(sc.text, subject.start - 1)):
        return subject, None
    return None, None


def _named_venue(sc: Scope, pos: int) -> Mention | None:
    """泰州|国际会展中心: a venue whose name opens with a place of the article (the recogniser
    leaves a place glued to a venue's name alone)."""
    from kg.divisions import gazetteer

    for n in (4, 3, 2):
        div = gazetteer().lookup(sc.text[pos:pos + n])
        if div is not None and div.name in sc.place_keys:
            return Mention(pos, pos + n, sc.text[pos:pos + n], "place", div.name)
    return None


def _chain(pos: int, places: list[Mention]) -> Mention | None:
    """The last place of the chain written from `pos` (常州市|新北区 -> 新北区)."""
    found = None
    for m in places:
        if m.start == pos and (found is None or m.end > found.end or m.key != found.key):
            found, pos = m, m.end
    return found


def located(sc, s, e, sent, ms) -> Iterator[Found]:
    """A company placed by the text (GUIDELINES facts 6): 位于X的某公司, 某公司位于X, X的某公司,
    a branch named by its place (某银行某县支行 -> 某县, when that place is an entity of the
    article), and the companies visited inside a zone (深入某产业园，走访A公司、B公司)."""
    seen: set[tuple[str, str]] = set()
    for f in _located(sc, s, e, sent, ms):
        if (f.subject, f.object) not in seen:
            seen.add((f.subject, f.object))
            yield f


def _located(sc, s, e, sent, ms) -> Iterator[Found]:
    places = [x for x in ms if x.type == "place"]
    things = [x for x in ms if x.type in ("company", "organization")]
    for m in LOCATED.finditer(sent):
        at = s + m.end()
        place = next((x for x in places if x.start == at), None)
        if place is None:
            continue
        after = sc.text[place.end:place.end + 1] == "的"
        thing = next((x for x in things if x.start == place.end + 1), None) if after else \
            next((x for x in things if x.end <= s + m.start()), None)      # the sentence's subject
        if thing:
            yield Found("located_in", eid(thing), eid(place), (), min(thing.start, place.start),
                        max(thing.end, place.end), (s, e))
    for c in (x for x in things if x.type == "company"):
        settles = SETTLES.match(sc.text, c.end)
        place = next((x for x in places if settles and x.start == settles.end()), None)
        if place is not None:
            yield Found("located_in", eid(c), eid(place), (), c.start, place.end, (s, e))
        place = next((x for x in places if x.end + 1 == c.start and sc.text[x.end] == "的" and not x.attr("ref")), None)
        if place is not None:
            yield Found("located_in", eid(c), eid(place), (), place.start, c.end, (s, e))
        seat = next((x for x in places if x.start == c.end and SEAT.match(sc.text, x.end)), None)
        if seat is not None:                 # 某集团杭州总部
            yield Found("located_in", eid(c), eid(seat), (), c.start, seat.end, (s, e))
    yield from _seats(sc, s, e, things)
    yield from _in_zone(sc, s, e, sent, places, things)


def _seats(sc: Scope, s: int, e: int, things: list[Mention]) -> Iterator[Found]:
    for c in things:
        seat = c.attr("seat")
        if c.type == "company" and seat and seat in sc.place_keys:
            yield Found("located_in", eid(c), f"place/{seat}", (), c.start, c.end, (s, e))


def _in_zone(sc: Scope, s: int, e: int, sent: str, places: list[Mention], things: list[Mention]) -> Iterator[Found]:
    for z in (x for x in places if x.attr("zone")):
        go = ZONE_VISIT.match(sc.text, z.end)
        if go is None:
            continue
        pos = go.end()
        for c in things:
            if c.start < pos:
                continue
            if c.start != pos or c.type != "company":
                break
            yield Found("located_in", eid(c), eid(z), (), z.start, c.end, (s, e))
            gap = ZONE_LIST.match(sc.text, c.end)
            pos = gap.end() if gap else -1


def born(sc, s, e, sent, ms) -> Iterator[Found]:
    for m in BORN.finditer(sent):
        people = [x for x in ms if x.type == "person"]
        places = [x for x in ms if x.type == "place"]
        if m.group().startswith("的"):
            person = next((x for x in people if x.end == s + m.start()), None)
            place = next((x for x in places if x.end <= (person.start if person else 0)), None)
        else:
            person = next((x for x in reversed(people) if x.end <= s + m.start()), None)
            place = next((x for x in places if x.start >= s + m.end()), None)
        if person and place:
            yield Found("born_in", eid(person), eid(place), (), min(person.start, place.start),
                        max(person.end, place.end), (s, e))


def _leaves(places: list[Mention]) -> list[Mention]:
    from kg.divisions import gazetteer

    g = gazetteer()
    codes = {m.attr("code") for m in places if m.attr("code")}
    parents = {m.attr("parent") for m in places if m.attr("parent") and not m.attr("code")}
    out = []
    for m in places:
        code = m.attr("code")
        if code and any(code in {a.code for a in g.ancestors(g.by_code[c])} for c in codes if c in g.by_code):
            continue
        if m.key in parents:          # 刚察县 of 刚察县哈尔盖镇
            continue
        if m not in out:
            out.append(m)
    return out


def _inside(m: Mention, place_id: str) -> bool:
    """Is the place `m` part of the place `place_id` (遵义市 does not pair with its own counties)?"""
    from kg.divisions import gazetteer

    g = gazetteer()
    code = m.attr("code")
    name = place_id.split("/", 1)[1]
    if m.attr("parent") == name:
        return True
    return bool(code and code in g.by_code and any(a.name == name for a in g.ancestors(g.by_code[code])))
