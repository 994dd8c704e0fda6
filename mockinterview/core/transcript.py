"""The result of a transcription: plain data shared by engines, storage and analysis."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .analysis.model import Word


@dataclass(frozen=True, slots=True)
class Segment:
    start: float
    end: float
    text: str


@dataclass(frozen=True, slots=True)
class Edit:
    """Something the app changed in what the engine heard, kept so that nothing changes silently:
    a filler taken from the filler pass ("added"), or a stock hallucination or repetition loop
    taken out ("removed")."""
    kind: str                     # "added" | "removed"
    start: float
    end: float
    text: str
    reason: str


@dataclass(slots=True)
class Transcript:
    text: str
    segments: list[Segment]
    words: list[Word]
    duration: float               # seconds of audio
    language: str
    engine: str
    model: str
    no_speech: bool = False       # voice-activity detection found no speech
    elapsed_s: float = 0.0        # wall time spent transcribing
    edits: list[Edit] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Transcript":
        return cls(d["text"], [Segment(**s) for s in d["segments"]], [Word(**w) for w in d["words"]],
                   d["duration"], d["language"], d["engine"], d["model"], d.get("no_speech", False),
                   d.get("elapsed_s", 0.0), [Edit(**e) for e in d.get("edits", ())])

    def shifted(self, offset: float) -> "Transcript":
        """The same transcript with every time moved by offset seconds."""
        return Transcript(self.text, [Segment(s.start + offset, s.end + offset, s.text) for s in self.segments],
                          [Word(w.text, w.start + offset, w.end + offset, w.probability) for w in self.words],
                          self.duration, self.language, self.engine, self.model, self.no_speech, self.elapsed_s,
                          [Edit(e.kind, e.start + offset, e.end + offset, e.text, e.reason) for e in self.edits])


def join(parts: list[Transcript], duration: float) -> Transcript:
    """Concatenate transcripts of consecutive stretches (times already absolute)."""
    spoken = [p for p in parts if not p.no_speech and p.text.strip()]
    if not parts:
        raise ValueError("nothing to join")
    first = parts[0]
    edits = [e for p in parts for e in p.edits]
    elapsed = sum(p.elapsed_s for p in parts)
    if not spoken:
        return Transcript("", [], [], duration, first.language, first.engine, first.model, True, elapsed, edits)
    return Transcript(" ".join(p.text.strip() for p in spoken),
                      [s for p in spoken for s in p.segments], [w for p in spoken for w in p.words],
                      duration, spoken[0].language, first.engine, first.model, False, elapsed, edits)
