"""Plain dataclasses the analysis returns. No behaviour beyond conversion to dicts."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

SCHEMA = "mockinterview.analysis/1"
AGENTS = ("self", "team", "other", "passive", "none")
STARS = ("situation", "task", "action", "result", "reflection", "other")
HIGHLIGHT_KINDS = ("self", "team", "passive", "hedge", "filler", "metric")
# What each verdict means, in the words shown to the user (terminal and window alike).
VERDICT_TEXT = {
    "individual": "Individual: your own actions carry the story",
    "mixed": "Mixed: some of your own actions, but key steps are 'we' or unowned",
    "team_only": "Team only: no action of your own can be identified",
}


def verdict_word(verdict: str | None) -> str:
    """'team_only' → 'Team only': the verdict's plain words, as the review names it."""
    return VERDICT_TEXT[verdict].split(":")[0] if verdict in VERDICT_TEXT else (verdict or "")


@dataclass(frozen=True, slots=True)
class Word:
    """A transcribed word with its time in seconds (from a speech engine)."""
    text: str
    start: float
    end: float
    probability: float = 1.0


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    agent: str
    star: str
    quantified: bool
    reason: str = ""              # why it got its agent label, shown to the user
    t_start: float | None = None
    t_end: float | None = None


@dataclass(frozen=True, slots=True)
class Highlight:
    start: int
    end: int
    kind: str


@dataclass(slots=True)
class Ownership:
    verdict: str                  # individual | mixed | team_only
    score: float                  # 1.0 … 5.0
    self_actions: int
    team_actions: int


@dataclass(slots=True)
class Delivery:
    words: int
    wpm: float | None
    fillers_per_100_words: float
    hedges: int
    long_pauses: int | None
    duration_s: float | None = None
    fillers: int = 0


@dataclass(slots=True)
class StarCoverage:
    situation: bool
    task: bool
    action: bool
    result: bool
    result_quantified: bool
    action_share: float = 0.0     # share of sentences that are actions


@dataclass(slots=True)
class Analysis:
    text: str
    sentences: list[Sentence]
    highlights: list[Highlight]
    ownership: Ownership
    delivery: Delivery
    star: StarCoverage
    tips: list[str]
    language: str = "en"          # "en", or "unknown" when the text does not look like English
    duration_s: float | None = None
    engine_version: str = ""
    warnings: list[str] = field(default_factory=list)

    def to_json_dict(self, source: str) -> dict:
        """The stable `mockinterview.analysis/1` contract (see README)."""
        sentences = []
        for s in self.sentences:
            d = {"start": s.start, "end": s.end, "text": s.text, "agent": s.agent,
                 "star": s.star, "quantified": s.quantified, "reason": s.reason}
            if s.t_start is not None:
                d["t_start"], d["t_end"] = s.t_start, s.t_end
            sentences.append(d)
        delivery = asdict(self.delivery)
        return {
            "schema": SCHEMA,
            "source": source,
            "text": self.text,
            "duration_s": self.duration_s,
            "sentences": sentences,
            "highlights": [asdict(h) for h in self.highlights],
            "ownership": asdict(self.ownership),
            "delivery": {k: delivery[k] for k in ("words", "wpm", "fillers_per_100_words", "hedges", "long_pauses")},
            "star": asdict(self.star),
            "tips": list(self.tips),
            "language": self.language,
            "engine_version": self.engine_version,
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_json_dict(cls, d: dict) -> "Analysis":
        """The Analysis a `mockinterview.analysis/1` object was made from (a stored answer's, shown as
        stored). Fields the contract does not carry come back as their defaults: the delivery's speech
        span (duration_s) is None and its filler count is recounted from the filler highlights."""
        sentences = [Sentence(s["start"], s["end"], s["text"], s["agent"], s["star"], s["quantified"],
                              s.get("reason", ""), s.get("t_start"), s.get("t_end")) for s in d["sentences"]]
        highlights = [Highlight(h["start"], h["end"], h["kind"]) for h in d["highlights"]]
        o, dl, st = d["ownership"], d["delivery"], d["star"]
        return cls(d["text"], sentences, highlights,
                   Ownership(o["verdict"], o["score"], o["self_actions"], o["team_actions"]),
                   Delivery(dl["words"], dl["wpm"], dl["fillers_per_100_words"], dl["hedges"], dl["long_pauses"],
                            None, sum(1 for h in highlights if h.kind == "filler")),
                   StarCoverage(st["situation"], st["task"], st["action"], st["result"], st["result_quantified"],
                                st.get("action_share", 0.0)),
                   list(d["tips"]), d.get("language", "en"), d.get("duration_s"), d.get("engine_version", ""),
                   list(d.get("warnings", ())))
