"""How long the Progress figures take for a long history (issue 11's target: 2,000 answers in
≤ 200 ms, loaded off the GUI thread).

    python benchmarks/progress.py [N]

Builds a database of N answers (default 2,000; real analyses of varied answers, spread over a
year) in a temporary folder, then times, over 7 runs: the column-only read (Store.progress_rows),
and every metric's weekly series over all, first and best takes plus the words about last week.
It then draws the longest of those series (every take, by day) in the app's ProgressView and
paints it once, offscreen (benchmarks/charts.py compares QtCharts with pyqtgraph on that draw).
For comparison it times what History did before: Store.answers(), which parses every row's JSON, and
what it reads now (core/history.py: columns only, in a worker).
"""
from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build(db: Path, n: int) -> None:
    from mockinterview.core.analysis import analyze
    from mockinterview.core.store import Store
    from mockinterview.core.transcript import Transcript
    rng = random.Random(7)
    texts = ["We planned the migration and the team shipped it on time.",
             "I rewrote the rota myself and cut overtime by 20% in a month.",
             "My manager asked me to fix the backlog. I triaged 300 tickets and we closed half of them.",
             "Um, so we had a problem with the build, and, like, I fixed it, and then we released."]
    analyses = [(t, analyze(t)) for t in texts]
    s = Store(db)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    sid = s.new_session()
    for i in range(n):
        if i % 5 == 0:
            sid = s.new_session()
        text, a = rng.choice(analyses)
        aid = s.start_answer(sid, f"q-{i % 40}", "Tell me about a time.", rng.choice(["teamwork", "conflict"]), None)
        s.finish_answer(aid, Transcript(text, [], [], 60.0, "en", "faster-whisper", "tiny.en"), a)
        s.db.execute("UPDATE answers SET created_at=? WHERE id=?",
                     ((start + timedelta(hours=4 * i)).isoformat(timespec="seconds"), aid))
    s.close()


def main() -> int:
    from mockinterview.core import history, progress
    from mockinterview.core.store import Store
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    load = os.getloadavg()
    print(f"machine load {load[0]:.2f} / {load[1]:.2f} on {os.cpu_count()} cores; {n} answers")
    with tempfile.TemporaryDirectory() as d:
        db = Path(d) / "mockinterview.db"
        build(db, n)
        s = Store(db)
        read, compute, before, now = [], [], [], []
        for _ in range(7):
            t = time.perf_counter()
            rows = s.progress_rows()
            read.append(time.perf_counter() - t)
            t = time.perf_counter()
            takes = progress.takes(rows)
            for m in progress.METRICS:
                for which in ("all", "first", "best"):
                    progress.series(takes, m.key, "week", which)
            progress.changes(takes)
            compute.append(time.perf_counter() - t)
            t = time.perf_counter()
            s.answers()
            before.append(time.perf_counter() - t)
            t = time.perf_counter()
            history.read(s)
            now.append(time.perf_counter() - t)
        longest = progress.series(progress.takes(s.progress_rows()), "score", "day", "all")
        s.close()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from charts import qtcharts_draw
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    draw = [qtcharts_draw(longest, app) for _ in range(7)]
    r, c, b, h, w = (median(x) * 1000 for x in (read, compute, before, now, draw))
    print(f"column-only read      {r:7.1f} ms   (worker)")
    print(f"21 series + words     {c:7.1f} ms   (worker)")
    print(f"draw {len(longest):3d} points       {w:7.1f} ms   (GUI thread: ProgressView, QtCharts)")
    total = r + c + w
    print(f"total                 {total:7.1f} ms   (target <= 200 ms): {'OK' if total <= 200 else 'MISSED'}")
    print(f"Store.answers() (JSON of every row, what History read) {b:7.1f} ms: {b / (r + c):.1f}x read + series")
    print(f"history.read() (columns only, what History reads now, in a worker) {h:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
