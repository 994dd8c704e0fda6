"""Sentence-level agent label, following the decision procedure of LABELING.md."""
from __future__ import annotations

from .clauses import Clause
from .tokens import Token


def disclaimed(clauses: list[Clause]) -> set[int]:
    """Indexes of the candidate's negated acts that hand the act to someone else ("I didn't write
    the billing code myself, another team built it"): not a contribution. A negated act with no
    one else acting beside it is an owned omission ("I didn't check the export"): the guide's self."""
    others_act = any(c.agent in ("team", "other") and not c.negated for c in clauses)
    return {i for i, c in enumerate(clauses) if c.subject == "self" and c.negated and others_act}


def sentence_agent(toks: list[Token], clauses: list[Clause]) -> tuple[str, str]:
    """Return (agent, reason) for a sentence with these clauses."""
    gone = disclaimed(clauses)
    # 1. any clause with a concrete action of the candidate's own
    for i, c in enumerate(clauses):
        if c.agent == "self" and i not in gone:
            what = "your own action" if not c.negated else "something you did not do, owned as yours"
            return "self", _reason(toks, c, what)
    # 2. the first clause that gives an action, decision, want or response to an identifiable agent
    for c in clauses:
        if c.agent in ("team", "other"):
            what = "a team action — your own part is not named" if c.agent == "team" else "someone else's action"
            return c.agent, _reason(toks, c, what)
    # 3. a hidden agent: passives, and subject-less fragments that state an action
    for c in clauses:
        if c.agent == "passive":
            return "passive", _reason(toks, c, "an action with its agent hidden")
    for c in clauses:
        if c.subject == "self":
            why = {"cognition": "a thought or perception, not an action",
                   "feeling": "a feeling or wish, not an action",
                   "participation": "being part of something, not a contribution",
                   "state": "a state, not an action",
                   "trait": "names a quality, not something you did"}.get(c.kind, "not a concrete one-off action")
            if c.habitual:
                why = "describes what you usually do, not an action in this story"
            elif c.negated:
                why = "says what you did not do; someone else did it"
            elif c.framing:
                why = "frames a goal or duty; the actions that follow get the credit"
            elif c.embedded:
                why = "reported under someone's words or feelings"
            return "none", _reason(toks, c, why)
    return "none", "context, a state or an opinion: no action attributed to anyone"


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
