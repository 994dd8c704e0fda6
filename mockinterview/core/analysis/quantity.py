"""Measured results: numbers, percentages, money and time stated as an outcome."""
from __future__ import annotations

import re

from .tokens import Token

NUMBER_WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "half", "third",
    "quarter", "double", "doubled", "triple", "tripled", "dozen", "dozens", "percent",
}
# Words that make a number an outcome rather than set-up.
OUTCOME_CUES = {
    "dropped", "drop", "fell", "rose", "increased", "increase", "decreased", "decrease", "reduced",
    "reduction", "cut", "saved", "saving", "savings", "grew", "growth", "improved", "improvement",
    "went", "came", "up", "down", "raised", "boosted", "lowered", "shrank", "doubled", "tripled",
    "halved", "from", "within", "ahead", "behind", "late", "early", "lost", "loss", "cost", "revenue",
    "sales", "worth", "profit", "deal", "signed", "closed", "won", "grade", "scored", "score",
    "rate", "ratings", "rating", "satisfaction", "retention", "conversion", "conversions", "back",
    "promoted", "promotion", "award", "top", "record", "fewer", "more", "less", "faster", "quicker",
    "slower", "higher", "lower", "total", "only", "zero", "stayed", "under", "over", "beat", "exceeded",
    "shipped", "finished", "completed", "hit", "reached", "averages", "average", "went",
}
SETUP_CUES = {"team", "crew", "group", "people", "associates", "staff", "members", "volunteers",
              "helpers", "questions", "rooms", "patients", "flasks", "employees", "engineers"}
_GRADE = re.compile(r"\b(?:an?|the|got|received|earned)\s+(?:A|B|C|D|F)(?:[+-]|-plus|-minus| plus| minus)?(?=[\s.,!?]|$)")
_PLACEHOLDER = re.compile(r"\bby\s+X\b|\bX\s*(?:%|percent)")


def metric_spans(toks: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges that look like measurements (numbers with units, %, money)."""
    spans = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.is_number or t.low in NUMBER_WORDS - {"one", "double", "half", "third", "quarter"} \
                or (t.low in ("half", "third", "quarter") and i > 0 and toks[i - 1].low in ("a", "by", "to", "in", "about")):
            j = i + 1
            while j < len(toks) and (toks[j].is_number or toks[j].low in NUMBER_WORDS or toks[j].low in ("%", "percent", "percentage", "points", "point")):
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def is_quantified(text: str, toks: list[Token], star: str) -> bool:
    if _PLACEHOLDER.search(text) or _GRADE.search(text):
        return True
    spans = metric_spans(toks)
    if not spans:
        return False
    lows = [t.low for t in toks]
    for a, b in spans:
        unit = lows[b] if b < len(lows) else ""
        raw = toks[a].text
        strong = "%" in raw or raw[:1] in "$£€" or unit in ("percent", "%", "dollars", "points") \
            or lows[a] in ("doubled", "tripled", "halved")
        window = set(lows[max(0, a - 6): b + 4])
        if unit in SETUP_CUES and not (window & {"fewer", "more", "saved", "cut", "reduced"}):
            continue
        if strong and star in ("result", "situation", "action") :
            return True
        if star == "result" and window & OUTCOME_CUES:
            return True
        if star == "result" and unit in ("days", "weeks", "months", "hours", "minutes", "years", "a"):
            return True
    return False
