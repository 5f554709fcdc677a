"""Where a visiting party went: the stops a sentence names, for `kg.relate.visits`.

From the verb of going (`到`, `赴`, `深入`, `来我市`) clause by clause while the clauses name
where to go; the most specific unit named is the stop (`甲街道乙社区` is 乙社区, `深入甲园区，到乙、
丙等企业` is 乙 and 丙), never the party's own home (`甲县代表团`), a container (`甲镇3个村`), a
title's body (`甲公司董事长`), a place that only locates the unit (`位于甲县的乙公司`) or begins a
venue's name (`丙区中国某某城`); a sentence may also open at its stops (`在甲村，…`).
"""
from __future__ import annotations

import re

from kg.relate.base import Scope
from kg.relate.cues import (
    CONTAINER,
    LOCATED,
    LOCATION_OF,
    OPENING_AT,
    STRONG_GO,
    TOPIC,
    UNIT_AFTER,
    VISIT,
    VISIT_DOING,
    VISIT_ORIGIN,
)
from kg.types import Mention

STOP_TYPES = ("place", "company", "organization")
_CLAUSE_END = "，,；;。！？\n"
_SEPARATORS = set("、，,；;。和与及\n ")


def opening_stops(sc: Scope, s: int) -> list[Mention]:
    """在甲村，乙走进丙合作社: the place the sentence opens at is a stop too; 在甲公司、乙公司，丙察看…:
    so is each company or body it opens at.

    >>> from kg.extract import recognise
    >>> from kg.extract.base import Context
    >>> t = "在山东蓝海化工有限公司、山东金穗面业有限公司，县长刘一鸣察看生产线。"
    >>> [m.text for m in opening_stops(Scope(t, 0, len(t), recognise(t, Context())), 0)]
    ['山东蓝海化工有限公司', '山东金穗面业有限公司']
    """
    m = OPENING_AT.match(sc.text, s)
    if not m:
        return []
    inside = [x for x in sc.inside((m.start(1), m.end(1))) if x.type in STOP_TYPES and not x.attr("ref")]
    listed = [x for x in inside if x.type != "place" and not any(o is not x and o.start <= x.start and x.end <= o.end
                                                                for o in inside)]
    if listed:                      # 在甲公司、乙公司，丙深入车间: each unit it opens at
        return listed
    return [x for x in inside if x.type == "place" and x.end == m.end(1)]


def stops_from(sc: Scope, go: int | None, e: int) -> list[Mention]:
    """The stops named from the verb of going at `go` to `e`; a place only gone into (深入甲园区，
    到乙、丙等企业…) holds the units named after it, which are the stops.

    >>> from kg.extract import recognise
    >>> from kg.extract.base import Context
    >>> t = "县长刘一鸣到柳园街道东关社区调研。"
    >>> [m.text for m in stops_from(Scope(t, 0, len(t), recognise(t, Context())), t.index("到"), len(t))]
    ['东关社区']
    """
    if go is None:
        return []
    text = sc.text
    out: list[Mention] = []
    passed: list[Mention] = []          # a clause that only goes into a place (深入甲园区，)
    pos, first = go, True
    while pos < e:      # clause by clause from the verb of going, while they name where to go
        end = min([i for i in (text.find(c, pos, e) for c in _CLAUSE_END) if i >= 0] or [e])
        clause = text[pos:end]
        go_at = min([i for i in (clause.find(v) for v in STRONG_GO) if 0 <= i < 12] or [-1])
        verb = VISIT.search(clause)
        if first:
            if not (verb or any(v in clause for v in STRONG_GO)):
                break
            lo, hi = pos, end
        elif go_at >= 0:
            lo, hi = pos + go_at, end
        elif verb:      # …，乙区、丙县等处实地考察: a list that runs on to its verb
            lo, hi = pos, pos + verb.start()
        else:
            break
        cands = [m for m in sc.inside((lo, hi)) if m.type in STOP_TYPES]
        stops = [m for m in cands if _is_stop(sc, m, cands, end)]
        if passed and any(m.type != "place" for m in stops):
            out = [m for m in out if not any(m is p for p in passed)]
        passed = stops if not verb and len(stops) == 1 and stops[0].type == "place" and stops[0].end == end else []
        out += stops
        pos, first = end + 1, False
    return out


_RANK = {"country": 0, "province": 1, "prefecture": 2, "city": 2, "county": 3, "district": 3, "township": 4,
         "village": 5}


def _name_word(m: Mention, before: list[Mention]) -> bool:
    """柯桥区|中国轻纺城: a place larger than the place written just before it begins a
    venue's or a firm's name, and is no stop (中国 here; 柯桥区 is)."""
    o = next((o for o in before if o.type == "place" and o.end == m.start), None)
    lo, hi = (_RANK.get(str(x.attr("level"))) for x in (o, m)) if o else (None, None)
    return lo is not None and hi is not None and hi < lo


def _opens_a_name(sc: Scope, m: Mention, cands: list[Mention], clause_end: int) -> bool:
    """到四川东柳醪糟、四川亚缇纺织考察: a province or city running into a name no recogniser
    knew (a firm's) begins that name and is no stop; 到四川考察, 赴四川成都 are stops."""
    if m.attr("level") not in ("province", "prefecture", "city") and m.text == m.key and not (
            m.attr("tagged") and not m.attr("code")) or m.attr("ref") or any(o.start == m.end for o in cands):
        return False                   # (a county's short form too: 检查松江囍府; a learned place, 泰山|石膏项目; never 我县)
    item = re.match(r"[\u4e00-\u9fff]*", sc.text[m.end:clause_end]).group()
    item = item.split("、")[0]
    return len(item) >= 2 and not VISIT.search(item) and not VISIT_DOING.search(item) \
        and not any(item.startswith(w) for w in ("等", "和", "与", "及", "的", "就", "对", "围绕", "开展"))


_PARTY = re.compile(r"(?:代表团|考察团|访问团|调研组|考察组|督导组|检查组|工作组)$")


def _is_stop(sc: Scope, m: Mention, cands: list[Mention], clause_end: int) -> bool:
    text = sc.text
    if m.type == "organization" and _PARTY.search(m.key):
        return False                                   # 参加甲省党政代表团赴乙考察: a party, not where it went
    if any(o is not m and o.start <= m.start and m.end <= o.end for o in cands):
        return False                                   # 甲街道 inside 甲街道党工委
    if VISIT_ORIGIN.match(text, m.end) or CONTAINER.match(text, m.end) or LOCATION_OF.match(text, m.end) \
            and LOCATED.search(text, max(0, m.start - 3), m.start):
        return False                                   # 位于甲县的乙公司: 乙公司 is the stop
    if m.type == "place" and (_name_word(m, cands) or _opens_a_name(sc, m, cands, clause_end)):
        return False
    clause_start = max(sc.start, max(text.rfind(c, 0, m.start) for c in _CLAUSE_END) + 1)
    went = max([text.rfind(v, clause_start, m.start) for v in STRONG_GO] + [clause_start])
    if TOPIC.search(text, went, m.start):
        return False                                   # 就“同心共建现代化四川”行动开展调研: a topic
    unit = UNIT_AFTER.match(text, m.end, clause_end)
    if unit and (VISIT.search(unit.group()) or VISIT_DOING.search(unit.group())):
        unit = None                                    # 到我县调研乡村…: no unit named after 我县
    inner = [o for o in cands if o.start == m.end and not (o.type == "place" and _name_word(o, cands))]
    if m.type == "place" and (inner or unit):
        return False                                   # 甲市乙区, 甲街道乙社区: the inner one
    nxt = next((o for o in sc.inside((m.end, clause_end)) if o.type in ("person", "title")), None)
    if nxt and not _SEPARATORS & set(text[m.end:nxt.start]):
        return False                                   # 甲公司董事长乙: a title's body
    return not (m.attr("ref") and text[m.start - 1:m.start] not in ("到", "赴", "莅", "临", "来"))
