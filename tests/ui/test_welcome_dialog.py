"""The first-start welcome (issue 11 item 5): microphone check, score, verdicts and colours on one
screen, privacy, a first question; by keyboard and screen reader, readable in light and dark."""
import html
import importlib.util
import re

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mockinterview.core.analysis import ownership
from mockinterview.core.analysis.model import VERDICT_TEXT, verdict_word
from mockinterview.core.questions import load_bank
from mockinterview.ui.mic_check import HEARS_YOU, NO_SOUND
from mockinterview.ui.transcript_html import DARK, LEGEND, LIGHT
from mockinterview.ui.welcome_dialog import FIRST_QUESTION, MEANING, MIC_HINT, PRIVACY, SCORE_BANDS, WelcomeDialog

from ..audio.fakes import FakeBackend, silence
from ..conftest import ROOT
from .test_contrast import contrast


def swell(n, size, rate):
    """A voice-like level that rises and falls twice a second, so the bar has to move."""
    t = (np.arange(size) + n) / rate
    loudness = 0.01 + 0.4 * (0.5 + 0.5 * np.sin(2 * np.pi * 2 * t))
    return (loudness * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


@pytest.fixture
def open_welcome(qtbot):
    def make(backend=None):
        d = WelcomeDialog(backend or FakeBackend(signal=swell))
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        d.activateWindow()
        qtbot.waitUntil(d.isActiveWindow)
        return d
    return make


def _plain(label) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", label.text())))


def test_it_says_what_the_score_the_verdicts_and_the_colours_mean_and_that_nothing_leaves(open_welcome):
    d = open_welcome()
    assert "never leave this computer" in PRIVACY and d.privacy.text() == PRIVACY
    assert d.privacy.accessibleDescription() == PRIVACY and PRIVACY in d.accessibleDescription()
    score, said = _plain(d.score), d.score.accessibleDescription()
    assert "1 to 5" in score and "1 to 5" in said
    for verdict, (lo, hi) in SCORE_BANDS.items():
        meaning = VERDICT_TEXT[verdict].split(":", 1)[1].strip()
        line = f"{verdict_word(verdict)} ({lo}–{hi}): {meaning}"
        assert line in score and line in said
    assert set(SCORE_BANDS) == set(VERDICT_TEXT)                      # every verdict is explained
    legend, heard = _plain(d.legend), d.legend.accessibleDescription()
    for kind, name in LEGEND:                                        # as the review names them
        assert MEANING.get(kind), f"no plain explanation of {kind!r}"
        assert name in legend and MEANING[kind] in legend
        assert f"{name}, shown " in heard and MEANING[kind] in heard
    assert "bold" in heard and "underlined" in heard and "struck through" in heard    # not colour alone
    for kind, _name in LEGEND:                                       # drawn with the review's own styles
        assert LIGHT[kind] in d.legend.text()


def test_the_score_bands_it_names_are_those_the_analysis_gives(monkeypatch):
    """Every combination of what judge() weighs lands in the band the welcome gives its verdict."""
    seen = set()
    for own in range(5):
        for weak in range(3):
            for unowned in range(6):
                for others in (0, 6):
                    for measured, by_team in ((False, False), (True, False), (True, True)):
                        c = ownership.Credit(own, weak, unowned, others, measured, by_team)
                        monkeypatch.setattr(ownership, "credit", lambda *_a, c=c: c)
                        o = ownership.judge([], [])
                        lo, hi = SCORE_BANDS[o.verdict]
                        assert lo <= round(o.score) <= hi, (c, o)
                        seen.add((o.verdict, round(o.score)))
    assert {s for v, s in seen if v == "individual"} == {4, 5} and {s for v, s in seen if v == "team_only"} == {1, 2}


def test_the_microphone_check_shows_a_moving_level_and_what_it_heard(qtbot, open_welcome):
    d = open_welcome()
    assert d.mic.note.text() == MIC_HINT == d.mic.note.accessibleDescription() and d.mic.level.value() == 0
    d.mic.test.setFocus()
    qtbot.waitUntil(d.mic.test.hasFocus)
    qtbot.keyClick(d.mic.test, Qt.Key_Space)                         # Space presses the focused button
    assert d.mic.test.isChecked()
    levels = set()
    qtbot.waitUntil(lambda: levels.add(d.mic.level.value()) or len(levels - {0}) >= 4, timeout=5_000)
    assert max(levels) > 15
    qtbot.waitUntil(lambda: d.mic.note.text() == HEARS_YOU, timeout=5_000)
    assert d.mic.note.accessibleDescription() == HEARS_YOU
    d.reject()                                                       # closing ends the check
    assert not d.mic.test.isChecked() and d.mic.level.value() == 0
    assert "heard you" in d.mic.note.text()


def test_a_silent_microphone_is_named(qtbot, open_welcome):
    d = open_welcome(FakeBackend(signal=silence))
    d.mic.test.click()
    qtbot.waitUntil(lambda: d.mic.note.text() == NO_SOUND, timeout=8_000)
    assert d.mic.level.value() == 0
    d.mic.test.click()
    assert "no sound" in d.mic.note.text()


def test_no_microphone_is_said_plainly(qtbot, open_welcome):
    d = open_welcome(FakeBackend(devices=[]))
    d.mic.test.click()
    assert not d.mic.test.isChecked()
    assert d.mic.note.text().startswith("No microphone found")
    assert d.mic.note.accessibleDescription() == d.mic.note.text() and d.mic.note.isVisible()


def test_keyboard_alone_tab_reaches_everything_enter_starts_esc_closes(qtbot, open_welcome):
    d = open_welcome()
    assert QApplication.focusWidget() is d.start and d.start.isDefault()
    wanted = {d.mic.test, d.start, d.close_button}
    reached = set()
    for _ in range(len(wanted) + 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        reached.add(QApplication.focusWidget())
    assert wanted <= reached and reached <= wanted               # nothing else takes a Tab stop
    for w in wanted:
        assert w.accessibleName() or w.text()
        assert w.accessibleDescription()
    d.mic.test.setFocus()
    qtbot.waitUntil(d.mic.test.hasFocus)
    with qtbot.waitSignal(d.start_first_question, timeout=1_000):
        qtbot.keyClick(d.mic.test, Qt.Key_Return)                 # Enter starts wherever the focus is
    assert d.result() == d.DialogCode.Accepted and not d.isVisible() and not d.mic.test.isChecked()

    d2 = open_welcome()
    started = []
    d2.start_first_question.connect(lambda: started.append(1))
    with qtbot.waitSignal(d2.finished, timeout=1_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)
    assert d2.result() == d2.DialogCode.Rejected and started == []


def _dark_palette():
    """The dark palette the screenshots use (packaging/screenshots.py), without touching the app."""
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "packaging" / "screenshots.py")
    shots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shots)

    class Capture:
        def setStyle(self, _style):
            pass

        def setPalette(self, palette):
            self.palette = palette
    app = Capture()
    shots._dark(app)
    return app.palette


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_every_text_colour_reads_at_4_5_to_1(open_welcome, mode):
    d = open_welcome()
    styles = LIGHT
    if mode == "dark":
        d.setPalette(_dark_palette())
        styles = DARK
    assert all(styles[k] in d.legend.text() for k, _ in LEGEND)     # the legend follows the palette
    p = d.palette()
    base, window = p.base().color().name(), p.window().color().name()
    assert contrast(p.text().color().name(), base) >= 4.5 and contrast(p.windowText().color().name(), window) >= 4.5
    for kind, _name in LEGEND:
        colour = re.search(r"(?<!-)color:(#[0-9a-fA-F]{6})", styles[kind]).group(1)
        background = re.search(r"background:(#[0-9a-fA-F]{6})", styles[kind])
        behind = background.group(1) if background else base     # the legend is drawn on the page colour
        assert contrast(colour, behind) >= 4.5, f"{mode} {kind}: {colour} on {behind}"
    assert d.legend.autoFillBackground() and d.legend.backgroundRole() == p.ColorRole.Base


def test_the_first_question_is_in_the_bank():
    q = load_bank().get(FIRST_QUESTION)
    assert q is not None and q.strong_answer
