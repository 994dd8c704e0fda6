"""History as CSV (for a spreadsheet) or JSON: one record per finished answer, with stable keys.

The keys, in this order, are the contract (`mockinterview.history/1`, README "Exporting and backing
up"); new keys are only ever added at the end. CSV cells that a spreadsheet would run as a formula
(starting with = + - @, a tab or a carriage return) get a leading apostrophe, so an answer cannot
smuggle a formula into the user's spreadsheet.
"""
from __future__ import annotations

import csv
import io
import json

from .report_model import AnswerReport

SCHEMA = "mockinterview.history/1"
KEYS = ("id", "session_id", "created_at", "local_time", "question_id", "question", "competency", "verdict",
        "verdict_words", "score", "own_actions", "team_actions", "situation", "task", "action", "result",
        "result_measured", "words", "duration_s", "wpm", "fillers_per_100_words", "hedges", "long_pauses",
        "transcript_corrected", "engine", "model", "tips", "transcript")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def record(r: AnswerReport) -> dict:
    """One answer as a flat dict with KEYS, in order."""
    d = r.analysis.delivery
    duration = next((f.value for f in r.delivery if f.key == "duration_s"), None)
    wpm = next((f.value for f in r.delivery if f.key == "wpm"), None)
    return {
        "id": r.answer_id, "session_id": r.session_id, "created_at": r.created_at, "local_time": r.when,
        "question_id": r.question_id, "question": r.question, "competency": r.competency,
        "verdict": r.verdict, "verdict_words": r.verdict_word, "score": r.score,
        "own_actions": r.own_actions, "team_actions": r.team_actions,
        **{p.lower(): p in r.star_present for p in ("Situation", "Task", "Action", "Result")},
        "result_measured": r.result_measured, "words": d.words, "duration_s": duration, "wpm": wpm,
        "fillers_per_100_words": d.fillers_per_100_words, "hedges": d.hedges, "long_pauses": d.long_pauses,
        "transcript_corrected": r.corrected, "engine": r.engine, "model": r.model, "tips": list(r.tips), "transcript": r.transcript,
    }


def to_json(records: list[dict]) -> str:
    """{"schema": "mockinterview.history/1", "answers": [record, …]}, oldest first, UTF-8 text."""
    return json.dumps({"schema": SCHEMA, "answers": records}, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would evaluate ("=HYPERLINK(…)", "-2+3", "@SUM(…)") is made plain text."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        value = "\n".join(value)
    if isinstance(value, float):
        return f"{value:g}"           # numbers are never neutralised: a negative figure stays a number
    if isinstance(value, int):
        return str(value)
    return neutralise(str(value))


def to_csv(records: list[dict]) -> str:
    """A header of KEYS, then one row per answer; tips one per line inside their cell."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(KEYS)
    for rec in records:
        w.writerow([_cell(rec[k]) for k in KEYS])
    return out.getvalue()
