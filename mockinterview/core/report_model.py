"""What a report says, with no renderer in mind: one answer, a session, or a date range.

The terminal (report.py), the Markdown and PDF exports and the review's STAR/delivery summary all
read these plain dataclasses, so they cannot disagree. They are built from an Analysis (a fresh
one, or a stored answer's `mockinterview.analysis/1` JSON) and the answer's stored row. Target
ranges come from core/progress.py's METRICS (the bands the Progress view draws), never repeated here.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from statistics import fmean

from .analysis.model import VERDICT_TEXT, Analysis, verdict_word
from .local_time import when
from . import targets as T
from .progress import BY_KEY, figures

# Who acts in a sentence, in the words the reports use (the review's tooltips say the same).
WHO = {"self": "you", "team": "the team", "other": "someone else", "passive": "nobody (hidden agent)",
       "none": "context"}
# The clause figures, in the order reports list them.
AGENT_FIGURES = (("self", "you act"), ("team", "the team acts ('we')"), ("other", "someone else acts"),
                 ("passive", "nobody is named"), ("none", "it is context"))
STAR_PARTS = ("Situation", "Task", "Action", "Result")


@dataclass(frozen=True, slots=True)
class Figure:
    """One delivery or summary figure with its target range (None: no range applies)."""
    key: str
    label: str
    value: float | None              # None: not measured (a typed answer has no pace)
    text: str                        # the value in words, e.g. "152 words/min"
    target: str = ""                 # e.g. "120–170 words/min"
    within: bool | None = None       # inside the target range; None without a value or a range
    aim: str = ""                    # the target as the review says it: "aim 120–170", "aim under 3"
    side: str = ""                   # "above" / "below" the target, in words (never colour alone)


@dataclass(frozen=True, slots=True)
class SentenceLine:
    """One sentence: who acts in it and why the analysis says so."""
    text: str
    agent: str                       # self | team | other | passive | none
    who: str                         # WHO[agent]
    star: str                        # situation | task | action | result | reflection | other
    measured: bool                   # holds a number on the result
    evidence: str                    # the analysis's reason for the label
    start: int = 0                   # where it is in the transcript (analysis.text)
    end: int = 0


@dataclass(slots=True)
class AnswerReport:
    question: str
    analysis: Analysis               # kept for renderers that highlight the transcript (runs())
    answer_id: int | None = None
    session_id: int | None = None
    competency: str | None = None
    question_id: str | None = None
    engine: str | None = None        # the speech engine and model that transcribed it
    model: str | None = None
    created_at: str | None = None    # stored UTC time
    when: str = ""                   # local time, as the window shows it
    source: str = ""                 # a file name (terminal), or "answer N"
    corrected: bool = False          # the user corrected the transcript
    verdict: str = ""
    verdict_word: str = ""           # "Team only"
    verdict_text: str = ""           # "Team only: no action of your own can be identified"
    score: float = 0.0
    own_actions: int = 0             # distinct acts of your own (the ownership score counts these)
    team_actions: int = 0            # actions told with "we" or with nobody named
    agents: list[tuple[str, str, int]] = field(default_factory=list)    # (agent, "sentences where …", count)
    sentences: list[SentenceLine] = field(default_factory=list)
    star_present: list[str] = field(default_factory=list)
    star_missing: list[str] = field(default_factory=list)
    result_measured: bool = False
    action_share: float = 0.0
    delivery: list[Figure] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def transcript(self) -> str:
        return self.analysis.text

    def figure(self, key: str) -> Figure | None:
        return next((f for f in self.delivery if f.key == key), None)


@dataclass(slots=True)
class GroupReport:
    """A session, a date range, or the whole history: its answers, oldest first, and their averages."""
    kind: str                        # "session" | "range" | "all"
    title: str
    subtitle: str
    answers: list[AnswerReport]
    averages: list[Figure] = field(default_factory=list)
    session_id: int | None = None
    start: date | None = None
    end: date | None = None


def _finite(x) -> bool:
    return x is not None and isinstance(x, (int, float)) and math.isfinite(x)


def _band(key: str) -> tuple[float, float]:
    return BY_KEY[key].band


def _target(key: str) -> str:
    lo, hi = _band(key)
    m = BY_KEY[key]
    show = (lambda v: f"{v:g}") if key in ("score", "fillers_per_100") else (lambda v: f"{v:.0f}")
    return f"{show(lo)}–{show(hi)} {m.unit}".strip()


def _figure(key: str, label: str, value: float | None, text: str) -> Figure:
    if not _finite(value):
        return Figure(key, label, None, "not measured", _target(key) if key in BY_KEY else "",
                      aim=T.aim(_band(key)) if key in BY_KEY else "")
    if key not in BY_KEY:
        return Figure(key, label, float(value), text)
    return _ranged(key, label, float(value), text, _band(key), _target(key), T.aim(_band(key)))


def _ranged(key: str, label: str, value: float, text: str, band, target: str, aim: str) -> Figure:
    off = T.outside(value, band)
    return Figure(key, label, value, text, target, off == 0, aim, "" if off == 0 else "above" if off > 0 else "below")


def delivery_figures(a: Analysis) -> list[Figure]:
    """Length, pace, fillers, hedges, long pauses; each with its target range where one is set."""
    d = a.delivery
    length = a.duration_s if _finite(a.duration_s) and a.duration_s > 0 else d.duration_s
    out = [_figure("words", "Length", d.words, f"{d.words} words")]
    if _finite(length) and length > 0:
        lo, hi = T.ANSWER_SECONDS
        out.append(_ranged("duration_s", "Spoken for", float(length), _clock(length), T.ANSWER_SECONDS,
                           f"{_clock(lo)}–{_clock(hi)}", T.aim_seconds()))
    wpm = d.wpm if _finite(d.wpm) and d.wpm > 0 else None      # a stored analysis may hold inf
    out.append(_figure("wpm", "Pace", wpm, f"{wpm:.0f} words/min" if wpm else ""))
    out.append(_figure("fillers_per_100", "Fillers", d.fillers_per_100_words,
                       f"{d.fillers_per_100_words:.1f} per 100 words"))
    out.append(Figure("hedges", "Hedges", float(d.hedges), str(d.hedges)))
    if d.long_pauses is not None:
        out.append(Figure("long_pauses", "Long pauses", float(d.long_pauses), str(d.long_pauses)))
    return out


def answer_report(a: Analysis, question: str = "", *, source: str = "", row=None) -> AnswerReport:
    """The report of one analysis; row: its store.AnswerRow when it is a saved answer."""
    o, st = a.ownership, a.star
    parts = dict(zip(STAR_PARTS, (st.situation, st.task, st.action, st.result)))
    counts = {k: 0 for k, _ in AGENT_FIGURES}
    for s in a.sentences:
        counts[s.agent] = counts.get(s.agent, 0) + 1
    r = AnswerReport(
        question=question or (row.question_text if row else ""), analysis=a, source=source,
        verdict=o.verdict, verdict_word=verdict_word(o.verdict), verdict_text=VERDICT_TEXT.get(o.verdict, o.verdict),
        score=o.score, own_actions=o.self_actions, team_actions=o.team_actions,
        agents=[(k, label, counts[k]) for k, label in AGENT_FIGURES],
        sentences=[SentenceLine(s.text, s.agent, WHO.get(s.agent, s.agent), s.star, s.quantified, s.reason,
                                s.start, s.end)
                   for s in a.sentences],
        star_present=[p for p, ok in parts.items() if ok], star_missing=[p for p, ok in parts.items() if not ok],
        result_measured=st.result_quantified, action_share=st.action_share,
        delivery=delivery_figures(a), tips=list(a.tips), warnings=list(a.warnings))
    if row is not None:
        r.answer_id, r.session_id, r.competency = row.id, row.session_id, row.competency
        r.question_id, r.engine, r.model = row.question_id, row.engine, row.model
        r.created_at, r.when, r.corrected = row.created_at, when(row.created_at), row.corrected_at is not None
        r.source = source or f"answer {row.id}"
    return r


def from_row(row) -> AnswerReport | None:
    """A saved answer's report, from its stored analysis as History shows it (None: not analysed,
    or its analysis cannot be read; such an answer is left out of a session's or a range's report)."""
    analysis = row.stored_analysis() if row is not None else None
    return answer_report(analysis, row=row) if analysis is not None else None


def averages(reports: list[AnswerReport]) -> list[Figure]:
    """Mean ownership score, share of own actions, STAR parts and delivery over the answers that have each."""
    out = []
    scores = [r.score for r in reports]
    if scores:
        out.append(_figure("score", "Ownership score", fmean(scores), f"{fmean(scores):.1f} / 5"))
    own = [f[0] for f in (figures(r.analysis) for r in reports) if f[0] is not None]
    if own:
        out.append(_figure("own_share", "Your own actions", 100 * fmean(own), f"{100 * fmean(own):.0f}%"))
    if reports:
        parts = fmean(len(r.star_present) for r in reports)
        out.append(_figure("star_parts", "STAR parts", parts, f"{parts:.1f} of 4"))
    for key, label, unit in (("wpm", "Pace", "words/min"), ("fillers_per_100", "Fillers", "per 100 words"),
                             ("words", "Length", "words")):
        vals = [f.value for r in reports if (f := r.figure(key)) is not None and f.value is not None]
        if vals:
            v = fmean(vals)
            out.append(_figure(key, label, v, f"{v:.1f} {unit}" if key == "fillers_per_100" else f"{v:.0f} {unit}"))
    return out


def _oldest_first(rows) -> list[AnswerReport]:
    return [r for r in (from_row(row) for row in sorted(rows, key=lambda x: (x.created_at, x.id))) if r]


def session_report(store, session_id: int) -> GroupReport | None:
    """A session's finished answers (None: no such session, or none of its answers is finished)."""
    sess = next((s for s in store.sessions() if s.id == session_id), None)
    if sess is None:
        return None
    reports = _oldest_first([r for r in store.answers() if r.session_id == session_id])
    if not reports:
        return None
    n = len(reports)
    return GroupReport("session", f"{sess.title or 'Practice session'}", f"{when(sess.started_at)} · {n} answer"
                       f"{'s' if n != 1 else ''}", reports, averages(reports), session_id=session_id)


def local_day(iso: str) -> date:
    """The user's calendar day of a stored time (stored without an offset: UTC all the same)."""
    t = datetime.fromisoformat(iso)
    return (t if t.tzinfo else t.replace(tzinfo=timezone.utc)).astimezone().date()


def range_report(store, start: date | None = None, end: date | None = None) -> GroupReport:
    """The finished answers given from start to end (local days, both included; None: unbounded)."""
    rows = [r for r in store.answers()
            if (start is None or local_day(r.created_at) >= start) and (end is None or local_day(r.created_at) <= end)]
    reports = _oldest_first(rows)
    n = len(reports)
    if start is None and end is None:
        kind, title = "all", "All your answers"
    else:
        kind = "range"
        title = f"Your answers from {start.isoformat() if start else 'the first'} to {end.isoformat() if end else 'today'}"
    return GroupReport(kind, title, f"{n} answer{'s' if n != 1 else ''}", reports, averages(reports),
                       start=start, end=end)


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    star_lines: list[str]            # plain text, one line each (the review joins them with <br>)
    star_description: str           # what a screen reader reads
    delivery: list[str]             # one line per figure, each beside its aim


def review_summary(r: AnswerReport) -> ReviewSummary:
    """The review's STAR and delivery summary, from the same model as the exports."""
    star = [" · ".join(f"{p} {'✓' if p in r.star_present else '✗'}" for p in STAR_PARTS),
            f"Measured result: {'yes' if r.result_measured else 'no'}; actions are {r.action_share:.0%} of the answer"]
    if r.star_missing:
        star.append(f"Missing: {', '.join(r.star_missing)}")
    description = (f"Present: {', '.join(r.star_present) or 'none'}. Missing: {', '.join(r.star_missing) or 'none'}. "
                   f"Measured result: {'yes' if r.result_measured else 'no'}.")
    return ReviewSummary(star, description, [figure_text(f) for f in r.delivery if f.value is not None])


def figure_text(f: Figure) -> str:
    """'Pace 182 words/min (aim 120–170: above)': the review's and the terminal's wording."""
    if not f.aim or f.value is None:
        return f"{f.label} {f.text}"
    return f"{f.label} {f.text} ({f.aim}{': ' + f.side if f.side else ''})"


def _clock(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"
