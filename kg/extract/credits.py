"""Journalists' credits: bylines (（记者 甲 通讯员 乙）), photo credits (（甲摄）), captions' bylines
(■ 甲), footer and header credits (编辑：甲 责编：乙, 作者：丙, □晚报记者 丁) and a story's closing
credit ((甲 乙), …。(甲)). A correspondent credited by given name alone (通讯员永晟) is the one full
name of the page's credits that ends in it.
"""
from __future__ import annotations

import re

from kg.extract.base import mention, name_shaped, surname_len
from kg.segment import frequency, is_vocabulary
from kg.text import CREDIT_LABELS
from kg.types import Mention

# (平原融媒记者 甲), 融媒体记者：乙: a county media centre's reporters are journalists too
_MEDIA = r"(?:本报|本网|本台|特约|见习|实习|[\u4e00-\u9fff]{0,4}?融媒体?)"
_BYLINE = re.compile(rf"[（(]\s*({_MEDIA}?(?:记者|通讯员|实习生|摄影)[^（）()]{{1,60}})[）)]")
_CREDITS = "|".join(CREDIT_LABELS)
_BYLINE_ROLE = re.compile(rf"{_MEDIA}?(?:记者|通讯员|实习生|摄影|摄)|{_CREDITS}")
_CAPTION = re.compile(r"(?:■|本报记者)\s*((?:[\u4e00-\u9fff]{2,4}\s*){1,4})")
# footer credits: 编辑:甲  责编:乙 编审:丙 丁 | 一版责编：甲 乙 | 记者 甲 通讯员 乙 (a role word, then names spaced);
# the role may follow its outlet's name: □晚报记者 甲, 新华社记者 乙, 电视台记者 丙
_CREDIT = re.compile(rf"(?:(?<=[\s（(|:：。□■])|^|(?<=版)|(?<=[报社台网]))(?:{_CREDITS}|(?:融媒体?)?记者|通讯员|摄影|摄像|实习生|作者|转载)"
                     r"(?:[:：]\s*|\s+)((?:[\u4e00-\u9fff]{2,4}(?:\s+|$|(?=[)）\d])))+)")
# a photo's credit: （甲摄）, （甲 乙 摄）
_PHOTO = re.compile(r"[（(]((?:[\u4e00-\u9fff]{2,3}\s*){1,3}?)\s*摄[）)]")
# a story's closing credit: (甲 乙), or one name closing a paragraph: 。(甲)
_CLOSING = re.compile(r"[（(]((?:[\u4e00-\u9fff]{2,3}\s+)+[\u4e00-\u9fff]{2,3})[）)]"
                      r"|(?<=[。！？”])\s*[（(]([\u4e00-\u9fff]{2,3})[）)](?=\s*(?:$|\n|\|))")


def find(text: str, found: list[Mention]) -> list[Mention]:
    """Journalists named in a story's credits (spans in `found` are left alone; a name two credit
    patterns read is given twice, and the overlaps are resolved later).

    >>> sorted({m.text for m in find("本报讯（记者 朱海波 张颖 通讯员 潘玉亮）2月4日，…（刘通摄）", [])})
    ['刘通', '张颖', '朱海波', '潘玉亮']
    """
    taken = {(m.start, m.end) for m in found}
    out = []
    spans = [(m.start(1), m.end(1), True) for m in _BYLINE.finditer(text)]
    spans += [(m.start(1), m.end(1), False) for m in _CAPTION.finditer(text)]
    spans += [(m.start(1), m.end(1), False) for m in _PHOTO.finditer(text)]
    spans += [(m.start(1), m.end(1), False) for m in _CREDIT.finditer(text)]
    for m in _CLOSING.finditer(text):
        g = 1 if m.group(1) else 2
        if all(name_shaped(w) for w in m.group(g).split()) and (g == 1 or not is_vocabulary(m.group(g))
                                                                and not m.group(g).endswith("摄")):   # （刘通摄）
            spans.append((m.start(g), m.end(g), False))
    for s, e, byline in spans:
        for tok in re.finditer(r"[\u4e00-\u9fff]+", text[s:e]):
            word, at = tok.group(), s + tok.start()
            # 记者唐慧杰通讯员永晟: a run of roles and names, cut at each role word
            cuts = [0, *(x for r in _BYLINE_ROLE.finditer(word) for x in r.span()), len(word)] \
                if _BYLINE_ROLE.match(word) else [0, len(word)]
            for a, b in zip(cuts[::2], cuts[1::2]):
                name, offset = word[a:b], at + a
                if 2 <= len(name) <= 4 and (offset, offset + len(name)) not in taken and (
                        surname_len(name) or byline and _given_name_credit(name)):
                    out.append(mention(offset, offset + len(name), text, "person", name, role="journalist"))
    # a credit by given name (伟秋) is the one full name of the page's credits that ends in it (陈伟秋)
    by_given: dict[str, set[str]] = {}
    for m in out:
        if surname_len(m.key):
            by_given.setdefault(m.key[surname_len(m.key):], set()).add(m.key)
    return [m if surname_len(m.key) or len(by_given.get(m.key, ())) != 1 else
            mention(m.start, m.end, text, "person", next(iter(by_given[m.key])), role="journalist") for m in out]


def _given_name_credit(name: str) -> bool:
    """通讯员永晟、宏山: a correspondent credited by given name alone (no word of the language).

    >>> _given_name_credit("宏山"), _given_name_credit("报道"), _given_name_credit("综合")
    (True, False, False)
    """
    return len(name) <= 3 and frequency(name) == 0
