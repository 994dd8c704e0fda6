"""Takes of one question: what counts as "the same question in the same session", and the first
(or best) take of each. History's session averages and the Progress view's "first take" and
"best take" series use these, so the two screens always count the same answers."""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

T = TypeVar("T")


def question_in_session(session_id: int, question_id: str | None, answer_id: int) -> tuple:
    """An answer without a question (free practice from the terminal) is a question of its own."""
    return session_id, question_id if question_id is not None else ("answer", answer_id)


def pick_each(items: Iterable[T], key: Callable[[T], Hashable], rank: Callable[[T], object]) -> list[T]:
    """Per key, the item of lowest rank (the earliest; the best, with a rank that sorts it first);
    ties go to the item met first."""
    chosen: dict[Hashable, T] = {}
    for item in items:
        k = key(item)
        if k not in chosen or rank(item) < rank(chosen[k]):
            chosen[k] = item
    return list(chosen.values())
