"""Hide-the-question mode: the question cannot be read before it has been spoken, neither in the
question area nor in the list, and nothing plays until the user asks."""
from __future__ import annotations

from mockinterview.core.questions import load_bank
from mockinterview.ui.practice_view import PracticeView


def test_hidden_questions_are_not_readable_in_the_list_or_the_question_area(qtbot):
    bank = load_bank()
    view = PracticeView(bank.questions)
    qtbot.addWidget(view)
    view.list.setCurrentRow(3)
    chosen = view.current_question()
    view.hide_text = True
    assert view.current_question() == chosen                      # the selection survives the refill
    texts = [view.list.item(i).text() for i in range(view.list.count())]
    assert not any(q.text in t for q in bank.questions for t in texts)
    assert all(t.startswith(("Question ", "✎ Question ")) for t in texts)
    assert chosen.competency.capitalize() in view.list.currentItem().text()
    view.list.setCurrentRow(5)
    assert "Press Play" in view.question.text() and view.current_question().text not in view.question.text()
    view.reveal()
    assert view.question.text() == view.current_question().text
    view.hide_text = False
    assert view.list.currentItem().text() == view.current_question().text
