"""The one writer of the output tree: it refuses to write the same path twice."""

from __future__ import annotations

from pathlib import Path


class DuplicateOutput(Exception):
    """Two parts of the build produced the same file: a Keikaku bug."""


class OutputTree:
    """Writes files below `root`; every path is written once, and never outside `root`."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.written: set[str] = set()

    def write(self, relative: str, content: str) -> Path:
        if relative in self.written:
            raise DuplicateOutput(f"{relative} would be written twice")
        target = (self.root / relative).resolve()
        if self.root not in target.parents:
            raise DuplicateOutput(f"{relative} is outside the output tree")
        self.written.add(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        return target
