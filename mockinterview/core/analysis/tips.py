"""One to three next steps, each quoting the user's own words."""
from __future__ import annotations

from .clauses import Clause
from .lexicon import DETERMINERS, PREPOSITIONS
from .model import Highlight, Sentence
from .tokens import Token


def _quote(text: str, toks: list[Token], a: int, b: int, doubtful, extra: int = 4) -> str | None:
    """The user's words from token a to about b, or None when most of them may be mis-heard."""
    b = min(len(toks), b + extra)
    while b > a + 1 and (not (toks[b - 1].is_word or toks[b - 1].is_number)
                         or toks[b - 1].low in PREPOSITIONS or toks[b - 1].low in DETERMINERS):
        b -= 1
    # stop at a comma or conjunction after the verb so the quote stays short
    for k in range(a + 1, b):
        if toks[k].low in (",", ";", "and", "but", "because", "so") and k > a + 2:
            b = k
            break
    if doubtful(toks[a].start, toks[b - 1].end):
        return None
    return text[toks[a].start:toks[b - 1].end]


def make_tips(text: str, sentences: list[Sentence], sent_tokens: list[list[Token]],
              sent_clauses: list[list[Clause]], highlights: list[Highlight], verdict: str,
              has_result: bool, quantified: bool, fillers_per_100: float,
              doubtful=lambda start, end: False) -> list[str]:
    """doubtful(start, end): whether most words in text[start:end] may be mis-heard; such
    phrases are never quoted (a tip must not put words in the user's mouth)."""
    tips: list[str] = []
    team_clause = passive_clause = habitual_clause = feeling_clause = None
    last_self = None
    for s, toks, cs in zip(sentences, sent_tokens, sent_clauses):
        for c in cs:
            ag = c.agent
            if ag == "team" and team_clause is None and c.kind != "feeling":
                team_clause = (toks, c)
            elif ag == "passive" and passive_clause is None and c.subject != "self":
                passive_clause = (toks, c)
            elif ag == "self":
                last_self = (toks, c)
            elif c.subject == "self" and c.habitual and habitual_clause is None:
                habitual_clause = (toks, c)
            elif c.subject == "self" and c.kind in ("participation", "cognition", "feeling") and feeling_clause is None:
                feeling_clause = (toks, c)
    def said(q: str | None, quoted: str, plain: str) -> str:
        return quoted.format(q=q) if q else plain

    if verdict != "individual" and team_clause:
        toks, c = team_clause
        q = _quote(text, toks, c.start, c.verb_end, doubtful)
        tips.append(said(q, 'You said "{q}": what did you personally do in that? Say it with "I …".',
                         'Part of your story is told with "we": what did you personally do? Say it with "I …".'))
    if verdict != "individual" and passive_clause and len(tips) < 3:
        toks, c = passive_clause
        q = _quote(text, toks, c.start if c.start < c.verb_start else c.verb_start, c.verb_end, doubtful)
        tips.append(said(q, 'You said "{q}": who did it? If it was you, say "I …" and name the step.',
                         'Some steps are told without saying who did them: if it was you, say "I …".'))
    if verdict == "team_only" and not team_clause and not passive_clause:
        src = habitual_clause or feeling_clause
        if src:
            toks, c = src
            q = _quote(text, toks, c.start, c.verb_end, doubtful)
            tips.append(said(q, 'You said "{q}": that describes you in general. Tell one specific time and what '
                                'you did, step by step.',
                             'Tell one specific time and what you did, step by step.'))
    if feeling_clause and verdict != "individual" and len(tips) < 3 and feeling_clause is not habitual_clause:
        toks, c = feeling_clause
        q = _quote(text, toks, c.start, c.verb_end, doubtful)
        if c.kind == "participation" and q:
            tips.append(f'You said "{q}": being part of it is not a contribution. Name one thing you did yourself.')
    if len(tips) < 3 and last_self and (not has_result or not quantified):
        toks, c = last_self
        q = _quote(text, toks, c.start, c.verb_end, doubtful)
        if not has_result:
            tips.append(said(q, 'After "{q}", say what happened as a result of it.',
                             'After your last step, say what happened as a result of it.'))
        else:
            tips.append(said(q, 'After "{q}", put a number on the result: how much time, money or errors did it change?',
                             'Put a number on the result: how much time, money or errors did it change?'))
    if len(tips) < 3 and fillers_per_100 >= 4:
        fill = [text[h.start:h.end] for h in highlights if h.kind == "filler"]
        common = max(set(fill), key=fill.count) if fill else ""
        if common:
            tips.append(f'You said "{common}" {fill.count(common)} times: pause silently instead; it sounds more sure.')
    if not tips and last_self:
        toks, c = last_self
        q = _quote(text, toks, c.start, c.verb_end, doubtful)
        tips.append(said(q, 'Strong ownership in "{q}". Keep that: lead with your decision and end on the measured result.',
                         'Strong ownership. Keep that: lead with your decision and end on the measured result.'))
    if not tips and sentences:
        first = sentences[0]
        q = first.text if len(first.text) <= 60 else first.text[:57].rsplit(" ", 1)[0] + "…"
        if doubtful(first.start, first.end):
            q = None
        tips.append(said(q, 'Your answer starts "{q}" but no step of your own follows: add what you did, in the first person.',
                         'No step of your own is in this answer: add what you did, in the first person.'))
    return tips[:3]
