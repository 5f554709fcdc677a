"""Mongolian names as the pages of Inner Mongolia write them (巴特尔, 乌云其木格, 额尔敦巴雅尔).

Like Tibetan names (kg/extract/tibetan.py) they have no Han surname, but their first character
is often one (乌, 巴, 包, 孟, 苏, 那), so the surname reading stops after two characters
(乌云|其木格 read as 乌云). They are made of a small set of Mongolian name words, each written
with the same characters wherever it appears (乌云 uyun, 其木格 chimeg, 巴雅尔 bayar …). A name
is read wholly of these words, three to eight characters long, only where a name's slot is
(names.py asks after a title, in a list, in 任命…为): 乌云 alone stays the surname reading.
"""
from __future__ import annotations

# Words of Mongolian names (the usual Chinese spellings of the commonest name words).
_WORDS = """
乌云 其木格 其其格 额尔敦 巴雅尔 巴特尔 巴图 图雅 萨仁 高娃 那仁 娜仁 阿拉坦 阿拉腾 苏和 宝音 孟和 朝鲁 斯琴
格日勒 格日乐 乌日娜 呼和 达来 布和 毕力格 额尔德尼 特木尔 吉日嘎拉 图门 哈斯 白音 乌力吉 额日德木图 阿木古楞
那顺 敖登 乌兰 满都拉 达古拉 道尔吉 德力格尔 巴音 萨日娜 其木德 朝克图 乌恩 苏日娜 塔娜 阿古拉 查干 敖其尔
那木吉拉 吉雅 斯日古楞 图格 通拉嘎 巴德玛 莫日根 格根 呼格吉勒图 孟克 乌日图 赛音 宝力德 布仁 额尔和木 巴根
乌力更 图布信 阿荣 乌兰巴日 包勒尔 萨其拉 都仁 巴彦 额尔顿 格格 浩斯 吉日木图 苏布达 乌仁 其劳 宝力格
"""
WORDS = frozenset(_WORDS.split())
_LONGEST = max(map(len, WORDS))
_FIRST = frozenset(w[0] for w in WORDS)      # most positions open no name word: asked first


def readings(text: str, pos: int) -> list[str]:
    """The Mongolian names that may start at `pos` (wholly of name words, three to eight
    characters), longest first.

    >>> readings("旗长乌云其木格出席", 2), readings("乌云散去", 0), readings("旗长巴特尔主持", 2)
    (['乌云其木格'], [], ['巴特尔'])
    """
    if text[pos:pos + 1] not in _FIRST:
        return []
    ends: list[int] = []
    stack = [pos]
    while stack:
        at = stack.pop()
        for k in range(2, _LONGEST + 1):
            if text[at:at + k] in WORDS and at + k - pos <= 8:
                ends.append(at + k)
                stack.append(at + k)
    return [text[pos:e] for e in sorted(set(ends), reverse=True) if e - pos >= 3]
