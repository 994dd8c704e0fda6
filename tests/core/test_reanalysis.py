"""When the analysis engine changes, stored answers are analysed again from their stored transcripts.

The tests do not depend on ENGINE_VERSION's value: the engine's version is set to one no stored
answer has, as an upgrade would."""
import json
import shutil
import sqlite3

import pytest

from mockinterview.core import reanalysis
from mockinterview.core.analysis import Analysis, Word, analyze
from mockinterview.core.analysis import engine as analysis_engine
from mockinterview.core.analysis.nlp import ParserMissing
from mockinterview.core.reanalysis import analyze_transcript, count_stale, reanalyse
from mockinterview.core.store import Store
from mockinterview.core.transcript import Transcript

from ..conftest import ROOT

V3 = ROOT / "tests" / "fixtures" / "db" / "v3.sqlite"
NEW = "test-upgrade-2"


@pytest.fixture
def upgraded(monkeypatch):
    """The engine after an upgrade: a version no stored answer was analysed with."""
    monkeypatch.setattr(analysis_engine, "ENGINE_VERSION", NEW)
    return NEW


def _fixture_store(tmp_path) -> Store:
    db = tmp_path / "mockinterview.db"
    shutil.copy(V3, db)                 # two answers analysed by engine 'rules-1', schema v3
    return Store(db)


def _assert_current(store: Store, answer_id: int) -> None:
    """The row is what the normal path would save for its transcript today, and History agrees."""
    row = store.answer(answer_id)
    fresh = analyze_transcript(row.transcript)
    assert row.analysis == fresh.to_json_dict(f"answer:{answer_id}")
    assert row.engine_version == row.analysis["engine_version"] == reanalysis.engine_version()
    assert (row.verdict, row.score) == (fresh.ownership.verdict, fresh.ownership.score)
    assert Analysis.from_json_dict(row.analysis).to_json_dict("x") == fresh.to_json_dict("x")


def test_an_upgrade_re_analyses_stored_answers_from_their_transcripts(tmp_path, upgraded):
    s = _fixture_store(tmp_path)
    before = {r.id: (r.verdict, r.score, r.engine_version) for r in s.answers()}
    assert {v for _, _, v in before.values()} == {"rules-1"}
    # make the stored figures clearly the old engine's (no current engine gives this answer 1.0)
    s.db.execute("UPDATE answers SET verdict='team_only', score=1.0")
    assert count_stale(s) == 2
    seen = []
    result = reanalyse(s, progress=lambda done, total: seen.append((done, total)))
    assert sorted(result.updated) == [1, 2] and result.failed == [] and not result.cancelled and result.remaining == 0
    assert seen == [(1, 2), (2, 2)]
    for aid in (1, 2):
        _assert_current(s, aid)
        row = s.answer(aid)
        assert row.score != 1.0 and row.verdict != "team_only"
        # the transcript itself is untouched
        assert row.transcript.text.startswith("I rewrote the pricing section") and row.stage == "final"
    assert [score for _, score in s.trend()] == [r.score for r in sorted(s.answers(), key=lambda r: r.created_at)]
    assert count_stale(s) == 0 and reanalyse(s).total == 0          # nothing left: a second start does nothing


def test_without_an_upgrade_nothing_is_redone(tmp_path, monkeypatch):
    monkeypatch.setattr(analysis_engine, "ENGINE_VERSION", "rules-1")   # what the fixture's answers were made by
    s = _fixture_store(tmp_path)
    assert count_stale(s) == 0 and reanalyse(s).updated == []
    assert {r.score for r in s.answers()} == {3.1}


def test_corrected_transcripts_are_analysed_from_the_users_text_with_word_times(tmp_path, monkeypatch):
    monkeypatch.setattr(analysis_engine, "ENGINE_VERSION", "old")
    s = _fixture_store(tmp_path)
    heard = "We rebuilt the pipeline over the summer. It went live in May."
    words = [Word(t, i * 0.4, i * 0.4 + 0.3, 0.9) for i, t in enumerate(heard.split())]
    aid = s.start_answer(s.new_session(), None, "Q", None, None)
    t = Transcript(heard, [], words, 9.0, "en", "faster-whisper", "tiny.en")
    s.finish_answer(aid, t, analyze_transcript(t))
    from mockinterview.core.correction import correct
    fixed = correct(t, "I rebuilt the pipeline over the summer. It went live in May.")
    s.correct_answer(aid, fixed, analyze_transcript(fixed))
    monkeypatch.setattr(analysis_engine, "ENGINE_VERSION", NEW)       # the upgrade
    assert count_stale(s) == 3
    result = reanalyse(s, batch=2)
    assert sorted(result.updated) == [1, 2, aid]
    row = s.answer(aid)
    _assert_current(s, aid)
    assert row.analysis["text"].startswith("I rebuilt") and row.analysis["delivery"]["wpm"] is not None
    assert row.corrected_at and row.original.text == heard                    # the correction is kept as it was


def test_cancel_stops_mid_way_and_the_rest_is_done_next_time(tmp_path, upgraded):
    s = _fixture_store(tmp_path)
    for i in range(4):
        aid = s.start_answer(s.new_session(), None, f"Q{i}", None, None)
        text = f"I fixed the build on day {i + 1}. We shipped it."
        s.finish_answer(aid, Transcript(text, [], [], 4.0, "en", "faster-whisper", "tiny.en"), analyze(text))
    s.db.execute("UPDATE answers SET engine_version='rules-1'")
    assert count_stale(s) == 6
    done = []
    first = reanalyse(s, progress=lambda d, t: done.append(d), cancel=lambda: len(done) >= 3, batch=2)
    assert first.cancelled and len(first.updated) == 3 and first.remaining == 3
    assert count_stale(s) == 3                                  # what was analysed is saved, the rest is not
    second = reanalyse(s)
    assert second.total == 3 and len(second.updated) == 3 and not second.cancelled
    assert sorted(first.updated + second.updated) == [r.id for r in sorted(s.answers(), key=lambda r: r.id)]
    for r in s.answers():
        _assert_current(s, r.id)


def test_an_answer_changed_meanwhile_keeps_its_own_analysis(tmp_path, upgraded, monkeypatch):
    """The user corrects an answer while it is being re-analysed: the correction's analysis stays."""
    s = _fixture_store(tmp_path)
    real = reanalysis.analyze_transcript
    corrected = {}

    def meanwhile(t):
        result = real(t)
        if not corrected:                               # the user saves a correction of answer 1 now
            row = s.answer(1)
            new = Transcript("We rewrote the pricing section. They signed.", [], [], 6.5, "en", "faster-whisper",
                             "tiny.en")
            s.correct_answer(1, new, analyze_transcript(new))
            corrected["analysis"] = s.answer(1).analysis
            assert row.transcript.text != new.text
        return result
    monkeypatch.setattr(reanalysis, "analyze_transcript", meanwhile)
    result = reanalyse(s)
    assert result.updated == [2] and result.total == 1 and result.remaining == 0
    assert s.answer(1).analysis == corrected["analysis"] and s.answer(1).analysis["text"].startswith("We rewrote")


def test_an_answer_that_cannot_be_analysed_is_reported_and_the_others_are_done(tmp_path, upgraded):
    s = _fixture_store(tmp_path)
    row = s.db.execute("SELECT transcript_json FROM answers WHERE id=1").fetchone()[0]
    empty = json.loads(row)
    empty["text"] = "  "
    s.db.execute("UPDATE answers SET transcript_json=? WHERE id=1", (json.dumps(empty),))
    result = reanalyse(s)
    assert result.updated == [2] and [i for i, _ in result.failed] == [1] and "no speech" in result.failed[0][1]
    assert s.answer(1).engine_version == "rules-1" and s.answer(1).score == 3.1       # left as it was


def test_a_missing_parser_stops_and_changes_nothing(tmp_path, upgraded, monkeypatch):
    def missing(_t):
        raise ParserMissing("the English parser model is not installed")
    monkeypatch.setattr(reanalysis, "analyze_transcript", missing)
    s = _fixture_store(tmp_path)
    with pytest.raises(ParserMissing):
        reanalyse(s)
    assert count_stale(s) == 2 and {r.score for r in s.answers()} == {3.1}


def test_on_demand_ids_are_redone_whatever_their_version(tmp_path, monkeypatch):
    monkeypatch.setattr(analysis_engine, "ENGINE_VERSION", "rules-1")
    s = _fixture_store(tmp_path)
    assert reanalyse(s, ids=[2]).updated == [2]
    _assert_current(s, 2)


def test_answers_from_a_v1_database_without_an_engine_version_are_stale(tmp_path):
    db = tmp_path / "mockinterview.db"
    shutil.copy(ROOT / "tests" / "fixtures" / "db" / "v1.sqlite", db)
    s = Store(db)
    assert {r.engine_version for r in s.answers()} == {None} and count_stale(s) == len(s.answers())
    reanalyse(s)
    for r in s.answers():
        _assert_current(s, r.id)


def test_unfinished_and_silent_takes_are_not_touched(tmp_path, upgraded):
    s = Store(tmp_path / "m.db")
    a = s.start_answer(s.new_session(), None, "Q", None, None)          # still 'recording'
    b = s.start_answer(s.new_session(), None, "Q", None, None)
    s.mark_no_speech(b)
    assert count_stale(s) == 0 and reanalyse(s).updated == []
    assert s.answer(a).status == "recording" and s.answer(b).status == "no_speech"


def test_the_normal_save_and_the_re_analysis_store_the_same(tmp_path, upgraded):
    """finish_answer and save_reanalysis keep an analysis alike (one helper writes both)."""
    s = Store(tmp_path / "m.db")
    text = "I rewrote the pricing section myself. They signed the following week."
    t = Transcript(text, [], [Word(w, i * 0.5, i * 0.5 + 0.4) for i, w in enumerate(text.split())], 7.0, "en",
                   "faster-whisper", "tiny.en")
    aid = s.start_answer(s.new_session(), None, "Q", None, None)
    s.finish_answer(aid, t, analyze_transcript(t))
    saved = s.answer(aid)
    s.db.execute("UPDATE answers SET engine_version='old'")
    reanalyse(s)
    again = s.answer(aid)
    assert again.analysis == saved.analysis and (again.verdict, again.score) == (saved.verdict, saved.score)
    raw = sqlite3.connect(tmp_path / "m.db").execute("SELECT engine_version FROM answers").fetchone()[0]
    assert raw == NEW
