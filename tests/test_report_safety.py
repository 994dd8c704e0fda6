"""Issue 10: what an answer or a transcript says cannot drive the terminal, and the delivery figures
stay finite numbers (in the report and in the `mockinterview.analysis/1` JSON)."""
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mockinterview.core.analysis import Word, analyze
from mockinterview.core.analysis.delivery import MIN_PACE_S, measure
from mockinterview.report import clean, colour_text, json_line, render

ROOT = Path(__file__).resolve().parents[1]

TITLE = "\x1b]0;pwned\x07"                 # OSC 0: set the window title
CLIPBOARD = "\x1b]52;c;SGVsbG8=\x07"       # OSC 52: write "Hello" to the clipboard
CLEAR = "\x1b[2J"                          # CSI 2 J: clear the screen
CLEAR_8BIT = "\x9b2J"                      # the same with the one-byte C1 CSI
RLO = "\u202e"                             # right-to-left override
NASTY = (f"I led the migration {TITLE}and cut costs by 20%.{CLIPBOARD} Then I {CLEAR}shipped it "
         f"{CLEAR_8BIT}on time. I {RLO}wrote the runbook myself. I tagged \x1b[31mevery\x1b[0m ticket.\x07 "
         "Afterwards the café team said naïve estimates were gone 😀 👩‍💻.")


def _terminal_safe(out: str) -> None:
    """Nothing a terminal acts on: no C0 control but newline and tab, no DEL, no C1, no bidi control."""
    bad = [c for c in out if (ord(c) < 0x20 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f
           or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069" or 0xd800 <= ord(c) <= 0xdfff]
    assert not bad, [hex(ord(c)) for c in bad]


def _unstyled(out: str) -> str:
    """The coloured report without the report's own styles (which are the only escapes allowed)."""
    import re
    return re.sub(r"\x1b\[[0-9;]*m", "", out)


@pytest.mark.parametrize("seq", [TITLE, CLIPBOARD, CLEAR, CLEAR_8BIT, RLO, "\x1b", "\x9d0;x\x9c", "\x1bc",
                                 "\x1bP1$r\x1b\\", "\r", "\x08\x08\x08", "\x7f", "\udc9b", "\u2066x\u2069"])
def test_clean_leaves_nothing_a_terminal_acts_on(seq):
    for keep_layout in (True, False):
        _terminal_safe(clean(f"I fixed {seq} it.\n\tDone.", keep_layout))


def test_clean_keeps_ordinary_unicode_and_layout():
    text = "Café, naïve, 東京, Ελληνικά, עברית, emoji 😀 👩‍💻 🇬🇧 1️⃣.\n\tNext line."
    assert clean(text) == text
    assert clean("a\r\nb") == "a\nb"                        # Windows line ends are line ends
    assert "\n" not in clean("a\nb", keep_layout=False) and "\t" not in clean("a\tb", keep_layout=False)


def test_sequences_are_dropped_and_stray_controls_shown():
    assert clean(f"a{TITLE}b{CLEAR}c{CLEAR_8BIT}d\x1b[1;31me\x1b[0m") == "abcde"
    shown = clean(f"x{RLO}y\x07z\x1b")
    assert shown == "x\\u202ey\\x07z\\x1b"                   # visible, inert


@pytest.mark.parametrize("colour", [False, True])
def test_report_of_a_nasty_answer_is_terminal_safe(colour):
    a = analyze(NASTY)
    out = render(a, f"answer{TITLE}{CLEAR_8BIT}.txt", colour=colour)
    if colour:
        out = _unstyled(out)
    _terminal_safe(out)
    assert "\x1b" not in out
    for payload in ("pwned", "SGVsbG8="):
        assert payload not in out
    assert "café" in out and "naïve" in out and "😀" in out and "👩‍💻" in out
    assert "cut costs by 20%" in out and "myself" in out


def test_colour_pieces_are_clean_even_when_a_sequence_spans_a_highlight():
    a = analyze(f"I fixed the build\x1b]0;I shipped it\x07 and I shipped it by Friday.")
    body = "".join(colour_text(a, s.start, s.end, True) for s in a.sentences)
    _terminal_safe(_unstyled(body))
    assert "shipped it by Friday" in _unstyled(body) and "0;" not in body


def test_tips_quoting_the_answer_are_clean():
    a = analyze(f"We {CLEAR}shipped it. The team {TITLE}fixed it. We were told {RLO}to wait.")
    out = render(a, "x", colour=False)
    _terminal_safe(out)
    assert "pwned" not in out


def test_json_line_stays_valid_json_and_escapes_terminal_controls():
    d = analyze(NASTY).to_json_dict(f"a{CLEAR_8BIT}.txt")
    line = json_line(d)
    _terminal_safe(line)
    assert "\n" not in line and "\t" not in line
    assert json.loads(line) == d                               # nothing lost: the escapes are JSON's
    assert "café" in line and "😀" in line                    # ordinary text stays readable


def run(*args, env=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "mockinterview", *args], capture_output=True, env=e, cwd=ROOT)


def test_cli_report_of_a_nasty_answer_is_terminal_safe(tmp_path):
    p = tmp_path / "answer.txt"
    p.write_text(NASTY, encoding="utf-8")
    r = run("analyze", str(p))
    assert r.returncode == 0, r.stderr
    for raw in (b"\x1b", b"\x07", b"\x08", b"\x7f", b"\xc2\x9b", b"\xe2\x80\xae"):
        assert raw not in r.stdout
    out = r.stdout.decode("utf-8")                             # strictly UTF-8
    _terminal_safe(out)
    assert "pwned" not in out and "Ownership:" in out and "café" in out and "😀" in out


def test_cli_json_of_a_nasty_answer_is_valid_json(tmp_path):
    p = tmp_path / "answer.txt"
    p.write_text(NASTY, encoding="utf-8")
    r = run("analyze", "--json", str(p))
    assert r.returncode == 0, r.stderr
    assert b"\x1b" not in r.stdout and b"\x07" not in r.stdout
    d = json.loads(r.stdout.decode("utf-8"))
    assert d["text"] == NASTY and d["schema"] == "mockinterview.analysis/1"


# --- delivery figures: finite, or None when there is too little speech to measure a pace ---

def _words(times):
    return [Word(f"w{i}", a, b) for i, (a, b) in enumerate(times)]


@pytest.mark.parametrize("times", [
    [(1.0, 1.0)] * 7,                                    # every word at the same instant
    [(0.0, i * 1e-310) for i in range(7)],               # a subnormal span: 7 / (span / 60) overflows
    [(0.0, 0.001 * i) for i in range(7)],                # 7 words in 6 ms
    [(0.0, 0.1)] * 6 + [(0.5, MIN_PACE_S - 0.01)],       # just under the minimum
    [(5.0, 5.1), (2.0, 2.1)],                            # out of order: a negative span
    [(0.0, 0.3), (0.3, float("nan"))],
    [(0.0, 0.3), (0.3, float("inf"))],
    [(float("-inf"), 0.3), (0.3, 0.5)],
])
def test_degenerate_word_times_give_no_pace(times):
    d = measure(len(times), [], _words(times))
    assert d.wpm is None
    assert d.duration_s is None or (math.isfinite(d.duration_s) and d.duration_s >= 0)
    assert d.long_pauses is not None and d.long_pauses >= 0


def test_pace_is_measured_from_the_minimum_span():
    d = measure(3, [], _words([(0.0, 0.3), (0.4, 0.7), (0.8, MIN_PACE_S)]))
    assert d.wpm == pytest.approx(3 / MIN_PACE_S * 60) and math.isfinite(d.wpm)


def test_degenerate_times_keep_report_and_json_valid():
    text = "I fixed the build. Then I shipped it."
    words = [Word(t, 0.0, i * 1e-310) for i, t in enumerate(text.split())]
    a = analyze(text, words)
    assert a.delivery.wpm is None
    out = render(a, "x", colour=False)
    assert "inf" not in out and "words/min" not in out
    d = a.to_json_dict("x")
    json.loads(json.dumps(d, allow_nan=False))                  # no Infinity / NaN in the contract
    assert d["delivery"]["wpm"] is None and set(d["delivery"]) == {"words", "wpm", "fillers_per_100_words",
                                                                    "hedges", "long_pauses"}
