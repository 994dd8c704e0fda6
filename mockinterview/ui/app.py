"""Start the window: display check, unexpected-error dialog and log, model loading in the background."""
from __future__ import annotations

import logging
import os
import sys
import traceback

NO_DISPLAY = ("mockinterview: no display found, so the window cannot open. In a terminal you can use:\n"
              "  mockinterview record              record an answer and see the analysis\n"
              "  mockinterview analyze FILE        judge a recording or a written answer\n"
              "  mockinterview history             your saved answers\n"
              "  mockinterview questions           the practice questions")


def has_display(env=os.environ, platform: str = sys.platform) -> bool:
    if not platform.startswith("linux"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def log_path():
    from ..core import paths
    return paths.ensure(paths.data_dir()) / "mockinterview.log"


def install_error_handler(window_getter) -> None:
    """Unexpected exceptions: write them to the log file and show a dialog with 'copy details'."""
    log = logging.getLogger("mockinterview")
    path = "the terminal"
    try:
        file = str(log_path())
        if not any(getattr(h, "baseFilename", None) == file for h in log.handlers):
            handler = logging.FileHandler(file, encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            log.addHandler(handler)
        path = file
    except OSError as exc:            # a data folder that cannot be made: the store explains it next
        print(f"mockinterview: no log file ({exc.strerror or exc}); errors go to the terminal", file=sys.stderr)
    log.setLevel(logging.INFO)

    def hook(kind, value, tb):
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error\n%s", details)
        for h in log.handlers:
            h.flush()
        from PySide6.QtWidgets import QApplication, QMessageBox
        box = QMessageBox(QMessageBox.Critical, "mockinterview: unexpected error",
                          f"Something went wrong: {value}\n\nYour recordings are kept. The details were written to "
                          f"{path}.", parent=window_getter())
        box.setDetailedText(details)
        copy = box.addButton("Copy details", QMessageBox.ActionRole)
        box.addButton(QMessageBox.Close)
        box.exec()
        if box.clickedButton() is copy:
            QApplication.clipboard().setText(details)

    sys.excepthook = hook


def build_window(load_engine=None, backend=None, tts_engine: str | None = None):
    """Create the main window on the user's data (tests call this with their own data folder).
    load_engine(engine, model) -> Transcriber; the default loads through the model resolver.
    tts_engine: the QtTextToSpeech plugin for the user's own questions (None: the system's)."""
    from ..core import settings as settings_mod
    from ..core.questions import load_bank
    from ..core.store import open_default
    from ..transcribe import load_engine as default_loader
    from .main_window import MainWindow

    prefs, notices = settings_mod.load()
    store = open_default()
    window = MainWindow(store, load_bank(), prefs, load_engine or default_loader, backend=backend,
                        tts_engine=tts_engine)
    if notices:
        window.statusBar().showMessage(" ".join(notices))
    return window


def run() -> int:
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    try:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox
    except ImportError as exc:
        print(f"mockinterview: the window needs PySide6 ({exc}). Terminal commands still work: "
              "mockinterview --help", file=sys.stderr)
        return 2

    from ..core.store import StoreError
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("mockinterview")             # X11's WM_CLASS: the .desktop's StartupWMClass
    from .app_icon import APP_ID, app_icon
    app.setDesktopFileName(APP_ID)                      # Wayland's app_id: the launcher and its icon
    app.setWindowIcon(app_icon())
    holder = {}
    install_error_handler(lambda: holder.get("w"))
    try:
        window = build_window()
    except StoreError as exc:
        QMessageBox.critical(None, "mockinterview", str(exc))
        return 1
    holder["w"] = window
    window.show()
    QTimer.singleShot(0, window.welcome.open_first_time)   # first start: once the window is there
    return app.exec()
