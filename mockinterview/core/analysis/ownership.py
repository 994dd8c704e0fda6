"""Answer-level verdict (individual / mixed / team_only) and 1–5 score, as in LABELING.md."""
from __future__ import annotations

from .model import Ownership, Sentence

WEAK_SELF = ("helped", "assisted", "supported", "contributed", "pitched in", "was involved")


def judge(sentences: list[Sentence]) -> Ownership:
    self_s = [s for s in sentences if s.agent == "self"]
    team_s = [s for s in sentences if s.agent == "team"]
    passive_s = [s for s in sentences if s.agent == "passive"]
    other_s = [s for s in sentences if s.agent == "other"]
    quantified = any(s.quantified for s in sentences)
    storied = [s for s in sentences if s.star in ("situation", "task", "action", "result")]
    n_self, n_team = len(self_s), len(team_s)
    unowned = n_team + len(passive_s)
    if n_self == 0:
        story = len(storied) >= 2 and (n_team + len(passive_s) + len(other_s)) >= 1
        score = 2.0 if story else 1.0
        # a little credit for a measured result even when it is unowned
        if story and quantified:
            score += 0.2
        if story and unowned >= 3:
            score += 0.1
        return Ownership("team_only", round(score, 1), 0, n_team)
    weak = all(any(w in s.text.lower() for w in WEAK_SELF) for s in self_s)
    self_words = sum(len(s.text.split()) for s in self_s)
    team_words = sum(len(s.text.split()) for s in team_s + passive_s)
    carries = n_self >= 2 and (n_self > unowned or self_words >= 1.2 * team_words) or (
        n_self == 1 and unowned == 0 and self_words >= 30)
    if carries and not weak:
        score = 5.0 if quantified else 4.0
        if not quantified and n_self >= 4:
            score += 0.3
        if quantified and unowned >= 2:
            score -= 0.3
        return Ownership("individual", round(score, 1), n_self, n_team)
    score = 3.0
    if weak or (n_self == 1 and unowned >= 2 and self_words < 20):
        score = 2.0
    score += 0.2 * min(n_self, 3) / 3 - 0.1 * min(unowned, 4) / 4
    return Ownership("mixed", round(score, 1), n_self, n_team)
