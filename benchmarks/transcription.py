"""Transcription benchmark: both engines on the same speech fixtures and the same tiny.en weights.

    python benchmarks/transcription.py            # everything (the latency part runs in real time: ~8 min)
    python benchmarks/transcription.py --quick    # skip the 5-minute latency run
    python benchmarks/transcription.py --fidelity [--engine openai-whisper] [--answers N]
                                                  # the app's paths against the engine called plainly

Prints per engine: wall time, real-time factor, peak memory (RSS, measured in a fresh process
per engine), word error rate on the natural-voice fixtures, filler recall with and without the
filler prompt; the faster-whisper/openai-whisper speed ratio; and the time from Stop until the
transcript and its analysis are ready, for 30 s, 2 min and 5 min answers fed in real time.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
AUDIO = ROOT / "tests" / "fixtures" / "audio"
NATURAL = ["individual", "team", "fillers", "pauses"]


def long_answer(seconds: float):
    """Natural-voice fixtures joined with 0.5 s gaps until the answer is at least `seconds` long
    (whole fixtures only, so the reference text matches the audio exactly)."""
    import numpy as np

    from mockinterview.audio.convert import load_audio
    meta = json.loads((AUDIO / "fixtures.json").read_text())
    parts, texts, total, i = [], [], 0, 0
    gap = np.zeros(8000, np.float32)
    while total < seconds * 16000:
        name = NATURAL[i % len(NATURAL)]
        a = load_audio(AUDIO / f"{name}.flac")[0]
        parts += [a, gap]
        texts.append(meta[name]["text"])
        total += len(a) + len(gap)
        i += 1
    return np.concatenate(parts), " ".join(texts)


def worker(engine_name: str, seconds: float) -> None:
    """Child process: load one engine, transcribe, report wall time and peak RSS."""
    from mockinterview.audio.convert import load_audio
    from mockinterview.core.wer import filler_count, wer
    from mockinterview.transcribe import Options, load_engine

    meta = json.loads((AUDIO / "fixtures.json").read_text())
    t0 = time.perf_counter()
    engine = load_engine(engine_name)
    load_s = time.perf_counter() - t0
    audio, _ = long_answer(seconds)
    engine.transcribe(audio[:16000])                              # warm-up
    t0 = time.perf_counter()
    engine.transcribe(audio)
    wall = time.perf_counter() - t0
    refs, hyps = [], []
    for name in NATURAL:
        refs.append(meta[name]["text"])
        hyps.append(engine.transcribe(load_audio(AUDIO / f"{name}.flac")[0]).text)
    fill_ref = filler_count(meta["fillers"]["text"])
    fillers = load_audio(AUDIO / "fillers.flac")[0]
    with_prompt = filler_count(engine.transcribe(fillers).text)
    without = filler_count(engine.transcribe(fillers, options=Options(keep_fillers=False)).text)
    print(json.dumps({
        "load_s": load_s, "wall_s": wall, "audio_s": len(audio) / 16000,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "wer": wer(" ".join(refs), " ".join(hyps)),
        "filler_recall": min(with_prompt, fill_ref) / fill_ref,
        "filler_recall_without_prompt": min(without, fill_ref) / fill_ref,
    }))


def busy_loop() -> None:
    while True:
        pass


def latency(seconds: float, load: int = 0) -> dict:
    """Feed an answer in real time to the incremental transcriber; time Stop → first review ready
    (provisional transcript + analysis) and Stop → final review ready (one pass over the whole
    recording + analysis). load: how many other CPU-bound processes run meanwhile."""
    import multiprocessing

    from fidelity import machine_load

    from mockinterview.core.wer import wer
    from mockinterview.pipeline import analyze_transcript
    from mockinterview.transcribe import load_engine
    from mockinterview.transcribe.incremental import IncrementalTranscriber

    engine = load_engine("faster-whisper")
    audio, ref = long_answer(seconds)
    engine.transcribe(audio[:16000])
    t0 = time.perf_counter()
    one = engine.transcribe(audio)
    one_shot = time.perf_counter() - t0
    hogs = [multiprocessing.Process(target=busy_loop, daemon=True) for _ in range(load)]
    for h in hogs:
        h.start()
    try:
        inc = IncrementalTranscriber(engine)
        block = 1600
        start = time.perf_counter()
        for i in range(0, len(audio), block):
            inc.feed(audio[i:i + block])
            delay = start + (i + block) / 16000 - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
        stop = time.perf_counter()
        t = inc.finish()
        analyze_transcript(t)
        ready = time.perf_counter() - stop
        final = engine.transcribe(audio, fillers_from=t)
        analyze_transcript(final)
        final_ready = time.perf_counter() - stop
        during = machine_load()
    finally:
        for h in hogs:
            h.terminate()
    busy = sum(c for _, _, c in inc.chunks)
    return {"seconds": len(audio) / 16000, "other_cpu_bound_processes": load, "machine": during,
            "after_stop_s": ready, "final_after_stop_s": final_ready, "chunks": len(inc.chunks),
            "worker_busy_share": busy / (len(audio) / 16000), "last_chunks": inc.chunks[-3:], **inc.finish_stats,
            "one_shot_s": one_shot, "wer_provisional": wer(ref, t.text), "wer_final": wer(ref, final.text),
            "wer_one_shot": wer(ref, one.text)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the 5-minute latency run")
    ap.add_argument("--latency-only", type=float, metavar="SECONDS", help="only the latency run for this length")
    ap.add_argument("--load", type=int, default=0, metavar="N",
                    help="with --latency-only: keep N other CPU-bound processes running meanwhile")
    ap.add_argument("--fidelity", action="store_true", help="the app's paths against the plainly called engine")
    ap.add_argument("--engine", default="faster-whisper", help="for --fidelity")
    ap.add_argument("--answers", type=int, default=45, help="for --fidelity: how many spoken answers")
    ap.add_argument("--worker", nargs=2, metavar=("ENGINE", "SECONDS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker[0], float(args.worker[1]))
        return 0
    if args.fidelity:
        import fidelity
        from spoken_answers import cache_dir
        fidelity.run(args.engine, args.answers, cache_dir().parent / f"fidelity-{args.engine}.json")
        return 0
    if args.latency_only:
        print(json.dumps(latency(args.latency_only, args.load)))
        return 0
    results = {}
    print("Engines on the same 2-minute answer (natural voice) and the same tiny.en weights, beam 5, word timestamps:")
    print(f"{'engine':<16}{'load s':>8}{'wall s':>8}{'RTF':>7}{'peak RSS MB':>13}{'WER':>7}{'fillers':>9}{'(no prompt)':>12}")
    for name in ("faster-whisper", "openai-whisper"):
        out = subprocess.run([sys.executable, __file__, "--worker", name, "120"], capture_output=True, text=True,
                             check=True).stdout.strip().splitlines()[-1]
        r = results[name] = json.loads(out)
        print(f"{name:<16}{r['load_s']:>8.2f}{r['wall_s']:>8.2f}{r['wall_s'] / r['audio_s']:>7.3f}{r['rss_mb']:>13.0f}"
              f"{r['wer']:>7.1%}{r['filler_recall']:>9.0%}{r['filler_recall_without_prompt']:>12.0%}")
    ratio = results["openai-whisper"]["wall_s"] / results["faster-whisper"]["wall_s"]
    f = results["faster-whisper"]
    print(f"\nfaster-whisper is {ratio:.1f}x faster than openai-whisper (target >= 3.5x): {'OK' if ratio >= 3.5 else 'MISSED'}")
    print(f"faster-whisper peak RSS for a 2-minute answer: {f['rss_mb']:.0f} MB (target <= 400 MB): "
          f"{'OK' if f['rss_mb'] <= 400 else 'MISSED'}")
    print(f"faster-whisper WER on the natural-voice fixtures: {f['wer']:.1%} (target <= 5%): {'OK' if f['wer'] <= 0.05 else 'MISSED'}")
    print("\nFeedback after Stop (incremental transcription, fed in real time; the answer's last word is")
    print("followed by 0.5 s before Stop, as when a person finishes and presses Space). The first review")
    print("shows the provisional transcript; the final one comes from one pass over the whole recording:")
    print(f"{'answer':>8}{'first review':>14}{'final review':>14}{'one-shot':>10}{'WER prov.':>11}{'WER final':>11}"
          f"{'WER one-shot':>14}")
    for seconds in (30, 120) if args.quick else (30, 120, 300):
        r = latency(seconds)
        print(f"{r['seconds']:>7.0f}s{r['after_stop_s']:>13.2f}s{r['final_after_stop_s']:>13.2f}s"
              f"{r['one_shot_s']:>9.2f}s{r['wer_provisional']:>11.1%}{r['wer_final']:>11.1%}{r['wer_one_shot']:>14.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
