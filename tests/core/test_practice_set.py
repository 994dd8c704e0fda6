"""Practice sets: five different questions of one competency, answered in order."""
import random

from mockinterview.core.practice_set import PracticeSet, pick
from mockinterview.core.questions import load_bank


def test_pick_is_five_different_questions_of_one_competency():
    bank = load_bank()
    chosen = pick(bank.questions, "leadership", rng=random.Random(1))
    assert len(chosen) == 5 and len({q.id for q in chosen}) == 5 and {q.competency for q in chosen} == {"leadership"}
    anyone = pick(bank.questions, None, rng=random.Random(2))
    assert len(anyone) == 5 and len({q.competency for q in anyone}) == 1
    few = [q for q in bank.questions if q.competency == "failure"][:2]
    assert len(pick(few, "failure")) == 2 and pick([], None) == []


def test_a_set_walks_through_its_questions_and_sums_up():
    qs = pick(load_bank().questions, "teamwork", rng=random.Random(3))
    s = PracticeSet(qs)
    assert s.title == "Practice set: teamwork" and s.progress().endswith("question 1 of 5")
    assert s.current is qs[0] and s.next_label() == "Next question (2 of 5)"
    for _ in range(4):
        assert s.advance()
    assert s.last and s.next_label() == "Finish the set"
    assert not s.advance()
    assert s.summary([2.0, 4.0, 3.0]) == "Practice set finished: 3 answers, average ownership score 3.0 / 5."
    assert s.summary([]) == "Practice set finished."
