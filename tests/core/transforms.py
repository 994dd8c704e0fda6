"""Ways of writing the same answer differently, as speakers and speech recognisers do: the
verdict and score must not move under them (LABELING.md: decided on content)."""
from __future__ import annotations

import random
import re

FILLERS = ("um,", "uh,", "you know,", "like,", "um", "so,")


# Words that lose their capital when a sentence is joined to the one before (names keep theirs).
_COMMON = set("the a an so then and but we he she they it this that these those my our his her their after when "
              "once there in on at by for with because also eventually finally later afterwards within over "
              "one two three most some all now honestly basically overall looking what".split())


def _lower_common(word: str) -> str:
    return word.lower() if word.lower() in _COMMON else word


def merge(text: str, rng: random.Random) -> str:
    """Sentences joined with "and" or a comma, as a speaker runs on."""
    def join(m: re.Match) -> str:
        return rng.choice((", and ", ", ", " and then ")) + _lower_common(m.group(1)) if m.group(1) != "I" else \
            rng.choice((", and ", ", ")) + "I"
    return re.sub(r"[.!;]\s+([A-Z][\w'’]*)", join, text)


def split(text: str, rng: random.Random) -> str:
    """A sentence cut where a clause starts: before "and"/"but"/"so" + a pronoun, and at commas."""
    return re.sub(r",?\s+(and|but|so)\s+(I|we|he|she|they)\s+", lambda m: ". " + m.group(2) + " "
                  if rng.random() < 0.8 else m.group(0), text)


def no_punctuation(text: str, rng: random.Random) -> str:
    """No punctuation at all and a lowercase "i" kept as "I": what a recogniser writes at worst."""
    t = re.sub(r"(?<=\w)[.,;:!?](?=\s|$)", "", text)
    t = re.sub(r"\s[—–-]+\s", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def fillers(text: str, rng: random.Random) -> str:
    """Fillers inserted between words, about one in twelve."""
    out = []
    for w in text.split(" "):
        if out and rng.random() < 1 / 12:
            out.append(rng.choice(FILLERS))
        out.append(w)
    return " ".join(out)


def repunctuate(text: str, rng: random.Random) -> str:
    """Full stops where there were commas before a clause, commas where there were full stops."""
    def to_comma(m: re.Match) -> str:
        word = m.group(1)
        return ", " + _lower_common(word)

    def to_stop(m: re.Match) -> str:
        return ". " + m.group(1)[:1].upper() + m.group(1)[1:]
    t = re.sub(r"\.\s+([A-Z][\w'’]*)", lambda m: to_comma(m) if rng.random() < 0.5 else m.group(0), text)
    return re.sub(r"(?<=[a-z]),\s+((?:I|we|then|so)\b)", lambda m: to_stop(m) if rng.random() < 0.5 else m.group(0), t)


TRANSFORMS = {"merge": merge, "split": split, "no punctuation": no_punctuation, "fillers": fillers,
              "re-punctuate": repunctuate}
