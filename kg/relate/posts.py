"""holds_position: every titled person gives one post per title (市委副书记、市长甲 -> two posts)."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from kg.relate.base import Found, Scope, attrs
from kg.types import Mention, eid

_NO_POST_ALONE = {"委员"}


def find_positions(sc: Scope) -> Iterator[Found]:
    """holds_position from every titled person (市委副书记、市长张百顺 -> two posts)."""
    titles: dict[str, list[Mention]] = {}
    for m in sc.mentions:
        if m.type == "title":
            titles.setdefault(m.text, []).append(m)
    ends = {title: [t.end for t in ts] for title, ts in titles.items()}  # once, not per person
    bodied: dict[str, set[str]] = {}      # the titles each person holds with a body in this story
    for p in sc.mentions:
        if p.type == "person" and p.attr("titles"):
            bodied.setdefault(eid(p), set()).update(t for t, org in p.attr("titles") if org)
    for p in sc.mentions:
        if p.type != "person" or not p.attr("titles"):
            continue
        for title, org in p.attr("titles"):
            if org is None and any(t.endswith(title) for t in bodied.get(eid(p), ())):
                continue                  # 区政协秘书长甲…秘书长甲汇报: the bare title again, the same post
            if org is None and title in _NO_POST_ALONE:
                continue                  # 委员甲: a member of no body the text names is no post (GUIDELINES)
            t = _nearest_title(titles.get(title, []), p, ends.get(title, []))
            start = t.start if t else p.start
            obj = (f"company/{org}" if t is not None and t.attr("company") else f"organization/{org}") if org else None
            start, end = (min(start, p.start), max(p.end, t.end if t else p.end))
            title = sc.as_written(t.start, t.end) if t is not None and t.text == title else sc.in_script(title)
            yield Found("holds_position", eid(p), obj, attrs(title=title, change=p.attr("change")), start, end,
                        sc.sentence_of(p.start))


def _nearest_title(candidates: list[Mention], person: Mention, ends: list[int]) -> Mention | None:
    """The title written for this person: the last one before the name (the list is in text
    order, `ends` their ends), or for 任命…为 the first one after it."""
    i = bisect_right(ends, person.start) - 1
    if i >= 0 and not person.attr("change"):
        return candidates[i]
    after = [t for t in candidates[i + 1:i + 3] if t.start >= person.end]
    return after[0] if person.attr("change") and after else (candidates[i] if i >= 0 else None)
