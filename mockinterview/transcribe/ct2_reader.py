"""Read a CTranslate2 model.bin (binary format version 6) into numpy arrays.

Layout (little-endian): u32 version, string name, u32 revision, u32 count, then per variable:
string name, u8 rank, u32 dims[rank], u8 dtype, u32 nbytes, bytes; then u32 alias count and
(alias, target) string pairs. A string is u16 length (with the trailing NUL) + bytes.
"""
from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

_DTYPES = {0: np.float32, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.float16}


class CT2FormatError(ValueError):
    pass


def _string(buf: memoryview, pos: int) -> tuple[str, int]:
    (n,) = struct.unpack_from("<H", buf, pos)
    pos += 2
    s = bytes(buf[pos:pos + n - 1]).decode("utf-8")
    return s, pos + n


def read_ct2(path: Path) -> dict[str, np.ndarray]:
    data = Path(path).read_bytes()
    buf = memoryview(data)
    try:
        (version,) = struct.unpack_from("<I", buf, 0)
        if version < 5 or version > 6:
            raise CT2FormatError(f"unsupported CTranslate2 binary version {version}")
        _name, pos = _string(buf, 4)
        _revision, count = struct.unpack_from("<II", buf, pos)
        pos += 8
        out: dict[str, np.ndarray] = {}
        for _ in range(count):
            name, pos = _string(buf, pos)
            (rank,) = struct.unpack_from("<B", buf, pos)
            pos += 1
            dims = struct.unpack_from(f"<{rank}I", buf, pos)
            pos += 4 * rank
            dtype, nbytes = struct.unpack_from("<BI", buf, pos)
            pos += 5
            if dtype not in _DTYPES:
                raise CT2FormatError(f"{name}: unsupported dtype id {dtype}")
            arr = np.frombuffer(data, dtype=_DTYPES[dtype], count=nbytes // np.dtype(_DTYPES[dtype]).itemsize,
                                offset=pos).reshape(dims)
            out[name] = arr
            pos += nbytes
        if pos + 4 <= len(data):
            (aliases,) = struct.unpack_from("<I", buf, pos)
            pos += 4
            for _ in range(aliases):
                alias, pos = _string(buf, pos)
                target, pos = _string(buf, pos)
                if target in out:
                    out[alias] = out[target]
    except struct.error as exc:
        raise CT2FormatError(f"truncated or damaged model file: {exc}") from None
    return out
