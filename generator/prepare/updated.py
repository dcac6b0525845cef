"""When each part of the plan was last changed, from the git history of its files.

A build of the same commit gives the same dates, hence the same bytes: the date is the commit's,
never the clock's. Outside a git checkout (a plan copied elsewhere) no date is known and none is shown.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class LastUpdated:
    """document id → date of the last commit touching its file; `plan` is the latest of all files."""

    documents: dict[str, date] = field(default_factory=dict)
    plan: date | None = None

    def of(self, document_id: str | None) -> date | None:
        if document_id is not None and document_id in self.documents:
            return self.documents[document_id]
        return self.plan


def _commit_date(path: Path) -> date | None:
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path.name], cwd=path.parent,
                                capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    text = result.stdout.strip()
    if result.returncode != 0 or not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def last_updated(plan_dir: Path, document_files: dict[str, Path]) -> LastUpdated:
    """Dates of the documents' files and of the whole plan directory (every file in it)."""
    documents = {ident: d for ident, path in document_files.items() if (d := _commit_date(path)) is not None}
    plan_dir = Path(plan_dir).resolve()
    whole = _commit_date(plan_dir / ".") if plan_dir.is_dir() else None
    return LastUpdated(documents, whole)


__all__ = ["LastUpdated", "last_updated"]
