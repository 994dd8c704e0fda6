import json

import pytest

from mockinterview.core.analysis import SCHEMA, EmptyAnswer, Word, analyze
from mockinterview.core.analysis.sentences import split_sentences

INDIVIDUAL = (
    "So our support queue kept getting tickets about a broken export. I tagged every ticket about it for "
    "three weeks so we had a real count. Then I took the count to the engineering manager and I brought "
    "two emails from customers who wanted to cancel. He agreed to move it up. Export tickets dropped by 90% "
    "the following month."
)
TEAM = (
    "So I was on the platform team when we moved our builds to a new system. We went service by service "
    "and rewrote each one. We ran office hours for the other teams. The migration was finished early. "
    "I think we did a great job."
)
GENERIC = ("Um, in general, if I had a conflict with a coworker I would usually try to talk to them privately. "
           "I think communication is really the key.")


def test_sentence_split_keeps_abbreviations_and_offsets():
    text = "We got it to them around 9 p.m. They signed on Friday. Revenue rose 4.5% too!  Done"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "We got it to them around 9 p.m.", "They signed on Friday.", "Revenue rose 4.5% too!", "Done"]


def test_semicolons_do_not_split():
    assert len(split_sentences("We'd planned for it; we brought in temps.")) == 1


def test_individual_answer():
    a = analyze(INDIVIDUAL)
    assert a.ownership.verdict == "individual"
    assert a.ownership.score >= 4.5          # own actions and a measured result
    assert a.star.result_quantified
    assert a.ownership.self_actions >= 2


def test_team_only_answer():
    a = analyze(TEAM)
    assert a.ownership.verdict == "team_only"
    assert a.ownership.self_actions == 0
    assert 1.0 <= a.ownership.score < 3.0
    assert any(s.agent == "passive" for s in a.sentences)


def test_generic_answer_scores_lowest():
    a = analyze(GENERIC)
    assert a.ownership.verdict == "team_only"
    assert a.ownership.score == 1.0
    assert analyze(TEAM).ownership.score > a.ownership.score


def test_mixed_answer():
    text = ("We pulled in our security team that afternoon. I rewrote the pricing section myself. "
            "Then we all stayed on a call going through the questionnaire. We sent it that night. "
            "We fixed the open issues and we presented it together.")
    a = analyze(text)
    assert a.ownership.verdict == "mixed"
    assert 2.0 <= a.ownership.score <= 3.5


def test_sentences_have_valid_spans_and_reasons():
    a = analyze(INDIVIDUAL)
    for s in a.sentences:
        assert a.text[s.start:s.end] == s.text
        assert s.reason
    assert a.sentences[1].agent == "self"
    assert '"I tagged"' in a.sentences[1].reason


def test_highlights_cover_i_we_passive_metric_filler_hedge():
    text = ("Um, so we basically rebuilt the report, you know. I wrote the queries myself. "
            "It was approved by Friday. I think errors dropped by 30%, like, maybe more.")
    a = analyze(text)
    kinds = {(h.kind, text[h.start:h.end]) for h in a.highlights}
    assert ("filler", "Um") in kinds
    assert ("filler", "you know") in kinds
    assert ("filler", "basically") in kinds
    assert ("self", "I wrote") in kinds
    assert ("team", "we basically rebuilt") in kinds
    assert ("passive", "was approved") in kinds
    assert ("hedge", "I think") in kinds
    assert ("hedge", "maybe") in kinds
    assert ("metric", "30%") in kinds
    assert ("filler", "like") in kinds
    for h in a.highlights:
        assert 0 <= h.start < h.end <= len(text)


def test_like_as_a_verb_is_not_a_filler():
    a = analyze("I like structured problems and I would like to lead one.")
    assert not [h for h in a.highlights if h.kind == "filler"]


def test_delivery_without_and_with_word_times():
    text = "I fixed the build. Then I shipped it."
    a = analyze(text)
    assert a.delivery.words == 8
    assert a.delivery.wpm is None and a.delivery.long_pauses is None
    words = [Word("I", 0.0, 0.2), Word("fixed", 0.2, 0.6), Word("the", 0.6, 0.7), Word("build.", 0.7, 1.0),
             Word("Then", 3.5, 3.8), Word("I", 3.8, 3.9), Word("shipped", 3.9, 4.4), Word("it.", 4.4, 4.8)]
    a = analyze(text, words)
    assert a.delivery.long_pauses == 1
    assert a.duration_s == pytest.approx(4.8)
    assert a.delivery.wpm == pytest.approx(8 / 4.8 * 60, rel=0.01)
    assert a.sentences[1].t_start == pytest.approx(3.5)
    assert a.sentences[0].t_end == pytest.approx(1.0)


def test_fillers_per_100_words():
    a = analyze("Um, I fixed it, uh, yesterday and um shipped it.")
    assert a.delivery.fillers_per_100_words == pytest.approx(30.0)  # 3 fillers in 10 words


def test_tips_quote_the_users_words():
    a = analyze(TEAM)
    assert 1 <= len(a.tips) <= 3
    assert any('"we moved our builds' in t or '"We went' in t for t in a.tips), a.tips
    assert '"' in a.tips[0]                       # the biggest gap, ownership, names the user's words


def test_tips_ask_for_a_number_when_the_result_is_unmeasured():
    a = analyze("Our manager asked for a new rota. I interviewed every nurse on the ward and I drafted three "
                "options. I ran a vote and I rolled out the winner. People stopped complaining about it.")
    assert a.ownership.verdict == "individual"
    assert any("number" in t for t in a.tips), a.tips


def test_same_input_same_result():
    assert analyze(INDIVIDUAL) == analyze(INDIVIDUAL)


def test_empty_answer_raises():
    for text in ("", "   \n\t "):
        with pytest.raises(EmptyAnswer):
            analyze(text)


def test_non_english_is_flagged_not_crashing():
    a = analyze("Ich habe das Projekt geleitet und die Fehlerquote um dreißig Prozent gesenkt. Danach "
                "wurde ich befördert.")
    assert a.language == "unknown"
    assert a.warnings
    b = analyze("我负责这个项目。我们按时完成了。")
    assert b.language == "unknown"


def test_json_contract():
    d = analyze(INDIVIDUAL).to_json_dict("answer.txt")
    json.dumps(d)
    assert d["schema"] == SCHEMA
    assert set(d) >= {"schema", "source", "text", "duration_s", "sentences", "highlights", "ownership",
                      "delivery", "star", "tips"}
    assert set(d["ownership"]) == {"verdict", "score", "self_actions", "team_actions"}
    assert set(d["delivery"]) == {"words", "wpm", "fillers_per_100_words", "hedges", "long_pauses"}
    assert set(d["star"]) >= {"situation", "task", "action", "result", "result_quantified"}
    assert 0.0 <= d["star"]["action_share"] <= 1.0
    for s in d["sentences"]:
        assert d["text"][s["start"]:s["end"]] == s["text"]
        assert s["agent"] in ("self", "team", "other", "passive", "none")
    for h in d["highlights"]:
        assert h["kind"] in ("self", "team", "passive", "hedge", "filler", "metric")


def test_and_i_after_an_object_starts_a_new_clause_not_a_joint_subject():
    text = "I showed her the charts and I suggested a pilot. I pulled every trial from last year and I built a model."
    a = analyze(text)
    assert [s.agent for s in a.sentences] == ["self", "self"]
    selfs = [text[h.start:h.end] for h in a.highlights if h.kind == "self"]
    assert selfs == ["I showed", "I suggested", "I pulled", "I built"]
    assert analyze("My manager and I rewrote the plan.").sentences[0].agent == "team"


def test_tips_never_quote_words_that_may_be_mis_heard():
    from mockinterview.core.analysis import Word
    from mockinterview.core.analysis.align import mostly_doubtful, word_spans
    text = "We rebuilt the pipeline over the summer. It went live in May."
    sure = [Word(w, i * 0.4, i * 0.4 + 0.3, 0.95) for i, w in enumerate(text.split())]
    unsure = [Word(w.text, w.start, w.end, 0.2 if i < 3 else 0.95) for i, w in enumerate(sure)]
    assert any('"We rebuilt' in t for t in analyze(text, sure).tips)
    tips = analyze(text, unsure).tips
    assert tips and not any("We rebuilt" in t for t in tips)
    spans = word_spans(text, unsure)
    assert mostly_doubtful(spans, 0, 15) and not mostly_doubtful(spans, 0, len(text))
