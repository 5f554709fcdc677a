"""Guarantees, one invented sentence per case: (text, [(guarantor, guaranteed, amount)])."""
from __future__ import annotations

import pytest

from kg.pipeline import extract_document
from kg.types import Document


def guarantees(text, *, place="武汉市"):
    r = extract_document(Document(id="t", text=text, date="2024-03-01", place=place))
    return sorted((f["subject"], f["object"], (f.get("attributes") or {}).get("amount"))
                  for f in r["facts"] if f["relation"] == "guarantees")


G, T = "company/湖北宏泰融资担保有限公司", "company/武汉恒盛机械制造有限公司"


@pytest.mark.parametrize("text, expected", [
    # the guarantor is the party right before 为, the one guaranteed right after it
    ("近日，湖北宏泰融资担保有限公司为武汉恒盛机械制造有限公司提供2000万元融资担保。", [(G, T, "2000万元")]),
    ("湖北宏泰融资担保有限公司为位于江夏区的武汉恒盛机械制造有限公司提供5000万元融资担保。", [(G, T, "5000万元")]),
    # the loan written between them
    ("湖北宏泰融资担保有限公司为武汉恒盛机械制造有限公司的1亿元银行贷款提供连带责任担保。", [(G, T, "1亿元")]),
    ("湖北宏泰融资担保有限公司为武汉恒盛机械制造有限公司3000万元贷款提供担保。", [(G, T, "3000万元")]),
    # 为该公司 / 为其: the company named before, not the lender
    ("武汉恒盛机械制造有限公司急需资金。湖北宏泰融资担保有限公司为该公司提供3000万元贷款担保。", [(G, T, "3000万元")]),
    ("中国银行武汉分行向武汉恒盛机械制造有限公司发放贷款，湖北宏泰融资担保有限公司为其提供担保。", [(G, T, None)]),
    # 该公司 as the guarantor: the one company the story named before
    ("湖北宏泰融资担保有限公司积极发挥作用。3月，该公司为武汉恒盛机械制造有限公司提供1500万元流动资金贷款担保。",
     [(G, T, "1500万元")]),
])
def test_guarantees(text, expected):
    assert guarantees(text) == expected


@pytest.mark.parametrize("text", [
    "根据协议，湖北宏泰融资担保有限公司将为武汉恒盛机械制造有限公司提供10亿元融资担保。",     # a future guarantee
    "湖北宏泰融资担保有限公司为中国银行武汉分行推荐的小微企业提供融资担保。",           # the bank is not guaranteed
    "武汉恒盛机械制造有限公司为湖北宏泰融资担保有限公司提供反担保。",                   # a counter-guarantee
    "湖北宏泰融资担保有限公司与中国银行武汉分行签订银担合作协议，累计提供担保贷款18亿元。",  # a bank partner, no guarantee
    # 该公司 after two companies: which one is not read
    "湖北宏泰融资担保有限公司与中国银行武汉分行合作。该公司为武汉恒盛机械制造有限公司提供1500万元担保。",
])
def test_no_guarantee(text):
    assert guarantees(text) == []
