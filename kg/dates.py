"""Chinese date expressions resolved against the publication date.

Handles 2024年2月6日, 2月6日上午, 6日, 26日至27日 and 2月26日至3月1日 (ranges), 昨天/昨日,
今天(5月18日), 前天, and Chinese numerals (二月六日). A date after the publication date
is read as the previous year's. We write this rather than depend on jionlp, which
unpacks 51 MB into its own install folder on first import and reads 26日至27日 as a duration.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

_NUM = r"(?:\d{1,4}|[〇零一二三四五六七八九十两]{1,4})"
_DATE = re.compile(
    rf"(?:(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}})年)?(?:(?P<m>{_NUM})月)?(?P<d>{_NUM})[日号]"
    rf"(?:\s*(?:至|到|—|－|-|~|～)\s*(?:(?:(?P<y2>\d{{4}})年)?(?P<m2>{_NUM})月)?(?P<d2>{_NUM})[日号])?")
_RELATIVE = re.compile(r"(?:大前天|前天|昨天|昨日|今天|今日|明天|明日)")
_REL_DAYS = {"大前天": -3, "前天": -2, "昨天": -1, "昨日": -1, "今天": 0, "今日": 0, "明天": 1, "明日": 1}
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    date: dt.date
    end_date: dt.date | None = None


def cn_number(s: str) -> int:
    """'26' -> 26, '二十六' -> 26, '十' -> 10, '二〇二四' -> 2024.

    >>> cn_number("二十六"), cn_number("十一"), cn_number("二〇二四")
    (26, 11, 2024)
    """
    if s.isdigit():
        return int(s)
    if "十" not in s:
        return int("".join(str(_DIGITS[c]) for c in s))
    tens, _, ones = s.partition("十")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def find_dates(text: str, *, published: dt.date | None) -> list[DateSpan]:
    """Dates written in `text`, resolved against the publication date.

    >>> pub = dt.date(2024, 2, 7)
    >>> [(d.date.isoformat(), d.end_date and d.end_date.isoformat()) for d in find_dates("2月26日至27日", published=pub)]
    [('2023-02-26', '2023-02-27')]
    >>> [d.date.isoformat() for d in find_dates("昨天上午，今天(2月7日)", published=pub)]
    ['2024-02-06', '2024-02-07']
    """
    return sorted(_find_dates(text, published), key=lambda d: d.start)


def _find_dates(text: str, published: dt.date | None) -> Iterator[DateSpan]:
    taken: list[tuple[int, int]] = []
    for m in _DATE.finditer(text):
        span = _absolute(m, published)
        if span:
            taken.append((span.start, span.end))
            yield span
    if published:
        for m in _RELATIVE.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            after = _DATE.match(text, m.end() + 1) if text[m.end():m.end() + 1] in "(（" else None
            if after:       # 今天(5月18日): the explicit date wins, and is already found
                continue
            yield DateSpan(m.start(), m.end(), published + dt.timedelta(days=_REL_DAYS[m.group()]))


def _absolute(m: re.Match[str], published: dt.date | None) -> DateSpan | None:
    try:
        day = cn_number(m.group("d"))
        month = cn_number(m.group("m")) if m.group("m") else (published.month if published else None)
        year = cn_number(m.group("y")) if m.group("y") else None
    except (KeyError, ValueError):
        return None
    if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if not m.group("m") and not m.group("y") and len(m.group("d")) > 2:
        return None
    explicit_year = year is not None
    year = year or (published.year if published else None)
    if year is None:
        return None
    try:
        first = dt.date(year, month, day)
    except ValueError:
        return None
    if published and not explicit_year and first > published:
        first = first.replace(year=first.year - 1) if not (first.month == 2 and first.day == 29) else first
    last = None
    if m.group("d2"):
        try:
            m2 = cn_number(m.group("m2")) if m.group("m2") else first.month
            y2 = int(m.group("y2")) if m.group("y2") else first.year + (1 if m2 < first.month else 0)
            last = dt.date(y2, m2, cn_number(m.group("d2")))
        except (KeyError, ValueError):
            last = None
    return DateSpan(m.start(), m.end(), first, last)


_TIMESTAMP = re.compile(r"\s*\d{1,2}:\d{2}")


def story_date(text: str, *, published: dt.date | None, opening: int = 200) -> dt.date | None:
    """The date of the event a story reports: the first date its opening gives (a dateline's
    2月6日, a headline's 昨日), never a printed time stamp or a day after publication; else
    the publication date. A story without a publication date has none.

    >>> pub = dt.date(2024, 2, 7)
    >>> story_date("菏泽项目昨日签约\\n2024年2月7日 14:56 来源\\n本报讯 2月6日上午，", published=pub)
    datetime.date(2024, 2, 6)
    >>> story_date("2024年2月7日 09:13\\n近日，全市会议召开。", published=pub), story_date("2月6日", published=None)
    (datetime.date(2024, 2, 7), None)
    """
    if published is None:
        return None
    for d in find_dates(text[:opening], published=published):
        if d.date <= published and not _TIMESTAMP.match(text, d.end):
            return d.date
    return published
