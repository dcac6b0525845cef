"""Error classes: user errors (bad plan content) are kept apart from internal bugs.

A `PlanError` is something an editor can fix; the CLI prints it as
``file:line:col: key.path: message`` and never shows a traceback.
Anything else that escapes is a bug in Keikaku and is shown with its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, order=True)
class Location:
    """A position in a plan file; line and column are 1-based, as editors count."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the plan content.

    `code` names the kind of problem so that later front ends (PR annotations,
    Japanese messages) can key their own wording on it; `message` is the English text.
    """

    location: Location
    key_path: str
    message: str
    code: str = "invalid"
    # The parts of the message (what was found, what to write…), for wording it in another language.
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        where = f"{self.location}: "
        key = f"{self.key_path}: " if self.key_path else ""
        return f"{where}{key}{self.message}"

    def sort_key(self) -> tuple:
        return (self.location.file, self.location.line, self.location.column, self.key_path)


class KeikakuError(Exception):
    """Base of every error Keikaku raises on purpose."""


class PlanError(KeikakuError):
    """The plan content is wrong: every problem found, reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))


class BuildError(KeikakuError):
    """The site could not be built for a reason the user can act on (e.g. MkDocs strict mode)."""


@dataclass
class ProblemCollector:
    """Gathers problems from every phase so that all are reported together."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, location: Location, key_path: str, message: str, code: str = "invalid",
            params: dict[str, Any] | None = None) -> None:
        self.problems.append(Problem(location, key_path, message, code, params or {}))

    def raise_if_any(self) -> None:
        if self.problems:
            raise PlanError(self.problems)


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as the editor knows it: relative to the working directory when possible."""
    path = path.resolve()
    for base in (Path.cwd(), root):
        if base is None:
            continue
        try:
            return path.relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()
