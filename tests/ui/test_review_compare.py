"""The review screen (issue 11): the takes of a question side by side with what changed, each
highlight of the transcript in words for a screen reader, shapes as well as colours, and the
delivery figures beside their aims. Real store, real analysis engine, real worker threads."""
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextDocument

from mockinterview.core import targets
from mockinterview.core.analysis import analyze
from mockinterview.core.analysis.model import Word
from mockinterview.core.store import open_default
from mockinterview.core.transcript import Transcript
from mockinterview.ui import review_controller
from mockinterview.ui.answer_playback import AnswerPlayback
from mockinterview.ui.review_controller import ReviewController
from mockinterview.ui.review_view import WHY_HINT, ReviewView
from mockinterview.ui.takes_panel import COMPARED, SHOWN
from mockinterview.ui.transcript_html import CUES, DARK, LEGEND, LIGHT, legend_html, transcript_html
from mockinterview.ui.workers import Jobs

TAKES = (
    "Our month-end close kept slipping. We rebuilt the reconciliation sheet and we chased the late invoices. "
    "It went better after that.",
    "Our month-end close kept slipping, so my goal was to close in three days. I rebuilt the reconciliation sheet "
    "and we chased the late invoices. The close took four days.",
    "Our month-end close kept slipping, so my goal was to close in three days. I rebuilt the reconciliation sheet "
    "and I chased the late invoices myself. I also added a checklist. The close fell from eight days to three.",
)


def _description(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Description)


@pytest.fixture
def review(qtbot):
    store = open_default()
    view = ReviewView()
    jobs = Jobs()
    ctl = ReviewController(lambda: store, view, AnswerPlayback(()), jobs, (), lambda *a: True, lambda *a: None)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    yield store, view, ctl
    jobs.wait_all()
    store.close()


def _takes(store, texts=TAKES, question="finance-01"):
    sid = store.new_session()
    ids = []
    for day, text in enumerate(texts, 15):
        aid = store.start_answer(sid, question, "Tell me about a process you improved.", "initiative", None)
        store.finish_answer(aid, Transcript(text, [], [], 30.0, "en", "faster-whisper", "tiny.en"), analyze(text))
        store.db.execute("UPDATE answers SET created_at=? WHERE id=?", (f"2025-01-{day}T18:30:00+00:00", aid))
        ids.append(aid)
    return ids


def _compared(qtbot, view, columns):
    qtbot.waitUntil(lambda: view.takes.columnCount() == columns and "→" in view.takes_panel.changes.text(),
                    timeout=20_000)


def test_the_takes_stand_side_by_side_with_the_shown_one_marked_and_what_changed(qtbot, review):
    store, view, ctl = review
    ids = _takes(store)
    assert ctl.open(ids[2])
    _compared(qtbot, view, 3)
    panel = view.takes_panel
    headers = [view.takes.horizontalHeaderItem(c).text() for c in range(3)]
    assert SHOWN in headers[2] and COMPARED in headers[1] and SHOWN not in headers[0] + headers[1]
    assert view.takes.item(1, 2).font().bold() and not view.takes.item(1, 1).font().bold()
    rows = [view.takes.verticalHeaderItem(r).text() for r in range(view.takes.rowCount())]
    verdicts = [view.takes.item(rows.index("Verdict"), c).text() for c in range(3)]
    assert verdicts == [analyze(t).ownership.verdict.replace("team_only", "Team only").capitalize() for t in TAKES]
    # the default comparison is with the take before: "we chased" became "I chased"
    said = panel.changes.text()
    assert "“we chased the late invoices” became “I chased the late invoices”" in said
    assert "Result now measured" not in said or not analyze(TAKES[1]).star.result_quantified
    assert _description(panel.changes).startswith("From take 2 to take 3: Better: ")
    described = _description(view.takes)
    assert "Take 3 (▶ shown)" in described and "Take 2 (◆ compared)" in described and "Individual" in described


def test_another_take_is_chosen_and_opened_from_the_keyboard(qtbot, review):
    store, view, ctl = review
    ids = _takes(store)
    ctl.open(ids[2])
    _compared(qtbot, view, 3)
    panel = view.takes_panel
    panel.choice.setFocus()
    qtbot.waitUntil(panel.choice.hasFocus)
    qtbot.keyClick(panel.choice, Qt.Key_Up)                  # take 1 instead of take 2
    assert COMPARED in view.takes.horizontalHeaderItem(0).text()
    qtbot.waitUntil(lambda: "From take 1 to take 3" in panel.heading.text() and "→" in panel.changes.text(),
                    timeout=20_000)
    assert "“We rebuilt the reconciliation sheet” became “I rebuilt the reconciliation sheet”" in panel.changes.text()
    view.takes.setFocus()
    qtbot.keyClick(view.takes, Qt.Key_Left)                   # from the shown take's column to take 2's
    with qtbot.waitSignal(view.open_take) as opened:
        qtbot.keyClick(view.takes, Qt.Key_Return)
    assert opened.args == [ids[1]]


def test_the_comparison_runs_in_a_worker_and_a_stale_one_is_dropped(qtbot, review, monkeypatch):
    store, view, ctl = review
    ids = _takes(store)
    threads, calls = [], []
    real = review_controller.compare

    def slow_first(a, b):
        threads.append(threading.current_thread() is threading.main_thread())
        calls.append(a.text)
        if len(calls) == 1:
            time.sleep(0.8)                                    # the first answer's reading ends last
        return real(a, b)
    monkeypatch.setattr(review_controller, "compare", slow_first)
    ctl.open(ids[1])
    ctl.open(ids[2])
    _compared(qtbot, view, 3)
    qtbot.wait(1200)                                           # the first reading has arrived by now
    assert threads and not any(threads)
    assert SHOWN in view.takes.horizontalHeaderItem(2).text() and view.takes_panel.shown == ids[2]
    assert "From take 2 to take 3" in view.takes_panel.heading.text()


def test_a_single_take_says_there_is_nothing_to_compare(qtbot, review):
    store, view, ctl = review
    [only] = _takes(store, TAKES[:1])
    ctl.open(only)
    qtbot.waitUntil(lambda: view.takes.columnCount() == 1, timeout=20_000)
    assert "Only one take" in view.takes_panel.heading.text() and not view.takes_panel.choice.isEnabled()


def test_a_screen_reader_hears_each_highlight_and_who_acts(qtbot, review):
    store, view, ctl = review
    [aid] = _takes(store, ["I designed the schema for billing. We built the importer. My manager approved the "
                           "budget. I think it maybe helped."])
    ctl.open(aid)
    summary = _description(view.transcript)
    assert summary.startswith("Highlights: ") and "you acted: I designed" in summary and "team only: We built" in summary
    view.transcript.setFocus()
    qtbot.waitUntil(view.transcript.hasFocus)
    qtbot.keyClick(view.transcript, Qt.Key_Down, Qt.AltModifier | Qt.ShiftModifier)
    first = _description(view.transcript)
    assert first.startswith(f"Highlight 1 of {len(view.marks)}: you acted: I designed")
    assert view.transcript.textCursor().selectedText() == "I designed"
    heard = [first]
    for _ in range(len(view.marks)):
        qtbot.keyClick(view.transcript, Qt.Key_Down, Qt.AltModifier | Qt.ShiftModifier)
        heard.append(_description(view.transcript))
    assert any(": team only: We built" in h for h in heard)
    assert any(": someone else: My manager approved the budget." in h for h in heard)
    assert any(": hedge: " in h for h in heard)
    assert heard[-1] == heard[-2]                             # the last highlight: stepping stops there
    assert view.why.text() != WHY_HINT                        # and its sentence is explained, as on hovering
    qtbot.keyClick(view.transcript, Qt.Key_Up, Qt.AltModifier | Qt.ShiftModifier)
    assert _description(view.transcript).startswith(f"Highlight {len(view.marks) - 1} of ")
    view.takes.setFocus()                                     # leaving: the summary again
    qtbot.waitUntil(lambda: _description(view.transcript) == summary)


ALL_KINDS = ("Um, I designed the schema. We built the importer. My manager approved the budget. The process was "
             "changed. It cut costs by 30%. I think it maybe helped.")


def _cue(fmt):
    return (fmt.fontWeight() >= 600, fmt.fontItalic(), fmt.fontUnderline(), fmt.fontOverline(), fmt.fontStrikeOut(),
            fmt.background().style() != Qt.NoBrush)


@pytest.mark.parametrize("dark", [False, True])
def test_every_kind_of_highlight_has_a_shape_of_its_own_not_only_a_colour(qtbot, dark):
    a = analyze(ALL_KINDS)
    doc = QTextDocument()
    doc.setHtml(transcript_html(a, dark))
    colours = {k: style.split("color:")[1][:7] for k, style in (DARK if dark else LIGHT).items()}
    cues = {}
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            colour = fmt.foreground().color().name()
            for kind, c in colours.items():
                if colour == c:
                    cues.setdefault(kind, set()).add(_cue(fmt))
            it += 1
        block = block.next()
    assert set(cues) == set(colours), f"kinds not drawn: {set(colours) - set(cues)}"
    assert all(len(shapes) == 1 for shapes in cues.values()), cues
    shapes = {k: next(iter(v)) for k, v in cues.items()}
    assert len(set(shapes.values())) == len(shapes), shapes      # no two kinds differ by colour alone
    assert shapes["other"] != shapes["hedge"] and any(shapes["other"])
    legend = legend_html(dark)
    for kind, name in LEGEND:
        assert CUES[kind].replace(" ", "&nbsp;") in legend


def test_delivery_figures_stand_beside_their_aims(qtbot, review):
    store, view, ctl = review
    text = ("So um I rewrote the whole rota for the ward and I phoned every agency nurse on the list myself and the "
            "gaps fell from six a week to one")
    step = 60 / 200                                           # spoken at 200 words a minute
    words = [Word(w, i * step, i * step + 0.2) for i, w in enumerate(text.split())]
    a = analyze(text, words, duration_s=len(words) * step)
    sid = store.new_session()
    aid = store.start_answer(sid, None, "Q", None, None)
    store.finish_answer(aid, Transcript(text, [], words, len(words) * step, "en", "faster-whisper", "tiny.en"), a)
    ctl.open(aid)
    shown = view.delivery.text()
    assert f"Pace {a.delivery.wpm:.0f} words/min ({targets.aim(targets.PACE_WPM)}: above)" in shown
    assert f"Fillers {a.delivery.fillers_per_100_words:.1f} per 100 words ({targets.aim(targets.FILLERS_PER_100)}" in shown
    assert f"{a.delivery.words} words ({targets.aim(targets.LENGTH_WORDS)}: below)" in shown
    assert "aim 120–170: above" in _description(view.delivery)
