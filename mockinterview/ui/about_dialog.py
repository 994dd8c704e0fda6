"""Help → About: the name, version and licence, that nothing leaves the machine, the data folder
and its schema version, and a button that copies `mockinterview --version --verbose` for a bug report."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout)

from ..core import about
from .app_icon import app_icon


class AboutDialog(QDialog):
    def __init__(self, db_path: Path, parent=None):
        """db_path: the database the window has open (its folder is the data folder shown)."""
        super().__init__(parent)
        self.setWindowTitle("About mockinterview")
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.lines = [about.version_line(), about.DESCRIPTION, f"Licence: {about.LICENCE}", about.PRIVACY,
                      f"Data folder: {db_path.parent}", f"Database: {about.database_line(db_path)}"]

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAccessibleName("mockinterview icon")
        title = QLabel(f"<h2>{html.escape(self.lines[0])}</h2>")
        title.setAccessibleName(self.lines[0])
        head = QHBoxLayout()
        head.addWidget(icon)
        head.addWidget(title, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        for line in self.lines[1:]:
            label = QLabel(line)
            label.setTextFormat(Qt.PlainText)            # paths are shown as they are
            label.setWordWrap(True)
            # the paths can be selected and copied with the keyboard too
            label.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
            label.setAccessibleName(line)
            layout.addWidget(label)
        self.copied = QLabel("")
        layout.addWidget(self.copied)

        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.copy = QPushButton("Copy &version details")
        self.copy.setAccessibleDescription("Copies the versions of mockinterview, Python, Qt and the speech and "
                                           "language engines, the data folder and its schema, for a bug report")
        buttons.addButton(self.copy, QDialogButtonBox.ActionRole)
        self.close_button = buttons.button(QDialogButtonBox.Close)
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.copy.clicked.connect(self.copy_details)
        layout.addWidget(buttons)
        self.setAccessibleDescription(" ".join(self.lines))
        self.close_button.setFocus()

    def details(self) -> str:
        return about.verbose_text(qVersion())

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details())
        self.copied.setText("Copied to the clipboard.")
        self.copied.setAccessibleName("Copied to the clipboard.")
