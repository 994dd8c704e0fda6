"""`mockinterview models download NAME`: the only code that uses the network, and only when asked.

Fetches a CTranslate2 Whisper model (the faster-whisper conversions published on the Hugging
Face hub) into the user's model folder: resumable (.part files and HTTP Range), every file
checked against the SHA-256 (large files) or git blob SHA-1 (small files) the hub publishes,
and a manifest.json written last, covering every file of the folder, so the resolver can
verify the files before each use.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from .models import sha256_file

DEFAULT_HUB = "https://huggingface.co"
KNOWN = {name: f"Systran/faster-whisper-{name}" for name in
         ("tiny", "tiny.en", "base", "base.en", "small", "small.en", "medium", "medium.en", "large-v3")}
FILES = ("config.json", "model.bin", "tokenizer.json", "vocabulary.txt", "vocabulary.json", "preprocessor_config.json")


class DownloadError(Exception):
    """A download failed; the message says why and what to do."""


def hub_url() -> str:
    return os.environ.get("MOCKINTERVIEW_HUB_URL", DEFAULT_HUB).rstrip("/")


def _open(url: str, headers: dict | None = None, timeout: float = 30):
    req = urllib.request.Request(url, headers={"User-Agent": "mockinterview", **(headers or {})})
    try:
        return urllib.request.urlopen(req, timeout=timeout)
    except urllib.error.HTTPError as exc:
        raise DownloadError(f"the server answered {exc.code} for {url}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DownloadError(f"no network connection ({reason}). mockinterview works offline with the "
                            "bundled tiny.en model; download larger models when you are online.") from None


def _listing(repo: str) -> list[dict]:
    with _open(f"{hub_url()}/api/models/{repo}/tree/main") as r:
        entries = json.loads(r.read().decode("utf-8"))
    return [e for e in entries if e.get("type") == "file" and e.get("path") in FILES]


def _git_blob_sha1(path: Path) -> str:
    h = hashlib.sha1()
    h.update(f"blob {path.stat().st_size}\0".encode())
    with open(path, "rb") as fh:
        while b := fh.read(1 << 20):
            h.update(b)
    return h.hexdigest()


def _fetch(url: str, part: Path, size: int, progress: Callable[[int, int], None]) -> None:
    have = part.stat().st_size if part.exists() else 0
    if size and have >= size:
        return
    headers = {"Range": f"bytes={have}-"} if have else {}
    with _open(url, headers) as r:
        if have and getattr(r, "status", 200) != 206:
            have = 0                               # the server ignored Range: start again
        with open(part, "ab" if have else "wb") as out:
            done = have
            while chunk := r.read(1 << 16):
                out.write(chunk)
                done += len(chunk)
                progress(done, size)


def download(name: str, models_dir: Path, progress: Callable[[str, int, int], None] | None = None) -> Path:
    repo = KNOWN.get(name) or (name if "/" in name else None)
    if not repo:
        raise DownloadError(f"unknown model {name!r}; choose from {', '.join(KNOWN)}")
    local = name.replace("/", "--")
    target = models_dir / local
    staging = models_dir / f".{local}.partial"
    staging.mkdir(parents=True, exist_ok=True)
    files = _listing(repo)
    if not any(f["path"] == "model.bin" for f in files):
        raise DownloadError(f"{repo} has no model.bin; it is not a CTranslate2 Whisper model")
    sums: dict[str, str] = {}
    for f in files:
        rel, size = f["path"], int(f.get("size") or 0)
        part = staging / (rel + ".part")
        final = staging / rel
        if not final.exists():
            _fetch(f"{hub_url()}/{repo}/resolve/main/{rel}", part,
                   size, lambda d, t, rel=rel: progress and progress(rel, d, t))
            os.replace(part, final)
        lfs = f.get("lfs") or {}
        digest = sha256_file(final)                    # hashed once: checked now, kept for the resolver
        ok = digest == lfs["oid"] if lfs.get("oid") else _git_blob_sha1(final) == f.get("oid")
        if not ok:
            final.unlink()
            raise DownloadError(f"{rel} of {repo} failed its checksum; run the download again")
        sums[rel] = digest
    for leftover in staging.iterdir():
        # An earlier attempt may have left files the hub no longer lists (or .part files); the
        # manifest must cover every file of the folder, so anything it does not list goes.
        if leftover.name in sums:
            continue
        if leftover.is_dir():
            shutil.rmtree(leftover)
        else:
            leftover.unlink()
    (staging / "manifest.json").write_text(json.dumps({"repo": repo, "sha256": sums}, indent=2), encoding="utf-8")
    if target.exists():
        shutil.rmtree(target)
    os.replace(staging, target)
    return target

