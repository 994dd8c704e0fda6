"""Speech against text: the analysis of every labelled answer, read as text and heard as speech.

Every labelled answer (the files of benchmarks/labelled.py, and any answers-tuning-*.jsonl next to
them) is spoken by two voices: piper's "joe" voice and espeak-ng (benchmarks/spoken_answers.py,
audio made at benchmark time into a cache outside the repository); each recording goes through the
app's own path for a file, as `mockinterview analyze ANSWER.flac` does (load_engine → transcribe_file
→ analyze_transcript), and the same answer's text goes through analyze() as typed text.

The gold labels are carried onto the transcript by aligning words: the gold text's words and the
transcript's words, normalised as for WER (core/wer.py: lower case, numbers spelled out), are aligned
with difflib (substituted words count as aligned, position by position); each transcript sentence
takes the label of the gold sentence that holds most of its aligned words. Transcript sentences with
no aligned word, or whose gold sentence is marked ambiguous, are not scored.

Figures, per part (tuned on / untouched, as in labelled.py) and per voice, on the same answers:
- agent accuracy on text (per gold sentence, exactly as benchmarks/analysis_accuracy.py); on
  speech per transcript sentence (with the carried label) and per gold sentence ("sp/gold": the
  clauses the engine read on that sentence's words as heard, judged together by the guide's rule
  for a sentence, as sentence_agent does); the drop in points is text against sp/gold, the same
  unit (Whisper's full stops fall elsewhere: per transcript sentence a sentence cut in two counts
  its second half wrong, and sentences run together take one label);
- verdict accuracy against the labels on text and on speech (answers marked ambiguous left out),
  verdict agreement text against speech (every answer), Spearman of the speech score against the
  labelled 1–5 score (text too, for reference), and the mean WER of the transcripts.
Targets: verdict agreement text vs speech ≥ 0.95; agent accuracy drops ≤ 3 points from text to speech.

Transcripts are cached next to the audio (~/.cache/mockinterview-bench/speech-transcripts, or under
$MOCKINTERVIEW_BENCH_CACHE), keyed by the audio's hash, the engine, the model and a hash of the app's
transcription code, so a run after a change to the analysis only re-analyses. The first run
transcribes ~270 answers × 2 voices: on 2 CPU cores that takes a long while; run it under `nice`.

    python benchmarks/speech_analysis.py                        # everything, joe and espeak-us
    python benchmarks/speech_analysis.py --limit 3              # the first 3 answers of each file
    python benchmarks/speech_analysis.py --files dev,probes --voices joe
    python benchmarks/speech_analysis.py --errors               # list the tuned-on answers whose
                                                                # verdict flips from text to speech
    python benchmarks/speech_analysis.py --json OUT.json        # every answer's figures
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from labelled import (FILES, LABELLED, SHARED, Tally, ambiguous_sentences,  # noqa: E402
                      label_spans, load, tuned_on)

TARGET_AGREEMENT = 0.95
TARGET_DROP_POINTS = 3.0
PARTS = ("tuned on", "untouched")
# the app's transcription path: a change to any of these files, or to pipeline.transcribe_file,
# makes the cached transcripts stale (the analysis is redone on every run anyway)
APP_PATH = ["mockinterview/core/transcript.py", "mockinterview/audio/convert.py", "mockinterview/transcribe/*.py"]
CACHE_VERSION = "1"             # bump when what is stored changes


def machine_load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min) / {five:.2f} (5 min) on {os.cpu_count()} cores"


def sources(names: list[str] | None) -> list[tuple[str, Path]]:
    """(name, path) of the labelled files: labelled.FILES and any answers-tuning-*.jsonl."""
    found = dict(FILES)
    for d in (SHARED, LABELLED):
        for p in sorted(d.glob("answers-tuning-*.jsonl")):
            found.setdefault(p.stem.removeprefix("answers-"), p)
    if names:
        unknown = [n for n in names if n not in found]
        if unknown:
            raise SystemExit(f"unknown file(s) {', '.join(unknown)}; choose from {', '.join(found)}")
        return [(n, found[n]) for n in names]
    return list(found.items())


# -- transcripts, cached outside the repository ---------------------------------------------------

def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()


def app_path_version() -> str:
    import inspect

    from mockinterview.pipeline import transcribe_file
    h = hashlib.sha256(inspect.getsource(transcribe_file).encode())
    for pattern in APP_PATH:
        for p in sorted(ROOT.glob(pattern)):
            h.update(p.relative_to(ROOT).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


class Transcripts:
    """The app's one-shot transcript of a file, made once and kept in the cache."""

    def __init__(self, engine_name: str, model: str | None):
        from mockinterview.transcribe import ModelResolver

        import spoken_answers as sa
        self.engine_name, self.model = engine_name, model
        info = ModelResolver().resolve(model)
        self.version = {"cache": CACHE_VERSION, "engine": engine_name, "model": info.name,
                        "model_bytes": info.size_bytes, "model_source": info.source, "app_path": app_path_version(),
                        "packages": {p: _package_version(p) for p in
                                     ("faster-whisper", "ctranslate2", "openai-whisper", "onnxruntime")}}
        self.dir = sa.cache_dir().parent / "speech-transcripts"
        self.dir.mkdir(parents=True, exist_ok=True)
        self._engine = None
        self.made = self.reused = 0
        self.seconds_made = 0.0

    def key(self, audio: Path) -> str:
        tag = json.dumps(self.version, sort_keys=True)
        return hashlib.sha256(f"{_sha(audio)}\0{tag}".encode()).hexdigest()[:24]

    def get(self, audio: Path):
        from mockinterview.core.transcript import Transcript
        from mockinterview.pipeline import transcribe_file

        out = self.dir / f"{self.key(audio)}.json"
        if out.exists():
            self.reused += 1
            return Transcript.from_dict(json.loads(out.read_text(encoding="utf-8"))["transcript"]), True
        if self._engine is None:
            from mockinterview.transcribe import load_engine
            t0 = time.perf_counter()
            self._engine = load_engine(self.engine_name, self.model)
            print(f"  loaded {self.engine_name} {self.version['model']} in {time.perf_counter() - t0:.1f} s",
                  file=sys.stderr, flush=True)
        t = transcribe_file(audio, self._engine)
        tmp = out.with_suffix(".tmp")
        tmp.write_text(json.dumps({"audio": str(audio), "version": self.version, "transcript": t.to_dict()}),
                       encoding="utf-8")
        tmp.replace(out)
        self.made += 1
        self.seconds_made += t.duration
        return t, False


# -- carrying the gold labels onto the transcript -----------------------------------------------

def _words(text: str, spans: list[tuple[int, int]], offsets: list[int] | None = None
           ) -> tuple[list[str], list[int | None]]:
    """The text's normalised words and, for each, the index of the span (sentence) it is in (and,
    into offsets if given, where in the text it starts)."""
    from mockinterview.core.wer import normalize

    words, where = [], []
    for m in re.finditer(r"\S+", text):
        at = None
        for i, (a, b) in enumerate(spans):
            if a <= m.start() < b:
                at = i
                break
            if a <= m.start():
                at = i          # between sentences: the one before
        for w in normalize(m.group()):
            words.append(w)
            where.append(at)
            if offsets is not None:
                offsets.append(m.start())
    return words, where


def align_words(gold: list[str], heard: list[str]) -> dict[int, int]:
    """heard word index → gold word index, for words matched or substituted (difflib)."""
    out = {}
    sm = difflib.SequenceMatcher(None, gold, heard, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.update({j1 + k: i1 + k for k in range(j2 - j1)})
        elif op == "replace":
            out.update({j1 + k: i1 + k * (i2 - i1) // (j2 - j1) for k in range(j2 - j1)})
    return out


@dataclass
class Carried:
    by_heard: list = field(default_factory=list)   # (gold sentence dict, predicted sentence), per transcript sentence
    by_gold: list = field(default_factory=list)    # (gold sentence dict, predicted sentence or None), per gold sentence
    unaligned: int = 0                             # transcript sentences with no aligned word


def carry(rec: dict, speech) -> Carried:
    gold_spans = label_spans(rec)
    gw, gsent = _words(rec["text"], [(a, b) for a, b, _ in gold_spans])
    heard_at: list[int] = []
    hw, hsent = _words(speech.text, [(s.start, s.end) for s in speech.sentences], heard_at)
    pairs = align_words(gw, hw)
    skip = ambiguous_sentences(rec)
    c = Carried()
    votes: dict[int, Counter] = {i: Counter() for i in range(len(speech.sentences))}
    back: dict[int, Counter] = {i: Counter() for i in range(len(gold_spans))}
    for j, i in pairs.items():
        if hsent[j] is not None and gsent[i] is not None:
            votes[hsent[j]][gsent[i]] += 1
            back[gsent[i]][hsent[j]] += 1
    for pi, p in enumerate(speech.sentences):
        if not votes[pi]:
            c.unaligned += 1
            continue
        gi = votes[pi].most_common(1)[0][0]
        if gi not in skip:
            c.by_heard.append((gold_spans[gi][2], p))
    clauses = _clauses_at(speech)
    for gi, (_, _, g) in enumerate(gold_spans):
        if gi in skip:
            continue
        # the engine's clauses on the words of this sentence as heard, read together by the guide's
        # rule for a sentence (sentence_agent): wherever Whisper put the full stops
        heard = [heard_at[j] for j, i in pairs.items() if gsent[i] == gi]
        if not heard:
            c.by_gold.append((g, None))
            continue
        a, b = min(heard), max(heard)
        mine = [cl for at, cl in clauses if a <= at <= b]
        c.by_gold.append((g, _Judged(_agent_of(mine))))
    return c


@dataclass
class _Judged:
    agent: str
    star: str = "other"
    quantified: bool = False


def _clauses_at(analysis) -> list[tuple[int, object]]:
    """(character offset of its verb, clause) for every clause the engine read in the analysis's text."""
    from mockinterview.core.analysis import engine
    from mockinterview.core.analysis.tokens import tokenize

    text = analysis.text
    spans = [(s.start, s.end) for s in analysis.sentences]
    toks = [tokenize(text[a:b], offset=a) for a, b in spans]
    out = []
    for tk, cls in zip(toks, engine._clauses(text, spans, toks)):
        out += [(tk[c.verb_start].start, c) for c in cls if c.verb_start < len(tk)]
    return out


def _agent_of(clauses) -> str:
    from mockinterview.core.analysis.agent import sentence_agent
    from mockinterview.core.analysis.tokens import tokenize
    return sentence_agent(tokenize("x " * 200), clauses)[0] if clauses else "none"


# -- scoring ------------------------------------------------------------------------------------

@dataclass
class Result:
    id: str
    file: str
    part: str
    voice: str
    seconds: float
    wer: float
    text_verdict: str
    text_score: float
    speech_verdict: str | None      # None: the transcript held no speech
    speech_score: float | None
    text: Tally
    speech: Tally                   # per transcript sentence, carried labels
    speech_gold: Tally              # per gold sentence
    unaligned: int
    transcript: str


def score(rec: dict, file: str, voice: str, seconds: float, text_analysis, transcript) -> Result:
    from mockinterview.core.wer import wer
    from mockinterview.pipeline import NoSpeech, analyze_transcript

    text = Tally()
    text.add(rec, text_analysis)
    speech, speech_gold = Tally(), Tally()
    speech.answers = speech_gold.answers = 1
    try:
        a = analyze_transcript(transcript)
    except NoSpeech:
        a = None
    unaligned = 0
    if a is not None:
        c = carry(rec, a)
        unaligned = c.unaligned
        speech.add_sentences(c.by_heard)
        speech_gold.add_sentences(c.by_gold)
        speech.add_verdict(rec, a.ownership)
    else:
        for _, _, g in label_spans(rec):
            speech_gold.agent.append((g["agent"], "none"))
    return Result(rec["id"], file, "tuned on" if tuned_on(rec) else "untouched", voice, seconds,
                  wer(rec["text"], transcript.text), text_analysis.ownership.verdict, text_analysis.ownership.score,
                  a.ownership.verdict if a else None, a.ownership.score if a else None, text, speech, speech_gold,
                  unaligned, transcript.text)


def _merge(tallies) -> Tally:
    t = Tally()
    for x in tallies:
        t = t.merge(x)
    return t


def summary(rows: list[Result]) -> dict:
    text = _merge(r.text for r in rows).figures()
    speech = _merge(r.speech for r in rows).figures()
    speech_gold = _merge(r.speech_gold for r in rows).figures()
    heard = [r for r in rows if r.speech_verdict is not None]
    return {"answers": len(rows), "text_sentences": text["sentences"], "speech_sentences": speech["sentences"],
            "agent_text": text["agent"], "agent_speech": speech["agent"], "agent_speech_gold": speech_gold["agent"],
            "drop_points": (text["agent"] - speech_gold["agent"]) * 100,
            "drop_points_heard": (text["agent"] - speech["agent"]) * 100,
            "self_precision_text": text["self_precision"], "self_precision_speech": speech["self_precision"],
            "star_text": text["star"], "star_speech": speech["star"],
            "verdict_text": text["verdict"], "verdict_speech": speech["verdict"],
            "agreement": sum(r.text_verdict == r.speech_verdict for r in rows) / len(rows) if rows else float("nan"),
            "spearman_text": text["spearman"], "spearman_speech": speech["spearman"],
            "wer": sum(r.wer for r in rows) / len(rows) if rows else float("nan"),
            "no_speech": len(rows) - len(heard), "unaligned": sum(r.unaligned for r in rows)}


HEAD = (f"{'part · voice':<24}{'ans.':>5}{'sent.':>6}{'agent':>7}{'sent.':>6}{'agent':>7}{'sp/gold':>8}{'drop':>6}"
        f"{'verdict':>8}{'verdict':>8}{'agree':>7}{'Spearm.':>8}{'Spearm.':>8}{'WER':>7}")
HEAD2 = (f"{'':<24}{'':>5}{'text':>6}{'text':>7}{'sp.':>6}{'speech':>7}{'':>8}{'pts':>6}"
         f"{'text':>8}{'speech':>8}{'t/s':>7}{'text':>8}{'speech':>8}{'mean':>7}")


def line(name: str, s: dict) -> str:
    return (f"{name:<24}{s['answers']:>5}{s['text_sentences']:>6}{s['agent_text']:>7.3f}{s['speech_sentences']:>6}"
            f"{s['agent_speech']:>7.3f}{s['agent_speech_gold']:>8.3f}{s['drop_points']:>+6.1f}{s['verdict_text']:>8.3f}"
            f"{s['verdict_speech']:>8.3f}{s['agreement']:>7.3f}{s['spearman_text']:>8.3f}{s['spearman_speech']:>8.3f}"
            f"{s['wer']:>7.1%}")


def targets(name: str, s: dict) -> str:
    ok = lambda good: "OK" if good else "MISSED"  # noqa: E731
    return (f"{name:<24} verdict agreement {s['agreement']:.3f} (≥ {TARGET_AGREEMENT}) "
            f"{ok(s['agreement'] >= TARGET_AGREEMENT)}; agent drop {s['drop_points']:+.1f} points "
            f"(≤ {TARGET_DROP_POINTS:g}) {ok(s['drop_points'] <= TARGET_DROP_POINTS)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--voices", default="joe,espeak-us", help="voices of benchmarks/spoken_answers.py")
    ap.add_argument("--files", help="comma-separated labelled files (default: all): " + ", ".join(FILES))
    ap.add_argument("--limit", type=int, help="only the first N answers of each file")
    ap.add_argument("--engine", default="faster-whisper", help="speech engine (the app's default: faster-whisper)")
    ap.add_argument("--model", help="model name or folder (the app's default: tiny.en)")
    ap.add_argument("--errors", action="store_true",
                    help="list the tuned-on answers whose verdict flips from text to speech")
    ap.add_argument("--json", type=Path, help="write every answer's figures here")
    args = ap.parse_args()

    import spoken_answers as sa
    from mockinterview.core.analysis import analyze
    from mockinterview.core.analysis.engine import ENGINE_VERSION, warm_up

    voices = args.voices.split(",")
    unknown = [v for v in voices if v not in sa.VOICES]
    if unknown:
        raise SystemExit(f"unknown voice(s) {', '.join(unknown)}; choose from {', '.join(sa.VOICES)}")
    t0 = time.perf_counter()
    print(f"Speech against text; machine: {machine_load()} at start")
    warm_up()
    transcripts = Transcripts(args.engine, args.model)
    print(f"analysis engine {ENGINE_VERSION}; speech: {args.engine} {transcripts.version['model']} through the app's "
          f"one-shot path (app path {transcripts.version['app_path']}); voices {', '.join(voices)}")
    print(f"audio and transcripts cached in {sa.cache_dir().parent}")

    todo = []
    for name, path in sources(args.files.split(",") if args.files else None):
        recs = load(path)
        if not recs:
            print(f"{name}: missing ({path})")
            continue
        todo += [(name, rec) for rec in (recs[:args.limit] if args.limit else recs)]
    rows: list[Result] = []
    n = len(todo) * len(voices)
    k = 0
    for name, rec in todo:
        text_analysis = analyze(rec["text"])
        for voice in voices:
            k += 1
            t1 = time.perf_counter()
            audio = sa.render(rec["text"], voice)
            rendered = time.perf_counter() - t1
            t, cached = transcripts.get(audio)
            r = score(rec, name, voice, t.duration, text_analysis, t)
            rows.append(r)
            print(f"[{k}/{n}] {rec['id']:<16}{voice:<12}{t.duration:6.1f} s  "
                  f"{'cached' if cached else f'transcribed in {t.elapsed_s:.1f} s'}"
                  f"{f' (rendered in {rendered:.1f} s)' if rendered > 0.5 else ''}  WER {r.wer:5.1%}  "
                  f"verdict {r.text_verdict}→{r.speech_verdict}", file=sys.stderr, flush=True)

    print(f"\n{len(todo)} answers × {len(voices)} voices; transcribed {transcripts.made} "
          f"({transcripts.seconds_made / 60:.1f} min of audio), {transcripts.reused} from the cache")
    print("Agent accuracy: text per gold sentence; speech per transcript sentence (carried label); sp/gold: speech "
          "per gold sentence (its pieces read together); drop: text − sp/gold.\nVerdict agreement over every answer; verdict and Spearman against the labels leave "
          "out answers marked ambiguous.")
    print(HEAD)
    print(HEAD2)
    print("-" * len(HEAD))
    groups: dict[str, dict] = {}
    for part in PARTS + ("all",):
        for voice in voices + ["all voices"]:
            sel = [r for r in rows if (part == "all" or r.part == part) and voice in ("all voices", r.voice)]
            if sel:
                groups[f"{part} · {voice}"] = s = summary(sel)
                print(line(f"{part} · {voice}", s))
        print("-" * len(HEAD))
    files = list(dict.fromkeys(r.file for r in rows))
    if len(files) > 1:
        for f in files:
            for voice in voices:
                sel = [r for r in rows if r.file == f and r.voice == voice]
                print(line(f"{f} · {voice}", summary(sel)))
        print("-" * len(HEAD))
    problems = [(r.id, r.voice) for r in rows if r.speech_verdict is None]
    unaligned = sum(r.unaligned for r in rows)
    if problems or unaligned:
        print(f"no speech found in {len(problems)} recording(s) {problems}; "
              f"{unaligned} transcript sentence(s) with no aligned word (not scored)")

    if args.errors:
        flips = [r for r in rows if r.part == "tuned on" and r.text_verdict != r.speech_verdict]
        print(f"\nTuned-on answers whose verdict flips from text to speech: {len(flips)}")
        for r in flips:
            print(f"  {r.id:<16}{r.voice:<12} text {r.text_verdict}/{r.text_score:.1f} → speech "
                  f"{r.speech_verdict}/{r.speech_score if r.speech_score is None else round(r.speech_score, 1)}"
                  f"  WER {r.wer:.1%}\n      heard: {r.transcript}")

    print("\nTargets:")
    for name in [g for g in groups if g.startswith(("all ·", "untouched ·"))]:
        print(targets(name, groups[name]))
    if args.json:
        args.json.write_text(json.dumps({
            "summary": groups, "version": transcripts.version, "engine_version": ENGINE_VERSION,
            "rows": [{"id": r.id, "file": r.file, "part": r.part, "voice": r.voice, "seconds": round(r.seconds, 1),
                      "wer": r.wer, "text_verdict": r.text_verdict, "text_score": r.text_score,
                      "speech_verdict": r.speech_verdict, "speech_score": r.speech_score,
                      "agent_text": r.text.agent, "agent_speech": r.speech.agent, "transcript": r.transcript}
                     for r in rows]}, indent=1))
        print(f"details: {args.json}")
    print(f"\n{time.perf_counter() - t0:.1f} s in all; machine: {machine_load()} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
