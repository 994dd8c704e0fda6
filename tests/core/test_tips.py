"""Tips follow the guide: the biggest gap first, at most three, never praise for what is not an
action, and delivery gaps (pace, pauses, length) when they are what most needs work."""
from __future__ import annotations

from mockinterview.core.analysis import Word, analyze

STRONG = ("My manager asked me to cut the month-end close from ten days. I mapped every step of the close "
          "with the two accountants, and I found that half the time went on re-keying bank data. I wrote a "
          "script that imports the statements directly, I tested it against three old closes, and I trained "
          "the team on it. The next close took six days, and the one after that five.")


def timed(text: str, seconds_per_word: float, pause_every: int = 0, pause_s: float = 0.0) -> list[Word]:
    out, t = [], 0.0
    for i, w in enumerate(text.split()):
        if pause_every and i and i % pause_every == 0:
            t += pause_s
        out.append(Word(w, t, t + seconds_per_word * 0.8))
        t += seconds_per_word
    return out


def test_a_strong_answer_gets_praise_that_quotes_an_action():
    a = analyze(STRONG, timed(STRONG, 0.4))
    assert a.ownership.verdict == "individual" and a.star.task and a.star.result_quantified
    assert len(a.tips) == 1 and a.tips[0].startswith("Strong ownership"), a.tips


def test_no_praise_for_thoughts_feelings_or_taking_part():
    for text in ("I pictured every piece fitting together. I came to appreciate how much the team cared. "
                 "I was part of the launch group and the launch went well.",
                 "I realised the forms were the problem. I felt proud when the backlog cleared by 40%."):
        a = analyze(text)
        for tip in a.tips:
            assert "Strong ownership" not in tip, tip
        assert a.ownership.verdict == "team_only", a.ownership


def test_missing_task_gets_a_tip_when_it_is_the_biggest_gap():
    text = STRONG.replace("My manager asked me to cut the month-end close from ten days. ",
                          "Month-end close at my last company took ten days. ")
    a = analyze(text, timed(text, 0.4))
    assert not a.star.task
    assert any("what you had to achieve" in t for t in a.tips), a.tips


def test_pace_outside_the_range_gets_a_tip():
    fast = analyze(STRONG, timed(STRONG, 0.25))            # 240 words a minute
    assert fast.delivery.wpm > 170
    assert any("slow down" in t for t in fast.tips), fast.tips
    slow = analyze(STRONG, timed(STRONG, 0.6))             # 100 words a minute
    assert any("words a minute" in t and "aim for" in t for t in slow.tips), slow.tips
    fine = analyze(STRONG, timed(STRONG, 0.4))             # 150
    assert not any("words a minute" in t for t in fine.tips), fine.tips


def test_long_pauses_get_a_tip():
    a = analyze(STRONG, timed(STRONG, 0.4, pause_every=15, pause_s=3.0))
    assert a.delivery.long_pauses >= 2
    assert any("paused for more than two seconds" in t for t in a.tips), a.tips


def test_a_very_short_answer_gets_a_tip_first():
    a = analyze("I fixed the printer queue and it worked.")
    assert any("words long" in t for t in a.tips[:2]), a.tips


def test_at_most_three_tips_and_ownership_first():
    text = ("Um, so, like, we had a problem with the rota. Um, we changed it, uh, and it was, um, decided that "
            "the night shift would swap. Um, it was fine.")
    a = analyze(text, timed(text, 0.2, pause_every=5, pause_s=2.5))
    assert len(a.tips) == 3
    assert "we" in a.tips[0].lower() and "personally" in a.tips[0], a.tips
