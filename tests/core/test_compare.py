"""Two takes of one question compared in words (issue 11), on real analyses from the engine."""
import pytest

from mockinterview.core import targets
from mockinterview.core.analysis import analyze
from mockinterview.core.analysis.model import Word
from mockinterview.core.compare import acts, compare, previous_take, take_figures

TEAM = ("Our nightly reports were too slow and finance kept complaining. We moved the nightly reports to Postgres "
        "and we rewrote the slowest queries. It went a lot better after that.")
OWN = ("Our nightly reports took forty minutes and finance missed their morning meeting, so my goal was to get them "
       "under five minutes. I moved the nightly reports to Postgres, and I rewrote the slowest queries myself. "
       "I also added an index on the posting date. Report time fell from 40 minutes to 3.")
# a second, different story: a clinic's rota, told first with "we" and then with "I"
ROTA_WE = ("The clinic's weekend rota kept leaving gaps. We redesigned the rota and we phoned every locum on the "
           "list. In the end the gaps mostly went away.")
ROTA_I = ("The clinic's weekend rota kept leaving gaps. I redesigned the rota and I phoned every locum on the list. "
          "The unfilled weekend shifts fell from six a month to one.")


def _spoken(text: str, wpm: float):
    """The answer as a speech engine gives it: every word timed, at wpm words a minute."""
    step = 60.0 / wpm
    words = [Word(w, i * step, i * step + step * 0.8) for i, w in enumerate(text.split())]
    return analyze(text, words, duration_s=len(words) * step)


def _texts(c):
    return " | ".join(c.lines)


@pytest.mark.parametrize("before,after,moves", [
    (TEAM, OWN, [("moved", "reports"), ("rewrote", "queries")]),
    (ROTA_WE, ROTA_I, [("redesigned", "rota"), ("phoned", "locum")]),
])
def test_clauses_moved_from_we_to_i_are_quoted_and_the_gain_is_counted(before, after, moves):
    a, b = analyze(before), analyze(after)
    c = compare(a, b)
    said = _texts(c)
    gained = b.ownership.self_actions - a.ownership.self_actions
    assert gained > 0 and f"{gained} more own action" in said
    for verb, obj in moves:
        line = next(x for x in c.changes if "became" in x.text and verb in x.text.split("became")[1])
        we, i = line.text.split(" became ")
        assert we.lower().startswith("“we " + verb) and i.startswith("“I " + verb) and obj in i
        assert line.direction == 1
    assert "Result now measured" in said
    assert next(x for x in c.changes if x.text.startswith("Ownership score")).direction == 1


def test_the_same_takes_the_other_way_round_read_as_worse():
    c = compare(analyze(OWN), analyze(TEAM))
    said = _texts(c)
    assert "fewer own action" in said and "Result no longer measured" in said
    assert any("“I moved the nightly reports” became “We moved the nightly reports”" == x.text and x.direction == -1
               for x in c.changes)
    assert all(x.direction <= 0 for x in c.changes if "own action" in x.text or "became" in x.text)


def test_identical_takes_say_so_and_nothing_else():
    c = compare(analyze(OWN), analyze(OWN + "  "))
    assert c.identical and c.lines == ["The two takes are word for word the same."]


def test_a_retelling_with_no_change_in_substance_says_there_is_none():
    a = analyze("Our onboarding guide was out of date. My goal was to fix it before the spring intake. I rewrote "
                "the whole guide. New starters asked half as many questions in their first week.")
    b = analyze("Our onboarding guide was badly out of date. My goal was to fix it before the spring intake. I "
                "rewrote the whole guide. New starters asked half as many questions in their first week.")
    c = compare(a, b)
    assert not c.identical and c.lines == ["No change in ownership, STAR or delivery worth mentioning."]


def test_delivery_changes_are_given_with_their_aims():
    a = _spoken("So um, I rewrote the, uh, whole guide for new starters. Um, it was, like, um, better after that.", 210)
    b = _spoken("I rewrote the whole guide for new starters. It was clearly better after that.", 150)
    c = compare(a, b)
    fillers = next(x for x in c.changes if x.text.startswith("Fillers"))
    assert f"{a.delivery.fillers_per_100_words:.1f} → {b.delivery.fillers_per_100_words:.1f}" in fillers.text
    assert targets.aim(targets.FILLERS_PER_100) in fillers.text and fillers.direction == 1
    pace = next(x for x in c.changes if x.text.startswith("Pace"))
    assert f"{a.delivery.wpm:.0f} → {b.delivery.wpm:.0f}" in pace.text and "aim 120–170" in pace.text
    assert pace.direction == 1                     # from too fast to inside the aim
    assert next(x for x in compare(b, a).changes if x.text.startswith("Pace")).direction == -1


def test_a_stretch_of_the_answer_dropped_loses_star_parts_and_quotes_the_dropped_action():
    full = analyze(ROTA_I)
    cut = analyze("I redesigned the rota and I phoned every locum on the list.")
    c = compare(full, cut)
    said = _texts(c)
    assert "STAR no longer has the" in said and "Result no longer measured" in said
    lost = [p for p in ("situation", "task", "action", "result") if getattr(full.star, p) and not getattr(cut.star, p)]
    assert all(p.capitalize() in said for p in lost)


def test_own_clauses_are_read_with_their_verb_lemma_and_object():
    found = acts(analyze("We set up the test rig and I wrote the release notes."))
    assert {(x.actor, x.verb, x.obj) for x in found} == {("team", "set up", "rig"), ("self", "write", "note")}
    assert [x.quote for x in found if x.actor == "self"] == ["I wrote the release notes"]


def test_take_figures_and_the_default_take_to_compare_with():
    a = analyze(ROTA_I)
    f = take_figures(7, "2025-01-15T18:30:00+00:00", a)
    assert f.verdict == "Individual" and f.own_actions == a.ownership.self_actions and f.measured
    assert f.star == " ".join(p[0].upper() if getattr(a.star, p) else "·" for p in ("situation", "task", "action", "result"))
    assert previous_take([3, 5, 9], 9) == 5 and previous_take([3, 5, 9], 3) == 5 and previous_take([3], 3) is None


def test_aims_are_written_once_and_read_by_tips_and_progress():
    from mockinterview.core import progress
    from mockinterview.core.analysis import tips
    assert tips.PACE_RANGE is targets.PACE_WPM
    assert progress.BY_KEY["wpm"].band is targets.PACE_WPM
    assert progress.BY_KEY["fillers_per_100"].band is targets.FILLERS_PER_100
    assert progress.BY_KEY["words"].band is targets.LENGTH_WORDS
    assert targets.aim((120, 170)) == "aim 120–170" and targets.aim((0.0, 3.0)) == "aim under 3"
    assert targets.aim_seconds((60, 150)) == "aim 1:00–2:30"
