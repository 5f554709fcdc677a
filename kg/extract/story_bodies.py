"""Bodies a bare title takes from its story, the one of its kind named last within a few
sentences: 镇党委书记甲 or 镇长乙 in a story of 某某镇 (the town's committee, its government),
集团董事长丙 after 某某集团有限公司 (the company), 院长丁 in a story of 某县人民法院 (the court).
`posts.one_title` asks them when the title writes no body of its own.
"""
from __future__ import annotations

import re

from kg.extract.companies import BARE_FIRMS, BARE_REACH
from kg.types import Mention

# a party branch of a unit that is no body we know (a town, a street, a village, a zone): its committee
PARTY_BRANCHES = {"党委": "委员会", "党工委": "工作委员会", "党支部": "支部委员会", "党总支": "总支部委员会"}


def the_town(text: str, start: int, place_by_end: dict[int, Mention], *, head: bool = False) -> tuple[int, str] | None:
    """镇党委书记甲 in a story of 某某镇: a bare 镇 or 乡 (at a clause's start) before its party
    committee's post is the town the story named last, within a few sentences: (where the title
    starts, the committee's name); with `head`, a bare 镇长 or 副乡长 at `start`: (start, the town)."""
    word = None if head else next((w for w in PARTY_BRANCHES if text.startswith(w, start)), None)
    lead = start if head else start - 1                 # where the bare title begins
    at = lead + 1 if head and text.startswith("副", lead) else lead       # its 镇 or 乡
    level = text[at:at + 1] if lead >= 0 and (head or word) else ""
    if level not in ("镇", "乡") or lead and text[lead - 1] not in "，、。；：（ \n,;:":
        return None
    for end in range(at, max(0, at - BARE_REACH), -1):
        m = place_by_end.get(end)
        if m is not None and m.attr("level") == "township" and m.key.endswith(level):
            return (start, m.key) if head else (at, f"中共{m.key}{PARTY_BRANCHES[word]}")
    return None


_BARE_FIRM = re.compile(f"(?:{'|'.join(BARE_FIRMS)})$")


def the_firm(text: str, start: int, org_by_end: dict[int, Mention]) -> tuple[int, Mention] | None:
    """集团党委书记、董事长甲 after the story has named 某某集团有限公司: a bare 集团/公司 (at a
    clause's start) before a post is the company named last, within a few sentences.

    >>> from kg.extract.base import mention
    >>> t = "山东远大集团有限公司举行年会。集团董事长甲出席。"
    >>> firm = mention(0, 10, t, "company")
    >>> the_firm(t, 17, {10: firm})[1].key
    '山东远大集团有限公司'
    """
    bare = _BARE_FIRM.search(text, max(0, start - max(map(len, BARE_FIRMS))), start)
    if bare is None or bare.start() and text[bare.start() - 1] not in "，、。；：（ \n,;:与和及同由向":
        return None
    for end in range(bare.start(), max(0, bare.start() - BARE_REACH), -1):
        m = org_by_end.get(end)
        if m is not None and m.type == "company":
            return bare.start(), m
    return None


# a bare head's post and the kinds of body it heads
_HEADS_OF = {"院长": ("法院", "医院", "学院", "研究院", "设计院"), "检察长": ("检察院",), "庭长": ("法院",),
             "局长": ("局",), "校长": ("学校", "中学", "小学", "大学", "学院"), "馆长": ("馆",)}


_THAT_BODY = ("该院", "该局", "该校", "该馆", "本院", "本局", "本校")


def the_body(text: str, start: int, post: str, org_by_end: dict[int, Mention]) -> Mention | None:
    """院长甲, 副局长乙 at a clause's start in a story of 某县人民法院 or 某县公安局: the body of
    that kind the story named last, within a few sentences (a hospital's 院长 is its own)."""
    kinds = _HEADS_OF.get(post)
    if kinds is not None and text[start - 2:start] in _THAT_BODY:
        start -= 2                  # 该院副院长甲: the body the story named, pointed at
    if kinds is None or start and text[start - 1] not in "，、。；：（ \n":
        return None
    for end in range(start, max(0, start - BARE_REACH), -1):
        m = org_by_end.get(end)
        if m is not None and m.type == "organization" and m.key.endswith(kinds):
            return m
    return None
