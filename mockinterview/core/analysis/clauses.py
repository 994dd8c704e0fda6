"""Find subject + verb clauses in a sentence and say who acts in each.

A small rule-based shallow parser: it finds subjects (pronouns, noun phrases, relative
pronouns), reads the verb group after each, and classifies the verb (action, speech,
cognition, feeling, state, participation) and its voice. Decisions follow
shared/LABELING.md: "I" with a feeling or opinion is not ownership, "we" that only sets a
scene is not a team action, and what is reported under a verb of thinking or saying is
not an action of its own.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import lexicon as L
from .tokens import Token

SKIP_BEFORE_VERB = L.ADVERBS | L.FILLER_WORDS | {",", "—", "–", "--", "well", "like", "uh", "um"}
# Tokens that end a noun phrase when walking back from a verb.
NP_STOP = (L.COORDINATORS | L.SUBORDINATORS | L.DISCOURSE | L.FILLER_WORDS | L.AUX) - {"that", "which", "who"}
QUANTIFIERS = L._words("one two three four five six each some most all none both several many few couple lot half part rest")
CHANGE_VERBS = L._words("rise fall drop increase decrease grow double triple improve decline climb jump "
                        "spike dip shrink plummet soar go come")
NOMINAL_WORK = L._words(
    "analysis research work idea proposal suggestion data model investigation notes report memo "
    "script fix change plan pitch design prototype recommendation audit review survey findings "
    "spreadsheet dashboard presentation numbers part"
)


@dataclass(slots=True)
class Clause:
    subject: str        # self | team | other | thing | generic
    lemma: str          # main verb, base form
    kind: str           # action | speech | cognition | feeling | state | evaluative | participation | lead
    passive: bool
    habitual: bool      # generic or repeated ("I always…", "I'd usually…", present simple)
    framing: bool       # "I had to / needed to / wanted to / was responsible for"
    embedded: bool      # reported under another clause's verb of thinking, saying or feeling
    start: int          # token index of the subject
    verb_start: int
    verb_end: int       # token index after the main verb
    by_agent: str | None = None   # "built by a crew of five" → team/other
    negated: bool = False         # "I didn't write it"
    hypothetical: bool = False    # "if they did", "someone will say", "we'd have missed"
    background: bool = False      # progressive or pluperfect: sets a scene ("we were launching", "had used")

    @property
    def agent(self) -> str:
        """The LABELING.md agent this clause gives, or "none"."""
        if self.embedded or self.subject == "generic":
            return "none"
        if self.hypothetical and self.subject != "self":
            return "none"
        if self.negated and self.subject == "thing" and not self.passive:
            return "none"                            # "it didn't work": no one acts
        if self.negated and self.subject in ("team", "other") and self.kind == "state":
            return "none"                            # "we didn't have the data"
        if self.passive:
            if self.kind in ("feeling", "cognition") and self.by_agent:
                return "none"
            if self.negated and not self.by_agent:
                return "none"                        # "some rooms weren't finished": nothing was done                        # "I tried … not to get pulled in by the loudest patient"
            if self.habitual:
                return "none"                        # "I never wait to be told": not in the story
            return self.by_agent or "passive"
        if self.subject == "self":
            if self.kind in ("action", "speech", "lead", "weak") and not self.habitual and not self.framing:
                return "self"
            return "none"
        if self.subject == "team":
            if self.kind in ("action", "speech", "lead", "feeling", "weak", "evaluative") and not self.framing:
                return "team"
            return "none"
        if self.subject == "other":
            if self.kind in ("action", "speech", "lead", "feeling", "evaluative", "cognition", "participation"):
                return "other"
            return "none"
        return "none"


_KNOWN = (L.COGNITION | L.FEELING | L.SPEECH | L.PARTICIPATION | L.STATE | L.LEAD_VERBS | L.BASE_VERBS
          | CHANGE_VERBS | frozenset(L.IRREGULAR_PAST.values()))


def lemma_of(word: str) -> str:
    w = word.lower()
    if w in L.BE:
        return "be"
    if w in L.IRREGULAR_PAST:
        return L.IRREGULAR_PAST[w]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            stem = w[: -len(suffix)] + repl
            candidates = [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.insert(0, stem[:-1])   # stopped → stop, planning → plan
            for c in candidates:
                if c in _KNOWN:
                    return c
            if suffix in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                return stem[:-1]
            if suffix in ("ed", "ing") and stem[-1:] in ("v", "z", "c", "u") or stem.endswith(("at", "iz", "is")):
                return stem + "e"                 # believed → believe, realized → realize
            return stem
    return w


def is_past(word: str) -> bool:
    w = word.lower()
    if w in L.IRREGULAR_PAST:
        return True
    return w.endswith("ed") and len(w) > 3 and w not in L.NOT_PAST_ED


def is_participle(word: str) -> bool:
    w = word.lower()
    return (is_past(w) and w not in ("was", "were", "did", "had", "went", "came", "ran", "saw", "knew",
                                     "gave", "took", "wrote", "began", "grew", "drew", "rose", "fell",
                                     "broke", "chose", "spoke", "drove", "ate", "flew", "threw"))


def verb_kind(lemma: str) -> str:
    if lemma in L.LEAD_VERBS:
        return "lead"
    if lemma in L.COGNITION:
        return "cognition"
    if lemma in L.FEELING:
        return "feeling"
    if lemma in L.SPEECH:
        return "speech"
    if lemma in L.PARTICIPATION:
        return "participation"
    if lemma in ("be", "have", "seem", "appear", "remain", "lose", "face", "struggle", "experience",
                 "suffer", "belong", "contain", "include", "involve", "cost", "depend", "exist",
                 "matter", "last", "happen", "occur", "sound", "mean", "deserve", "lack", "disagree"):
        return "state"
    return "action"


def find_clauses(toks: list[Token]) -> list[Clause]:
    clauses: list[Clause] = []
    n = len(toks)
    used_until = -1
    i = 0
    while i < n:
        if i <= used_until:
            i += 1
            continue
        found = _clause_at(toks, i)
        if found is None:
            i += 1
            continue
        clauses.append(found)
        used_until = found.verb_end - 1
        i = found.verb_end
    clauses.extend(_coordinated_verbs(toks, clauses))
    clauses.sort(key=lambda c: c.start)
    _mark_embedded(toks, clauses)
    return clauses


def _coordinated_verbs(toks: list[Token], clauses: list[Clause]) -> list[Clause]:
    """"We had a meeting and went through the plan": the second verb shares the first's subject."""
    out = []
    ordered = sorted(clauses, key=lambda c: c.start)
    for idx, c in enumerate(ordered):
        nxt_start = ordered[idx + 1].start if idx + 1 < len(ordered) else len(toks)
        for k in range(c.verb_end, nxt_start):
            if toks[k].low in ("and", "then") and k + 1 < nxt_start:
                j = _next_content(toks, k + 1, limit=2)
                if j is None or j >= nxt_start or not toks[j].is_word or not is_past(toks[j].low) \
                        or toks[j].low in L.AUX or (j + 1 < len(toks) and toks[j + 1].low in ("and", ",", ".")):
                    continue
                d = _read_verb_group(toks, c.subject, k, j)
                d.habitual = c.habitual
                d.start = j
                out.append(d)
    return out


def _next_content(toks: list[Token], j: int, limit: int = 4) -> int | None:
    """Index of the first token at or after j that is not an adverb, filler or comma."""
    k = j
    while k < len(toks) and k - j <= limit:
        if toks[k].low not in SKIP_BEFORE_VERB:
            return k
        k += 1
    return None


def _subject_class_pronoun(toks: list[Token], i: int) -> str | None:
    low = toks[i].low
    prev = toks[i - 1].low if i > 0 else ""
    if low in ("who", "that", "which"):
        return _relative_antecedent(toks, i)
    if low == "i" and prev == "and" and i >= 2 and _is_noun_before(toks, i - 2):
        return "team"                              # "my team and I", "two classmates and I"
    if low in ("me",) and i + 1 < len(toks) and toks[i + 1].low == "and":
        return "team"                              # "me and two other guys took…"
    if low in ("us", "them") and prev == "of" and i >= 2:
        return "team" if low == "us" else "other"  # "two of us", "each of them"
    cls = L.SUBJECT_PRONOUNS.get(low)
    if low == "we" and i + 1 < len(toks) and toks[i + 1].low == "all":
        return "team"
    return cls


def _is_noun_before(toks: list[Token], k: int) -> bool:
    """Is toks[k] the end of a noun phrase that starts a clause ("my team", "two classmates")?

    "X and I" is a joint subject only at the start of a clause; after a verb or an object
    ("I showed her the charts and I suggested…") it joins two clauses instead.
    """
    w = toks[k].low
    nounish = (w in L.PERSON_NOUNS or w in L.TEAM_NOUNS or w.rstrip("s") in L.PERSON_NOUNS
               or (toks[k].text[:1].isupper() and w != "i")
               or (k >= 1 and toks[k - 1].low in ("my", "our", "a", "another", "one", "the", "two", "three")
                   and toks[k].is_word))
    if not nounish:
        return False
    j = k - 1
    while j >= 0 and k - j <= 6:
        t = toks[j].low
        if not toks[j].is_word or t in L.COORDINATORS or t in L.SUBORDINATORS or t in L.DISCOURSE \
                or t in L.FILLER_WORDS:
            return True                        # reached the start of the clause
        if t in L.AUX or is_past(t) or t in L.OBJECT_PRONOUNS or t in ("her", "i", "we", "he", "she", "they"):
            return False                       # a verb or a subject before it: X is an object
        j -= 1
    return j < 0


def _relative_antecedent(toks: list[Token], i: int) -> str | None:
    """Resolve "who/that/which" to the class of the noun just before it."""
    if i == 0:
        return None
    prev = toks[i - 1]
    if toks[i].low == "who":
        return "team" if prev.low in L.TEAM_NOUNS else "other"
    if prev.low in L.PERSON_NOUNS:
        return "other"
    if toks[i].low == "that" and prev.low in L.TEAM_NOUNS:
        return "team"
    if toks[i].low == "which":
        return "thing"
    if toks[i].low == "that" and prev.is_word and prev.low not in L.AUX and not is_past(prev.low) \
            and prev.low not in L.COGNITION and prev.low not in L.SPEECH and prev.low not in L.EMOTION_ADJECTIVES:
        return "thing"
    return None


def _np_class(toks: list[Token], head: int) -> tuple[str | None, int]:
    """Walk back from a noun just before a verb; return (class, index of the phrase start)."""
    k = head
    words: list[Token] = []
    while k >= 0 and head - k < 7:
        t = toks[k]
        if not (t.is_word or t.is_number) or t.low in NP_STOP or t.low in L.SUBJECT_PRONOUNS and t.low != "everyone" and t.low not in ("people",):
            break
        if t.low in L.PREPOSITIONS and t.low not in ("of", "at", "on", "in", "from", "for"):
            break
        words.append(t)
        if t.low in L.DETERMINERS and not (k > 0 and toks[k - 1].low == "of"):
            if not (k > 0 and toks[k - 1].low in QUANTIFIERS):
                break
        k -= 1
    if not words:
        return None, head
    words.reverse()
    start = head - len(words) + 1
    lows = [w.low for w in words]
    if lows[0] in L.PREPOSITIONS:
        return None, head
    if "i" in lows or lows[-1] in ("us",):
        return "team", start
    # The head noun: before the first preposition, unless a quantifier leads ("one of our clients").
    core = lows
    for idx, w in enumerate(lows):
        if w in L.PREPOSITIONS and idx > 0:
            core = lows[idx + 1:] if (w == "of" and lows[idx - 1] in QUANTIFIERS | {"couple", "lot"}) else lows[:idx]
            break
    if not core:
        return None, head
    noun = core[-1]
    det = core[0]
    if noun in ("us",):
        return "team", start
    if noun in ("them", "people", "others"):
        return "other", start
    if noun in L.TEAM_NOUNS:
        if det in ("our", "my", "we") or (noun in ("team", "group", "crew", "squad") and (
                det == "a" or (det == "the" and len(core) == 2) or len(core) == 1)):
            return "team", start
        return "other", start
    if noun in L.PERSON_NOUNS or noun.rstrip("s") in L.PERSON_NOUNS:
        return "other", start
    if noun in NOMINAL_WORK and det in ("my", "our"):
        return ("self" if det == "my" else "team"), start
    head_tok = toks[head]
    if head_tok.text.isupper() and len(head_tok.text) > 1 and len(core) <= 2:
        return "other", start                      # an acronym role: "GC", "VP"
    if head_tok.text[:1].isupper() and start > 0 and det == noun:
        return "other", start                      # a name mid-sentence: "…and Priya said"
    return "thing", start


def _clause_at(toks: list[Token], i: int) -> Clause | None:
    t = toks[i]
    subj: str | None = None
    subj_start = i
    if t.low in L.SUBJECT_PRONOUNS or t.low in ("who", "me", "us", "them"):
        if t.low in ("me", "us", "them") and not (
                (t.low == "me" and i + 1 < len(toks) and toks[i + 1].low == "and")
                or (i > 0 and toks[i - 1].low == "of")):
            return None
        if t.low == "that" and i > 0 and (toks[i - 1].is_word and (toks[i - 1].low in L.COGNITION or toks[i - 1].low in L.SPEECH or is_past(toks[i - 1].low) or toks[i - 1].low in L.EMOTION_ADJECTIVES)):
            return None                             # complementiser "that"
        if t.low in ("everyone", "everybody", "someone", "somebody", "people", "it", "this", "that", "nobody",
                     "anyone", "nothing", "everything", "something") and i > 0 and (
                is_past(toks[i - 1].low) or toks[i - 1].low in L.BASE_VERBS or toks[i - 1].low in L.PREPOSITIONS
                or toks[i - 1].low in ("make", "makes", "made", "let", "help", "see", "saw", "get")):
            return None                             # an object: "didn't make everyone happy"
        subj = _subject_class_pronoun(toks, i)
        vs = _next_content(toks, i + 1)
        if vs is not None and t.low in ("that", "this", "it", "which", "there", "who") and not (
                toks[vs].low in L.AUX or is_past(toks[vs].low) or toks[vs].low.endswith("s")):
            return None
        if vs is not None and (toks[vs].low in L.EMOTION_ADJECTIVES or toks[vs].low in ("year", "day", "week", "time")):
            return None
        if t.low == "me":
            # "me and two other guys took the backend": skip to the verb after the noun phrase
            vs = _find_verb_after_np(toks, i + 2)
        elif t.low in ("us", "them"):
            vs = _next_content(toks, i + 1)
            subj_start = max(0, i - 2)
        if subj is None or vs is None or not _starts_verb_group(toks, vs, pronoun=True):
            return None
        if subj == "team" and t.low == "i" and i > 0 and toks[i - 1].low == "and":
            subj_start = _np_class(toks, i - 2)[1] if i >= 2 else i - 1
    elif (t.is_word or t.is_number) and t.low not in L.PREPOSITIONS and t.low not in NP_STOP:
        vs = _next_content(toks, i + 1, limit=2)
        if vs is None or not _starts_verb_group(toks, vs, pronoun=False):
            return None
        # only the last word of a phrase can be its head
        if vs == i + 1 and toks[vs].low in L.DETERMINERS:
            return None
        subj, subj_start = _np_class(toks, i)
        if subj is None:
            return None
    else:
        return None
    clause = _read_verb_group(toks, subj, subj_start, vs)
    before = toks[subj_start - 1].low if subj_start > 0 else ""
    if before in ("if", "unless", "whether") or (before == "what" and clause.lemma != "do"):
        clause.habitual = True                      # hypothetical, or "what I took from it was…"
    if any(toks[k].low in L.HABITUAL_MARKERS for k in range(subj_start, vs)):
        clause.habitual = True
    if clause.subject == "other" and clause.habitual and clause.kind not in ("feeling", "evaluative"):
        # generic others ("someone will say…", "people ask…") are not agents in the story
        if any(toks[k].low in ("will", "'ll", "would", "can", "could") for k in range(vs, clause.verb_end)):
            clause.kind = "state"
    return clause


def _find_verb_after_np(toks: list[Token], j: int) -> int | None:
    for k in range(j, min(len(toks), j + 6)):
        if _starts_verb_group(toks, k, pronoun=False) and toks[k].low not in L.DETERMINERS:
            return k
    return None


def _starts_verb_group(toks: list[Token], j: int, pronoun: bool) -> bool:
    w = toks[j].low
    if not toks[j].is_word:
        return False
    if w in L.AUX or w in ("kept", "started", "began", "ended", "tried", "decided", "used"):
        return True
    if is_past(w) and w not in L.NOT_PAST_ED:
        # "the marked spots" style adjectives follow determiners, never start a clause after a noun
        return True
    if pronoun:
        if w in L.DETERMINERS or w in L.PREPOSITIONS or w in L.SUBJECT_PRONOUNS or w in L.COORDINATORS \
                or w in L.SUBORDINATORS or w in L.OBJECT_PRONOUNS or w in ("and", "not", "'s"):
            return False
        return True
    # present-tense verb after a plural/singular noun: only common ones, to avoid noun-noun pairs
    return w in ("says", "wants", "uses", "runs", "needs", "thinks", "knows", "likes", "gets", "goes", "does")


def _read_verb_group(toks: list[Token], subj: str, subj_start: int, vs: int) -> Clause:
    n = len(toks)
    auxes: list[str] = []
    k = vs
    habitual = False
    framing = False
    passive = False
    kind_override: str | None = None
    while k < n and (toks[k].low in L.AUX or toks[k].low in SKIP_BEFORE_VERB or toks[k].low in ("to", "used")):
        w = toks[k].low
        if w in L.HABITUAL_MARKERS:
            habitual = True
        if w == "to":
            if not auxes or auxes[-1] not in ("have", "has", "had", "'d", "used", "got", "get", "be", "was", "is"):
                break
            if auxes[-1] in ("have", "has", "had", "'d", "got", "get"):
                framing = True
            if auxes[-1] in ("used",):
                habitual = True
        elif w in L.AUX:
            auxes.append(w)
        elif w == "used":
            auxes.append(w)
        k += 1
        # "was/got + participle" or "had + participle" end the aux chain at the participle
    if auxes[:2] == ["did", "was"] or auxes[:2] == ["did", "is"]:
        return Clause(subj, "do", "action", False, habitual, framing, False, subj_start, vs, min(n, k + 1))
    if k >= n:
        # the verb group ends in an auxiliary: "It was, and …" → main verb is that auxiliary
        main_i = vs if toks[vs].low in L.AUX else k - 1
        lemma = lemma_of(toks[main_i].low)
        return Clause(subj, lemma, verb_kind(lemma), False, habitual, framing, False, subj_start, vs, main_i + 1)
    main_i = k
    main = toks[k].low
    # an auxiliary followed by a non-verb: it is the main verb ("we had contamination", "she was upset")
    if auxes and (not toks[k].is_word or main in L.DETERMINERS or main in L.PREPOSITIONS
                  or main in L.SUBJECT_PRONOUNS or main in L.OBJECT_PRONOUNS or main in L.EMOTION_ADJECTIVES
                  or main in L.COORDINATORS or main in L.SUBORDINATORS or main in L.ADJECTIVAL_PARTICIPLES
                  or (not is_past(main) and not main.endswith("ing") and auxes[-1] in L.BE | {"got", "get", "gets", "had", "has", "have", "'ve"}
                      and main not in L.BASE_VERBS)):
        last_aux = auxes[-1]
        # find the index of the last aux token
        j = k - 1
        while j >= vs and toks[j].low != last_aux:
            j -= 1
        lemma = lemma_of(last_aux) if last_aux not in ("'d", "'s") else ("have" if last_aux == "'d" else "be")
        if last_aux in ("got", "get", "gets", "getting") and main not in L.ADJECTIVAL_PARTICIPLES and main not in L.EMOTION_ADJECTIVES:
            lemma = "get"
        kind = verb_kind(lemma)
        if lemma == "be" and main in L.EMOTION_ADJECTIVES:
            kind = "evaluative"
        elif lemma == "get" and main in L.EMOTION_ADJECTIVES | L.ADJECTIVAL_PARTICIPLES:
            kind = "evaluative" if main in L.EMOTION_ADJECTIVES else "state"
        elif lemma == "have" and _is_causative(toks, k):
            kind = "action"
            if _causative_is_experience(toks, k):
                kind = "state"
                subj_other = _causee_class(toks, k)
                if subj_other:
                    subj = subj_other
                    kind = "action"
        if any(a in ("would", "will", "'ll", "can", "could", "should", "might", "may", "must") for a in auxes) \
                or ("'d" in auxes and lemma != "have"):
            habitual = True
        if subj == "self" and auxes[0] in ("do", "does", "am", "'m", "is", "are", "have", "has", "'ve") and lemma == "do":
            habitual = True
        if subj == "self" and not auxes[:-1] and last_aux in ("have", "has") and lemma in ("have",):
            habitual = True
        return Clause(subj, lemma, kind, False, habitual, framing, False, subj_start, vs, j + 1)
    lemma = lemma_of(main)
    # particle verbs that describe experiences, not actions
    nxt = toks[k + 1].low if k + 1 < n else ""
    if (lemma, nxt) in L.EXPERIENCE_PHRASES:
        kind_override = "state"
    if lemma in ("end",) and nxt == "up":
        # "ended up doing X": the outcome verb decides
        j2 = _next_content(toks, k + 2)
        if j2 is not None and toks[j2].low.endswith("ing"):
            main_i = j2
            lemma = lemma_of(toks[j2].low)
    # catenatives: "tried to X", "wanted to X", "started doing X", "decided to X"
    if nxt == "to" and lemma in ("try", "want", "need", "hope", "plan", "mean", "expect", "attempt", "struggle", "have", "wish", "like", "love", "aim"):
        j2 = k + 2
        if j2 < n:
            inner = lemma_of(toks[j2].low)
            if lemma == "try" and inner in L.EMPATHY_TARGETS:
                kind_override = "feeling"
            elif lemma in ("want", "need", "hope", "plan", "mean", "expect", "wish", "like", "love", "aim", "have"):
                framing = True
    if lemma == "make" and nxt in ("an", "a") and k + 2 < n and toks[k + 2].low in ("effort", "point"):
        kind_override = "feeling"
    be_aux = [a for a in auxes if a in L.BE or a in ("got", "get", "gets", "getting")]
    if be_aux and is_participle(main) and main not in L.ADJECTIVAL_PARTICIPLES:
        if not (be_aux[-1] in ("got", "get", "gets") and not is_past(main)):
            # "was asked", "got moved"; but "was being" / "had been" chains are still passive
            passive = True
            if be_aux[-1] == "'s" and nxt and toks[k + 1].is_word and nxt not in L.PREPOSITIONS \
                    and nxt not in L.ADVERBS and nxt not in L.COORDINATORS:
                passive = False                 # "it's handled campaigns" = it has handled
    if be_aux and not passive and main in L.ADJECTIVAL_PARTICIPLES:
        kind_override = "evaluative" if main in L.EMOTION_ADJECTIVES else "state"
    # tense: present simple with no auxiliary is habitual for the speaker
    if not auxes and not is_past(main) and not main.endswith("ing"):
        if subj == "self":
            habitual = True
    if any(a in ("would", "will", "'ll", "can", "could", "should", "might", "may", "must") for a in auxes):
        habitual = True
    if "'d" in auxes and not is_participle(main):
        habitual = True
    if auxes and auxes[0] in ("am", "is", "are", "'m", "'re") and main.endswith("ing"):
        habitual = True
    if auxes and auxes[0] in ("have", "has", "'ve") and subj == "self":
        # present perfect: a one-off later action counts; "I've handled plenty of…" does not
        window = {toks[x].low for x in range(k + 1, min(n, k + 5))}
        if window & {"plenty", "many", "lots", "always", "often", "never", "countless", "dozens", "hundreds"}:
            habitual = True
    kind = kind_override or verb_kind(lemma)
    if lemma == "get" and not passive and kind == "action":
        window = [toks[x].low for x in range(k + 1, min(n, k + 7))]
        if not any(w in ("to", "in", "into", "back", "over", "out", "up", "through", "on", "off", "done")
                   or (is_participle(w) and w not in L.ADJECTIVAL_PARTICIPLES) for w in window[1:]):
            kind = "state"                      # "we got good feedback", "we get requests"
    if lemma in CHANGE_VERBS and subj not in ("self", "team"):
        kind = "state"                          # "sales went up 60%": an outcome, not an agent
    if lemma in ("join", "start") and any(toks[x].low in L.TEAM_NOUNS | {"company", "firm", "startup", "lab", "at", "project", "club"}
                                          for x in range(k + 1, min(n, k + 4))):
        kind = "participation"                  # "I joined a team", "when I started at…"
    if main == "find" and subj == "self":
        kind = "cognition"                      # "I find people are…" is an opinion; "I found X" is not
    if auxes and auxes[-1] in ("was", "were") and main.endswith("ing") and lemma in L.PARTICIPATION:
        kind = "participation"
    if lemma == "have" and _is_causative(toks, k + 1):
        kind = "action"
        if _causative_is_experience(toks, k + 1):
            kind = "action"
            causee = _causee_class(toks, k + 1)
            if causee:
                subj = causee
    by_agent = None
    if passive:
        by_agent = _by_agent(toks, k + 1)
    return Clause(subj, lemma, kind, passive, habitual, framing, False, subj_start, vs, main_i + 1, by_agent)


def _is_causative(toks: list[Token], j: int) -> bool:
    """"had <someone> <verb>": "I had our designer mock up both versions"."""
    n = len(toks)
    for k in range(j, min(n, j + 5)):
        w = toks[k].low
        if w in (",", ".", "and", "but", "so", "because"):
            return False
        if k > j and w in L.BASE_VERBS and toks[k - 1].low not in ("to", "a", "the", "an", "my", "our", "their"):
            prev = toks[k - 1].low
            return prev in L.OBJECT_PRONOUNS or prev in L.PERSON_NOUNS or prev.rstrip("s") in L.PERSON_NOUNS
    return False


def _causative_is_experience(toks: list[Token], j: int) -> bool:
    """"I had a parent email me": the other person acts on the speaker."""
    n = len(toks)
    if j < n and toks[j].low in ("a", "an", "this", "one", "some"):
        return True                             # "I had a customer call in": it happened to me
    for k in range(j, min(n, j + 6)):
        if toks[k].low in L.BASE_VERBS and k + 1 < n and toks[k + 1].low in ("me", "us"):
            return True
    return False


def _causee_class(toks: list[Token], j: int) -> str | None:
    for k in range(j, min(len(toks), j + 4)):
        w = toks[k].low
        if w in L.PERSON_NOUNS:
            return "other"
        if w in L.TEAM_NOUNS:
            return "team"
    return None


def _by_agent(toks: list[Token], j: int) -> str | None:
    for k in range(j, min(len(toks), j + 4)):
        if toks[k].low == "by":
            for m in range(k + 1, min(len(toks), k + 6)):
                w = toks[m].low
                if w in L.TEAM_NOUNS or w in ("us",):
                    return "team"
                if w in L.PERSON_NOUNS or w.rstrip("s") in L.PERSON_NOUNS:
                    return "other"
            return None
    return None


EMBEDDING_KINDS = ("cognition", "speech", "feeling", "evaluative")


def _mark_embedded(toks: list[Token], clauses: list[Clause]) -> None:
    """A clause reported under "I think / she said / he was annoyed that" is not an action of its own.

    Embedding lasts until a coordinator ("and", "but", "so", "then") or a subordinator such as
    "when" or "because" opens a new clause of the speaker's own.
    """
    for idx in range(1, len(clauses)):
        prev, cur = clauses[idx - 1], clauses[idx]
        if not (prev.kind in EMBEDDING_KINDS or prev.embedded):
            continue
        if prev.kind == "speech" and prev.subject == "self" and not prev.embedded:
            continue  # what the candidate proposed or asked is still their contribution
        between = [t.low for t in toks[prev.verb_end:cur.start]]
        if any(w in ("and", "but", "so", "then", "because", "when", "while", "after", "before", "since",
                     "until", "once", "although", ";", "—", "if") for w in between):
            if not (prev.embedded and between and between[-1] == "that"):
                continue
        if len(between) > 8 or ("," in between and between[-1] != "that"):
            continue
        cur.embedded = True
