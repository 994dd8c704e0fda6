"""The analysed transcript as HTML for a QTextBrowser: one colour and shape per kind of agent."""
from __future__ import annotations

import html

from ..core.analysis import Analysis
from ..core.analysis.runs import runs

# Colours chosen to differ in more than hue (weight, underline, italics) and to read on light and dark.
LIGHT = {"self": "background:#cfe3ff; color:#0b3d91; font-weight:bold",
         "team": "background:#ffe2b8; color:#6b3d00; text-decoration:underline",
         "passive": "color:#6a6a6a; font-style:italic; text-decoration:underline",
         "metric": "color:#005f5f; font-weight:bold",
         "hedge": "color:#7a4a9e; font-style:italic",
         "filler": "color:#8a8a8a; text-decoration:line-through",
         "other": "color:#7a1f6b"}
DARK = {"self": "background:#1f3f73; color:#dce9ff; font-weight:bold",
        "team": "background:#6b4614; color:#ffe9c7; text-decoration:underline",
        "passive": "color:#b0b0b0; font-style:italic; text-decoration:underline",
        "metric": "color:#7fe0e0; font-weight:bold",
        "hedge": "color:#d2b0f0; font-style:italic",
        "filler": "color:#9a9a9a; text-decoration:line-through",
        "other": "color:#f0a8e0"}
LEGEND = (("self", "your own actions"), ("team", "team only ('we')"), ("other", "someone else"),
          ("passive", "hidden agent"), ("metric", "numbers"), ("hedge", "hedges"), ("filler", "fillers"))


def transcript_html(a: Analysis, dark: bool = False) -> str:
    styles = DARK if dark else LIGHT
    parts = []
    current = None
    for r in runs(a):
        if r.sentence != current:
            if current is not None:
                parts.append("</a>")
            if r.sentence is not None:
                parts.append(f'<a href="sentence:{r.sentence}" style="text-decoration:none; color:inherit">')
            current = r.sentence
        text = html.escape(a.text[r.start:r.end]).replace("\n", "<br>")
        style = styles.get(r.kind) if r.kind else None
        if not style and r.sentence is not None and a.sentences[r.sentence].agent == "other":
            style = styles["other"]
        parts.append(f'<span style="{style}">{text}</span>' if style else text)
    if current is not None:
        parts.append("</a>")
    return f'<div style="font-size:13pt; line-height:150%">{"".join(parts)}</div>'


def legend_html(dark: bool = False) -> str:
    styles = DARK if dark else LIGHT
    return " &nbsp; ".join(f'<span style="{styles[k]}">{html.escape(name)}</span>' for k, name in LEGEND)
