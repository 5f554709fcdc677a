"""guarantees (GUIDELINES facts 8): a guarantor company → the company it guarantees, with the
amount. Pages of local finance news (政府性融资担保, 银担合作): 甲担保公司为乙公司提供2000万元
融资担保, 甲公司为位于某区的乙公司3000万元贷款提供担保, 甲公司…，给予其500万元贷款担保支持.
The guarantor is the party right before 为; a future (将为), a wish or a party after 为 that is
not the one guaranteed (为乙银行推荐的小微企业提供担保) gives none."""
from __future__ import annotations

from collections.abc import Iterator

from kg.relate.base import CLAUSE, Found, Scope, attrs
from kg.relate.cues import AMOUNT, GUARANTEE_FOR, GUARANTEE_OF_IT, GUARANTEED, GUARANTOR_GAP
from kg.relate.sides import that_firm
from kg.types import Mention, eid


def guarantees(sc, s, e, sent, ms) -> Iterator[Found]:
    if "担保" not in sent:
        return
    firms = sorted([m for m in ms if m.type == "company"] + that_firm(sc, s, e), key=lambda m: (m.start, -m.end))
    pos = s
    for b in [x.start() + s for x in CLAUSE.finditer(sent)] + [e]:
        if "担保" in sc.text[pos:b]:
            yield from _for_whom(sc, pos, b, firms, (s, e)) or _for_it(sc, pos, b, firms, (s, e))
        pos = b + 1


def _for_whom(sc: Scope, lo: int, hi: int, firms: list[Mention], sent: tuple[int, int]) -> list[Found]:
    """甲公司为乙公司提供…担保 in the clause lo..hi: the company right before 为, the one after it."""
    out = []
    for k in (i for i in range(lo, hi) if sc.text[i] == "为"):
        g = next((m for m in reversed(firms) if lo <= m.start and m.end <= k
                  and GUARANTOR_GAP.fullmatch(sc.text, m.end, k)), None)
        if g is None:
            continue
        at = GUARANTEED.match(sc.text, k + 1).end()
        t = next((m for m in firms if m.start == at), None)
        after = t.end if t else None
        it = GUARANTEE_OF_IT.match(sc.text, k)                  # 为其, 为该公司: the one named before
        if t is None and it is not None:
            t, after = _named_before(sc, lo, g), it.end()
        if t is None or eid(g) == eid(t):
            continue
        tail = GUARANTEE_FOR.match(sc.text, after, hi)
        if tail is None:
            continue
        amount = AMOUNT.search(sc.text, k, tail.end())
        out.append(Found("guarantees", eid(g), eid(t), attrs(amount=amount.group() if amount else None),
                         g.start, tail.end(), sent))
    return out


def _for_it(sc: Scope, lo: int, hi: int, firms: list[Mention], sent: tuple[int, int]) -> list[Found]:
    """…，给予其2500万元流动资金贷款担保支持: a clause with no company of its own, whose subject is
    the sentence's first company, for the company named before it."""
    clause = sc.text[lo:hi]
    amount = AMOUNT.search(clause)
    if not amount or not GUARANTEE_OF_IT.search(clause) or any(lo <= m.start < hi for m in firms):
        return []
    g = next((m for m in firms if m.end <= lo), None)
    t = _named_before(sc, sent[0], g)
    if g is None or t is None:
        return []
    return [Found("guarantees", eid(g), eid(t), attrs(amount=amount.group()), g.start, hi, sent)]


def _named_before(sc: Scope, pos: int, guarantor: Mention | None) -> Mention | None:
    """The company 其/该公司 stands for: the last one named before `pos` that is not the guarantor."""
    earlier = [x for x in sc.mentions if x.type == "company" and x.end <= pos
               and (guarantor is None or eid(x) != eid(guarantor))]
    return earlier[-1] if earlier else None
