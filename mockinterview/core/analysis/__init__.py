"""The answer-analysis engine: who acts in each sentence, and how clearly the candidate owns it."""
from .engine import ENGINE_VERSION, EmptyAnswer, analyze
from .model import SCHEMA, Analysis, Delivery, Highlight, Ownership, Sentence, StarCoverage, Word

__all__ = ["analyze", "EmptyAnswer", "ENGINE_VERSION", "SCHEMA", "Analysis", "Delivery", "Highlight",
           "Ownership", "Sentence", "StarCoverage", "Word"]
