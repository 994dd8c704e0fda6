"""Terminal rendering of an Analysis: coloured transcript, verdict, STAR, delivery, tips."""
from __future__ import annotations

import os
import textwrap

from .core.analysis import Analysis
from .core.analysis.model import VERDICT_TEXT
from .core.analysis.runs import runs

# ANSI styles per highlight kind; chosen to differ in more than red/green (bold, underline).
STYLES = {
    "self": "\033[1;34m",      # bold blue: your own actions
    "team": "\033[1;33m",      # bold yellow: team language
    "passive": "\033[4;35m",   # underlined magenta: hidden agent
    "hedge": "\033[3;36m",     # italic cyan
    "filler": "\033[2m",       # dim
    "metric": "\033[1;32m",    # bold green
}
RESET = "\033[0m"
AGENT_NAMES = {"self": "you", "team": "team", "other": "others", "passive": "hidden", "none": "context"}


def use_colour(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty() and os.environ.get("TERM") != "dumb"


def colour_text(a: Analysis, start: int, end: int, colour: bool) -> str:
    if not colour:
        return a.text[start:end]
    out = []
    for r in runs(a):
        lo, hi = max(r.start, start), min(r.end, end)
        if lo >= hi:
            continue
        piece = a.text[lo:hi]
        out.append(f"{STYLES[r.kind]}{piece}{RESET}" if r.kind else piece)
    return "".join(out)


def render(a: Analysis, source: str, colour: bool, width: int = 88) -> str:
    lines = [f"== {source} =="]
    for w in a.warnings:
        lines.append(f"! {w}")
    if colour:
        legend = "  ".join(f"{STYLES[k]}{name}{RESET}" for k, name in (
            ("self", "your actions"), ("team", "team language"), ("passive", "hidden agent"),
            ("metric", "numbers"), ("hedge", "hedges"), ("filler", "fillers")))
        lines.append(legend)
    lines.append("")
    for s in a.sentences:
        tag = f"[{AGENT_NAMES[s.agent]:>7} | {s.star:<10}]"
        body = colour_text(a, s.start, s.end, colour)
        lines.append(f"{tag} {body}")
    o = a.ownership
    lines += ["", f"Ownership: {o.score:.1f} / 5  {VERDICT_TEXT[o.verdict]}",
              f"  sentences with your own actions: {o.self_actions}, team actions: {o.team_actions}"]
    st = a.star
    parts = [("Situation", st.situation), ("Task", st.task), ("Action", st.action), ("Result", st.result)]
    missing = [p for p, ok in parts if not ok]
    lines.append("STAR: " + "  ".join(f"{p} {'yes' if ok else 'no'}" for p, ok in parts)
                 + f"  measured result {'yes' if st.result_quantified else 'no'}"
                 + f"  action share {st.action_share:.0%}")
    if missing:
        lines.append(f"  missing: {', '.join(missing)}")
    d = a.delivery
    pace = f"{d.wpm:.0f} words/min, " if d.wpm else ""
    pauses = f", long pauses {d.long_pauses}" if d.long_pauses is not None else ""
    dur = f", {d.duration_s:.0f} s" if d.duration_s else ""
    lines.append(f"Delivery: {d.words} words{dur}, {pace}fillers {d.fillers_per_100_words:.1f} per 100 words, "
                 f"hedges {d.hedges}{pauses}")
    lines.append("Next steps:")
    for tip in a.tips:
        lines.extend(textwrap.wrap(tip, width=width, initial_indent="  - ", subsequent_indent="    "))
    return "\n".join(lines) + "\n"
