"""The README's picture of an exported report: a sample answer is analysed, saved in a throw-away
store, exported to PDF exactly as `mockinterview export ID -o FILE.pdf` does, and page 1 of that PDF
is rendered to assets/screenshots/report.png with QtPdf.

    python packaging/report_screenshot.py          # needs PySide6-Pdf (the [test] extra)
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "assets" / "screenshots" / "report.png"
QUESTION = "Tell me about a time you noticed a problem nobody owned and fixed it."


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPdf import QPdfDocument

    from mockinterview.core import report_model
    from mockinterview.core.analysis import analyze
    from mockinterview.core.store import Store
    from mockinterview.core.transcript import Transcript
    from mockinterview.export_pdf import answer_pdf

    app = QGuiApplication.instance() or QGuiApplication([])
    text = (ROOT / "assets" / "examples" / "individual-answer.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "mockinterview.db")
        aid = store.start_answer(store.new_session(), "initiative-sample", QUESTION, "initiative", None)
        store.finish_answer(aid, Transcript(text, [], [], 52.0, "en", "faster-whisper", "tiny.en"), analyze(text))
        pdf = Path(tmp) / "report.pdf"
        answer_pdf(report_model.from_row(store.answer(aid)), pdf)
        store.close()
        doc = QPdfDocument(None)
        if doc.load(str(pdf)) != QPdfDocument.Error.None_:
            print(f"QtPdf could not read {pdf}", file=sys.stderr)
            return 1
        size = doc.pagePointSize(0)
        scale = 1100 / size.width()                     # 1100 px wide: readable in the README
        image = doc.render(0, QSize(int(size.width() * scale), int(size.height() * scale)))
        OUT.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(OUT))
        doc.close()
    del app
    print(f"wrote {OUT} ({image.width()}x{image.height()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
