"""The analysed transcript as HTML for a QTextBrowser: one colour and shape per kind of agent."""
from __future__ import annotations

import html
from collections.abc import Collection, Sequence

from ..core.analysis import Analysis
from ..core.analysis.align import WordSpan
from ..core.analysis.marks import Mark
from ..core.analysis.runs import runs

# Colours chosen to read on light and dark; each kind also has a shape of its own (CUES), so no two
# kinds differ by colour alone: someone else's actions have a line above, hedges are only italic.
LIGHT = {"self": "background:#cfe3ff; color:#0b3d91; font-weight:bold",
         "team": "background:#ffe2b8; color:#6b3d00; text-decoration:underline",
         "passive": "color:#6a6a6a; font-style:italic; text-decoration:underline",
         "metric": "color:#005f5f; font-weight:bold",
         "hedge": "color:#7a4a9e; font-style:italic",
         "filler": "color:#707070; text-decoration:line-through",     # 4.9:1 on white (was 3.45:1)
         "other": "color:#7a1f6b; text-decoration:overline"}
DARK = {"self": "background:#1f3f73; color:#dce9ff; font-weight:bold",
        "team": "background:#6b4614; color:#ffe9c7; text-decoration:underline",
        "passive": "color:#b0b0b0; font-style:italic; text-decoration:underline",
        "metric": "color:#7fe0e0; font-weight:bold",
        "hedge": "color:#d2b0f0; font-style:italic",
        "filler": "color:#9a9a9a; text-decoration:line-through",
        "other": "color:#f0a8e0; text-decoration:overline"}
DOUBT_TIP = "Heard with {:.0%} confidence: this word may be mis-heard. Ctrl+E corrects the transcript."
LEGEND = (("self", "your own actions"), ("team", "team only ('we')"), ("other", "someone else"),
          ("passive", "hidden agent"), ("metric", "numbers"), ("hedge", "hedges"), ("filler", "fillers"))
# The shape of each kind in words, for the legend (and whoever cannot tell the colours apart).
CUES = {"self": "bold, shaded", "team": "underlined, shaded", "other": "line above", "passive": "italic, underlined",
        "metric": "bold", "hedge": "italic", "filler": "struck through"}


def transcript_html(a: Analysis, dark: bool = False, spans: Sequence[WordSpan] = (),
                    doubtful: Collection[int] = (), text_colour: str | None = None,
                    marks: Sequence[Mark] = ()) -> str:
    """Sentences are links (sentence:N) so hovering explains them; timed words are links
    (word:N:W) so clicking one can seek the recording there. A link inside a mark (marks.py, K its
    index in marks) ends in ":mK", so the review can find and step through the marks. Doubtful words (indexes into spans)
    carry a tooltip with the engine's confidence; the review underlines them. text_colour: the
    palette's text colour for plain words (Qt's rich text has no "color: inherit": links would
    otherwise be drawn in the link colour, or black on a dark background)."""
    styles = DARK if dark else LIGHT
    fg = text_colour or ("#e6e6e6" if dark else "#1a1a1a")
    word_of: list[int | None] = [None] * len(a.text)
    for wi, sp in enumerate(spans):
        for i in range(sp.start, min(sp.end, len(a.text))):
            word_of[i] = wi
    mark_of: list[int | None] = [None] * len(a.text)
    for k, m in enumerate(marks):
        for i in range(m.start, min(m.end, len(a.text))):
            mark_of[i] = k
    parts = []
    for r in runs(a):
        style = styles.get(r.kind) if r.kind else None
        if not style and r.sentence is not None and a.sentences[r.sentence].agent == "other":
            style = styles["other"]
        start = r.start
        for i in range(r.start + 1, r.end + 1):        # split the run where the word changes
            if i < r.end and word_of[i] == word_of[start]:
                continue
            text = html.escape(a.text[start:i]).replace("\n", "<br>")
            wi = word_of[start]
            title = f' title="{html.escape(DOUBT_TIP.format(spans[wi].word.probability))}"' \
                if wi is not None and wi in doubtful else ""
            if style or title:
                text = f'<span style="{style or ""}"{title}>{text}</span>'
            if r.sentence is not None:
                href = f"word:{r.sentence}:{word_of[start]}" if word_of[start] is not None else f"sentence:{r.sentence}"
                if mark_of[start] is not None:
                    href += f":m{mark_of[start]}"
                text = f'<a href="{href}" style="text-decoration:none; color:{fg}">{text}</a>'
            parts.append(text)
            start = i
    return f'<div style="font-size:13pt; line-height:150%">{"".join(parts)}</div>'


def legend_html(dark: bool = False) -> str:
    styles = DARK if dark else LIGHT
    # no break inside an entry: a wrapped legend must not split "hidden | agent" from its shape
    nb = lambda text: html.escape(text).replace(" ", "&nbsp;")
    return " &nbsp; ".join(f'<span style="{styles[k]}">{nb(name)}</span>&nbsp;({nb(CUES[k])})' for k, name in LEGEND)


def legend_text() -> str:
    """The legend in words, for a screen reader."""
    return "; ".join(f"{name}: {CUES[k]}" for k, name in LEGEND) + "."
