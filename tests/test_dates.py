from __future__ import annotations

import datetime as dt

import pytest

from kg.dates import find_dates

PUB = dt.date(2024, 2, 7)


@pytest.mark.parametrize("text, expected", [
    ("2月6日上午，聊城市质量大会召开", [("2024-02-06", None)]),
    ("2024年1月5日", [("2024-01-05", None)]),
    ("2月26日至27日", [("2023-02-26", "2023-02-27")]),        # after publication: last year
    ("1月30日至2月2日", [("2024-01-30", "2024-02-02")]),
    ("12月30日至1月2日", [("2023-12-30", "2024-01-02")]),
    ("5日至6日", [("2024-02-05", "2024-02-06")]),
    ("昨天下午", [("2024-02-06", None)]),
    ("今天(2月7日)上午", [("2024-02-07", None)]),
    ("前天", [("2024-02-05", None)]),
    ("二月六日", [("2024-02-06", None)]),
    ("12月25日", [("2023-12-25", None)]),
    ("第2023号", []),
])
def test_find_dates(text, expected):
    got = [(d.date.isoformat(), d.end_date and d.end_date.isoformat()) for d in find_dates(text, published=PUB)]
    assert got == expected


def test_relative_dates_need_a_publication_date():
    assert find_dates("昨天", published=None) == []
