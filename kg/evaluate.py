"""Score a recogniser against gold NER corpora: per-type precision, recall and F1.

Gold comes from CLUENER2020 JSON lines or from char-per-line BIO/BMES files (People's
Daily, Resume NER); the format is detected from the content. A match is an exact span
with the same type. Corpus labels are mapped to ours (`CLUENER_TYPES`, `TAG_TYPES`);
the char-tag corpora do not tell companies from other organisations, so there a
predicted company counts as an organization.
"""
from __future__ import annotations

import json
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

Span = tuple[int, int, str]
Predictor = Callable[[str], Iterable[Span]]

CLUENER_TYPES = {"name": "person", "address": "place", "government": "organization",
                 "organization": "organization", "company": "company", "position": "title"}
TAG_TYPES = {"PER": "person", "NAME": "person", "LOC": "place", "ORG": "organization",
             "TITLE": "title"}
# What a predicted type becomes when a corpus cannot tell it apart.
TAG_FOLD = {"company": "organization"}
ALL_TYPES = ("person", "place", "organization", "company", "title")


class Sentence(NamedTuple):
    text: str
    spans: list[Span]          # gold, sorted, already in our types


def is_heldout(text: str, *, percent: int = 10) -> bool:
    """The fixed slice of CLUENER train kept out of training (by a hash of the text).

    >>> is_heldout("叶老桂认为，对目前国内商业银行而言，"), is_heldout("abc", percent=100)
    (False, True)
    """
    return zlib.crc32(text.encode("utf-8")) % 100 < percent


def read_cluener(lines: Iterable[str]) -> Iterator[Sentence]:
    """CLUENER JSON lines -> sentences; unmapped labels (book, game …) are dropped.

    >>> line = '{"text": "市长李成说", "label": {"name": {"李成": [[2, 3]]}, "book": {"说": [[4, 4]]}}}'
    >>> list(read_cluener([line]))
    [Sentence(text='市长李成说', spans=[(2, 4, 'person')])]
    """
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)
        spans = {(s, e + 1, CLUENER_TYPES[label])
                 for label, mentions in (record.get("label") or {}).items() if label in CLUENER_TYPES
                 for positions in mentions.values() for s, e in positions}
        yield Sentence(record["text"], sorted(spans))


def read_span_lines(lines: Iterable[str], mapping: dict[str, str] = TAG_TYPES) -> Iterator[Sentence]:
    """JSON lines `{"text": ..., "spans": [[start, end_exclusive, TYPE], ...]}` (MSRA, Weibo)
    -> sentences; unmapped labels (Weibo's nominal NOM_PER ...) are dropped.

    >>> line = '{"text": "男友王刚在北京", "spans": [[0, 2, "NOM_PER"], [2, 4, "PER"], [5, 7, "LOC"]]}'
    >>> list(read_span_lines([line]))
    [Sentence(text='男友王刚在北京', spans=[(2, 4, 'person'), (5, 7, 'place')])]
    """
    for line in lines:
        if line.strip():
            record = json.loads(line)
            yield Sentence(record["text"], sorted({(s, e, mapping[t]) for s, e, t in record.get("spans") or ()
                                                   if t in mapping}))


def gold_format(first_line: str) -> str:
    """`cluener`, `spans` (JSON lines with a spans list) or `tags` (char per line).

    >>> gold_format('{"text": "x", "spans": []}'), gold_format('{"text": "x", "label": {}}'), gold_format("王 B-PER")
    ('spans', 'cluener', 'tags')
    """
    if not first_line.lstrip().startswith("{"):
        return "tags"
    try:
        return "spans" if "spans" in json.loads(first_line) else "cluener"
    except ValueError:
        return "cluener"


def decode_tags(tags: list[str], mapping: dict[str, str] = TAG_TYPES) -> list[Span]:
    """BIO or BMES tags -> spans; a stray I-/M-/E- opens a span rather than being lost.

    >>> decode_tags(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "S-NAME", "B-ORG", "M-ORG", "E-ORG"])
    [(0, 2, 'person'), (3, 4, 'place'), (4, 5, 'place'), (5, 6, 'person'), (6, 9, 'organization')]
    """
    spans: list[Span] = []
    start, kind = -1, ""
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, label = tag.partition("-")
        if start >= 0 and (prefix in ("O", "B", "S") or label != kind):
            spans.append((start, i, kind))
            start = -1
        if prefix in ("B", "S") or (prefix in ("I", "M", "E") and start < 0):
            start, kind = i, label
        if prefix in ("E", "S") and start >= 0:
            spans.append((start, i + 1, kind))
            start = -1
    return [(s, e, mapping[k]) for s, e, k in spans if k in mapping]


def read_char_tags(lines: Iterable[str], mapping: dict[str, str] = TAG_TYPES) -> Iterator[Sentence]:
    """`<char> <tag>` lines with a blank line between sentences -> sentences."""
    chars: list[str] = []
    tags: list[str] = []
    for line in [*lines, ""]:
        parts = line.split()
        if len(parts) >= 2:
            chars.append(parts[0] if len(parts[0]) == 1 else " ")
            tags.append(parts[-1])
        elif not line.strip() and chars:
            yield Sentence("".join(chars), decode_tags(tags, mapping))
            chars, tags = [], []


def read_gold(path: str | Path, *, limit: int | None = None, heldout: bool = False) -> list[Sentence]:
    """Read a gold file of any format (`gold_format` of its first line).

    `heldout` keeps only the sentences `is_heldout` reserves (for CLUENER train)."""
    with open(path, encoding="utf-8") as fh:
        kind = gold_format(fh.readline())
        fh.seek(0)
        reader = {"cluener": read_cluener, "spans": read_span_lines, "tags": read_char_tags}[kind](fh)
        out = []
        for sentence in reader:
            if heldout and not is_heldout(sentence.text):
                continue
            out.append(sentence)
            if limit is not None and len(out) >= limit:
                break
    return out


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    by_type: dict[str, Counts]
    sentences: int = 0
    chars: int = 0
    seconds: float = 0.0
    overall: Counts = field(init=False)

    def __post_init__(self) -> None:
        self.overall = Counts(*(sum(getattr(c, k) for c in self.by_type.values())
                                for k in ("tp", "fp", "fn")))

    def to_dict(self) -> dict:
        rows = {**self.by_type, "overall": self.overall}
        return {"sentences": self.sentences, "chars": self.chars, "seconds": round(self.seconds, 3),
                "scores": {t: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": round(c.precision, 4),
                               "recall": round(c.recall, 4), "f1": round(c.f1, 4)}
                           for t, c in rows.items()}}

    def table(self) -> str:
        lines = [f"{'type':<13}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
        for name, c in [*sorted(self.by_type.items()), ("overall", self.overall)]:
            lines.append(f"{name:<13}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}"
                         f"{c.tp + c.fn:>7}{c.tp + c.fp:>7}")
        lines.append(f"{self.sentences} sentences, {self.chars} chars, {self.seconds:.1f} s")
        return "\n".join(lines)


def score(sentences: Iterable[Sentence], predict: Predictor, *, types: Iterable[str] | None = None,
          fold: dict[str, str] | None = None) -> Evaluation:
    """Run `predict` on each sentence and count exact span+type matches.

    `types` defaults to the types the gold has; predicted types are renamed by `fold` first.

    >>> gold = [Sentence("市长李成在北京", [(0, 2, "title"), (2, 4, "person"), (5, 7, "place")])]
    >>> e = score(gold, lambda text: [(2, 4, "person"), (4, 7, "place")])
    >>> round(e.overall.precision, 3), round(e.overall.recall, 3), e.by_type["person"].f1
    (0.5, 0.333, 1.0)
    """
    sentences = list(sentences)
    fold = fold or {}
    wanted = set(types) if types is not None else {t for s in sentences for _, _, t in s.spans}
    by_type = {t: Counts() for t in sorted(wanted)}
    chars, started = 0, time.perf_counter()
    for sentence in sentences:
        chars += len(sentence.text)
        gold = {s for s in sentence.spans if s[2] in wanted}
        pred = {(s, e, fold.get(t, t)) for s, e, t in predict(sentence.text)}
        pred = {p for p in pred if p[2] in wanted}
        for s, e, t in gold & pred:
            by_type[t].tp += 1
        for s, e, t in pred - gold:
            by_type[t].fp += 1
        for s, e, t in gold - pred:
            by_type[t].fn += 1
    return Evaluation(by_type, len(sentences), chars, time.perf_counter() - started)


def get_predictor(name: str = "kg") -> Predictor:
    """`kg` (the whole recogniser, or the tagger until the pipeline has one), `tagger`,
    `rules` (the recognisers without the tagger's spans), `jieba`."""
    if name == "kg":
        try:
            from kg.pipeline import recognise
        except ImportError:
            name = "tagger"
        else:
            return lambda text: [(m.start, m.end, m.type) for m in recognise(text)]
    if name == "tagger":
        from kg.extract.tagger import tag
        return lambda text: [(s, e, t) for s, e, t, _ in tag(text, doubtful=False)]
    if name == "jieba":
        return jieba_posseg
    if name == "rules":
        return rules_only
    raise ValueError(f"unknown predictor {name!r}")


JIEBA_TYPES = {"nr": "person", "ns": "place", "nt": "organization"}
PRODUCES = {"kg": ALL_TYPES, "tagger": ALL_TYPES, "rules": ALL_TYPES, "jieba": tuple(JIEBA_TYPES.values())}


def rules_only(text: str) -> list[Span]:
    """The rule recognisers alone (the tagger's spans withheld), outermost spans only, as
    flat corpora annotate.

    >>> rules_only("聊城市人民政府")
    [(0, 7, 'organization')]
    """
    from kg.extract import recognise
    from kg.extract.base import Context

    return outermost((m.start, m.end, m.type) for m in recognise(text, Context(), tagged=[]))


def outermost(spans: Iterable[Span]) -> list[Span]:
    """One flat layer: the longest span at each start, nothing that starts inside it.

    >>> outermost([(0, 7, "organization"), (0, 3, "place"), (5, 9, "person"), (9, 11, "place")])
    [(0, 7, 'organization'), (9, 11, 'place')]
    """
    out: list[Span] = []
    for s, e, t in sorted(spans, key=lambda x: (x[0], -x[1], x[2])):
        if not out or s >= out[-1][1]:
            out.append((s, e, t))
    return out


def jieba_posseg(text: str) -> list[Span]:
    """The baseline: jieba.posseg words tagged nr/ns/nt as person/place/organization."""
    import jieba.posseg

    spans, at = [], 0
    for word, flag in jieba.posseg.cut(text):
        if flag in JIEBA_TYPES:
            spans.append((at, at + len(word), JIEBA_TYPES[flag]))
        at += len(word)
    return spans


def evaluate(path: str | Path, *, predictor: str | Predictor = "kg", types: Iterable[str] | None = None,
             limit: int | None = None, heldout: bool = False) -> Evaluation:
    """Read a gold file, run a predictor (a name for `get_predictor` or a callable), score it.

    Without `types`, only types both the gold and the predictor have are scored; for a
    predictor without companies (jieba) gold companies count as organizations."""
    with open(path, encoding="utf-8") as fh:
        is_tag_file = gold_format(fh.readline()) != "cluener"     # one ORG label: fold companies
    produces = set(PRODUCES.get(predictor, ALL_TYPES) if isinstance(predictor, str) else ALL_TYPES)
    predict = get_predictor(predictor) if isinstance(predictor, str) else predictor
    sentences = read_gold(path, limit=limit, heldout=heldout)
    if "company" not in produces:
        sentences = [s._replace(spans=[(a, b, TAG_FOLD.get(t, t)) for a, b, t in s.spans])
                     for s in sentences]
    if types is None:
        types = produces & {t for s in sentences for _, _, t in s.spans}
    return score(sentences, predict, types=types, fold=TAG_FOLD if is_tag_file else None)
