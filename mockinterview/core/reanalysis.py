"""An answer's analysis from its transcript, and stored answers analysed again when the engine changes.

analyze_transcript() is the one way a transcript becomes the analysis that is saved (a take, its
final transcript, a recovered recording, a correction, a re-analysis), so a stored answer and its
re-analysis are made alike: the transcript's text, its word times and the recording's length.

Every stored analysis keeps the engine version that made it. When ENGINE_VERSION changes, the
History's verdicts and scores and the review would disagree, so reanalyse() redoes the stored
answers from their stored transcripts (the user's corrected text where they corrected it), a batch
per transaction, with progress and a cancel flag: what is cancelled is done the next time.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from .analysis import Analysis, EmptyAnswer, analyze
from .analysis import engine as _engine
from .analysis.nlp import ParserMissing
from .store import Store
from .textinput import has_words
from .transcript import Transcript

BATCH = 20
log = logging.getLogger("mockinterview")


class NoSpeech(EmptyAnswer):
    """The recording holds no speech (silence, a muted microphone, noise)."""


# Workers share one parser (a take's analysis, a final transcript's, a re-analysis): one analysis at
# a time. They are CPU-bound under the GIL anyway, so nothing is lost by taking turns.
_one_at_a_time = threading.Lock()


def analyze_transcript(t: Transcript) -> Analysis:
    if t.no_speech or not has_words(t.text):
        raise NoSpeech("no speech detected")
    with _one_at_a_time:
        return analyze(t.text, t.words, duration_s=t.duration)


def engine_version() -> str:
    """The version of the engine that analyze() runs now (what new analyses are stamped with)."""
    return _engine.ENGINE_VERSION


def count_stale(store: Store) -> int:
    """How many stored answers were analysed by another engine version than the current one."""
    return store.count_stale(engine_version())


@dataclass(slots=True)
class Reanalysis:
    total: int                                             # answers to do when it started
    updated: list[int] = field(default_factory=list)       # ids whose new analysis was saved
    failed: list[tuple[int, str]] = field(default_factory=list)   # (id, why): left as they were
    cancelled: bool = False

    @property
    def remaining(self) -> int:
        return self.total - len(self.updated) - len(self.failed)


def reanalyse(store: Store, progress: Callable[[int, int], None] | None = None,
              cancel: Callable[[], bool] | None = None, ids: list[int] | None = None,
              batch: int = BATCH) -> Reanalysis:
    """Analyse again every stored answer whose analysis another engine version made (ids: exactly
    these answers, on demand). progress(done, total) after each answer; cancel() is checked before
    each one, and what was analysed by then is saved. Runs off the GUI thread in the window.
    An answer whose transcript cannot be analysed is left as it was and reported in `failed`;
    a missing parser (ParserMissing) stops everything, since no answer could be done."""
    version = engine_version()
    todo = len(ids) if ids is not None else store.count_stale(version)
    result = Reanalysis(todo)
    after = 0
    while not result.cancelled:
        rows = store.stale(version, after_id=after, limit=batch, ids=ids)
        if not rows:
            break
        done: list = []
        for stored in rows:
            if cancel and cancel():
                result.cancelled = True
                break
            after = stored.answer_id
            try:
                done.append((stored, analyze_transcript(stored.transcript)))
            except ParserMissing:
                raise
            except Exception as exc:                       # one bad answer does not stop the others
                if not isinstance(exc, EmptyAnswer):
                    log.exception("re-analysing answer %s failed", stored.answer_id)
                result.failed.append((stored.answer_id, str(exc) or type(exc).__name__))
            if progress:
                progress(min(result.total, len(result.updated) + len(done) + len(result.failed)), result.total)
        saved = store.save_reanalysis(done) if done else []
        result.updated += saved
        # answers changed meanwhile were analysed by whoever changed them: count them as done
        result.total -= len(done) - len(saved)
    return result
