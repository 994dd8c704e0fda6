"""A practice set: a few questions of one competency, answered one after another as one session."""
from __future__ import annotations

import random
from dataclasses import dataclass

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


@dataclass(slots=True)
class PracticeSet:
    questions: list[Question]
    index: int = 0

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

    def advance(self) -> bool:
        """Move to the next question; False when the set is done."""
        self.index += 1
        return self.index < len(self.questions)

    def summary(self, scores: list[float]) -> str:
        if not scores:
            return "Practice set finished."
        return (f"Practice set finished: {len(scores)} answers, average ownership score "
                f"{sum(scores) / len(scores):.1f} / 5.")
