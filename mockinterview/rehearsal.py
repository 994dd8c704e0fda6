"""One take of one question: store row → recorder + incremental transcriber → saved analysis.

Qt-free; the window drives it from workers. The answer's row is written before recording
starts (status 'recording'), so a crash or kill leaves a row and a WAV that `recover()` turns
into a normal answer on the next start: nothing recorded is lost.

After Stop, `finish()` saves the provisional transcript made while the user spoke (ready at
once), and `refine()` then replaces it with the final one: one plain pass of the engine over the
whole recording, which is as faithful as the engine is (transcribe/incremental.py says why).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from .audio.recorder import Recorder, Take
from .audio.wavstream import repair_wav
from .core import paths
from .core.analysis import Analysis
from .core.questions import Question
from .core.store import HEARTBEAT_S, AnswerRow, Store, StoreError
from .core.transcript import Transcript
from .pipeline import NoSpeech, analyze_transcript, transcribe_file
from .transcribe.incremental import IncrementalTranscriber


@dataclass(slots=True)
class Result:
    answer_id: int
    take: Take | None
    transcript: Transcript
    analysis: Analysis
    not_saved: str | None = None      # why the analysis could not be stored (a full disk): shown, not lost


FREE_PRACTICE = "(free practice from the terminal)"


class Rehearsal:
    def __init__(self, store: Store, engine, question: Question | None, session_id: int, *,
                 device: str | None = None, backend=None, audio_path: Path | None = None):
        """question None: free practice (the terminal's `record` without --question)."""
        self.store, self.engine, self.question = store, engine, question
        self.audio_path = audio_path or paths.new_recording(question.id if question else "answer")
        self.inc = IncrementalTranscriber(engine)
        self.recorder = Recorder(self.audio_path, device=device, backend=backend, listener=self.inc.feed)
        self.answer_id = store.start_answer(session_id, question.id if question else None,
                                            question.text if question else FREE_PRACTICE,
                                            question.competency if question else None, self.audio_path)
        self.take: Take | None = None
        self._alive = threading.Event()

    def start(self) -> None:
        try:
            self.recorder.start()
        except Exception:
            self.discard()
            raise
        threading.Thread(target=self._beat, name="take-heartbeat", daemon=True).start()

    def _beat(self) -> None:
        """Until the take is saved or dropped, say it is still owned (a terminal or the window looking
        for crashed takes leaves it alone)."""
        while not self._alive.wait(HEARTBEAT_S):
            try:
                self.store.heartbeat(self.answer_id)
            except StoreError:
                pass                  # a full disk: the process check still protects the take

    def stop(self) -> Take:
        self.take = self.recorder.stop()
        return self.take

    def finish(self) -> Result:
        """After stop(): the rest of the provisional transcript and its analysis, saved (run off the
        GUI thread). refine() makes the final transcript."""
        try:
            transcript = self.inc.finish()
            try:
                analysis = analyze_transcript(transcript)
            except NoSpeech:
                self.store.mark_no_speech(self.answer_id)
                raise
            try:
                self.store.finish_answer(self.answer_id, transcript, analysis, stage="provisional")
            except StoreError as exc:     # the take's audio is on disk; the analysis is still shown
                return Result(self.answer_id, self.take, transcript, analysis, not_saved=str(exc))
            return Result(self.answer_id, self.take, transcript, analysis)
        finally:
            self._alive.set()

    def discard(self) -> None:
        """Cancel or re-record: forget this take and its audio."""
        self._alive.set()
        self.inc.cancel()
        if self.take is None:
            try:
                self.recorder.stop()
            except Exception:
                pass
        self.store.delete_answer(self.answer_id)
        self.audio_path.unlink(missing_ok=True)   # this take's own file, wherever it was asked to go (--out)


def refine(store: Store, engine, answer_id: int, progress=None, cancel=None) -> Result | None:
    """Replace a provisional transcript with the final one from the whole recording. None when
    there is nothing to do (already final, or corrected by the user meanwhile). Cancelled: the
    answer stays provisional and is refined at the next start."""
    row = store.answer(answer_id)
    if row is None or row.stage != "provisional" or row.transcript is None:
        return None
    path = Path(row.audio_path or "")
    if not path.is_file():
        store.mark_final(answer_id)                 # nothing better to be had: keep what there is
        return None
    notes: list[str] = []
    transcript = transcribe_file(path, engine, progress=progress, cancel=cancel, fillers_from=row.transcript,
                                 warn=notes.append)
    try:
        analysis = analyze_transcript(transcript)
    except NoSpeech:
        store.mark_final(answer_id)
        return None
    analysis.warnings.extend(notes)
    if not store.refine_answer(answer_id, transcript, analysis):
        return None
    return Result(answer_id, None, transcript, analysis)


def recover(store: Store, engine, row: AnswerRow, progress=None, cancel=None) -> Result:
    """Turn a take left by a crash into a normal answer (its WAV is repaired first).
    Cancelled: the take stays as it was, to be offered again."""
    path = Path(row.audio_path or "")
    if not path.exists():
        store.delete_answer(row.id)
        raise FileNotFoundError(f"the recording {path} is gone")
    repair_wav(path)
    notes: list[str] = []
    transcript = transcribe_file(path, engine, progress=progress, cancel=cancel, warn=notes.append)
    try:
        analysis = analyze_transcript(transcript)
    except NoSpeech:
        store.mark_no_speech(row.id)
        raise
    analysis.warnings.extend(notes)
    store.finish_answer(row.id, transcript, analysis)
    return Result(row.id, None, transcript, analysis)
