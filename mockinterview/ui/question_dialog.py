"""Add or edit one of the user's own questions (UI only)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit

from ..core.questions import Question


class QuestionDialog(QDialog):
    def __init__(self, competencies: list[str], question: Question | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Edit your question" if question else "Add your own question")
        self.text = QPlainTextEdit(accessibleName="Question text")
        self.text.setPlaceholderText("Tell me about a time you…")
        self.text.setTabChangesFocus(True)         # Tab moves on to the competency: a question has no tabs
        self.competency = QComboBox(accessibleName="Competency", editable=True)
        self.competency.addItems(competencies)
        self.competency.setCurrentText(question.competency if question else "")
        self.competency.lineEdit().setPlaceholderText("e.g. leadership")
        self.follow_up = QLineEdit(accessibleName="Follow-up question (optional)")
        self.follow_up.setPlaceholderText("optional, e.g. What would you do differently?")
        self.error = QLabel("", accessibleName="Problem with this question")
        if question:
            self.text.setPlainText(question.text)
            self.follow_up.setText(question.follow_ups[-1] if question.follow_ups else "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        form = QFormLayout(self)
        form.addRow("&Question:", self.text)
        form.addRow("&Competency:", self.competency)
        form.addRow("&Follow-up:", self.follow_up)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)

    def values(self) -> tuple[str, str, str]:
        return self.text.toPlainText(), self.competency.currentText(), self.follow_up.text()

    def _check(self) -> None:
        text, competency, _ = self.values()
        if not text.strip() or not competency.strip():
            self.error.setText("Please write the question and choose or type a competency.")
            return
        self.accept()
