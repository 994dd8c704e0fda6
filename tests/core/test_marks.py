"""The transcript's highlights in words, for a screen reader (issue 11)."""
from mockinterview.core.analysis import analyze
from mockinterview.core.analysis.marks import describe, marks, summary


def test_each_highlight_says_who_acts_with_the_users_words():
    a = analyze("I designed the schema for billing. We built the importer. My manager rewrote the plan. "
                "I think it maybe helped.")
    said = [describe(a, m) for m in marks(a)]
    assert any(s.startswith("you acted: I designed") and "(in: I designed the schema for billing.)" in s for s in said)
    assert any(s.startswith("team only: We built") for s in said)
    assert "someone else: My manager rewrote the plan." in said
    assert any(s.startswith("hedge: ") for s in said)
    text = summary(a)
    assert text.startswith("Highlights: ") and "Alt+Shift+Down" in text and "you acted: I designed" in text


def test_fillers_are_not_stepped_through_and_an_unmarked_answer_says_so():
    a = analyze("Um, uh, the weather was nice that day.")
    assert all(m.kind != "filler" for m in marks(a))
    plain = analyze("The weather was nice that day.")
    assert marks(plain) == [] and summary(plain) == "Nothing in this answer is highlighted."
