"""Each document's home place, the division 我市, 市委 and 县长 refer to, checked before a build.

A place given (`--place` or a record's `place`) must name one division, else one line with the
nearest known names. A document given none, whose text leans on one, gets a line too: 市委 and
我市 in it then name no body, and its outlet (中山网, 嵊州新闻网, 菏泽日报) usually says which
city it is from. The outlet is only suggested, never taken: a city's site also reports on its
neighbours, and a wrong home would give wrong posts.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from kg.divisions import Division, check_place, gazetteer
from kg.ingest import Problem
from kg.script import to_simplified
from kg.types import Document

# words that mean the home place or one of its bodies
_LEANS_ON_HOME = re.compile(r"我[市县区省州旗]|本[市县区]|[市县区州旗]委|[市县区]政府|[市县区州]长|我[縣區]|[縣區]委")
# an outlet written in a story's opening: 中国菏泽网消息, 天津北方网讯, 嵊州日报讯
_DATELINE = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:日报|日報|晚报|晚報|新闻网|新聞網|网|網))(?:讯|訊|消息)")
_PREFIXES = ("中国", "今日", "掌上", "云上")
# national outlets whose names open with a division's (凤凰县, 光明区, 东方市)
_NATIONAL = ("凤凰网", "凤凰卫视", "光明网", "光明日报", "东方网", "东方卫视")
_SUFFIXES = ("", "市", "县", "区")


def place_problems(docs: Iterable[Document], default: str | None) -> list[Problem]:
    """One line per unknown or ambiguous place the records name (not one per record)."""
    by_place: dict[str, list[Document]] = {}
    for d in docs:
        if d.place and d.place != default:
            by_place.setdefault(d.place, []).append(d)
    out = []
    for name, group in sorted(by_place.items()):
        why = check_place(name)
        if why:
            more = f" (and {len(group) - 1:,} more document{'s' if len(group) > 2 else ''})" if len(group) > 1 else ""
            out.append(Problem(group[0].source or group[0].id, f"place {why}{more}"))
    return out


def homeless(docs: Iterable[Document]) -> Problem | None:
    """One line for all the documents that have no home place though their text refers to one,
    with the places their outlets suggest."""
    docs = [d for d in docs if not d.place and _LEANS_ON_HOME.search(d.text)]
    return _homeless(docs) if docs else None


def _homeless(docs: list[Document]) -> Problem:
    n = len(docs)
    where = docs[0].source or docs[0].id if n == 1 else f"{n:,} documents"
    line = (f"no home place (give --place, or a place in each record), so 我市, 市委 and the like in "
            f"{'it' if n == 1 else 'them'} name no body")
    hints: dict[str, str] = {}
    for d in docs:
        outlet = outlet_of(d)
        div = outlet_place(outlet) if outlet else None
        if div is not None:
            hints.setdefault(div.name, outlet)
    if hints:
        shown = [f"{name} ({outlet})" for name, outlet in sorted(hints.items())[:3]]
        more = f" and {len(hints) - 3} more" if len(hints) > 3 else ""
        line += f"; {'its outlet suggests' if n == 1 else 'their outlets suggest'} {', '.join(shown)}{more}"
    return Problem(where, line)


def outlet_of(doc: Document) -> str | None:
    """The outlet a reader found (an HTML page's source), else one written in a story's opening."""
    meta = dict(doc.meta)
    if meta.get("outlet"):
        return str(meta["outlet"])
    m = _DATELINE.search(doc.text[:300])
    return m.group(1) if m else None


def outlet_place(outlet: str) -> Division | None:
    """The one division whose name opens an outlet's name, or None.

    >>> [getattr(outlet_place(o), "name", None) for o in ("中国菏泽网", "嵊州新闻网", "今日高邮", "长江网", "凤凰网")]
    ['菏泽市', '嵊州市', '高邮市', None, None]
    """
    g = gazetteer()
    name = to_simplified(outlet.strip())
    if name.startswith(_NATIONAL):
        return None
    for prefix in _PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            name = name[len(prefix):]
    for n in (4, 3, 2):
        head = name[:n]
        if len(head) < n:
            continue
        direct = g.by_name.get(head, ())
        if len(direct) == 1:
            return direct[0]
        if direct:
            return None                  # a name shared by several divisions says nothing
        found = {d for s in _SUFFIXES[1:] for d in g.by_name.get(head + s, ())}
        if len(found) == 1:
            return found.pop()
        if found:
            return None
    return None
