"""Progress over time, per metric: what the Progress view charts and says in words (no Qt here).

Each finished answer keeps its figures as columns (store v6, Store.progress_rows): the ownership
score, the share of its actions told as the candidate's own, how many STAR parts it has, whether
its result is measured, fillers per 100 words, words per minute and length. series() groups them by
day or week in local time, over all takes, the first take of each question in a session, or the
best; changes() says what improved since last week.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import fmean

from . import targets as T
from .takes import pick_each, question_in_session


@dataclass(frozen=True, slots=True)
class Metric:
    key: str
    label: str
    unit: str
    band: tuple[float, float]        # the target range, drawn behind the line
    higher_is_better: bool | None    # None: inside the band is what counts (pace, length)
    scale: tuple[float, float] | None = None   # the values it can take, when bounded (a chart's axis)


METRICS: tuple[Metric, ...] = (
    Metric("score", "Ownership score", "/ 5", T.SCORE, True, (1, 5)),
    Metric("own_share", "Your own actions", "%", T.OWN_SHARE_PERCENT, True, (0, 100)),
    Metric("star_parts", "STAR parts", "of 4", T.STAR_PARTS, True, (0, 4)),
    Metric("measured", "Measured results", "%", T.MEASURED_PERCENT, True, (0, 100)),
    Metric("fillers_per_100", "Fillers", "per 100 words", T.FILLERS_PER_100, False),
    Metric("wpm", "Pace", "words/min", T.PACE_WPM, None),
    Metric("words", "Length", "words", T.LENGTH_WORDS, None),
)
BY_KEY = {m.key: m for m in METRICS}
_COLUMN = {"score": 5, "own_share": 6, "star_parts": 7, "measured": 8, "fillers_per_100": 9, "wpm": 10, "words": 11}


@dataclass(frozen=True, slots=True)
class Take:
    id: int
    session_id: int
    question_id: str | None
    competency: str | None
    day: date                        # local
    values: dict[str, float | None]


@dataclass(frozen=True, slots=True)
class Point:
    start: date                      # the day, or the Monday of the week
    value: float
    answers: int


def figures(analysis) -> tuple:
    """The column values of one analysis (store v6), in _COLUMN order from own_share on."""
    own, team = analysis.ownership.self_actions, analysis.ownership.team_actions
    star = analysis.star
    d = analysis.delivery
    return (own / (own + team) if own + team else None,
            int(star.situation) + int(star.task) + int(star.action) + int(star.result),
            int(star.result_quantified), d.fillers_per_100_words, d.wpm, d.words)


def takes(rows: list[tuple]) -> list[Take]:
    """Store.progress_rows() as Takes; percentages as 0–100, days in local time."""
    out = []
    for r in rows:
        values = {k: r[i] for k, i in _COLUMN.items()}
        for k in ("own_share", "measured"):
            if values[k] is not None:
                values[k] = 100.0 * values[k]
        out.append(Take(r[0], r[1], r[2], r[3], _local_day(r[4]), values))
    return out


def _local_day(stamp: str) -> date:
    return datetime.fromisoformat(stamp).astimezone().date()


def chosen(all_takes: list[Take], which: str = "all") -> list[Take]:
    """which: "all"; "first": the first take of each question in each session (a retake is practice
    on the same question, and would flatter the average); "best": the best-scored take of each."""
    if which == "all":
        return all_takes
    ranks = {"first": lambda t: 0,                                    # ties: the first met wins
             "best": lambda t: (-(t.values["score"] or 0.0), t.id)}
    if which not in ranks:
        raise ValueError(f"unknown choice of takes {which!r}")
    picked = pick_each(all_takes, key=lambda t: question_in_session(t.session_id, t.question_id, t.id),
                       rank=ranks[which])
    return sorted(picked, key=lambda t: (t.day, t.id))


def series(all_takes: list[Take], metric: str, by: str = "week", which: str = "all") -> list[Point]:
    """The metric's mean per day or week (Monday to Sunday), oldest first; answers without the
    figure (no pace for a typed answer) are left out of that metric."""
    if metric not in BY_KEY:
        raise ValueError(f"unknown metric {metric!r}")
    buckets: dict[date, list[float]] = defaultdict(list)
    for t in chosen(all_takes, which):
        v = t.values[metric]
        if v is None:
            continue
        start = t.day if by == "day" else t.day - timedelta(days=t.day.weekday())
        buckets[start].append(float(v))
    return [Point(d, fmean(vs), len(vs)) for d, vs in sorted(buckets.items())]


def changes(all_takes: list[Take], today: date | None = None) -> list[str]:
    """What changed between the last 7 days and the 7 before, in words, biggest first: only
    metrics with answers in both weeks, and only moves worth saying."""
    today = today or date.today()
    this = [t for t in all_takes if today - timedelta(days=6) <= t.day <= today]
    last = [t for t in all_takes if today - timedelta(days=13) <= t.day <= today - timedelta(days=7)]
    said = []
    for m in METRICS:
        now_v = [t.values[m.key] for t in this if t.values[m.key] is not None]
        then_v = [t.values[m.key] for t in last if t.values[m.key] is not None]
        if not now_v or not then_v:
            continue
        a, b = fmean(then_v), fmean(now_v)
        step = (m.band[1] - m.band[0]) * 0.1 or 1.0
        if abs(b - a) < step:
            continue
        if m.higher_is_better is None:
            better = abs(T.outside(b, m.band)) < abs(T.outside(a, m.band))
        else:
            better = (b > a) == m.higher_is_better
        verb = "improved" if better else "slipped"
        said.append((abs(b - a) / step, f"{m.label} {verb}: {_show(a, m)} → {_show(b, m)} {m.unit}".rstrip()))
    return [text for _, text in sorted(said, reverse=True)]


def _show(v: float, m: Metric) -> str:
    return f"{v:.1f}" if m.key in ("score", "star_parts", "fillers_per_100") else f"{v:.0f}"
