"""Speed of the analysis engine after the parser is loaded: median time per answer at several
lengths, and adversarial inputs that must stay linear.

    python benchmarks/analysis_speed.py

Targets: <= 50 ms for a 400-word answer (issue 9), and time growing linearly with length for
every input: filler runs, one word repeated, no punctuation at all, a 10,000-character sentence.
Each adversarial input is timed at n and 2n; a ratio near 2 is linear, near 4 quadratic.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mockinterview.core.analysis import analyze  # noqa: E402
from mockinterview.core.analysis.engine import warm_up  # noqa: E402

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "answers-dev.jsonl"
FALLBACK = ("So I was leading the migration and we had two weeks left. I rewrote the import job myself "
            "and we tested it together. The team shipped it on time and errors dropped by 40%. ")

# name → text of size n (in repeated units)
ADVERSARIAL = {
    "comma-separated fillers + a sentence": lambda n: "Um, " * n + "I fixed it.",
    "fillers without a sentence": lambda n: "um, " * n + "u",
    "one word repeated": lambda n: "the " * n,
    "'I' repeated": lambda n: "I " * n + "did.",
    "no punctuation at all": lambda n: "so i rewrote the job and we tested it and then my manager said " * (n // 12),
    "one long sentence with commas": lambda n: "I called the client, " * (n // 4) + "and it worked.",
    "quotes and dashes": lambda n: '"we — well, me — did", ' * (n // 5),
}


def corpus() -> list[str]:
    if DEV.exists():
        return [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [FALLBACK]


def text_of(words: int, texts: list[str]) -> str:
    out, n, i = [], 0, 0
    while n < words:
        t = texts[i % len(texts)]
        out.append(t)
        n += len(t.split())
        i += 1
    return " ".join(" ".join(out).split()[:words])


def median_ms(text: str, repeats: int) -> float:
    analyze(text)  # warm-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        analyze(text)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    t0 = time.perf_counter()
    warm_up()
    print(f"machine load (1/5/15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print(f"parser loaded in {time.perf_counter() - t0:.2f} s\n")
    texts = corpus()
    print(f"{'words':>6} {'median ms':>10} {'ms / 100 words':>15}")
    base = None
    for words, repeats in ((100, 31), (400, 21), (1600, 7), (6400, 3)):
        ms = median_ms(text_of(words, texts), repeats)
        per100 = ms / words * 100
        base = base or per100
        print(f"{words:>6} {ms:>10.2f} {per100:>15.3f}   (x{per100 / base:.2f} of the 100-word rate)")
    print(f"\n{'adversarial input':<38}{'chars (n)':>10}{'ms (n)':>9}{'ms (2n)':>9}{'ratio':>7}")
    worst = 0.0
    for name, make in ADVERSARIAL.items():
        small, big = make(1000), make(2000)
        a, b = median_ms(small, 3), median_ms(big, 3)
        worst = max(worst, b / a)
        print(f"{name:<38}{len(small):>10}{a:>9.1f}{b:>9.1f}{b / a:>7.2f}")
    ms400 = median_ms(text_of(400, texts), 21)
    print(f"\n400-word answer: {ms400:.2f} ms (target <= 50 ms): {'OK' if ms400 <= 50 else 'OVER'}")
    print(f"worst n→2n ratio: {worst:.2f} ({'linear' if worst < 3 else 'NOT LINEAR'})")
    print(f"machine load at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
