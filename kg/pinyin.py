"""Pinyin for labels and search (pypinyin, offline)."""
from __future__ import annotations

from functools import lru_cache

_HEADED_BY = set("市县区省局部校院行会组科处所站队厅团社家首班署州镇乡村师")


@lru_cache(maxsize=65536)
def to_pinyin(name: str) -> str:
    """Tone-less pinyin, syllables joined by spaces; non-Chinese characters kept.

    >>> to_pinyin("张百顺"), to_pinyin("李长萍"), to_pinyin("聊城市市长质量奖")
    ('zhang bai shun', 'li chang ping', 'liao cheng shi shi zhang zhi liang jiang')
    """
    from pypinyin import Style, lazy_pinyin

    surname_heteronyms = {"曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao"}
    syllables = lazy_pinyin(name, style=Style.NORMAL, errors=lambda chars: list(chars))
    if name[:1] in surname_heteronyms and syllables:
        syllables[0] = surname_heteronyms[name[0]]
    if len(syllables) == len(name):
        for i, ch in enumerate(name):    # 长 is chang in names (李长萍), zhang only after a unit (市长)
            if ch == "长" and (i == 0 or name[i - 1] not in _HEADED_BY):
                syllables[i] = "chang"
    return " ".join(s for s in syllables if s.strip())
