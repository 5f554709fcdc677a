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
    from pypinyin import Style

    surname_heteronyms = {"曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao"}
    syllables = _pinyin().lazy_pinyin(name, style=Style.NORMAL, errors=_kept)
    if name[:1] in surname_heteronyms and syllables:
        syllables[0] = surname_heteronyms[name[0]]
    if len(syllables) == len(name):
        for i, ch in enumerate(name):    # 长 is chang in names (李长萍), zhang only after a unit (市长)
            if ch == "长" and (i == 0 or name[i - 1] not in _HEADED_BY):
                syllables[i] = "chang"
    return " ".join(s for s in syllables if s.strip())


def readings(name: str) -> list[list[str]]:
    """Every tone-less reading of each character (pypinyin's `pinyin(heteronym=True)`).

    >>> readings("长")
    [['zhang', 'chang']]
    """
    from pypinyin import Style

    return _pinyin().pinyin(name, style=Style.NORMAL, heteronym=True, errors=_kept)


def _kept(chars: str) -> list[str]:
    return list(chars)


@lru_cache(maxsize=1)
def _pinyin():
    """pypinyin's Pinyin (what its `pinyin` and `lazy_pinyin` build at every call) with each
    word's conversion kept: a graph's 40,000 names are made of a few thousand words, and
    converting a word again was most of the time of labelling them."""
    from pypinyin.converter import UltimateConverter
    from pypinyin.core import Pinyin

    class Kept(UltimateConverter):
        def __init__(self) -> None:
            super().__init__()
            self.seen: dict[tuple, list[list[str]]] = {}

        def convert(self, words, style, heteronym, errors, strict, **kwargs):
            key = (words, style, heteronym, strict, errors)
            found = self.seen.get(key)
            if found is None:
                if len(self.seen) > 200_000:     # words outside the dictionaries (codes, Latin) are many
                    self.seen.clear()
                found = self.seen[key] = super().convert(words, style, heteronym, errors, strict, **kwargs)
            return [list(r) for r in found]

    return Pinyin(Kept())
