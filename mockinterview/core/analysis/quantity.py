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
    # an outcome by comparison or duration: "two hours instead of three days", "renewed for another
    # two years", "the outage lasted 22 minutes", "212 of the 240 samples recovered"
    "instead", "another", "lasted", "recovered", "renewed", "extended", "ready", "paid",
}
_FILLER_WORDS = {"um", "uh", "erm", "er", "uhm", "hmm", "mm", "like", "you", "know", ","}
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
                or (t.low in ("half", "third", "quarter") and i > 0 and toks[i - 1].low in ("a", "by", "to", "in", "about", "only")):
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


def outcome_metrics(text: str, toks: list[Token]) -> list[int]:
    """Character offsets of numbers stated as an outcome (a change, a saving, a rate, money, time
    gained or lost), judged on the words around them rather than on how the answer is split into
    sentences, so the answer-level "measured result" does not move with its punctuation."""
    out = []
    # fillers and punctuation must not move the window: "a year. That was 40%" and "a year, that
    # was 40%" are the same words
    toks = [t for t in toks if t.low not in _FILLER_WORDS and (t.is_word or t.is_number or t.low == "%")]
    lows = [t.low for t in toks]
    for a, b in metric_spans(toks):
        unit = lows[b] if b < len(lows) else ""
        window = set(lows[max(0, a - 6): b + 4])
        if unit in SETUP_CUES and not (window & {"fewer", "more", "saved", "cut", "reduced"}):
            continue
        raw = toks[a].text
        strong = "%" in raw or raw[:1] in "$£€" or unit in ("percent", "%", "dollars", "points", "pounds") \
            or lows[a] in ("doubled", "tripled", "halved")
        # "over"/"under" say how big, not that it changed ("in over a year, that was 40% of the list")
        if (strong and window & (OUTCOME_CUES - {"over", "under"})) or \
                window & (OUTCOME_CUES - {"from", "up", "down", "only", "total", "under", "over", "back", "more", "less"}):
            out.append(toks[a].start)
    out += [m.start() for m in _GRADE.finditer(text)] + [m.start() for m in _PLACEHOLDER.finditer(text)]
    return sorted(out)
