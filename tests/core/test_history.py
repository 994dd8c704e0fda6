"""What History lists: sessions with their answers from columns only, and a session's average over the
first take of each question (issue 11: it mixed a first take with its retake)."""
from mockinterview.core import history
from mockinterview.core.analysis import analyze
from mockinterview.core.store import Store
from mockinterview.core.transcript import Transcript

OWN = "I rewrote the rota myself and I cut overtime by 20%."
TEAM = "We planned it and the team shipped it."


def _answer(store, session, question_id, text, competency="teamwork"):
    aid = store.start_answer(session, question_id, f"Question {question_id}", competency, None)
    store.finish_answer(aid, Transcript(text, [], [], 20.0, "en", "faster-whisper", "tiny.en"), analyze(text))
    return aid


def test_a_sessions_average_counts_first_takes_only(tmp_path):
    store = Store(tmp_path / "m.db")
    s = store.new_session("Practice set: teamwork")
    first = _answer(store, s, "teamwork-01", TEAM)
    retake = _answer(store, s, "teamwork-01", OWN)          # the same question again, better
    other = _answer(store, s, "teamwork-02", OWN)
    scores = {a: store.answer(a).score for a in (first, retake, other)}
    assert scores[first] != scores[retake]
    [session] = history.read(store).sessions
    assert [a.id for a in session.answers] == [other, retake, first]         # every take listed, newest first
    assert {a.id for a in session.first_takes} == {first, other}
    assert session.average == (scores[first] + scores[other]) / 2
    assert session.average != sum(scores.values()) / 3                       # what History showed before
    assert {a.id: a.first_take for a in session.answers} == {first: True, retake: False, other: True}


def test_history_reads_no_json_and_filters_by_competency(tmp_path, monkeypatch):
    store = Store(tmp_path / "m.db")
    a = _answer(store, store.new_session(), "teamwork-01", TEAM)
    b = _answer(store, store.new_session(), "conflict-01", OWN, competency="conflict")
    import json
    monkeypatch.setattr(json, "loads", lambda *_a, **_k: (_ for _ in ()).throw(AssertionError("JSON parsed")))
    everything = history.read(store)
    assert [s.answers[0].id for s in everything.sessions] == [b, a]
    assert everything.trend == [store.history_rows()[1][6], store.history_rows()[0][6]]      # oldest first
    only = history.read(store, "conflict")
    assert [a.id for s in only.sessions for a in s.answers] == [b] and len(only.trend) == 1


def test_first_takes_are_per_session_and_answers_without_a_question_stand_alone():
    rows = [(4, 2, "q1", "Q", "2025-01-02T10:00:00+00:00"), (3, 1, "q1", "Q", "2025-01-01T10:05:00+00:00"),
            (2, 1, None, "Q", "2025-01-01T10:03:00+00:00"), (1, 1, None, "Q", "2025-01-01T10:01:00+00:00"),
            (0, 1, "q1", "Q", "2025-01-01T10:00:00+00:00")]
    assert history.first_take_ids(rows) == {4, 2, 1, 0}
