"""mockinterview: rehearse job-interview answers aloud, on your own machine."""

__version__ = "0.1.0"
