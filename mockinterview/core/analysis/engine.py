"""analyze(): transcript text (and optional word times) → Analysis."""
from __future__ import annotations

import os
from collections.abc import Sequence

from ..textinput import has_words
from . import nlp
from .agent import sentence_agent
from .clauses import Clause, find_clauses
from .deps import prepare, read_answer
from .delivery import measure
from .highlights import find_highlights
from .language import looks_english
from .align import mostly_doubtful, word_spans
from .model import Analysis, Sentence, StarCoverage, Word
from .ownership import judge
from .quantity import is_quantified, outcome_metrics
from .sentences import split_sentences
from .star import label_star
from .tips import make_tips
from .tokens import tokenize

# Bump when a change can alter results, so stored analyses can be redone.
ENGINE_VERSION = "parser-2"


def warm_up() -> None:
    """Load the parser before the first answer (about 0.6 s; the window does it in a worker)."""
    if CLAUSE_READER == "parser":
        nlp.load()


# Which clause reader: the dependency parse (spaCy) or the older token rules; kept switchable so
# benchmarks/analysis_accuracy.py can compare them on the same protocol.
CLAUSE_READER = os.environ.get("MOCKINTERVIEW_CLAUSES", "parser")


def _clauses(text: str, spans, sent_tokens) -> list[list[Clause]]:
    if CLAUSE_READER != "parser":
        return [find_clauses(toks) for toks in sent_tokens]
    return read_answer(_parse(prepare(text)), spans, sent_tokens)


# Longer than any sentence a person says (about 100 words): only a run with no end is cut.
MAX_PARSED_RUN = 150


def _parse(text: str):
    """The parse of the whole answer. A line break is a sentence boundary the parser is told about
    (typed answers with bullet lines: "…team.\n- Forecasting daily volumes…" is otherwise read as
    one sentence whose verbs become noun modifiers); full stops are left to the parser, so spoken
    answers parse the same wherever the recogniser put them. A stretch with no end (a stuck
    recogniser, a pasted log) is cut after MAX_PARSED_RUN tokens at a comma or dash (anywhere after
    twice that): one sentence of
    thousands of words gives heads with thousands of dependents, and reading it turns quadratic."""
    pipeline = nlp.load()
    doc = pipeline.make_doc(text)
    run = 0
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        run = 0 if before.text in (".", "!", "?") else run + 1
        if not tok.is_space and "\n" in before.text_with_ws and not tok.is_punct or \
                tok.i > 1 and before.is_punct and "\n" in doc[tok.i - 2].text_with_ws:
            tok.is_sent_start = True               # a new line, or the bullet that opens it
            run = 0
        elif run >= MAX_PARSED_RUN and before.text in (",", ";", "—", "–", "-", ":") and not tok.is_punct \
                or run >= 2 * MAX_PARSED_RUN and not tok.is_punct:
            tok.is_sent_start = True
            run = 0
    for _, component in pipeline.pipeline:
        doc = component(doc)
    return doc


def parse_answer(text: str):
    """The dependency parse the analysis reads an answer from (spaCy Doc; offsets are the text's own)."""
    return _parse(prepare(text))


class EmptyAnswer(ValueError):
    """Raised for an answer with nothing to analyse."""


def analyze(text: str, words: Sequence[Word] | None = None, duration_s: float | None = None) -> Analysis:
    """Analyse an answer; words (with times) and the audio's duration come from a transcription."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    if not has_words(text):           # empty, or only spaces, zero-width characters, symbols or emoji
        raise EmptyAnswer("nothing to analyse")
    spans = split_sentences(text)
    sent_tokens = [tokenize(text[a:b], offset=a) for a, b in spans]
    clause_lists = _clauses(text, spans, sent_tokens)
    agents, reasons = [], []
    for toks, clauses in zip(sent_tokens, clause_lists):
        agent, reason = sentence_agent(toks, clauses)
        agents.append(agent)
        reasons.append(reason)
    texts = [text[a:b] for a, b in spans]
    # whether a sentence reads as a measured outcome is one of the facts its STAR part is read from
    outcome_like = [is_quantified(t, toks, "result") for t, toks in zip(texts, sent_tokens)]
    stars = label_star(texts, clause_lists, agents, outcome_like)
    sentences = [
        Sentence(a, b, t, ag, st, is_quantified(t, toks, st), reason=r)
        for (a, b), t, ag, st, toks, r in zip(spans, texts, agents, stars, sent_tokens, reasons)
    ]
    all_tokens = [t for toks in sent_tokens for t in toks]
    highlights = []
    for toks, clauses in zip(sent_tokens, clause_lists):
        highlights.extend(find_highlights(toks, clauses))
    highlights.sort(key=lambda h: (h.start, h.end))
    word_count = sum(1 for t in all_tokens if t.is_word or t.is_number) - sum(
        1 for t in all_tokens if t.text.startswith(("'", "’")) or (t.low == "not" and t.text.lower() in ("n't", "n’t")))
    delivery = measure(word_count, highlights, words)
    clause_starts = [[toks[c.verb_start].start if toks else 0 for c in clauses]
                     for toks, clauses in zip(sent_tokens, clause_lists)]
    ownership = judge(clause_lists, clause_starts, outcome_metrics(text, all_tokens))
    star = StarCoverage(
        situation=any(s.star == "situation" for s in sentences),
        task=any(s.star == "task" for s in sentences),
        action=any(s.star == "action" for s in sentences),
        result=any(s.star == "result" for s in sentences),
        result_quantified=any(s.quantified for s in sentences),
        action_share=round(sum(s.star == "action" for s in sentences) / len(sentences), 2),
    )
    spans = word_spans(text, words) if words else []     # once: sentence times and doubtful words
    _attach_times(sentences, spans)
    english = looks_english(all_tokens)
    warnings = [] if english else ["This answer does not look like English; the analysis is built for English and may be wrong."]
    tips = make_tips(text, sentences, sent_tokens, clause_lists, highlights, ownership.verdict,
                     star.result, star.result_quantified, delivery.fillers_per_100_words,
                     doubtful=lambda a, b: mostly_doubtful(spans, a, b), has_task=star.task,
                     delivery=delivery)
    return Analysis(text, sentences, highlights, ownership, delivery, star, tips,
                    language="en" if english else "unknown",
                    duration_s=duration_s if duration_s is not None else delivery.duration_s,
                    engine_version=ENGINE_VERSION, warnings=warnings)


def _attach_times(sentences: list[Sentence], spans) -> None:
    """Give each sentence the time of its first and last word (spans: align.word_spans, in text order)."""
    k = 0
    for s in sentences:
        while k < len(spans) and spans[k].start < s.start:
            k += 1
        first = k
        while k < len(spans) and spans[k].start < s.end:
            k += 1
        if k > first:
            s.t_start, s.t_end = spans[first].word.start, spans[k - 1].word.end
