"""Clauses of a sentence read from its dependency parse (spaCy), and who acts in each.

Every verb that heads a clause (the root, a coordinated verb, a complement, an adverbial or
relative clause) becomes a Clause with its subject found through the parse: its own nsubj, the
subject it shares with the verb it is coordinated with, the object of a verb of asking or making
("she asked me to call"), the antecedent of a relative pronoun ("I was the one who designed"),
the agent of a passive ("done by me"). A verb without a subject of its own (an infinitive, a
gerund, a coordinated verb) also inherits what frames the verb it hangs on: being reported
under someone's words, a habit or hypothetical, a thought or feeling ("I learned a lot from
watching him" is learning, not an act). The guide's decisions (LABELING.md) are then made on
those facts. Word lists (what counts as cognition, a person, a tool) are in lexicon.py.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from . import lexicon as L
from .clauses import Clause
from .tokens import Token

CLAUSAL = {"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "pcomp", "dep"}
SUBJ = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
NON_FINITE_DEPS = {"xcomp", "pcomp", "advcl", "acl"}
MODAL_HYPO = {"would", "could", "might", "should", "may", "must", "can", "will", "'ll", "shall", "wo", "ca"}
NOT_ACTION = ("cognition", "feeling", "state", "participation", "trait", "evaluative")
ASPECTUAL = {"start", "begin", "keep", "continue", "stop", "finish", "go", "resume", "spend", "manage",
             "decide", "choose", "offer", "volunteer", "rush", "hurry", "proceed", "bother", "stay", "sit", "end"}
GENERIC_WORDS = {"anyone", "anybody", "nobody", "people", "everyone", "everybody", "whoever", "someone",
                 "somebody"}
QUOTATIVE = re.compile(
    r"^\W*+(?:(?:so|and|then|but|um|uh|like)\W++)*+"
    r"(?P<who>(?:my|our|the|his|her|their|this|one|a|an)?\W*+[\w'’-]++(?:\W++[\w'’-]++)?)\W++"
    r"(?:(?:just|then|basically|kind of|sort of)\W+)?"
    r"(?:said|says|goes|went|was like|is like|were like|told me|told us|asked me|asked us|replied|answered|"
    r"wrote|texted|emailed|messaged)\s*[,:]",
    re.I)
# Possessive quantifiers (\W*+) keep the match linear: fillers are blanked to long runs of spaces,
# and a backtracking \W* over them was quadratic.
# A speaker correcting who did it: "I — well, we, but mostly I — did", "We, and specifically I, decided",
# "we — well, honestly, mostly me — rebuilt it". The last pronoun named is the one that counts.
_PRON = r"(?:I|we|me|us|my team|our team)"
_FILLER = r"(?:well|actually|I mean|but|and|or|sorry|honestly|really|mostly|mainly|largely|specifically|" \
          r"in fact|to be fair|let me say|as a team|myself|personally)"
CORRECTION = re.compile(
    rf"(?<![\w'’])(?P<pre>{_PRON}(?:[\s,—–-]++(?:{_FILLER}[\s,—–-]++){{0,4}}{_PRON}){{0,3}}?[\s,—–-]++"
    rf"(?:{_FILLER}[\s,—–-]++){{0,4}})"
    rf"(?P<last>{_PRON})(?P<post>(?:[\s,]*(?:as a team|myself|personally))?[\s,]*[—–-]+\s*|,\s+(?=[a-z]))", re.I)


# Fillers carry no grammar; left in, they move the parse ("I, um, rewrote it"). Blanked, same length.
_FILLERS = re.compile(r"(?<![\w'’])(?:u+m+|u+h+|uhm|erm|er|hmm+|mm+)(?![\w'’-])[,.]?|"
                      r"(?<![\w'’])(?:you know|I mean|like|so|well|basically)\s*,(?=\s)", re.I)


# A comma splice ("I asked for two days, I pulled every trial") read as a full stop: the parser
# otherwise chains such clauses as complements of one another, and one "she said" early on would
# then swallow the rest of a run-on answer. After a verb of saying the comma stays (a quotation).
_SPLICE = re.compile(r"(?<!\bsaid)(?<!\bsays)(?<!\bgoes)(?<!\bwent)(?<!\blike)(?<!\basked)(?<!\btold me)"
                     r"(?<!\btold us)(?<!\bthought)(?<!\bwondered)(?<!\bwrote)(?<!\breplied)(?<!\banswered)"
                     r",(?=\s+(?:and |so |but |then )?(?:I|we|he|she|they|my|our|his|her|their)\s+(?!and\b|or\b))")


# Where a quotation without quotation marks gives way to the story again: "and then I…".
_NARRATION_RESUMES = re.compile(r",\s+(?:and\s+)?then\s+(?:I|we)\b")


# "And" opening a sentence before its subject ("…twice. And I apologised, checked the history"): the
# parser otherwise hangs the clause on the next verb and loses the subject of the verbs after it.
_OPENING_AND = re.compile(r"(?:(?<=[.!?]\s)|(?<=^))(?:and|but)(?=\s+(?:I|we|he|she|they)\b)", re.I)


# Words after which a subject pronoun does not start a new clause ("because I", "that we", "said I").
_NO_BREAK = frozenset(
    "and but or so then because that if when while what which who whom whose where how why whether than once "
    "unless although though since after before until as like said says told thought think knew know felt feel "
    "guess mean believe hope wish realised realized noticed figured saw see heard the a an my our your his her "
    "their its this these those to of in on at for with from by about into over under through between after "
    "is was were are be been am do did does have has had will would could should can might must may 's 're 'm "
    "not no even just also only really actually basically honestly um uh er like you know i we he she they me "
    "us him them it".split())
_RUN_ON_WORDS = 30
_LAST_WORD = re.compile(r"[\w'’]+(?=[^\w'’]*$)")
_NEXT_WORD = re.compile(r"\s*([\w'’]+)")


def _break_run_ons(text: str) -> str:
    """A long stretch with (almost) no punctuation, as speech recognisers sometimes write: a full
    stop before each subject pronoun that starts a new clause ("…for two days I pulled…"), so the
    parser reads clauses instead of one tangle. Same length: the space becomes the full stop."""
    from .sentences import split_sentences
    chars = list(text)
    for a, b in split_sentences(text):
        part = text[a:b]
        words = part.split()
        if len(words) < _RUN_ON_WORDS or part.count(",") + part.count(";") > len(words) / 15:
            continue
        for m in re.finditer(r"(?<=[\w'’]) (I|we|he|she|they)(?= [a-z'’])", part):
            # only the words next to the pronoun are looked at, so long stretches stay linear
            prev = _LAST_WORD.search(part, max(0, m.start() - 40), m.start())
            if not prev or prev.group().lower() in _NO_BREAK:
                continue
            after = _NEXT_WORD.match(part, m.end())
            nxt = after.group(1).lower() if after else ""
            if nxt in ("and", "or", "who", "that", "which", "all", "both"):
                continue
            at = a + m.start()
            chars[at] = "."
            chars[at + 1] = chars[at + 1].upper()
    return "".join(chars)


def prepare(text: str) -> str:
    """The text as the parser reads it best, same length (offsets stay valid): a lowercase "i"
    written by a speech recogniser becomes "I"; fillers are blanked; a comma splice becomes a full
    stop; a self-correction keeps only its last pronoun."""
    text = re.sub(r"(?<![\w'’])i(?=['’\s,.!?;:]|$)", "I", text)
    text = _FILLERS.sub(lambda m: " " * len(m.group()), text)
    text = _SPLICE.sub(".", text)
    text = _OPENING_AND.sub(lambda m: " " * len(m.group()), text)
    text = _break_run_ons(text)
    def keep_last(m: re.Match) -> str:
        last = m.group("last")
        if last.lower() == "me":
            last = "I "
        elif last.lower() == "us":
            last = "we"
        return " " * len(m.group("pre")) + last + " " * len(m.group("post"))
    return CORRECTION.sub(keep_last, text)


def read_answer(doc, spans: list[tuple[int, int]], sent_tokens: list[list[Token]]) -> list[list[Clause]]:
    """Clauses of every sentence of an answer. doc: the spaCy Doc of the whole answer (prepare()d),
    parsed as one piece so that the clauses found do not depend on where the speaker (or the
    speech recogniser) put full stops; spans: the answer's sentences as it punctuates them, to which
    each clause is given by where its verb is; sent_tokens: their tokens (tokens.py)."""
    starts = [a for a, _ in spans]
    quotes = []
    text = doc.text             # built anew from the tokens at each access: once per answer, not per sentence
    for a, b in spans:
        m = QUOTATIVE.match(text[a:b])
        if m and not {"i", "me", "we", "us"} & set(re.findall(r"[\w'’]+", m.group("who").lower())):
            # "He goes, …": what follows is his words, up to the next clause prepare() cut off (a
            # comma splice: "My manager said, we need it by Friday, I didn't have the data")
            begin = a + m.end()
            stop = text.find(".", begin, b)
            stop = stop if stop > 0 else b
            opening = re.match(r"\s*([\"“‘'])", text[begin:stop])
            if opening:                                # "…said, "I need someone on site," so I drove"
                close = text.find("”" if opening.group(1) == "“" else "’" if opening.group(1) == "‘"
                                  else opening.group(1), begin + opening.end(), b)
                stop = close if close > 0 else stop
            else:
                back = _NARRATION_RESUMES.search(text, begin, stop)
                stop = back.start() if back else stop  # "She said, leave it with me, and then I worked…"
            quotes.append((begin, stop))
    reader = _Reader(doc, quotes, starts)
    out: list[list[Clause]] = [[] for _ in spans]
    token_starts: dict[int, list[int]] = {}        # per sentence, made once (a long sentence stays linear)
    for v in doc:
        if not reader.is_predicate(v):
            continue
        f = reader.facts(v)
        if f.skip:
            continue
        si = bisect_right(starts, v.idx) - 1
        if si < 0 or not (spans[si][0] <= v.idx < spans[si][1]):
            continue
        toks = sent_tokens[si]
        if not toks:
            continue                                   # no word of ours there (stray symbols the parser tagged)
        tstarts = token_starts.get(si)
        if tstarts is None:
            tstarts = token_starts[si] = [t.start for t in toks]

        def tok_index(sp_tok) -> int:
            i = bisect_right(tstarts, sp_tok.idx) - 1
            return max(0, min(i, len(toks) - 1))
        start_tok = f.subj_tok if f.subj_tok is not None and f.subj_tok.i < v.i and \
            f.subj_tok.idx >= spans[si][0] else f.first
        out[si].append(Clause(f.subject, f.lemma, f.kind, f.passive, f.habitual or f.hypothetical, f.framing,
                              f.embedded, tok_index(start_tok), tok_index(f.first), tok_index(f.last) + 1,
                              f.by_agent, f.negated, f.hypothetical, f.background))
    for si, (a, b) in enumerate(spans):
        fragment = _fragment_verb(doc, a, b, sent_tokens[si], out[si])
        if fragment is not None:
            out[si].append(fragment)
    for clauses in out:
        clauses.sort(key=lambda c: (c.start, c.verb_start))
    return out


def _fragment_verb(doc, a: int, b: int, toks: list[Token], clauses: list[Clause]) -> Clause | None:
    """A résumé fragment the parser read as a noun phrase ("Led onboarding redesign for 30 clients.",
    "Reduced time-to-value from 60 days to 25."): a sentence that opens with a past-tense verb
    form and has no clause of its own there. The guide's passive: an action, its agent unsaid."""
    words = [i for i, t in enumerate(toks) if t.is_word and t.low not in L.DISCOURSE and t.low != "also"]
    if not words or len(toks) < 3:
        return None
    if any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.dep_ == "ROOT"
           for t in doc.char_span(a, b, alignment_mode="expand") or ()):
        return None                                    # "Missed extensions went from one a week to zero"
                                                       # (but "Rerouting trailers when the hub flooded")
    k = words[0]
    first = toks[k]
    if not first.text[:1].isupper() or any(c.verb_start <= k < c.verb_end for c in clauses):
        return None
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    tok = span[0]
    if tok.tag_ not in ("VBN", "VBD", "VBG", "JJ", "NNP", "NN") or tok.dep_ not in ("amod", "compound", "ROOT", "nmod"):
        return None
    low = first.low
    past = low in L.IRREGULAR_PAST or (low.endswith("ed") and low not in L.NOT_PAST_ED)
    doing = tok.tag_ == "VBG" and low.endswith("ing")   # a bullet line: "- Building shift plans for…"
    if not (past or doing) or low in L.EMOTION_ADJECTIVES | L.ADJECTIVAL_PARTICIPLES:
        return None
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or not (nxt.is_word or nxt.is_number) or nxt.low in ("by", "was", "were", "is", "are"):
        return None                                    # "Reduced staffing was the problem"
    lem = lemma(tok)
    kind = "lead" if lem in L.LEAD_VERBS else "weak" if lem in L.WEAK_VERBS else "action"
    return Clause("none", lem, kind, True, False, False, False, k, k, k + 1, None, False, False, False)


@dataclass
class _Facts:
    subject: str
    subj_tok: object
    lemma: str
    kind: str
    passive: bool
    habitual: bool
    framing: bool
    embedded: bool
    negated: bool
    by_agent: str | None
    first: object
    last: object
    skip: bool = False
    hypothetical: bool = False
    background: bool = False


def _moved_object(v) -> bool:
    """"got the department to agree", "got the build into the pipeline", "got the parcels out": the
    object is made to act or moved, though the parser hung the complement on the object or read the
    infinitive as a clause of its own. A bare object ("got a promotion") is still received."""
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if _has_child(v, ("dative",)):
        return True                                    # "I got him a phone call to his sister"
    if any(c.dep_ == "advcl" and c.i > obj.i and _has_child(c, ("aux",), ("to",)) for c in v.children):
        return True
    return any(c.dep_ in ("prt", "prep") and c.lower_ in _MOVED_TO for c in obj.children)


# Where a moved object goes; not "to" or "in" ("a promotion to senior nurse", "an offer in writing").
_MOVED_TO = frozenset(("into", "onto", "out", "back", "across", "off", "together"))


def lemma(v) -> str:
    if v.lower_ in L.IRREGULAR_PAST:
        return L.IRREGULAR_PAST[v.lower_]
    lem = (v.lemma_ or v.lower_).lower()
    low = v.lower_
    if low.endswith(("ed", "es")) and lem not in L.KNOWN_VERBS and low[:-1] in L.KNOWN_VERBS:
        return low[:-1]                                # the tagger's lemma of "hated" is "hat"
    return lem


def _has_child(v, deps, words=None) -> bool:
    return any(c.dep_ in deps and (words is None or c.lower_ in words) for c in v.children)


class _Reader:
    def __init__(self, doc, quotes: list[tuple[int, int]] = (), starts: list[int] = ()):
        self.doc = doc
        self.memo: dict[int, _Facts] = {}
        self.quotes = list(quotes)
        self.starts = list(starts)              # where the answer's own sentences begin (characters)
        self._token_starts: list[int] | None = None
        self._past: bool | None = None
        self._story: bool | None = None

    def opens_sentence(self, v) -> bool:
        """Whether v comes first in its sentence as the answer punctuates it (after fillers and
        discourse words), or in the parser's sentence when no spans were given."""
        if not self.starts:
            return _opens_sentence(v)
        a = self.starts[max(0, bisect_right(self.starts, v.idx) - 1)]
        if self._token_starts is None:
            self._token_starts = [t.idx for t in self.doc]
        first = bisect_left(self._token_starts, a)
        for t in self.doc[first:v.i + 1]:          # only the tokens between, so long answers stay linear
            if t.i == v.i:
                return True
            if t.is_punct or t.is_space or t.lower_ in L.DISCOURSE or t.lower_ in L.FILLER_WORDS or \
                    t.tag_ in ("UH", "RB", "CC"):
                continue
            return False
        return False

    # -- which tokens head clauses --------------------------------------------------------------------
    def is_predicate(self, v) -> bool:
        if v.tag_ in ("JJ", "VBN") and v.dep_ in ("ROOT", "conj", "ccomp") and _has_child(v, SUBJ) and \
                v.lower_ in L.EMOTION_ADJECTIVES | L.ADJECTIVAL_PARTICIPLES:
            return True                            # "the guest was annoyed that…": a response or a state
        if not v.tag_.startswith("VB") or v.dep_ not in CLAUSAL:
            return False
        if v.i + 1 < len(self.doc) and self.doc[v.i + 1].text in ("-", "–") and self.doc[v.i + 1].whitespace_ == "":
            return False                           # "read-only", "follow-up"
        if v.tag_ == "VB" and v.dep_ == "conj" and not _has_child(v, ("aux", "mark", "nsubj")) \
                and v.head.tag_ == "VBN" and _passive(v.head):
            return False                           # "I was given two weeks and read access": not a verb
        if v.tag_ == "VBN" and v.dep_ == "advcl" and _has_child(v, ("mark",), ("as",)) and not _has_child(v, SUBJ):
            return False                           # "as planned", "as expected": no act
        if v.tag_ in ("VBN", "VBG") and v.dep_ in ("acl", "amod") and not self._reduced_main_verb(v) \
                and not _has_child(v, ("dobj", "prep", "agent", "prt", "advcl", "xcomp")):
            return False                           # "the marked spots", "a growing list"
        return True

    def _reduced_main_verb(self, v) -> bool:
        """"a customer called in because…": the tagger took a past tense for a participle."""
        head = v.head
        return (v.dep_ == "acl" and v.i == head.i + 1 and head.dep_ in SUBJ | {"ROOT"} and v.tag_ == "VBN"
                and (v.lower_.endswith("ed") or v.lower_ in L.IRREGULAR_PAST) and not _has_child(v, ("agent",))
                and _np_class(head) in ("self", "team", "other"))

    # -- the facts of one clause ------------------------------------------------------------------------
    def facts(self, v) -> _Facts:
        if v.i in self.memo:
            return self.memo[v.i]
        self.memo[v.i] = _Facts("none", None, lemma(v), "state", False, False, False, False, False, None, v, v,
                                skip=True)                     # guards against cycles in odd parses
        f = self._facts(v)
        self.memo[v.i] = f
        return f

    def _facts(self, v) -> _Facts:
        lem = lemma(v)
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        aux_words = [a.lower_ for a in auxes]
        negated = _has_child(v, ("neg",)) or _has_child(v, ("advmod", "neg"), ("never",))
        passive = _passive(v) and lem != "be" and v.lower_ not in L.ADJECTIVAL_PARTICIPLES and \
            not ("'s" in aux_words and _has_child(v, ("dobj",)))          # "it's handled campaigns": has
        subj_tok, subject, source = self.subject(v)
        if subj_tok is not None and subj_tok.lower_ in ("none", "nobody", "neither") or \
                subj_tok is not None and any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subj_tok.children):
            negated = True                             # "none of us had used Tableau"
        giver = self._giver(v, lem)
        if giver is not None:                          # "we got really good feedback from our professor"
            subj_tok, subject, source = giver, _np_class(giver), None
        if subject in ("none", "thing") and v.tag_ == "VBG" and any(t.lower_ == "myself" or (
                t.lower_ == "own" and t.head.lower_ in ("on", "time")) for t in v.subtree):
            subject = "self"                           # "…going through the tutorials on my own"
        if subject == "thing" and subj_tok is not None and subj_tok.tag_ in ("NN", "NNS", "NNP", "NNPS", "CD") and \
                lem in L.ANIMATE_VERBS and lemma(subj_tok) not in L.TOOL_NOUNS | L.WORK_NOUNS | L.DOCUMENT_NOUNS \
                and subj_tok.lower_ not in L.METRIC_ACRONYMS:
            subject = "other"                          # "the trustees asked me to…": only people ask
        if subject.startswith("work-"):                # "my analysis showed": the speaker, through their work
            subject = subject[5:] if lem in L.SHOWING_VERBS else "thing"
        kind = self.kind(v, lem, subject)
        if giver is not None:
            kind = "action"
        if lem in L.EVALUATIVE_VERBS:
            kind = "evaluative" if subject not in ("self",) else (
                "feeling" if lem == "agree" and not (_has_child(v, ("prep",), ("with", "on")) and
                                                     any(c.dep_ in ("ccomp", "xcomp") for c in v.children)
                                                     or _has_child(v, ("xcomp",))) else kind)
        nominal = self._nominalised(v, lem, subj_tok, subject)
        if nominal:
            passive = True                             # "a root-cause review found…", "it meant a lot of coordination"
        habitual = self.habitual(v, aux_words, subject)
        hypothetical = _hypothetical(v, aux_words, subject)
        framing = _framing(v, lem) and not (lem in L.WANT_VERBS and subject in ("team", "other"))
        if lem in L.WANT_VERBS and subject in ("team", "other"):
            kind = "feeling"                           # a team's or someone's want counts (the guide)
        embedded = self.embedded(v) or any(a <= v.idx < b for a, b in self.quotes)
        if embedded and self._after_quote(v):
            embedded = False                           # '…said, "I need someone on site," so I drove out'
        if subj_tok is not None and subj_tok.lower_ in ("me", "us") and v.dep_ in ("ccomp", "xcomp") and \
                self.subject(v.head)[1] not in ("self", "team"):
            embedded = True                            # "it really helped me grow": done to me, by it
        if source is not None and source.dep_ == "csubj" and v.tag_ == "VB":
            # a pseudo-cleft takes its time from the clause naming it: "What I did was call" is
            # past and mine, "What I do differently is go to legal" a habit, "what I'd do" hypothetical
            sup = self.facts(source)
            habitual = habitual or sup.hypothetical or _present_form(source) or \
                any(a.lower_ in MODAL_HYPO | {"'d"} for a in source.children if a.dep_ == "aux")
            hypothetical = hypothetical or sup.hypothetical
        elif source is not None and v.dep_ in NON_FINITE_DEPS | {"conj"}:
            up = self.facts(source)
            embedded = embedded or up.embedded
            if not auxes or v.dep_ != "conj":
                habitual = habitual or up.habitual
                hypothetical = hypothetical or up.hypothetical
            purpose_with = v.dep_ == "advcl" and _has_child(v, ("aux",), ("to",)) and \
                _has_child(source, ("prep",), ("with",))
            if v.dep_ != "conj" and up.kind in NOT_ACTION and lemma(source) not in ASPECTUAL and kind != "speech" \
                    and not purpose_with:
                kind = up.kind                         # "I learned a lot from watching him": still learning
            if v.dep_ == "conj" and not _has_child(v, SUBJ) and up.kind in ("feeling", "cognition") and \
                    source.dep_ == "xcomp" and self.facts(source).kind == self.facts(source.head).kind:
                kind = up.kind                         # "I tried to stay positive and not take it personally"
            if v.dep_ != "conj" and up.framing and subject == up.subject:
                framing = True                         # "I was responsible for rolling it out"
            if v.dep_ == "conj" and up.negated and not negated and not _has_child(v, ("nsubj",)) \
                    and v.tag_ == "VB":
                negated = True                         # "I didn't write or test it"
        if v.dep_ == "conj" and v.tag_ == "VBG" and not _has_child(v, SUBJ) and v.head.tag_.startswith("VB") \
                and _framing(v.head, lemma(v.head)):
            framing = True                             # "I was responsible for coordination and ensuring…"
        if source is None and subject != "self" and v.dep_ in ("ccomp", "xcomp", "advcl", "conj", "relcl"):
            head = self._clause_head(v) if v.dep_ != "conj" else v.head
            if head is not None and head.i != v.i and head.tag_.startswith("VB"):
                up = self.facts(head)
                if up.hypothetical or up.habitual and up.subject == "self":
                    hypothetical = True                # "I always try to make every customer feel…",
                                                       # "I'd make sure they knew", "…as they got on"
        if _under(v, ("pcomp",), ("instead", "rather", "without")) or self._alternative(v):
            negated = True                             # "instead of just saying no"
        if v.dep_ in ("xcomp", "ccomp") and subject == "self" and lemma(v.head) in L.WEAK_VERBS and \
                kind in ("action", "lead") and self.subject(v.head)[1] == "self":
            kind = "weak"                              # "I helped set up some tablets": still a helping role
        if _wh_infinitive(v):
            kind = "state"                             # "how to exclude outliers": a question, not an act
        by_agent = None
        if passive:
            agent = next((c for c in v.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                by_agent = _np_class(pobj)
                by_agent = by_agent[5:] if by_agent.startswith("work-") else by_agent
                if by_agent not in ("self", "team", "other"):
                    by_agent = None
            if by_agent is None and subject == "none" and v.dep_ in ("acl", "amod"):
                return self._skip(v)                   # "the report written last week": a noun's modifier
        if subject == "none" and not passive:
            if v.dep_ == "ROOT" and (v.tag_ in ("VBD", "VBG") or _past_as_base(v) or v.tag_ == "VBN" and (
                    _has_child(v, ("dobj",)) or v.lower_.endswith("ed") and (
                        _has_child(v, ("prep",)) or any(c.dep_ == "conj" and c.tag_ in ("VBD", "VBN") for c in v.children))
                    and v.lower_ not in L.ADJECTIVAL_PARTICIPLES | L.EMOTION_ADJECTIVES)) \
                    and kind in ("action", "lead", "weak", "participation") and self.opens_sentence(v) \
                    and not v.sent.text.rstrip().endswith("?"):
                passive = True                         # a résumé fragment: "Held a 3-day workshop."
                if any(t.lower_ == "myself" for t in v.subtree):
                    passive, subject = False, "self"   # "Cross-trained three mechanics myself"
            elif v.dep_ in ("advcl", "pcomp", "xcomp", "acl") and v.tag_ == "VBG":
                subject = "thing"                      # a dangling gerund takes no agent of its own
        first = min([v] + auxes + [c for c in v.children if c.dep_ == "neg"], key=lambda t: t.i)
        prt = next((c for c in v.children if c.dep_ == "prt" and c.i == v.i + 1), None)
        if negated and subject in ("self", "team") and (
                _has_child(v, ("advmod", "neg"), ("never",)) and any(a in ("have", "had", "'d", "'ve", "has") for a in aux_words)
                or any(a in ("have", "'ve", "has") for a in aux_words)
                or v.tag_ == "VBN" and "had" in aux_words and subj_tok is not None and subj_tok.lower_ in ("none", "nobody")):
            kind = "state"                             # "I'd never run paid search before", "I haven't looked at",
                                                       # "none of us had used Tableau": no experience yet
        if subject == "self" and v.tag_ == "VBN" and any(a in ("had", "'d") for a in aux_words) and \
                _has_child(v, ("advmod",), ("only", "ever", "always")) and "would" not in aux_words:
            kind = "state"                             # "I'd only done plain JavaScript at bootcamp": experience
        if passive and any(a in ("get", "got", "gets", "getting") for a in aux_words) and \
                v.lower_ in L.EXPERIENCE_PARTICIPLES:
            passive, kind = False, "state"             # "we got hit with a late fee": it happened to us
        background = (v.tag_ == "VBG" and any(a in ("was", "were") for a in aux_words)) or \
            (v.tag_ == "VBN" and any(a in ("had", "'d") for a in aux_words) and "would" not in aux_words)
        if subject == "self" and background and v.tag_ == "VBG" and kind == "action" and self._opening(v):
            kind = "state"                             # "So I was doing a boiler swap for this lady…": the scene
        return _Facts(subject, subj_tok, lem, kind, passive, habitual, framing, embedded, negated, by_agent,
                      first, prt if prt is not None else v, hypothetical=hypothetical, background=background)

    def _nominalised(self, v, lem: str, subj_tok, subject: str) -> bool:
        """An action named by a noun that hides who did it (the guide's passive)."""
        if subject != "thing" or subj_tok is None:
            return False
        if lemma(subj_tok) in L.ACTION_NOUNS and lem in L.SHOWING_VERBS | L.DISCOVERY:
            return True                                # "a root-cause review found that…"
        if subj_tok.lower_ in ("it", "this", "that") and lem in ("mean", "involve", "require", "take"):
            return any(c.dep_ in ("dobj", "xcomp") and (c.tag_ == "VBG" or c.lower_.endswith(("tion", "ment", "ing")))
                       for c in v.children)            # "this meant splitting up the tasks"
        return False

    def _giver(self, v, lem: str):
        if lem == "come" and self.doc[v.i].dep_ != "xcomp":
            for c in v.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None and _np_class(pobj) in ("other", "team"):
                        return pobj                    # "it came from our VP"
            return None
        if lem not in ("get", "receive", "have"):
            return None
        def response(c) -> bool:
            if lemma(c) in L.RESPONSE_NOUNS:
                return True                            # "a couple of shout-outs": the nouns after "of"
            return lemma(c) in L.QUANTIFIER_HEADS and any(
                g.dep_ == "prep" and g.lower_ == "of" and any(lemma(p) in L.RESPONSE_NOUNS for p in g.children)
                for g in c.children)
        if not any(c.dep_ == "dobj" and response(c) for c in v.children):
            return None
        for c in v.subtree:
            if c.dep_ == "prep" and c.lower_ == "from":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and _np_class(pobj) in ("other", "team"):
                    return pobj
        return None

    def _skip(self, v) -> _Facts:
        return _Facts("none", None, lemma(v), "state", False, False, False, False, False, None, v, v, skip=True)

    def _alternative(self, v) -> bool:
        """"rather than arguing", "instead of escalating": an act that did not happen."""
        for c in v.children:
            if c.dep_ in ("mark", "cc", "prep", "advmod") and c.lower_ in ("instead", "rather"):
                return True
        return False

    # -- subjects ---------------------------------------------------------------------------------------
    def subject(self, v, depth: int = 0):
        """(token, class, source verb) of who does v. class: self | team | other | thing | generic |
        none (or work-self / work-team for "my analysis"); source: the verb it was inherited from."""
        if depth > 8:
            return None, "none", None
        subs = [c for c in v.children if c.dep_ in SUBJ]
        if subs:
            classes = [_np_class(s) for s in subs]
            if "self" in classes and len(subs) > 1:   # "we, but mostly I, did"
                return subs[classes.index("self")], "self", None
            if "team" in classes and len(subs) > 1:   # "My head of department and I sat down" (parsed apart)
                return subs[classes.index("team")], "team", None
            if "other" in classes and len(subs) > 1 and classes[0] == "thing":
                return subs[classes.index("other")], "other", None   # "my predecessor Dana did" (parsed apart)
            tok = subs[0]
            if tok.lower_ in ("who", "that", "which") and v.dep_ == "relcl":
                return tok, _antecedent(v), None
            if tok.lower_ in ("who", "that") and v.dep_ == "ccomp" and lemma(v.head) == "be":
                focus = next((c for c in v.head.children if c.dep_ == "attr" and c.i < v.i), None)
                if focus is not None:
                    return focus, _np_class(focus), None   # "It was me who caught it": a cleft
            return tok, classes[0], None
        cleft = next((c for c in v.children if c.dep_ in ("csubj", "csubjpass") and c.tag_.startswith("VB")), None)
        if cleft is not None and v.tag_ == "VB":
            tok, cls, _ = self.subject(cleft, depth + 1)   # "What I did was call the client": I called
            return tok, cls, cleft
        expl = next((c for c in v.children if c.dep_ == "expl"), None)
        if expl is not None:
            return expl, "thing", None
        if v.dep_ in ("ccomp", "parataxis", "dep") and v.tag_ in ("VBD", "VBZ") and v.i > v.head.i \
                and v.head.tag_.startswith("VB") and not _has_child(v, ("mark", "aux", "auxpass")):
            tok, cls, _ = self.subject(v.head, depth + 1)
            return tok, cls, v.head                    # "I apologised checked the history": a list without commas
        if v.dep_ == "conj":
            k = v.i - 1
            while k > 0 and self.doc[k].dep_ in ("advmod",) and self.doc[k].head is v:
                k -= 1
            before = self.doc[k] if k >= 0 else None
            if before is not None and before.tag_ in ("NN", "NNS", "NNP", "NNPS") and before.head is not v \
                    and before.dep_ in ("conj", "pobj", "compound", "dobj", "appos"):
                return before, _np_class(before), None   # "… and housekeeping had three people call out"
            tok, cls, _ = self.subject(v.head, depth + 1)
            return tok, cls, v.head
        if v.dep_ == "xcomp" and v.tag_ == "VB" and lemma(v.head) == "be":
            cleft = next((c for c in v.head.children if c.dep_ == "csubj" and c.tag_.startswith("VB")), None)
            if cleft is not None:
                tok, cls, _ = self.subject(cleft, depth + 1)   # "What I did was call the client"
                return tok, cls, cleft
        if v.dep_ == "xcomp":
            head = v.head
            obj = next((c for c in head.children if c.dep_ in ("dobj", "obj", "dative")), None)
            if obj is not None and lemma(head) in L.OBJECT_CONTROL:
                return obj, _np_class(obj), head
            tok, cls, _ = self.subject(head, depth + 1)
            return tok, cls, head
        if v.dep_ in ("advcl", "pcomp") and v.tag_ in ("VB", "VBG", "VBN") and not _has_child(v, ("nsubj",)):
            head = v.head if v.dep_ == "advcl" else v.head.head
            tok, cls, _ = self.subject(head, depth + 1)
            return tok, cls, head
        if v.dep_ == "relcl":
            return v.head, _antecedent(v), None
        if v.dep_ in ("acl", "amod"):
            return v.head, _np_class(v.head), None
        return None, "none", None

    # -- what kind of verb ----------------------------------------------------------------------------
    def kind(self, v, lem: str, subject: str) -> str:
        kids = list(v.children)
        if v.lower_ in L.EMOTION_ADJECTIVES | L.ADJECTIVAL_PARTICIPLES and (
                v.tag_ == "JJ" or _has_child(v, ("auxpass", "aux"), ("was", "were", "is", "are", "got", "get", "gets",
                                                                     "been", "be", "'s", "'re", "am", "'m"))):
            if v.lower_ in L.EMOTION_ADJECTIVES and v.lower_ not in L.STATE_EMOTIONS:
                return "evaluative"                # "the client was thrilled"
            return "state"                         # "we got stuck", "she was stressed"
        if v.dep_ in ("acl", "relcl") and _has_child(v, ("aux",), ("to",)):
            return "state"                             # "a good group to work with"
        objs = [c for c in kids if c.dep_ in ("dobj", "obj", "attr")]
        obj_lemmas = {lemma(o) for o in objs}
        xcomp = next((c for c in kids if c.dep_ == "xcomp"), None)
        if lem in L.EFFORT_VERBS and xcomp is not None:
            inner = lemma(xcomp)
            if inner in L.COGNITION | L.FEELING | L.EMPATHY_TARGETS | L.STATE_LEMMAS | L.PERCEPTION:
                return "feeling"                       # "I tried to see it from his side"
        to_verb = xcomp if xcomp is not None else next(
            (c for c in kids if c.dep_ == "advcl" and _has_child(c, ("aux",), ("to",)) and c.i > v.i), None)
        if lem in ASPECTUAL and xcomp is not None and lemma(xcomp) in L.COGNITION | L.PERCEPTION | L.FEELING:
            return "cognition"                         # "I kept noticing patients still on IV"
        if lem in ("come", "grow", "get", "begin", "start", "learn") and to_verb is not None and \
                lemma(to_verb) in L.COGNITION | L.FEELING | L.PERCEPTION:
            return "cognition"                         # "I came to see / appreciate / understand"
        if lem == "make" and obj_lemmas & {"effort", "point", "attempt"}:
            return "feeling"                           # "I made a real effort not to take it personally"
        if lem == "take" and obj_lemmas & {"care", "pride"}:
            return "feeling"                           # "I took care to get a full picture"
        if lem == "do" and objs and all(o.lower_ in ("that", "this", "it", "what", "so") for o in objs) and \
                not any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in kids) and \
                (v.dep_ in ("relcl", "ccomp", "csubj") or any(o.lower_ in ("that", "this") for o in objs)):
            return "state"                             # "here's what I did", "Yes, I did that at my last job":
                                                       # the act is named elsewhere, if at all
        if lem == "do" and v.dep_ == "csubj" and obj_lemmas & {"what"}:
            return "state"                             # "What I did was…": the act is what follows
        if lem == "do" and obj_lemmas & {"best"}:
            return "feeling"
        if lem == "play" and obj_lemmas & {"part", "role"} or v.dep_ == "relcl" and lem == "play" and \
                lemma(v.head) in ("part", "role"):
            return "participation"                     # "the part I played"
        if lem == "find" and (_has_child(v, ("oprd", "acomp", "xcomp")) and any(c.dep_ == "dobj" for c in kids)
                              or any(c.dep_ == "ccomp" and not c.tag_.startswith("VB") for c in kids)):
            return "cognition"                         # "I found it a really valuable experience"
        if lem in ("have", "get") and subject in ("self", "team") and (
                any(c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VBN" and _has_child(c, ("nsubj", "nsubjpass"))
                    for c in kids)
                or any(c.dep_ == "dobj" and any(g.dep_ == "acl" and g.tag_ == "VBN" and g.i == c.i + 1
                                                for g in c.children) for c in kids)):
            return "action"                            # "I had the house restaged, got new photos taken"
        if lem == "do" and obj_lemmas & {"part", "bit", "share"}:
            return "participation"                     # "I just did my part": no act named
        if lem == "give" and any(t.lower_ == "benefit" for t in v.subtree):
            return "feeling"                           # "I gave him the benefit of the doubt"
        if lem in ("show", "demonstrate", "display", "exhibit", "use", "bring", "take") and obj_lemmas & L.TRAIT_NOUNS \
                and xcomp is None:
            return "trait"                             # "I showed initiative": an echo of the question
        if lem in ("forget", "fail", "neglect", "omit") and xcomp is not None:
            return "action"                            # an owned omission (the guide's self): "I forgot to order"
        if lem == "run" and _has_child(v, ("prt", "prep", "advmod"), ("out", "into")):
            return "state"                             # "we ran out of the lamb", "we ran into a wall": it happened to us
        if lem == "miss" and obj_lemmas & L.SHORTFALLS:
            return "action"                            # "I missed my sales target": an owned shortfall, not longing
        if lem in L.LEAD_VERBS:
            return "lead"
        if lem == "find" and _has_child(v, ("prt",), ("out",)):
            return "cognition"                         # "we found out the system kept names": learning of it
        if lem in L.DISCOVERY and subject in ("self", "team", "work-self", "work-team"):
            return "action"                            # "I found forty broken links while auditing"
        if lem in L.COGNITION or lem in L.PERCEPTION:
            return "cognition"
        if lem in L.BODILY and not _has_child(v, ("dobj",)):
            return "feeling"                           # "I was shaking", "I cried in the car": it happened to me
        if lem in L.FEELING:
            return "feeling"
        if lem in L.SPEECH_LEMMAS:
            return "speech"
        if lem in L.WEAK_VERBS:
            return "weak"
        if lem in L.PARTICIPATION:
            if lem == "work" and (_has_child(v, ("prep",), ("through",)) or _has_child(v, ("prt",), ("out",))):
                return "action"                        # "worked through the night", "worked out a plan"
            return "participation"
        if lem == "look" and _has_child(v, ("prep", "prt"), ("at", "into", "over", "through", "up")):
            return "action"                            # "we looked at every fall", not "it looked good"
        if lem == "get" and any(c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBN" and c.i > v.i for c in kids) \
                and not any(c.dep_ in ("dobj",) for c in kids):
            return "state"                             # "we got asked to…": the asking is the clause
        if lem == "end" and _has_child(v, ("prt",), ("up",)):
            return "state"                             # "he ended up doing fine": an outcome
        if lem == "leave" and not _has_child(v, ("dobj",)):
            return "state"                             # "before he left"
        if lem in ("start", "join") and any(c.dep_ == "prep" and c.lower_ in ("at", "with", "in", "on")
                                           for c in kids) and not _has_child(v, ("dobj", "xcomp")):
            return "participation"                     # "when I started at my current company"
        if v.dep_ in ("acl", "relcl") and _has_child(v, ("aux",), ("to",)):
            return "state"                             # "a good group to work with"
        if lem == "keep" and _has_child(v, ("acomp", "oprd")) and not _has_child(v, ("dobj",)):
            return "state"                             # "I kept calm"
        if lem in L.STATE_LEMMAS:
            if lem == "have" and self._causative(v):
                if subject == "self" and _has_child(v, ("aux",), ("'ve", "have", "has")):
                    return "state"                     # "I've had buyers shout at me": an experience
                return "action" if not self._done_to_me(v) else "state"
            if lem == "get" and (xcomp is not None or _has_child(v, ("prt", "ccomp", "advmod", "oprd"))
                                 or (_has_child(v, ("dobj",)) and _has_child(v, ("prep",), L.DIRECTIONS))
                                 or _moved_object(v)):
                return "action"                        # "got the vendor to agree", "got both foremen together"
            if lem == "be" and any(c.dep_ == "acomp" and (c.lower_ in L.EMOTION_ADJECTIVES or
                                                          lemma(c) in L.EMOTION_ADJECTIVES) and
                                   c.lower_ not in L.STATE_EMOTIONS and lemma(c) not in L.STATE_EMOTIONS for c in kids):
                return "evaluative"                    # "the client was thrilled" (but "he was confused": a state)
            return "state"
        if lem in L.CHANGE_VERBS and (subject in ("thing", "none", "generic", "work-self", "work-team") or (
                subject == "other" and not _has_child(v, ("prt",), ("in", "by", "off", "over", "back"))
                and (_measured(v) or any(c.dep_ in SUBJ and c.lower_ in ("they", "them") for c in kids)))):
            return "state"                             # "sales went up 60%", "they'd dropped": an outcome
        if lem in L.CHANGE_VERBS - {"go", "come", "hit", "reach", "double", "triple"} and subject in ("self", "team") \
                and not _has_child(v, ("dobj", "obj")):
            return "state"                             # "I grew as a researcher", "we improved": a development
        return "action"

    def _causative(self, v) -> bool:
        """"I had our designer mock up both versions": a bare verb whose subject is the causee."""
        return any(c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VB" and c.i > v.i and _has_child(c, ("nsubj",))
                   and not _has_child(c, ("aux",)) and not any(g.tag_.startswith("W") for g in c.children)
                   for c in v.children)

    def _done_to_me(self, v) -> bool:
        """"I had a parent email me": it happened to the speaker."""
        for c in v.children:
            if c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VB":
                if any(g.dep_ in ("dobj", "dative") and g.lower_ in ("me", "us") for g in c.children):
                    return True
                subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if subj is not None and any(d.lower_ in ("a", "an", "this", "one", "some") for d in subj.children):
                    return True                        # "I had a customer call in"
        return False

    # -- habits, hypotheticals, embedding ----------------------------------------------------------------
    def habitual(self, v, aux_words: list[str], subject: str) -> bool:
        """Hypothetical, future, generic or repeated: not an action inside the story."""
        if any(a in MODAL_HYPO for a in aux_words):
            return True
        if v.lower_ == "used" and any(c.dep_ == "xcomp" and _has_child(c, ("aux",), ("to",)) for c in v.children):
            return True                                # "I used to go for a run every morning"
        if subject == "team" and not aux_words and _present_form(v) and \
                _has_child(v, ("advmod", "npadvmod"), ("now", "nowadays", "today")):
            return True                                # "We now test every package before sign-off": the new routine
        if "'d" in aux_words and v.tag_ == "VB":
            return True                                # "I'd usually…" (but "I'd finished" is past)
        if _has_child(v, ("advmod", "npadvmod"), L.HABITUAL_MARKERS):
            return True
        if _has_child(v, ("mark",), ("if", "unless", "whenever", "whether")):
            return True
        if subject in ("self", "generic") and not aux_words and (_present_form(v) or (
                v.tag_ == "VB" and _has_child(v, ("nsubj",)) and v.lower_ not in L.IRREGULAR_PAST)):
            # present simple: "I pick which fights matter"; but a story told in the present ("so I go
            # to the manager and I tell her…") is narration: a chain of present-tense acts
            return not (subject == "self" and self._narrated(v))
        if subject in ("self", "generic") and aux_words and all(a in ("do", "does") for a in aux_words) \
                and v.tag_ == "VB":
            return True                                # "now I don't book a pour until…"
        if subject == "self" and v.tag_ == "VBG" and any(a in ("am", "'m") for a in aux_words):
            return True                                # "I'm working on…": not inside the story
        if subject == "self" and v.dep_ == "relcl" and v.tag_ == "VBN" and \
                any(a in ("have", "'ve", "has") for a in aux_words):
            return True                                # "one of the less glamorous things I've done"
        if subject == "self" and _career_span(v):
            return True                                # "I taught maths for eight years": a biography
        if subject in ("self", "team") and v.tag_ == "VBN" and any(a in ("have", "'ve", "has") for a in aux_words):
            words = {t.lower_ for c in v.children if c.dep_ in ("dobj", "prep", "advmod", "npadvmod")
                     for t in c.subtree}
            if words & {"plenty", "many", "lots", "lot", "always", "often", "before", "countless", "dozens",
                        "hundreds", "ever", "numerous", "several", "range", "variety", "career", "years", "every",
                        "now"}:
                return True                            # "I've dealt with conflict before"
        if v.dep_ == "csubj" or (v.dep_ in ("relcl", "ccomp") and _has_child(v, ("dobj", "nsubj"), ("what",))
                                 and v.head.dep_ == "ROOT" and lemma(v.head) == "be"):
            return True                                # "What I took from it is…", "what I'd do differently"
        return False

    def _narrated(self, v) -> bool:
        """A present-tense verb in a chain of the speaker's present-tense acts ("I make them a cup of
        tea and I sit them down and I say…"), with nothing marking a habit."""
        root = v
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        chain = [root] + [t for t in root.subtree if t.dep_ == "conj" and t.tag_.startswith("VB")]
        present = [t for t in chain if t.tag_ in ("VBP", "VBZ") and not _has_child(t, ("aux",))
                   and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in t.children)]
        marked = any(_has_child(t, ("advmod", "npadvmod"), L.HABITUAL_MARKERS | {"every", "now", "never"})
                     or _has_child(t, ("mark",), ("if", "when", "whenever", "before", "until"))
                     or any(c.lower_ in ("every", "each") for c in t.subtree if c.dep_ == "det")
                     for t in chain)
        if marked or not present:
            return False
        # and something that tells a story: "so…", "that afternoon", a line of speech ("and I say, look…")
        sent = root.sent
        first = next((t for t in sent if not (t.is_punct or t.is_space or t.lower_ in L.FILLER_WORDS)), None)
        told = first is not None and first.lower_ in ("so", "then", "and")
        timed = any(t.lower_ in ("that", "one") and t.i + 1 < len(t.doc) and
                    t.doc[t.i + 1].lower_ in ("afternoon", "morning", "evening", "night", "day", "week", "time")
                    for t in sent)
        speech = any(lemma(t) in ("say", "ask", "tell", "go", "ring", "call") for t in present)
        if self._present_story():
            return True
        if len(present) >= 2:
            return told or timed or speech
        # one present-tense act, in a story told in the past elsewhere ("This was in my first garage…
        # Then I tell the boss myself, straight away"): narration when the sentence places it in time
        placed = first is not None and first.lower_ in ("then", "after", "afterwards") or timed or any(
            t.lower_ in ("straight", "right") and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "away"
            or t.lower_ == "then" and t.dep_ == "advmod" for t in sent)
        return placed and self._told_in_past()

    def _present_story(self) -> bool:
        """The answer tells one story in the present tense ("So this guy comes in and he goes, … so
        I say…"): several unmarked present-tense acts of the speaker's, and something that fixes
        the story to one occasion (this guy, that night, one time, a line of present-tense speech)."""
        if self._story is None:
            doc = self.doc
            acts = [t for t in doc if t.tag_ in ("VBP", "VBZ") and _present_form(t) and not _has_child(t, ("aux",))
                    and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in t.children)
                    and not _has_child(t, ("advmod", "npadvmod"), L.HABITUAL_MARKERS | {"every", "now", "never"})
                    and not _has_child(t, ("mark",), ("if", "when", "whenever", "unless"))]
            occasion = False
            for t in doc[:-1]:
                nxt = doc[t.i + 1].lower_
                if t.lower_ == "this" and nxt in L.STORY_PEOPLE or \
                        t.lower_ in ("that", "one") and nxt in ("night", "day", "morning", "afternoon", "evening", "time",
                                                                "weekend", "shift") or \
                        t.lower_ in ("goes", "says") and _has_child(t, ("nsubj",)) and nxt in (",", ":", "'", '"', "“", "‘"):
                    occasion = True
                    break
            self._story = len(acts) >= 2 and occasion
        return self._story

    def _opening(self, v) -> bool:
        """v is in the answer's first sentence, where a story sets its scene."""
        return len(self.starts) > 1 and v.idx < self.starts[1]

    def _told_in_past(self) -> bool:
        """The answer tells its story in the past somewhere (a past-tense verb with a subject)."""
        if self._past is None:
            self._past = any(t.tag_ == "VBD" and _has_child(t, SUBJ) for t in self.doc)
        return self._past

    def _after_quote(self, v) -> bool:
        """v is outside a quotation in its own sentence: the quoting verb itself ("He goes, I already
        told the VP…", which the parser hangs on the quoted verb) or what comes after the quotation
        ends (the parser still hangs it on "said")."""
        if not self.starts:
            return False
        start = self.starts[max(0, bisect_right(self.starts, v.idx) - 1)]
        return any(start <= a and (b <= v.idx or v.idx < a) for a, b in self.quotes)

    def embedded(self, v) -> bool:
        """Reported under someone else's words, orders, thoughts or feelings ("my manager said I…",
        "she had me refund it", "he was annoyed that I…"), or under the speaker's own thoughts ("I
        noticed that we were…"); not under the speaker's own words ("I told them we'd ship"). A
        clause that hangs on an embedded clause is embedded too."""
        if v.dep_ == "ROOT":
            return False
        head = self._clause_head(v)
        if head is None:
            return False
        if self._reports(v, head):
            return True
        return self.facts(head).embedded if head.i != v.i else False

    def _clause_head(self, v):
        """The verb of the clause v hangs on (through prepositions and nouns), if any."""
        h = v.head
        for _ in range(8):
            if h.i == v.i or h.dep_ == "ROOT" and not h.tag_.startswith("VB") and not (
                    h.tag_.startswith("JJ") or h.lower_ in L.EMOTION_ADJECTIVES):
                return h if h.tag_.startswith("VB") else None
            if h.tag_.startswith("VB") and self.is_predicate(h) or h.lower_ in L.EMOTION_ADJECTIVES:
                return h
            if h.head.i == h.i:
                return h if h.tag_.startswith("VB") else None
            h = h.head
        return None

    def _reports(self, v, head) -> bool:
        """Whether v is the content of head's report, order, thought or feeling."""
        if v.dep_ == "relcl" and v.head.dep_ in ("dobj", "obj") and v.head.head.i == head.i and \
                lemma(head) in L.COGNITION | L.PERCEPTION and lemma(head) not in L.DISCOVERY:
            return True                                # "I realised the wheels we published didn't…"
        if v.dep_ not in ("ccomp", "xcomp", "advcl", "pcomp", "dep", "conj"):
            return False
        if v.dep_ == "conj":
            return False
        head_lemma = lemma(head)
        if head.lower_ in L.EMOTION_ADJECTIVES or head_lemma in L.EMOTION_ADJECTIVES:
            return v.dep_ != "conj"                # "the guest was annoyed that I had seated him"
        if v.dep_ == "advcl" and not (_has_child(v, ("mark",), ("that", "like", "if", "as")) and
                                      head_lemma in L.FEELING | L.COGNITION | L.PERCEPTION):
            if _passive(head) and _has_child(v, ("aux",), ("to",)):
                return True                        # "a team was brought in to do a count"
            return False
        if v.dep_ == "ccomp" and v.i < head.i and head_lemma not in L.SPEECH_LEMMAS:
            return False                           # "Our team responded fast, everyone knew their role"
        if _passive(head) and v.dep_ in ("xcomp", "advcl", "pcomp"):
            return True                            # "I was asked to help", "I was tasked with leading"
        _, head_subj, _ = self.subject(head)
        if head_lemma in L.SPEECH_LEMMAS or head_lemma in L.DIRECTIVE:
            if head_subj == "self":
                return False                       # what the candidate said or asked is theirs
            if head_lemma in L.SPEECH_LEMMAS and head_subj in ("other", "team", "generic", "thing", "none"):
                return True
            return self._directed(v, head)
        if head_lemma in L.COGNITION | L.PERCEPTION | L.FEELING:
            return not (head_lemma in L.DISCOVERY and head_subj in ("self", "team"))
        if head_lemma == "be" and _has_child(head, ("acomp",), L.EMOTION_ADJECTIVES | {"glad", "sure", "aware", "clear"}):
            return True
        return False

    def _directed(self, h, head) -> bool:
        """Whether h is done on someone's orders: "had me refund", "asked me to call", "made us redo"."""
        if lemma(head) == "have" and h.tag_ == "VB" and _has_child(h, ("nsubj",)):
            return True                                # "had me take his entrée off the bill"
        if h.dep_ == "xcomp" and _has_child(head, ("dobj", "dative")):
            return True
        if _passive(head) and h.dep_ == "xcomp":
            return True                                # "I was asked to help": the guide's passive
        return False


# -- helpers ----------------------------------------------------------------------------------------------

def _passive(v) -> bool:
    if v.tag_ == "VBN" and v.dep_ in ("xcomp", "ccomp") and lemma(v.head) == "get" and v.head.i < v.i \
            and not any(c.dep_ in ("dobj", "nsubj") for c in v.head.children):
        return True                                    # "our team got asked to build", "we got told"
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in v.children):
        return v.tag_ == "VBN" or v.tag_ not in ("VB", "VBG", "VBP", "VBZ", "VBD")   # "what I do is go": no passive
    return v.tag_ == "VBN" and v.dep_ == "conj" and _passive(v.head) and \
        not any(c.dep_ in ("aux", "nsubj") for c in v.children)


def _hypothetical(v, aux_words: list[str], subject: str) -> bool:
    """Not something that happened: a future, a possibility, a condition, a counterfactual, or a
    generic present of others ("people ask", "customers use")."""
    if any(a in ("will", "'ll", "shall", "might", "may", "could", "should", "must", "can", "wo", "ca")
           for a in aux_words):
        return True
    if any(a in ("would", "'d") for a in aux_words) and (v.tag_ == "VBN" and "have" in aux_words or
                                                        _has_child(v, ("aux",), ("have",))):
        return True                                # "we'd have missed the launch"
    if _has_child(v, ("mark",), ("if", "unless", "whether")):
        return True
    subj = next((c for c in v.children if c.dep_ in SUBJ), None)
    generic = subj is not None and (subj.lower_ in GENERIC_WORDS or subj.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in subj.children)
        or any(c.dep_ == "det" and c.lower_ in ("every", "each", "any") or c.dep_ == "poss" and c.lower_ == "your"
               for c in subj.children))               # "every new user sees", "what your customers use"
    if generic and (not aux_words and _present_form(v) or _has_child(v, ("mark",), ("whenever",))):
        return True                                # "people ask", "whenever someone picked up"
    return False


_SPAN_UNITS = {"year", "years", "decade", "decades"}


def _career_span(v) -> bool:
    """A stretch of a career, not a step in a story: "for eight years", "twelve years in the army",
    "all through university", "throughout my degree"."""
    for c in v.children:
        if (c.dep_ == "npadvmod" or c.dep_ == "dobj" and lemma(v) in ("spend", "serve", "do")) and \
                c.lower_ in _SPAN_UNITS and any(g.dep_ == "nummod" for g in c.children):
            return True                                # not "I pulled five years of claims"
        if c.dep_ == "prep" and c.lower_ == "for" and any(
                g.lower_ in _SPAN_UNITS and any(n.dep_ == "nummod" or n.lower_ in ("many", "several") for n in g.children)
                for g in c.children):
            return True
        if c.dep_ == "prep" and (c.lower_ == "throughout" or c.lower_ == "through" and _has_child(c, ("predet", "advmod"), ("all",))
                                 or c.lower_ == "through" and c.i > 0 and c.doc[c.i - 1].lower_ == "all"):
            return True
    return False


def _measured(v) -> bool:
    return any(t.like_num or t.lower_ in ("percent", "%", "half", "double") for t in v.subtree if t.i > v.i)


def _opens_sentence(v) -> bool:
    """Whether the verb comes first in its sentence (after fillers and discourse words)."""
    for t in v.sent:
        if t.i == v.i:
            return True
        if t.is_punct or t.lower_ in L.DISCOURSE or t.lower_ in L.FILLER_WORDS or t.tag_ in ("UH", "RB", "CC"):
            continue
        return False
    return False


def _present_form(v) -> bool:
    """Present simple, judged by the word itself as well as the tag (the tagger takes "rewrote"
    for a present); forms that are the same in the past ("put", "read") count as past unless
    "now" or the like says otherwise."""
    if v.tag_ not in ("VBP", "VBZ"):
        return False
    w = v.lower_
    if w.endswith("ed") or w in L.IRREGULAR_PAST and L.IRREGULAR_PAST[w] != w:
        return False
    if w in L.IRREGULAR_PAST:
        return _has_child(v, ("advmod", "npadvmod"), ("now", "nowadays", "today", "always", "usually"))
    return True


def _wh_infinitive(v) -> bool:
    return _has_child(v, ("aux",), ("to",)) and any(c.lower_ in ("how", "what", "whether", "where", "when", "which")
                                                    and c.i < v.i for c in v.children)


def _under(v, deps, words) -> bool:
    """v is a pcomp of a preposition preceded by one of words ("instead of", "rather than", "without")."""
    if v.dep_ not in deps:
        return False
    prep = v.head
    if prep.lower_ in words:
        return True
    return any(c.lower_ in words for c in prep.children) or (prep.i > 0 and prep.doc[prep.i - 1].lower_ in words)


def _framing(v, lem: str) -> bool:
    """A goal or duty rather than an act: "I had to / needed to / was supposed to / wanted to"."""
    if lem in ("have", "need", "want", "hope", "plan", "mean", "expect", "wish", "aim", "intend", "got") and \
            any(c.dep_ == "xcomp" and _has_child(c, ("aux",), ("to",)) for c in v.children):
        return True
    if lem == "be" and _has_child(v, ("acomp", "attr"), ("responsible", "supposed", "expected", "accountable",
                                                         "tasked", "charge")):
        return True
    if lem == "be" and any(c.dep_ == "prep" and c.lower_ == "in" and _has_child(c, ("pobj",), ("charge",))
                           for c in v.children):
        return True
    if v.dep_ == "xcomp" and lemma(v.head) in ("have", "need", "want", "hope", "plan", "mean", "expect", "wish",
                                               "aim", "intend", "supposed", "responsible"):
        return True
    return False


def _past_as_base(v) -> bool:
    """"Cut the average appointment from 55 to 30 minutes.", "Also set up a daily count": a verb whose
    past is its base form, read as an order by the parser; with an object and a measure or particle
    it is a résumé line (an order would not say "from 55 to 30"), not advice ("Don't wait…")."""
    if v.tag_ != "VB" or v.lower_ not in L.SAME_FORM_PAST or _has_child(v, ("neg", "aux")) or \
            any(t.lower_ in ("you", "your", "yourself") for t in v.subtree):
        return False
    return _has_child(v, ("dobj",)) and (_has_child(v, ("prt",)) or any(
        t.like_num for c in v.children if c.dep_ == "prep" for t in c.subtree))


def _antecedent(v) -> str:
    """The class of the noun a relative clause hangs on; "I was the one who…" is the speaker."""
    head = v.head
    if head.lower_ in ("one", "person", "guy", "only") and head.dep_ in ("attr", "acomp"):
        cop_subj = next((c for c in head.head.children if c.dep_ in SUBJ), None)
        if cop_subj is not None:
            return _np_class(cop_subj)
    return _np_class(head)


def _np_class(tok) -> str:
    """Who a noun phrase headed by tok is, for the guide: self, team, other, thing or generic
    (work-self / work-team: the speaker's or the team's work, "my analysis")."""
    low = tok.lower_
    if low in ("i", "me", "myself"):
        if _has_child(tok, ("conj",)):
            return "team"
        doc = tok.doc
        if tok.i >= 2 and doc[tok.i - 1].lower_ == "and" and tok.dep_ in SUBJ:
            before = doc[tok.i - 2]
            while before.dep_ == "pobj" and before.head.dep_ == "prep" and before.head.head.i < before.i:
                before = before.head.head              # "My head of department and I"
            if before.tag_ in ("NN", "NNS", "NNP", "NNPS", "CD") and (before.dep_ in SUBJ or before.dep_ in ("ROOT", "appos")):
                return "team"                          # "Two classmates and I chose…", "The other two and I met"
        return "self"
    if low in ("we", "us", "ourselves", "everyone", "everybody"):
        return "team"
    if low in ("you", "yourself") or (low == "one" and not _has_child(tok, ("prep",), ("of",))):
        return "generic"
    if low in ("anyone", "anybody", "nobody", "whoever"):
        return "generic"                               # not an identifiable agent
    if low in ("he", "she", "they", "him", "her", "them", "someone", "somebody", "people", "others",
               "himself", "herself", "themselves"):
        return "other"
    if low in ("it", "this", "that", "which", "there", "what", "everything", "nothing", "something", "anything",
               "itself", "these", "those"):
        return "thing"
    if any(t.dep_ == "conj" and t.lower_ in ("i", "me", "myself") and t.head.dep_ not in ("pobj", "dobj")
           for t in tok.subtree if t.i > tok.i):
        return "team"                                  # "my manager and I", "Sarah and I": a joint subject
    lem = lemma(tok)
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if low in L.QUANTIFIER_HEADS:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            inner = _np_class(pobj)
            if pobj.lower_ in ("us", "we"):
                return "team"                          # "a couple of us", "none of us", "two of us"
            return inner
    if low in L.TEAM_NOUNS or lem in L.TEAM_NOUNS:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and low not in ("team", "department", "committee"):
            return "team" if pobj.lower_ in ("us", "we") else _np_class(pobj)   # "a group of parents"
        if poss is not None:
            return "team" if poss.lower_ in ("my", "our") else "other"   # "our support team"; "their team"
        if _has_child(tok, ("det", "amod", "predet"), ("another", "other", "different", "every", "each", "this",
                                                       "that", "one", "both", "some")):
            return "other"                             # "every team thought", "a group of parents"
        if _has_child(tok, ("compound", "amod")):
            return "other"                             # "the rapid response team", "the customer success team"
        return "team" if lem in L.OWN_GROUP_NOUNS else "other"   # "the team", but "the committee"
    if lem in L.WORK_NOUNS and poss is not None and poss.lower_ in ("my", "our"):
        return "work-self" if poss.lower_ == "my" else "work-team"
    if lem in L.TOOL_NOUNS or low in L.TOOL_NOUNS or low in L.METRIC_ACRONYMS:
        return "thing"
    if lem in L.PERSON_NOUNS or low in L.PERSON_NOUNS:
        return "other"
    if lem in L.COMPOUND_BODIES and _has_child(tok, ("compound",)) and not any(
            lemma(c) in L.TOOL_NOUNS for c in tok.children if c.dep_ == "compound"):
        return "other"                                 # "the fire service", "the transportation office"
    if tok.tag_ in ("NNP", "NNPS") and tok.text[:1].isupper():
        return "other"                                 # a name: "Priya reviewed the code"
    if tok.text.isupper() and 1 < len(tok.text) <= 4:
        return "other"                                 # a role or a body: "the GC", "HR", "the VP"
    return "thing"
