"""The voice chain: the first voice able to say a question speaks it; none → the caller shows it."""
from mockinterview.core.questions import Question, load_bank
from mockinterview.voices import RecordedVoice, VoiceChain


class FakeVoice:
    def __init__(self, name, says):
        self.name, self.says, self.said, self.stopped = name, says, [], 0

    def can_say(self, q):
        return self.says

    def say(self, q, on_finished):
        self.said.append(q.id)
        on_finished()

    def stop(self):
        self.stopped += 1


def _own():
    return Question("mine-1", "Tell me about a time you mentored someone.", "mentoring", (), "", "mine")


def test_recorded_voice_has_every_built_in_question_but_not_the_users_own():
    voice = RecordedVoice()
    assert all(voice.can_say(q) for q in load_bank().questions)
    assert not voice.can_say(_own())


def test_chain_asks_the_first_able_voice_and_stops_the_previous_one():
    mute, system = FakeVoice("recorded", False), FakeVoice("system", True)
    chain = VoiceChain([mute, system])
    done = []
    assert chain.say(_own(), lambda: done.append(1)) is system and system.said == ["mine-1"] and done == [1]
    chain.say(_own(), lambda: None)
    assert system.stopped == 1                         # a new question interrupts the one being spoken
    assert VoiceChain([mute]).say(_own(), lambda: None) is None
