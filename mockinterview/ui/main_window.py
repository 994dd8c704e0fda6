"""The main window: wiring only. Menus, the screens (views), their controllers, and the signals
between them; each flow is coordinated by its own controller beside its view (recording, the speech
recogniser, practice sets, History, Progress, the data folder, recovery, questions, settings)."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from ..core.questions import QuestionBank
from ..core.relocate import RelocateError
from ..core.settings import Settings
from ..core.store import DB_NAME, Store, StoreError
from ..errors import user_errors
from ..transcribe import Cancelled
from .about_dialog import AboutDialog
from .analysis_controller import AnalysisController
from .answer_playback import AnswerPlayback
from .data_folder_controller import DataFolderController
from .export_controller import ExportController
from .history_controller import HistoryController
from .history_view import HistoryView
from .modal_progress import ModalProgress
from .model_controller import READY, ModelController
from .practice_set_bar import PracticeSetBar
from .practice_set_controller import PracticeSetController
from .practice_view import PracticeView
from .progress_controller import ProgressController
from .progress_view import ProgressView
from .question_controller import QuestionController
from .recording_controller import RecordingController
from .recovery_controller import RecoveryController
from .review_controller import ReviewController
from .review_view import ReviewView
from .settings_controller import SettingsController
from .space_key import ControlsKeepSpace
from .status_progress import StatusProgress
from .store_events import StoreEvents
from .welcome_controller import WelcomeController
from .workers import Jobs, explain

USER_ERRORS = user_errors() + (OSError,)   # file problems too: their messages are plain enough
SHORTCUTS = [("Space", "start or stop recording (during thinking time: answer now); on a focused button: press it"),
             ("Esc", "cancel the current take or the thinking time"),
             ("Enter", "ask the selected question aloud; open the selected take or answer"),
             ("Ctrl+N", "new question"), ("Ctrl+R", "random question"), ("Ctrl+H", "history"),
             ("Ctrl+G", "progress over time"), ("Alt+Down / Alt+Up", "next / previous word of the transcript"),
             ("Alt+Shift+Down / Alt+Shift+Up", "next / previous highlight of the transcript, said with who acts"),
             ("Ctrl+E", "correct the transcript on the review (Ctrl+Enter saves, Esc cancels)"),
             ("Alt+T", "stop re-analysing saved answers (status bar)"),
             ("Ctrl+Enter", "next question of a practice set"), ("Ctrl+Shift+E", "end the practice set now"),
             ("Alt+W", "what a strong answer shows; on the review: compare with another take"),
             ("Ctrl+,", "settings"), ("Ctrl+Q", "quit")]


class MainWindow(QMainWindow):
    engine_ready = Signal()
    answer_ready = Signal(int)         # emitted when a take's analysis has been saved and shown
    answer_refined = Signal(int)       # an answer's final transcript (from the whole recording) was saved

    def __init__(self, store: Store, bank: QuestionBank, settings: Settings, load_engine, backend=None,
                 tts_engine: str | None = None):
        super().__init__()
        self.setWindowTitle("mockinterview")
        self.resize(1100, 720)
        self.store, self._backend, self._recovery_offered = store, backend, False
        self.jobs, self.events = Jobs(self), StoreEvents(self)
        ask, tell = (lambda title, text: self.ask(title, text)), (lambda *a, **k: self.tell(*a, **k))
        self.practice, self.review = PracticeView([]), ReviewView()
        self.history, self.progress_view = HistoryView(bank.competencies()), ProgressView(bank.competencies())
        self.stack, self.set_bar, self.background = QStackedWidget(), PracticeSetBar(), StatusProgress()
        for view in (self.practice, self.review, self.history, self.progress_view):
            self.stack.addWidget(view)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.set_bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(self.background)
        shown = lambda view: (lambda: self.stack.currentWidget() is view)   # noqa: E731
        store_of = lambda: self.store                                       # noqa: E731

        self.prefs = SettingsController(settings, lambda: self._backend, self, tell, parent=self)
        self.models = ModelController(lambda: self.settings, load_engine, self.jobs, self.practice, USER_ERRORS, self)
        self.playback = AnswerPlayback(USER_ERRORS, before_start=lambda: self.voices.stop(), parent=self)
        self.recording = RecordingController(store_of, lambda: self.engine, lambda: self.settings,
                                             lambda: self._backend, self.practice, self.jobs, self._stop_sound,
                                             USER_ERRORS, ask, tell, parent=self)
        self.questions = QuestionController(store_of, bank, self.practice, lambda: self.settings,
                                            lambda: self.recording.busy, self.playback.stop, USER_ERRORS, ask, tell,
                                            tts_engine, parent=self)
        self.sets = PracticeSetController(store_of, lambda: self.bank, self.practice, self.review, self.set_bar,
                                          self.recording, self.show_practice, ask, parent=self)
        self.reviews = ReviewController(store_of, self.review, self.playback, self.jobs, USER_ERRORS, ask=ask,
                                        tell=lambda title, text: self.tell(title, text, info=True), parent=self)
        self.analyses = AnalysisController(store_of, self.jobs, self.background, USER_ERRORS, tell, parent=self)
        self.histories = HistoryController(store_of, self.jobs, self.history, self.events, USER_ERRORS, ask,
                                           shown(self.history), parent=self)
        self.progress = ProgressController(store_of, self.jobs, self.progress_view, USER_ERRORS, self.recording.failed,
                                           self.events, shown(self.progress_view), parent=self)
        self.modal = ModalProgress(self, self.jobs, USER_ERRORS + (Cancelled, RelocateError))
        self.data_folder = DataFolderController(store_of, lambda s: setattr(self, "store", s),
                                                self.prefs.remember_data_dir, self.jobs, self.modal, ask, tell, self)
        self.recovery = RecoveryController(store_of, lambda: self.engine, self.modal, ask, parent=self)
        self.exports = ExportController(store_of, self.jobs, self, self._export_selection, USER_ERRORS, ask,
                                        lambda title, text: self.tell(title, text, info=True),
                                        busy=lambda: self.recording.busy, parent=self)
        self.welcome = WelcomeController(self.prefs, lambda: self._backend, lambda: self.recording.busy,
                                         self.show_practice, self.questions, self, parent=self)
        self._menus()
        self._connect()

    def _menus(self) -> None:
        file = self.menuBar().addMenu("&File")
        for text, key, slot in (("&New question", "Ctrl+N", self.show_practice),
                                ("&Random question", "Ctrl+R", self.random_question),
                                ("&History", "Ctrl+H", self.show_history),
                                ("&Progress", "Ctrl+G", self.show_progress),
                                ("&End practice set", "Ctrl+Shift+E", self.sets.end),
                                ("Re-&analyse saved answers", None, lambda: self.analyses.reanalyse(on_demand=True)),
                                ("&Settings…", "Ctrl+,", self.open_settings), ("&Quit", "Ctrl+Q", self.close)):
            act = QAction(text, self, shortcut=QKeySequence(key)) if key else QAction(text, self)
            act.triggered.connect(slot)
            file.addAction(act)
            self.addAction(act)          # shortcuts work whether or not the menu bar has focus
        data = self.menuBar().addMenu("E&xport")
        for act in self.exports.actions():
            data.addSeparator() if act is None else data.addAction(act)
        help_menu = self.menuBar().addMenu("&Help")
        keys = QAction("&Keyboard shortcuts", self)
        keys.triggered.connect(lambda: self.tell("Keyboard shortcuts", "\n".join(f"{k}: {d}" for k, d in SHORTCUTS),
                                                 info=True))
        welcome = QAction("&Welcome", self)
        welcome.triggered.connect(self.welcome.open)
        about = QAction("&About mockinterview", self)
        about.triggered.connect(lambda: AboutDialog(self.store.path, self).open())
        for act in (keys, welcome, about):
            help_menu.addAction(act)

    def _connect(self) -> None:
        bar = self.statusBar()
        for source in (self.reviews, self.analyses, self.histories, self.sets, self.recovery, self.exports):
            source.message.connect(bar.showMessage)
        self.playback.problem.connect(bar.showMessage)
        self.playback.position.connect(self.review.show_position)
        self.review.play_toggled.connect(self.playback.toggle)
        self.review.seek_requested.connect(self.playback.seek)
        self.review.try_again.connect(self.try_again)
        self.review.back.connect(self.show_practice)
        self.review.open_take.connect(self.open_answer)
        self.history.open_answer.connect(self.open_answer)
        self.models.settled.connect(self.analyses.start)   # the parser loads after the speech model: one at a time
        self.models.loaded.connect(self._engine_loaded)
        self.models.failed.connect(lambda exc, det: self.tell("Speech model missing", explain(exc, det), det))
        self.models.details.connect(lambda text: (bar.setToolTip(text), self.practice.status.setToolTip(text)))
        self.recording.take_saved.connect(self._take_saved)
        self.recovery.recovered.connect(lambda aid: (self.events.changed.emit(), self.show_result(aid)))
        self.recovery.failed.connect(self.recording.fail)
        self.sets.ask_question.connect(lambda: self.settings.voice and self.questions.play())
        self.histories.session_deleted.connect(self.recording.session_deleted)
        self.analyses.reanalysed.connect(lambda result: (self.events.changed.emit(),
                                                         self.reviews.answers_reanalysed(result.updated)))
        for changed in (self.reviews.refined, self.reviews.changed):
            changed.connect(self.events.changed)
        self.reviews.refined.connect(self.answer_refined)
        self.prefs.applied.connect(self.questions.settings_changed)
        self.prefs.model_changed.connect(self.models.load)
        self.prefs.data_dir_wanted.connect(self.data_folder.change)
        self.data_folder.switched.connect(self._data_folder_switched)
        self.exports.restored.connect(self._restored)
        self.practice.status_changed.connect(lambda text: self._page_status(self.practice, text))
        self.stack.currentChanged.connect(lambda _i: self._page_status(self.stack.currentWidget()))
        QShortcut(QKeySequence(Qt.Key_Space), self, self._space).setAutoRepeat(False)   # held: one press
        self.installEventFilter(ControlsKeepSpace(self, (self.practice.record,)))   # unless a control takes it
        QShortcut(QKeySequence(Qt.Key_Escape), self, self.recording.cancel)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._next_key)
        QTimer.singleShot(0, self.models.load)

    # -- what the controllers share ----------------------------------------------------------------
    engine = property(lambda self: self.models.engine)
    settings = property(lambda self: self.prefs.settings)
    bank = property(lambda self: self.questions.bank)
    voices = property(lambda self: self.questions.voices)
    settings_dialog = property(lambda self: self.prefs.dialog)

    def open_settings(self) -> None:
        """Not during a take: its microphone test and a data-folder move would compete with it."""
        if not self.recording.busy:
            self.prefs.open()

    def _stop_sound(self) -> None:
        self.voices.stop()
        self.playback.stop()

    # -- events between controllers -------------------------------------------------------------------
    def _engine_loaded(self, engine, notice: str | None) -> None:
        if notice:
            self.statusBar().showMessage(notice)
        self.engine_ready.emit()
        if not self._recovery_offered:
            self._recovery_offered = True
            self.reviews.refine_pending(engine)      # answers left provisional when the app last stopped
            self.recovery.offer()

    def _take_saved(self, answer_id: int) -> None:
        self.events.changed.emit()
        self.show_result(answer_id)
        self.reviews.refine(answer_id, self.engine)

    def _data_folder_switched(self, message: str) -> None:
        self.recording.session_id = None
        self.questions.refresh()
        self.events.changed.emit()
        if self.analyses.parser == "ready":
            self.analyses.reanalyse()          # a folder from another install may hold older answers
        self.statusBar().showMessage(message)

    def _restored(self, folder) -> None:
        """A restore closed the store (its files were replaced, or put back after a failure): open it again."""
        try:
            self.store = Store(folder / DB_NAME)
        except StoreError as exc:
            self.tell("Your data cannot be opened", str(exc))
            return
        self.show_practice()                   # the review on show was of the data before the restore
        self._data_folder_switched("Your data was read again from the data folder.")

    def _export_selection(self) -> tuple[str, int] | None:
        """What "this answer" / "this session" means now: the answer on review, or History's selection."""
        if self.stack.currentWidget() is self.review and self.reviews.answer_id is not None:
            return ("answer", self.reviews.answer_id)
        return self.history.selected() if self.stack.currentWidget() is self.history else None

    def _page_status(self, page, text: str | None = None) -> None:
        """The status bar says what the screen on show is doing (another screen's messages wait)."""
        if page is self.stack.currentWidget():
            self.statusBar().showMessage(page.status_text() if text is None else text)

    # -- dialogs (tests replace these) -------------------------------------------------------------
    def ask(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.Yes

    def tell(self, title: str, text: str, details: str = "", info: bool = False) -> None:
        box = QMessageBox(QMessageBox.Information if info else QMessageBox.Warning, title, text, parent=self)
        if details:
            box.setDetailedText(details)
        box.exec()

    # -- keys and screens ------------------------------------------------------------------------------
    def _space(self) -> None:
        if self.stack.currentWidget() is self.practice:
            self.recording.toggle()
        elif self.stack.currentWidget() is self.review:
            self.try_again()

    def _next_key(self) -> None:
        if self.stack.currentWidget() is self.review and self.review.next_button.isVisible():
            self.sets.next()

    def random_question(self) -> None:
        self.show_practice()
        self.questions.random()

    def try_again(self) -> None:
        """Another take of the question on show (no confirmation: this take stays in the history)."""
        q = self.bank.get(self.reviews.row.question_id) if self.reviews.row and self.reviews.row.question_id else None
        if q is None:
            return
        self.show_practice()
        self.practice.select(q.id)
        current = self.practice.current_question()
        if current is not None and current.id == q.id:   # not if a practice set kept its own question
            self.recording.begin()

    def show_result(self, answer_id: int) -> None:
        self.practice.allow_recording(True)
        self.practice.show_state(READY)
        self.open_answer(answer_id)
        self.sets.answer_shown(answer_id)
        self.answer_ready.emit(answer_id)

    def open_answer(self, answer_id: int) -> None:
        self.review.set_next(None)
        if self.reviews.open(answer_id):
            self.stack.setCurrentWidget(self.review)

    def show_practice(self) -> None:
        self.playback.stop()
        if self.recording.rehearsal is None:
            self.stack.setCurrentWidget(self.practice)

    def _show(self, view, controller) -> None:
        """History and Progress: read in a worker when they are stale; not while a take is on."""
        if self.recording.busy:
            return
        self.playback.stop()
        controller.showing()
        self.stack.setCurrentWidget(view)

    def show_history(self) -> None:
        self._show(self.history, self.histories)

    def show_progress(self) -> None:
        self._show(self.progress_view, self.progress)

    def closeEvent(self, event) -> None:
        self.reviews.stop()                    # an unfinished final transcript is made at the next start
        self.analyses.stop()                   # so is an unfinished re-analysis
        self.voices.stop()
        self.playback.stop()
        self.recording.stop()
        self.jobs.close()                      # and no new work is started by a result still queued
        super().closeEvent(event)
