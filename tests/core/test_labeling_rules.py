"""The edge cases of shared/LABELING.md, one sentence each (written for these tests)."""
import pytest

from mockinterview.core.analysis import analyze

CASES = [
    # self: concrete actions in any clause
    ("I rewrote the onboarding guide over the weekend.", "self"),
    ("When I flagged the error to the charge nurse, she rearranged the shifts.", "self"),
    ("We, and specifically I, decided to delay the release.", "self"),
    ("I helped the team to rebuild the schedule.", "self"),
    ("I led a team of four volunteers at the food bank.", "self"),
    ("I volunteered to lead the fundraiser.", "self"),
    ("I found forty broken links while auditing the site.", "self"),
    ("My analysis showed that half of the returns came from one supplier.", "self"),
    ("I spotted the gap and spent a week interviewing users.", "self"),
    ("Afterwards, I signed up for a statistics course.", "self"),
    ("I didn't ask for help early enough.", "self"),
    ("I shipped the wrong price file to the stores.", "self"),
    ("I asked him to show me the steps he followed.", "self"),
    ("I had our designer mock up both layouts.", "self"),
    ("I had the house restaged and got new photos taken at dusk.", "self"),
    ("What I did was call the client and apologise.", "self"),
    ("I forgot to put the note on her booking.", "self"),
    # none: framing, participation, perception, feelings, habits
    ("I came to appreciate that the system matters more than the cook.", "none"),
    ("I kept noticing patients still on IV antibiotics.", "none"),
    ("I taught secondary maths for eight years before moving into UX.", "none"),
    ("I found it a really valuable experience.", "none"),
    ("What I do differently now is go to legal on day one.", "none"),
    ("I tried to stay positive and not take it personally.", "none"),
    ("Missed extensions went from about one a week to zero.", "none"),
    ("I was responsible for the monthly payroll run.", "none"),
    ("My task was to reduce the backlog.", "none"),
    ("I needed to understand the billing system.", "none"),
    ("I was part of a team at the time.", "none"),
    ("I was on a group project in my second year.", "none"),
    ("I worked in a team of five.", "none"),
    ("I noticed that two departments were duplicating the same report.", "none"),
    ("I think we did really well.", "none"),
    ("I felt proud of the result.", "none"),
    ("I tried to see it from his side.", "none"),
    ("These days I always pause before replying.", "none"),
    ("I pick which fights matter.", "none"),
    ("I've handled plenty of angry callers.", "none"),
    ("We got stuck on the data model.", "none"),
    ("A colleague and I didn't see eye to eye.", "none"),
    ("The release went out on schedule.", "none"),
    ("The change cut errors by 70%.", "none"),
    ("That was fun.", "none"),
    ("I wanted the project to succeed.", "none"),
    # team
    ("We migrated the database to the new cluster.", "team"),
    ("My team and I missed the deadline by a week.", "team"),
    ("Two classmates and I chose a topic on water quality.", "team"),
    ("My head of department and I sat down with the class.", "team"),
    ("Our team got asked to build a dashboard for the donor data.", "passive"),
    ("Wrote and maintained around 150 test cases covering pay runs.", "passive"),
    ("Led onboarding redesign for 30 enterprise clients.", "passive"),
    ("The trustees asked me to write it up for the other sites.", "other"),
    ("The team decided to drop the feature.", "team"),
    ("Our team rewrote the test suite.", "team"),
    ("We settled on a weekly release.", "team"),
    # other
    ("My manager asked for a new forecast.", "other"),
    ("The client wanted a cheaper option.", "other"),
    ("One colleague pushed for a rewrite.", "other"),
    ("My supervisor had me refund the order on the spot.", "other"),
    ("The guest was annoyed that I had seated him by the door.", "other"),
    ("My lead liked my proposal.", "other"),
    ("After reviewing the draft, the committee approved it.", "other"),
    ("The bridge was ordered by the city council.", "other"),
    # passive
    ("The bug was fixed the next day.", "passive"),
    ("I was promoted after six months.", "passive"),
    ("I was asked to cover the night shift.", "passive"),
    ("A new checklist was added to the release process.", "passive"),
    ("Handling escalations from the tier one team.", "passive"),
]


@pytest.mark.parametrize("sentence,expected", CASES)
def test_labeling_guide_edge_case(sentence, expected):
    a = analyze(sentence)
    assert len(a.sentences) == 1
    assert a.sentences[0].agent == expected, a.sentences[0].reason
