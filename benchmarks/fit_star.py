"""Fit the STAR model (mockinterview/core/analysis/star_weights.py) on the tuned-on answers.

    python benchmarks/fit_star.py          # rewrites star_weights.py; then run analysis_accuracy.py
    python benchmarks/fit_star.py --cv     # 5-fold cross-validation (grouped by answer) only

Only the answers labelled.py calls "tuned on" are used (answers-dev, the tuning files and the
probes numbered 01 and 05). For each of the engine's sentences: its inputs (star.inputs, from the
engine's own clauses and agents, as at run time) and the STAR part of the labelled sentence it
overlaps most. The model is a multinomial logistic regression (L2, full-batch gradient descent
with numpy; only the weights ship), and the part-to-part transitions are counted with add-one
smoothing. It replaced a naive-Bayes model on cross-validation: on the 274 tuned-on answers of the time,
5-fold accuracy 0.825 (naive Bayes, with its task boosts) against 0.852 (logistic, transitions
weighted 1.0, stated-task boost 3.0; 0.854 without the boost); with three more facts (a question,
a habit or generic subject, "I'm…/I've been…") 0.862 on all 354. `--cv` prints the grid.
"""
from __future__ import annotations

import argparse
import math
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from labelled import FILES, align, label_spans, load, tuned_on  # noqa: E402

OUT = ROOT / "mockinterview" / "core" / "analysis" / "star_weights.py"
L2 = 1.0            # inverse regularisation strength (cross-validation: 0.3–3 all within 0.3 points)
EPOCHS = 300


def examples() -> list[tuple[str, list[tuple[str, ...]], list[str]]]:
    """(answer id, each sentence's facts, each sentence's labelled STAR part) per tuned-on answer."""
    from mockinterview.core.analysis import engine
    from mockinterview.core.analysis.agent import sentence_agent
    from mockinterview.core.analysis.quantity import is_quantified
    from mockinterview.core.analysis.sentences import split_sentences
    from mockinterview.core.analysis.star import sentence_features
    from mockinterview.core.analysis.tokens import tokenize

    engine.warm_up()
    out = []
    for name in FILES:
        for rec in load(name):
            if not tuned_on(rec):
                continue
            text = rec["text"]
            spans = split_sentences(text)
            toks = [tokenize(text[a:b], offset=a) for a, b in spans]
            clause_lists = engine._clauses(text, spans, toks)
            agents = [sentence_agent(t, cs)[0] for t, cs in zip(toks, clause_lists)]
            texts = [text[a:b] for a, b in spans]
            outcome = [is_quantified(t, tk, "result") for t, tk in zip(texts, toks)]
            feats = sentence_features(texts, clause_lists, agents, outcome)

            class S:                         # the engine's sentences, for align()
                def __init__(self, a, b):
                    self.start, self.end = a, b
            pred = [S(a, b) for a, b in spans]
            gold_of = {}
            for g, p in align(pred, label_spans(rec)):
                if p is not None:
                    gold_of.setdefault(pred.index(p), g["star"])
            out.append((rec["id"], feats, [gold_of.get(i, "other") for i in range(len(spans))]))
    return out


def fit(train):
    """(weights per input, log prior per part, log start, log transitions) from training answers."""
    from mockinterview.core.analysis.star import LABELS, inputs
    index = {lab: i for i, lab in enumerate(LABELS)}
    vocab: dict[str, int] = {}
    rows, ys = [], []
    for _, feats, labels in train:
        for i, lab in enumerate(labels):
            xs = inputs(feats, i)
            rows.append([vocab.setdefault(x, len(vocab)) for x in xs])
            ys.append(index[lab])
    X = np.zeros((len(rows), len(vocab)))
    for r, cols in enumerate(rows):
        X[r, cols] = 1.0
    Y = np.zeros((len(rows), len(LABELS)))
    Y[np.arange(len(rows)), ys] = 1.0
    W = np.zeros((len(vocab), len(LABELS)))
    for _ in range(EPOCHS):
        Z = X @ W
        Z -= Z.max(1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(1, keepdims=True)
        W -= 0.5 * (X.T @ (P - Y) / len(rows) + W / (L2 * len(rows)))
    prior = {lab: float(math.log(Y[:, j].mean() + 1e-3)) for j, lab in enumerate(LABELS)}
    start, trans = Counter(), defaultdict(Counter)
    for _, _, labels in train:
        start[labels[0]] += 1
        for a, b in zip(labels, labels[1:]):
            trans[a][b] += 1
    start_w = {lab: math.log((start[lab] + 1) / (sum(start.values()) + len(LABELS))) for lab in LABELS}
    trans_w = {a: {b: math.log((trans[a][b] + 1) / (sum(trans[a].values()) + len(LABELS))) for b in LABELS}
               for a in LABELS}
    weights = {x: tuple(float(v) for v in W[i]) for x, i in vocab.items()}
    return weights, prior, start_w, trans_w


def cross_validate(data, folds: int = 5) -> None:
    from mockinterview.core.analysis import star
    ids = [d[0] for d in data]
    random.Random(0).shuffle(ids)
    parts = [set(ids[k::folds]) for k in range(folds)]
    right = defaultdict(int)
    total = 0
    saved = star.TRANSITION_WEIGHT, star.STATED_TASK_BOOST
    for part in parts:
        w, prior, start, trans = fit([d for d in data if d[0] not in part])
        module = type(sys)("star_weights")
        module.WEIGHTS, module.PRIOR, module.START, module.TRANS = w, prior, start, trans
        sys.modules["mockinterview.core.analysis.star_weights"] = module
        for _, feats, labels in (d for d in data if d[0] in part):
            total += len(labels)
            for tw in (0.0, 0.5, 1.0):
                for boost in (0.0, 3.0, 8.0):
                    star.TRANSITION_WEIGHT, star.STATED_TASK_BOOST = tw, boost
                    pred = _decode(star, feats)
                    right[tw, boost] += sum(p == g for p, g in zip(pred, labels))
    star.TRANSITION_WEIGHT, star.STATED_TASK_BOOST = saved
    del sys.modules["mockinterview.core.analysis.star_weights"]
    for (tw, boost), r in right.items():
        print(f"{folds}-fold accuracy, transitions weighted {tw}, stated-task boost {boost}: {r / total:.3f} "
              f"({total} sentences)")


def _decode(star, feats):
    """label_star on precomputed facts (the cross-validation reuses one parse per answer)."""
    saved = star.sentence_features
    star.sentence_features = lambda *a: feats
    try:
        return star.label_star(["x"] * len(feats), [[]] * len(feats), ["none"] * len(feats))
    finally:
        star.sentence_features = saved


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", action="store_true", help="only print cross-validated accuracy")
    args = ap.parse_args()
    data = examples()
    if args.cv:
        cross_validate(data)
        return 0
    weights, prior, start, trans = fit(data)
    sentences = sum(len(d[2]) for d in data)

    def fmt(v):
        return "(" + ", ".join(f"{x:.4f}" for x in v) + ")" if isinstance(v, tuple) else f"{v:.4f}"
    lines = ['"""STAR model: logistic weights per input (one per part, in star.LABELS order), log priors,',
             f"and log transitions, fitted on the tuned-on labelled answers ({len(data)} answers, {sentences} sentences)",
             'by benchmarks/fit_star.py. Generated: do not edit by hand.', '"""', "",
             "PRIOR = {" + ", ".join(f'"{k}": {fmt(v)}' for k, v in prior.items()) + "}",
             "START = {" + ", ".join(f'"{k}": {fmt(v)}' for k, v in start.items()) + "}", "TRANS = {"]
    for a, row in trans.items():
        lines.append(f'    "{a}": {{' + ", ".join(f'"{b}": {fmt(v)}' for b, v in row.items()) + "},")
    lines += ["}", "WEIGHTS = {"]
    for x in sorted(weights):
        lines.append(f"    {x!r}: {fmt(weights[x])},")
    lines.append("}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} from {len(data)} answers, {sentences} sentences, {len(weights)} inputs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
