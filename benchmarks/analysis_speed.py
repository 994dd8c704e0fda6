"""Speed of the analysis engine: median time per answer after warm-up, at several lengths.

    python benchmarks/analysis_speed.py

Target: <= 20 ms for a 400-word answer, and time growing linearly with length.
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mockinterview.core.analysis import analyze  # noqa: E402

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "answers-dev.jsonl"
FALLBACK = ("So I was leading the migration and we had two weeks left. I rewrote the import job myself "
            "and we tested it together. The team shipped it on time and errors dropped by 40%. ")


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
    texts = corpus()
    print(f"{'words':>6} {'median ms':>10} {'ms / 100 words':>15}")
    base = None
    for words, repeats in ((100, 51), (400, 31), (1600, 11), (6400, 5)):
        ms = median_ms(text_of(words, texts), repeats)
        per100 = ms / words * 100
        base = base or per100
        print(f"{words:>6} {ms:>10.2f} {per100:>15.3f}   (x{per100 / base:.2f} of the 100-word rate)")
    ms400 = median_ms(text_of(400, texts), 31)
    print(f"\n400-word answer: {ms400:.2f} ms (target <= 20 ms): {'OK' if ms400 <= 20 else 'OVER'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
