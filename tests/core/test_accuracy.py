"""Regression guard on the labelled answers (the benchmark prints the full figures).

The floors sit a little under today's figures: on the tuned-on part they guard against
breaking what the rules were built for, on the untouched part against losing generality.
"""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "answers-dev.jsonl"
COLUMNS = ("answers", "sentences", "agent", "self_precision", "self_recall", "star", "quantified",
           "verdict", "spearman")
FLOORS = {
    # the tuned-on part grew to 674 answers in harder registers (historical present, non-native
    # speech, résumé bullets), so its floors sit under its figures on those, not the first 354
    "tuned on": {"agent": 0.91, "self_precision": 0.95, "verdict": 0.93, "spearman": 0.87, "star": 0.84},
    "untouched": {"agent": 0.87, "self_precision": 0.94, "verdict": 0.89, "spearman": 0.83, "star": 0.78},
}


def pooled_rows(stdout: str) -> dict[str, dict[str, float]]:
    rows = {}
    for line in stdout.splitlines():
        if line.startswith("ALL · "):
            name, _, figures = line[len("ALL · "):].partition("  ")
            rows[name.strip()] = dict(zip(COLUMNS, map(float, figures.split())))
    return rows


@pytest.mark.skipif(not DEV.exists(), reason="../shared/answers-dev.jsonl is not present")
def test_accuracy_benchmark_holds_its_floors_on_both_parts():
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "analysis_accuracy.py")],
                       capture_output=True, text=True, check=True)
    rows = pooled_rows(r.stdout)
    assert set(rows) == {"tuned on", "untouched"}, r.stdout
    for part, floors in FLOORS.items():
        for key, floor in floors.items():
            assert rows[part][key] >= floor, f"{part} {key} {rows[part][key]} < {floor}\n{r.stdout}"
    assert "agent (rows: labelled, columns: predicted)" in r.stdout
    assert "Targets on the untouched part" in r.stdout


def test_speed_benchmark_runs():
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "analysis_speed.py")],
                       capture_output=True, text=True, check=True)
    assert "400-word answer:" in r.stdout and "6400" in r.stdout
