"""Count the STAR weights (mockinterview/core/analysis/star_weights.py) from the tuned-on answers.

    python benchmarks/fit_star.py          # rewrites star_weights.py; then run analysis_accuracy.py

Only the answers labelled.py calls "tuned on" are used (answers-dev, the tuning files and the probes
numbered 01 and 05). For each of the engine's sentences: its facts (star.features, from the engine's own clauses
and agent, as at run time) and the STAR part of the labelled sentence it overlaps most. The
weights are log-probabilities with add-one smoothing: a naive-Bayes emission per part and the
part-to-part transitions, which star.label_star decodes with Viterbi.
"""
from __future__ import annotations

import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from labelled import FILES, align, label_spans, load, tuned_on  # noqa: E402

OUT = ROOT / "mockinterview" / "core" / "analysis" / "star_weights.py"


def main() -> int:
    from mockinterview.core.analysis import engine
    from mockinterview.core.analysis.quantity import is_quantified
    from mockinterview.core.analysis.sentences import split_sentences
    from mockinterview.core.analysis.star import FLAGS, LABELS, sentence_features
    from mockinterview.core.analysis.agent import sentence_agent
    from mockinterview.core.analysis.tokens import tokenize

    prior, start = Counter(), Counter()
    trans = defaultdict(Counter)
    keyed = defaultdict(Counter)            # label → agent=/quart= values
    flags = defaultdict(Counter)            # label → flag present
    answers = 0
    for name in FILES:
        for rec in load(name):
            if not tuned_on(rec):
                continue
            answers += 1
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
            labels = [gold_of.get(i, "other") for i in range(len(spans))]
            for i, (fs, lab) in enumerate(zip(feats, labels)):
                prior[lab] += 1
                if i == 0:
                    start[lab] += 1
                else:
                    trans[labels[i - 1]][lab] += 1
                for f in fs:
                    if f.startswith(("agent=", "quart=")):
                        keyed[lab][f] += 1
                    else:
                        flags[lab][f] += 1
    total = sum(prior.values())
    agents_vals = ["agent=" + a for a in ("self", "team", "other", "passive", "none")]
    quart_vals = [f"quart={q}" for q in range(4)]
    emit = {}
    for lab in LABELS:
        n = prior[lab]
        w = {"prior": math.log((n + 1) / (total + len(LABELS)))}
        for group in (agents_vals, quart_vals):
            for v in group:
                w[v] = math.log((keyed[lab][v] + 1) / (n + len(group)))
        w["unseen"] = math.log(1 / (n + 5))
        for f in FLAGS:
            p = (flags[lab][f] + 1) / (n + 2)
            w[f] = (math.log(1 - p), math.log(p))
        emit[lab] = w
    start_w = {lab: math.log((start[lab] + 1) / (sum(start.values()) + len(LABELS))) for lab in LABELS}
    trans_w = {a: {b: math.log((trans[a][b] + 1) / (sum(trans[a].values()) + len(LABELS))) for b in LABELS}
               for a in LABELS}

    def fmt(x):
        if isinstance(x, tuple):
            return "(" + ", ".join(f"{v:.4f}" for v in x) + ")"
        return f"{x:.4f}"
    lines = ['"""STAR weights: log-probabilities counted from the tuned-on labelled answers',
             f"({answers} answers, {total} sentences) by benchmarks/fit_star.py. Generated: do not edit by hand.",
             '"""', "", "START = {" + ", ".join(f'"{k}": {fmt(v)}' for k, v in start_w.items()) + "}", "TRANS = {"]
    for a in LABELS:
        lines.append(f'    "{a}": {{' + ", ".join(f'"{b}": {fmt(v)}' for b, v in trans_w[a].items()) + "},")
    lines.append("}")
    lines.append("EMIT = {")
    for lab in LABELS:
        lines.append(f'    "{lab}": {{')
        items = list(emit[lab].items())
        for k, v in items:
            lines.append(f'        "{k}": {fmt(v)},')
        lines.append("    },")
    lines.append("}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} from {answers} answers, {total} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
