"""The question bank: load and validate TOML files, filter by competency.

A malformed file or question is reported (file and line) and skipped; the rest still loads.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from .resources import assets

MY_PREFIX = "mine-"          # ids of the user's own questions (kept in the store): mine-<row id>
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_TOML_LINE = re.compile(r"line (\d+)")


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    competency: str
    follow_ups: tuple[str, ...]
    strong_answer: str
    source: str = ""          # file it came from

    @property
    def mine(self) -> bool:
        """One of the user's own questions (not from the bank)."""
        return self.id.startswith(MY_PREFIX)


@dataclass(frozen=True, slots=True)
class BankProblem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(slots=True)
class QuestionBank:
    questions: list[Question] = field(default_factory=list)
    problems: list[BankProblem] = field(default_factory=list)

    def competencies(self) -> list[str]:
        return sorted({q.competency for q in self.questions})

    def by_competency(self, competency: str | None) -> list[Question]:
        if not competency:
            return list(self.questions)
        want = competency.strip().lower().replace("-", " ")
        return [q for q in self.questions if q.competency.replace("-", " ") == want]

    def get(self, qid: str) -> Question | None:
        return next((q for q in self.questions if q.id == qid), None)

    def search(self, words: str) -> list[Question]:
        terms = words.lower().split()
        return [q for q in self.questions if all(t in q.text.lower() or t in q.competency for t in terms)]


def default_bank_dir() -> Traversable:
    """The bundled bank: the questions/ folder of the app's data files (core/resources.py)."""
    return assets() / "questions"


def prompt_audio(question: Question) -> Traversable | None:
    """The recorded prompt of a built-in question (assets/prompts/<id>.ogg), if there is one.
    A Traversable, not always a Path (a zipped install): read it with .open("rb")."""
    path = assets() / "prompts" / f"{question.id}.ogg"
    return path if path.is_file() else None


def load_bank(*dirs: Path | Traversable) -> QuestionBank:
    bank = QuestionBank()
    seen: set[str] = set()
    for d in dirs or (default_bank_dir(),):
        folder = Path(d) if isinstance(d, str) else d
        if not folder.is_dir():
            continue
        for path in sorted((f for f in folder.iterdir() if f.name.endswith(".toml") and f.is_file()),
                           key=lambda f: f.name):
            _load_file(path, bank, seen)
    return bank


def _load_file(path: Path | Traversable, bank: QuestionBank, seen: set[str]) -> None:
    name = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        bank.problems.append(BankProblem(name, 1, f"cannot read: {exc}"))
        return
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE.search(str(exc))
        bank.problems.append(BankProblem(name, int(m.group(1)) if m else 1, f"not valid TOML: {exc}"))
        return
    header_lines = [i + 1 for i, line in enumerate(raw.splitlines()) if line.strip() == "[[question]]"]
    competency = data.get("competency")
    if not isinstance(competency, str) or not competency.strip():
        bank.problems.append(BankProblem(name, 1, "missing top-level 'competency' string"))
        return
    items = data.get("question", [])
    if not isinstance(items, list):
        bank.problems.append(BankProblem(name, 1, "'question' must be an array of tables ([[question]])"))
        return
    for idx, item in enumerate(items):
        line = header_lines[idx] if idx < len(header_lines) else 1
        err = _check(item, seen)
        if err:
            bank.problems.append(BankProblem(name, line, err))
            continue
        seen.add(item["id"])
        bank.questions.append(Question(item["id"], item["text"].strip(), competency.strip().lower(),
                                       tuple(f.strip() for f in item["follow_ups"]),
                                       item["strong_answer"].strip(), name))


def _check(item: object, seen: set[str]) -> str | None:
    if not isinstance(item, dict):
        return "a question must be a table"
    for key in ("id", "text", "strong_answer"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            return f"missing or empty '{key}'"
    if not _ID.match(item["id"]):
        return f"bad id {item['id']!r}: use lower case letters, digits and '-'"
    if item["id"] in seen:
        return f"duplicate id {item['id']!r}"
    fu = item.get("follow_ups")
    if not isinstance(fu, list) or not 1 <= len(fu) <= 2 or not all(isinstance(f, str) and f.strip() for f in fu):
        return "'follow_ups' must be a list of one or two non-empty strings"
    unknown = set(item) - {"id", "text", "follow_ups", "strong_answer"}
    if unknown:
        return f"unknown field(s): {', '.join(sorted(unknown))}"
    return None
