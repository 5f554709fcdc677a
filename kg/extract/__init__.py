"""Recognisers, one module per family; `recognise` runs them in the order they depend on.

places -> organizations (need places) -> companies -> events -> people (need orgs and
companies, for titles), then names found once are found again wherever they recur.
"""
from __future__ import annotations

import re

from kg.extract import companies, events, organizations, people, places
from kg.extract.base import Context, mention
from kg.types import Mention

_PRIORITY = {"event": 0, "company": 1, "organization": 2, "title": 3, "person": 4, "place": 5}


def recognise(text: str, ctx: Context) -> list[Mention]:
    """Every mention in `text`: nested spans allowed (a place inside an organisation's
    name), crossing spans resolved in favour of the longer, then the likelier type.

    >>> from kg.divisions import find_home
    >>> ms = recognise("市委书记李长萍出席会议。李长萍指出，", Context(home=find_home("聊城市")))
    >>> [(m.text, m.type, m.key) for m in ms]
    [('市委书记', 'title', '市委书记'), ('市委', 'organization', '中共聊城市委'), ('李长萍', 'person', '李长萍'), ('李长萍', 'person', '李长萍')]
    """
    found = places.find(text, ctx)
    found += organizations.find(text, ctx, found)
    found += companies.find(text, ctx)
    found += events.find(text, ctx)
    found += people.find(text, ctx, found)
    found += _tagged(text, ctx, found)
    found += _lexicon_mentions(text, ctx)
    kept = resolve_overlaps(found)
    kept += _recurring_people(text, kept)
    sup = ctx.lexicon.suppressed
    return [m for m in resolve_overlaps(kept) if not sup or (m.text not in sup and m.key not in sup)]


def _lexicon_mentions(text: str, ctx: Context) -> list[Mention]:
    """Every surface form of a user-lexicon entry, under its canonical name."""
    out = []
    for type_ in ("person", "place", "organization", "company", "event"):
        for surface, canonical in ctx.lexicon.names_of(type_).items():
            for hit in re.finditer(re.escape(surface), text):
                out.append(mention(hit.start(), hit.end(), text, type_, canonical,
                                   role="other" if type_ == "person" else None, lexicon=True))
    return out


def _tagged(text: str, ctx: Context, found: list[Mention]) -> list[Mention]:
    """Person names from the learned tagger, where the rules found none at that place."""
    from kg.extract import tagger

    try:
        return tagger_people(text, found, tagger.tag)
    except FileNotFoundError:      # model not built yet (scripts/train_ner.py)
        return []


def tagger_people(text: str, found: list[Mention], tag) -> list[Mention]:
    from kg.extract.base import name_shaped
    from kg.segment import frequency, tag as pos

    out = []
    spans = [(m.start, m.end) for m in found]
    for start, end, type_, conf in tag(text):
        name = text[start:end]
        if type_ != "person" or not name_shaped(name) or conf < 0.6:
            continue
        if frequency(name) > 30 and not pos(name).startswith("nr"):
            continue
        if any(s < end and start < e for s, e in spans):
            continue
        out.append(mention(start, end, text, "person", name, role="other", tagged=True))
    return out


def resolve_overlaps(found: list[Mention]) -> list[Mention]:
    """Drop duplicates and crossing spans; nesting is kept."""
    order = sorted(set(found), key=lambda m: (not m.attr("lexicon"), -(m.end - m.start),
                                              _PRIORITY.get(m.type, 9), m.start, m.key))
    kept: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()
    for m in order:
        if (m.start, m.end, m.type) in seen:
            continue
        crossing = any(k.start < m.start < k.end < m.end or m.start < k.start < m.end < k.end for k in kept)
        same_span_other_type = any(k.start == m.start and k.end == m.end and k.type != "title" and
                                   m.type != "title" for k in kept)
        inside_person = any(k.type == "person" and k.start <= m.start and m.end <= k.end for k in kept)
        if crossing or same_span_other_type or inside_person:
            continue
        kept.append(m)
        seen.add((m.start, m.end, m.type))
    return sorted(kept, key=lambda m: (m.start, -m.end, m.type))


def _recurring_people(text: str, found: list[Mention]) -> list[Mention]:
    """A name found once (after a title, in a list) is the same person wherever it recurs."""
    known: dict[str, Mention] = {}
    for m in found:
        if m.type == "person" and len(m.key) >= 2 and m.key == m.text:
            known.setdefault(m.key, m)
    spans = [(m.start, m.end) for m in found if m.type != "title"]
    out = []
    for name in sorted(known, key=len, reverse=True):
        first = known[name]
        for hit in re.finditer(re.escape(name), text):
            s, e = hit.start(), hit.end()
            if any(a <= s and e <= b for a, b in spans) or any(a < e and s < b for a, b in spans):
                continue
            spans.append((s, e))
            out.append(mention(s, e, text, "person", name, role=first.attr("role")))
    return out
