"""Accuracy of the analysis engine on the labelled answers: tuned-on and untouched, per file.

    python benchmarks/analysis_accuracy.py                 # every labelled file, split as in labelled.py
    python benchmarks/analysis_accuracy.py FILE [FILE …]   # given files (each answer still tuned-on or untouched)
    python benchmarks/analysis_accuracy.py --errors        # also list the mislabelled sentences and answers
                                                           # of the tuned-on part (never of the untouched part)
    python benchmarks/analysis_accuracy.py --invariance    # also: how often the verdict and score (±0.3)
                                                           # survive rewriting each answer (tests/core/transforms.py)

Prints, for each file and for the two parts pooled: sentence agent accuracy, `self` precision and
recall, STAR and quantified accuracy, verdict accuracy and the Spearman correlation of the score
with the labelled 1–5 score; confusion matrices for each part; the targets for the untouched part.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from labelled import AGENTS, FILES, STARS, VERDICTS, Tally, confusion, load, tuned_on  # noqa: E402

TARGETS = {"agent": 0.93, "verdict": 0.92, "spearman": 0.85, "star": 0.80, "self_precision": 0.95}


def row(name: str, f: dict) -> str:
    return (f"{name:<22}{f['answers']:>5}{f['sentences']:>6}{f['agent']:>8.3f}{f['self_precision']:>8.3f}"
            f"{f['self_recall']:>8.3f}{f['star']:>8.3f}{f['quantified']:>8.3f}{f['verdict']:>9.3f}{f['spearman']:>10.3f}")


def invariance(sources, show: bool) -> None:
    """Share of answers whose verdict stays and whose score moves by at most 0.3 when the same
    answer is re-punctuated, merged, split, given fillers or stripped of punctuation. Uses no
    labels; the answers that move are listed only for the tuned-on part (with --errors)."""
    import random
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "core"))
    from transforms import TRANSFORMS

    from mockinterview.core.analysis import analyze
    print("\nVerdict kept and score within 0.3 when the answer is rewritten")
    print(f"{'file':<12}{'ans.':>6}" + "".join(f"{k:>16}" for k in TRANSFORMS))
    for name, recs in sources:
        kept = dict.fromkeys(TRANSFORMS, 0)
        for rec in recs:
            a = analyze(rec["text"]).ownership
            for k, f in TRANSFORMS.items():
                b = analyze(f(rec["text"], random.Random(rec["id"]))).ownership
                if a.verdict == b.verdict and abs(a.score - b.score) <= 0.3 + 1e-9:
                    kept[k] += 1
                elif show and tuned_on(rec):
                    print(f"  MOVED {rec['id']} {k}: {a.verdict}/{a.score} → {b.verdict}/{b.score}")
        if recs:
            print(f"{name:<12}{len(recs):>6}" + "".join(f"{kept[k] / len(recs):>16.3f}" for k in TRANSFORMS))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="labelled JSONL files (default: all of them)")
    ap.add_argument("--errors", action="store_true", help="list the tuned-on part's errors")
    ap.add_argument("--invariance", action="store_true", help="verdict kept under rewriting, per transform")
    args = ap.parse_args()
    from mockinterview.core.analysis import analyze
    from mockinterview.core.analysis.engine import CLAUSE_READER, ENGINE_VERSION, warm_up

    t0 = time.perf_counter()
    warm_up()
    print(f"engine {ENGINE_VERSION}, clause reader: {CLAUSE_READER} (loaded in {time.perf_counter() - t0:.1f} s)")
    sources = [(Path(f).stem, load(f)) for f in args.files] if args.files else \
        [(name, load(name)) for name in FILES]
    parts = {"tuned on": Tally(), "untouched": Tally()}
    header = (f"{'file · part':<22}{'ans.':>5}{'sent.':>6}{'agent':>8}{'self P':>8}{'self R':>8}{'STAR':>8}"
              f"{'quant.':>8}{'verdict':>9}{'Spearman':>10}")
    print(header)
    print("-" * len(header))
    for name, recs in sources:
        if not recs:
            print(f"{name:<22} (missing)")
            continue
        by_part = {"tuned on": Tally(), "untouched": Tally()}
        for rec in recs:
            part = "tuned on" if tuned_on(rec) else "untouched"
            a = analyze(rec["text"])
            pairs = by_part[part].add(rec, a)
            if args.errors and part == "tuned on":
                for g, p in pairs:
                    if (p.agent if p else "none") != g["agent"]:
                        print(f"  AGENT {rec['id']} gold={g['agent']} pred={p.agent if p else '-'}: {g['text']}\n"
                              f"        {p.reason if p else ''}")
                if rec["ownership"] != a.ownership.verdict:
                    print(f"  VERDICT {rec['id']} gold={rec['ownership']}/{rec['score_1to5']} "
                          f"pred={a.ownership.verdict}/{a.ownership.score}")
        for part, t in by_part.items():
            if t.answers:
                print(row(f"{name} · {part}", t.figures()))
                parts[part] = parts[part].merge(t)
    print("-" * len(header))
    for part, t in parts.items():
        if t.answers:
            print(row(f"ALL · {part}", t.figures()))
    u = parts["untouched"]
    if u.answers:
        f = u.figures()
        print("\nTargets on the untouched part: " + ", ".join(
            f"{k} {f[k]:.3f} (≥ {v}) {'OK' if f[k] >= v else 'MISSED'}" for k, v in TARGETS.items()))
    for part, t in parts.items():
        if t.answers:
            print(f"\n== {part} ==")
            print(confusion(t.agent, AGENTS, "agent"))
            print(confusion(t.verdict, VERDICTS, "verdict"))
            print(confusion(t.star, STARS, "STAR"))
    if args.invariance:
        invariance(sources, args.errors)
    print(f"\n{time.perf_counter() - t0:.1f} s in all")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
