"""Error classes: user errors (bad plan content) are kept apart from internal bugs.

A `PlanError` is something an editor can fix; the CLI prints it as
``file:line:col: key.path: message`` and never shows a traceback.
Anything else that escapes is a bug in Keikaku and is shown with its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..messages import Message, developer_text, locale_language, render
from .keypath import format_key_path
from .place import place_of


@dataclass(frozen=True, order=True)
class Location:
    """A position in a plan file; line and column are 1-based, as editors count."""

    file: str
    line: int = 0
    column: int = 0
    cell: str = ""  # in a workbook: the sheet and cell, e.g. 子育て支援課!J7 (`file.xlsx:子育て支援課!J7`)

    def __str__(self) -> str:
        if self.cell:
            return f"{self.file}:{self.cell}"
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the plan content.

    `detail` is a catalogue message (its `code` and parameters: generator/messages/<lang>.yaml), worded
    in the editor's language when shown. `place` names the item in the editor's terms
    (基本目標1 > KPI「…」) and `rest` is the key path inside it; `key_path` is the whole path.
    """

    location: Location
    key_path: str
    detail: Message | str
    code: str = "invalid"
    place: tuple = ()
    rest: str = ""
    warning: bool = False  # a value that looks like a slip: reported, but the build goes on

    def message_in(self, lang: str) -> str:
        """What is wrong, and what to write instead, in the language `lang`."""
        return render(self.detail, lang)

    def where_in(self, lang: str) -> str:
        """The item in the editor's terms and the key inside it; the key path where no item is named."""
        if not self.place:
            return self.key_path
        place = render(Message("place.path", {"steps": _Steps(self.place)}), lang)
        if not self.rest:
            return place
        return render(Message("place.with_key", {"place": place, "key": self.rest}), lang)

    def text_in(self, lang: str) -> str:
        """`file:line:col: where: what is wrong`, in the language `lang`."""
        where = self.where_in(lang)
        prefix = render(Message("warning.prefix"), lang) if self.warning else ""
        return f"{self.location}: {prefix}{where + ': ' if where else ''}{self.message_in(lang)}"

    @property
    def message(self) -> str:
        return self.message_in(locale_language())

    @property
    def params(self) -> dict[str, Any]:
        """The parts of the message (what was found, what to write…), beside its code."""
        return dict(self.detail.params) if isinstance(self.detail, Message) else {}

    def __str__(self) -> str:
        return self.text_in(locale_language())

    def sort_key(self) -> tuple:
        # A workbook's problems sheet by sheet, then by row and column.
        return (self.location.file, self.location.cell.split("!")[0], self.location.line, self.location.column,
                self.key_path)


class KeikakuError(Exception):
    """Base of every error Keikaku raises on purpose."""


class MessageError(KeikakuError):
    """An error worded by the message catalogue: shown in the editor's language, English in `str()`."""

    def __init__(self, message: Message):
        super().__init__(developer_text(message))
        self.message = message


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
    warnings: list[Problem] = field(default_factory=list)

    def add(self, location: Location, key_path: str, message: Message | str, code: str | None = None, *,
            data: Any = None, path: tuple | None = None, warning: bool = False) -> None:
        """Record a problem; with the file's `data` and the key `path`, it names the item in the editor's terms.
        A `warning` is reported without failing: a value that may be a slip, which the editor decides on."""
        if code is None:
            code = message.code if isinstance(message, Message) else "invalid"
        place, rest = _place(data, path) if path is not None and data is not None else ((), "")
        problem = Problem(location, key_path, message, code, place, rest, warning)
        (self.warnings if warning else self.problems).append(problem)

    def raise_if_any(self) -> None:
        if self.problems:
            raise PlanError(self.problems)


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as the editor knows it: relative to the working directory when possible.

    The file itself is never resolved: a symbolic link is named as the editor wrote it, not by its target."""
    path = Path(path).absolute()
    path = path.parent.resolve() / path.name
    for base in (Path.cwd(), root):
        if base is None:
            continue
        try:
            return path.relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


@dataclass(frozen=True)
class _Steps:
    """The steps of a place, joined by the catalogue's separator (基本目標1 > KPI「…」)."""

    steps: tuple

    def render_in(self, lang: str) -> str:
        return render(Message("place.separator"), lang).join(render(step, lang) for step in self.steps)


def _place(data: Any, path: tuple) -> tuple[tuple, str]:
    place, rest = place_of(data, path)
    return place, format_key_path(rest)
