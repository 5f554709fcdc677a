"""participated and event dates: who chaired, spoke at or attended which event, in listing order.

The families (cue words in `kg.relate.cues`): the story's meeting is the first one convened
(`全市甲大会召开`, `县人大常委会召开第五次会议`), else the first one somebody is at (`在座谈会上强调`);
a role is taken at the event its clause names (`主持启动仪式`) or its sentence opens at
(`签约仪式上，…`, `会上，举行了甲签约仪式，…`), else at the story's meeting. 主持 chairs; 讲话, 致辞,
介绍, 作…报告 and being quoted with a post (`甲强调`) speak, except in talks held beside the event
(`签约前，甲会见了乙一行。甲表示…`); 出席, 参加, 签订, 见证 attend, and so does a list opened by
`出席仪式的领导有：`. People named as objects (`通过了对甲的任命`) or after the event
(`仪式结束后，甲…`) take none. Those who convene (`甲率代表团来我市考察，并召开座谈会`) attend. The strongest role per person and event wins.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from kg.articles import kind
from kg.dates import DateSpan, find_dates
from kg.relate.base import CLAUSE, Found, Scope, attrs
from kg.relate.cues import (
    AFTER_EVENT,
    AT,
    AT_EVENT,
    AT_MEETING,
    BACK_AT_EVENT,
    CITED,
    CONVENE,
    ENTRUSTING,
    HOLDING,
    LIST_OPENS,
    MEET,
    NOT_CHAIRING,
    OBJECT_BEFORE,
    QUOTED,
    RELAYED,
    REPORTING,
    ROLE_RANK,
    ROLE_VERBS,
    SIGNING,
    VISIT,
)
from kg.relate.visits import tour_members
from kg.types import Mention, eid

_ROLE_RE = re.compile("|".join(v for vs in ROLE_VERBS.values() for v in vs))


def event_dates(sc: Scope) -> dict[str, DateSpan]:
    """Date of each event: a date in its sentence, else the story's dateline date for the
    event the story reports as convened."""
    out: dict[str, DateSpan] = {}
    dates = find_dates(sc.text[sc.start:sc.end], published=sc.published) if sc.published else []
    dates = [DateSpan(d.start + sc.start, d.end + sc.start, d.date, d.end_date) for d in dates]
    first_date = dates[0] if dates and dates[0].start < sc.start + 80 else None
    date_starts = [d.start for d in dates]
    for ev in (m for m in sc.mentions if m.type == "event"):
        s, e = sc.sentence_of(ev.start)
        events_before = [m for m in sc.inside((s, ev.start), "event")]
        lo = bisect_left(date_starts, s)
        in_sentence = [d for d in dates[lo:bisect_left(date_starts, e)]]
        if in_sentence and not events_before:
            out.setdefault(eid(ev), in_sentence[0])
        elif first_date and CONVENE.search(sc.text, ev.end, min(e, ev.end + 6)) and not events_before:
            out.setdefault(eid(ev), first_date)
    return out


def main_event(sc: Scope) -> Mention | None:
    """The event a story reports on: the one its headline convenes, wherever the headline stands
    (PDF pages print it after the body), else the first one convened (召开, 举行 …) in it."""
    evs = [m for m in sc.mentions if m.type == "event"]
    in_head = [ev for ev in evs if _in_headline(sc, ev)]
    for ev in in_head + evs:
        s, e = sc.sentence_of(ev.start)
        if CONVENE.search(sc.text, ev.end, e) or CONVENE.search(sc.text, max(s, ev.start - 6), ev.end):
            return ev
    return None


def _in_headline(sc: Scope, m: Mention) -> bool:
    s, e = sc.sentence_of(m.start)
    return kind(sc.text[s:e]) == "headline"


def find_participation(sc: Scope) -> Iterator[Found]:
    """participated: 主持 -> chair, 讲话/致辞/quoted -> speaker, 出席/参加/签约 -> attendee, in
    listing order; the strongest role of a person at an event wins.

    A role whose clause names an event (`出席签约仪式`, `在座谈会上介绍`) or whose sentence opens
    at one (`签约仪式上，…`) is taken at that event; any other at the story's main event.

    >>> from kg.pipeline import extract_document
    >>> from kg.types import Document
    >>> t = "本报讯 3月2日，全市招商大会召开。市长刘一鸣主持会议。会上，副市长赵文强调，要抓项目。"
    >>> r = extract_document(Document(id="t", text=t, place="聊城市"))
    >>> [(f["subject"], f["attributes"]["role"]) for f in r["facts"] if f["relation"] == "participated"]
    [('person/刘一鸣', 'chair'), ('person/赵文', 'speaker')]
    """
    events = [m for m in sc.mentions if m.type == "event"]
    main = main_event(sc) or _first_with_roles(sc, events)
    if main is None:
        return
    # before the event is named, only signing and 参加活动 take roles at it (甲与乙签署了协议。
    # …在签约仪式上致辞; 乙参加活动。…在随后召开的座谈会上)
    best: dict[tuple[str, str], list] = {}
    listed: dict[str, int] = {}          # people listed so far at each event
    # a headline names the story's event before its body, even printed after it
    first = sc.start if _in_headline(sc, main) else min(m.start for m in events if m.key == main.key)
    talks = False                        # 签约前，甲会见了乙一行。甲表示…: quotes from the talks
    # only people with a post speak by being quoted (a passer-by interviewed 说 is no speaker)
    titled = {m.key for m in sc.mentions if m.type == "person" and m.attr("role") in ("official", "business")}
    touring = tour_members(sc)           # 甲在乙县调研。丙参加活动。: 丙 is on the tour, not at the meeting
    for s, e in sc.sents:
        inside = [m for m in sc.inside((s, e), "event") if not AFTER_EVENT.match(sc.text, m.end)]
        talks = _talks(sc, s, e) or (talks and not inside and not BACK_AT_EVENT.search(sc.text, s, e))
        if s < first and not inside and (not SIGNING.search(sc.text, s, e) or (s, e) in touring):
            continue
        default = _scene(sc, s, inside) or main
        for person, role, venue, span, clause in _roles_in(sc, s, e):
            if role == "quoted":
                if talks or person.key not in titled:
                    continue
                role = "speaker"
            ev = next((x for x in inside if clause[0] <= x.start < clause[1]), None) or default
            key = (eid(person), eid(ev))
            if key not in best:
                listed[key[1]] = listed.get(key[1], 0) + 1
                best[key] = [role, listed[key[1]], venue, span, (s, e)]
            elif ROLE_RANK[role] < ROLE_RANK[best[key][0]]:
                best[key][0] = role
            best[key][2] = best[key][2] or venue
    for (pid, evid), (role, order, venue, span, sent) in best.items():
        yield Found("participated", pid, evid, attrs(role=role, order=order, venue=venue), span[0], span[1], sent)


def _talks(sc: Scope, s: int, e: int) -> bool:
    """A 会见/会谈 hosted in this sentence (甲会见了乙一行): what is said next is said there."""
    m = MEET.search(sc.text, s, e)
    return bool(m and sc.inside((s, m.start()), "person") and not sc.inside((s, e), "event"))


def _first_with_roles(sc: Scope, events: list[Mention]) -> Mention | None:
    """With no event convened, the first one somebody takes a role in (`出席开工仪式`)."""
    for ev in events:
        s = sc.sentence_of(ev.start)[0]
        lo = max(s, max(sc.text.rfind(c, s, ev.start) for c in "，,；;") + 1)
        if _ROLE_RE.search(sc.text, lo, ev.start) or _scene(sc, s, [ev]) or AT.match(sc.text, ev.end) \
                and sc.text[ev.start - 1:ev.start] == "在":
            return ev
    return None


def _scene(sc: Scope, s: int, inside: list[Mention]) -> Mention | None:
    """签约仪式上，… / 在座谈会上…: the event a sentence opens at."""
    if inside and AT_EVENT.match(sc.text[s:inside[0].start]) and sc.text[inside[0].end:inside[0].end + 1] in "上中":
        return inside[0]
    if inside and HOLDING.search(sc.text, max(s, inside[0].start - 4), inside[0].start):
        return inside[0]
    return None


def _roles_in(sc: Scope, s: int, e: int) -> Iterator[tuple[Mention, str, str | None, tuple[int, int],
                                                         tuple[int, int]]]:
    pending: list[Mention] = []
    listing: set[str] = set()           # 出席仪式的领导有：甲，乙…: the roles of the list that follows
    pos = s
    bounds = [m.start() + s for m in CLAUSE.finditer(sc.text[s:e])] + [e]
    before: list[Mention] = []          # the people of the clause before
    blank = _without_events(sc, s, e)
    for b in bounds:
        clause = blank[pos - s:b - s]
        relayed = not sc.inside((pos, b), "event")     # (…领会甲在某会议上的讲话精神: 甲 spoke at that one)
        people = [m for m in sc.inside((pos, b), "person") if m.attr("role") != "journalist"
                  and not CITED.match(sc.text, m.end) and not (relayed and RELAYED.search(sc.text, pos, m.start))]
        quoted = [p for p in people if QUOTED.match(sc.text, p.end, b + 2) and not VISIT.search(sc.text, s, p.start)]
        for p in quoted:
            yield p, "quoted", None, (p.start, b), (pos, b)
        people = [p for p in people if p not in quoted]
        verbs = [m.group() for m in _ROLE_RE.finditer(clause) if not NOT_CHAIRING.match(clause, m.start())]
        if not people and verbs and clause.lstrip(" ，,").startswith("并"):
            people = before        # 甲在分会场参加会议，并就贯彻落实提出要求: the same 甲 goes on
        if listing and people and not verbs:
            for p in people:
                for role in sorted(listing, key=ROLE_RANK.get):
                    yield p, role, None, (p.start, b), (pos, b)
        elif people and REPORTING.search(clause) and not verbs:
            pending = []
        elif verbs:
            roles = {r for r, vs in ROLE_VERBS.items() for v in verbs if v in vs}
            if roles & {"chair", "speaker"}:      # 出席会议并讲话 is a speaker; 主持并讲话 both
                roles.discard("attendee")
            venue = "主会场" if "主会场" in clause else "分会场" if "分会场" in clause else None
            if not people and LIST_OPENS.search(clause):
                listing = roles
            for p in pending + people:
                for role in sorted(roles, key=ROLE_RANK.get):
                    yield p, role, venue, (p.start, b), (pos, b)
            pending = []
        elif people and (OBJECT_BEFORE.search(sc.text, pos, people[0].start) or ENTRUSTING.match(clause)):
            pending = []               # 通过了对甲、乙的任命，并颁发…: 甲 and 乙 are objects
        else:
            pending += people          # 市委书记甲，市长乙出席: a list that runs on to its verb
        before = people if verbs else []      # (not the objects of 通过了对甲的任命)
        pos = b + 1


def _without_events(sc: Scope, s: int, e: int) -> str:
    """The sentence with event names blanked: 签约 in 签约仪式 is nobody's signing."""
    chars = list(sc.text[s:e])
    for ev in sc.inside((s, e), "event"):
        chars[ev.start - s:ev.end - s] = "＿" * (ev.end - ev.start)
    blank = "".join(chars)
    return AT_MEETING.sub(lambda m: "＿" * len(m.group()), blank)    # 参加会见: met, not at the event
