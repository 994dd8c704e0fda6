"""What a WAV file's header promises: libsndfile quietly shortens a WAV whose data chunk claims more
bytes than the file holds, so a cut-off WAV can only be told from a whole one by reading the header."""
from __future__ import annotations

import os
import struct
from pathlib import Path

_UNKNOWN_SIZES = (0, 0xFFFFFFFF)     # streaming writers put these in the header while the length is unknown


def promised_frames(path: Path) -> int | None:
    """Frames the data chunk of a RIFF WAV claims; None when the file is no plain RIFF WAV (RF64,
    RIFX) or the header leaves the length open."""
    with open(path, "rb") as fh:
        if fh.read(4) != b"RIFF" or fh.read(8)[4:] != b"WAVE":
            return None
        block_align = 0
        while len(head := fh.read(8)) == 8:
            chunk, size = head[:4], struct.unpack("<I", head[4:])[0]
            if chunk == b"fmt ":
                fmt = fh.read(min(size, 16))
                if len(fmt) < 14:
                    return None
                block_align = struct.unpack_from("<H", fmt, 12)[0]
                fh.seek(size - len(fmt) + (size & 1), os.SEEK_CUR)
            elif chunk == b"data":
                if not block_align or size in _UNKNOWN_SIZES:
                    return None
                return size // block_align
            else:
                fh.seek(size + (size & 1), os.SEEK_CUR)     # chunks are padded to an even length
    return None
