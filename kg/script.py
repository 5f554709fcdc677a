"""Traditional script read as simplified, character for character, so offsets hold.

Mirrors of mainland pages in traditional script (縣委書記, 區人大常委會) are recognised on a
simplified copy of the same length; mentions keep their offsets and the written form stays
the surface the graph shows. The table is OpenCC's `TSCharacters.txt` (Apache-2.0), as
shipped by the `opencc-python-reimplemented` package; where OpenCC gives several simplified
readings of a character, the first (its default) is used, and a character whose reading is
not one character is left alone.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=2)
def _table(name: str = "TSCharacters") -> dict[int, str]:
    raw = resources.files("opencc").joinpath(f"dictionary/{name}.txt").read_text(encoding="utf-8")
    table: dict[int, str] = {}
    for line in raw.splitlines():
        trad, _, simp = line.partition("\t")
        first = simp.split(" ")[0] if simp else ""
        if len(trad) == 1 and len(first) == 1 and first != trad:
            table[ord(trad)] = first
    return table


def to_simplified(text: str) -> str:
    """The same text in simplified script, one character for each character.

    >>> to_simplified("縣人大常委會主任賈萬祥")
    '县人大常委会主任贾万祥'
    >>> s = "市委书记李长萍"; to_simplified(s) is s or to_simplified(s) == s
    True
    """
    out = text.translate(_table())
    return text if out == text else out


def in_script_of(text: str, written: str) -> str:
    """Simplified `text`, derived from `written`, in the script `written` is in: each character
    as `written` prints it, and one it does not print by OpenCC's default traditional reading.
    A title read off a traditional page (中共菏澤市委書記) keeps that page's script once its
    body's name is taken out (市委書記).

    >>> in_script_of("市委统战部部长", "統戰部部長"), in_script_of("县委秘书长", "秘書長"), in_script_of("市长", "市长")
    ('市委統戰部部長', '縣委秘書長', '市长')
    """
    simplified = to_simplified(written)
    if simplified is written or simplified == written:
        return text
    printed = dict(zip(simplified, written))
    table = _table("STCharacters")
    return "".join(printed.get(ch) or table.get(ord(ch), ch) for ch in text)


def to_traditional(text: str) -> str:
    """Simplified `text` in traditional script, by OpenCC's default reading of each character
    (for words a page implies but does not print, such as a leader's usual title).

    >>> to_traditional("总书记")
    '總書記'
    """
    return text.translate(_table("STCharacters"))


def is_traditional(text: str, *, share: float = 0.02) -> bool:
    """Does `text` read as traditional script (more than `share` of its characters change)?

    >>> is_traditional("縣委常委會議"), is_traditional("县委常委会议")
    (True, False)
    """
    if not text:
        return False
    table = _table()
    changed = sum(1 for ch in text if ord(ch) in table)
    return changed > share * len(text)
