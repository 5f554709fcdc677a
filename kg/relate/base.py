"""What every relation finder reads and yields: the article `Scope` and the `Found` tuple."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from kg.script import to_traditional
from kg.text import sentences
from kg.types import Mention

CLAUSE = re.compile(r"[，；：]|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


class Found(NamedTuple):
    relation: str
    subject: str            # entity id: "type/key"
    object: str | None
    attributes: tuple[tuple[str, object], ...]
    start: int              # evidence span in the cleaned text
    end: int
    sentence: tuple[int, int]


@dataclass
class Scope:
    """An article's text, mentions and sentences: what the finders read. `text` is what the
    recognisers read (simplified script); `written` the same characters as printed, for the
    words a fact copies (a title keeps its traditional script)."""

    text: str
    start: int
    end: int
    mentions: list[Mention]
    home_id: str | None = None
    published: object = None
    sents: list[tuple[int, int]] = field(default_factory=list)
    written: str | None = None

    def as_written(self, start: int, end: int) -> str:
        return (self.written or self.text)[start:end]

    def in_script(self, words: str) -> str:
        """Words the page implies but does not print here (总书记 for 习近平), in its script."""
        return words if self.written is None or self.written is self.text else to_traditional(words)

    def __post_init__(self) -> None:
        self.sents = sentences(self.text, self.start, self.end)
        self.mentions = sorted(self.mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        self._sent_starts = [s for s, _ in self.sents]
        self._said: dict[str, bool] = {}

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._sent_starts, pos) - 1
        if i >= 0 and self.sents[i][0] <= pos < self.sents[i][1]:
            return self.sents[i]
        return pos, pos

    def says(self, word: str) -> bool:
        """Whether the article holds `word` anywhere, read once per article and word (a
        question each sentence asks of its whole article must not read the article again:
        that was the square of a story's length)."""
        found = self._said.get(word)
        if found is None:
            found = self._said[word] = self.text.find(word, self.start, self.end) >= 0
        return found

    @cached_property
    def place_keys(self) -> frozenset[str]:
        """The keys of the article's places, gathered once (not once per sentence: a story of
        100,000 names has hundreds of sentences)."""
        return frozenset(m.key for m in self.mentions if m.type == "place")

    def inside(self, span: tuple[int, int], type_: str | None = None) -> list[Mention]:
        lo, hi = bisect_left(self._starts, span[0]), bisect_left(self._starts, span[1])
        return [m for m in self.mentions[lo:hi] if m.end <= span[1] and (type_ is None or m.type == type_)]


def attrs(**kw: object) -> tuple[tuple[str, object], ...]:
    return tuple(sorted((k, v) for k, v in kw.items() if v is not None))
