"""Regression guard on the labelled development set (the benchmark prints the full figures)."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "answers-dev.jsonl"


@pytest.mark.skipif(not DEV.exists(), reason="../shared/answers-dev.jsonl is not present")
def test_accuracy_benchmark_meets_targets_on_dev_set():
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "analysis_accuracy.py"), str(DEV)],
                       capture_output=True, text=True, check=True)
    figures = {}
    for line in r.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0] in ("agent", "verdict", "score") and parts[1] in ("accuracy", "Spearman"):
            figures[parts[0]] = float(parts[2])
    assert figures["agent"] >= 0.90
    assert figures["verdict"] >= 0.90
    assert figures["score"] >= 0.80
    assert "agent confusion" in r.stdout


def test_speed_benchmark_runs():
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "analysis_speed.py")],
                       capture_output=True, text=True, check=True)
    assert "400-word answer:" in r.stdout and "6400" in r.stdout

