"""Reports as Markdown (CommonMark): an answer, a session or a date range, from core/report_model.py.

Everything the user said or typed is escaped, so an answer holding "*", "#", "[link](…)" or "<b>"
shows those characters as written instead of formatting the file; control characters are dropped
(a file that is later printed on a terminal must not act on it).
"""
from __future__ import annotations

import re

from .report_model import STAR_PARTS, AnswerReport, Figure, GroupReport

# CommonMark lets any ASCII punctuation be escaped with a backslash. These can format text, make
# links, images, HTML, entities, code or table cells anywhere in a line…
_SPECIAL = re.compile(r"([\\`*_\[\]()#!|<>~&$])")
# …and these only where a line starts (a list item, a heading underline, a numbered list).
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))", re.MULTILINE)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape(text: str, one_line: bool = True) -> str:
    """text shown literally in Markdown; one_line folds line breaks into spaces (headings, list items)."""
    text = _CONTROLS.sub("", text.replace("\r\n", "\n"))
    if one_line:
        text = " ".join(text.split())
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)),
                           text)


def _figure_row(f: Figure) -> str:
    value = escape(f.text) if f.value is not None else "not measured"
    within = "" if f.within is None else ("yes" if f.within else "no")
    return f"| {escape(f.label)} | {value} | {escape(f.target) if f.target else '–'} | {within or '–'} |"


def _figures(figs: list[Figure]) -> list[str]:
    return ["| Figure | Value | Target | In range |", "|---|---|---|---|", *(_figure_row(f) for f in figs)]


def answer_section(r: AnswerReport, level: int = 1) -> list[str]:
    h = "#" * level
    out = [f"{h} {escape(r.question) or 'Answer'}", ""]
    meta = []
    if r.when:
        meta.append(f"**When:** {escape(r.when)}")
    if r.competency:
        meta.append(f"**Competency:** {escape(r.competency)}")
    if r.answer_id is not None:
        meta.append(f"**Answer:** {r.answer_id}")
    if r.corrected:
        meta.append("**Transcript:** corrected by you")
    if meta:
        out += ["  \n".join(meta), ""]
    out += [f"**Verdict:** {escape(r.verdict_text)}  ", f"**Ownership score:** {r.score:.1f} / 5", ""]
    for w in r.warnings:
        out.append(f"> {escape(w)}")
    if r.warnings:
        out.append("")
    out += [f"{h}# Who acts", "",
            f"- Your own actions: {r.own_actions}",
            f"- Actions by the team or with nobody named: {r.team_actions}",
            *(f"- Sentences where {escape(label)}: {n}" for _k, label, n in r.agents), "",
            "Your own actions are in **bold**, team language in _italics_ in the sentences below.", ""]
    for i, s in enumerate(r.sentences, 1):
        body = escape(s.text)
        if s.agent == "self":
            body = f"**{body}**"
        elif s.agent == "team":
            body = f"_{body}_"
        measured = ", measured result" if s.measured else ""
        out.append(f"{i}. {body}  \n   *{escape(s.who)} · {escape(s.star)}{measured}*"
                   + (f": {escape(s.evidence)}" if s.evidence else ""))
    out += ["", f"{h}# STAR", "",
            "| " + " | ".join(STAR_PARTS) + " | Measured result |", "|---|---|---|---|---|",
            "| " + " | ".join("yes" if p in r.star_present else "**missing**" for p in STAR_PARTS)
            + f" | {'yes' if r.result_measured else 'no'} |", "",
            f"Actions are {r.action_share:.0%} of the answer.", "",
            f"{h}# Delivery", "", *_figures(r.delivery), "",
            f"{h}# Next steps", "", *(f"- {escape(t)}" for t in r.tips), "",
            f"{h}# Transcript", "", *(f"> {escape(p)}" if p.strip() else ">" for p in r.transcript.split("\n")), ""]
    return out


def answer_markdown(r: AnswerReport) -> str:
    return "\n".join(answer_section(r)).rstrip() + "\n"


def group_markdown(g: GroupReport) -> str:
    out = [f"# {escape(g.title)}", "", escape(g.subtitle), ""]
    if g.averages:
        out += ["## Averages", "", *_figures(g.averages), ""]
    if g.answers:
        out += ["## Answers", "", "| When | Question | Verdict | Score |", "|---|---|---|---|"]
        out += [f"| {escape(r.when)} | {escape(r.question)} | {escape(r.verdict_word)} | {r.score:.1f} |"
                for r in g.answers]
        out.append("")
    else:
        out += ["No finished answers.", ""]
    for r in g.answers:
        out += answer_section(r, level=2)
    return "\n".join(out).rstrip() + "\n"


def to_markdown(report: AnswerReport | GroupReport) -> str:
    """An answer's or a group's report, whichever it is (the CLI and the window export both)."""
    return answer_markdown(report) if isinstance(report, AnswerReport) else group_markdown(report)
