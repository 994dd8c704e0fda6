"""Space is the window's record/stop key, but a focused control keeps its own Space: a button is pressed,
a combo box opens, a text field types a space. Without this a keyboard user could not press a button
with Space (it started the countdown instead)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QLineEdit,
                               QPlainTextEdit, QTextEdit, QWidget)


def uses_space(widget: QWidget | None) -> bool:
    """Whether Space means something to this widget itself (a read-only text, a list: no)."""
    if isinstance(widget, (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox)):
        return True
    return isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.isReadOnly()


class ControlsKeepSpace(QObject):
    """Installed on the window: Space goes to the focused control, not to the window's shortcut.
    (Qt asks the focused widget and then its parents, up to the window, whether they want a key
    before it looks for a shortcut: saying yes here hands the key to the control.)
    same_as_space: buttons that do what the window's Space does (Record/Stop); they leave it to the
    shortcut, so Space acts the same, on the key press, wherever the focus is."""

    def __init__(self, parent: QObject, same_as_space: tuple[QWidget, ...] = ()):
        super().__init__(parent)
        self._same = same_as_space

    def eventFilter(self, _obj, event) -> bool:
        focus = QApplication.focusWidget()
        if event.type() == QEvent.ShortcutOverride and event.key() == Qt.Key_Space \
                and focus not in self._same and uses_space(focus):
            event.accept()
            return True
        return False
