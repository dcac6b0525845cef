"""Key paths: where a value sits in a plan file's data, the vocabulary of every problem."""

from __future__ import annotations

KeyPath = tuple[str | int, ...]


def format_key_path(path: KeyPath) -> str:
    """``('sections', 0, 'title')`` → ``sections[0].title``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


__all__ = ["KeyPath", "format_key_path"]
