"""Reading an answer's text from a file or stdin, with clear errors for bad input."""
from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

# A spoken answer is a few hundred words; 1 MB (~170,000 words) is far beyond any answer.
MAX_TEXT_BYTES = 1_000_000

# Byte order marks, longest first (a UTF-32-LE mark begins with the UTF-16-LE one). Windows editors
# save "Unicode" text as UTF-16 with a mark, and often UTF-8 with one too.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
         (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
         (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))

# A digit that is part of an emoji (keycap 1️⃣: the digit, then VS16 and/or the enclosing keycap).
_KEYCAP = re.compile("[0-9#*]\ufe0f?\u20e3|[0-9#*]\ufe0f")


class InputError(Exception):
    """Bad input, with a message fit to show the user on one line."""


def has_words(text: str) -> bool:
    """Whether the text has something to analyse: a letter or a digit. Spaces, zero-width and other
    format characters (U+200B, U+FEFF…), punctuation, symbols and emoji alone are not an answer."""
    return any(unicodedata.category(c)[0] in "LN" for c in _KEYCAP.sub("", text))


def _shown(name: str) -> str:
    """A file name fit for a one-line message: control and bidi characters are written as escapes,
    so a name cannot move the cursor, set the window title or reorder the line."""
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in name)


def decode_answer(data: bytes, name: str) -> str:
    name = _shown(name)
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(f"{name}: too large ({len(data):,} bytes); the limit is {MAX_TEXT_BYTES:,} bytes")
    codec, label = next(((c, lbl) for bom, c, lbl in _BOMS if data.startswith(bom)), ("utf-8", "UTF-8"))
    if label == "UTF-8" and b"\x00" in data:        # UTF-16/32 text is full of zero bytes; other text is not
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not {label} text (bad byte at position {exc.start})") from None
    if "\x00" in text:
        raise InputError(f"{name}: looks like a binary file, not text")
    if not text.strip():
        raise InputError(f"{name}: nothing to analyse (the answer is empty)")
    if not has_words(text):
        raise InputError(f"{name}: nothing to analyse (the answer has no words, only spaces, symbols or emoji)")
    return text


def read_answer_file(path: Path) -> str:
    name = str(path)
    shown = _shown(name)
    if not path.exists():
        raise InputError(f"{shown}: no such file")
    if path.is_dir():
        raise InputError(f"{shown}: is a directory, not a text file")
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise InputError(f"{shown}: too large ({size:,} bytes); the limit is {MAX_TEXT_BYTES:,} bytes")
        with path.open("rb") as fh:
            data = fh.read(MAX_TEXT_BYTES + 1)
    except PermissionError:
        raise InputError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    return decode_answer(data, name)
