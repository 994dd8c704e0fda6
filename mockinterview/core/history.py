"""What the History screen lists (no Qt here): sessions, newest first, each with its answers, read
from columns only (Store.history_rows), and the ownership score over time.

A session's average counts the first take of each question only: a retake is practice on a question
already answered, and counting it would let a session's figure rise by answering the same question
again (or fall by trying it differently). Every take is still listed, and the trend line shows them all."""
from __future__ import annotations

from dataclasses import dataclass

from .store import Store
from .takes import pick_each, question_in_session


@dataclass(frozen=True, slots=True)
class HistoryAnswer:
    id: int
    session_id: int
    question_id: str | None
    question_text: str
    created_at: str
    verdict: str | None
    score: float | None
    duration_s: float | None
    stage: str
    corrected_at: str | None
    first_take: bool                 # the first answer to its question in its session


@dataclass(frozen=True, slots=True)
class HistorySession:
    id: int
    started_at: str
    title: str | None
    answers: tuple[HistoryAnswer, ...]      # newest first

    @property
    def first_takes(self) -> list[HistoryAnswer]:
        return [a for a in self.answers if a.first_take and a.score is not None]

    @property
    def average(self) -> float | None:
        """The mean ownership score of the first take of each question (None if none has a score)."""
        scores = [a.score for a in self.first_takes]
        return sum(scores) / len(scores) if scores else None


@dataclass(frozen=True, slots=True)
class History:
    sessions: list[HistorySession]
    trend: list[float]               # the score of every take, oldest first


def first_take_ids(rows: list[tuple]) -> set[int]:
    """Rows as Store.history_rows gives them: the ids of the first take of each question in each session."""
    firsts = pick_each(rows, key=lambda r: question_in_session(r[1], r[2], r[0]), rank=lambda r: (r[4], r[0]))
    return {r[0] for r in firsts}


def read(store: Store, competency: str | None = None) -> History:
    """Everything History shows (run in a worker: it reads the whole table)."""
    rows = store.history_rows(competency)
    firsts = first_take_ids(rows)
    by_session: dict[int, list[HistoryAnswer]] = {}
    for r in rows:
        by_session.setdefault(r[1], []).append(HistoryAnswer(*r, first_take=r[0] in firsts))
    sessions = [HistorySession(s.id, s.started_at, s.title, tuple(by_session[s.id]))
                for s in store.sessions() if s.id in by_session]
    trend = [r[6] for r in reversed(rows) if r[6] is not None]
    return History(sessions, trend)
