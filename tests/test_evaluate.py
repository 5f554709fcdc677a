from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.evaluate import ALL_TYPES, decode_tags, evaluate, get_predictor, read_gold, score

CLUENER = [
    {"text": "聊城市委书记李长萍会见浙商银行行长",
     "label": {"address": {"聊城市": [[0, 2]]}, "position": {"市委书记": [[2, 5]], "行长": [[15, 16]]},
               "name": {"李长萍": [[6, 8]]}, "company": {"浙商银行": [[11, 14]]}}},
    {"text": "欧阳明在《大众软件》撰文", "label": {"name": {"欧阳明": [[0, 2]]}, "book": {"《大众软件》": [[4, 9]]}}},
]
BIO = """王 B-PER
刚 I-PER
到 O
北 B-LOC
京 I-LOC
， O
欧 B-LOC
美 B-LOC

新 B-ORG
华 I-ORG
社 I-ORG
报 O
道 O
"""
BMES = """张 B-NAME
三 E-NAME
任 O
华 B-ORG
为 M-ORG
公 M-ORG
司 E-ORG
总 B-TITLE
裁 E-TITLE
"""


@pytest.fixture()
def files(tmp_path):
    (tmp_path / "c.json").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in CLUENER) + "\n",
                                     encoding="utf-8")
    (tmp_path / "pd.bio").write_text(BIO, encoding="utf-8")
    (tmp_path / "r.bmes").write_text(BMES, encoding="utf-8")
    return tmp_path


def test_read_both_formats(files):
    c = read_gold(files / "c.json")
    assert c[0].spans == [(0, 3, "place"), (2, 6, "title"), (6, 9, "person"), (11, 15, "company"),
                          (15, 17, "title")]
    assert c[1].spans == [(0, 3, "person")]                      # the book is dropped
    pd = read_gold(files / "pd.bio")
    assert [s.text for s in pd] == ["王刚到北京，欧美", "新华社报道"]
    assert pd[0].spans == [(0, 2, "person"), (3, 5, "place"), (6, 7, "place"), (7, 8, "place")]
    assert read_gold(files / "r.bmes")[0].spans == [(0, 2, "person"), (3, 7, "organization"),
                                                    (7, 9, "title")]
    assert len(read_gold(files / "pd.bio", limit=1)) == 1


@pytest.mark.parametrize("tags, spans", [
    (["B-PER", "I-PER", "I-PER"], [(0, 3, "person")]),
    (["I-LOC", "I-LOC", "O", "B-ORG"], [(0, 2, "place"), (3, 4, "organization")]),
    (["B-PER", "I-LOC"], [(0, 1, "person"), (1, 2, "place")]),
    (["S-NAME", "B-TITLE", "M-TITLE", "E-TITLE", "S-NAME"], [(0, 1, "person"), (1, 4, "title"),
                                                             (4, 5, "person")]),
    (["B-EDU", "E-EDU", "O"], []),
])
def test_decode_tags(tags, spans):
    assert decode_tags(tags) == spans


def fixed(answers):
    return lambda text: answers.get(text, [])


def test_cluener_scores(files):
    predict = fixed({"聊城市委书记李长萍会见浙商银行行长": [(0, 3, "place"), (6, 9, "person"),
                                                   (11, 15, "organization"), (15, 17, "title")],
                     "欧阳明在《大众软件》撰文": [(1, 3, "person")]})
    e = evaluate(files / "c.json", predictor=predict)
    # This gold has no organization, so by default the predicted one is not scored.
    assert set(e.by_type) == {"place", "title", "person", "company"}
    assert (e.overall.tp, e.overall.fp, e.overall.fn) == (3, 1, 3)
    assert e.overall.precision == pytest.approx(3 / 4)
    assert e.overall.recall == pytest.approx(3 / 6)
    assert e.overall.f1 == pytest.approx(0.6)
    assert e.by_type["person"].f1 == pytest.approx(0.5)
    assert e.by_type["company"].recall == 0.0
    only = evaluate(files / "c.json", predictor=predict, types=["person", "place"])
    assert set(only.by_type) == {"person", "place"}
    assert (only.overall.tp, only.overall.fp, only.overall.fn) == (2, 1, 1)
    asked = evaluate(files / "c.json", predictor=predict, types=["organization", "company"])
    assert (asked.overall.tp, asked.overall.fp, asked.overall.fn) == (0, 1, 1)


def test_char_tag_scores_fold_company(files):
    # People's Daily has one ORG label: a predicted company is scored as an organization.
    predict = fixed({"王刚到北京，欧美": [(0, 2, "person"), (3, 5, "place"), (6, 8, "place")],
                     "新华社报道": [(0, 3, "company"), (3, 5, "title")]})
    e = evaluate(files / "pd.bio", predictor=predict)
    assert set(e.by_type) == {"person", "place", "organization"}   # no title in this corpus
    assert (e.by_type["place"].tp, e.by_type["place"].fp, e.by_type["place"].fn) == (1, 1, 2)
    assert e.by_type["organization"].f1 == 1.0
    assert e.overall.precision == pytest.approx(3 / 4)
    assert e.overall.recall == pytest.approx(3 / 5)
    assert "overall" in e.table() and e.to_dict()["scores"]["overall"]["tp"] == 3


def test_empty_prediction_is_zero_not_error(files):
    e = score(read_gold(files / "r.bmes"), lambda text: [])
    assert e.overall.f1 == 0.0 and e.overall.fn == 3


SPANS = [{"text": "男友王刚在北京大学", "spans": [[0, 2, "NOM_PER"], [2, 4, "PER"], [5, 9, "ORG"]]},
         {"text": "华为公司在深圳", "spans": [[0, 4, "ORG"], [5, 7, "LOC"]]}]


def test_span_lines_format(tmp_path):
    path = tmp_path / "w.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in SPANS) + "\n", encoding="utf-8")
    gold = read_gold(path)
    assert gold[0].spans == [(2, 4, "person"), (5, 9, "organization")]      # nominal 男友 dropped
    # One ORG label, as in the char-tag corpora: a predicted company is scored as an organization.
    predict = fixed({"男友王刚在北京大学": [(0, 2, "person"), (2, 4, "person")],
                     "华为公司在深圳": [(0, 4, "company"), (5, 7, "place")]})
    e = evaluate(path, predictor=predict)
    assert set(e.by_type) == {"person", "place", "organization"}
    assert (e.overall.tp, e.overall.fp, e.overall.fn) == (3, 1, 1)


@pytest.mark.parametrize("path", sorted(p for p in [
    Path("/work/shared/data/cluener2020/train.json"), Path("/work/shared/data/people_daily_ner/example.dev"),
    Path("/work/shared/data/resume_ner/dev.char.bmes"), Path("/work/shared/data/msra_ner_partial/train.jsonl"),
    Path("/work/shared/data/weibo_ner/train.jsonl")] if p.exists()))
def test_every_shared_corpus_reads(path):
    gold = read_gold(path, limit=200)
    assert len(gold) == 200 and any(s.spans for s in gold)
    assert all(0 <= a < b <= len(s.text) and t in ALL_TYPES for s in gold for a, b, t in s.spans)


def test_rules_predictor_withholds_the_tagger():
    rules = get_predictor("rules")
    spans = rules("市委书记李长萍在聊城市人民政府调研。")
    assert (4, 7, "person") in spans and (8, 15, "organization") in spans
    assert all(not (a < c < b < d) for a, b, _ in spans for c, d, _ in spans)      # flat, no crossing
    assert rules("今天天气很好。") == []


def test_cli_eval_predictors(files):
    from click.testing import CliRunner

    from kg.cli import main

    for predictor in ("tagger", "rules", "jieba"):
        result = CliRunner().invoke(main, ["eval", str(files / "pd.bio"), "--predictor", predictor])
        assert result.exit_code == 0 and "overall" in result.output and "person" in result.output
