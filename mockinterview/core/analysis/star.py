"""STAR part of each sentence: situation, task, action, result, reflection or other."""
from __future__ import annotations

import re

from .clauses import Clause

_REFLECTION = re.compile(
    r"\b(learn(?:ed|t)|lesson|taught me|looking back|in hindsight|next time|differently|"
    r"what i took|takeaway|take away|i still|these days|now i\b|i always|i'd (?:do|have)|i would (?:do|have)|"
    r"the key|is (?:really )?(?:the )?key|is everything|matters|i'm proud|i was (?:really )?proud|"
    r"i (?:really )?(?:enjoyed|liked|loved)|good (?:team|group|experience)|great (?:team|group|experience)|"
    r"best job|team effort|shows? (?:the value|what)|showed me|made us|made me|it's (?:just|really|not|usually|a)|"
    r"i think (?:that's|it|what|the|having|showing|testing|communication|leadership|change|disagreeing|we|most|people)|"
    r"i find|what i point|in general|if you)\b", re.I)
_RESULT = re.compile(
    r"\b(in the end|ended up|as a result|by the end|turned out|afterwards|since then|the next (?:day|week|month|quarter|year)|"
    r"dropped|went (?:up|down|from)|came (?:down|up|back)|increased|decreased|reduced|improved|grew|rose|fell|"
    r"cut (?:\w+ )?by|saved|passed|signed|renewed|closed|finished|stopped|calmed|worked|happy|thanks|thanked|"
    r"feedback|review|promoted|approved|agreed to (?:the|it)|got an?|came back|was fine|pretty smoothly|"
    r"on time|ahead of|within|lowest|highest|first time|wrote to|told me|emailed|mentioned|commented|"
    r"praised|now uses?|still (?:what|use)|is the default|default for|kept them|missed|lost|cost us)\b", re.I)
_TASK = re.compile(
    r"\b(responsible for|my (?:job|task|role|goal|responsibility|assignment) was|the goal was|the task was|"
    r"needed to|had to (?:figure|find|get|make|decide|deliver|finish)|was tasked|we had \w+ (?:working )?days to|"
    r"had (?:\w+ ){0,2}(?:days|weeks|hours) to)\b", re.I)
_OTHER = re.compile(r"^(?:\W*(?:sure|yeah|okay|ok|so|um|uh|well|right|great question|good question)\W*)+$", re.I)
_GENERIC = re.compile(r"\b(usually|in general|all the time|i'll|i would usually|i try to|i always|if it's)\b", re.I)


def label_star(texts: list[str], clause_lists: list[list[Clause]], agents: list[str]) -> list[str]:
    n = len(texts)
    first_action = next((i for i, cs in enumerate(clause_lists)
                         if any(c.agent in ("self", "team", "other", "passive") and not c.habitual for c in cs)
                         and i > 0), n)
    first_content = next((i for i, t in enumerate(texts) if not _OTHER.match(t) and len(t.split()) > 6), 0)
    first_action = max(first_action, first_content + 1)
    out = []
    for i, (text, cs, agent) in enumerate(zip(texts, clause_lists, agents)):
        pos = i / max(1, n - 1)
        words = len(text.split())
        if _OTHER.match(text) or (words <= 6 and not cs and i == 0):
            out.append("other")
            continue
        if _TASK.search(text) and i <= max(2, n // 3):
            out.append("task")
            continue
        generic = _GENERIC.search(text) and agent == "none" and not any(not c.habitual for c in cs if c.subject == "self")
        if _REFLECTION.search(text) and (pos >= 0.5 or agent == "none") and i > 0:
            out.append("reflection")
            continue
        if generic:
            out.append("other" if pos < 0.7 else "reflection")
            continue
        if i == n - 1 and agent == "none" and n > 2 and not _RESULT.search(text):
            out.append("reflection")
            continue
        if i < first_action or i == 0:
            out.append("situation")
            continue
        if _RESULT.search(text) and (pos >= 0.5 or agent in ("none", "other", "passive")) and pos > 0.3:
            out.append("result")
            continue
        if agent == "none" and pos > 0.6:
            out.append("result")
            continue
        if agent == "none":
            out.append("situation")
            continue
        out.append("action")
    return out
