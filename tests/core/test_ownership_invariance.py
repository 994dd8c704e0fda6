"""The verdict is decided on content (LABELING.md), so writing the same answer differently must
not move it: re-punctuated, sentences merged or split, fillers inserted, punctuation removed.
Verdict unchanged and score within 0.3 (issue 9)."""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockinterview.core.analysis import analyze

sys.path.insert(0, str(Path(__file__).parent))
from transforms import TRANSFORMS  # noqa: E402

LABELLED = Path(__file__).resolve().parents[1] / "fixtures" / "labelled"

# Answers of every verdict, written for this test (not taken from any labelled file).
ANSWERS = [
    # individual, measured
    "Last spring our invoicing run kept failing at month end. I traced the failures to a timeout in the "
    "export job. I rewrote the job to send invoices in batches of fifty, and I added an alert for any batch "
    "that fails. The next three month-end runs finished without a single failure, and the run now takes "
    "forty minutes instead of four hours.",
    # individual, no measure
    "A customer called in furious because her order had been shipped to the wrong address twice. I "
    "apologised, checked the order history, and found that an old address was saved as the default. I "
    "corrected it, arranged a courier for the next morning, and called her back the day after to make sure "
    "it had arrived. She thanked me and stayed with us.",
    # mixed: own steps, but the key work is the team's
    "We were behind on the quarterly report. I collected the numbers from the regional offices. After that "
    "the team built the model, we wrote the summary together, and we presented it to the board. The board "
    "approved the budget.",
    # mixed: only helping
    "Our clinic moved to a new booking system last year. The practice manager chose the vendor and trained "
    "the reception staff. I helped with some of the testing. The switch went fine in the end.",
    # team only: a story told through we
    "So our team had a deadline for the product launch and we realised the checkout was too slow. We split "
    "the work, we rebuilt the payment flow, and we tested it over the weekend. We shipped it on time and "
    "conversions went up by 12%.",
    # team only: no story, habits and traits
    "I think I am a very good team player. I always try to listen to everyone and I like to keep things "
    "positive. People usually come to me when they need help, and I enjoy that a lot.",
    # individual with reported speech and a negation
    "My manager said, we need the supplier report by Friday. I didn't have the data myself, another team "
    "owned it, so I asked their lead for read access. I wrote the queries over two evenings, I built the "
    "report, and I sent it on Thursday. My manager used it in the supplier review.",
    # spoken style, individual
    "um so basically the warehouse kept losing returns and like nobody knew where they went so i set up a "
    "daily count of the returns bay and i labelled every shelf and then i trained the night shift on the "
    "new labels and after a month we were losing maybe two parcels a week instead of thirty",
]


def _same(a, b) -> bool:
    return a.ownership.verdict == b.ownership.verdict and abs(a.ownership.score - b.ownership.score) <= 0.3 + 1e-9


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(ANSWERS))), st.sampled_from(sorted(TRANSFORMS)), st.integers(0, 2**32))
def test_rewriting_an_answer_does_not_move_its_verdict(which, transform, seed):
    text = ANSWERS[which]
    changed = TRANSFORMS[transform](text, random.Random(seed))
    a, b = analyze(text), analyze(changed)
    assert _same(a, b), (f"{transform}: {a.ownership} → {b.ownership}\n{changed}")


def _labelled() -> list[dict]:
    recs = []
    for path in sorted(LABELLED.glob("answers-tuning-*.jsonl")):
        recs += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return recs


# Text with no punctuation at all is read differently by a parser (Whisper always punctuates, so
# this is the worst case, not the usual one): a lower floor for it.
FLOOR = {"no punctuation": 0.85}


@pytest.mark.parametrize("transform", sorted(TRANSFORMS))
def test_labelled_answers_keep_their_verdict_when_rewritten(transform):
    """On the labelled tuning answers: at least 95% keep verdict and score (85% without any
    punctuation); the rest are listed. This is a rate, not a certainty;
    benchmarks/analysis_accuracy.py --invariance prints it for every labelled file."""
    recs = _labelled()
    assert len(recs) >= 200, "the labelled tuning answers are part of the repository"
    moved = []
    for rec in recs:
        a = analyze(rec["text"])
        b = analyze(TRANSFORMS[transform](rec["text"], random.Random(rec["id"])))
        if not _same(a, b):
            moved.append(f"{rec['id']}: {a.ownership.verdict}/{a.ownership.score} → {b.ownership.verdict}/{b.ownership.score}")
    assert len(moved) <= (1 - FLOOR.get(transform, 0.95)) * len(recs), "\n".join(moved)
