"""Bounds that keep a degenerate page as cheap as a real one.

A real page reads one fact a few times (市委书记李长萍 three or four times in a long story).
A boilerplate page, a concatenation mistake or a crawl of the same story 25,000 times reads
it thousands of times, and every reading is a source that each export writes with its
sentence. Past `MAX_SOURCES` readings of one fact in one document, the page is degenerate:
the fact keeps its first `MAX_SOURCES` sources, all its mentions are kept, and the build
says so in one warning line instead of spending minutes and gigabytes on copies.

The other bound lives where it acts: `kg.text.LONG_SENTENCE` cuts a sentence with no 。
(a page without punctuation) into pieces at clause marks.
"""
from __future__ import annotations

from kg.graph import _fact_key
from kg.relate import Found

MAX_SOURCES = 50     # sources of one fact kept from one document


def fact_key(f: Found) -> tuple:
    """The key under which kg.graph merges a fact's readings (relation, subject, object, title …)."""
    return _fact_key({"relation": f.relation, "subject": f.subject, "object": f.object,
                      "attributes": dict(f.attributes)})


def bound_sources(facts: list[Found], *, limit: int = MAX_SOURCES) -> tuple[list[Found], str | None]:
    """`facts` (one document's readings) with at most `limit` of each fact, in order, and a
    warning line when any were dropped.

    >>> f = Found("holds_position", "person/王明", None, (("title", "市委书记"),), 4, 6, (0, 14))
    >>> kept, warning = bound_sources([f] * 5 + [f._replace(subject="person/李华")], limit=2)
    >>> len(kept), warning
    (3, 'degenerate page: 1 fact read more than 2 times (holds_position person/王明: 5 times); kept its first 2 sources')
    """
    counts: dict[tuple, int] = {}
    kept = []
    for f in facts:
        key = fact_key(f)
        n = counts[key] = counts.get(key, 0) + 1
        if n <= limit:
            kept.append(f)
    over = sorted((n, k) for k, n in counts.items() if n > limit)
    if not over:
        return kept, None
    n, (relation, subject, obj, _) = over[-1]
    worst = " ".join(x for x in (relation, subject, obj) if x)
    many = len(over) > 1
    return kept, (f"degenerate page: {len(over):,} fact{'s' if many else ''} read more than {limit:,} times "
                  f"({worst}: {n:,} times); kept {'the' if many else 'its'} first {limit:,} sources"
                  f"{' of each' if many else ''}")
