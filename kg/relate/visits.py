"""visited (调研, 考察, 视察, 走访, 督导 …): every member of a visiting party -> each place,
company or unit it went to.

A story of a visit names its party and its stops over several sentences, so the finder
reads the whole article: a *trip* starts at a sentence whose subject goes somewhere
(`县长甲率代表团赴A、B考察`, `由甲带队到C调研`, `在甲副局长的带领下到我县督导`); it grows with
the members named later (`乙、丙参加调研`, `丁随同考察`, `戊参加。`) and the stops of later
sentences (`甲一行先后走访D、E等企业`, `考察团先后深入F、G`). Every member visited every stop.
Those who 陪同, 迎接 or 接待 are the hosts, not the party; a stop is the most specific unit
named (`到甲街道乙社区` is 乙社区, never 甲街道; `赴甲镇3个村` is not 甲镇); the party's own
home (`率甲县代表团`) and the bodies in titles (`甲公司董事长`) are not stops.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from kg.relate.base import Found, Scope
from kg.relate.cues import (
    DELEGATION,
    GROUP_GUESTS,
    GROUP_TITLE,
    GUEST_PARTY,
    HOSTS_PRESENT,
    LEADS,
    MEET,
    NOT_VISITOR,
    OPENING_AT,
    PHOTO_SPOT,
    PRONOUN_GOES,
    SAYING,
    SHOWN_AFTER,
    SHOWN_ROUND,
    SUBJECTLESS_GOES,
    TRIP_PRESENT,
    VISIT,
    VISIT_AGENT,
    VISIT_GO,
    VISIT_GROUP,
    VISIT_LED_AFTER,
    VISIT_MEMBER,
    VISIT_ONWARD,
)
from kg.relate.stops import STOP_TYPES, opening_stops, stops_from
from kg.types import Mention, eid

_CLAUSE_END = "，,；;。！？\n"
_DIVISION_LIKE = re.compile(r"[省市县区镇乡村]$")     # 甲区 tagged as a person is a place, not a visitor


@dataclass
class _Trip:
    party: list[Mention] = field(default_factory=list)
    stops: list[Mention] = field(default_factory=list)
    guests: bool = False        # a delegation, or a party come to the page's home: 参加活动 are hosts

    def ids(self) -> set[str]:
        return {eid(p) for p in self.party}

    def join(self, people: list[Mention]) -> None:
        known = self.ids()
        for p in people:
            if eid(p) not in known:
                self.party.append(p)
                known.add(eid(p))


def find_visits(sc: Scope) -> Iterator[Found]:
    """visited: each member of each trip of the article -> each of its stops.

    >>> from kg.pipeline import extract_document
    >>> from kg.types import Document
    >>> t = "县长刘一鸣一行走访山东蓝海化工有限公司。副县长赵文参加调研。"
    >>> r = extract_document(Document(id="t", text=t, place="聊城市"))
    >>> sorted((f["subject"], f["object"]) for f in r["facts"] if f["relation"] == "visited")
    [('person/刘一鸣', 'company/山东蓝海化工有限公司'), ('person/赵文', 'company/山东蓝海化工有限公司')]
    """
    trips, greeted, _ = _read_trips(sc)
    for trip in trips:
        yield from _facts(sc, trip)
    if trips and trips[0].party and trips[0].guests and sc.says("座谈"):
        yield from _hosts_met(sc, trips[0])
    for s, e, trip in greeted:
        yield from _group_met(sc, s, e, trip)


def _pieces(sc: Scope) -> Iterator[tuple[int, int, bool]]:
    """The article's sentences, and a sentence whose clauses each send one named person on
    (甲来到乙镇，丙来到丁乡: each went alone) as those clauses, marked apart."""
    for s, e in sc.sents:
        cuts = [s] + [i + 1 for i in range(s, e) if sc.text[i] in "，,；;"] + [e + 1]
        clauses = [(a, b - 1) for a, b in pairwise(cuts) if b - 1 > a]
        own = [c for c in clauses if _sets_out_alone(sc, *c)]
        if len(clauses) >= 2 and len(own) == len(clauses):
            yield from ((a, b, True) for a, b in clauses)
        else:
            yield s, e, False


def _sets_out_alone(sc: Scope, s: int, e: int) -> bool:
    people = [m for m in sc.inside((s, e), "person") if m.attr("role") != "journalist"]
    return len(people) == 1 and not sc.text[s:people[0].start].strip(" \n随后接着") \
        and VISIT_ONWARD.match(sc.text, people[0].end) is not None


def _read_trips(sc: Scope) -> tuple[list[_Trip], list[tuple[int, int, _Trip]], set[tuple[int, int]]]:
    """The trips of an article, the sentences that may meet a trip's party, and the sentences
    whose people joined a trip as its members (乙参加调研。丙参加活动。)."""
    trips: list[_Trip] = []
    early: list[Mention] = []          # members named before the party sets out (甲参加。甲一行走访…)
    last_visit = True                  # the latest anchor was a trip (not a meeting): 参加 joins it
    greeted: list[tuple[int, int, _Trip]] = []
    joined: list[tuple[tuple[int, int], _Trip | None]] = []
    received: list[Mention] = []       # 甲会见了乙一行: 乙 heads the group a later sentence sends on
    for s, e, apart in _pieces(sc):
        people = [m for m in sc.inside((s, e), "person") if m.attr("role") != "journalist"
                  and not _DIVISION_LIKE.search(m.text)]
        meet = MEET.search(sc.text, s, e)
        received += [p for p in people if meet and p.start > meet.start() and sc.text.startswith("一行", p.end)]
        members: list[Mention] = []
        if people and last_visit and _member_sentence(sc, s, e, people, trips[-1] if trips else None):
            cut = _members_clause(sc, s, people, trips[-1].ids() if trips else set())
            if cut is None:
                (trips[-1].join if trips else early.extend)(people)
                joined.append(((s, e), trips[-1] if trips else None))
                continue
            members = [p for p in people if p.start > cut]      # 甲到乙村调研，丙、丁参加调研。
            people, e = [p for p in people if p.start < cut], cut
        party = {eid(p) for p in people} if apart and trips else trips[-1].ids() if trips else set()
        leaders, go = _leaders(sc, s, e, people, party)     # (甲、乙分别带队…甲来到A，乙来到B: each goes on)
        onward = SUBJECTLESS_GOES.match(sc.text, s) if trips and not leaders else None
        group = onward or VISIT_GROUP.search(sc.text, s, e) or (PRONOUN_GOES.match(sc.text, s) if trips and not leaders
                                                               else None)
        if leaders or group:
            if go is None and group:
                g = VISIT_GO.search(sc.text, group.end() - 2, e)     # the verb that ends the cue
                go = g.start() if g else group.start()
            if not trips or apart or (leaders and not set(map(eid, leaders)) & trips[-1].ids()):
                trips.append(_Trip())
                if len(trips) == 1:
                    trips[0].join(early)
            trip = trips[-1]
            trip.join(leaders + (_group_heads(sc) if group else []) + members)
            if group and not trip.party:
                trip.join(received)
            stops = opening_stops(sc, s) + stops_from(sc, go, e)
            trip.stops += stops
            trip.guests = trip.guests or _guests(sc, s, e, group, stops)
            last_visit = True
        elif trips and _at_unit(sc, s, trips[-1]):
            trips[-1].stops += opening_stops(sc, s)
        elif MEET.search(sc.text, s, e) or sc.inside((s, e), "event"):
            if trips:
                greeted.append((s, e, trips[-1]))
            last_visit = False
    first = trips[0] if trips else None
    return trips, greeted, {sent for sent, trip in joined if (trip or first) and (trip or first).stops}


def _guests(sc: Scope, s: int, e: int, group: object, stops: list[Mention]) -> bool:
    """Is the party one whose 参加活动 are its hosts: come to the page's home (来我市考察), a
    delegation (率甲市代表团赴乙县), or a group (调研组) that sits down to talk (座谈)?"""
    if any(eid(t) == sc.home_id for t in stops) or DELEGATION.search(sc.text, s, e):
        return True
    return bool(group or GUEST_PARTY.search(sc.text, s, e)) and sc.says("座谈")


def tour_members(sc: Scope) -> set[tuple[int, int]]:
    """The sentences whose people joined a leader's tour (乙参加活动。 after 甲在丙县调研): what
    they 参加 is the tour, not a meeting named later.

    >>> from kg.pipeline import extract_document
    >>> from kg.types import Document
    >>> t = "市委书记刘一鸣在东阿县调研。副市长赵文参加活动。随后，刘一鸣主持召开座谈会。"
    >>> r = extract_document(Document(id="t", text=t, place="聊城市"))
    >>> sorted((f["subject"], f["relation"]) for f in r["facts"] if f["subject"] == "person/赵文")
    [('person/赵文', 'holds_position'), ('person/赵文', 'visited')]
    """
    return _read_trips(sc)[2]


def _at_unit(sc: Scope, s: int, trip: _Trip) -> bool:
    """在甲公司，乙详细了解…: a sentence that opens at a unit, with a member of the party (or 他)
    as its subject, is one more stop of the trip; 在座谈会上，乙… opens at no unit."""
    m = OPENING_AT.match(sc.text, s)
    if not m or not any(x.end == m.end(1) and x.type in STOP_TYPES for x in sc.inside((m.start(1), m.end(1)))):
        return False
    if sc.text[m.end():m.end() + 1] in "他她":
        return True
    clause_end = min([i for i in (sc.text.find(c, m.end(), m.end() + 30) for c in _CLAUSE_END) if i >= 0]
                     or [m.end() + 30])
    who = sc.inside((m.end(), clause_end), "person")
    return bool(who) and eid(who[0]) in trip.ids()


def _group_met(sc: Scope, s: int, e: int, trip: _Trip) -> Iterator[Found]:
    """乙州州长丙会见代表团一行: the host met each member of the trip's party."""
    m = MEET.search(sc.text, s, e)
    if not m or not GROUP_GUESTS.match(sc.text, m.end() + (sc.text[m.end():m.end() + 1] == "了")) \
            or sc.inside((m.end(), e), "person"):
        return
    hosts = [p for p in sc.inside((s, m.start()), "person") if eid(p) not in trip.ids()]
    for h in hosts:
        for g in trip.party:
            yield Found("met", eid(h), eid(g), (), h.start, m.end(), (s, e))


def _hosts_met(sc: Scope, trip: _Trip) -> Iterator[Found]:
    """A visiting party's trip that sits down to talk (进行了座谈, 座谈会上…) meets its hosts: those
    who 出席活动 or 参加活动 and are not of the party met each member (甲率代表团赴乙县考察…乙县县长丙
    参加活动); a leader's own tour (甲在乙县调研…主持召开座谈会) meets nobody."""
    party = trip.ids()
    seen: set[tuple[str, str]] = set()
    for s, e in sc.sents:
        people = [m for m in sc.inside((s, e), "person") if m.attr("role") != "journalist"]
        if not people or not HOSTS_PRESENT.search(sc.text, people[-1].end, e):
            continue
        for h in people:
            for g in trip.party:
                key = (eid(h), eid(g))
                if key[0] not in party and key not in seen:
                    seen.add(key)
                    yield Found("met", key[0], key[1], (), h.start, h.end, (s, e))


def _group_heads(sc: Scope) -> list[Mention]:
    """考察团团长甲: whoever holds a title in the group goes where the group goes."""
    out = []
    prev_end = sc.start
    for p in sc.mentions:
        if p.type == "person":      # the title chain since the previous name (考察团团长，某局局长甲)
            lo = max(prev_end, p.start - 30, max(sc.text.rfind(c, 0, p.start) for c in "。；;") + 1)
            if GROUP_TITLE.search(sc.text, lo, p.start):
                out.append(p)
            prev_end = p.end
    return out


def _facts(sc: Scope, trip: _Trip) -> Iterator[Found]:
    seen: set[tuple[str, str]] = set()
    for p in trip.party:
        for t in trip.stops:
            key = (eid(p), eid(t))
            if key in seen or key[0] == key[1]:
                continue
            seen.add(key)
            sent = sc.sentence_of(t.start)
            start = p.start if sent[0] <= p.start < sent[1] else t.start
            yield Found("visited", key[0], key[1], (), start, t.end, sent)


def _leaders(sc: Scope, s: int, e: int, people: list[Mention],
             party: set[str]) -> tuple[list[Mention], int | None]:
    """The people a sentence sends somewhere, and where its stops begin; a member of the
    party on its way needs no verb of looking (`甲先后来到A、B`)."""
    text = sc.text
    out: list[Mention] = []
    go = None
    for p in people:
        verb = VISIT.search(text, p.end, e)
        if LEADS.match(text, p.end) and not _in_saying_clause(text, s, p):
            out.append(p)           # 甲带队，乙陪同考察。代表团一行…: the group's leader, verb or none
            if go is None and verb and not NOT_VISITOR.search(text, p.end, verb.start()):
                g = VISIT_GO.search(text, p.end, e)
                go = g.start() if g else verb.start()
            continue
        if eid(p) in party and (verb is None or verb.start() - p.end > 60):
            verb = VISIT_ONWARD.match(text, p.end, e)
        if verb is None or verb.start() - p.end > 60 and not _listed_before(sc, p.end, verb.start()):
            continue
        stretch = text[p.end:verb.start()]
        shown = _shown_round(sc, s, p, stretch)
        round_ = SHOWN_ROUND.search(text, p.end, verb.start())   # 甲，乙，在丙的陪同下到…: 甲 goes too
        bare = SHOWN_ROUND.sub("", stretch)
        if shown is None and (NOT_VISITOR.search(bare) or SAYING.search(stretch) or _in_saying_clause(text, s, p)):
            continue
        at = spot.end() if (spot := PHOTO_SPOT.match(text, p.end)) else p.end     # 甲（中）在某镇调研: a caption
        if not (VISIT_AGENT.match(text, at) or VISIT_LED_AFTER.match(text, at)):
            continue
        out.append(p)
        if go is None:          # 乙在甲的陪同下考察…: the stops follow the verb, not 在甲
            g = VISIT_GO.search(text, max(p.end if shown is None else shown, round_.end() if round_ else 0), e)
            go = g.start() if g else verb.start()
    return out, go


_STOPS_LISTING = re.compile(r"[。；;！？]")


def _listed_before(sc: Scope, start: int, end: int) -> bool:
    """县长甲，县委副书记乙，…，副县长丁前往某市考察: a long listing of titled names before the
    verb: every comma in it closes a name."""
    commas = [i for i in range(start, end) if sc.text[i] in "，,"]
    if not commas or commas[0] != start or _STOPS_LISTING.search(sc.text, start, end):
        return False
    ends = {m.end for m in sc.inside((start, end), "person")}
    return all(c in ends for c in commas[1:]) and len(ends) >= len(commas)


def _shown_round(sc: Scope, s: int, p: Mention, stretch: str) -> int | None:
    """甲陪同乙考察…, 甲会见了乙一行，并陪同考察了…, 乙在甲陪同下到…: 乙 is the visitor those who
    陪同 show round; where the verb of going or looking after the 陪同 stands."""
    after = SHOWN_AFTER.match(sc.text, p.end)
    if after and VISIT_GO.match(sc.text, after.end()):
        return after.end()
    lo = max(s, max(sc.text.rfind(c, s, p.start) for c in _CLAUSE_END) + 1)
    at = sc.text.rfind("陪同", lo, p.start)
    shown = at >= 0 and not sc.inside((at, p.start), "person") and not NOT_VISITOR.search(stretch) \
        and not SAYING.search(stretch)
    return p.end if shown else None


def _in_saying_clause(text: str, s: int, p: Mention) -> bool:
    """甲表示，…考察: a person quoted before the verb does not go anywhere."""
    start = max(text.rfind(c, s, p.start) for c in _CLAUSE_END)
    return bool(NOT_VISITOR.search(text, max(s, start + 1), p.start))


def _members_clause(sc: Scope, s: int, people: list[Mention], party: set[str]) -> int | None:
    """甲到乙村调研，丙、丁参加调研。: where the clause of members begins, when a clause before it
    sends somebody on a visit (else the sentence names members only)."""
    cut = max(sc.text.rfind(c, s, people[-1].start) for c in "，,；;")
    before = [p for p in people if p.start < cut]
    if cut < 0 or not before or not all(p.start > cut for p in people if p.start >= cut):
        return None
    return cut if _leaders(sc, s, cut, before, party)[0] else None


def _member_sentence(sc: Scope, s: int, e: int, people: list[Mention], trip: _Trip | None) -> bool:
    """乙、丙参加调研。丁随同考察。: the people are all named before the cue, none 陪同. Those who
    参加活动 join a leader's own tour (甲在丙县调研。乙参加活动。), but host a delegation or a
    party come to the page's home (甲率代表团来我市考察。乙参加活动。)."""
    tail = sc.text[people[-1].end:e].strip()
    hosts = trip.guests if trip else sc.says("座谈")     # before any trip: no talks
    touring = TRIP_PRESENT.search(tail) and not hosts
    return bool(VISIT_MEMBER.search(tail) or touring) and not NOT_VISITOR.search(sc.text, s, e)
