"""Reading an answer's text from a file or stdin, with clear errors for bad input."""
from __future__ import annotations

from pathlib import Path

# A spoken answer is a few hundred words; 1 MB (~170,000 words) is far beyond any answer.
MAX_TEXT_BYTES = 1_000_000


class InputError(Exception):
    """Bad input, with a message fit to show the user on one line."""


def decode_answer(data: bytes, name: str) -> str:
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(f"{name}: too large ({len(data):,} bytes); the limit is {MAX_TEXT_BYTES:,} bytes")
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (bad byte at position {exc.start})") from None
    if not text.strip():
        raise InputError(f"{name}: nothing to analyse (the answer is empty)")
    return text


def read_answer_file(path: Path) -> str:
    name = str(path)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a directory, not a text file")
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise InputError(f"{name}: too large ({size:,} bytes); the limit is {MAX_TEXT_BYTES:,} bytes")
        with path.open("rb") as fh:
            data = fh.read(MAX_TEXT_BYTES + 1)
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return decode_answer(data, name)
