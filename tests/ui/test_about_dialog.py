"""Help → About (issue 12 item 7): name, version, licence, privacy, the data folder and its schema,
and a button that copies the `--version --verbose` report; keyboard and screen reader."""
import tomllib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from mockinterview.ui.about_dialog import AboutDialog

ROOT = Path(__file__).resolve().parents[2]


def _dialog(qtbot, db: Path) -> AboutDialog:
    d = AboutDialog(db)
    d.setAttribute(Qt.WA_DeleteOnClose, False)       # the test reads it after it closes
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_about_says_the_version_licence_privacy_and_the_data_folder_with_no_database_yet(qtbot, tmp_path):
    from mockinterview.core.store import SCHEMA_VERSION
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    db = tmp_path / "data" / "mockinterview.db"
    d = _dialog(qtbot, db)
    shown = [label.text() for label in d.findChildren(QLabel)]
    assert any(f"mockinterview {version}" in t for t in shown)
    assert "Licence: MIT" in shown
    assert any("Nothing leaves this machine" in t for t in shown)
    assert f"Data folder: {db.parent}" in shown
    assert any(t.startswith("Database: none yet") and f"schema {SCHEMA_VERSION}" in t for t in shown)
    assert not db.parent.exists()                                   # About never makes the folder
    # a screen reader hears all of it from the dialog, not only the title
    for line in d.lines:
        assert line in d.accessibleDescription()


def test_about_shows_the_schema_of_the_open_database(qtbot, tmp_path):
    from mockinterview.core.store import SCHEMA_VERSION, open_default
    store = open_default()
    d = _dialog(qtbot, store.path)
    assert f"Database: schema {SCHEMA_VERSION} ({store.path})" in [label.text() for label in d.findChildren(QLabel)]
    store.close()


def test_copy_puts_the_verbose_version_report_on_the_clipboard_and_says_so(qtbot, tmp_path):
    from mockinterview.core.about import verbose_text
    from PySide6.QtCore import qVersion
    d = _dialog(qtbot, tmp_path / "data" / "mockinterview.db")
    QApplication.clipboard().clear()
    qtbot.mouseClick(d.copy, Qt.LeftButton)
    copied = QApplication.clipboard().text()
    assert copied == verbose_text(qVersion())
    assert copied.startswith("mockinterview ") and f"Qt {qVersion()}" in copied and "analysis engine:" in copied
    assert d.copied.text() == "Copied to the clipboard."            # said in words, not only by a change


def test_about_by_keyboard_close_has_focus_tab_reaches_copy_escape_closes(qtbot, tmp_path):
    d = _dialog(qtbot, tmp_path / "data" / "mockinterview.db")
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d.close_button)
    seen = set()
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        seen.add(QApplication.focusWidget())
    assert d.copy in seen and d.close_button in seen
    assert d.copy.accessibleDescription()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)
    qtbot.waitUntil(lambda: not d.isVisible())


def test_the_icon_shows_from_the_packaged_files(qtbot):
    from mockinterview.ui.app_icon import packaged_icon
    icon = packaged_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 24, 32, 48, 64, 128, 256, 512}


def test_copy_has_a_mnemonic_that_close_cannot_take(qtbot, tmp_path):
    """Some platform themes name the Close button "&Close": Copy keeps clear of Alt+C."""
    d = _dialog(qtbot, tmp_path / "data" / "mockinterview.db")
    text = d.copy.text()
    assert "&" in text and text[text.index("&") + 1].lower() != "c"
