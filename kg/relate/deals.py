"""cooperates_with between parties (签约, 合作伙伴, 开展合作); partner_of between places is
partners.py, guarantees guarantees.py, and the sides of a signing written other than 甲与乙 sides.py."""
from __future__ import annotations

from collections.abc import Iterator

from kg.relate.base import CLAUSE, Found, Scope
from kg.relate.cues import (
    JOINT,
    ONGOING,
    PARTNER,
    PARTNER_NOUN,
    PARTNER_VERB,
    SIGN,
    SIGN_FOR,
    SIGN_FUTURE,
    SIGN_LIST,
    SIGN_NOT,
    SIGN_PLANNED,
    SIGN_SIDES,
    SIGN_TOPIC,
    SIGN_WITH,
    UNSEEN_BODY,
    WISHED,
)
from kg.relate.sides import earlier_pair, joint, paired_list, same_side, signed_before, that_firm
from kg.types import Mention, eid


def cooperation(sc, s, e, sent, ms) -> Iterator[Found]:
    """cooperates_with from a signing (GUIDELINES facts 5): the parties named on each side of
    与 before the verb (县政府与某某集团签订战略合作框架协议; 副县长甲代表县政府与乙公司签署协议,
    the party 甲 signs for; 某支行分别与A公司、B公司签订), or every pair of the parties listed
    before 代表三方签署. An intention (签订合作意向书) or a future signing (将与…签约) is none."""
    if not (SIGN.search(sent) or ONGOING.search(sent) or "合作伙伴" in sent):
        return
    # 我县与某集团签约: the home place signs (GUIDELINES: a place may be a party); 全市 never does
    parties = [m for m in ms if m.type in _PARTY_TYPES and (not m.attr("ref") or m.text[:1] in "我本")]
    parties = sorted(parties + that_firm(sc, s, e), key=lambda m: (m.start, -m.end))
    if not parties and not JOINT.search(sent):
        return
    titles = [m for m in ms if m.type == "title"]
    parties = [m for m in parties if not any(_within(m, o) for o in parties + titles if o is not m)]
    seen: set[tuple[str, str]] = set()
    yield from _ongoing(sc, s, e, sent, parties, seen)
    yield from _partner_of_whom(sc, s, e, sent, parties, seen)
    for cue in SIGN.finditer(sent):
        verb = s + cue.start()
        if SIGN_NOT.search(sent, cue.end(), cue.end() + 12) or SIGN_TOPIC.match(sent, cue.end()):
            continue
        lo = max([s] + [s + c.end() for c in CLAUSE.finditer(sent, 0, cue.start())])
        if SIGN_SIDES.search(sc.text, lo, verb):
            lo = s                # 甲市副市长乙，丙市常务副市长丁代表双方政府签署: the signers are listed over clauses
        seg = sc.text[lo:verb]
        if SIGN_FUTURE.search(seg) or SIGN_PLANNED.search(_between_names(seg, lo, parties + titles)):
            continue
        end = CLAUSE.search(sent, cue.end())
        # 签订结对帮扶协议, 举行山海协作产业园共建签约仪式 between places: partner_of says it
        pact = PARTNER.search(sc.text, lo, s + (end.start() if end else len(sent)))
        named = signed_before(sc, s, _PARTY_TYPES) if SIGN_SIDES.search(seg) else None
        pairs = paired_list(sc, lo, verb, parties) or _signing_pairs(seg, lo, parties, titles, named)
        if not pairs and joint(sc, lo, verb, whole=True):
            pair = earlier_pair(sc, s, _PARTY_TYPES)     # 会后，双方签署了…: the pair named before
            pairs = [pair] if pair else []
        for a, b in pairs:
            key = tuple(sorted((eid(a), eid(b))))
            if pact and a.type == b.type == "place" or _unseen_body(sc, a, verb) or _unseen_body(sc, b, verb):
                continue
            if key[0] != key[1] and key not in seen:
                seen.add(key)
                yield Found("cooperates_with", eid(a), eid(b), (), max(lo, min(a.start, b.start)),
                            verb + len(cue.group()), (s, e))


_PARTY_TYPES = ("company", "organization", "place")


def _unseen_body(sc: Scope, m: Mention, verb: int) -> bool:
    """台湾|某某公会: a place that opens the name of a body no recogniser found (the body signs)."""
    if m.type != "place":
        return False
    body = UNSEEN_BODY.match(sc.text, m.end, verb)
    return body is not None and not any(o.start < body.end() and m.end < o.end for o in sc.inside((m.end, verb)))


def _ongoing(sc, s, e, sent, parties, seen) -> Iterator[Found]:
    """某担保公司…，与省担保集团开展业务合作: a partnership in being (not 将与…加强合作)."""
    for w in SIGN_WITH[0].finditer(sent):
        at = s + w.start()
        partner = next((m for m in parties if m.start == at + 1), None)
        if partner is None or not ONGOING.match(sc.text, partner.end) or SIGN_FUTURE.search(sent, 0, w.end()) \
                or WISHED.search(sent, 0, w.start()):
            continue
        subject = next((m for m in reversed(parties) if m.end <= at and m.type != "place"), None)
        if subject is not None and eid(subject) != eid(partner):
            seen.add(tuple(sorted((eid(subject), eid(partner)))))
            yield Found("cooperates_with", eid(subject), eid(partner), (), subject.start, partner.end, (s, e))


def _partner_of_whom(sc, s, e, sent, parties, seen) -> Iterator[Found]:
    """甲公司是(成为)乙集团的战略合作伙伴: a partnership in being or entered, 甲 right before the
    verb, 乙 right after it (not 希望成为…, 将成为…)."""
    for p in parties:
        verb = PARTNER_VERB.match(sc.text, p.end, e)
        other = next((m for m in parties if verb and m.start == verb.end()), None)
        if other is None or not PARTNER_NOUN.match(sc.text, other.end, e) or eid(other) == eid(p) \
                or WISHED.search(sc.text, max(s, p.start - 6), p.start):
            continue
        key = tuple(sorted((eid(p), eid(other))))
        if key not in seen:
            seen.add(key)
            yield Found("cooperates_with", eid(p), eid(other), (), p.start, other.end, (s, e))


def _between_names(seg: str, lo: int, names: list[Mention]) -> str:
    """`seg` with the names in it blanked out, so that a cue word is never read inside a name
    (将军路, 希望小学)."""
    out = list(seg)
    for m in names:
        for i in range(max(m.start, lo), min(m.end, lo + len(seg))):
            out[i - lo] = "＿"
    return "".join(out)


def _within(m: Mention, o: Mention) -> bool:
    return o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)


def _listed_from(pos: int, cands: list[Mention], seg: str, lo: int) -> list[Mention]:
    """The parties named from `pos` on: the first right there, each next one after 、/和/及
    (与某公司、某集团签约), a title and a name between allowed (与某集团副总裁甲签署)."""
    out: list[Mention] = []
    for m in cands:
        gap = seg[pos - lo:m.start - lo]
        if out and not gap and out[-1].type == "place":
            out[-1] = m                     # 某州|某市, 中国|某建: the place qualifies what follows
            pos = m.end
        elif m.start == pos or (out and SIGN_LIST.fullmatch(gap)):
            out.append(m)
            pos = m.end
        elif out:
            break
    return out


def _signing_pairs(seg: str, lo: int, parties: list[Mention], titles: list[Mention],
                   named: tuple[Mention, Mention] | None = None) -> list[tuple[Mention, Mention]]:
    """The pairs that sign in the clause `seg` (starting at `lo`) before the verb; `named`, the
    pair of the story's signing named before, the sides that 代表双方 signers stand for."""
    inside = [m for m in parties if lo <= m.start and m.end <= lo + len(seg)]
    sides = SIGN_SIDES.search(seg)
    if sides:                               # 副县长甲、某院总会计师乙、某集团董事长丙代表三方: the signers' bodies
        governments = seg.startswith("政府", sides.end())       # 代表双方政府: each side's government only
        listed = {eid(m): m for m in inside if m.end <= lo + sides.start()
                  and (not governments or m.key.endswith("人民政府"))}
        for t in _signers_titles(seg, lo, lo + sides.start(), titles):
            body = t.attr("org")
            if governments and not body.endswith("人民政府"):
                continue
            if not any(k.endswith("/" + body) for k in listed):
                kind = "company" if t.attr("company") else "organization"
                listed[f"{kind}/{body}"] = Mention(t.start, t.end, t.text, kind, body)
        ordered = sorted(listed.values(), key=lambda m: m.start)
        if len(ordered) > SIDES.get(sides.group()[-2:], len(ordered)):
            return []               # 县委书记甲、县长乙与丙代表双方: more bodies than sides, which is whose?
        if named and len(ordered) == 2 and sides.group().endswith("双方") and not governments \
                and all(any(same_side(m, p) for m in ordered) for p in named) \
                and all(any(same_side(m, p) for p in named) for m in ordered):
            return [named]          # 甲市与乙集团签约仪式…副市长丙与乙集团子公司经理丁代表双方签约: the sides named
        return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:]]
    for w in (w for pattern in SIGN_WITH for w in pattern.finditer(seg)):
        at = lo + w.start()
        left = [m for m in inside if m.end <= at]
        right = _listed_from(at + 1, [m for m in inside if m.start >= at + 1], seg, lo)
        proxy = seg.rfind(SIGN_FOR, 0, w.start())
        if proxy >= 0:                      # 甲代表县政府与…: the party after 代表
            left = [m for m in left if m.start >= lo + proxy + len(SIGN_FOR)][:1]
        if left and right:
            return [(left[-1], r) for r in right]
    return []


SIDES = {"双方": 2, "三方": 3, "四方": 4}


def _signers_titles(seg: str, lo: int, hi: int, titles: list[Mention]) -> list[Mention]:
    """The title nearest each signer's name: 市委副书记、市长甲 signs for the city government
    (市长), not for the party committee too; a title that names no body is left out."""
    out = []
    for i, t in enumerate(titles):
        nxt = titles[i + 1] if i + 1 < len(titles) else None
        chained = nxt is not None and nxt.start <= t.end + 1 and seg[t.end - lo:nxt.start - lo] in ("", "、")
        if lo <= t.start and t.end <= hi and t.attr("org") and not chained:
            out.append(t)
    return out
