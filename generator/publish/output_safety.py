"""Where a site may be written: never over the plan, a repository, the home directory or `/`.

A build replaces its output directory whole, so a wrong `--out` would delete whatever is there.
Before anything is read or written, the output is checked against the directories that must
never be replaced, and an existing directory is only replaced when it holds the marker file that
every Keikaku build writes (`.keikaku-site`): a directory Keikaku did not create is left alone.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..problems.errors import MessageError
from ..languages import required_languages
from ..messages import Message

MARKER = ".keikaku-site"
MARKER_TEXT = ("This directory is a site built by Keikaku (python -m generator build).\n"
               "Each build replaces the whole directory; do not keep other files in it.\n")


class UnsafeOutput(MessageError):
    """The output directory would destroy something that is not a Keikaku site; `code` names the refusal."""

    def __init__(self, code: str, message: Message):
        super().__init__(message)
        self.code = code


def _shown(path: Path) -> str:
    try:
        relative = path.relative_to(Path.cwd().resolve())
    except ValueError:
        return str(path)
    return "." if not relative.parts else f"{relative.as_posix()}/"


def repository_root(start: Path) -> Path | None:
    """The top level of the git work tree holding `start` (the nearest ancestor with `.git`)."""
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    return None


def _protected(plan_dir: Path) -> list[tuple[str, Path]]:
    """(code, directory) for every directory an output must neither be nor contain; the catalogue names
    each code as `output.what.<code>` ("the plan directory")."""
    cwd = Path.cwd().resolve()
    protected = [("out_is_plan", plan_dir)]
    for start in (cwd, plan_dir):
        root = repository_root(start)
        if root is not None:
            protected.append(("out_is_repository", root))
    protected.append(("out_is_cwd", cwd))
    home = os.environ.get("HOME")
    if home:
        protected.append(("out_is_home", Path(home).resolve()))
    protected.append(("out_is_filesystem_root", Path(cwd.anchor)))
    return protected


def is_keikaku_site(directory: Path) -> bool:
    """True for a site Keikaku built: it has the marker (or, built before the marker existed, Keikaku's stylesheet)."""
    return (directory / MARKER).is_file() or (
        (directory / "assets" / "stylesheets" / "keikaku.css").is_file()
        and any((directory / language.url_prefix / "index.html").is_file()
                for language in required_languages() if language.url_prefix))


def check_output(out: Path, plan_dir: Path) -> Path:
    """The resolved output directory, or UnsafeOutput if building there could destroy anything else."""
    out = Path(out).resolve()
    plan_dir = Path(plan_dir).resolve()
    hint = Message("output.hint")
    for code, directory in _protected(plan_dir):
        if out == directory or out in directory.parents:
            relation = "output.is" if out == directory else "output.contains"
            raise UnsafeOutput(code, Message(relation, {"out": _shown(out), "what": Message(f"output.what.{code}"),
                                                        "protected": _shown(directory), "hint": hint}))
        if code == "out_is_plan" and directory in out.parents:
            raise UnsafeOutput("out_in_plan", Message("output.inside_plan", {
                "out": _shown(out), "protected": _shown(directory), "hint": hint}))
    if out.exists() or out.is_symlink():
        if not out.is_dir():
            raise UnsafeOutput("out_not_directory", Message("output.not_directory", {"out": _shown(out), "hint": hint}))
        if any(out.iterdir()) and not is_keikaku_site(out):
            raise UnsafeOutput("out_not_a_site", Message("output.not_a_site", {
                "out": _shown(out), "marker": MARKER, "hint": hint}))
    return out
