"""Answer-level verdict (individual / mixed / team_only) and 1–5 score, as LABELING.md defines them.

Decided on content, not on how the answer is cut into sentences or how many words it has: from
the candidate's own action clauses (how many distinct acts: "I called the client, I rewrote the
terms" is two, saying "I called" twice is one), the actions nobody owns (done by "we" or told in
the passive), whether the candidate's own part is only a weak-credit verb ("I helped", "I
supported"), and whether a measured result is stated and tied to them rather than to "we". So
re-punctuating an answer, merging or splitting its sentences or adding fillers leaves the verdict
where it was (tests/core/test_ownership_invariance.py).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .agent import disclaimed
from .clauses import Clause
from .model import Ownership


@dataclass(frozen=True, slots=True)
class Credit:
    own: int            # distinct concrete acts of the candidate's own
    weak: int           # own clauses with weak-credit verbs only ("I helped", "I supported")
    unowned: int        # actions by "we"/the team or with their agent hidden
    others: int         # actions by someone else (they do not lower ownership)
    measured: bool      # a measured result is stated
    measured_by_team: bool   # … but only in sentences whose result belongs to "we"


def credit(clause_lists: list[list[Clause]], clause_starts: list[list[int]], metrics: list[int] = ()) -> Credit:
    """clause_starts: the character offset of each clause's verb, in the same nesting as
    clause_lists; metrics: character offsets of numbers stated as outcomes (quantity.outcome_metrics)."""
    own: set[tuple[str, str]] = set()
    weak = unowned = others = 0
    starts: list[tuple[int, str]] = []      # (verb offset, agent) of every clause
    for clauses, offsets in zip(clause_lists, clause_starts):
        gone = disclaimed(clauses)
        for i, (c, at) in enumerate(zip(clauses, offsets)):
            agent = c.agent
            if agent == "self" and i not in gone:
                if c.kind == "weak":
                    weak += 1
                else:
                    own.add((c.lemma, c.kind))
            elif agent in ("team", "passive"):
                unowned += 1
            elif agent == "other":
                others += 1
            starts.append((at, agent))
    starts.sort()
    # a measured result: an outcome number after the story has begun (numbers before any action
    # describe the situation), wherever the sentence breaks fall
    acted = [at for at, agent in starts if agent in ("self", "team", "other", "passive")]
    begun = acted[0] if acted else 0
    late = [m for m in metrics if m >= begun]
    # blurred into "we" when the clause that states the number is the team's ("we cut costs by
    # 30%"); a result that stands on its own ("errors fell 40%") is the story's. Decided by the
    # clause, so it does not depend on where a full stop fell.
    offsets = [at for at, _ in starts]
    owners = [starts[k - 1][1] if k else "none" for k in (bisect_right(offsets, m) for m in late)]
    by_team = bool(owners) and all(o == "team" for o in owners)
    return Credit(len(own), weak, unowned, others, bool(late), by_team)


def judge(clause_lists: list[list[Clause]], clause_starts: list[list[int]], metrics: list[int] = ()) -> Ownership:
    c = credit(clause_lists, clause_starts, metrics)
    if c.own == 0 and c.weak == 0:
        # no concrete action of the candidate's own: 1 = no identifiable contribution, 2 = a story
        # told through "we", passives or others
        story = c.unowned >= 2 or c.others >= 5 or (c.unowned >= 1 and c.measured)
        score = 2.0 if story else 1.0
        score += 0.1 * min(c.unowned, 4) / 4 if story else 0.1 * min(c.unowned + c.others, 3) / 3
        return Ownership("team_only", round(score, 1), 0, c.unowned)
    share = c.own / (c.own + c.unowned) if c.own + c.unowned else 1.0
    carries = c.own >= 1 and (c.unowned == 0 or (c.own >= 3 and c.own >= c.unowned))
    if carries:
        # 5: clear own actions and a measured result that is not blurred into "we"; 4: otherwise
        score = 5.0 if c.measured and not c.measured_by_team else 4.0
        score += 0.3 * (share - 1.0)            # ranks within the band: more unowned, a little lower
        return Ownership("individual", round(score, 1), c.own, c.unowned)
    if c.own == 0:                              # only "I helped", "I supported": the role is vague
        score = 2.0 + 0.1 * min(c.weak, 3) / 3
    else:
        score = 3.0 + 0.3 * share - 0.15
    return Ownership("mixed", round(score, 1), c.own, c.unowned)
