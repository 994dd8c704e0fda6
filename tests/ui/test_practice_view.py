"""The practice view on its own: what it shows of the selected question (issue 11: the bank's
"what a strong answer shows" was never shown)."""
from PySide6.QtCore import Qt

from mockinterview.core.questions import Question, load_bank
from mockinterview.ui.practice_view import PracticeView

MINE = Question("mine-1", "Tell me about your last mentoring session.", "mentoring", ("What did they learn?",), "",
                "mine")


def _view(qtbot):
    bank = load_bank()
    v = PracticeView(bank.questions + [MINE])
    qtbot.addWidget(v)
    v.show()
    qtbot.waitExposed(v)
    return v, bank


def _shown(v) -> str:
    """What a sighted user and a screen reader get of the strong-answer text."""
    return " ".join(t for t in (v.strong.text() if v.strong.isVisible() else "",
                                v.strong_toggle.accessibleDescription()) if t)


def test_what_a_strong_answer_shows_opens_from_the_keyboard_for_the_selected_question(qtbot):
    v, bank = _view(qtbot)
    first, second = bank.get("teamwork-01"), bank.get("conflict-02")
    assert first.strong_answer and second.strong_answer and first.strong_answer != second.strong_answer
    v.select(first.id)
    assert v.strong_toggle.isVisible() and not v.strong.isVisible()        # folded: try the question first
    assert first.strong_answer not in _shown(v)
    v.play.setFocus()
    qtbot.waitUntil(v.play.hasFocus)
    qtbot.keyClick(v.play, Qt.Key_Tab)                                     # next after Play question
    assert v.strong_toggle.hasFocus()
    qtbot.keyClick(v.strong_toggle, Qt.Key_Space)
    assert v.strong.isVisible() and v.strong.text() == first.strong_answer
    assert v.strong_toggle.accessibleDescription() == first.strong_answer  # heard on the focused button
    assert v.strong.accessibleName() == "What a strong answer shows"
    v.select(second.id)                                                    # stays open, for this question
    assert v.strong.isVisible() and v.strong.text() == second.strong_answer
    assert first.strong_answer not in _shown(v)
    qtbot.keyClick(v.strong_toggle, Qt.Key_Space)
    assert not v.strong.isVisible() and second.strong_answer not in _shown(v)


def test_own_questions_without_one_show_no_empty_line(qtbot):
    v, _bank = _view(qtbot)
    v.strong_toggle.setChecked(True)
    v.select(MINE.id)
    assert not v.strong_toggle.isVisible() and not v.strong.isVisible() and _shown(v) == ""


def test_hidden_questions_give_nothing_away_until_revealed(qtbot):
    """With "hide the question until spoken", neither its follow-up nor what a strong answer shows
    may be seen or heard before the question is (the follow-up used to be shown at once)."""
    v, bank = _view(qtbot)
    q = bank.get("teamwork-01")
    v.strong_toggle.setChecked(True)                  # opened for an earlier question
    v.hide_text = True
    v.select(q.id)
    assert q.text not in v.question.text()
    assert v.probe.text() == "" and not v.strong_toggle.isVisible() and _shown(v) == ""
    v.reveal()
    assert v.question.text() == q.text and q.follow_ups[-1] in v.probe.text()
    assert v.strong_toggle.isVisible() and v.strong.isVisible() and v.strong.text() == q.strong_answer
    v.select("conflict-02")                           # the next question is hidden again
    assert v.probe.text() == "" and _shown(v) == ""


def test_alt_w_opens_it(qtbot):
    v, bank = _view(qtbot)
    v.select("teamwork-01")
    v.activateWindow()
    qtbot.waitUntil(v.isActiveWindow)
    qtbot.keyClick(v.list, Qt.Key_W, Qt.AltModifier)
    qtbot.waitUntil(v.strong.isVisible)               # a mnemonic clicks after a short animation
    assert v.strong.text() == bank.get("teamwork-01").strong_answer
