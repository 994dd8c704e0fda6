"""Screenshots of the practice, review (and its takes compared), history, progress and settings views and the
welcome, from the real app on a virtual screen.

    python packaging/screenshots.py          # needs Xvfb (Debian: apt install xvfb)
    python packaging/screenshots.py --dark [DIR] # the same with a dark palette, into assets/screenshots/dark/

Starts Xvfb (unless DISPLAY is set), opens the app on a temporary data folder, answers one
question with a speech fixture (transcribed by the real model), and saves PNGs to
assets/screenshots/.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "assets" / "screenshots"


def _dark(app) -> None:
    from PySide6.QtGui import QColor, QPalette
    app.setStyle("Fusion")
    p = QPalette()
    for role, colour in ((QPalette.Window, "#202020"), (QPalette.WindowText, "#e8e8e8"), (QPalette.Base, "#1e1e1e"),
                         (QPalette.AlternateBase, "#262626"), (QPalette.Text, "#e8e8e8"), (QPalette.Button, "#2d2d2d"),
                         (QPalette.ButtonText, "#e8e8e8"), (QPalette.Highlight, "#2f6fb0"),
                         (QPalette.HighlightedText, "#ffffff"), (QPalette.ToolTipBase, "#2d2d2d"),
                         (QPalette.ToolTipText, "#e8e8e8"), (QPalette.PlaceholderText, "#9a9a9a")):
        p.setColor(role, QColor(colour))
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):   # as a dark theme greys them
        p.setColor(QPalette.Disabled, role, QColor("#7a7a7a"))
    app.setPalette(p)


def main() -> int:
    global OUT
    dark = "--dark" in sys.argv
    if dark:
        after = sys.argv[sys.argv.index("--dark") + 1:]
        OUT = Path(after[0]) if after else OUT / "dark"
    xvfb = None
    if not os.environ.get("DISPLAY"):
        if not shutil.which("Xvfb"):
            print("Xvfb is not installed (apt install xvfb)", file=sys.stderr)
            return 1
        # a display nobody else uses (two runs at once on :97 killed each other's screen)
        number = next(n for n in range(97, 200) if not Path(f"/tmp/.X{n}-lock").exists())
        xvfb = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x860x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.environ["DISPLAY"] = f":{number}"
        time.sleep(1.0)
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ["MOCKINTERVIEW_DATA_DIR"] = tempfile.mkdtemp(prefix="mockinterview-shots-")
    try:
        from PySide6.QtWidgets import QApplication
        app = QApplication(sys.argv[:1])
        if dark:
            _dark(app)
        from mockinterview.audio.convert import load_audio
        from mockinterview.core.analysis import analyze
        from mockinterview.ui.app import build_window

        w = build_window()
        w.resize(1200, 760)
        w.show()
        while w.engine is None:
            app.processEvents()
            time.sleep(0.02)
        OUT.mkdir(parents=True, exist_ok=True)
        w.practice.competency.setCurrentIndex(w.practice.competency.findData("initiative"))
        w.practice.select("initiative-03")
        w.practice.set_recording(True)
        w.practice.show_progress(47.0, -18.0)
        w.practice.status.setText("Recording… press Space to stop, Esc to cancel.")
        for _ in range(20):
            app.processEvents()
        w.grab().save(str(OUT / "practice.png"))
        w.practice.set_recording(False)

        q = w.bank.get("initiative-03")
        practice_set = w.store.new_session("Practice set: teamwork")
        for fixture, qid, session in (("team", "teamwork-01", practice_set), ("fillers", "teamwork-02", practice_set),
                                      ("individual", "initiative-03", w.store.new_session())):
            question = w.bank.get(qid)
            audio = Path(os.environ["MOCKINTERVIEW_DATA_DIR"]) / f"{fixture}.flac"
            shutil.copy(ROOT / "tests" / "fixtures" / "audio" / f"{fixture}.flac", audio)
            t = w.engine.transcribe(load_audio(audio)[0])
            aid = w.store.start_answer(session, question.id, question.text, question.competency, audio)
            w.store.finish_answer(aid, t, analyze(t.text, t.words, duration_s=t.duration))
        # an earlier take of the same question, told with "we", so the review compares the two takes
        import re
        from mockinterview.core.transcript import Transcript
        we = re.sub(r"\bmy\b", "our", re.sub(r"\bI\b", "we", t.text), flags=re.I)
        earlier = w.store.start_answer(w.store.new_session(), q.id, q.text, q.competency, None)
        w.store.finish_answer(earlier, Transcript(we, [], [], t.duration, "en", t.engine, t.model),
                              analyze(we, duration_s=t.duration))
        from datetime import datetime, timedelta
        day_before = datetime.fromisoformat(w.store.answer(aid).created_at) - timedelta(days=1)
        w.store.db.execute("UPDATE answers SET created_at=? WHERE id=?", (day_before.isoformat(), earlier))
        w.open_answer(aid)
        while "→" not in w.review.takes_panel.changes.text():     # the takes are compared in a worker
            app.processEvents()
            time.sleep(0.02)
        w.review.transcript.highlighted.emit(__import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl("sentence:2"))
        spoken = w.review.spans[12].word                       # as if playing: the spoken word is marked
        w.review.show_position(spoken.start + 0.05, w.review.position.maximum() / 1000, playing=True)
        for _ in range(20):
            app.processEvents()
        w.grab().save(str(OUT / "review.png"))
        w.review.takes_panel.grab().save(str(OUT / "compare.png"))
        w.show_history()
        while w.histories.reading:                 # History reads its rows in a worker
            app.processEvents()
        for _ in range(20):
            app.processEvents()
        w.grab().save(str(OUT / "history.png"))
        # six weeks of practice before these answers, for the Progress view
        from datetime import timezone
        texts = ["We planned the launch and the team shipped it.", "We fixed it together. The team was happy.",
                 "My manager asked me to fix it. We rebuilt the tool.", "I found the bug and we released a fix.",
                 "I rewrote the rota myself and cut overtime by 20%.", "I led the review and cut errors by 30%."]
        start = datetime.now(timezone.utc) - timedelta(days=42)
        for i in range(18):
            text = texts[min(len(texts) - 1, i // 3)]
            aid = w.store.start_answer(w.store.new_session(), f"teamwork-0{1 + i % 3}", "Q", "teamwork", None)
            w.store.finish_answer(aid, Transcript(text, [], [], 30.0, "en", "faster-whisper", "tiny.en"), analyze(text))
            w.store.db.execute("UPDATE answers SET created_at=? WHERE id=?",
                               ((start + timedelta(days=2 * i)).isoformat(timespec="seconds"), aid))
        w.show_progress()
        while not w.progress_view.points:
            app.processEvents()
            time.sleep(0.02)
        for _ in range(20):
            app.processEvents()
        w.grab().save(str(OUT / "progress.png"))
        w.open_settings()
        for _ in range(20):
            app.processEvents()
        w.settings_dialog.grab().save(str(OUT / "settings.png"))
        w.settings_dialog.reject()
        from mockinterview.ui.welcome_dialog import WelcomeDialog
        welcome = WelcomeDialog(device=w.settings.input_device, parent=w)
        welcome.show()
        for _ in range(20):
            app.processEvents()
        welcome.grab().save(str(OUT / "welcome.png"))
        welcome.reject()
        w.close()
        print(f"saved {', '.join(p.name for p in sorted(OUT.glob('*.png')))} in {OUT} ({q.id})")
    finally:
        if xvfb:
            xvfb.terminate()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
