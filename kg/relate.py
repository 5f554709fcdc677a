"""Mentions in context -> facts with their sources (offsets into the cleaned text).

One `find_x(article)` per family of relations, each yielding `Found` tuples; the
pipeline maps their spans back to the original text.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from kg.dates import DateSpan, find_dates
from kg.text import sentences
from kg.types import Mention, eid

ROLE_VERBS = {"chair": ("主持",), "speaker": ("讲话", "致辞", "作报告", "发言", "作主题报告", "宣讲", "主讲"),
              "attendee": ("出席", "参加", "列席", "在座", "参会", "与会", "观摩")}
_ROLE_RANK = {"chair": 0, "speaker": 1, "attendee": 2}
_ROLE_RE = re.compile("|".join(v for vs in ROLE_VERBS.values() for v in vs))
_REPORTING = re.compile(r"指出|强调|表示|要求|认为|提出|希望|告诉|介绍|说")
_CONVENE = re.compile(r"召开|举行|举办|开幕|闭幕|启动|开班|开讲|揭晓")
_PARTNER = re.compile(r"东西协作|东西部协作|对口支援|对口帮扶|对口协作|对口合作|结对|帮扶|友好城市|友城")
_COOPERATE = re.compile(r"合作|签约|签署|签订|战略协议|携手")
_AMOUNT = re.compile(r"\d+(?:\.\d+)?(?:万|亿|千|百)?(?:亿)?元")
_CLAUSE = re.compile(r"[，；：]|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


class Found(NamedTuple):
    relation: str
    subject: str            # entity id: "type/key"
    object: str | None
    attributes: tuple[tuple[str, object], ...]
    start: int              # evidence span in the cleaned text
    end: int
    sentence: tuple[int, int]


@dataclass
class Scope:
    """An article's text, mentions and sentences: what the finders read."""

    text: str
    start: int
    end: int
    mentions: list[Mention]
    home_id: str | None = None
    published: object = None
    sents: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.sents = sentences(self.text, self.start, self.end)
        self.mentions = sorted(self.mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        self._sent_starts = [s for s, _ in self.sents]

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._sent_starts, pos) - 1
        if i >= 0 and self.sents[i][0] <= pos < self.sents[i][1]:
            return self.sents[i]
        return pos, pos

    def inside(self, span: tuple[int, int], type_: str | None = None) -> list[Mention]:
        lo, hi = bisect_left(self._starts, span[0]), bisect_left(self._starts, span[1])
        return [m for m in self.mentions[lo:hi] if m.end <= span[1] and (type_ is None or m.type == type_)]


def _attrs(**kw: object) -> tuple[tuple[str, object], ...]:
    return tuple(sorted((k, v) for k, v in kw.items() if v is not None))


def find_positions(sc: Scope) -> Iterator[Found]:
    """holds_position from every titled person (市委副书记、市长张百顺 -> two posts)."""
    titles: dict[str, list[Mention]] = {}
    for m in sc.mentions:
        if m.type == "title":
            titles.setdefault(m.text, []).append(m)
    for p in sc.mentions:
        if p.type != "person" or not p.attr("titles"):
            continue
        for title, org in p.attr("titles"):
            t = _nearest_title(titles.get(title, []), p)
            start = t.start if t else p.start
            obj = (f"company/{org}" if t is not None and t.attr("company") else f"organization/{org}") if org else None
            start, end = (min(start, p.start), max(p.end, t.end if t else p.end))
            yield Found("holds_position", eid(p), obj, _attrs(title=title, change=p.attr("change")), start, end,
                        sc.sentence_of(p.start))


def _nearest_title(candidates: list[Mention], person: Mention) -> Mention | None:
    """The title written for this person: the last one before the name (the list is in text
    order), or for 任命…为 the first one after it."""
    ends = [t.end for t in candidates]
    i = bisect_right(ends, person.start) - 1
    if i >= 0 and not person.attr("change"):
        return candidates[i]
    after = [t for t in candidates[i + 1:i + 3] if t.start >= person.end]
    return after[0] if person.attr("change") and after else (candidates[i] if i >= 0 else None)


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
        elif first_date and _CONVENE.search(sc.text, ev.end, min(e, ev.end + 6)) and not events_before:
            out.setdefault(eid(ev), first_date)
    return out


def main_event(sc: Scope) -> Mention | None:
    """The event a story reports on: the first one convened (召开, 举行 …) in it."""
    evs = [m for m in sc.mentions if m.type == "event"]
    for ev in evs:
        s, e = sc.sentence_of(ev.start)
        if _CONVENE.search(sc.text, ev.end, e) or _CONVENE.search(sc.text, max(s, ev.start - 6), ev.start):
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
            yield Found("participated", pid, eid(ev), _attrs(role=role, order=seen[pid], venue=venue),
                        span[0], span[1], (s, e))


def _roles_in(sc: Scope, s: int, e: int) -> Iterator[tuple[Mention, str, str | None, tuple[int, int]]]:
    pending: list[Mention] = []
    pos = s
    bounds = [m.start() + s for m in _CLAUSE.finditer(sc.text[s:e])] + [e]
    for b in bounds:
        clause = sc.text[pos:b]
        people = [m for m in sc.inside((pos, b), "person") if m.attr("role") != "journalist"]
        verbs = [m.group() for m in _ROLE_RE.finditer(clause)]
        if people and _REPORTING.search(clause) and not verbs:
            pending = []
        elif verbs:
            roles = {r for r, vs in ROLE_VERBS.items() for v in verbs if v in vs}
            if roles & {"chair", "speaker"}:      # 出席会议并讲话 is a speaker; 主持并讲话 both
                roles.discard("attendee")
            venue = "主会场" if "主会场" in clause else "分会场" if "分会场" in clause else None
            for p in pending + people:
                for role in sorted(roles, key=_ROLE_RANK.get):
                    yield p, role, venue, (p.start, b)
            pending = []
        else:
            pending += people
        pos = b + 1


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


def find_sentence_relations(sc: Scope) -> Iterator[Found]:
    """partner_of, cooperates_with, guarantees, located_in, born_in, met, visited."""
    for s, e in sc.sents:
        sent = sc.text[s:e]
        ms = sc.inside((s, e))
        yield from _partners(sc, s, e, sent, ms)
        yield from _cooperation(sc, s, e, sent, ms)
        yield from _guarantees(sc, s, e, sent, ms)
        yield from _located(sc, s, e, ms)
        yield from _held_at(sc, s, e, ms)
        yield from _born(sc, s, e, sent, ms)
        yield from _meetings_visits(sc, s, e, sent, ms)


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


def _partners(sc, s, e, sent, ms) -> Iterator[Found]:
    if not _PARTNER.search(sent):
        return
    places = [m for m in ms if m.type == "place"]
    pair = re.search(r"与|同|和", sent)
    before = _leaves([m for m in places if pair and m.end <= s + pair.start()]) if pair else []
    home = [m for m in places if m.attr("ref")]
    subject = eid(before[-1]) if before else eid(home[0]) if home else sc.home_id
    if subject is None:
        return
    others = [m for m in places if not m.attr("ref") and eid(m) != subject
              and not (before and m.end <= s + pair.start())]
    seen = set()
    for m in _leaves(others):
        if eid(m) in seen or _inside(m, subject):
            continue
        seen.add(eid(m))
        yield Found("partner_of", subject, eid(m), (), m.start, m.end, (s, e))


def _inside(m: Mention, place_id: str) -> bool:
    """Is the place `m` part of the place `place_id` (遵义市 does not pair with its own counties)?"""
    from kg.divisions import gazetteer

    g = gazetteer()
    code = m.attr("code")
    name = place_id.split("/", 1)[1]
    if m.attr("parent") == name:
        return True
    return bool(code and code in g.by_code and any(a.name == name for a in g.ancestors(g.by_code[code])))


def _cooperation(sc, s, e, sent, ms) -> Iterator[Found]:
    for m in re.finditer(r"与|同|和", sent):
        pos = s + m.end()
        partner = next((x for x in ms if x.start == pos and x.type in ("company", "organization")), None)
        if partner is None or not _COOPERATE.search(sent, m.end(), min(len(sent), m.end() + 30)):
            continue
        subject = next((x for x in ms if x.type in ("company", "organization") and x.end <= s + m.start()), None)
        if subject and eid(subject) != eid(partner):
            yield Found("cooperates_with", eid(subject), eid(partner), (), subject.start, partner.end, (s, e))


def _guarantees(sc, s, e, sent, ms) -> Iterator[Found]:
    if "担保" not in sent:
        return
    pos = s
    for b in [x.start() + s for x in _CLAUSE.finditer(sent)] + [e]:
        clause = sc.text[pos:b]
        amount = _AMOUNT.search(clause)
        if amount and "担保" in clause:
            guarantor = next((x for x in ms if x.type == "company" and x.start < b), None)
            target = _beneficiary(sc, pos, b, clause, guarantor)
            if guarantor and target and eid(target) != eid(guarantor):
                yield Found("guarantees", eid(guarantor), eid(target), _attrs(amount=amount.group()),
                            guarantor.start, b, (s, e))
        pos = b + 1


def _beneficiary(sc: Scope, pos: int, b: int, clause: str, guarantor: Mention | None) -> Mention | None:
    inside = [x for x in sc.inside((pos, b), "company") if guarantor is None or eid(x) != eid(guarantor)]
    if inside:
        return inside[0]
    if re.search(r"给予其|为其|向其|为该公司|给该公司", clause):
        earlier = [x for x in sc.mentions if x.type == "company" and x.end <= pos
                   and (guarantor is None or eid(x) != eid(guarantor))]
        return earlier[-1] if earlier else None
    return None


def _held_at(sc, s, e, ms) -> Iterator[Found]:
    """…签约仪式在临沂举行: an event located in the place it was held at."""
    for m in re.finditer(r"在", sc.text[s:e]):
        place = next((x for x in ms if x.type == "place" and x.start == s + m.end()), None)
        if place is None or not re.match(r"(?:[\u4e00-\u9fff]{0,8}?)(?:举行|召开|开幕|举办|启动|闭幕)", sc.text[place.end:e]):
            continue
        ev = next((x for x in ms if x.type == "event" and x.end <= place.start), None)
        if ev:
            yield Found("located_in", eid(ev), eid(place), (), ev.start, place.end, (s, e))


def _located(sc, s, e, ms) -> Iterator[Found]:
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


def _born(sc, s, e, sent, ms) -> Iterator[Found]:
    for m in re.finditer(r"的故乡|的家乡|出生于|生于|出生在", sent):
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


_AGENT = re.compile(r"(?:同志|一行)?(?:到|赴|在|深入|来到|走进|前往|率|带队|带领|一行|先后|实地|专程|调研|考察|"
                    r"走访|视察|察看|参观|、|，)")
_ORIGIN = re.compile(r"(?:党政)?(?:代表团|考察团|一行|客人)")


def _meetings_visits(sc, s, e, sent, ms) -> Iterator[Found]:
    people = [x for x in ms if x.type == "person" and x.attr("role") != "journalist"]
    for m in re.finditer(r"会见|会谈", sent):
        clause_start = s + max(sent.rfind(c, 0, m.start()) for c in "，。；") + 1
        hosts = [x for x in people if clause_start <= x.start and x.end <= s + m.start()]
        after = [x for x in people if x.start >= s + m.end()]
        if hosts and after:
            for host in hosts:          # A、B会见了C一行: both met C
                yield Found("met", eid(host), eid(after[0]), (), host.start, after[0].end, (s, e))
    for m in re.finditer(r"调研|考察|走访|视察|走进|察看|参观", sent):
        before = [x for x in people if x.end <= s + m.start() and _AGENT.match(sc.text, x.end)]
        if not before:
            continue
        who = before[0]           # the one who goes (孔繁森精神…大调研 is nobody's visit)
        targets = [x for x in ms if x.type in ("company", "place") and not x.attr("ref")
                   and who.end <= x.start < s + m.end() + 30 and not _ORIGIN.match(sc.text, x.end)]
        for t in targets[:4]:
            yield Found("visited", eid(who), eid(t), (), who.start, t.end, (s, e))
