"""People and their posts: names after titles and title chains, name lists, bylines,
national leaders, and the learned tagger where the rules have nothing to say.

A person mention's attrs carry `role` and `titles` ((title, organisation key), …); each
title is also a mention of type "title", so a post can be scored span by span.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from kg.extract import appointments
from kg.extract.base import (
    Context,
    follow_length,
    follows_name,
    mention,
    name_shaped,
    place_shaped,
    place_words,
    sector_compound,
    surname_len,
)
from kg.extract.posts import (
    BUSINESS,
    POST_RE,
    SENTENCE_END,
    continue_listing,
    one_title,
    title_chain,
    visiting_delegation,
)
from kg.segment import frequency, tag
from kg.text import CREDIT_LABELS
from kg.types import Mention

_BYLINE = re.compile(r"[（(]\s*((?:本报|特约|见习|实习)?(?:记者|通讯员|实习生|摄影)[^（）()]{1,60})[）)]")
_CREDITS = "|".join(CREDIT_LABELS)
_BYLINE_ROLE = re.compile(rf"(?:本报|特约|见习|实习)?(?:记者|通讯员|实习生|摄影|摄)|{_CREDITS}")
_CAPTION = re.compile(r"(?:■|本报记者)\s*((?:[\u4e00-\u9fff]{2,4}\s*){1,4})")
# footer credits: 编辑:甲  责编:乙 编审:丙 丁 | 一版责编：甲 乙 | 记者 甲 通讯员 乙 (a role word, then names spaced)
_CREDIT = re.compile(rf"(?:(?<=[\s（(|:：。])|^|(?<=版))(?:{_CREDITS}|记者|通讯员|摄影|摄像|实习生)"
                     r"(?:[:：]\s*|\s+)((?:[\u4e00-\u9fff]{2,4}(?:\s+|$|(?=[)）\d])))+)")
# a photo's credit: （甲摄）, （甲 乙 摄）
_PHOTO = re.compile(r"[（(]((?:[\u4e00-\u9fff]{2,3}\s*){1,3}?)\s*摄[）)]")
# a story's closing credit: (甲 乙)
_CLOSING = re.compile(r"[（(]((?:[\u4e00-\u9fff]{2,3}\s+)+[\u4e00-\u9fff]{2,3})[）)]")
_LIST = re.compile(r"(?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,8}")


@lru_cache(maxsize=1)
def leaders() -> dict[str, tuple[str, str]]:
    """name -> (title, organisation) from the shipped leaders list."""
    out = {}
    raw = resources.files("kg.resources").joinpath("leaders.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            name, title, org = (line.split("\t") + ["", ""])[:3]
            out[name] = (title, org)
    return out


def find(text: str, ctx: Context, found: list[Mention], *,
         tagged: list[tuple[int, int, str, float]] = ()) -> list[Mention]:
    """Person and title mentions, sorted.

    >>> from kg.divisions import find_home
    >>> ctx = Context(home=find_home("聊城市"))
    >>> from kg.extract import organizations
    >>> text = "市委副书记、市长张百顺主持。"
    >>> ms = find(text, ctx, organizations.find(text, ctx, []))
    >>> [(m.text, m.type) for m in ms]
    [('市委副书记', 'title'), ('市长', 'title'), ('张百顺', 'person')]
    >>> ms[-1].attr("titles")
    (('市委副书记', '中共聊城市委'), ('市长', '聊城市人民政府'))
    """
    orgs = [m for m in found if m.type in ("organization", "company")]
    tagged_names = {s: e for s, e, t, _ in tagged if t == "person"}
    out = _titled(text, ctx, orgs, tagged_names, found)
    org_by_end = {o.end: o for o in orgs}
    out += appointments.find(text, post_re=POST_RE, taken={(m.start, m.end) for m in out},
                             title_at=lambda s, e: one_title(text, s, e, ctx, org_by_end))
    out += _bylines(text, out)
    out += _lists(text, out, tagged_names, place_words(found))
    out += _names_before_posts(text, out)
    out += _leaders(text, out)
    return sorted(out, key=lambda m: (m.start, -m.end, m.type))


def _name_at(text: str, pos: int, tagged_names: dict[int, int] | None = None) -> str | None:
    """The personal name that starts at `pos`, if the text after it lets a name end there
    (or, failing that, where the learned tagger ends a name that starts there)."""
    sn = surname_len(text[pos:pos + 2])
    if not sn:
        return None
    valid = [k for k in (sn + 1, sn + 2) if pos + k <= len(text) and name_shaped(text[pos:pos + k])
             and follows_name(text, pos + k) and text[pos + k - 1] not in "地得的"   # 总书记高兴地说
             and not _is_vocabulary(text[pos:pos + k])]
    shorter = sn + 1
    if sn + 2 in valid and _word_after_name(text, pos + shorter) and name_shaped(text[pos:pos + shorter]) \
            and not _is_vocabulary(text[pos:pos + shorter]):
        valid = [shorter]        # 尹浩|说。 常途|看来: the third character starts the words after
    if not valid:
        end = (tagged_names or {}).get(pos)
        if end and name_shaped(text[pos:end]) and not _is_vocabulary(text[pos:end]):
            return text[pos:end]
        return _segmented_name(text, pos, sn)
    if len(valid) == 2:     # 罗成陪同: the reading followed by the longer verb wins (陪同 over 同)
        a, b = (follow_length(text, pos + k) for k in valid)
        if a > b or (a == b and text[pos + valid[1] - 1] in "在和与及等的是也还则为对向就说到来率同一作"):
            return text[pos:pos + valid[0]]
        return text[pos:pos + valid[1]]
    return text[pos:pos + valid[0]]


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


def _unmarked_name_at(text: str, pos: int, tagged_names: dict[int, int]) -> str | None:
    """A name without a Han surname (泽仁多吉, 才让东智) after a title: only the tagger can say."""
    end = tagged_names.get(pos)
    if end and 2 <= end - pos <= 6 and follows_name(text, end) and not _is_common_word(text[pos:end]):
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
    if not name_shaped(cand) or known_word or _is_common_word(cand) or cand[-1] in "要会将都也还就才又再把被让使":
        return None
    return cand


def _titled(text: str, ctx: Context, orgs: list[Mention], tagged_names: dict[int, int],
            places: list[Mention]) -> list[Mention]:
    place_by_end = {p.end: p for p in places if p.type == "place" and not p.attr("ref")}
    org_by_end = {}
    for o in orgs:
        org_by_end.setdefault(o.end, o)
    out = []
    previous: tuple[int, list[Mention]] = (-99, [])     # where the last titled list ended, its titles
    place_at = {p.start: p for p in places if p.type == "place"}
    for m in POST_RE.finditer(text):
        name = _name_at(text, m.end(), tagged_names) or _unmarked_name_at(text, m.end(), tagged_names)
        if not name:
            continue
        chain = title_chain(text, m.start(), m.end(), ctx, org_by_end, place_by_end)
        if not chain:
            continue
        chain = visiting_delegation(text, chain, previous, place_at, ctx)
        between = text[previous[0]:chain[0].start]
        if 0 < len(between) <= 30 and between[-1] in "，、" and not SENTENCE_END.search(between):
            chain = continue_listing(text, chain, previous[1])
        titles = tuple((t.text, t.attr("org")) for t in chain if t.type == "title")
        role = "business" if any(t.attr("company") for t in chain) or m.group() in BUSINESS else "official"
        out += chain
        pos = m.end()
        while name:           # 市政协副主席司马红、钱国良、俞佳妮: the title covers the whole list
            out.append(mention(pos, pos + len(name), text, "person", name, role=role, titles=titles))
            pos += len(name)
            previous = (pos, chain)
            name = _name_at(text, pos + 1, tagged_names) if text[pos:pos + 1] == "、" else None
            pos += 1
    return out


def _bylines(text: str, found: list[Mention]) -> list[Mention]:
    taken = {(m.start, m.end) for m in found}
    out = []
    spans = [(m.start(1), m.end(1), True) for m in _BYLINE.finditer(text)]
    spans += [(m.start(1), m.end(1), False) for m in _CAPTION.finditer(text)]
    spans += [(m.start(1), m.end(1), False) for m in _PHOTO.finditer(text)]
    spans += [(m.start(1), m.end(1), False) for m in _CREDIT.finditer(text)]
    spans += [(m.start(1), m.end(1), False) for m in _CLOSING.finditer(text)
              if all(name_shaped(w) for w in m.group(1).split())]
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


def _is_vocabulary(tok: str) -> bool:
    """强调 after 书记 in 高书记强调 is a word, not a name."""
    return frequency(tok) > 30 and not tag(tok).startswith("nr")


def _is_common_word(tok: str) -> bool:
    """A word that is more likely vocabulary than a name (保障 in 强保障, 全国)."""
    if frequency(tok) > 30 and not tag(tok).startswith("nr"):
        return True
    given = tok[surname_len(tok):]
    return len(given) == 2 and (tag(given)[:1] in ("v", "a", "d", "c", "p", "u") or frequency(given) >= 5000)


_BEFORE_POST = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[在由和与及同]))([\u4e00-\u9fff]{2,3})(?:常务)?副?"
                          r"(?:书记|市长|县长|区长|省长|主任|主席|部长|局长|董事长|总经理|院长|校长|秘书长)"
                          r"(?=[，。、；：]|强调|指出|表示|要求|说|介绍|在|主持|讲话|出席|的带领|的陪同|带领|带队|一行|陪同)")


def _names_before_posts(text: str, found: list[Mention]) -> list[Mention]:
    """张百顺市长强调, 在刘志永副局长的带领下: a name written before its post, at the start of a
    clause or after 在/由/和."""
    taken = {(m.start, m.end) for m in found}
    out = []
    for m in _BEFORE_POST.finditer(text):
        name = m.group(1)
        if name_shaped(name) and not _is_common_word(name) and (m.start(1), m.end(1)) not in taken \
                and "委" not in name and name[-1] not in "副正常代":       # 区委副书记 holds no 区委副
            out.append(mention(m.start(1), m.end(1), text, "person", name, role="official"))
    return out


def _lists(text: str, found: list[Mention], tagged_names: dict[int, int], places: set[str]) -> list[Mention]:
    """刘元朝、柳庆发、陈波在主会场参加会议: names separated by 、."""
    taken = {(m.start, m.end) for m in found}
    out = []
    for m in _LIST.finditer(text):
        parts = m.group().split("、")
        names: list[tuple[int, str]] = []
        pos = m.start()
        for i, part in enumerate(parts):
            cand = part
            if i == 0:
                cand = next((part[-k:] for k in (3, 2, 4) if len(part) >= k and name_shaped(part[-k:])), "")
                pos += len(part) - len(cand)
            elif i == len(parts) - 1:
                cand = _name_at(text, pos, tagged_names) or ""
            if not name_shaped(cand) or _is_common_word(cand) or sector_compound(cand) or place_shaped(cand, places) \
                    or cand != part[-len(cand):] and i == 0:
                if names and i == len(parts) - 1:
                    break
                names, pos = [], pos + len(cand) + 1
                continue
            names.append((pos, cand))
            pos += len(cand) + 1
        if len(names) >= 2:
            for p, cand in names:
                if (p, p + len(cand)) not in taken:
                    out.append(mention(p, p + len(cand), text, "person", cand, role="official"))
    return out


def _leaders(text: str, found: list[Mention]) -> list[Mention]:
    taken = {(m.start, m.end) for m in found}
    out = []
    for name, (title, org) in leaders().items():
        end = 0          # each name found by str.find, not a pattern per name and page
        while name and (start := text.find(name, end)) >= 0:
            end = start + len(name)
            if (start, end) in taken:
                continue
            written = text[end:end + len(title)] == title and title
            out.append(mention(start, end, text, "person", name, role="official",
                               titles=((title, org or None),) if written else None))
            if written:
                out.append(mention(end, end + len(title), text, "title", title, org=org or None))
    return out
