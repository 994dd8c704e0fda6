"""Command line: `mockinterview` (no arguments) opens the app; subcommands work in a terminal."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import user_errors


# Audio and video formats that cannot be read: a clear error instead of "binary file".
UNSUPPORTED_MEDIA = (".m4a", ".aac", ".wma", ".amr", ".mp4", ".m4v", ".mov", ".webm", ".mkv", ".avi", ".3gp", ".caf")


class _Engine:
    """Loads the speech engine once, on first need, telling the user what is happening."""

    def __init__(self, engine: str, model: str | None):
        self.name, self.model, self._engine = engine, model, None

    def get(self):
        if self._engine is None:
            from .transcribe import load_engine
            print(f"mockinterview: loading {self.name} model {self.model or 'tiny.en'}…", file=sys.stderr)
            self._engine = load_engine(self.name, self.model)
        return self._engine


def _bar(fraction: float, width: int = 30) -> str:
    filled = int(width * min(1.0, fraction))
    return f"[{'#' * filled}{'.' * (width - filled)}]"


def _progress_printer(label: str):
    """Transcription progress on a terminal (nothing when stderr is not one)."""
    if not sys.stderr.isatty():
        return None

    def show(fraction: float) -> None:
        sys.stderr.write(f"\r{label} {_bar(fraction)} {fraction:4.0%}")
        if fraction >= 1.0:
            sys.stderr.write("\n")
        sys.stderr.flush()
    return show


def _download_printer(name: str, done: int, total: int) -> None:
    if total:
        sys.stderr.write(f"\r{name:<16} {_bar(done / total)} {done / 1e6:7.1f} / {total / 1e6:.1f} MB")
        if done >= total:
            sys.stderr.write("\n")
    else:
        sys.stderr.write(f"\r{name:<16} {done / 1e6:7.1f} MB")
    sys.stderr.flush()


def _read_source(name: str, engine: _Engine):
    """Return (analysis, source) for a text or audio file, or raise one of the user errors."""
    from .audio.convert import SUPPORTED, check_audio
    from .core.analysis import analyze
    from .core.textinput import InputError, decode_answer, read_answer_file
    from .pipeline import analyze_transcript, transcribe_file

    if name == "-":
        return analyze(decode_answer(sys.stdin.buffer.read(), "<stdin>")), "<stdin>"
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix in SUPPORTED:
        check_audio(path)             # a bad or too long file is said at once, not after the model loads
        notes: list[str] = []
        t = transcribe_file(path, engine.get(), progress=_progress_printer(f"transcribing {path.name}"),
                            warn=notes.append)
        result = analyze_transcript(t)
        result.warnings.extend(notes)
        return result, name
    if suffix in UNSUPPORTED_MEDIA and path.exists():
        raise InputError(f"{name}: unsupported file type {suffix}; use a text file (.txt) or audio "
                         f"({', '.join(s.lstrip('.') for s in SUPPORTED)})")
    return analyze(read_answer_file(path)), name


def _error_text(name: str, exc: Exception) -> str:
    from .core.analysis import EmptyAnswer
    from .core.textinput import InputError
    from .pipeline import NoSpeech
    if isinstance(exc, NoSpeech):
        return f"{name}: no speech detected"
    if isinstance(exc, EmptyAnswer):
        return f"{name}: nothing to analyse"
    if isinstance(exc, InputError):
        return str(exc)
    text = str(exc)
    return text if text.startswith(name) else f"{name}: {text}"


def _emit(result, source: str, as_json: bool, colour: bool, extra: dict | None = None) -> None:
    from .report import json_line, render
    if as_json:
        d = result.to_json_dict(source)
        d.update(extra or {})
        print(json_line(d))           # valid JSON that carries no raw terminal controls
    else:
        sys.stdout.write(render(result, source, colour))


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .report import clean, use_colour

    colour = not args.json and use_colour(sys.stdout)
    engine = _Engine(args.engine, args.model)
    errors = user_errors()
    failures = 0
    for i, name in enumerate(args.files):
        try:
            result, source = _read_source(name, engine)
        except errors as exc:
            print(f"mockinterview: {clean(_error_text(name, exc), keep_layout=False)}", file=sys.stderr)
            failures += 1
            continue
        except OSError as exc:        # a folder the user may not read, a loop of links, a vanished disk
            why = exc.strerror or exc.__class__.__name__
            print(f"mockinterview: {ascii(name)[1:-1] if not name.isprintable() else name}: cannot be read ({why})",
                  file=sys.stderr)
            failures += 1
            continue
        if i and not args.json:
            sys.stdout.write("\n")
        _emit(result, source, args.json, colour)
    return 1 if failures else 0


def _warm_up_quietly() -> None:
    from .core.analysis.engine import warm_up
    from .core.analysis.nlp import ParserMissing
    try:
        warm_up()
    except ParserMissing:
        pass                                  # said when the answer is analysed


def _cmd_record(args: argparse.Namespace) -> int:
    import threading
    import time

    from .audio.devices import SoundDeviceBackend
    from .core import paths, settings
    from .core.questions import load_bank
    from .core.store import open_default
    from .rehearsal import Rehearsal, refine
    from .report import use_colour

    prefs, notices = settings.load()
    for n in notices:
        print(f"mockinterview: {n}", file=sys.stderr)
    try:
        backend = SoundDeviceBackend()
        if args.list_devices:
            for d in backend.input_devices():
                print(f"{'*' if d.is_default else ' '} {d.name}  ({d.default_rate} Hz, {d.channels} ch)")
            return 0
        question = load_bank().get(args.question) if args.question else None
        if args.question and question is None:
            print(f"mockinterview: no question {args.question!r} (see: mockinterview questions)", file=sys.stderr)
            return 1
        engine = _Engine(args.engine or prefs.engine, args.model or prefs.model).get()
        store = open_default()            # the take joins the window's history, and is recoverable after a crash
        left = store.unfinished()
        if left:
            print(f"mockinterview: {len(left)} interrupted take{'s' if len(left) != 1 else ''} from an earlier run "
                  "kept (audio saved); recover with: mockinterview recover", file=sys.stderr)
        out = Path(args.out) if args.out else paths.new_recording(question.id if question else "answer")
        take_ = Rehearsal(store, engine, question, store.new_session(), device=args.device or prefs.input_device,
                          backend=backend, audio_path=out)
        rec = take_.recorder
    except user_errors() as exc:
        print(f"mockinterview: {exc}", file=sys.stderr)
        return 1
    if rec.notice:
        print(f"mockinterview: {rec.notice}", file=sys.stderr)
    try:
        take_.start()
    except user_errors() as exc:
        print(f"mockinterview: {exc}", file=sys.stderr)
        return 1
    done = threading.Event()
    tty = sys.stderr.isatty()

    def meter() -> None:
        warned = False
        while not done.wait(0.2):
            if rec.silent and not warned:
                warned = True
                sys.stderr.write("\nmockinterview: no sound from the microphone: is it muted or the wrong device?\n")
            if tty:
                bars = max(0, min(20, int((rec.level_dbfs + 60) / 3)))
                sys.stderr.write(f"\r  {rec.elapsed:5.1f} s  [{'|' * bars}{' ' * (20 - bars)}]  ")
                sys.stderr.flush()
    threading.Thread(target=meter, daemon=True).start()
    # the parser loads while the user speaks, not after Stop (a failure is reported by the analysis)
    threading.Thread(target=_warm_up_quietly, daemon=True).start()
    if not rec.wait_until_hearing(3.0):       # say "recording" only once audio flows
        print("mockinterview: the microphone has not delivered any audio yet; recording anyway.", file=sys.stderr)
    if question:
        print(f"Question: {question.text}", file=sys.stderr)
    print(f"Recording to {out}. Press Enter to stop (Ctrl-C also stops).", file=sys.stderr)
    try:
        if args.seconds:
            time.sleep(args.seconds)
        else:
            sys.stdin.readline()
    except KeyboardInterrupt:
        pass
    take = take_.stop()
    done.set()
    stopped = time.perf_counter()
    if take.error:
        print(f"\nmockinterview: {take.error}", file=sys.stderr)
    try:
        first = take_.finish()
        result = first.analysis
        ready = time.perf_counter() - stopped
        if first.not_saved:           # a full disk: the report is still printed, and says it was not kept
            print(f"\nmockinterview: {first.not_saved} The recording is kept in {out}.", file=sys.stderr)
        else:
            # the terminal prints one report: the final one, from the whole recording
            final = refine(store, engine, take_.answer_id,
                           progress=_progress_printer("checking the whole recording"))
            if final is not None:
                result = final.analysis
    except user_errors() as exc:
        print(f"\nmockinterview: {_error_text(str(out), exc)} (the recording is kept in {out})", file=sys.stderr)
        return 1
    final_s = time.perf_counter() - stopped
    print(f"\nSaved {take.seconds:.1f} s to {out}; first feedback ready {ready:.2f} s after Stop, "
          f"the final transcript {final_s:.2f} s after Stop.", file=sys.stderr)
    if take.device != prefs.input_device:
        prefs.input_device = take.device
        settings.save(prefs)
    _emit(result, str(out), args.json, not args.json and use_colour(sys.stdout),
          {"audio": str(out), "latency_after_stop_s": round(ready, 3), "final_after_stop_s": round(final_s, 3)})
    return 0


def _cmd_models(args: argparse.Namespace) -> int:
    from .core import paths
    from .transcribe import ENGINES
    from .transcribe.download import DownloadError, download
    from .transcribe.models import ModelResolver

    if args.action == "download":
        if not args.name:
            print("mockinterview: models download needs a NAME (e.g. base.en)", file=sys.stderr)
            return 2
        try:
            path = download(args.name, paths.ensure(paths.models_dir()), _download_printer)
        except DownloadError as exc:
            print(f"mockinterview: {exc}", file=sys.stderr)
            return 1
        print(f"Downloaded {args.name} to {path}")
        return 0
    resolver = ModelResolver()
    models = resolver.available()
    if not models:
        print("No models installed. Get one with: mockinterview models download tiny.en")
        return 1
    print(f"engines: {', '.join(ENGINES)}")
    for m in models:
        print(f"  {m.name:<12} {m.size_bytes / 1e6:7.1f} MB  {m.source:<12} {m.path}")
    return 0


def _cmd_questions(args: argparse.Namespace) -> int:
    from .core.questions import load_bank

    bank = load_bank(*[Path(d) for d in args.bank]) if args.bank else load_bank()
    for p in bank.problems:
        print(f"mockinterview: {p}", file=sys.stderr)
    if args.check:
        print(f"{len(bank.questions)} questions in {len(bank.competencies())} competencies, "
              f"{len(bank.problems)} problem(s)")
        return 1 if bank.problems else 0
    qs = bank.by_competency(args.competency)
    if args.competency and not qs:
        print(f"mockinterview: no questions for competency {args.competency!r}; "
              f"choose from: {', '.join(bank.competencies())}", file=sys.stderr)
        return 1
    if args.json:
        for q in qs:
            print(json.dumps({"id": q.id, "competency": q.competency, "text": q.text,
                              "follow_ups": list(q.follow_ups), "strong_answer": q.strong_answer}))
        return 0
    current = None
    for q in qs:
        if q.competency != current:
            current = q.competency
            print(f"\n{current.upper()}")
        print(f"  {q.id:<22} {q.text}")
    return 0


def _cmd_history(args: argparse.Namespace) -> int:
    from .core.store import StoreError, open_default

    try:
        store = open_default()
    except StoreError as exc:
        print(f"mockinterview: {exc}", file=sys.stderr)
        return 1
    try:
        if store.read_only:
            print(f"mockinterview: {store.path.parent} is read-only: showing the history as it is.", file=sys.stderr)
        else:
            _bring_up_to_date(store)
        rows = store.answers(competency=args.competency)
        left = store.unfinished()
    except StoreError as exc:
        print(f"mockinterview: {exc}", file=sys.stderr)
        return 1
    if left:
        _tell_interrupted(left, sys.stdout if not args.json else sys.stderr)
    from .report import clean, json_line
    if args.json:
        for r in rows:
            print(json_line(r.to_json()))
        return 0
    if not rows:
        print("No saved answers yet. Practise with: mockinterview record (or open the app).")
        return 0
    from .core.analysis.model import verdict_word
    from .core.local_time import when
    print(f"{'id':>4}  {'when':<23} {'score':>5}  {'verdict':<11} {'length':>6}  question")
    for r in rows:
        length = f"{r.duration_s:.0f} s" if r.duration_s else "-"
        score = f"{r.score:.1f}" if r.score is not None else "-"
        verdict = verdict_word(r.verdict) or "-"
        print(f"{r.id:>4}  {when(r.created_at):<23} {score:>5}  {verdict:<11} {length:>6}  "
              f"{clean(r.question_text[:60], keep_layout=False)}")
    return 0


def _tell_interrupted(rows, out) -> None:
    """Takes a crash or a kill left unfinished: their audio is kept and they can be recovered."""
    from .core.local_time import when
    from .report import clean
    print(f"Interrupted take{'s' if len(rows) != 1 else ''} (the recording stopped unexpectedly; the audio is kept):",
          file=out)
    for r in rows:
        print(f"  {r.id:>4}  {when(r.created_at)}  {clean(r.question_text[:60], keep_layout=False)}", file=out)
    print("Recover with: mockinterview recover" + ("" if len(rows) == 1 else "  (or: mockinterview recover ID)"),
          file=out)
    print(file=out)


def _cmd_recover(args: argparse.Namespace) -> int:
    """Analyse takes left unfinished by a crash (never one another process is still recording)."""
    from .core import settings
    from .core.store import open_default
    from .rehearsal import recover
    from .report import use_colour

    prefs, _ = settings.load()
    try:
        store = open_default()
        left = store.unfinished()
    except user_errors() as exc:
        print(f"mockinterview: {exc}", file=sys.stderr)
        return 1
    if args.ids:
        wanted = set(args.ids)
        missing = wanted - {r.id for r in left}
        if missing:
            print(f"mockinterview: no interrupted take {', '.join(map(str, sorted(missing)))} "
                  "(see: mockinterview history)", file=sys.stderr)
            return 1
        left = [r for r in left if r.id in wanted]
    if not left:
        print("No interrupted takes to recover.", file=sys.stderr)
        return 0
    try:
        engine = _Engine(args.engine or prefs.engine, args.model or prefs.model).get()
    except user_errors() as exc:
        print(f"mockinterview: {exc}", file=sys.stderr)
        return 1
    failed = 0
    for row in left:
        print(f"Recovering take {row.id} ({row.question_text[:60]})…", file=sys.stderr)
        try:
            result = recover(store, engine, row, progress=_progress_printer("transcribing"))
        except (FileNotFoundError, *user_errors()) as exc:
            failed += 1
            print(f"\nmockinterview: take {row.id}: {_error_text(row.audio_path or '', exc)}", file=sys.stderr)
            continue
        _emit(result.analysis, row.audio_path or "", args.json, not args.json and use_colour(sys.stdout),
              {"answer_id": row.id, "audio": row.audio_path})
    return 1 if failed else 0


def _bring_up_to_date(store) -> None:
    """Answers judged by an earlier version of the analysis are judged again from their stored
    transcripts first, so the history agrees with what the review shows (progress on stderr)."""
    from .core.analysis.nlp import ParserMissing
    from .core.reanalysis import count_stale, reanalyse

    n = count_stale(store)
    if not n:
        return
    print(f"mockinterview: re-analysing {n} saved answer{'s' if n != 1 else ''} judged by an earlier version "
          "of the analysis…", file=sys.stderr)
    bar = _progress_printer("re-analysing")
    try:
        result = reanalyse(store, progress=(lambda done, total: bar(done / max(1, total))) if bar else None)
    except ParserMissing as exc:
        print(f"mockinterview: {exc}. The scores below are from the earlier version.", file=sys.stderr)
        return
    if result.failed:
        print(f"mockinterview: {len(result.failed)} answer(s) could not be re-analysed and keep their earlier "
              f"scores: {', '.join(f'{i} ({why})' for i, why in result.failed)}", file=sys.stderr)

EXPORT_FORMATS = ("md", "pdf", "csv", "json")


def _export_format(args: argparse.Namespace) -> str | None:
    if args.format:
        return args.format
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    return {"markdown": "md"}.get(suffix, suffix) if suffix in (*EXPORT_FORMATS, "markdown") else "md"


def _parse_day(text: str | None, flag: str):
    from datetime import date
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{flag} {text!r} is not a date (use YYYY-MM-DD)") from None


def _export_selection(store, args):
    """The report to export: (kind, report) with kind 'answer' or 'group'; raises LookupError when
    the answer or session does not exist or holds nothing to export."""
    from datetime import date

    from .core import report_model
    if args.answer is not None:
        r = report_model.from_row(store.answer(args.answer))
        if r is None:
            raise LookupError(f"no analysed answer {args.answer} (see: mockinterview history)")
        return "answer", r
    if args.session is not None:
        g = report_model.session_report(store, args.session)
        if g is None:
            raise LookupError(f"no session {args.session} with a finished answer (see: mockinterview history --json)")
        return "group", g
    start, end = _parse_day(args.date_from, "--from"), _parse_day(args.date_to, "--to")
    if start and end and start > end:
        raise ValueError(f"--from {start} is after --to {end}")
    if end is None and start is not None:
        end = date.today()
    return "group", report_model.range_report(store, start, end)


def _write_new(path: Path, data: bytes, force: bool) -> None:
    """Write the file whole (a temporary file renamed into place), never over one unless force."""
    import os
    import tempfile
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        if force:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)                 # fails if the file appeared meanwhile: never replaced unasked
            os.unlink(tmp)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _cmd_export(args: argparse.Namespace) -> int:
    from .core import report_markdown
    from .core.history_export import record, to_csv, to_json
    from .core.store import StoreError, open_default
    from .report import clean

    chosen = [args.answer is not None, args.session is not None, bool(args.date_from or args.date_to)]
    if sum(chosen) > 1:
        print("mockinterview: export one answer, one session or one date range, not several at once", file=sys.stderr)
        return 2
    fmt = _export_format(args)
    out = Path(args.output) if args.output else None
    if fmt == "pdf" and out is None:
        print("mockinterview: a PDF needs a file: add -o FILE.pdf", file=sys.stderr)
        return 2
    if out is not None:
        if out.exists() and not args.force:
            print(f"mockinterview: {out} already exists; nothing was written (use --force to replace it)",
                  file=sys.stderr)
            return 1
        if not out.parent.is_dir():
            print(f"mockinterview: the folder {out.parent} does not exist", file=sys.stderr)
            return 1
    try:
        store = open_default()
    except StoreError as exc:
        print(f"mockinterview: {exc}", file=sys.stderr)
        return 1
    try:
        kind, report = _export_selection(store, args)
    except (LookupError, ValueError) as exc:
        print(f"mockinterview: {exc.args[0]}", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"mockinterview: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    answers = [report] if kind == "answer" else report.answers
    if fmt in ("csv", "json"):
        records = [record(r) for r in answers]
        text = to_csv(records) if fmt == "csv" else to_json(records)
    elif fmt == "md":
        text = report_markdown.to_markdown(report)
    else:
        text = None
    what = f"{len(answers)} answer{'s' if len(answers) != 1 else ''}"
    try:
        if text is None:
            import tempfile

            from . import export_pdf
            with tempfile.TemporaryDirectory(dir=out.parent, prefix=".mockinterview-pdf-") as tmp:
                pdf = Path(tmp) / "report.pdf"
                export_pdf.to_pdf(report, pdf)
                _write_new(out, pdf.read_bytes(), args.force)
        elif out is None:
            if sys.stdout.isatty():
                sys.stdout.write(clean(text))  # the user's words cannot drive the terminal
            else:                              # piped or redirected: the same bytes as -o FILE
                sys.stdout.buffer.write(text.encode("utf-8"))
                sys.stdout.flush()
            return 0
        else:
            _write_new(out, text.encode("utf-8"), args.force)
    except FileExistsError:
        print(f"mockinterview: {out} already exists; nothing was written (use --force to replace it)", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"mockinterview: {out} could not be written ({exc.strerror or exc})", file=sys.stderr)
        return 1
    print(f"Exported {what} to {out}", file=sys.stderr)
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from .core import paths
    from .core.backup import BackupError, backup
    out = Path(args.file)
    if out.exists() and not args.force:
        print(f"mockinterview: {out} already exists; nothing was written (use --force to replace it)", file=sys.stderr)
        return 1
    try:
        done = backup(paths.data_dir(), out, overwrite=args.force, progress=_progress_printer("backing up"))
    except BackupError as exc:
        print(f"mockinterview: {exc}", file=sys.stderr)
        return 1
    print(f"Backed up {done.answers} answers and {done.recordings} recordings to {done.path} "
          f"({done.size / 1e6:.1f} MB)")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from .core import paths
    from .core.backup import BackupError, holds_data, restore, verify
    data = paths.data_dir()
    try:
        if args.check:
            m = verify(Path(args.file), progress=_progress_printer("checking"))
            print(f"{args.file}: a sound backup of {m.answers} answers (schema {m.schema_version}, made {m.created_at})")
            return 0
        if holds_data(data) and not args.force:
            print(f"mockinterview: {data} already holds mockinterview data; nothing was changed. Restoring replaces "
                  "it: add --force (your current data is backed up first, and its file named).", file=sys.stderr)
            return 1
        done = restore(Path(args.file), data, replace=args.force, progress=_progress_printer("restoring"))
    except BackupError as exc:
        print(f"mockinterview: {exc}", file=sys.stderr)
        return 1
    if done.previous:
        print(f"Your data as it was is kept in {done.previous}")
    print(f"Restored {done.answers} answers and {done.recordings} recordings into {data}")
    return 0


def _cmd_gui(args: argparse.Namespace) -> int:
    from .ui.app import run                    # says so itself when there is no display or no PySide6
    return run()


def _cmd_version(verbose: bool) -> int:
    """The version; --verbose adds what it runs on and the data folder's schema (only read, never made)."""
    from .core import about
    if not verbose:
        print(about.version_line())
        return 0
    try:                              # Qt's own version, when PySide6 loads (0.1 s); the report stands without it
        from PySide6.QtCore import qVersion
        qt = qVersion()
    except ImportError:
        qt = None
    print(about.verbose_text(qt))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mockinterview",
                                description="Rehearse interview answers aloud; see what you did, not what the team did.")
    p.add_argument("--version", action="store_true", help="show the version and exit")
    p.add_argument("--verbose", action="store_true", help="with --version: also the versions of Python, Qt, the "
                   "speech and language engines, the data folder and its database's schema version")
    sub = p.add_subparsers(dest="command")
    a = sub.add_parser("analyze", help="judge answers: who acts in each sentence, verdict, STAR, delivery, tips")
    a.add_argument("files", nargs="+", metavar="FILE", help="text file or audio (wav, flac, ogg, mp3) with the "
                   "answer ('-' reads text from stdin)")
    a.add_argument("--json", action="store_true", help="one JSON object per file (schema mockinterview.analysis/1)")
    a.add_argument("--engine", default="faster-whisper", help="speech engine for audio files: faster-whisper "
                   "(default) or openai-whisper")
    a.add_argument("--model", help="model name or folder for audio files (default: tiny.en)")
    a.set_defaults(func=_cmd_analyze)
    r = sub.add_parser("record", help="record one answer from the microphone, then judge it")
    r.add_argument("--device", help="input device name (remembered for next time)")
    r.add_argument("--list-devices", action="store_true", help="list input devices and exit")
    r.add_argument("--out", help="where to save the recording (default: your data folder)")
    r.add_argument("--seconds", type=float, help="stop after this many seconds instead of waiting for Enter")
    r.add_argument("--engine", help="speech engine (default: from settings, faster-whisper)")
    r.add_argument("--model", help="model name or folder (default: from settings, tiny.en)")
    r.add_argument("--question", metavar="ID", help="the question you are answering (see: mockinterview questions)")
    r.add_argument("--json", action="store_true", help="print the analysis as JSON")
    r.set_defaults(func=_cmd_record)
    rc = sub.add_parser("recover", help="analyse takes a crash left unfinished (their audio is kept)")
    rc.add_argument("ids", nargs="*", type=int, metavar="ID", help="only these takes (default: all)")
    rc.add_argument("--engine", help="speech engine (default: from settings, faster-whisper)")
    rc.add_argument("--model", help="model name or folder (default: from settings, tiny.en)")
    rc.add_argument("--json", action="store_true", help="print each analysis as JSON")
    rc.set_defaults(func=_cmd_recover)
    m = sub.add_parser("models", help="list speech models, or download a larger one (needs a network)")
    m.add_argument("action", nargs="?", choices=["list", "download"], default="list")
    m.add_argument("name", nargs="?", help="model to download, e.g. base.en")
    m.set_defaults(func=_cmd_models)
    h = sub.add_parser("history", help="list your saved answers, newest first (answers judged by an earlier "
                       "version of the analysis are re-analysed first)")
    h.add_argument("-c", "--competency", help="only answers to questions of this competency")
    h.add_argument("--json", action="store_true", help="one JSON object per answer")
    h.set_defaults(func=_cmd_history)
    q = sub.add_parser("questions", help="list the practice questions")
    q.add_argument("-c", "--competency", help="only this competency (e.g. leadership, conflict)")
    q.add_argument("--json", action="store_true", help="one JSON object per question")
    q.add_argument("--check", action="store_true", help="validate the bank and report problems")
    q.add_argument("--bank", action="append", metavar="DIR", help="load questions from DIR instead (repeatable)")
    q.set_defaults(func=_cmd_questions)
    e = sub.add_parser("export", help="write a report of an answer, a session, a date range or all your history "
                       "(Markdown, PDF, CSV or JSON)")
    e.add_argument("answer", nargs="?", type=int, metavar="ANSWER_ID", help="one answer (see: mockinterview history)")
    e.add_argument("--session", type=int, metavar="ID", help="one session: its answers and averages")
    e.add_argument("--from", dest="date_from", metavar="DATE", help="answers from this day (YYYY-MM-DD, local time)")
    e.add_argument("--to", dest="date_to", metavar="DATE", help="answers up to this day, included")
    e.add_argument("--format", "-f", choices=EXPORT_FORMATS, help="md, pdf, csv or json (default: from the "
                   "file's name, else md)")
    e.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: the terminal; a PDF needs one)")
    e.add_argument("--force", action="store_true", help="replace FILE if it exists")
    e.set_defaults(func=_cmd_export)
    b = sub.add_parser("backup", help="all your data (answers and recordings) in one file")
    b.add_argument("file", metavar="FILE", help="the backup to write, e.g. mockinterview-backup.zip")
    b.add_argument("--force", action="store_true", help="replace FILE if it exists")
    b.set_defaults(func=_cmd_backup)
    rs = sub.add_parser("restore", help="bring back your data from a backup (checked first)")
    rs.add_argument("file", metavar="FILE", help="a file made by mockinterview backup")
    rs.add_argument("--force", action="store_true", help="replace the data you have now (it is backed up first)")
    rs.add_argument("--check", action="store_true", help="only check the backup; change nothing")
    rs.set_defaults(func=_cmd_restore)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        return _cmd_version(args.verbose)
    if args.verbose:
        parser.error("--verbose goes with --version")
    from .core.privacy import make_private
    make_private()                    # recordings and history: the user's eyes only (0700 / 0600)
    if not args.command:
        return _cmd_gui(args)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("mockinterview: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
