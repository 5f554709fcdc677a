"""partner_of between places (GUIDELINES facts 8): 对口支援, 东西部协作, 山海协作, 结对, 友好城市.

Pages of paired cities and counties: 甲县与乙县签订东西部协作协议, 甲市与乙市、丙市与丁县分别签订
结对帮扶协议, 两地签订新一轮结对合作协议 (the pair named before), 甲市与德国某某市缔结友好城市.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.relate.base import CLAUSE, Found, Scope
from kg.relate.cues import GOING, JOINT, PARTNER, PARTNER_TALKS
from kg.relate.places import _inside, _leaves
from kg.relate.sides import earlier_pair, joint, paired_list
from kg.types import Mention, eid


def partners(sc, s, e, sent, ms) -> Iterator[Found]:
    """partner_of, clause by clause: each cue reads the clauses from the one after the last cue's
    (甲市政府与乙州政府签订东西部协作协议，甲市某区与乙州某市…分别签订结对帮扶协议: two pacts);
    a later one only where it names its own pair (…，并结对帮扶某村 pairs nobody). A cue whose
    clauses name no place but the home reads on to the next cue (我市深化东西协作，积极与甲地区、
    乙县对接: the partners follow)."""
    lo = s
    cues = list(PARTNER.finditer(sent))
    for i, cue in enumerate(cues):
        if s + cue.start() < lo:
            continue
        clause = CLAUSE.search(sent, cue.end())
        hi = s + (clause.start() if clause else len(sent))
        if not any(m.type == "place" and not m.attr("ref") and lo <= m.start and m.end <= hi for m in ms):
            hi = s + (cues[i + 1].start() if i + 1 < len(cues) else len(sent))
        seg = sc.text[lo:hi]
        if lo == s or re.search(r"与|同", seg) or JOINT.match(seg):
            yield from _pact(sc, lo, seg, [m for m in ms if lo <= m.start and m.end <= hi], (s, e))
        lo = hi + 1


def _pact(sc: Scope, s: int, sent: str, ms: list[Mention], sentence: tuple[int, int]) -> Iterator[Found]:
    """partner_of (对口支援, 东西部协作, 结对, 友好城市) in the clauses `sent` from `s`, the cue's clause
    last: the place before 与 (else the home place) with each place after it; places listed
    before the cue with 、 pair with each other (甲县某镇某村、乙市某区某社区举行友好村庄签约活动)."""
    cue = PARTNER.search(sent)
    if not cue or PARTNER_TALKS.search(sent, 0, cue.start()) and cue.group().startswith("友"):
        return                       # 围绕…建立友好城市进行沟通交流: talks, no partnership yet
    bodies = [m for m in ms if m.type in ("organization", "company") and not _government(m)]
    places = [m for m in ms if m.type == "place" and not any(_within(m, o) for o in bodies)]
    paired = paired_list(sc, s, s + cue.start(), places)
    places = [m for m in places if not _qualifier(sc.text, m, places)]
    lo = max([s] + [s + c.end() for c in CLAUSE.finditer(sent, 0, cue.start())])
    if not paired and joint(sc, lo, s + cue.start()) and not any(lo <= m.start < s + cue.start() for m in places):
        pair = earlier_pair(sc, s, ("place",), home=True)    # 两地签订新一轮结对协议: the pair named before
        paired = [pair] if pair else []
        if not paired:
            return
    if paired:                       # 甲市与乙市、丙县与丁县分别签订: each pair of the list
        for a, b in paired:
            yield Found("partner_of", eid(a), eid(b), (), min(a.start, b.start), s + cue.end(), sentence)
        return
    pair = re.search(r"与|同|和", sent)
    listed = _listed_places(sc, [m for m in places if m.end <= s + cue.start() and not m.attr("ref")])
    if listed and GOING.search(sc.text, max(s, listed[0].start - 16), listed[0].start):
        listed = []                  # 率代表团赴甲市、乙市开展对口协作: where the party went, not the pair
    if pair is None and len(listed) >= 2:
        for other in listed[1:]:
            yield Found("partner_of", eid(listed[0]), eid(other), (), listed[0].start, other.end, sentence)
        return
    before = _leaves([m for m in places if pair and m.end <= s + pair.start()]) if pair else []
    home = [m for m in places if m.attr("ref")]
    subject = eid(before[-1]) if before else eid(home[0]) if home else sc.home_id
    if subject is None:
        return
    others = [m for m in places if not m.attr("ref") and eid(m) != subject
              and not (before and m.end <= s + pair.start())]
    own = [m for m in places if eid(m) == subject and m.attr("code")]    # 重庆|秀山: the subject's own province
    seen = set()
    for m in _leaves(others + own[:1]):
        if eid(m) in seen or eid(m) == subject or _inside(m, subject):
            continue
        seen.add(eid(m))
        yield Found("partner_of", subject, eid(m), (), m.start, m.end, sentence)


def _government(m: Mention) -> bool:
    """某市人民政府, 中共某县委: a body that stands for its place in a pact (not 某县人民医院)."""
    return m.key.endswith("人民政府") or m.key.startswith("中共")


def _within(m: Mention, o: Mention) -> bool:
    return o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start


def _qualifier(text: str, m: Mention, places: list[Mention]) -> bool:
    """德国|某某市: a country written right before a place abroad qualifies it, no party itself,
    and so before a name no recogniser found (韩国|某某广域市)."""
    abroad = m.attr("level") in ("country", "continent") or m.attr("country")     # 日本|某山县|某某市
    return bool(abroad) and (any(o.start == m.end for o in places) or bool(_NAME_GOES_ON.match(text, m.end)))


_NAME_GOES_ON = re.compile(r"[\u4e00-\u9fff](?<![、与和及同等签举在的缔结])")


def _listed_places(sc: Scope, places: list[Mention]) -> list[Mention]:
    """The last place of each chain of a 、-list (某县某镇某村、某市某区某社区 -> 某村, 某社区)."""
    out: list[Mention] = []
    for m in places:
        if out and m.start == out[-1].end:
            out[-1] = m
        elif not out or sc.text[out[-1].end:m.start] in ("、", "·"):      # 甲市·乙市协作会议
            out.append(m)
        else:
            out = [m]
    return out
