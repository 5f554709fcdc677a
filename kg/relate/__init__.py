"""Mentions in context -> facts with their sources (offsets into the cleaned text).

One module per family of relations; each finder reads a `Scope` (one article) and yields
`Found` tuples, and the pipeline maps their spans back to the original text. Cue words
live in `cues.py`. Which file to touch:

    posts.py          holds_position (titles, appointments, removals)
    participation.py  participated (chair / speaker / attendee, order) and event dates
    visits.py         visited (a party and its stops, over the whole story)
    stops.py          where a party went: the stops a sentence names (read by visits.py)
    meetings.py       met (会见, 会谈, 座谈 and those present)
    deals.py          cooperates_with (签约, 合作伙伴)
    guarantees.py     guarantees (甲公司为乙公司提供担保, with the amount)
    partners.py       partner_of (对口支援, 东西部协作, 结对, 友好城市)
    sides.py          the sides of a signing: lists of pairs, 双方 named before (read by both)
    places.py         part_of, located_in, born_in
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.relate import deals, guarantees, meetings, partners, places, visits
from kg.relate.base import Found, Scope
from kg.relate.participation import event_dates, find_participation, main_event
from kg.relate.posts import find_positions

__all__ = ["Found", "Scope", "event_dates", "find_facts", "main_event"]

# per sentence: (scope, sentence start, end, its text, its mentions) -> facts
_SENTENCE_FINDERS = (partners.partners, deals.cooperation, guarantees.guarantees, places.located, places.held_at,
                     places.born)


def find_facts(sc: Scope, place_ids: set[str]) -> Iterator[Found]:
    """Every fact of one article, family by family."""
    yield from find_positions(sc)
    yield from find_participation(sc)
    yield from visits.find_visits(sc)
    yield from meetings.find_meetings(sc)
    for s, e in sc.sents:
        sent, ms = sc.text[s:e], sc.inside((s, e))
        for finder in _SENTENCE_FINDERS:
            yield from finder(sc, s, e, sent, ms)
    yield from places.find_hierarchy(sc, place_ids)
