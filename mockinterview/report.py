"""Terminal rendering of an Analysis: coloured transcript, verdict, STAR, delivery, tips."""
from __future__ import annotations

import bisect
import json
import os
import re
import textwrap

from .core.analysis import Analysis
from .core.analysis.runs import runs
from .core.report_model import STAR_PARTS, AnswerReport, answer_report, figure_text

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


# Whatever the answer, the transcript or a file name holds is text to show, never a command to the
# terminal. Terminal control sequences (7-bit and one-byte C1 forms) are dropped whole: CSI (colours,
# clearing the screen), the string commands OSC/DCS/SOS/PM/APC up to BEL or ST (window title, OSC 52
# clipboard; only when on one line of printable text, else the introducer is shown) and two-character
# ESC commands. A CR before a LF goes too (Windows line ends). What is left that a terminal would act
# on (other C0 and C1 controls, DEL, bidi embeddings/overrides/isolates, lone surrogates) is written as
# a visible, inert escape (\x1b, \u202e). Letters, accents, emoji (and the joiners inside them) stay.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x00-\x1f\x7f-\x9f]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b(?![\[\]PX^_])[\x20-\x2f]*[\x30-\x7e]"
    r"|\r(?=\n)")
_BIDI = "\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")
_UNSAFE_ON_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")
# In JSON the C0 controls are already escaped by json.dumps; the rest are escaped the JSON way.
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{_BIDI}\ud800-\udfff\u2028\u2029]")


def _escape(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def _sequences(text: str) -> list[tuple[int, int]]:
    """Spans of the control sequences in text, in order and not overlapping."""
    return [] if text.isprintable() else [m.span() for m in _SEQUENCE.finditer(text)]


def clean(text: str, keep_layout: bool = True) -> str:
    """text made safe to print on a terminal: control sequences dropped, other controls shown as
    escapes. keep_layout keeps newlines and tabs; without it the text stays on one line."""
    return (_UNSAFE if keep_layout else _UNSAFE_ON_ONE_LINE).sub(_escape, _SEQUENCE.sub("", text))


def _clean_slice(text: str, lo: int, hi: int, seqs: list[tuple[int, int]]) -> str:
    """clean(text)'s part that comes from text[lo:hi], with the sequences found in the whole text
    (one that straddles lo or hi is dropped as a whole, wherever it is cut)."""
    out, pos = [], lo
    for a, b in seqs[max(0, bisect.bisect_right(seqs, (lo, lo)) - 1):]:
        if b <= pos:
            continue
        if a >= hi:
            break
        out.append(text[pos:a] if a > pos else "")
        pos = max(pos, min(b, hi))
    out.append(text[pos:hi] if pos < hi else "")
    return _UNSAFE.sub(_escape, "".join(out))


def json_line(obj) -> str:
    """json.dumps(obj, ensure_ascii=False) on one line with what a terminal acts on as JSON escapes
    (C1 controls, DEL, bidi controls, lone surrogates): the same JSON, safe to print."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(obj, ensure_ascii=False))


def use_colour(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty() and os.environ.get("TERM") != "dumb"


def colour_text(a: Analysis, start: int, end: int, colour: bool,
                seqs: list[tuple[int, int]] | None = None) -> str:
    """a.text[start:end], made safe to print (see clean), in the highlight styles when colour is on.
    seqs: the control sequences of a.text (_sequences), when the caller has them already."""
    if seqs is None:
        seqs = _sequences(a.text)
    if not colour:
        return _clean_slice(a.text, start, end, seqs)
    out = []
    for r in runs(a):
        lo, hi = max(r.start, start), min(r.end, end)
        if lo >= hi:
            continue
        piece = _clean_slice(a.text, lo, hi, seqs)
        if piece:
            out.append(f"{STYLES[r.kind]}{piece}{RESET}" if r.kind else piece)
    return "".join(out)


def render(a: Analysis, source: str, colour: bool, width: int = 88, question: str = "") -> str:
    """The terminal report of an analysis, written from the report model (core/report_model.py)."""
    return render_report(answer_report(a, question, source=source), colour, width)


def render_report(r: AnswerReport, colour: bool, width: int = 88) -> str:
    a = r.analysis
    lines = [f"== {clean(r.source, keep_layout=False)} =="]
    if r.question:
        lines.append(f"Question: {clean(r.question, keep_layout=False)}")
    if r.when:
        lines.append(f"When: {r.when}" + ("  (transcript corrected by you)" if r.corrected else ""))
    for w in r.warnings:
        lines.append(f"! {clean(w, keep_layout=False)}")
    if colour:
        legend = "  ".join(f"{STYLES[k]}{name}{RESET}" for k, name in (
            ("self", "your actions"), ("team", "team language"), ("passive", "hidden agent"),
            ("metric", "numbers"), ("hedge", "hedges"), ("filler", "fillers")))
        lines.append(legend)
    lines.append("")
    seqs = _sequences(a.text)
    for s in r.sentences:
        tag = f"[{AGENT_NAMES[s.agent]:>7} | {s.star:<10}]"
        body = colour_text(a, s.start, s.end, colour, seqs)
        lines.append(f"{tag} {body}")
    lines += ["", f"Ownership: {r.score:.1f} / 5  {r.verdict_text}",
              f"  your own actions: {r.own_actions}; actions by the team or with nobody named: {r.team_actions}",
              "  sentences where " + ", ".join(f"{label}: {n}" for _k, label, n in r.agents)]
    lines.append("STAR: " + "  ".join(f"{p} {'yes' if p in r.star_present else 'no'}" for p in STAR_PARTS)
                 + f"  measured result {'yes' if r.result_measured else 'no'}"
                 + f"  action share {r.action_share:.0%}")
    if r.star_missing:
        lines.append(f"  missing: {', '.join(r.star_missing)}")
    lines.append("Delivery: " + ", ".join(figure_text(f) for f in r.delivery if f.value is not None))
    lines.append("Next steps:")
    for tip in r.tips:
        lines.extend(textwrap.wrap(clean(tip), width=width, initial_indent="  - ", subsequent_indent="    "))
    return "\n".join(lines) + "\n"



