"""participated and event dates: who chaired, spoke at or attended the story's meeting, in listing order."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from kg.dates import DateSpan, find_dates
from kg.relate.base import CLAUSE, Found, Scope, attrs
from kg.relate.cues import CONVENE, REPORTING, ROLE_RANK, ROLE_VERBS
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
    """The event a story reports on: the first one convened (召开, 举行 …) in it."""
    evs = [m for m in sc.mentions if m.type == "event"]
    for ev in evs:
        s, e = sc.sentence_of(ev.start)
        if CONVENE.search(sc.text, ev.end, e) or CONVENE.search(sc.text, max(s, ev.start - 6), ev.start):
            return ev
    return None


def find_participation(sc: Scope) -> Iterator[Found]:
    """participated: 主持 -> chair, 讲话 -> speaker, 出席/参加 -> attendee, in listing order."""
    ev = main_event(sc)
    if ev is None:
        return
    seen: dict[str, int] = {}
    done: set[tuple[str, str]] = set()
    for s, e in sc.sents:
        if s < ev.start and not sc.inside((s, e), "event"):
            continue
        for person, role, venue, span in _roles_in(sc, s, e):
            pid = eid(person)
            if (pid, role) in done:
                continue
            done.add((pid, role))
            seen.setdefault(pid, len(seen) + 1)
            yield Found("participated", pid, eid(ev), attrs(role=role, order=seen[pid], venue=venue),
                        span[0], span[1], (s, e))


def _roles_in(sc: Scope, s: int, e: int) -> Iterator[tuple[Mention, str, str | None, tuple[int, int]]]:
    pending: list[Mention] = []
    pos = s
    bounds = [m.start() + s for m in CLAUSE.finditer(sc.text[s:e])] + [e]
    for b in bounds:
        clause = sc.text[pos:b]
        people = [m for m in sc.inside((pos, b), "person") if m.attr("role") != "journalist"]
        verbs = [m.group() for m in _ROLE_RE.finditer(clause)]
        if people and REPORTING.search(clause) and not verbs:
            pending = []
        elif verbs:
            roles = {r for r, vs in ROLE_VERBS.items() for v in verbs if v in vs}
            if roles & {"chair", "speaker"}:      # 出席会议并讲话 is a speaker; 主持并讲话 both
                roles.discard("attendee")
            venue = "主会场" if "主会场" in clause else "分会场" if "分会场" in clause else None
            for p in pending + people:
                for role in sorted(roles, key=ROLE_RANK.get):
                    yield p, role, venue, (p.start, b)
            pending = []
        else:
            pending += people
        pos = b + 1
