"""A practice set: a few questions of one competency, answered one after another as one session.

The set keeps its shape: while it runs, only an answer to its current question counts for it (an
answer to any other question is not "question 1 of 5"), the first take of each question is the one
that counts (a retake is practice), the set can be ended early, and its summary lists every question
with how it went, or that it was skipped."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from .analysis.model import verdict_word
from .questions import Question

SET_SIZE = 5


def pick(questions: list[Question], competency: str | None, n: int = SET_SIZE, rng=None) -> list[Question]:
    """n different questions of one competency, in random order. Without a competency, one is picked
    at random among those with the most questions to choose from."""
    rng = rng or random.Random()
    by_comp: dict[str, list[Question]] = {}
    for q in questions:
        by_comp.setdefault(q.competency, []).append(q)
    if not by_comp:
        return []
    if competency is None:
        most = max(len(v) for v in by_comp.values())
        competency = rng.choice(sorted(c for c, v in by_comp.items() if len(v) >= min(n, most)))
    pool = by_comp.get(competency, [])
    return rng.sample(pool, min(n, len(pool)))


@dataclass(frozen=True, slots=True)
class SetAnswer:
    answer_id: int
    verdict: str | None
    score: float | None


@dataclass(frozen=True, slots=True)
class Summary:
    title: str
    ended_early: bool
    lines: list[tuple[Question, SetAnswer | None]]     # every question of the set, in order

    @property
    def answered(self) -> list[SetAnswer]:
        return [a for _, a in self.lines if a is not None]

    @property
    def skipped(self) -> list[Question]:
        return [q for q, a in self.lines if a is None]

    @property
    def average(self) -> float | None:
        scores = [a.score for a in self.answered if a.score is not None]
        return sum(scores) / len(scores) if scores else None

    def headline(self) -> str:
        done, n = len(self.answered), len(self.lines)
        text = f"{self.title} {'ended early' if self.ended_early else 'finished'}: {done} of {n} answered"
        if self.average is not None:
            text += f", average ownership score {self.average:.1f} / 5 (first takes)"
        if self.skipped:
            text += f"; {len(self.skipped)} skipped"
        return text + "."

    def text(self) -> str:
        """The headline, then one line per question: its verdict and score, or skipped."""
        rows = [self.headline()]
        for i, (q, a) in enumerate(self.lines, 1):
            if a is None:
                how = "skipped"
            else:
                how = ", ".join(x for x in (verdict_word(a.verdict),
                                            f"{a.score:.1f} / 5" if a.score is not None else "") if x)
            rows.append(f"{i}. {q.text} — {how or 'answered'}")
        return "\n".join(rows)


@dataclass(slots=True)
class PracticeSet:
    questions: list[Question]
    index: int = 0
    answers: dict[str, SetAnswer] = field(default_factory=dict)    # the first take of each question, by id

    @property
    def title(self) -> str:
        return f"Practice set: {self.questions[0].competency}"

    @property
    def current(self) -> Question:
        return self.questions[self.index]

    @property
    def last(self) -> bool:
        return self.index + 1 == len(self.questions)

    def progress(self) -> str:
        return f"{self.title} · question {self.index + 1} of {len(self.questions)}"

    def next_label(self) -> str:
        return "Finish the set" if self.last else f"Next question ({self.index + 2} of {len(self.questions)})"

    def allows(self, question_id: str | None) -> bool:
        """Whether this question may be practised while the set runs: only its current one."""
        return question_id == self.current.id

    def record(self, question_id: str | None, answer_id: int, verdict: str | None, score: float | None) -> bool:
        """An answer was saved: it counts for the set only if it answers the current question, and only
        its first take is kept for the summary. True if it is the set's answer to that question."""
        if not self.allows(question_id):
            return False
        self.answers.setdefault(question_id, SetAnswer(answer_id, verdict, score))
        return True

    def answered_current(self) -> bool:
        return self.current.id in self.answers

    def advance(self) -> bool:
        """Move to the next question; False when the set is done."""
        self.index += 1
        return self.index < len(self.questions)

    def summary(self) -> Summary:
        """Every question with its first take, or None if it was skipped (not answered before the end)."""
        early = self.index < len(self.questions) - 1 or (self.index == len(self.questions) - 1
                                                         and not self.answered_current())
        return Summary(self.title, early, [(q, self.answers.get(q.id)) for q in self.questions])
