"""One to three next steps, the most useful first, each quoting the user's own words where it can.

Every gap the answer has is a candidate tip with a weight saying how much fixing it would
improve the answer by the guide (LABELING.md): no action of the candidate's own, steps told
through "we" or the passive, no result, no task, a result without a number, then delivery (too
short, too fast or slow, long pauses, fillers). The three heaviest are given. A tip never
praises a thought, a feeling or taking part (the guide does not count them as actions), and never
quotes a phrase made mostly of words the recogniser was unsure of.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..targets import PACE_WPM
from .clauses import Clause
from .lexicon import DETERMINERS, PREPOSITIONS
from .model import Delivery, Highlight, Sentence
from .tokens import Token

PACE_RANGE = PACE_WPM            # words a minute (core/targets.py holds every aim)
SHORT_ANSWER_WORDS = 60          # under this, a behavioural answer cannot hold a situation, steps and a result
MANY_FILLERS_PER_100 = 4.0
PAUSES_WORTH_A_TIP = 2           # long pauses (delivery.LONG_PAUSE_S) in one answer


@dataclass(frozen=True, slots=True)
class _Tip:
    weight: float                # higher = fixes more of the answer
    text: str


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
    if a >= b or doubtful(toks[a].start, toks[b - 1].end):
        return None
    return text[toks[a].start:toks[b - 1].end]


def _said(q: str | None, quoted: str, plain: str) -> str:
    return quoted.format(q=q) if q else plain


def make_tips(text: str, sentences: list[Sentence], sent_tokens: list[list[Token]],
              sent_clauses: list[list[Clause]], highlights: list[Highlight], verdict: str,
              has_result: bool, quantified: bool, fillers_per_100: float,
              doubtful=lambda start, end: False, *, has_task: bool = True,
              delivery: Delivery | None = None) -> list[str]:
    """doubtful(start, end): whether most words in text[start:end] may be mis-heard; such
    phrases are never quoted (a tip must not put words in the user's mouth)."""
    team_clause = passive_clause = habitual_clause = feeling_clause = None
    last_self = None
    for toks, cs in zip(sent_tokens, sent_clauses):
        for c in cs:
            ag = c.agent
            if ag == "team" and team_clause is None and c.kind != "feeling":
                team_clause = (toks, c)
            elif ag == "passive" and passive_clause is None and c.subject != "self":
                passive_clause = (toks, c)
            elif ag == "self" and c.kind in ("action", "lead", "speech", "weak") and not c.negated:
                last_self = (toks, c)
            elif c.subject == "self" and c.habitual and habitual_clause is None:
                habitual_clause = (toks, c)
            elif c.subject == "self" and c.kind in ("participation", "cognition", "feeling") and feeling_clause is None:
                feeling_clause = (toks, c)

    def quote(found, from_verb: bool = False) -> str | None:
        toks, c = found
        start = c.verb_start if from_verb and c.verb_start < c.start else c.start
        return _quote(text, toks, start, c.verb_end, doubtful)

    tips: list[_Tip] = []
    # -- ownership: the verdict is the product, so its gaps come first
    if verdict != "individual" and team_clause:
        tips.append(_Tip(10, _said(quote(team_clause),
                                   'You said "{q}": what did you personally do in that? Say it with "I …".',
                                   'Part of your story is told with "we": what did you personally do? Say it with "I …".')))
    if verdict != "individual" and passive_clause:
        tips.append(_Tip(9, _said(quote(passive_clause, from_verb=True),
                                  'You said "{q}": who did it? If it was you, say "I …" and name the step.',
                                  'Some steps are told without saying who did them: if it was you, say "I …".')))
    if verdict == "team_only" and not team_clause and not passive_clause:
        src = habitual_clause or feeling_clause
        q = quote(src) if src else None
        tips.append(_Tip(10, _said(q, 'You said "{q}": that describes you in general. Tell one specific time and '
                                      'what you did, step by step.',
                                   'Tell one specific time and what you did, step by step.')))
    if feeling_clause and verdict != "individual" and feeling_clause is not habitual_clause:
        toks, c = feeling_clause
        q = quote(feeling_clause)
        if c.kind == "participation" and q:
            tips.append(_Tip(8, f'You said "{q}": being part of it is not a contribution. Name one thing you did '
                                'yourself.'))
    # -- the story: a result, then a number on it, then the task
    q_last = quote(last_self) if last_self else None
    if not has_result:
        tips.append(_Tip(7, _said(q_last, 'After "{q}", say what happened as a result of it.',
                                  'End with the result: what changed because of what you did?')))
    elif not quantified:
        tips.append(_Tip(5, _said(q_last, 'After "{q}", put a number on the result: how much time, money or errors '
                                          'did it change?',
                                  'Put a number on the result: how much time, money or errors did it change?')))
    if not has_task and sentences:
        tips.append(_Tip(4, 'Say early on what you had to achieve ("My goal was…", "I was asked to…"), so the '
                            'steps that follow have a purpose.'))
    # -- delivery
    words = delivery.words if delivery else None
    if words is not None and words < SHORT_ANSWER_WORDS:
        tips.append(_Tip(7.5, f'Your answer is {words} words long: give the situation in a sentence, then your '
                              'steps and their result (about one to two minutes).'))
    wpm = delivery.wpm if delivery else None
    if wpm is not None and words is not None and words >= 30:
        low, high = PACE_RANGE
        if wpm > high:
            tips.append(_Tip(4.5, f'You spoke at {wpm:.0f} words a minute: slow down to about {low}–{high} so '
                                  'each step lands.'))
        elif wpm < low:
            tips.append(_Tip(3.5, f'You spoke at {wpm:.0f} words a minute: aim for about {low}–{high}; prepare '
                                  'your steps so you do not have to search for them.'))
    pauses = delivery.long_pauses if delivery else None
    if pauses is not None and pauses >= PAUSES_WORTH_A_TIP:
        tips.append(_Tip(3, f'You paused for more than two seconds {pauses} times: rehearse the order of your '
                            'steps so the story keeps moving.'))
    if fillers_per_100 >= MANY_FILLERS_PER_100:
        fill = [text[h.start:h.end].lower() for h in highlights if h.kind == "filler"]
        if fill:
            common = max(sorted(set(fill)), key=fill.count)
            tips.append(_Tip(3 + min(2.0, fillers_per_100 / 10), f'You said "{common}" {fill.count(common)} times: '
                                                                  'pause silently instead; it sounds more sure.'))
    if not tips and last_self:
        # praise only a concrete action of the candidate's own (never a thought, a feeling or taking part)
        tips.append(_Tip(1, _said(q_last, 'Strong ownership in "{q}". Keep that: lead with your decision and end on '
                                          'the measured result.',
                                  'Strong ownership. Keep that: lead with your decision and end on the measured '
                                  'result.')))
    if not tips and sentences:
        first = sentences[0]
        q = first.text if len(first.text) <= 60 else first.text[:57].rsplit(" ", 1)[0] + "…"
        if doubtful(first.start, first.end):
            q = None
        tips.append(_Tip(1, _said(q, 'Your answer starts "{q}" but no step of your own follows: add what you did, '
                                     'in the first person.',
                                  'No step of your own is in this answer: add what you did, in the first person.')))
    tips.sort(key=lambda t: -t.weight)             # stable: equal weights keep the order above
    return [t.text for t in tips[:3]]
