"""User lexicons: `name<TAB>type[<TAB>alias,alias…]`; type `none` suppresses a false positive."""
from __future__ import annotations

from pathlib import Path

from kg.extract.base import Lexicon
from kg.ingest import decode
from kg.types import ENTITY_TYPES


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and line."""


def parse_lexicon(text: str, *, source: str = "<lexicon>") -> Lexicon:
    """Parse lexicon text.

    >>> lex = parse_lexicon("王刚\\tperson\\n高新区\\tnone\\n山东博源精密机械有限公司\\tcompany\\t博源公司,博源")
    >>> lex.entries["山东博源精密机械有限公司"], sorted(lex.suppressed)
    (('company', ('博源公司', '博源')), ['高新区'])
    """
    lex = Lexicon()
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 2 or not cols[0]:
            raise LexiconError(f"{source}:{n}: expected name<TAB>type[<TAB>aliases]")
        name, type_ = cols[0], cols[1].lower()
        if type_ == "none":
            lex.suppressed.add(name)
            continue
        if type_ not in ENTITY_TYPES:
            raise LexiconError(f"{source}:{n}: unknown type {type_!r} (one of {', '.join(ENTITY_TYPES)}, none)")
        aliases = tuple(a.strip() for a in (cols[2] if len(cols) > 2 else "").replace("，", ",").split(",")
                        if a.strip())
        lex.entries[name] = (type_, aliases)
    return lex


def read_lexicon(path: str | Path) -> Lexicon:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{p}: cannot read lexicon: {exc.strerror or exc}") from None
    try:
        return parse_lexicon(decode(raw), source=str(p))
    except ValueError as exc:
        raise LexiconError(str(exc) if str(exc).startswith(str(p)) else f"{p}: {exc}") from None
