"""Relations of places: part_of from the division data, located_in (位于, 在X举行), born_in."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.relate.base import Found, Scope
from kg.relate.cues import BORN, HELD
from kg.types import Mention, eid


def find_hierarchy(sc: Scope, place_ids: set[str]) -> Iterator[Found]:
    """part_of from the division data: each place to its nearest mentioned ancestor."""
    from kg.divisions import gazetteer

    g = gazetteer()
    done = set()
    for m in sc.mentions:
        if m.type != "place" or eid(m) in done or m.attr("ref"):
            continue
        done.add(eid(m))
        chain: list[str] = []
        if m.attr("code") and m.attr("code") in g.by_code:
            chain = [a.name for a in g.ancestors(g.by_code[m.attr("code")])]
        elif m.attr("parent"):
            parent = m.attr("parent")
            div = g.lookup(parent)
            chain = [parent] + ([a.name for a in g.ancestors(div)] if div else [])
        for anc in chain:
            if f"place/{anc}" in place_ids:
                yield Found("part_of", eid(m), f"place/{anc}", (), m.start, m.end, sc.sentence_of(m.start))
                break


def held_at(sc, s, e, sent, ms) -> Iterator[Found]:
    """…签约仪式在临沂举行: an event located in the place it was held at."""
    for m in re.finditer(r"在", sc.text[s:e]):
        place = next((x for x in ms if x.type == "place" and x.start == s + m.end()), None)
        if place is None or not HELD.match(sc.text[place.end:e]):
            continue
        ev = next((x for x in ms if x.type == "event" and x.end <= place.start), None)
        if ev:
            yield Found("located_in", eid(ev), eid(place), (), ev.start, place.end, (s, e))


def located(sc, s, e, sent, ms) -> Iterator[Found]:
    for m in re.finditer(r"位于", sc.text[s:e]):
        at = s + m.end()
        place = next((x for x in ms if x.type == "place" and x.start == at), None)
        if place is None:
            continue
        after = sc.text[place.end:place.end + 1] == "的"
        thing = next((x for x in ms if x.type in ("company", "organization") and
                      (x.start == place.end + 1 if after else x.end <= s + m.start())), None)
        if thing:
            yield Found("located_in", eid(thing), eid(place), (), min(thing.start, place.start),
                        max(thing.end, place.end), (s, e))


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
