"""met (会见, 会谈, 座谈, 接见 without a named event): host -> visitor.

The family: `市委书记甲会见了乙、丙一行` (甲 met 乙 and 丙), `甲在某宾馆与乙集团董事长丙一行座谈`
(甲 met 丙), and the sentences after it that name who else was there,
`丁集团副总经理戊，市领导己、庚参加会见` (or 在座): a person whose title names a body of the
visiting side (丁集团 here, the body named beside the guests) is a member of the visiting
side and the host met them; everybody else sat on the host's side and met each guest.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.relate.base import Found, Scope
from kg.relate.cues import GUEST_END, MEET, MEET_PRESENT, MEET_PRESENT_LATER, NOT_VISITOR
from kg.types import Mention, eid

_WITH = re.compile(r"与|同(?!志)")
_GROUP_BEFORE = re.compile(r"(?:考察团|代表团|调研组|考察组|访问团|客商)(?:一行)?$")   # 会见了甲区考察团一行
_CLAUSE = "，,；;：:"
_STORY = 12            # how far on a story may name who else was there
_FOLLOWERS = 2          # sentences after the meeting where a bare 参加 names those present


def find_meetings(sc: Scope) -> Iterator[Found]:
    """met: host -> each guest, and those present on each side.

    >>> from kg.pipeline import extract_document
    >>> from kg.types import Document
    >>> t = "市委书记王建华会见了山东蓝海化工有限公司董事长孙明一行。副市长李强参加会见。"
    >>> r = extract_document(Document(id="t", text=t, place="聊城市"))
    >>> [(f["subject"], f["object"]) for f in r["facts"] if f["relation"] == "met"]
    [('person/王建华', 'person/孙明'), ('person/李强', 'person/孙明')]
    """
    seen: set[tuple[str, str]] = set()
    for i, (s, e) in enumerate(sc.sents):
        for cue in MEET.finditer(sc.text, s, e):
            hosts, guests, zone = _sides(sc, s, e, cue)
            if not hosts:             # (a delegation met with no name of its own: its members named later)
                continue
            pairs = [(h, g, (h.start, g.end), (s, e)) for h in hosts for g in guests]
            after = [(max(zone[1], guests[-1].end if guests else 0, cue.end()), e)] + sc.sents[i + 1:i + 1 + _STORY]
            pairs += _present(sc, after, hosts, guests, zone)
            for a, b, span, sent in pairs:
                key = (eid(a), eid(b))
                if key[0] != key[1] and key not in seen:
                    seen.add(key)
                    yield Found("met", key[0], key[1], (), span[0], span[1], sent)
            break


def _people(sc: Scope, lo: int, hi: int) -> list[Mention]:
    return [m for m in sc.inside((lo, hi), "person") if m.attr("role") != "journalist"]


def _sides(sc: Scope, s: int, e: int, cue: re.Match[str]) -> tuple[list[Mention], list[Mention], tuple[int, int]]:
    """(hosts, guests, the span naming the guests) of one 会见 cue."""
    text = sc.text
    start = _host_clause_start(sc, s, cue.start())
    before = _people(sc, start, cue.start())
    with_ = next((w for w in _WITH.finditer(text, start, cue.start())
                  if before and before[0].end <= w.start() and any(p.start >= w.end() for p in before)), None)
    if with_ is not None:       # 甲与乙一行座谈
        hosts = [p for p in before if p.end <= with_.start()]
        guests = [p for p in before if p.start >= with_.end()]
        return hosts, guests, (with_.end(), cue.start())
    end_ = GUEST_END.search(text, cue.end(), e)
    stop = end_.start() if end_ else min([i for i in (text.find(c, cue.end(), e) for c in _CLAUSE + "。") if i >= 0]
                                         or [e])
    guests = _people(sc, cue.end(), stop)
    if not guests and not end_ and stop < e and text[stop] in _CLAUSE and any(  # 会见甲集团副总裁，乙公司董事长丙:
            t.end == stop for t in sc.inside((cue.end(), stop), "title")):
        stop = min([i for i in (text.find(c, stop + 1, e) for c in _CLAUSE + "。") if i >= 0] or [e])
        guests = _people(sc, cue.end(), stop)                               # the guest's titles run over a comma
    party = not guests and end_ is not None and _GROUP_BEFORE.search(text, cue.end(), end_.end())
    hosts = [p for p in before if not NOT_VISITOR.search(text, p.end, cue.start())] if guests or party else []
    return hosts, guests, (cue.end(), stop)


def _host_clause_start(sc: Scope, s: int, pos: int) -> int:
    """The hosts' clause, reaching back over clauses that are only a title and a name
    (`市委书记甲，市长乙会见了…`)."""
    text = sc.text
    start = max(text.rfind(c, s, pos) for c in _CLAUSE) + 1
    while start > s + 1:
        prev = max(text.rfind(c, s, start - 1) for c in _CLAUSE) + 1
        names = _people(sc, max(s, prev), start - 1)
        if not names or names[-1].end != start - 1:
            break
        start = max(s, prev)
    return max(s, start)


def _new_meeting(sc: Scope, s: int, e: int) -> bool:
    """Another 会见 starts here: somebody before the cue hosts it (参加会见 and 陪同会见 only say
    who was there, as 会见时在座 does; 会见后, 双方进行座谈交流 name no new host)."""
    return any(sc.text[m.start() - 2:m.start()] not in ("参加", "陪同", "一同") and sc.text[m.end():m.end() + 1] != "时"
               and _people(sc, s, m.start()) for m in MEET.finditer(sc.text, s, e))


def _present(sc: Scope, sents: list[tuple[int, int]], hosts: list[Mention], guests: list[Mention],
             zone: tuple[int, int]) -> list[tuple[Mention, Mention, tuple[int, int], tuple[int, int]]]:
    """Those 在座/参加 after the meeting: the host side meets each guest, the visiting side the hosts."""
    text = sc.text
    guest_bodies = {eid(m) for m in sc.inside(zone) if m.type in ("company", "organization", "place")} - {sc.home_id}
    # (会见了来我县考察的甲区考察团一行: 我县 is where they came, the hosts' place)
    out = []
    for n, (s, e) in enumerate(sents):
        if _new_meeting(sc, s, e) or sc.inside((s, e), "event") and \
                {eid(p) for p in _people(sc, s, e)} - {eid(g) for g in guests}:
            break                     # (乙此次来是参加某洽谈会的。: the guests' own errand goes on)
        people = _people(sc, s, e)
        cue = MEET_PRESENT if n <= _FOLLOWERS else MEET_PRESENT_LATER
        if not people or not cue.search(text, people[-1].end, e):
            continue
        for p in people:
            seg = max(s, max(text.rfind(c, s, p.start) for c in _CLAUSE) + 1)
            bodies = {eid(m) for m in sc.inside((seg, p.start)) if m.type in ("company", "organization", "place")}
            if bodies & guest_bodies:
                out += [(h, p, (p.start, p.end), (s, e)) for h in hosts]
            else:
                out += [(p, g, (p.start, p.end), (s, e)) for g in guests]
    return out
