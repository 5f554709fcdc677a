"""Train the character CRF of `kg.extract.tagger`; choose its corpora and features by
k-fold cross-validation on the training data.

    python scripts/train_ner.py                  # rebuild kg/resources/ner.crfsuite
    python scripts/train_ner.py --cv 'all' 'all -weibo' 'all feats=base'   # compare configs

Corpora (see /work/shared/data/README.md): CLUENER2020 train, People's Daily dev, Resume NER
train + dev, MSRA NER (partial train) and Weibo NER train. Never CLUENER dev or the People's
Daily / MSRA test splits. The slice of CLUENER train `kg.evaluate.is_heldout` keeps is never
trained on, by the shipped model or the folds, so `kg eval --heldout` stays a clean figure.

A config is corpus names with optional weights and a feature list: `all` is every corpus,
`-weibo` drops one, `resume*0.5` keeps a fixed half of it (by a hash of the text),
`feats=base,seg` picks `tagger.features` groups. Cross-validation splits every corpus into K
folds by a hash of the text; fold k's model trains on the other folds of the config's corpora
and is scored on fold k of every corpus, so dropping a corpus is seen on all of them.
Deterministic: same data, same order, same parameters -> the same model file.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
import zlib
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.evaluate import TAG_FOLD, Sentence, is_heldout, read_gold, score
from kg.extract.tagger import FEATURES, features, tag

DATA = Path("/work/shared/data")
CORPORA = {
    "cluener": [DATA / "cluener2020" / "train.json"],
    "pd": [DATA / "people_daily_ner" / "example.dev"],
    "resume": [DATA / "resume_ner" / "train.char.bmes", DATA / "resume_ner" / "dev.char.bmes"],
    "msra": [DATA / "msra_ner_partial" / "train.jsonl"],
    "weibo": [DATA / "weibo_ner" / "train.jsonl"],
}
# The shipped mix, chosen by `--cv` (figures in kg/resources/README.md and the README).
SHIPPED = "all"
MODEL = ROOT / "kg" / "resources" / "ner.crfsuite"
PARAMS = {"c1": 0.3, "c2": 0.05, "max_iterations": 100, "feature.minfreq": 2,
          "feature.possible_transitions": True}
# The char-tag corpora have one ORG label; these endings make it a company.
COMPANY_END = re.compile(r"(公司|集团|银行|企业|厂|商场|超市|酒店|宾馆|证券|保险|控股|股份|地产|实业|科技)$")


def load(name: str) -> list[Sentence]:
    """A training corpus in our types (ORG split into company/organization by its ending),
    without the held-out CLUENER slice."""
    out = [s for path in CORPORA[name] for s in read_gold(path)]
    if name == "cluener":
        return [s for s in out if not is_heldout(s.text)]
    return [Sentence(s.text, [(a, b, "company" if t == "organization" and COMPANY_END.search(s.text[a:b])
                               else t) for a, b, t in s.spans]) for s in out if s.text.strip()]


def bucket(text: str) -> int:
    """A fixed number 0-9999 for a sentence (folds and weights are drawn from it).

    >>> bucket("王刚到北京") == bucket("王刚到北京")
    True
    """
    return zlib.crc32(text.encode("utf-8"), 7) % 10000


def parse_config(spec: str) -> tuple[dict[str, float], tuple[str, ...]]:
    """'all -weibo resume*0.5 feats=base,seg' -> ({corpus: weight}, feature groups).

    >>> parse_config("all -weibo resume*0.5 feats=base")
    ({'cluener': 1.0, 'pd': 1.0, 'resume': 0.5, 'msra': 1.0}, ('base',))
    """
    weights: dict[str, float] = {}
    feats = FEATURES
    for word in spec.split():
        if word.startswith("feats="):
            feats = tuple(word[6:].split(","))
        elif word == "all":
            weights.update(dict.fromkeys(CORPORA, 1.0))
        elif word.startswith("-"):
            weights.pop(word[1:], None)
        else:
            name, _, weight = word.partition("*")
            if name not in CORPORA:
                raise SystemExit(f"kg: unknown corpus {name!r} (known: {', '.join(CORPORA)})")
            weights[name] = float(weight or 1)
    return weights, feats


def labels(sentence: Sentence) -> list[str]:
    """BIO labels; a span overlapping an earlier one is dropped."""
    out = ["O"] * len(sentence.text)
    for start, end, kind in sorted(sentence.spans, key=lambda s: (s[0], -s[1])):
        if all(x == "O" for x in out[start:end]):
            out[start:end] = ["B-" + kind] + ["I-" + kind] * (end - start - 1)
    return out


def select(corpora: dict[str, list[Sentence]], weights: dict[str, float], *,
           folds: int = 0, skip: int = -1) -> list[Sentence]:
    """The training sentences of a config, in corpus order; fold `skip` of `folds` left out."""
    out = []
    for name, weight in weights.items():
        for s in corpora[name]:
            b = bucket(s.text)
            if (folds and b % folds == skip) or b // 10 >= weight * 1000:
                continue
            out.append(s)
    return out


def train(sentences: list[Sentence], path: Path, *, feats: tuple[str, ...] = FEATURES,
          params: dict | None = None) -> Path:
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        trainer.append(features(sentence.text, feats), labels(sentence))
    trainer.set_params({**PARAMS, **(params or {})})
    # Beside the target, then renamed: a running tagger never sees half a model.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    trainer.train(str(tmp))
    os.replace(tmp, path)
    return path


def predictor(path: Path, feats: tuple[str, ...]):
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return lambda text: [(s, e, t) for s, e, t, _ in tag(text, tagger=tagger, feats=feats, doubtful=False)]


def test_fold(sentences: list[Sentence], name: str, folds: int, k: int) -> list[Sentence]:
    """Fold k of a corpus as gold, in the corpus's own types (one ORG label but in CLUENER)."""
    test = [s for s in sentences if bucket(s.text) % folds == k]
    if name == "cluener":
        return test
    return [s._replace(spans=[(a, b, TAG_FOLD.get(t, t)) for a, b, t in s.spans]) for s in test]


def cross_validate(spec: str, corpora: dict[str, list[Sentence]], workdir: Path, *, folds: int,
                   params: dict | None = None, only: list[int] | None = None) -> dict:
    """F1 per corpus and type on each of `folds` folds (or the `only` ones) -> {corpus: {type: [f1, ...]}}."""
    weights, feats = parse_config(spec)
    result: dict[str, dict[str, list[float]]] = {}
    for k in only or range(folds):
        started = time.process_time()
        slug = re.sub(r"[^\w.*-]+", "_", spec)
        model = train(select(corpora, weights, folds=folds, skip=k), workdir / f"{slug}.cv{k}.crfsuite",
                      feats=feats, params=params)
        predict = predictor(model, feats)
        for name, sentences in corpora.items():
            e = score(test_fold(sentences, name, folds, k), predict, fold=None if name == "cluener" else TAG_FOLD)
            rows = result.setdefault(name, {})
            for t, c in [*e.by_type.items(), ("overall", e.overall)]:
                rows.setdefault(t, []).append(round(c.f1, 4))
        print(f"  [{spec}] fold {k}: {time.process_time() - started:.0f} s CPU,"
              f" {model.stat().st_size / 1e6:.1f} MB", file=sys.stderr, flush=True)
    return result


def combination(spec: str, corpora: dict[str, list[Sentence]], workdir: Path, *, folds: int,
                limit: int | None = None, only: list[int] | None = None) -> str:
    """Which side should win an overlap, per type: score `kg.extract.recognise` (outermost
    spans) with the tagger winning for no type, then for each type alone, on the folds of
    CLUENER and People's Daily, each fold with the model `--cv` trained without it."""
    from kg import extract
    from kg.evaluate import outermost
    from kg.extract.base import Context

    _, feats = parse_config(spec)
    slug = re.sub(r"[^\w.*-]+", "_", spec)
    policies = [frozenset()] + [frozenset({t}) for t in ("person", "place", "organization", "company")]
    f1: dict[tuple[str, str, str], list[float]] = {}
    for k in only or range(folds):
        tagger = pycrfsuite.Tagger()
        tagger.open(str(workdir / f"{slug}.cv{k}.crfsuite"))
        for wins in policies:
            extract.TAGGER_WINS = wins
            def predict(text: str, tagger: pycrfsuite.Tagger = tagger) -> list:
                return outermost((m.start, m.end, m.type) for m in extract.recognise(
                    text, Context(), tagged=tag(text, tagger=tagger, feats=feats)))

            for name in ("cluener", "pd"):
                e = score(test_fold(corpora[name], name, folds, k)[:limit], predict,
                          fold=None if name == "cluener" else TAG_FOLD)
                for t, c in [*e.by_type.items(), ("overall", e.overall)]:
                    f1.setdefault((name, "+".join(sorted(wins)) or "rules", t), []).append(c.f1)
    lines = [(f"== which side wins an overlap ({spec}, folds {only or list(range(folds))} of {folds},"
             f" {limit or 'all'} sentences each): F1 mean of the folds")]
    for (name, policy, t), values in sorted(f1.items()):
        lines.append(f"{name:<8} tagger wins for {policy:<13} {t:<13} {statistics.mean(values):.3f}"
                     f"±{statistics.pstdev(values):.3f}")
    return "\n".join(lines)


def table(spec: str, result: dict) -> str:
    """F1 mean ± standard deviation over the folds, one row per corpus."""
    types = ["person", "place", "organization", "company", "title", "overall"]
    lines = [f"== {spec}", f"{'corpus':<9}" + "".join(f"{t:>15}" for t in types)]
    for name, rows in result.items():
        cells = [f"{statistics.mean(rows[t]):.3f}±{statistics.pstdev(rows[t]):.3f}" if t in rows else "-"
                 for t in types]
        lines.append(f"{name:<9}" + "".join(f"{c:>15}" for c in cells))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default=SHIPPED, help="corpora, weights and features of the shipped model")
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--cv", nargs="+", metavar="CONFIG", help="configs to cross-validate")
    ap.add_argument("--combination", action="store_true",
                    help="after --cv of --config: measure which side wins an overlap, per type")
    ap.add_argument("--limit", type=int, help="--combination: the first N sentences of each test fold")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--only-fold", type=int, action="append", metavar="K", help="--cv, --combination: fold K only")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/ner-cv"))
    ap.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    args = ap.parse_args()
    params = {k: float(v) if "." in v or "e" in v else int(v) for k, v in (p.split("=") for p in args.param)}
    corpora = {name: load(name) for name in CORPORA}
    if args.combination:
        print(combination(args.config, corpora, args.workdir, folds=args.folds, limit=args.limit,
                          only=args.only_fold))
        return
    if args.cv:
        args.workdir.mkdir(parents=True, exist_ok=True)
        for spec in args.cv:
            result = cross_validate(spec, corpora, args.workdir, folds=args.folds, params=params,
                                    only=args.only_fold)
            print(table(spec, result), flush=True)
            with open(args.workdir / "results.jsonl", "a", encoding="utf-8") as fh:
                fh.write(json.dumps({"config": spec, "folds": args.folds, "only": args.only_fold,
                                     "params": {**PARAMS, **params},
                                     "f1": result}, ensure_ascii=False) + "\n")
        return
    weights, feats = parse_config(args.config)
    if feats != FEATURES:
        raise SystemExit(f"kg: the tagger runs with features {FEATURES}; set tagger.FEATURES first")
    sentences = select(corpora, weights)
    train(sentences, args.out, feats=feats, params=params)
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.1f} MB from {len(sentences)} sentences")


if __name__ == "__main__":
    main()
