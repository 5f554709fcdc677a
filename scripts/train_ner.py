"""Train the character CRF of `kg.extract.tagger` and measure which corpora help.

    python scripts/train_ner.py                 # rebuild kg/resources/ner.crfsuite
    python scripts/train_ner.py --experiment    # compare corpus mixes on held-out data

Corpora (see /work/shared/data/README.md): CLUENER2020 train, People's Daily dev, Resume
NER train. Never CLUENER dev or the People's Daily / MSRA test splits. Experiments train
on CLUENER train minus the slice `kg.evaluate.is_heldout` keeps, and score that slice;
People's Daily dev is scored by 2-fold cross-validation when it is also trained on.
The shipped model leaves that CLUENER slice out too, so `kg eval --heldout` stays a clean
figure (it is the experiment's `cluener+pd+resume` model, byte for byte).
Deterministic: same data, same order, same parameters -> the same model file.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.evaluate import TAG_FOLD, TAG_TYPES, Sentence, is_heldout, read_char_tags, read_cluener, score
from kg.extract.tagger import features, tag

DATA = Path("/work/shared/data")
CORPORA = {
    "cluener": DATA / "cluener2020" / "train.json",
    "pd": DATA / "people_daily_ner" / "example.dev",
    "resume": DATA / "resume_ner" / "train.char.bmes",
}
MODEL = ROOT / "kg" / "resources" / "ner.crfsuite"
PARAMS = {"c1": 0.3, "c2": 0.05, "max_iterations": 150, "feature.minfreq": 2,
          "feature.possible_transitions": True}
# The char-tag corpora have one ORG label; these endings make it a company.
COMPANY_END = re.compile(r"(公司|集团|银行|企业|厂|商场|超市|酒店|宾馆|证券|保险|控股|股份|地产|实业|科技)$")


def load(name: str) -> list[Sentence]:
    """A training corpus in our types (ORG split into company/organization by its ending)."""
    with open(CORPORA[name], encoding="utf-8") as fh:
        if name == "cluener":
            return list(read_cluener(fh))
        sentences = list(read_char_tags(fh, TAG_TYPES))
    return [Sentence(s.text, [(a, b, "company" if t == "organization" and COMPANY_END.search(s.text[a:b])
                               else t) for a, b, t in s.spans]) for s in sentences]


def training_set(mix: str, *, heldout: bool = False, cluener: list[Sentence] | None = None) -> list[Sentence]:
    """The sentences of a '+'-joined corpus mix, in a fixed order (People's Daily last, so
    the 2-fold experiment can swap it). The held-out CLUENER slice only if `heldout`."""
    names = mix.split("+")
    out = [s for s in (cluener or load("cluener")) if heldout or not is_heldout(s.text)] if "cluener" in names else []
    out += [s for name in names if name not in ("cluener", "pd") for s in load(name)]
    return out + (load("pd") if "pd" in names else [])


def labels(sentence: Sentence) -> list[str]:
    """BIO labels; a span overlapping an earlier one is dropped."""
    out = ["O"] * len(sentence.text)
    for start, end, kind in sorted(sentence.spans, key=lambda s: (s[0], -s[1])):
        if all(x == "O" for x in out[start:end]):
            out[start:end] = ["B-" + kind] + ["I-" + kind] * (end - start - 1)
    return out


def train(sentences: list[Sentence], path: Path, *, params: dict | None = None) -> Path:
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        if sentence.text.strip():
            trainer.append(features(sentence.text), labels(sentence))
    trainer.set_params({**PARAMS, **(params or {})})
    # Beside the target, then renamed: a running tagger never sees half a model.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    trainer.train(str(tmp))
    os.replace(tmp, path)
    return path


def predictor(path: Path):
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return lambda text: [(s, e, t) for s, e, t, _ in tag(text, tagger=tagger)]


def experiment(mixes: list[str], workdir: Path, params: dict | None = None) -> None:
    cluener = load("cluener")
    held = [s for s in cluener if is_heldout(s.text)]
    pd = load("pd")
    with open(CORPORA["pd"], encoding="utf-8") as fh:
        pd_gold = list(read_char_tags(fh))
    halves = [list(range(0, len(pd), 2)), list(range(1, len(pd), 2))]
    for mix in mixes:
        names = mix.split("+")
        base = training_set(mix.replace("+pd", ""), cluener=cluener)
        started = time.perf_counter()
        model = train(training_set(mix, cluener=cluener), workdir / f"{mix}.crfsuite", params=params)
        seconds = time.perf_counter() - started
        result = score(held, predictor(model))
        print(f"== {mix} ({seconds:.0f} s, {model.stat().st_size / 1e6:.1f} MB) CLUENER held-out slice")
        print(result.table())
        if "pd" in names:   # 2-fold: train on one half of PD, score the other
            folds = []
            for k, half in enumerate(halves):
                other = [pd[i] for i in halves[1 - k]]
                folded = train(base + other, workdir / f"{mix}.fold{k}.crfsuite", params=params)
                folds.append(score([pd_gold[i] for i in half], predictor(folded), fold=TAG_FOLD))
            by_type = {t: folds[0].by_type[t] for t in folds[0].by_type}
            for t, c in folds[1].by_type.items():
                by_type[t].tp, by_type[t].fp, by_type[t].fn = (by_type[t].tp + c.tp, by_type[t].fp + c.fp,
                                                               by_type[t].fn + c.fn)
            from kg.evaluate import Evaluation
            print("People's Daily dev, 2-fold cross-validated")
            print(Evaluation(by_type, len(pd_gold)).table())
        else:
            print("People's Daily dev (not trained on)")
            print(score(pd_gold, predictor(model), fold=TAG_FOLD).table())
        sys.stdout.flush()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default="cluener+pd+resume", help="'+'-joined names for the shipped model")
    ap.add_argument("--with-heldout", action="store_true",
                    help="train on the held-out CLUENER slice too (then `kg eval --heldout` means nothing)")
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--experiment", nargs="*", metavar="MIX", help="corpus mixes to compare")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/ner-experiments"))
    ap.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    args = ap.parse_args()
    params = {k: float(v) if "." in v or "e" in v else int(v) for k, v in (p.split("=") for p in args.param)}
    if args.experiment is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        experiment(args.experiment or ["cluener", "cluener+resume", "cluener+pd", "cluener+pd+resume"],
                   args.workdir, params)
        return
    sentences = training_set(args.corpora, heldout=args.with_heldout)
    train(sentences, args.out, params=params)
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.1f} MB from {len(sentences)} sentences")


if __name__ == "__main__":
    main()
