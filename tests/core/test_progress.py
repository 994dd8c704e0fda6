"""Progress per metric from column-only SQL (store v6): the upgrade fills the columns from stored
analyses, new answers and re-analyses write them, and the series, take choices and the words
about last week follow the data."""
import json
import shutil
import time
from datetime import date, datetime, timedelta, timezone

import pytest

from mockinterview.core import progress
from mockinterview.core.analysis import analyze
from mockinterview.core.store import Store
from mockinterview.core.transcript import Transcript

from ..conftest import ROOT

V3 = ROOT / "tests" / "fixtures" / "db" / "v3.sqlite"


def _save(s, sid, qid, text, when=None):
    aid = s.start_answer(sid, qid, "Tell me about a time.", "teamwork", None)
    s.finish_answer(aid, Transcript(text, [], [], 30.0, "en", "faster-whisper", "tiny.en"), analyze(text))
    if when:
        s.db.execute("UPDATE answers SET created_at=? WHERE id=?", (when.isoformat(timespec="seconds"), aid))
    return aid


def test_the_upgrade_fills_the_figures_from_each_stored_analysis(tmp_path):
    db = tmp_path / "m.db"
    shutil.copy(V3, db)
    s = Store(db)
    rows = s.progress_rows()
    assert rows and all(r[7] is not None and r[11] for r in rows)          # STAR parts and length
    for r in rows:
        a = json.loads(s.db.execute("SELECT analysis_json FROM answers WHERE id=?", (r[0],)).fetchone()[0])
        own, team = a["ownership"]["self_actions"], a["ownership"]["team_actions"]
        assert r[6] == (pytest.approx(own / (own + team)) if own + team else None)
        assert r[11] == a["delivery"]["words"] and r[9] == a["delivery"]["fillers_per_100_words"]


def test_new_answers_and_re_analyses_write_the_figures(tmp_path):
    s = Store(tmp_path / "m.db")
    aid = _save(s, s.new_session(), "q1", "I rewrote the rota and cut overtime by 20%. We shipped it in May.")
    [r] = s.progress_rows()
    assert r[0] == aid and r[6] == pytest.approx(2 / 3) and r[8] == 1 and r[11] == 14
    s.db.execute("UPDATE answers SET own_share=NULL, engine_version='old' WHERE id=?", (aid,))
    from mockinterview.core.reanalysis import reanalyse
    reanalyse(s)
    assert s.progress_rows()[0][6] == pytest.approx(2 / 3)


def test_first_and_best_takes_and_weekly_series(tmp_path):
    s = Store(tmp_path / "m.db")
    monday = datetime(2026, 11, 2, 12, tzinfo=timezone.utc)
    sid = s.new_session()
    _save(s, sid, "q1", "We did it together. The team shipped it.", monday)                     # first take: team
    _save(s, sid, "q1", "I rebuilt the rota myself and cut overtime by 20%.", monday + timedelta(hours=1))
    _save(s, s.new_session(), "q2", "I led the review. I fixed the bug.", monday + timedelta(days=8))
    t = progress.takes(s.progress_rows())
    first = progress.series(t, "score", "week", "first")
    best = progress.series(t, "score", "week", "best")
    every = progress.series(t, "score", "week", "all")
    assert [p.answers for p in every] == [2, 1] and [p.answers for p in first] == [1, 1]
    assert first[0].value < every[0].value < best[0].value                 # the retake flatters the mean
    assert every[0].start.weekday() == 0 and every[1].start - every[0].start == timedelta(days=7)
    assert len(progress.series(t, "score", "day")) == 2
    assert progress.series(t, "wpm") == []                                 # typed answers have no pace


def test_what_changed_since_last_week_is_said_in_words(tmp_path):
    s = Store(tmp_path / "m.db")
    today = date(2026, 12, 4)
    at = lambda days: datetime(today.year, today.month, today.day, 12, tzinfo=timezone.utc) - timedelta(days=days)
    for d in (10, 9, 8):
        _save(s, s.new_session(), f"q{d}", "We planned it. We built it. The team shipped it.", at(d))
    for d in (2, 1):
        _save(s, s.new_session(), f"q{d}", "I planned the rollout. I built the tool and cut errors by 30%.", at(d))
    said = progress.changes(progress.takes(s.progress_rows()), today=today)
    assert said and said[0].startswith(("Ownership score improved", "Your own actions improved"))
    assert any("Measured results improved" in x for x in said)
    assert all(" → " in x and (" improved: " in x or " slipped: " in x) for x in said)
    assert not any(x.startswith(("Ownership score slipped", "Your own actions slipped")) for x in said)


def test_local_days_follow_the_users_time_zone(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        late = ("2026-12-05T03:30:00+00:00")                                # still 4 December in New York
        [t] = progress.takes([(1, 1, "q", "c", late, 3.0, 0.5, 3, 1, 1.0, 140.0, 200)])
        assert t.day == date(2026, 12, 4) and t.values["own_share"] == 50.0 and t.values["measured"] == 100.0
    finally:
        monkeypatch.undo()
        time.tzset()


def test_progress_reads_no_json(tmp_path, monkeypatch):
    """Column-only: even with every analysis_json made unreadable the figures come back."""
    s = Store(tmp_path / "m.db")
    _save(s, s.new_session(), "q", "I fixed the build.")
    s.db.execute("UPDATE answers SET analysis_json='not json', transcript_json='not json'")
    assert len(s.progress_rows()) == 1
