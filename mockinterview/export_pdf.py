"""Reports as PDF: the report model (core/report_model.py) laid out by QTextDocument, printed by QPdfWriter.

Works without a display (QT_QPA_PLATFORM=offscreen is set when no Qt application exists yet, as
from the terminal). The transcript marks who acts in more than colour: your own actions bold on
blue, team language underlined on orange, actions with nobody named in underlined italics (the
review's shapes), and a table of the sentences names who acts in each, in words.
"""
from __future__ import annotations

import html
import os
from pathlib import Path

from .core.analysis.runs import runs
from .core.report_model import STAR_PARTS, AnswerReport, Figure, GroupReport

# The review's light styles (ui/transcript_html.py): the same marks on paper as on screen.
STYLE = {"self": "background-color:#cfe3ff; color:#0b3d91; font-weight:bold",
         "team": "background-color:#ffe2b8; color:#6b3d00; text-decoration:underline",
         "passive": "color:#4a4a4a; font-style:italic; text-decoration:underline",
         "metric": "color:#005f5f; font-weight:bold",
         "hedge": "color:#6a3a8e; font-style:italic",
         "filler": "color:#5f5f5f; text-decoration:line-through"}
LEGEND = (("self", "your own actions (bold)"), ("team", "team language, 'we' (underlined)"),
          ("passive", "nobody named (underlined italics)"), ("metric", "numbers"), ("hedge", "hedges"),
          ("filler", "fillers (struck through)"))
CSS = """
body { font-family: sans-serif; font-size: 10pt; color: #1a1a1a; }
h1 { font-size: 17pt; } h2 { font-size: 13pt; margin-top: 14px; } h3 { font-size: 11pt; margin-top: 10px; }
table.grid { border-collapse: collapse; }
td, th { padding: 3px 6px; vertical-align: top; }
th { background-color: #eeeeee; text-align: left; }
.muted { color: #4a4a4a; }
.transcript { font-size: 11pt; line-height: 140%; }
"""


def _e(text: str) -> str:
    return html.escape(" ".join(text.split()))


def _transcript(r: AnswerReport) -> str:
    a, parts = r.analysis, []
    for run in runs(a):
        text = html.escape(a.text[run.start:run.end]).replace("\n", "<br>")
        parts.append(f'<span style="{STYLE[run.kind]}">{text}</span>' if run.kind in STYLE else text)
    return f'<p class="transcript">{"".join(parts)}</p>'


def _figures(figs: list[Figure]) -> str:
    rows = "".join(f"<tr><td>{_e(f.label)}</td><td>{_e(f.text) if f.value is not None else 'not measured'}</td>"
                   f"<td>{_e(f.target) or '–'}</td>"
                   f"<td>{'–' if f.within is None else ('yes' if f.within else '<b>no</b>')}</td></tr>" for f in figs)
    return ('<table class="grid" border="1" cellspacing="0"><tr><th>Figure</th><th>Value</th><th>Target</th>'
            f"<th>In range</th></tr>{rows}</table>")


def answer_html(r: AnswerReport, level: int = 1) -> str:
    h, h2 = f"h{level}", f"h{level + 1}"
    meta = " · ".join(x for x in (_e(r.when), _e(r.competency or ""), f"answer {r.answer_id}" if r.answer_id else "",
                                  "transcript corrected by you" if r.corrected else "") if x)
    out = [f"<{h}>{_e(r.question) or 'Answer'}</{h}>"]
    if meta:
        out.append(f'<p class="muted">{meta}</p>')
    out.append(f"<p><b>{r.score:.1f} / 5</b> &nbsp; {_e(r.verdict_text)}</p>")
    out += [f"<p><i>Note:</i> {_e(w)}</p>" for w in r.warnings]
    legend = " &nbsp; ".join(f'<span style="{STYLE[k]}">{html.escape(name)}</span>' for k, name in LEGEND)
    out += [f"<{h2}>Transcript</{h2}>", f'<p class="muted">{legend}</p>', _transcript(r)]
    counts = ", ".join(f"{_e(label)}: {n}" for _k, label, n in r.agents)
    out += [f"<{h2}>Who acts</{h2}>",
            f"<p>Your own actions: <b>{r.own_actions}</b>; actions by the team or with nobody named: "
            f"<b>{r.team_actions}</b>.<br>Sentences where {counts}.</p>",
            '<table class="grid" border="1" cellspacing="0" width="100%"><tr><th width="4%">#</th>'
            '<th width="46%">Sentence</th><th width="18%">Who acts</th><th width="32%">Why</th></tr>']
    for i, s in enumerate(r.sentences, 1):
        who = f"<b>{_e(s.who)}</b>" if s.agent == "self" else (f"<u>{_e(s.who)}</u>" if s.agent == "team" else _e(s.who))
        star = _e(s.star) + (", measured result" if s.measured else "")
        out.append(f"<tr><td>{i}</td><td>{_e(s.text)}</td><td>{who}<br><span class='muted'>{star}</span></td>"
                   f"<td>{_e(s.evidence)}</td></tr>")
    out.append("</table>")
    star = " &nbsp; ".join(f"{p} {'✓' if p in r.star_present else '✗ <b>missing</b>'}" for p in STAR_PARTS)
    out += [f"<{h2}>STAR</{h2}>",
            f"<p>{star}<br>Measured result: {'yes' if r.result_measured else 'no'}; actions are "
            f"{r.action_share:.0%} of the answer.</p>",
            f"<{h2}>Delivery</{h2}>", _figures(r.delivery),
            f"<{h2}>Next steps</{h2}>", "<ul>" + "".join(f"<li>{_e(t)}</li>" for t in r.tips) + "</ul>"]
    return "\n".join(out)


def group_html(g: GroupReport) -> str:
    out = [f"<h1>{_e(g.title)}</h1>", f'<p class="muted">{_e(g.subtitle)}</p>']
    if g.averages:
        out += ["<h2>Averages</h2>", _figures(g.averages)]
    if g.answers:
        rows = "".join(f"<tr><td>{_e(r.when)}</td><td>{_e(r.question)}</td><td>{_e(r.verdict_word)}</td>"
                       f"<td>{r.score:.1f}</td></tr>" for r in g.answers)
        out += ["<h2>Answers</h2>", '<table class="grid" border="1" cellspacing="0" width="100%"><tr><th>When</th>'
                f"<th>Question</th><th>Verdict</th><th>Score</th></tr>{rows}</table>"]
    else:
        out.append("<p>No finished answers.</p>")
    for r in g.answers:
        out.append('<hr>' + answer_html(r, level=2))
    return "\n".join(out)


def ensure_app():
    """A Qt application for fonts and layout: the running one, or an offscreen one (terminal use)."""
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    return app


def write_pdf(body_html: str, path: Path, title: str = "mockinterview report") -> None:
    """Lay out body_html on A4 pages and write them to path."""
    ensure_app()
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("mockinterview")
    writer.setPageSize(QPageSize(QPageSize.A4))
    writer.setPageMargins(QMarginsF(18, 16, 18, 16), QPageLayout.Millimeter)
    writer.setResolution(300)
    doc = QTextDocument()
    doc.setDefaultStyleSheet(CSS)
    doc.setDocumentMargin(0)
    doc.setHtml(f"<html><body>{body_html}</body></html>")
    doc.print_(writer)              # lays the text out on the writer's pages, at its resolution
    del writer                      # the file is finished when the writer goes
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"the PDF could not be written to {path}")


def answer_pdf(r: AnswerReport, path: Path) -> None:
    write_pdf(answer_html(r), path, f"mockinterview: {' '.join(r.question.split())[:80] or 'answer'}")


def group_pdf(g: GroupReport, path: Path) -> None:
    write_pdf(group_html(g), path, f"mockinterview: {g.title}")


def to_pdf(report: AnswerReport | GroupReport, path: Path) -> None:
    """An answer's or a group's report as a PDF, whichever it is (the CLI and the window export both)."""
    (answer_pdf if isinstance(report, AnswerReport) else group_pdf)(report, path)
