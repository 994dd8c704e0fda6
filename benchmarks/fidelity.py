"""Fidelity: does the app's transcription keep every word the engine hears?

For every real recording in ../shared/speech/ and for spoken versions of labelled answers
(benchmarks/spoken_answers.py: piper's joe voice and espeak-ng, rendered into a cache outside the
repository), three transcripts of the same file with the same tiny.en weights:

- plain: the engine called directly, with its own defaults, beam 5, word timestamps (and its VAD,
  for faster-whisper): what the engine hears;
- one-shot: the app's path for a file (`mockinterview analyze ANSWER.flac`, crash recovery);
- recorded: the app's path while recording: the provisional transcript made while the answer is
  spoken (stretches cut at pauses, replayed by a worker that always keeps up:
  IncrementalTranscriber(threaded=False)), then the final one made after Stop from one plain pass
  over the whole recording with the provisional transcript's fillers. The final one is kept.
  The provisional one is printed too: it is what the first review shows for a few seconds.

WER is scored two ways: with fillers ignored (um, uh, er, hmm … removed from both sides: the
usual way, and fair to an engine that leaves them out), and with fillers scored as words (the app
keeps them on purpose, since delivery feedback counts them).

Run through benchmarks/transcription.py --fidelity.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
SPEECH = ROOT.parent / "shared" / "speech"
VOICES = ["joe", "espeak-us", "espeak-gb"]
PATHS = ("plain", "one_shot", "recorded", "provisional")


def machine_load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min) / {five:.2f} (5 min) on {os.cpu_count()} cores"


def plain_transcriber(engine_name: str, engine):
    """The engine called plainly: its own defaults, English, beam 5, word timestamps."""
    if engine_name == "faster-whisper":
        from faster_whisper import WhisperModel

        from mockinterview.transcribe.models import ModelResolver
        model = WhisperModel(str(ModelResolver().resolve().path), device="cpu", compute_type="int8")

        def run(audio):
            segs, _ = model.transcribe(audio, language="en", beam_size=5, word_timestamps=True, vad_filter=True)
            return " ".join(s.text.strip() for s in segs)
        return run
    import whisper

    def run(audio):
        r = whisper.transcribe(engine._model, audio, language="en", beam_size=5, best_of=5, word_timestamps=True,
                               fp16=False, verbose=None)
        return " ".join(s["text"].strip() for s in r["segments"])
    return run


def incremental(engine, audio):
    from mockinterview.transcribe.incremental import IncrementalTranscriber
    inc = IncrementalTranscriber(engine, threaded=False)
    for i in range(0, len(audio), 1600):
        inc.feed(audio[i:i + 1600])
    return inc.finish()


def files(answers: int) -> list[tuple[str, str, Path, str]]:
    """(name, voice, path, reference): the real recordings, then spoken answers of 20 s to 2 min.
    The answers are the even-numbered ones of answers-dev.jsonl (dev-002, dev-004, …): the odd
    ones were used to choose the decoding settings, so they are not reported here."""
    import spoken_answers as sa

    out = [(e["file"].rsplit(".", 1)[0], e["speaker"].split(",")[0][:16], SPEECH / e["file"], e["reference"])
           for e in json.loads((SPEECH / "manifest.json").read_text(encoding="utf-8"))]
    dev = [r for r in sa.labelled([sa.SHARED / "answers-dev.jsonl"]) if int(r["id"].split("-")[1]) % 2 == 0]
    dev += [r for r in sa.labelled([sa.SHARED / "answers-probes.jsonl"])]
    spoken = sa.spoken_answers(VOICES, records=dev, alternate=True, min_s=20, max_s=120, limit=answers)
    out += [(s.id, s.voice, s.path, s.reference) for s in spoken]
    return out


def run(engine_name: str = "faster-whisper", answers: int = 45, out_json: Path | None = None) -> dict:
    from mockinterview.audio.convert import load_audio
    from mockinterview.core.wer import FILLERS, normalize, wer
    from mockinterview.pipeline import transcribe_file
    from mockinterview.transcribe import load_engine

    print(f"Fidelity, {engine_name} tiny.en; machine: {machine_load()} at start")
    engine = load_engine(engine_name)
    plain = plain_transcriber(engine_name, engine)
    rows = []
    head = (f"{'file':<26}{'voice':<17}{'s':>6} | {'plain':>6}{'1-shot':>7}{'Δ':>6}{'rec.':>7}{'Δ':>6}"
            f"{'prov.':>7}{'Δ':>6} | fillers scored: {'plain':>6}{'1-shot':>7}{'rec.':>7}")
    print(head)
    print("-" * len(head))
    t0 = time.perf_counter()
    for name, voice, path, ref in files(answers):
        audio, seconds = load_audio(path)
        p = plain(audio)
        o = transcribe_file(path, engine).text
        prov = incremental(engine, audio)
        final = engine.transcribe(audio, fillers_from=prov).text
        r = {"file": name, "voice": voice, "seconds": round(seconds, 1), "reference": ref,
             "plain": p, "one_shot": o, "recorded": final, "provisional": prov.text}
        for k in PATHS:
            r[f"wer_{k}"] = wer(ref, r[k])
            r[f"werf_{k}"] = wer(ref, r[k], ignore_fillers=False)
            r[f"fillers_{k}"] = sum(1 for w in normalize(r[k]) if w in FILLERS)
        r["fillers_ref"] = sum(1 for w in normalize(ref) if w in FILLERS)
        rows.append(r)
        d = {k: (r[f"wer_{k}"] - r["wer_plain"]) * 100 for k in PATHS}
        print(f"{name[:25]:<26}{voice[:16]:<17}{seconds:>6.1f} | {r['wer_plain']:>6.1%}{r['wer_one_shot']:>7.1%}"
              f"{d['one_shot']:>+6.1f}{r['wer_recorded']:>7.1%}{d['recorded']:>+6.1f}{r['wer_provisional']:>7.1%}"
              f"{d['provisional']:>+6.1f} |                 "
              f"{r['werf_plain']:>6.1%}{r['werf_one_shot']:>7.1%}{r['werf_recorded']:>7.1%}", flush=True)
    n = len(rows)
    summary = {"engine": engine_name, "files": n, "minutes": sum(r["seconds"] for r in rows) / 60,
               "wall_s": time.perf_counter() - t0, "load_at_end": machine_load()}
    print("-" * len(head))
    for k in PATHS:
        summary[f"mean_wer_{k}"] = sum(r[f"wer_{k}"] for r in rows) / n
        summary[f"mean_werf_{k}"] = sum(r[f"werf_{k}"] for r in rows) / n
        ref_f = sum(r["fillers_ref"] for r in rows)
        summary[f"filler_recall_{k}"] = sum(min(r[f"fillers_{k}"], r["fillers_ref"]) for r in rows) / max(1, ref_f)
        summary[f"extra_fillers_{k}"] = sum(max(0, r[f"fillers_{k}"] - r["fillers_ref"]) for r in rows)
    for k in PATHS[1:]:
        diffs = [r[f"wer_{k}"] - r["wer_plain"] for r in rows]
        summary[f"worst_diff_{k}"] = max(diffs)
        summary[f"files_over_1pt_{k}"] = [r["file"] + "/" + r["voice"] for r, d in zip(rows, diffs) if d > 0.01]
    print(f"{n} files, {summary['minutes']:.1f} min of speech; {summary['load_at_end']} at the end")
    for k, label in (("plain", "plain engine"), ("one_shot", "app one-shot"), ("recorded", "app recorded"),
                     ("provisional", "(provisional)")):
        extra = ""
        if k != "plain":
            extra = (f"; worst file {summary[f'worst_diff_{k}'] * 100:+.1f} points, "
                     f"{len(summary[f'files_over_1pt_{k}'])} file(s) more than 1 point worse")
        print(f"{label:<17} mean WER {summary[f'mean_wer_{k}']:.2%} (fillers scored {summary[f'mean_werf_{k}']:.2%});"
              f" filler recall {summary[f'filler_recall_{k}']:.0%}, {summary[f'extra_fillers_{k}']} extra{extra}")
    for k in PATHS[1:]:
        if summary[f"files_over_1pt_{k}"]:
            print(f"  {k}: more than 1 point worse on {', '.join(summary[f'files_over_1pt_{k}'])}")
    if out_json:
        out_json.write_text(json.dumps({"summary": summary, "rows": rows}, indent=1))
        print(f"details: {out_json}")
    return summary
