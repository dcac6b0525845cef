"""Reading a file of the plan: a regular file inside the plan directory, and nothing else.

A plan comes from anyone's pull request, and git keeps symbolic links. A document, `glossary.yaml` or
a whole folder could point to `/etc/passwd` or to a secret beside the checkout, and the build would
publish it; a device or a named pipe would make the build hang. So every part of the path below the
plan directory is looked at without following links (`lstat`), the file is opened with `O_NOFOLLOW`
and checked again once open (nothing can swap it in between), and it is read only up to its limit.
A refused file is never read, so its contents can never reach a message.
"""

from __future__ import annotations

import errno
import math
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..messages import Message

# `O_NOFOLLOW` and `O_NONBLOCK` where the system has them (a FIFO opened without O_NONBLOCK waits).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
MAX_NAME_BYTES = 255  # one file or folder name, on every common file system


@dataclass(frozen=True)
class Refused:
    """Why a plan file could not be read: a catalogue message, for the place that names the file, or for the
    file itself when what is wrong is its contents (`of_contents`: too large)."""

    message: Message
    of_contents: bool = False


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "file_kind.symlink"
    if stat.S_ISDIR(mode):
        return "file_kind.directory"
    if stat.S_ISFIFO(mode):
        return "file_kind.fifo"
    if stat.S_ISSOCK(mode):
        return "file_kind.socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "file_kind.device"
    return "file_kind.other"


def plan_directory_problem(directory: Path) -> Refused | None:
    """The plan directory itself must be a real directory, not a link to one elsewhere."""
    try:
        mode = os.lstat(directory).st_mode
    except FileNotFoundError:
        return None  # reported as a missing plan.yaml, in the editor's words
    except OSError as exc:
        return Refused(Message("file_unreadable", {"reason": exc.strerror or str(exc)}))
    if stat.S_ISLNK(mode):
        return Refused(Message("plan_directory_symlink"))
    return None


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MiB" if size >= 1024 * 1024 else f"{math.ceil(size / 1024)} KiB"


def _too_large(max_bytes: int, size: int, advice: Message) -> Refused:
    return Refused(Message("file_too_large", {"max": size_text(max_bytes), "size": size_text(size), "advice": advice}),
                   of_contents=True)


def read_plan_file(directory: Path, relative: str, max_bytes: int, advice: Message) -> bytes | Refused | None:
    """The bytes of `relative` (a `/`-separated path below `directory`); None when it does not exist.

    Refused: a name too long for a file system, a link or anything but a regular file on the way, a file
    larger than `max_bytes` (its size is known before a byte is read; `advice` says what the editor can do
    about it), or a file that cannot be read.
    """
    parts = relative.split("/")
    for part in parts:
        if len(part.encode("utf-8")) > MAX_NAME_BYTES:
            return Refused(Message("file_name_too_long", {"max": MAX_NAME_BYTES, "length": len(part.encode("utf-8"))}))
    current = directory
    for index, part in enumerate(parts):
        current = current / part
        last = index == len(parts) - 1
        try:
            mode = os.lstat(current).st_mode
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as exc:
            return Refused(Message("file_unreadable", {"reason": exc.strerror or str(exc)}))
        if stat.S_ISLNK(mode):
            return Refused(Message("file_symlink", {"path": "/".join(parts[:index + 1])}))
        if not last and not stat.S_ISDIR(mode):
            return None
        if last and not stat.S_ISREG(mode):
            return Refused(Message("file_not_regular", {"kind": Message(_kind(mode))}))
    try:
        descriptor = os.open(current, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # it became a link after we looked
            return Refused(Message("file_symlink", {"path": relative}))
        return Refused(Message("file_unreadable", {"reason": exc.strerror or str(exc)}))
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            return Refused(Message("file_not_regular", {"kind": Message(_kind(info.st_mode))}))
        if info.st_size > max_bytes:
            return _too_large(max_bytes, info.st_size, advice)
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew after fstat
        return _too_large(max_bytes, len(data), advice)
    return data


__all__ = ["MAX_NAME_BYTES", "Refused", "plan_directory_problem", "read_plan_file", "size_text"]
