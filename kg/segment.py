"""The only module that touches jieba: one private tokenizer, loaded once per process.

Recognisers ask three questions of it: where do the words of a short window fall,
is a string an ordinary dictionary word, and what part of speech does jieba give it.
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache

_lock = threading.Lock()
_state: dict[str, object] = {}


def _tokenizer():  # -> jieba.Tokenizer
    tok = _state.get("tok")
    if tok is None:
        with _lock:
            tok = _state.get("tok")
            if tok is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                tok.tmp_dir = _private_cache_dir()   # jieba unmarshals its cache: never from shared /tmp
                tok.initialize()
                _state["tok"] = tok
    return tok


def _private_cache_dir() -> str:
    import os
    import tempfile

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "kg-jieba")
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        if os.stat(path).st_uid == os.getuid():
            return path
    except OSError:
        pass
    return tempfile.mkdtemp(prefix="kg-jieba-")


def _tags() -> dict[str, str]:
    tags = _state.get("tags")
    if tags is None:
        import jieba.posseg

        tags = jieba.posseg.POSTokenizer(_tokenizer()).word_tag_tab
        _state["tags"] = tags
    return tags  # type: ignore[return-value]


def warm_up() -> None:
    """Load the dictionary now (a worker pays this once, not per document)."""
    _tokenizer()
    _tags()


def words(text: str) -> list[str]:
    """jieba's words of a short window (HMM on, so unknown names stay whole).

    >>> words("在位于高新区的山东博源精密机械有限公司")[:4]
    ['在', '位于', '高新区', '的']
    """
    return list(_words(text))


@lru_cache(maxsize=65_536)     # the windows of an archive repeat (出席会议并讲话, boilerplate, copies)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_tokenizer().lcut(text, HMM=True))


@lru_cache(maxsize=200_000)
def frequency(word: str) -> int:
    """How often jieba's dictionary saw `word` (0 when unknown)."""
    return int(_tokenizer().FREQ.get(word) or 0)


def is_vocabulary(word: str) -> bool:
    """A common word of the dictionary that is no person's name (强调 after 书记 in 高书记强调).

    >>> is_vocabulary("强调"), is_vocabulary("孔繁森")
    (True, False)
    """
    return frequency(word) > 30 and not tag(word).startswith("nr")


@lru_cache(maxsize=200_000)
def tag(word: str) -> str:
    """jieba's part of speech for a dictionary word ('' when unknown).

    >>> tag("市场"), tag("孔繁森")
    ('n', 'nr')
    """
    return _tags().get(word, "")


def add_word(word: str, *, freq: int | None = None, tag_: str | None = None) -> None:
    """Teach the tokenizer a user-lexicon word so windows keep it whole."""
    _tokenizer().add_word(word, freq=freq, tag=tag_)
    frequency.cache_clear()
    _words.cache_clear()


def trie_regex(words_: list[str] | set[str]) -> str:
    """One regular expression matching any of `words_`, longest first, as a character trie
    (the regex engine walks it in C instead of trying thousands of alternatives).

    >>> import re
    >>> re.findall(trie_regex(["聊城", "聊城市", "山东省"]), "山东省聊城市和聊城")
    ['山东省', '聊城市', '聊城']
    """
    import re

    trie: dict = {}
    for w in words_:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def walk(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if len(branches) == 1 and len(body) > 1 and not body.startswith("(?:"):
            body = "(?:" + body + ")"
        return body + "?" if ends else body

    return walk(trie)


def find_words(words_: dict[str, object] | set[str], text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of `words_` in `text`, left to right, the longest at each place and
    none overlapping: what re.finditer(trie_regex(words_), text) finds. A few words (a page's
    names) are looked for one by one, which spares compiling a pattern for every page.

    >>> find_words({"聊城", "聊城市", "山东省"}, "山东省聊城市和聊城")
    [(0, 3, '山东省'), (3, 6, '聊城市'), (7, 9, '聊城')]
    """
    import re

    if len(words_) > 64:
        return [(m.start(), m.end(), m.group()) for m in re.finditer(trie_regex(words_), text)]
    hits = []
    for w in words_:
        at = text.find(w)
        while at >= 0 and w:
            hits.append((at, -len(w), w))
            at = text.find(w, at + 1)
    out, pos = [], 0
    for start, neg, w in sorted(hits):
        if start >= pos:
            out.append((start, start - neg, w))
            pos = start - neg
    return out

