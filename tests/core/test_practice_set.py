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
    scores = [2.0, 4.0, 3.0, 5.0, 1.0]
    for i, q in enumerate(qs):
        assert s.record(q.id, i + 1, "individual" if scores[i] >= 3 else "team_only", scores[i])
        if i < 4:
            assert s.advance()
    assert s.last and s.next_label() == "Finish the set"
    assert not s.advance()
    summary = s.summary()
    assert not summary.ended_early and summary.skipped == [] and summary.average == 3.0
    assert summary.headline() == ("Practice set: teamwork finished: 5 of 5 answered, average ownership score "
                                  "3.0 / 5 (first takes).")
    lines = summary.text().splitlines()
    assert lines[1] == f"1. {qs[0].text} — Team only, 2.0 / 5"
    assert lines[2] == f"2. {qs[1].text} — Individual, 4.0 / 5"


def test_only_the_current_question_counts_and_only_its_first_take():
    qs = pick(load_bank().questions, "conflict", rng=random.Random(4))
    s = PracticeSet(qs)
    assert s.allows(qs[0].id) and not s.allows(qs[1].id) and not s.allows("leadership-01") and not s.allows(None)
    assert not s.record("leadership-01", 1, "individual", 5.0)      # off-topic: not "question 1 of 5"
    assert not s.record(qs[1].id, 2, "individual", 5.0)             # a later question of the set, out of turn
    assert s.answers == {}
    assert s.record(qs[0].id, 3, "team_only", 1.5)
    assert s.record(qs[0].id, 4, "individual", 4.5)                 # a retake: still the set's question …
    assert s.answers[qs[0].id].answer_id == 3                       # … but the first take is the one that counts


def test_a_set_ended_early_lists_what_was_skipped():
    qs = pick(load_bank().questions, "failure", rng=random.Random(5))
    s = PracticeSet(qs)
    s.record(qs[0].id, 1, "mixed", 3.0)
    s.advance()                                                     # question 2 is on screen, not answered
    summary = s.summary()
    assert summary.ended_early and summary.skipped == qs[1:] and [a.answer_id for a in summary.answered] == [1]
    assert summary.headline() == ("Practice set: failure ended early: 1 of 5 answered, average ownership score "
                                  "3.0 / 5 (first takes); 4 skipped.")
    assert summary.text().splitlines()[1:] == [f"1. {qs[0].text} — Mixed, 3.0 / 5"] + \
        [f"{i}. {q.text} — skipped" for i, q in enumerate(qs[1:], 2)]
    empty = PracticeSet(qs).summary()
    assert empty.ended_early and empty.average is None and empty.headline().endswith("0 of 5 answered; 5 skipped.")
