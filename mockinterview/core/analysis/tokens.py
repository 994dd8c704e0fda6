"""Word tokens with character spans into the original text."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Words (with inner apostrophes and hyphens), numbers (with , . : inside), money
# and percent signs, and single punctuation marks.
_TOKEN = re.compile(
    r"[$£€]?\d+(?:[.,:]\d+)*(?:%|k\b|m\b)?"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*"
    r"|[—–]|--|[,;:.!?…()\"“”]"
)

_PRONOUN_CONTRACTIONS = {
    "i": "i", "we": "we", "he": "he", "she": "she", "they": "they",
    "you": "you", "it": "it", "that": "that", "there": "there", "who": "who",
}
_CONTRACTION_TAILS = {"d": "'d", "m": "am", "ve": "have", "ll": "will", "re": "are", "s": "'s"}


@dataclass(frozen=True, slots=True)
class Token:
    text: str   # as written
    low: str    # lower case, straight apostrophes, contractions expanded
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.low[:1].isalpha() or self.low[:1] == "'"

    @property
    def is_number(self) -> bool:
        return any(c.isdigit() for c in self.low)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split text into tokens; "I'd" becomes ("i", "'d"), "didn't" becomes ("did", "not")."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        low = raw.lower().replace("’", "'")
        s, e = m.start() + offset, m.end() + offset
        if "'" in low:
            head, _, tail = low.partition("'")
            if tail == "t" and head.endswith("n"):
                stem = {"ca": "can", "wo": "will", "sha": "shall"}.get(head[:-1], head[:-1])
                cut = s + len(head) - 1
                out.append(Token(raw[: len(head) - 1], stem, s, cut))
                out.append(Token(raw[len(head) - 1:], "not", cut, e))
                continue
            if head in _PRONOUN_CONTRACTIONS and tail in _CONTRACTION_TAILS:
                cut = s + len(head)
                out.append(Token(raw[: len(head)], head, s, cut))
                out.append(Token(raw[len(head):], _CONTRACTION_TAILS[tail], cut, e))
                continue
        out.append(Token(raw, low, s, e))
    return out
