"""Voices that ask a question aloud: one small class per backend behind the Voice protocol."""
from .base import Voice, VoiceChain
from .recorded import RecordedVoice

__all__ = ["Voice", "VoiceChain", "RecordedVoice"]
