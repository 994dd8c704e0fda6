"""Two takes of one question compared, in plain words (no Qt here).

compare(earlier, later) reads two stored analyses and says what changed from one to the other:
own actions gained or lost (quoting the new or dropped ones), clauses whose actor moved from the
team to "I" (or back), matched by the verb's lemma and its object in the parse ("we moved the
reports" → "I moved the reports"), the result measured or no longer, STAR parts gained or lost,
the verdict and score, and the delivery figures against their aims (core/targets.py). Each change
says whether it is better or worse, so the review can mark it with a sign as well as a word.

take_figures() gives one take's figures for the review's side-by-side table.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import targets as T
from .analysis.model import Analysis, verdict_word

STAR_PARTS = ("situation", "task", "action", "result")
QUOTE_WORDS = 7                 # a quote longer than this is cut after the verb's object
OBJECT_DEPS = ("dobj", "obj", "attr", "oprd", "dative")
# Differences too small to mention: a take is never word for word the same when spoken twice.
MIN_FILLER_CHANGE = 0.5         # per 100 words
MIN_PACE_CHANGE = 5             # words a minute
MIN_LENGTH_CHANGE = 0.1         # share of the earlier length (and at least MIN_LENGTH_WORDS)
MIN_LENGTH_WORDS = 10


@dataclass(frozen=True, slots=True)
class Change:
    text: str
    direction: int              # +1 better, -1 worse, 0 neither


@dataclass(frozen=True, slots=True)
class Comparison:
    changes: list[Change]
    identical: bool = False

    @property
    def lines(self) -> list[str]:
        return [c.text for c in self.changes]


@dataclass(frozen=True, slots=True)
class Act:
    """A clause told with "I" (self) or only "we" (team), read from the parse."""
    actor: str                  # self | team
    verb: str                   # the verb's lemma (with its particle: "set up")
    form: str                   # the verb as said, lower case (the small model's lemmas miss some past tenses)
    obj: str                    # the lemma of its object's head ("" when it has none)
    quote: str                  # the user's words, short: subject, verb and object


def acts(a: Analysis, doc=None) -> list[Act]:
    """The own and team clauses of an analysis: its self and team highlights that hold a verb.
    doc: the answer's parse (made here when not given; the parser must be installed)."""
    if doc is None:
        from .analysis.engine import parse_answer
        doc = parse_answer(a.text)
    out = []
    for h in a.highlights:
        if h.kind not in ("self", "team"):
            continue
        span = doc.char_span(h.start, h.end, alignment_mode="expand")
        verbs = [t for t in span if t.pos_ == "VERB"] or [t for t in span if t.pos_ == "AUX"] if span else []
        if not verbs:
            continue             # a lone "our" or "us", not a clause
        verb = verbs[-1]
        particle = next((c.lemma_.lower() for c in verb.children if c.dep_ == "prt"), "")
        obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None)
        if obj is None:
            prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        end = h.end
        if obj is not None and obj.i - verb.i <= QUOTE_WORDS - 2:
            end = max(end, obj.idx + len(obj.text))
        # a verb sharing its subject with an earlier one ("I profiled every report and found three
        # queries"): the subject, then the verb and its object, so two quotes do not repeat each other
        if any(t.pos_ not in ("ADV", "AUX", "PART") for t in doc[span.start + 1:verb.i]):
            quote = f"{span[0].text} … {a.text[verb.idx:end]}"
        else:
            quote = a.text[h.start:end]
        out.append(Act(h.kind, f"{verb.lemma_.lower()} {particle}".strip(), verb.text.lower(),
                       obj.lemma_.lower() if obj is not None else "", " ".join(quote.split())))
    return out


def _same_verb(x: Act, y: Act) -> bool:
    return x.verb == y.verb or x.form == y.form


def _pair(left: list[Act], right: list[Act], test) -> list[tuple[Act, Act]]:
    """Pairs (one from each list, each used once) that pass test; removes them from both lists."""
    pairs = []
    for x in list(left):
        y = next((y for y in right if test(x, y)), None)
        if y is not None:
            left.remove(x)
            right.remove(y)
            pairs.append((x, y))
    return pairs


def _quoted(q: str) -> str:
    return f"“{q}”"


def compare(earlier: Analysis, later: Analysis, earlier_doc=None, later_doc=None) -> Comparison:
    """What changed from the earlier take to the later one, most telling first."""
    if " ".join(earlier.text.split()) == " ".join(later.text.split()):
        return Comparison([Change("The two takes are word for word the same.", 0)], identical=True)
    said: list[Change] = []
    o1, o2 = earlier.ownership, later.ownership
    if o1.verdict != o2.verdict or abs(o2.score - o1.score) >= 0.05:
        verdicts = f" ({verdict_word(o1.verdict)} → {verdict_word(o2.verdict)})" if o1.verdict != o2.verdict else ""
        said.append(Change(f"Ownership score {o1.score:.1f} → {o2.score:.1f} / 5{verdicts}",
                           1 if o2.score > o1.score else -1 if o2.score < o1.score else 0))

    before, after = acts(earlier, earlier_doc), acts(later, later_doc)
    # the same clause by the same actor in both takes is no change
    for test in (lambda x, y: x.actor == y.actor and _same_verb(x, y) and x.obj == y.obj,
                 lambda x, y: x.actor == y.actor and _same_verb(x, y)):
        _pair(before, after, test)
    moved = []
    for frm, to in (("team", "self"), ("self", "team")):
        olds = [x for x in before if x.actor == frm]
        news = [y for y in after if y.actor == to]
        for test in (lambda x, y: _same_verb(x, y) and x.obj == y.obj,
                     lambda x, y: _same_verb(x, y) and not (x.obj and y.obj)):
            for x, y in _pair(olds, news, test):
                before.remove(x)
                after.remove(y)
                moved.append(Change(f"{_quoted(x.quote)} became {_quoted(y.quote)}", 1 if to == "self" else -1))
    gained = o2.self_actions - o1.self_actions
    new_own = [y.quote for y in after if y.actor == "self"]
    lost_own = [x.quote for x in before if x.actor == "self"]
    if gained > 0:
        said.append(Change(f"{gained} more own action{'s' if gained != 1 else ''}"
                           + (f", new: {', '.join(map(_quoted, new_own[:2]))}" if new_own else ""), 1))
    elif gained < 0:
        said.append(Change(f"{-gained} fewer own action{'s' if gained != -1 else ''}"
                           + (f", gone: {', '.join(map(_quoted, lost_own[:2]))}" if lost_own else ""), -1))
    elif new_own or lost_own:
        said.append(Change(f"Own actions told differently: {', '.join(map(_quoted, (new_own + lost_own)[:2]))}"
                           f"{' is new' if new_own else ' is gone'}", 0))
    said.extend(moved)
    team_change = o2.team_actions - o1.team_actions
    if team_change:
        n = abs(team_change)
        said.append(Change(f"{n} {'more' if team_change > 0 else 'fewer'} team-only action{'s' if n != 1 else ''} "
                           f"({o1.team_actions} → {o2.team_actions})", -1 if team_change > 0 else 1))

    s1, s2 = earlier.star, later.star
    if s2.result_quantified and not s1.result_quantified:
        said.append(Change("Result now measured", 1))
    elif s1.result_quantified and not s2.result_quantified:
        said.append(Change("Result no longer measured", -1))
    got = [p for p in STAR_PARTS if getattr(s2, p) and not getattr(s1, p)]
    lost = [p for p in STAR_PARTS if getattr(s1, p) and not getattr(s2, p)]
    if got:
        said.append(Change(f"STAR now has the {' and '.join(p.capitalize() for p in got)}", 1))
    if lost:
        said.append(Change(f"STAR no longer has the {' and '.join(p.capitalize() for p in lost)}", -1))
    said.extend(_delivery(earlier, later))
    if not said:
        said.append(Change("No change in ownership, STAR or delivery worth mentioning.", 0))
    return Comparison(said)


def _towards(a: float, b: float, band) -> int:
    """+1 if b is nearer the band than a, -1 if further, 0 if equally near (both inside)."""
    da, db = abs(T.outside(a, band)), abs(T.outside(b, band))
    return 1 if db < da else -1 if db > da else 0


def _delivery(earlier: Analysis, later: Analysis) -> list[Change]:
    d1, d2 = earlier.delivery, later.delivery
    out = []
    if abs(d2.fillers_per_100_words - d1.fillers_per_100_words) >= MIN_FILLER_CHANGE:
        out.append(Change(f"Fillers {d1.fillers_per_100_words:.1f} → {d2.fillers_per_100_words:.1f} per 100 words "
                          f"({T.aim(T.FILLERS_PER_100)})",
                          1 if d2.fillers_per_100_words < d1.fillers_per_100_words else -1))
    if d1.wpm and d2.wpm and abs(d2.wpm - d1.wpm) >= MIN_PACE_CHANGE:
        out.append(Change(f"Pace {d1.wpm:.0f} → {d2.wpm:.0f} words/min ({T.aim(T.PACE_WPM)})",
                          _towards(d1.wpm, d2.wpm, T.PACE_WPM)))
    if abs(d2.words - d1.words) >= max(MIN_LENGTH_WORDS, MIN_LENGTH_CHANGE * d1.words):
        out.append(Change(f"Length {d1.words} → {d2.words} words ({T.aim(T.LENGTH_WORDS)})",
                          _towards(d1.words, d2.words, T.LENGTH_WORDS)))
    return out


@dataclass(frozen=True, slots=True)
class TakeFigures:
    """One take's row in the review's side-by-side table."""
    id: int
    created_at: str
    verdict: str                # plain words
    score: float
    own_actions: int
    star: str                   # "S T A R", a missing part as "·"
    star_words: str             # "situation, task, action; no result"
    measured: bool
    wpm: float | None
    fillers_per_100: float
    words: int


def take_figures(answer_id: int, created_at: str, a: Analysis) -> TakeFigures:
    s = a.star
    have = [getattr(s, p) for p in STAR_PARTS]
    present = [p for p, ok in zip(STAR_PARTS, have) if ok]
    missing = [p for p, ok in zip(STAR_PARTS, have) if not ok]
    return TakeFigures(answer_id, created_at, verdict_word(a.ownership.verdict), a.ownership.score,
                       a.ownership.self_actions, " ".join(p[0].upper() if ok else "·" for p, ok in zip(STAR_PARTS, have)),
                       ", ".join(present or ["none"]) + (f"; no {', no '.join(missing)}" if missing else ""),
                       s.result_quantified, a.delivery.wpm, a.delivery.fillers_per_100_words, a.delivery.words)


def previous_take(ids_oldest_first: list[int], shown: int) -> int | None:
    """The take to compare the shown one with by default: the one before it, or (for the first
    take) the one after it; None when it is the only take."""
    if shown not in ids_oldest_first or len(ids_oldest_first) < 2:
        return None
    i = ids_oldest_first.index(shown)
    return ids_oldest_first[i - 1] if i > 0 else ids_oldest_first[1]
