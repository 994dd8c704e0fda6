"""STAR part of each sentence: situation, task, action, result, reflection or other.

Each sentence is described by a few facts: who acts in it (its agent), where it sits in the
answer, whether its actions are events or scene-setting (progressive, pluperfect), whether it
comes after the candidate's last own step, and cue phrases (a duty or an assignment, a change or a
measured outcome, a lesson or a verdict on the story, a greeting). A logistic model, fitted on the
tuned-on labelled answers by benchmarks/fit_star.py (which writes star_weights.py), weighs those
facts with the neighbouring sentences' facts; the labels of the whole answer are then chosen
together (Viterbi), so the order in which stories are told is preferred but not forced ("I ran a
retrospective afterwards" stays an action after the result). Linear in the answer's length.
"""
from __future__ import annotations

import math
import re

from .clauses import Clause

LABELS = ("situation", "task", "action", "result", "reflection", "other")

_TASK = re.compile(
    r"\b(?:responsible for|in charge of|my (?:job|task|role|goal|responsibility|assignment|brief|mandate) (?:was|is)|"
    r"the (?:goal|task|aim|brief|ask|plan|job|objective|idea) was|(?:needed|had|have|got|was supposed|were supposed) to|"
    r"was (?:asked|tasked|told|assigned|given|brought in|hired|put in charge)|were (?:asked|tasked|told|assigned)|"
    r"(?:asked|wanted|needed|told|tasked|assigned) (?:me|us|my team|our team) (?:to|with)|tasked with|"
    r"deadline was|had (?:\w+ ){0,2}(?:days|weeks|hours|months) to)\b", re.I)
# Phrasings that define the task by themselves (weighted more than "had to", "asked me to").
_STRONG_TASK = re.compile(
    r"\b(?:responsible for|in charge of|tasked with|(?:my|our|one of my|one of our) (?:main )?(?:job|jobs|task|tasks|role|"
    r"goal|goals|responsibility|responsibilities|assignment|brief|mandate|objective) (?:was|is|were)|"
    r"the (?:goal|task|aim|brief|ask|objective|mission|assignment) was|(?:was|were) due|deadline|"
    r"(?:was|were) given (?:the|a|this) (?:project|task|job|assignment|account|brief)|i want (?:this|it|you|the) |"
    # an assignment stated: "my manager asked me to get it back on track", "I was tasked to…"
    r"(?:asked|tasked|assigned) me to |i was (?:asked|tasked|assigned) to )", re.I)
_RESULT = re.compile(
    r"\b(?:in the end|ended up|as a result|by the end|turned out|since then|after that|afterwards|the next (?:day|week|"
    r"month|quarter|year)|eventually|finally|so now|"
    r"dropped|went (?:up|down|from|live|out|smoothly|well)|came (?:down|up|back)|increased|decreased|reduced|"
    r"improved|grew|rose|fell|cut (?:\w+ )?by|saved|passed|signed|renewed|closed|finished|completed|launched|shipped|"
    r"worked|thanked|thanks|feedback|praised|promoted|approved|adopted|agreed to|"
    r"on time|ahead of|record|first time|no (?:more|longer)|never again|still (?:use|uses|using|in use)|"
    r"is the default|now uses?|won|lost|missed|cost us)\b", re.I)
_REFLECTION = re.compile(
    r"\b(?:learn(?:ed|t)|lesson|taught me|looking back|in hindsight|next time|differently|takeaway|take away|"
    r"what i took|i (?:still|now|always) |these days|nowadays|(?:is|was) (?:really )?(?:the )?key|matters|"
    r"i(?:'m| am| was) (?:really |so |very )?proud|showed me|reminded me|made me realise|made me realize|"
    r"i(?:'d| would) (?:do|have|go|ask|start)|if i (?:had|could|did)|it's (?:important|worth|better|always)|"
    r"i think (?:that's|it's|the|a|having|being|communication|people|most|it)|i believe|great experience|"
    r"good experience|really (?:enjoyed|liked)|team effort|worth it|(?:the )?(?:main|big|key|biggest) (?:thing|lesson)|"
    r"(?:it|that) (?:was|'s been|has been) (?:a |an )?(?:really |so |very |pretty |just |kind of |such a )?"
    r"(?:good|great|fun|stressful|hard|tough|long|busy|rewarding|interesting|amazing|valuable|nice|humbling|"
    r"eye-opening|learning))\b", re.I)
_META = re.compile(
    r"^\W*(?:(?:sure|yeah|yes|okay|ok|so|um|uh|well|right|absolutely|of course|great question|good question|"
    r"that's a (?:great|good) question|let me think|hmm|alright)\W*)+$", re.I)
_SELF_DESCRIPTION = re.compile(r"^\W*(?:so\W+)?i(?:'m| am) (?:someone|a person|the kind of|the type of|naturally|"
                               r"very|really|pretty|always)\b", re.I)
_CONTEXT = re.compile(r"\b(?:there (?:was|were|had been)|at (?:my|the|a) (?:last|previous|old|first|current)|"
                      r"when i was|i was (?:a|an|the|working|on|in)|i worked (?:as|at|in)|we had (?:a|an|this|no))\b",
                      re.I)


def features(text: str, clauses: list[Clause], agent: str, outcome_like: bool, index: int, n: int,
             after_last_self: bool, no_story: bool) -> tuple[str, ...]:
    """The facts about one sentence that the STAR weights are counted over."""
    story = [c for c in clauses if c.agent in ("self", "team", "other", "passive") and not c.habitual]
    events = [c for c in story if not c.background and c.kind != "lead"]
    quart = min(3, int(4 * index / max(1, n)))
    f = [f"agent={agent}", f"quart={quart}"]
    flags = {
        "first": index == 0,
        "last": index == n - 1,
        "task": bool(_TASK.search(text)) or any(c.framing and c.subject in ("self", "team") for c in clauses),
        "strong_task": bool(_STRONG_TASK.search(text)),
        "result": bool(_RESULT.search(text)),
        "reflection": bool(_REFLECTION.search(text)),
        "meta": bool(_META.match(text)) or bool(_SELF_DESCRIPTION.search(text)),
        "context": bool(_CONTEXT.search(text)),
        "background": bool(story) and not events,
        "own_event": any(c.agent in ("self", "team") for c in events),
        "other_event": any(c.agent == "other" for c in events),
        "generic": bool(clauses) and all(c.habitual or c.subject == "generic" for c in clauses),
        "outcome": outcome_like,
        "after_last_self": after_last_self,
        "no_story": no_story,
        "question": text.rstrip().endswith("?"),
        "habit_or_generic": any(c.habitual or c.subject == "generic" for c in clauses),
        "self_state": bool(_SELF_STATE.match(text)),
    }
    return tuple(f + [k for k, on in flags.items() if on])


FLAGS = ("first", "last", "task", "result", "reflection", "meta", "context", "background", "own_event",
         "other_event", "generic", "outcome", "after_last_self", "no_story", "question", "habit_or_generic",
         "self_state")
# "I'm a…", "I've been…", "I am…": the speaker describing themselves now
_SELF_STATE = re.compile(r"^\W*(?:(?:so|and|but|well|um|uh|yeah|honestly)\W+)*(?:i'm|i am|i've|i have been)\b", re.I)
# How much the order STAR parts usually come in counts against each sentence's own evidence
# (chosen by 5-fold cross-validation on the tuned-on answers, benchmarks/fit_star.py --compare).
TRANSITION_WEIGHT = 1.0           # 5-fold (354 answers): 0.862 (1.0), 0.861 (0.5), 0.827 (0)
# The guide: a stated goal or assignment ("the goal was…", "my manager asked me to…") is the task,
# however rarely the labelled answers state one; added to the task's log-likelihood.
STATED_TASK_BOOST = 3.0


def inputs(feats: list[tuple[str, ...]], i: int) -> list[str]:
    """The inputs of the STAR model for sentence i: its own facts, its neighbours' facts, and the
    agent crossed with its position and with each fact (who acts matters differently early and late)."""
    f = feats[i]
    prev = feats[i - 1] if i > 0 else ("BOS",)
    nxt = feats[i + 1] if i + 1 < len(feats) else ("EOS",)
    agent = next(x for x in f if x.startswith("agent="))
    quart = next(x for x in f if x.startswith("quart="))
    return (list(f) + ["p:" + x for x in prev if not x.startswith("quart=")]
            + ["n:" + x for x in nxt if not x.startswith("quart=")]
            + [agent + "&" + quart] + [agent + "&" + x for x in f if not x.startswith(("agent=", "quart="))]
            + ["bias"])


def sentence_features(texts: list[str], clause_lists: list[list[Clause]], agents: list[str],
                      outcome_like: list[bool]) -> list[tuple[str, ...]]:
    n = len(texts)
    last_self = max((i for i, cs in enumerate(clause_lists)
                     if any(c.agent == "self" and not c.habitual and not c.background for c in cs)), default=-1)
    no_story = not any(c.agent in ("self", "team", "other", "passive") and not c.habitual
                       for cs in clause_lists for c in cs)
    return [features(t, cs, ag, q, i, n, last_self >= 0 and i > last_self, no_story)
            for i, (t, cs, ag, q) in enumerate(zip(texts, clause_lists, agents, outcome_like))]


def label_star(texts: list[str], clause_lists: list[list[Clause]], agents: list[str],
               outcome_like: list[bool] | None = None) -> list[str]:
    """A logistic model gives each sentence a probability for every STAR part from its inputs();
    Viterbi then picks the labels of the whole answer together, with the counted part-to-part
    transitions weighted by TRANSITION_WEIGHT."""
    from .star_weights import PRIOR, START, TRANS, WEIGHTS   # fitted on the tuned-on answers

    n = len(texts)
    if n == 0:
        return []
    feats = sentence_features(texts, clause_lists, agents, outcome_like or [False] * n)
    k = len(LABELS)

    def emission(i: int) -> list[float]:
        z = [0.0] * k
        for x in inputs(feats, i):
            w = WEIGHTS.get(x)
            if w is not None:
                for j in range(k):
                    z[j] += w[j]
        top = max(z)
        log_total = top + math.log(sum(math.exp(v - top) for v in z))
        # a probability given the evidence, divided by the part's base rate: a likelihood Viterbi can combine
        out = [z[j] - log_total - PRIOR[LABELS[j]] for j in range(k)]
        if "strong_task" in feats[i]:
            out[LABELS.index("task")] += STATED_TASK_BOOST
        return out

    tw = TRANSITION_WEIGHT
    e = emission(0)
    score = {lab: tw * START[lab] + e[j] for j, lab in enumerate(LABELS)}
    back: list[dict[str, str]] = []
    for i in range(1, n):
        e = emission(i)
        new, ptr = {}, {}
        for j, b in enumerate(LABELS):
            best_a = max(LABELS, key=lambda a: score[a] + tw * TRANS[a][b])
            new[b] = score[best_a] + tw * TRANS[best_a][b] + e[j]
            ptr[b] = best_a
        score = new
        back.append(ptr)
    last = max(LABELS, key=lambda lab: score[lab])
    out = [last]
    for ptr in reversed(back):
        out.append(ptr[out[-1]])
    return out[::-1]
