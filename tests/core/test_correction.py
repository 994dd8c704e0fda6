"""Correcting a transcript: unchanged words keep their times, the analysis follows the new text."""
import pytest

from mockinterview.core.analysis import Word, analyze
from mockinterview.core.correction import CorrectionError, changed_words, correct
from mockinterview.core.transcript import Transcript


def heard(text: str) -> Transcript:
    words = [Word(w, i * 0.5, i * 0.5 + 0.4, 0.3 if w == "wee" else 0.9) for i, w in enumerate(text.split())]
    return Transcript(text, [], words, 10.0, "en", "faster-whisper", "tiny.en")


def test_unchanged_words_keep_their_times_and_changed_words_take_the_old_ones():
    t = heard("So wee rebuilt the deck, and it worked.")
    c = correct(t, "So I rebuilt the whole deck, and it worked.")
    assert c.text == "So I rebuilt the whole deck, and it worked."
    assert [w.text for w in c.words] == c.text.split()
    assert c.words[0] == t.words[0]
    assert (c.words[1].start, c.words[1].end, c.words[1].probability) == (0.5, 0.9, 1.0)   # "wee" → "I", vouched for
    assert c.words[2] == t.words[2] and c.words[5] == Word("deck,", 2.0, 2.4, 0.9)
    assert c.words[4].start == c.words[4].end == t.words[3].end                              # "whole" was added
    assert changed_words(t, c) == 2
    assert analyze(t.text, t.words).ownership.verdict == "team_only"        # "wee" is not the candidate
    assert analyze(c.text, c.words).ownership.verdict != "team_only"


def test_an_empty_correction_is_refused():
    with pytest.raises(CorrectionError, match="empty"):
        correct(heard("I did it."), "   \n ")


def test_a_transcript_without_word_times_can_be_corrected():
    t = Transcript("We did it.", [], [], 2.0, "en", "faster-whisper", "tiny.en")
    c = correct(t, "I did it.")
    assert c.text == "I did it." and c.words == [] and c.duration == 2.0
