"""Sentence-level agent label, following the decision procedure of LABELING.md."""
from __future__ import annotations

from . import lexicon as L
from .clauses import Clause, find_clauses
from .tokens import Token


def sentence_agent(toks: list[Token]) -> tuple[str, list[Clause], str]:
    """Return (agent, clauses, reason)."""
    clauses = find_clauses(toks)
    # 1. any clause with a concrete action of the candidate's own
    for c in clauses:
        if c.agent == "self":
            return "self", clauses, _reason(toks, c, "your own action")
    # 2. the first clause that gives an action, decision, want or response to an identifiable agent
    for c in clauses:
        if c.agent in ("team", "other"):
            what = "a team action — your own part is not named" if c.agent == "team" else "someone else's action"
            return c.agent, clauses, _reason(toks, c, what)
    # 3. a hidden agent: passives, and subject-less fragments that state an action
    for c in clauses:
        if c.agent == "passive":
            return "passive", clauses, _reason(toks, c, "an action with its agent hidden")
    if not any(c.subject in ("self", "team", "other") for c in clauses) and _subjectless_action(toks, clauses):
        return "passive", clauses, "states an action without saying who did it"
    for c in clauses:
        if c.subject == "self":
            why = {"cognition": "a thought or perception, not an action",
                   "feeling": "a feeling or wish, not an action",
                   "participation": "being part of something, not a contribution",
                   "state": "a state, not an action"}.get(c.kind, "not a concrete one-off action")
            if c.framing:
                why = "frames a goal or duty; the actions that follow get the credit"
            elif c.habitual:
                why = "describes what you usually do, not an action in this story"
            elif c.embedded:
                why = "reported under someone's words or feelings"
            return "none", clauses, _reason(toks, c, why)
    return "none", clauses, "context, a state or an opinion: no action attributed to anyone"


def _reason(toks: list[Token], c: Clause, what: str) -> str:
    end = min(c.verb_end, len(toks))
    quote = _span_text(toks, c.start, end)
    return f'"{quote}": {what}'


def _span_text(toks: list[Token], a: int, b: int) -> str:
    out = []
    for t in toks[a:b]:
        if out and (t.text in (",", ".", "!", "?", ";", ":") or t.text.startswith("'") or t.text.startswith("’") or t.low == "not" and t.text.lower() == "n't"):
            out[-1] += t.text
        else:
            out.append(t.text)
    return " ".join(out)


def _subjectless_action(toks: list[Token], clauses: list[Clause]) -> bool:
    """Résumé-style fragments: "Handling escalations from the tier one team."."""
    words = [t for t in toks if t.is_word and t.low not in L.DISCOURSE and t.low not in L.FILLER_WORDS]
    if not words:
        return False
    first = words[0].low
    if first in ("looking", "thinking", "going", "speaking", "having", "being", "reflecting", "overall"):
        return False
    if first.endswith("ing") and first not in L.ING_NOT_VERB and len(first) > 4:
        return True
    return False
