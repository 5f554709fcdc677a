"""Pinyin for labels and search (pypinyin, offline)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def to_pinyin(name: str) -> str:
    """Tone-less pinyin, syllables joined by spaces; non-Chinese characters kept.

    >>> to_pinyin("张百顺")
    'zhang bai shun'
    """
    from pypinyin import Style, lazy_pinyin

    surname_heteronyms = {"曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao"}
    syllables = lazy_pinyin(name, style=Style.NORMAL, errors=lambda chars: list(chars))
    if name[:1] in surname_heteronyms and syllables:
        syllables[0] = surname_heteronyms[name[0]]
    return " ".join(s for s in syllables if s.strip())
