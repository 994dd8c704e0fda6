"""Accuracy of the analysis engine on a labelled JSONL file (format: ../shared/README.md).

    python benchmarks/analysis_accuracy.py ../shared/answers-dev.jsonl [--errors]

Predicted sentences are aligned to labelled ones by character overlap, so the engine's own
sentence split may differ from the labels'.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mockinterview.core.analysis import analyze  # noqa: E402
from mockinterview.core.analysis.model import AGENTS, STARS  # noqa: E402

VERDICTS = ("individual", "mixed", "team_only")


def label_spans(rec: dict) -> list[tuple[int, int, dict]]:
    out, pos = [], 0
    for s in rec["sentences"]:
        at = rec["text"].find(s["text"], pos)
        out.append((at, at + len(s["text"]), s))
        pos = at + len(s["text"])
    return out


def align(pred, gold):
    """For each gold sentence, the predicted sentence that overlaps it most."""
    out = []
    for a, b, g in gold:
        best, best_ov = None, 0
        for p in pred:
            ov = min(b, p.end) - max(a, p.start)
            if ov > best_ov:
                best, best_ov = p, ov
        out.append((g, best))
    return out


def spearman(xs, ys):
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(v):
            j = i
            while j + 1 < len(v) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return r
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def confusion(pairs, labels, title):
    c = Counter(pairs)
    width = max(len(x) for x in labels) + 1
    print(f"\n{title} (rows: labelled, columns: predicted)")
    print(" " * width + "".join(f"{x[:8]:>9}" for x in labels))
    for g in labels:
        print(f"{g:<{width}}" + "".join(f"{c[(g, p)]:>9}" for p in labels))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--errors", action="store_true", help="print every mislabelled sentence and answer")
    args = ap.parse_args()
    recs = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    agent_pairs, star_pairs, quant_pairs, verdict_pairs = [], [], [], []
    scores, gold_scores = [], []
    for rec in recs:
        a = analyze(rec["text"])
        for g, p in align(a.sentences, label_spans(rec)):
            pa = p.agent if p else "none"
            agent_pairs.append((g["agent"], pa))
            star_pairs.append((g["star"], p.star if p else "other"))
            quant_pairs.append((g["quantified"], p.quantified if p else False))
            if args.errors and pa != g["agent"]:
                print(f"AGENT {rec['id']} gold={g['agent']} pred={pa}: {g['text']}\n      {p.reason if p else ''}")
        verdict_pairs.append((rec["ownership"], a.ownership.verdict))
        scores.append(a.ownership.score)
        gold_scores.append(rec["score_1to5"])
        if args.errors and rec["ownership"] != a.ownership.verdict:
            print(f"VERDICT {rec['id']} gold={rec['ownership']}/{rec['score_1to5']} pred={a.ownership.verdict}/{a.ownership.score}")
    n = len(agent_pairs)
    acc = lambda pairs: sum(g == p for g, p in pairs) / len(pairs)  # noqa: E731
    tp = sum(g == "self" and p == "self" for g, p in agent_pairs)
    fp = sum(g != "self" and p == "self" for g, p in agent_pairs)
    fn = sum(g == "self" and p != "self" for g, p in agent_pairs)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec_ = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec_ / (prec + rec_) if prec + rec_ else 0.0
    print(f"file: {args.file}  answers: {len(recs)}  sentences: {n}")
    print(f"agent accuracy        {acc(agent_pairs):.3f}   (target >= 0.90)")
    print(f"self precision        {prec:.3f}")
    print(f"self recall           {rec_:.3f}")
    print(f"self F1               {f1:.3f}")
    print(f"star accuracy         {acc(star_pairs):.3f}")
    print(f"quantified accuracy   {acc(quant_pairs):.3f}")
    print(f"verdict accuracy      {acc(verdict_pairs):.3f}   (target >= 0.90)")
    print(f"score Spearman        {spearman(scores, gold_scores):.3f}   (target >= 0.80)")
    confusion(agent_pairs, AGENTS, "agent confusion")
    confusion(verdict_pairs, VERDICTS, "verdict confusion")
    confusion(star_pairs, STARS, "star confusion")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
