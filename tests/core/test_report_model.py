"""The report model, built from real analysed answers saved in a real store, and what the Markdown,
CSV and JSON exports make of it."""
import csv
import re
import io
import json
from datetime import date, datetime, timedelta, timezone

from mockinterview.core import progress, report_model
from mockinterview.core.analysis import analyze
from mockinterview.core.history_export import KEYS, SCHEMA, neutralise, record, to_csv, to_json
from mockinterview.core.local_time import when
from mockinterview.core.report_markdown import answer_markdown, escape, group_markdown
from mockinterview.core.store import Store
from mockinterview.core.transcript import Transcript

from ..conftest import ROOT

EXAMPLES = ROOT / "assets" / "examples"
TEAM = (EXAMPLES / "team-answer.txt").read_text()
OWN = (EXAMPLES / "individual-answer.txt").read_text()


def _save(s, sid, text, question="Tell me about a time you led a change.", created=None):
    aid = s.start_answer(sid, "teamwork-01", question, "teamwork", None)
    s.finish_answer(aid, Transcript(text, [], [], 45.0, "en", "faster-whisper", "tiny.en"), analyze(text))
    if created:
        s.db.execute("UPDATE answers SET created_at=? WHERE id=?", (created.isoformat(timespec="seconds"), aid))
    return aid


def test_answer_report_from_a_stored_answer_says_what_the_analysis_says(tmp_path):
    s = Store(tmp_path / "m.db")
    aid = _save(s, s.new_session(), OWN)
    row = s.answer(aid)
    r = report_model.from_row(row)
    a = analyze(OWN)
    assert (r.answer_id, r.question, r.competency) == (aid, row.question_text, "teamwork")
    assert r.when == when(row.created_at) and r.verdict == a.ownership.verdict == "individual"
    assert r.verdict_word == "Individual" and r.score == a.ownership.score
    assert (r.own_actions, r.team_actions) == (a.ownership.self_actions, a.ownership.team_actions)
    assert sum(n for _k, _l, n in r.agents) == len(a.sentences) == len(r.sentences)
    for line, sent in zip(r.sentences, a.sentences):
        assert (line.text, line.agent, line.evidence) == (sent.text, sent.agent, sent.reason) and line.evidence
        assert line.who == report_model.WHO[sent.agent]
    parts = {"Situation": a.star.situation, "Task": a.star.task, "Action": a.star.action, "Result": a.star.result}
    assert r.star_present == [p for p, ok in parts.items() if ok]
    assert r.star_missing == [p for p, ok in parts.items() if not ok]
    assert r.tips == a.tips
    words = r.figure("words")
    lo, hi = progress.BY_KEY["words"].band                    # the ranges are the Progress view's bands
    assert words.value == a.delivery.words and words.within == (lo <= a.delivery.words <= hi)
    assert words.target == f"{lo:.0f}–{hi:.0f} words"
    assert r.figure("wpm").value is None and r.figure("wpm").text == "not measured"   # typed: no pace


def test_review_summary_lists_star_and_delivery_with_targets(tmp_path):
    r = report_model.answer_report(analyze(TEAM), "Q")
    summary = report_model.review_summary(r)
    assert summary.star_lines[0] == "Situation ✓ · Task ✗ · Action ✓ · Result ✓"
    assert "Missing: Task" in summary.star_lines and "Missing: Task." in summary.star_description
    words = r.analysis.delivery.words
    side = "" if 150 <= words <= 400 else ": below" if words < 150 else ": above"
    assert f"Length {words} words (aim 150–400{side})" in summary.delivery


def test_session_and_date_range_reports_hold_their_answers_and_averages(tmp_path):
    s = Store(tmp_path / "m.db")
    sid = s.new_session("Practice set: teamwork")
    now = datetime.now(timezone.utc)
    a1 = _save(s, sid, TEAM, created=now - timedelta(days=10))
    a2 = _save(s, sid, OWN, created=now)
    other = _save(s, s.new_session(), OWN, created=now - timedelta(days=40))
    g = report_model.session_report(s, sid)
    assert [r.answer_id for r in g.answers] == [a1, a2] and g.title == "Practice set: teamwork"
    score = next(f for f in g.averages if f.key == "score")
    assert score.value == (s.answer(a1).score + s.answer(a2).score) / 2
    today = datetime.now().date()
    recent = report_model.range_report(s, today - timedelta(days=15), today)
    assert [r.answer_id for r in recent.answers] == [a1, a2]
    assert [r.answer_id for r in report_model.range_report(s).answers] == [other, a1, a2]
    assert report_model.session_report(s, 999) is None
    assert report_model.range_report(s, date(2000, 1, 1), date(2000, 1, 2)).answers == []


def test_markdown_escapes_what_the_user_said():
    nasty = "We *shipped* it [here](http://x) <img src=x> `rm` # not a heading | cell &amp; ~~gone~~."
    r = report_model.answer_report(analyze(nasty + " I fixed the build."), "- Tell me _about_ it\n# really")
    md = answer_markdown(r)
    assert "\\*shipped\\*" in md and "\\[here\\]\\(http://x\\)" in md and "\\<img src=x\\>" in md
    assert "\\`rm\\`" in md and "\\# not a heading \\| cell \\&amp; \\~\\~gone\\~\\~" in md
    assert md.startswith("# \\- Tell me \\_about\\_ it \\# really\n")       # one line, not a list or heading
    assert not re.search(r"(?<!\\)<img", md) and "](http" not in md
    assert escape("1. first") == "1\\. first" and escape("a\x1b[2Jb") == "a\\[2Jb"   # no numbered list, no ESC


def test_group_markdown_has_a_table_and_every_answer(tmp_path):
    s = Store(tmp_path / "m.db")
    sid = s.new_session()
    _save(s, sid, TEAM)
    _save(s, sid, OWN, question="Why | pipes?")
    md = group_markdown(report_model.session_report(s, sid))
    assert "| When | Question | Verdict | Score |" in md and "Why \\| pipes?" in md
    assert md.count("### Who acts") == 2 and "Team only" in md and "Individual" in md


def test_csv_neutralises_formulas_and_round_trips(tmp_path):
    s = Store(tmp_path / "m.db")
    sid = s.new_session()
    questions = ['=HYPERLINK("http://evil","x")', "+1+2", "-3", "@SUM(A1)", "\tx", "\rx", "Plain, \"quoted\"\nline"]
    ids = [_save(s, sid, OWN, question=q) for q in questions]
    records = [record(r) for r in report_model.range_report(s).answers]
    rows = list(csv.DictReader(io.StringIO(to_csv(records), newline="")))
    assert list(rows[0]) == list(KEYS)
    got = {int(r["id"]): r["question"] for r in rows}
    for aid, q in zip(ids, questions):
        assert got[aid] == (q if q[0] not in "=+-@\t\r" else "'" + q)
    assert all(not v.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for v in r.values())
    first = rows[0]
    rec = records[0]
    assert first["score"] == f"{rec['score']:g}" and first["words"] == str(rec["words"])
    assert first["tips"].split("\n") == rec["tips"] and first["transcript"] == OWN
    assert neutralise("fine") == "fine"


def test_json_has_stable_keys_and_matches_the_store(tmp_path):
    s = Store(tmp_path / "m.db")
    sid = s.new_session()
    aid = _save(s, sid, TEAM)
    d = json.loads(to_json([record(r) for r in report_model.range_report(s).answers]))
    assert d["schema"] == SCHEMA and len(d["answers"]) == 1
    [a] = d["answers"]
    assert list(a) == list(KEYS)
    row = s.answer(aid)
    assert (a["id"], a["verdict"], a["score"], a["question"]) == (aid, row.verdict, row.score, row.question_text)
    assert a["transcript"] == TEAM and a["engine"] == "faster-whisper" and a["task"] is False
