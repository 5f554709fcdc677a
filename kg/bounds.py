"""Bounds that keep a degenerate page as cheap as a real one.

A real page reads one fact a few times (市委书记李长萍 three or four times in a long story).
A boilerplate page, a concatenation mistake or a crawl of the same story 25,000 times reads
it thousands of times, and every reading is a source that each export writes with its
sentence. Past `MAX_SOURCES` readings of one fact in one document, the page is degenerate:
the fact keeps its first `MAX_SOURCES` sources, all its mentions are kept, and the build
says so in one warning line (`degenerate page: …`, every bound it met) instead of spending minutes and gigabytes on copies.

A crawl of the same page, or one story pasted 25,000 times, is the same text over and over:
past `MAX_COPIES` verbatim copies of one story, the later copies and their mentions are left
out, with one warning line. Past `MAX_MENTIONS` mentions of one name in one document, the
later ones are not written out (the facts are read from all of them). The other bounds live where they act: `kg.text.LONG_SENTENCE` cuts a sentence with no 。
(a page without punctuation) into pieces at clause marks; `kg.render.MAX_SPRING` lays out by
force only the best linked nodes of a part of the network page larger than that (the others
beside their neighbours), with one warning line (`network page: …`).
"""
from __future__ import annotations

from bisect import bisect_right

from kg.graph import _fact_key
from kg.relate import Found
from kg.types import Article, Mention

MAX_SOURCES = 50     # sources of one fact kept from one document
MAX_COPIES = 50      # copies of one story (the same text, verbatim) kept from one document
MAX_MENTIONS = 1000  # mentions of one name (entity or title) written out from one document


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
    (3, '1 fact read more than 2 times (holds_position person/王明: 5 times); kept its first 2 sources')
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
    return kept, (f"{len(over):,} fact{'s' if many else ''} read more than {limit:,} times "
                  f"({worst}: {n:,} times); kept {'the' if many else 'its'} first {limit:,} sources"
                  f"{' of each' if many else ''}")


def bound_copies(text: str, articles: list[Article]) -> tuple[list[Article], str | None]:
    """`articles` without the copies of a story past the first `MAX_COPIES`, and a warning line.

    >>> from kg.articles import split_articles
    >>> page = "本报讯 会议召开。\\n" * 60
    >>> kept, warning = bound_copies(page, split_articles(page, doc_id="d"))
    >>> len(kept), warning
    (50, '1 story repeated 60 times; kept its first 50 copies')
    """
    counts: dict[str, int] = {}
    kept = []
    for a in articles:
        body = text[a.start:a.end].strip()
        n = counts[body] = counts.get(body, 0) + 1
        if n <= MAX_COPIES:
            kept.append(a)
    over = sorted(n for n in counts.values() if n > MAX_COPIES)
    if not over:
        return articles, None
    if len(over) == 1:
        return kept, f"1 story repeated {over[0]:,} times; kept its first {MAX_COPIES:,} copies"
    return kept, (f"{len(over):,} stories repeated more than {MAX_COPIES:,} times "
                  f"(one {over[-1]:,} times); kept the first {MAX_COPIES:,} copies of each")


def mentions_in(mentions: list[Mention], articles: list[Article]) -> list[Mention]:
    """The mentions inside `articles` (the stories kept).

    >>> from kg.extract.base import mention
    >>> t = "甲乙丙丁"
    >>> [m.text for m in mentions_in([mention(0, 1, t, "person"), mention(2, 3, t, "person")],
    ...                              [Article("d#1", 0, 2, "")])]
    ['甲']
    """
    starts = [a.start for a in articles]

    def kept(m: Mention) -> bool:
        i = bisect_right(starts, m.start) - 1
        return i >= 0 and m.start < articles[i].end
    return [m for m in mentions if kept(m)]


def bound_mentions(mentions: list[Mention], *, limit: int = MAX_MENTIONS) -> tuple[list[Mention], str | None]:
    """`mentions` (in text order) with at most `limit` of each name (type and key), and a warning.

    >>> from kg.extract.base import mention
    >>> t = "王明" * 3
    >>> kept, warning = bound_mentions([mention(i, i + 2, t, "person") for i in (0, 2, 4)], limit=2)
    >>> len(kept), warning
    (2, '1 name mentioned more than 2 times (person/王明: 3 times); kept its first 2 mentions')
    """
    counts: dict[tuple[str, str], int] = {}
    kept = []
    for m in mentions:
        n = counts[(m.type, m.key)] = counts.get((m.type, m.key), 0) + 1
        if n <= limit:
            kept.append(m)
    over = sorted((n, t != "title", f"{t}/{k}") for (t, k), n in counts.items() if n > limit)
    if not over:
        return mentions, None
    many = len(over) > 1
    return kept, (f"{len(over):,} name{'s' if many else ''} mentioned more than {limit:,} times "
                  f"({over[-1][2]}: {over[-1][0]:,} times); kept {'the' if many else 'its'} first {limit:,} mentions"
                  f"{' of each' if many else ''}")
