"""Where a personal name starts and ends: the readings the finders of kg/extract/people.py ask for
at a place a name may stand (after a title, an item of a list, before a post).

A name opens with a surname (kg/extract/base.py's tables) or is a Tibetan name
(kg/extract/tibetan.py); it ends where the text lets it (a verb that follows names, punctuation),
and a common word (强调 after 书记, 保障 after 强) is none.
"""
from __future__ import annotations

from kg.extract import mongolian, tibetan, yi
from kg.extract.base import division_named, follow_length, follows_name, name_shaped, surname_len
from kg.extract.posts import POSTS
from kg.segment import frequency, is_vocabulary, tag


def name_at(text: str, pos: int, tagged_names: dict[int, int] | None = None) -> str | None:
    """The personal name that starts at `pos`, if the text after it lets a name end there
    (or, failing that, where the learned tagger ends a name that starts there)."""
    name = _name_reading(text, pos, tagged_names)
    if name and _post_or_level(name[surname_len(name):]):
        return None
    if name and name[0] in "和与" and surname_len(name[1:3]):
        return None                   # 陈书记和|陈部长: 和 joins two people, it names none
    return name


def _name_reading(text: str, pos: int, tagged_names: dict[int, int] | None = None) -> str | None:
    sn = surname_len(text[pos:pos + 2])
    mongol = next((r for r in mongolian.readings(text, pos) if follows_name(text, pos + len(r))
                   and not division_named(r)), None)
    if mongol is not None:      # 旗长乌云其木格: a Mongolian name, whose first character a surname may be
        return mongol
    clan = yi.reading(text, pos)
    if clan is not None and follows_name(text, pos + len(clan)) and not division_named(clan) \
            and not is_vocabulary(clan[2:]):        # (吉克|出席: a verb is no given name)
        return clan             # 主任吉克曲比: a Yi clan and given name
    if not sn:           # 县长才让东智出席: a Tibetan name, no surname
        return next((r for r in tibetan.readings(text, pos) if follows_name(text, pos + len(r))), None)
    if text[pos + sn + 1:pos + sn + 2] == "和" and text[pos + sn + 2:pos + sn + 3] in ("，", ",", "、", "；", ";", "。") \
            and name_shaped(text[pos:pos + sn + 1]):
        return text[pos:pos + sn + 2]     # 副主任陈斌、蓝进和，党组成员…: 和 joins nothing there
    valid = [k for k in (sn + 1, sn + 2) if pos + k <= len(text) and name_shaped(text[pos:pos + k])
             and follows_name(text, pos + k) and text[pos + k - 1] not in "地得的"   # 总书记高兴地说
             and not is_vocabulary(text[pos:pos + k]) and not division_named(text[pos:pos + k])]
    shorter = sn + 1
    if sn + 2 in valid and _word_after_name(text, pos + shorter) and name_shaped(text[pos:pos + shorter]) \
            and not is_vocabulary(text[pos:pos + shorter]):
        valid = [shorter]        # 尹浩|说。 常途|看来: the third character starts the words after
    if not valid:
        end = (tagged_names or {}).get(pos)
        if end and name_shaped(text[pos:end]) and not is_vocabulary(text[pos:end]):
            return text[pos:end]
        return _segmented_name(text, pos, sn)
    if len(valid) == 2:     # 罗成陪同: the reading followed by the longer verb wins (陪同 over 同)
        a, b = (follow_length(text, pos + k) for k in valid)
        if a > b or (a == b and text[pos + valid[1] - 1] in "在和与及等的是也还则为对向就说到来率同一作"):
            return text[pos:pos + valid[0]]
        return text[pos:pos + valid[1]]
    return text[pos:pos + valid[0]]


def _post_or_level(given: str) -> bool:
    """由|团长担任, 主席和|市有关部门: a given name that is a post or a bare level character."""
    return given in POSTS or given in ("市", "县", "区", "省")


_NOT_LAST = set("说等的地得在与及是也还就")


def _word_after_name(text: str, end: int) -> bool:
    """Does the character at `end` (after a two-character name) open what follows the name
    rather than end a three-character one: a particle or verb (说, 的, 在), or a word with the
    next character (看来) where the longer reading would leave no word of its own after it?

    >>> _word_after_name("尹浩说。", 2), _word_after_name("常途看来，", 2), _word_after_name("张百顺主持", 2)
    (True, True, False)
    >>> _word_after_name("刘国强调研", 2)
    False
    """
    return text[end:end + 1] in _NOT_LAST or (frequency(text[end:end + 2]) > 2000
                                              and follow_length(text, end + 1) < 2)


def unmarked_name_at(text: str, pos: int, tagged_names: dict[int, int]) -> str | None:
    """A name without a Han surname after a title that kg/extract/tibetan.py does not read (a
    Tibetan name's rarer words): only the tagger can say."""
    end = tagged_names.get(pos)
    if end and 2 <= end - pos <= 6 and follows_name(text, end) and not common_word(text[pos:end]):
        return text[pos:end]
    return None


def _segmented_name(text: str, pos: int, sn: int) -> str | None:
    """No verb we know follows: let jieba's words of the window say where the name ends."""
    from kg.segment import words

    toks = words(text[pos:pos + 8])
    if not toks:
        return None
    cand = toks[0]
    if len(cand) == sn and len(toks) > 1 and len(toks[1]) <= 2:
        cand += toks[1]
    known_word = frequency(cand) > 0 and not tag(cand).startswith("nr")
    if not name_shaped(cand) or known_word or common_word(cand) or cand[-1] in "要会将都也还就才又再把被让使":
        return None
    return cand


def common_word(tok: str) -> bool:
    """A word that is more likely vocabulary than a name (保障 in 强保障, 全国)."""
    if is_vocabulary(tok):
        return True
    given = tok[surname_len(tok):]
    return len(given) == 2 and (tag(given)[:1] in ("v", "a", "d", "c", "p", "u") or frequency(given) >= 5000)
