"""Assembling the engine's passes: fillers from the filler pass, hallucinations out with a reason."""
import logging

from mockinterview.transcribe.assemble import RawSegment, RawWord, assemble, merge_fillers
from mockinterview.transcribe.hallucination import find_hallucinations


def seg(*words, start=0.0, prob=0.9):
    """A segment of words, each 0.3 s long, one after another from start."""
    ws = [RawWord(" " + w, start + 0.3 * i, start + 0.3 * i + 0.25, prob) for i, w in enumerate(words)]
    return RawSegment(ws[0].start, ws[-1].end, "".join(w.text for w in ws), ws)


def test_fillers_come_from_the_filler_pass_only_where_the_words_agree():
    plain = [seg("So", "I", "rewrote", "the", "deck.")]
    prompted = [RawSegment(0, 2, "", [RawWord(" So,", 0.0, 0.25, 0.9), RawWord(" um,", 0.28, 0.3, 0.6),
                                      RawWord(" I", 0.3, 0.55, 0.9), RawWord(" wrote", 0.6, 0.85, 0.5),
                                      RawWord(" the", 0.9, 1.15, 0.9), RawWord(" deck.", 1.2, 1.45, 0.9)])]
    merged, edits = merge_fillers(plain, prompted)
    assert merged[0].text == " So um, I rewrote the deck."        # "rewrote" stays the plain pass's word
    assert [(e.kind, e.text) for e in edits] == [("added", "um")]


def test_a_filler_said_at_another_time_is_not_added():
    plain = [seg("I", "fixed", "it.")]
    prompted = [RawSegment(0, 9, "", [RawWord(" Um,", 8.0, 8.3, 0.9), RawWord(" I", 0.0, 0.25, 0.9),
                                      RawWord(" fixed", 0.3, 0.55, 0.9), RawWord(" it.", 0.6, 0.85, 0.9)])]
    merged, edits = merge_fillers(plain, prompted)
    assert merged[0].text == " I fixed it." and edits == []


def test_stock_phrases_go_only_when_the_engine_was_unsure_and_are_logged(caplog):
    story = seg("I", "rewrote", "the", "deck.")
    sure = seg("Thank", "you", "for", "watching.", start=5, prob=0.9)
    unsure = seg("Thank", "you", "for", "watching.", start=5, prob=0.2)
    kept, edits = find_hallucinations([story, sure])
    assert kept == [story, sure] and edits == []
    with caplog.at_level(logging.INFO, logger="mockinterview.transcribe"):
        t = assemble([story, unsure], None, duration=8, language="en", engine="e", model="m", elapsed_s=0)
    assert t.text == "I rewrote the deck."
    [e] = t.edits
    assert e.kind == "removed" and e.start == 5 and "stock phrase" in e.reason and "watching" in e.text
    assert "removed 'Thank you for watching.' at 5.0" in caplog.text


def test_a_repetition_loop_is_cut_back_but_people_may_repeat_themselves():
    said = seg("words", "words", "words", "words", "and", "that", "is", "all.")
    assert find_hallucinations([said]) == ([said], [])
    loop = seg(*(["we're", "going", "to", "see."] * 6), start=1)
    kept, [e] = find_hallucinations([seg("I", "called", "the", "client."), loop])
    assert kept[1].text == " we're going to see."
    assert e.kind == "removed" and "loop" in e.reason and e.text.count("going") == 5


def test_a_transcript_keeps_its_edits_through_storage_and_shifting():
    from mockinterview.core.transcript import Transcript, join
    t = assemble([seg("Hello", "there.")], [seg("Um,", "hello", "there.", start=-0.3)], duration=2, language="en",
                 engine="e", model="m", elapsed_s=0)
    back = Transcript.from_dict(t.to_dict())
    assert back.edits == t.edits and back.edits
    later = join([t, t.shifted(10)], 12)
    assert [e.start for e in later.edits] == [t.edits[0].start, t.edits[0].start + 10]
