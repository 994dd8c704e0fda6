from hypothesis import given, settings
from hypothesis import strategies as st

from mockinterview.core.analysis import EmptyAnswer, analyze
from mockinterview.core.textinput import has_words

words = st.sampled_from(["I", "we", "the team", "was", "fixed", "um", "like", "30%", "$5", "p.m.", ",", ".",
                         "?", "!", "—", "I'd", "didn't", "my manager", "asked", "by", "9", "\n", "…", "'s"])


def _check(text):
    try:
        a = analyze(text)
    except EmptyAnswer:
        assert not has_words(text)
        return
    n = len(text)
    last = -1
    for s in a.sentences:
        assert 0 <= s.start < s.end <= n
        assert text[s.start:s.end] == s.text
        assert s.start >= last
        last = s.end
    for h in a.highlights:
        assert 0 <= h.start < h.end <= n
    assert 1.0 <= a.ownership.score <= 5.0
    assert 1 <= len(a.tips) <= 3


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_raises_and_spans_are_valid(text):
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=60).map(" ".join))
def test_answer_like_text(text):
    _check(text)
