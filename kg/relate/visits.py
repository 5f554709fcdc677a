"""met (会见, 会谈: host -> guest) and visited (调研, 考察, 视察 …: visitor -> place or unit)."""
from __future__ import annotations

from collections.abc import Iterator

from kg.relate.base import Found
from kg.relate.cues import MEET, VISIT, VISIT_AGENT, VISIT_ORIGIN
from kg.types import eid


def meetings_visits(sc, s, e, sent, ms) -> Iterator[Found]:
    people = [x for x in ms if x.type == "person" and x.attr("role") != "journalist"]
    for m in MEET.finditer(sent):
        clause_start = s + max(sent.rfind(c, 0, m.start()) for c in "，。；") + 1
        hosts = [x for x in people if clause_start <= x.start and x.end <= s + m.start()]
        after = [x for x in people if x.start >= s + m.end()]
        if hosts and after:
            for host in hosts:          # A、B会见了C一行: both met C
                yield Found("met", eid(host), eid(after[0]), (), host.start, after[0].end, (s, e))
    for m in VISIT.finditer(sent):
        before = [x for x in people if x.end <= s + m.start() and VISIT_AGENT.match(sc.text, x.end)]
        if not before:
            continue
        who = before[0]           # the one who goes (孔繁森精神…大调研 is nobody's visit)
        targets = [x for x in ms if x.type in ("company", "place") and not x.attr("ref")
                   and who.end <= x.start < s + m.end() + 30 and not VISIT_ORIGIN.match(sc.text, x.end)]
        for t in targets[:4]:
            yield Found("visited", eid(who), eid(t), (), who.start, t.end, (s, e))
