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

    def write(self, relative: str, content: str | bytes) -> Path:
        if relative in self.written:
            raise DuplicateOutput(f"{relative} would be written twice")
        target = (self.root / relative).resolve()
        if self.root not in target.parents:
            raise DuplicateOutput(f"{relative} is outside the output tree")
        self.written.add(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        return target


class SyncedTree:
    """A directory kept equal to a set of files across rebuilds (for `serve`): a file is rewritten
    only when its content changed, and files no longer produced are removed. Unchanged files keep
    their modification time, so MkDocs' dirty build skips their pages."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.current: dict[str, str | bytes] = {}

    def sync(self, files: dict[str, str | bytes]) -> tuple[set[str], set[str]]:
        """Make the tree hold exactly `files` (relative path → text or bytes); return (changed, removed)."""
        changed = {path for path, text in files.items() if self.current.get(path) != text}
        removed = set(self.current) - set(files)
        for relative in sorted(changed):
            target = (self.root / relative).resolve()
            if self.root not in target.parents:
                raise DuplicateOutput(f"{relative} is outside the output tree")
            target.parent.mkdir(parents=True, exist_ok=True)
            content = files[relative]
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        for relative in removed:
            (self.root / relative).unlink(missing_ok=True)
        self.current = dict(files)
        return changed, removed
