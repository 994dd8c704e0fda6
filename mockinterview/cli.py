"""Command line: `mockinterview` (no arguments) opens the app; subcommands work in a terminal."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .core.analysis import EmptyAnswer, analyze
    from .core.textinput import InputError, decode_answer, read_answer_file
    from .report import render, use_colour

    colour = not args.json and use_colour(sys.stdout)
    failures = 0
    for name in args.files:
        try:
            if name == "-":
                text = decode_answer(sys.stdin.buffer.read(), "<stdin>")
                source = "<stdin>"
            else:
                text = read_answer_file(Path(name))
                source = name
            result = analyze(text)
        except (InputError, EmptyAnswer) as exc:
            msg = str(exc) if isinstance(exc, InputError) else f"{name}: nothing to analyse"
            print(f"mockinterview: {msg}", file=sys.stderr)
            failures += 1
            continue
        if args.json:
            print(json.dumps(result.to_json_dict(source), ensure_ascii=False))
        else:
            sys.stdout.write(render(result, source, colour))
            if len(args.files) > 1:
                sys.stdout.write("\n")
    return 1 if failures else 0


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


def _cmd_gui(args: argparse.Namespace) -> int:
    print("The desktop window is not built yet. Use the terminal commands:\n"
          "  mockinterview analyze ANSWER.txt   judge a written-out answer\n"
          "  mockinterview questions            list practice questions", file=sys.stderr)
    return 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mockinterview",
                                description="Rehearse interview answers aloud; see what you did, not what the team did.")
    p.add_argument("--version", action="version", version=f"mockinterview {__version__}")
    sub = p.add_subparsers(dest="command")
    a = sub.add_parser("analyze", help="judge answers: who acts in each sentence, verdict, STAR, delivery, tips")
    a.add_argument("files", nargs="+", metavar="FILE", help="text file with the answer ('-' reads stdin)")
    a.add_argument("--json", action="store_true", help="one JSON object per file (schema mockinterview.analysis/1)")
    a.set_defaults(func=_cmd_analyze)
    q = sub.add_parser("questions", help="list the practice questions")
    q.add_argument("-c", "--competency", help="only this competency (e.g. leadership, conflict)")
    q.add_argument("--json", action="store_true", help="one JSON object per question")
    q.add_argument("--check", action="store_true", help="validate the bank and report problems")
    q.add_argument("--bank", action="append", metavar="DIR", help="load questions from DIR instead (repeatable)")
    q.set_defaults(func=_cmd_questions)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        return _cmd_gui(args)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("mockinterview: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
