import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mockinterview.core.analysis import analyze
from mockinterview.report import render, use_colour

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "assets" / "examples"


def run(*args, stdin=None, env=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "mockinterview", *args], input=stdin, capture_output=True,
                          env=e, cwd=ROOT)


def test_analyze_report_is_plain_when_not_a_tty():
    r = run("analyze", str(EXAMPLES / "team-answer.txt"))
    out = r.stdout.decode()
    assert r.returncode == 0, r.stderr
    assert "\033[" not in out
    assert "Team only" in out and "Next steps:" in out and "STAR:" in out and "Delivery:" in out


def test_colour_on_tty_and_no_color_respected(monkeypatch):
    class Tty:
        def isatty(self):
            return True
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_colour(Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(Tty())
    text = (EXAMPLES / "individual-answer.txt").read_text()
    coloured = render(analyze(text), "x", colour=True)
    assert "\033[1;34mI tagged\033[0m" in coloured


def test_analyze_json_lines_for_several_files_and_stdin():
    text = (EXAMPLES / "individual-answer.txt").read_text()
    r = run("analyze", "--json", str(EXAMPLES / "team-answer.txt"), "-", stdin=text.encode())
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode().splitlines()
    assert len(lines) == 2
    a, b = map(json.loads, lines)
    assert a["schema"] == b["schema"] == "mockinterview.analysis/1"
    assert a["ownership"]["verdict"] == "team_only"
    assert b["source"] == "<stdin>" and b["ownership"]["verdict"] == "individual"
    assert b["text"] == text


@pytest.mark.parametrize("make,expect", [
    (lambda p: p / "missing.txt", "no such file"),
    (lambda p: p, "is a directory"),
    (lambda p: (p / "bin.txt").write_bytes(b"\x7fELF\x00\x01") and p / "bin.txt", "binary"),
    (lambda p: (p / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1")) and p / "latin1.txt", "not UTF-8"),
    (lambda p: (p / "empty.txt").write_text("  \n\n\t") and p / "empty.txt", "nothing to analyse"),
    (lambda p: (p / "huge.txt").write_text("I fixed it. " * 450_000) and p / "huge.txt", "too large"),
])
def test_bad_input_gives_one_line_error_and_nonzero_exit(tmp_path, make, expect):
    path = make(tmp_path)
    r = run("analyze", str(path))
    err = r.stderr.decode()
    assert r.returncode == 1
    assert expect in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_good_and_bad_files_together(tmp_path):
    r = run("analyze", str(EXAMPLES / "team-answer.txt"), str(tmp_path / "nope.txt"))
    assert r.returncode == 1
    assert b"Team only" in r.stdout and b"no such file" in r.stderr


def test_non_english_says_so():
    r = run("analyze", "-", stdin="Ich habe das Projekt geleitet und die Kosten gesenkt.".encode())
    assert r.returncode == 0
    assert b"does not look like English" in r.stdout


def test_questions_list_and_filter():
    r = run("questions", "-c", "conflict")
    out = r.stdout.decode()
    assert r.returncode == 0
    assert "CONFLICT" in out and "conflict-01" in out and "leadership-01" not in out
    r = run("questions", "--json")
    rows = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert len(rows) >= 80 and {"id", "competency", "text", "follow_ups", "strong_answer"} <= set(rows[0])
    r = run("questions", "-c", "juggling")
    assert r.returncode == 1 and b"choose from" in r.stderr


def test_questions_check_reports_file_and_line(tmp_path):
    (tmp_path / "x.toml").write_text('competency = "x"\n[[question]]\nid = "Bad Id"\n', encoding="utf-8")
    r = run("questions", "--check", "--bank", str(tmp_path))
    assert r.returncode == 1
    assert f"{tmp_path / 'x.toml'}:2:".encode() in r.stderr


def test_history_lists_saved_answers(tmp_path):
    from mockinterview.core.store import Store
    from mockinterview.core.transcript import Transcript

    data = tmp_path / "data"
    store = Store(data / "mockinterview.db")
    sid = store.new_session()
    text = (EXAMPLES / "individual-answer.txt").read_text()
    aid = store.start_answer(sid, "initiative-03", "Tell me about a process you improved.", "initiative",
                             tmp_path / "a.wav")
    store.finish_answer(aid, Transcript(text, [], [], 41.0, "en", "faster-whisper", "tiny.en"), analyze(text))
    store.close()
    env = {"MOCKINTERVIEW_DATA_DIR": str(data)}
    r = run("history", "--json", env=env)
    assert r.returncode == 0, r.stderr
    [row] = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert row["id"] == aid and row["question_id"] == "initiative-03" and row["verdict"] == "individual"
    assert row["question"].startswith("Tell me") and row["duration_s"] == 41.0 and row["created_at"]
    out = run("history", env=env).stdout.decode()
    assert "initiative" not in out or "process you improved" in out
    assert "Individual" in out and "individual " not in out            # plain words, as the window says
    from mockinterview.core.local_time import when
    assert when(row["created_at"]) in out                                 # the user's time zone, not UTC
    assert b"No saved answers" in run("history", env={"MOCKINTERVIEW_DATA_DIR": str(tmp_path / "empty")}).stdout


def test_history_first_re_analyses_answers_judged_by_an_earlier_engine(tmp_path):
    import shutil
    import sqlite3

    from mockinterview.core.reanalysis import analyze_transcript
    from mockinterview.core.store import Store

    data = tmp_path / "data"
    data.mkdir()
    db = data / "mockinterview.db"
    shutil.copy(ROOT / "tests" / "fixtures" / "db" / "v3.sqlite", db)
    with sqlite3.connect(db) as c:                   # judged by an engine that is not today's
        c.execute("UPDATE answers SET engine_version='old', verdict='team_only', score=1.0")
    env = {"MOCKINTERVIEW_DATA_DIR": str(data)}
    r = run("history", "--json", env=env)
    assert r.returncode == 0, r.stderr
    assert b"re-analysing 2 saved answers judged by an earlier version" in r.stderr
    rows = [json.loads(x) for x in r.stdout.decode().splitlines()]
    store = Store(db)
    fresh = analyze_transcript(store.answer(1).transcript)
    assert [(x["verdict"], x["score"]) for x in rows] == [(fresh.ownership.verdict, fresh.ownership.score)] * 2
    assert {a.engine_version for a in store.answers()} == {fresh.engine_version}
    again = run("history", env=env)
    assert again.returncode == 0 and b"re-analysing" not in again.stderr      # done once


def test_any_text_file_is_read_whatever_its_name(tmp_path):
    p = tmp_path / "answer.notes"
    p.write_text((EXAMPLES / "team-answer.txt").read_text())
    r = run("analyze", str(p))
    assert r.returncode == 0 and b"Team only" in r.stdout


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_utf16_and_bom_answers_are_read(tmp_path, encoding):
    text = (EXAMPLES / "team-answer.txt").read_text()
    p = tmp_path / "answer.txt"
    p.write_text(text, encoding=encoding)                   # both write a BOM, as Windows editors do
    r = run("analyze", str(p))
    assert r.returncode == 0, r.stderr
    assert b"Team only" in r.stdout
    r = run("analyze", "--json", "-", stdin=text.encode(encoding))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["text"] == text


@pytest.mark.parametrize("text", ["\u200b\u200b\ufeff\n", "😀 🎉 👍\n"])
def test_an_answer_with_no_words_is_refused_in_one_line(tmp_path, text):
    p = tmp_path / "answer.txt"
    p.write_text(text, encoding="utf-8")
    r = run("analyze", str(p))
    err = r.stderr.decode()
    assert r.returncode == 1 and not r.stdout
    assert "nothing to analyse" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_data_folder_that_cannot_be_created_is_a_message(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for args in (("history",), ("record", "--seconds", "1")):
        r = subprocess.run([sys.executable, "-m", "mockinterview", *args], capture_output=True, text=True, cwd=ROOT,
                           env=dict(os.environ, MOCKINTERVIEW_DATA_DIR=str(blocker / "data")))
        assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
        assert "cannot be created" in r.stderr
