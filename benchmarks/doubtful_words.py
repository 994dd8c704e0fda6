"""Which words should the review mark as doubtful? The engine's word probability against the truth.

    python benchmarks/doubtful_words.py [--answers N]

Transcribes spoken answers (benchmarks/spoken_answers.py) and the real recordings in
../shared/speech/ with the app's engine, aligns each transcribed word to the reference, and prints,
for each probability threshold, how many words would be marked, how many of the marked words are
really wrong (precision) and how many of the wrong words would be marked (recall). The threshold
the app uses (core/analysis/align.py: DOUBTFUL_BELOW) was chosen on the odd-numbered dev answers;
this prints figures for those and for the even-numbered ones separately.
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def judged_words(reference: str, words) -> list[tuple[float, bool]]:
    """(probability, right) for every transcribed word; right = it matches the reference word it aligns to."""
    from mockinterview.core.wer import normalize

    ref = normalize(reference)
    hyp, probs = [], []
    for w in words:
        for tok in normalize(w.text):          # "40" becomes "forty": each part judged with its word's probability
            hyp.append(tok)
            probs.append(w.probability)
    right = [False] * len(hyp)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ref, hyp, autojunk=False).get_opcodes():
        if tag == "equal":
            for j in range(j1, j2):
                right[j] = True
    return list(zip(probs, right))


def table(label: str, judged: list[tuple[float, bool]]) -> None:
    wrong = sum(1 for _, r in judged if not r)
    print(f"\n{label}: {len(judged)} words, {wrong} wrong ({wrong / max(1, len(judged)):.1%})")
    print(f"{'below':>7}{'marked':>9}{'share':>8}{'precision':>11}{'recall':>8}")
    for t in THRESHOLDS:
        marked = [r for p, r in judged if p < t]
        hits = sum(1 for r in marked if not r)
        print(f"{t:>7.1f}{len(marked):>9}{len(marked) / max(1, len(judged)):>8.1%}"
              f"{hits / max(1, len(marked)):>11.1%}{hits / max(1, wrong):>8.1%}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--answers", type=int, default=30, help="spoken answers per half")
    args = ap.parse_args()
    import spoken_answers as sa
    from fidelity import SPEECH, VOICES, machine_load

    from mockinterview.audio.convert import load_audio
    from mockinterview.core.analysis.align import DOUBTFUL_BELOW
    from mockinterview.transcribe import load_engine

    print(f"machine: {machine_load()}; the app marks words below {DOUBTFUL_BELOW}")
    engine = load_engine("faster-whisper")
    dev = sa.labelled([sa.SHARED / "answers-dev.jsonl"])
    halves = {"odd dev answers (threshold chosen here)": [r for r in dev if int(r["id"][4:]) % 2 == 1],
              "even dev answers (not looked at)": [r for r in dev if int(r["id"][4:]) % 2 == 0]}
    for label, recs in halves.items():
        judged = []
        for s in sa.spoken_answers(VOICES, records=recs, alternate=True, min_s=20, max_s=120, limit=args.answers):
            judged += judged_words(s.reference, engine.transcribe(load_audio(s.path)[0]).words)
        table(label, judged)
    judged = []
    for e in json.loads((SPEECH / "manifest.json").read_text(encoding="utf-8")):
        judged += judged_words(e["reference"], engine.transcribe(load_audio(SPEECH / e["file"])[0]).words)
    table("real recordings (../shared/speech)", judged)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
