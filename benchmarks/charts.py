"""QtCharts or pyqtgraph for the Progress view? Measured on the same series, drawn the same way.

    python benchmarks/charts.py [--pyqtgraph-path DIR] [--save DIR]

Builds 2,000 answers over a year (as benchmarks/progress.py does), takes the longest series the
view can show (every take, by day), and for each library times, over 7 runs: putting the series,
its target band and date axes on a chart, and painting it once (QWidget.grab, offscreen) at the
view's size. Import cost is timed in fresh processes (five each, median, minus a bare
interpreter's start). pyqtgraph is not a dependency: install it anywhere (`pip install --no-deps --target
/tmp/pg pyqtgraph`) and pass that folder; without it only QtCharts is measured.

The app uses QtCharts (through the real ProgressView); the pyqtgraph chart below is the
equivalent drawing: a line with points, a shaded band between two curves, a date axis.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (900, 420)
SAVE: str | None = None          # --save DIR: both charts as PNG, to compare their look


def import_ms(module: str, extra_path: str | None) -> float:
    """Median wall time of a fresh interpreter importing module (minus a bare interpreter)."""
    env = dict(os.environ, PYTHONPATH=extra_path or "")

    def run(code: str) -> float:
        times = []
        for _ in range(5):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
            times.append(time.perf_counter() - t)
        return median(times)
    base = run("import PySide6.QtWidgets")
    return (run(f"import PySide6.QtWidgets, {module}") - base) * 1000


def qtcharts_draw(points, app) -> float:
    from mockinterview.ui.progress_view import ProgressView
    view = ProgressView(["teamwork", "conflict"])
    view.resize(*SIZE)
    view.show()
    app.processEvents()
    t = time.perf_counter()
    view.show_series(points, ["Ownership score rose from 2.1 to 2.6"])
    app.processEvents()                     # QtCharts lays the chart out in the event loop
    image = view.grab()
    took = time.perf_counter() - t
    if SAVE:
        image.save(str(Path(SAVE) / "qtcharts.png"))
    return took


def pyqtgraph_draw(points, band, app) -> float:
    import pyqtgraph as pg
    from datetime import datetime, time as dtime
    w = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
    w.resize(*SIZE)
    w.show()
    app.processEvents()
    t = time.perf_counter()
    xs = [datetime.combine(p.start, dtime(12)).timestamp() for p in points]
    ys = [p.value for p in points]
    w.clear()
    lo = pg.PlotDataItem([xs[0], xs[-1]], [band[0]] * 2)
    hi = pg.PlotDataItem([xs[0], xs[-1]], [band[1]] * 2)
    w.addItem(pg.FillBetweenItem(lo, hi, brush=(40, 100, 200, 40)))
    w.plot(xs, ys, pen=pg.mkPen(width=2.5), symbol="o", symbolSize=6)
    w.setTitle("Ownership score (1–5)")
    app.processEvents()
    image = w.grab()
    took = time.perf_counter() - t
    if SAVE:
        image.save(str(Path(SAVE) / "pyqtgraph.png"))
    return took


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyqtgraph-path")
    ap.add_argument("--save", metavar="DIR")
    args = ap.parse_args()
    global SAVE
    SAVE = args.save
    if args.pyqtgraph_path:
        sys.path.append(args.pyqtgraph_path)
    load = os.getloadavg()
    print(f"machine load {load[0]:.2f} / {load[1]:.2f} on {os.cpu_count()} cores")
    from PySide6.QtWidgets import QApplication
    from progress import build
    from mockinterview.core import progress
    from mockinterview.core.store import Store
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as d:
        db = Path(d) / "mockinterview.db"
        build(db, 2000)
        s = Store(db)
        points = progress.series(progress.takes(s.progress_rows()), "score", "day", "all")
        s.close()
    band = next(m.band for m in progress.METRICS if m.key == "score")
    print(f"series: {len(points)} points (2,000 answers, every take, by day)")
    qc = median(qtcharts_draw(points, app) for _ in range(7)) * 1000
    print(f"QtCharts  (the app's ProgressView)  draw + paint {qc:6.1f} ms   import {import_ms('PySide6.QtCharts', None):5.0f} ms")
    try:
        import pyqtgraph  # noqa: F401
    except ImportError:
        print("pyqtgraph not found: pass --pyqtgraph-path (see the docstring)")
        return 0
    pg = median(pyqtgraph_draw(points, band, app) for _ in range(7)) * 1000
    print(f"pyqtgraph {pyqtgraph.__version__:>6} (equivalent chart)    draw + paint {pg:6.1f} ms   "
          f"import {import_ms('pyqtgraph', args.pyqtgraph_path):5.0f} ms")
    print(f"ratio pyqtgraph / QtCharts draw: {pg / qc:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
