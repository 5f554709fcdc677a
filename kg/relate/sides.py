"""Who the sides of a signing are, where a sentence does not write them as 甲与乙: a 、-list of
pairs (甲市与乙市、丙市与丁县分别签订), 双方/两地 standing for the pair named earlier in the
story (甲县与乙集团举行座谈。会后，双方签署…), the sides 代表双方 signers stand for, and 该公司.
Read by deals.py (cooperates_with), partners.py (partner_of) and guarantees.py."""
from __future__ import annotations

import re

from kg.relate.base import CLAUSE, Scope
from kg.relate.cues import JOINT, JOINT_REACH, SIGN, SIGN_WITH, THAT_FIRM
from kg.types import Mention, eid


def paired_list(sc: Scope, lo: int, hi: int, parties: list[Mention]) -> list[tuple[Mention, Mention]]:
    """The pairs of a 、-list of pairs before a verb (甲市与乙市、丙市与丁县分别签订…): each item
    is one party (the last of its chain) 与 another; any other shape is no list of pairs.

    >>> from kg.types import Mention as M
    >>> t = "甲市与乙市、丙市与丁县分别签订"
    >>> ms = [M(0, 2, "甲市", "place", "甲市"), M(3, 5, "乙市", "place", "乙市"),
    ...       M(6, 8, "丙市", "place", "丙市"), M(9, 11, "丁县", "place", "丁县")]
    >>> [(a.text, b.text) for a, b in paired_list(Scope(t, 0, len(t), ms), 0, 11, ms)]
    [('甲市', '乙市'), ('丙市', '丁县')]
    """
    chains = chains_of([m for m in parties if lo <= m.start and m.end <= hi])
    out, i = [], 0
    while i + 1 < len(chains):
        a, b = chains[i], chains[i + 1]
        if not _PAIR_JOIN.fullmatch(sc.text, a[-1].end, b[0].start):
            return []
        out.append((a[-1], b[-1]))
        if i + 2 < len(chains) and sc.text[b[-1].end:chains[i + 2][0].start] != "、":
            return []
        i += 2
    return out if len(out) >= 2 and i == len(chains) else []


_PAIR_JOIN = re.compile(r"与|同")


def chains_of(ms: list[Mention]) -> list[list[Mention]]:
    """Mentions written one right after another (某市某区, 德国某市) as one chain each; a
    mention inside the one before it (某市 of 某市人民政府) is left out."""
    out: list[list[Mention]] = []
    for m in sorted(ms, key=lambda m: (m.start, -m.end)):
        if out and m.start < out[-1][-1].end:
            continue
        if out and m.start == out[-1][-1].end:
            out[-1].append(m)
        else:
            out.append([m])
    return out


def joint(sc: Scope, lo: int, hi: int, *, whole: bool = False) -> bool:
    """Does the clause from `lo` open with 双方/两地, its subject the pair named before
    (两地签订新一轮结对合作协议); with `whole`, is it nothing else up to the verb at `hi`
    (会上，双方正式签订了…)?"""
    m = JOINT.match(sc.text, lo, hi)
    return m is not None and (not whole or m.end() == hi)


def earlier_pair(sc: Scope, before: int, types: tuple[str, ...], *,
                 home: bool = False) -> tuple[Mention, Mention] | None:
    """The pair 双方 stands for: the nearest earlier sentence of the story (within a few) that
    names its parties as 甲与乙 (the party right before 与, the first right after); with `home`,
    one other place there than the home place pairs with the home (乙县代表团来我县考察。…两地签订).
    None when that sentence names no pair, or more than one."""
    sents = [(s, e) for s, e in sc.sents if e <= before][-JOINT_REACH:]
    for s, e in reversed(sents):
        ms = [m for m in sc.inside((s, e)) if m.type in types and (not m.attr("ref") or m.text[:1] in "我本")]
        chains = chains_of(ms)
        if not chains:
            continue
        leaves = [c[-1] for c in chains]
        for w in (w for p in SIGN_WITH for w in p.finditer(sc.text, s, e)):
            left = [c[-1] for c in chains if c[-1].end == w.start()]
            right = [c[-1] for c in chains if c[0].start == w.end()]
            if left and right and eid(left[0]) != eid(right[0]):
                return left[0], right[0]
        others = {eid(m): m for m in leaves if eid(m) != sc.home_id}
        if home and sc.home_id and len(others) == 1:
            m = next(iter(others.values()))
            return Mention(m.start, m.start, "", "place", sc.home_id.split("/", 1)[1]), m
        return None
    return None


def signed_before(sc: Scope, before: int, types: tuple[str, ...]) -> tuple[Mention, Mention] | None:
    """The pair of the story's signing named before `before` (甲市人民政府与乙集团战略合作签约仪式
    在某地举行): 甲 right before 与, 乙 right after it, a signing verb in 乙's clause."""
    for s, e in reversed([(s, e) for s, e in sc.sents if sc.start <= s and e <= before][-SIGNED_REACH:]):
        chains = chains_of([m for m in sc.inside((s, e)) if m.type in types
                            and (not m.attr("ref") or m.text[:1] in "我本")])
        for w in (w for p in SIGN_WITH for w in p.finditer(sc.text, s, e)):
            left = [c[-1] for c in chains if c[-1].end == w.start()]
            right = [c[-1] for c in chains if c[0].start == w.end()]
            if not (left and right) or eid(left[0]) == eid(right[0]):
                continue
            clause = CLAUSE.search(sc.text, right[0].end, e)
            if SIGN.search(sc.text, right[0].end, clause.start() if clause else e):
                return left[0], right[0]
    return None


SIGNED_REACH = 8      # sentences: a story's signing is named in its opening


def same_side(body: Mention, party: Mention) -> bool:
    """Does a signer's body stand for a party named before: itself, the government or party
    committee of a place named (某市人民政府 for 某市), or a company of the same group (华某电力
    控股有限公司 for 华某集团: the same first two characters)?"""
    if body.key == party.key:
        return True
    if party.type == "place":
        return body.type == "organization" and (body.key == f"{party.key}人民政府" or body.key == f"中共{party.key}委")
    return body.type == party.type == "company" and body.key[:2] == party.key[:2]


def that_firm(sc: Scope, lo: int, hi: int) -> list[Mention]:
    """该公司 (该集团, 该企业) in lo..hi as the company it stands for, where the story names one
    company before it and no other (沭阳某担保公司…。3月，该公司为乙公司提供担保); with two
    named, which one is meant is not read."""
    out = []
    for m in THAT_FIRM.finditer(sc.text, lo, hi):
        named = {x.key: x for x in sc.inside((sc.start, m.start()), "company")}
        if len(named) == 1:
            firm = next(iter(named.values()))
            out.append(Mention(m.start(), m.end(), m.group(), "company", firm.key))
    return out
