"""Deals between parties: partner_of (对口支援, 结对 …), cooperates_with (签约, 合作), guarantees (担保 with amount)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.relate.base import CLAUSE, Found, Scope, attrs
from kg.relate.cues import AMOUNT, COOPERATE, PARTNER
from kg.relate.places import _inside, _leaves
from kg.types import Mention, eid


def partners(sc, s, e, sent, ms) -> Iterator[Found]:
    if not PARTNER.search(sent):
        return
    places = [m for m in ms if m.type == "place"]
    pair = re.search(r"与|同|和", sent)
    before = _leaves([m for m in places if pair and m.end <= s + pair.start()]) if pair else []
    home = [m for m in places if m.attr("ref")]
    subject = eid(before[-1]) if before else eid(home[0]) if home else sc.home_id
    if subject is None:
        return
    others = [m for m in places if not m.attr("ref") and eid(m) != subject
              and not (before and m.end <= s + pair.start())]
    seen = set()
    for m in _leaves(others):
        if eid(m) in seen or _inside(m, subject):
            continue
        seen.add(eid(m))
        yield Found("partner_of", subject, eid(m), (), m.start, m.end, (s, e))


def cooperation(sc, s, e, sent, ms) -> Iterator[Found]:
    for m in re.finditer(r"与|同|和", sent):
        pos = s + m.end()
        partner = next((x for x in ms if x.start == pos and x.type in ("company", "organization")), None)
        if partner is None or not COOPERATE.search(sent, m.end(), min(len(sent), m.end() + 30)):
            continue
        subject = next((x for x in ms if x.type in ("company", "organization") and x.end <= s + m.start()), None)
        if subject and eid(subject) != eid(partner):
            yield Found("cooperates_with", eid(subject), eid(partner), (), subject.start, partner.end, (s, e))


def guarantees(sc, s, e, sent, ms) -> Iterator[Found]:
    if "担保" not in sent:
        return
    pos = s
    for b in [x.start() + s for x in CLAUSE.finditer(sent)] + [e]:
        clause = sc.text[pos:b]
        amount = AMOUNT.search(clause)
        if amount and "担保" in clause:
            guarantor = next((x for x in ms if x.type == "company" and x.start < b), None)
            target = _beneficiary(sc, pos, b, clause, guarantor)
            if guarantor and target and eid(target) != eid(guarantor):
                yield Found("guarantees", eid(guarantor), eid(target), attrs(amount=amount.group()),
                            guarantor.start, b, (s, e))
        pos = b + 1


def _beneficiary(sc: Scope, pos: int, b: int, clause: str, guarantor: Mention | None) -> Mention | None:
    inside = [x for x in sc.inside((pos, b), "company") if guarantor is None or eid(x) != eid(guarantor)]
    if inside:
        return inside[0]
    if re.search(r"给予其|为其|向其|为该公司|给该公司", clause):
        earlier = [x for x in sc.mentions if x.type == "company" and x.end <= pos
                   and (guarantor is None or eid(x) != eid(guarantor))]
        return earlier[-1] if earlier else None
    return None
