"""Tibetan names as Chinese pages write them (才让东智, 多杰才让, 拉毛措, 索南加).

No surname opens them, so the surname-led readings of kg/extract/people.py miss them. They are
made of a small set of Tibetan words, each written with the same two characters wherever it
appears (扎西 bkra shis, 多杰 rdo rje, 才让 tshe ring …), often closed by a one-character word
(措 mtsho, 吉 skyid, 加 rgyal …). A name is read only where the page leaves a slot for one (after
a title, in 任命…为, in a list of names) and only when it is made wholly of these words, at
least three characters long: 扎西 alone or 尼玛县 is no name.
"""
from __future__ import annotations

# Two-character words of Tibetan names (the usual Chinese spellings of the commonest name words).
_WORDS = """
扎西 多杰 多吉 才让 才仁 次仁 泽仁 则让 卓玛 尼玛 格桑 洛桑 旦增 丹增 仁增 平措 达瓦 达娃 索朗 索南 斯朗 四郎
顿珠 欧珠 伦珠 桑珠 邓珠 益西 益希 白玛 普布 边巴 米玛 巴桑 拉巴 罗布 贡布 贡嘎 嘉措 加措 江措 尖措 降措 才旦
次旦 华旦 多旦 拉旦 旦正 完玛 万玛 公保 更登 根登 更藏 尕藏 久美 吉美 晋美 仁青 东智 冷智 三智 南杰 朗杰 桑杰
拉毛 拉姆 措姆 旺姆 央金 央宗 德吉 次吉 才吉 娘吉 曲珍 拉珍 次珍 尼珍 卓嘎 旺堆 泽旺 强巴 向巴 群培 阿旺 昂旺
土登 丹巴 金巴 扎巴 才加 本加 拉加 周加 索加 当周 贡却 官却 曲扎 琼达 德庆 洛松 罗松 赤列 赤烈 坚参 坚赞 江村
格勒 格列 桑吉 桑布 松吉 拥忠 罗追 拉西 昂秀 完德 降央 卓么 彭措 嘎玛 占堆 多布 仁措 巴珠
"""
SYLLABLES = frozenset(_WORDS.split())
# One-character words that close a name (拉毛|措, 索南|加, 才让|太).
ENDINGS = frozenset("措吉加太本杰草毛姆珍嘎卓")


def tibetan_name(s: str) -> bool:
    """A name made wholly of Tibetan name words, three to seven characters.

    >>> tibetan_name("才让东智"), tibetan_name("拉毛措"), tibetan_name("扎西"), tibetan_name("扎西县")
    (True, True, False, False)
    """
    if not 3 <= len(s) <= 7:
        return False
    at = 0
    while s[at:at + 2] in SYLLABLES:
        at += 2
    return at > 0 and (at == len(s) or at == len(s) - 1 and s[-1] in ENDINGS)


def readings(text: str, pos: int) -> list[str]:
    """The Tibetan names that may start at `pos`, longest first.

    >>> readings("县长才让东智出席", 2)
    ['才让东智']
    """
    ends, at = [], pos
    while text[at:at + 2] in SYLLABLES and at - pos < 6:
        at += 2
        ends += [at + 1, at] if text[at:at + 1] in ENDINGS else [at]
    return [text[pos:e] for e in sorted(ends, reverse=True) if tibetan_name(text[pos:e])]
