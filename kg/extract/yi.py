"""Yi names as the pages of Liangshan and Chuxiong write them (吉克曲比, 俄木拉哈, 勒格伍且).

A Yi name is a clan name of two characters and a given name of two (吉克 + 曲比). Where the
clan's first character is also a Han surname (吉, 沙, 海), the surname reading stops after two
characters (吉克). The clans are the table below; a name is read as clan + two characters only
where a name's slot is (names.py asks after a title, in a list, in 任命…为) and the text lets a
name end there.
"""
from __future__ import annotations

# Clan names that open Yi names (the usual Chinese spellings), none a Han given name's opening.
_CLANS = """
吉克 阿西 阿苏 阿的 阿尔 阿克 阿加 阿约 俄木 俄底 勒格 曲比 吉伍 海来 木乃 瓦扎 日火 吉木 吉地 比子 尔古 沙马
的日 阿说 加拉 马黑 吉尔 阿合 苏呷 俄洛 吉吉 吉觉 瓦其 乃古 阿牛 什木 吉史 阿卓
"""
CLANS = frozenset(_CLANS.split())


def reading(text: str, pos: int) -> str | None:
    """The Yi name of a clan and a two-character given name that may start at `pos`.

    >>> reading("县人大常委会主任吉克曲比、副县长", 8), reading("吉克。", 0)
    ('吉克曲比', None)
    """
    if text[pos:pos + 2] not in CLANS:
        return None
    given = text[pos + 2:pos + 4]
    return text[pos:pos + 4] if len(given) == 2 and all("\u4e00" <= c <= "\u9fff" for c in given) else None
