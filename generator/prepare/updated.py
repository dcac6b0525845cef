"""When each part of the plan was last changed, from the git history of the files its pages are built from.

A build of the same commit gives the same dates, hence the same bytes: the date is the commit's,
never the clock's. Only the files the loader reads count (plan.yaml, the documents, divisions.yaml,
glossary.yaml): a commit that changes only the tests beside the plan (facts.yaml, search_queries.yaml)
changes no page's date. Outside a git checkout (a plan copied elsewhere) no date is known and none is shown.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

SHARED_FILES = ("plan.yaml", "divisions.yaml", "glossary.yaml")  # read by the loader beside the documents


@dataclass(frozen=True)
class LastUpdated:
    """document id → date of the last commit touching its file; `files`: the other files read (plan.yaml,
    divisions.yaml, glossary.yaml) → theirs; `plan`: the latest of all of them."""

    documents: dict[str, date] = field(default_factory=dict)
    plan: date | None = None
    files: dict[str, date] = field(default_factory=dict)

    def of(self, document_id: str | None) -> date | None:
        """A document's page: its own file's date (the plan's, for a file not committed yet)."""
        if document_id is not None and document_id in self.documents:
            return self.documents[document_id]
        return self.plan

    def of_file(self, name: str) -> date | None:
        """A page built from one shared file (the glossary from glossary.yaml): that file's date."""
        return self.files.get(name, self.plan)


def commit_date(path: Path) -> date | None:
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
    """Dates of the documents' files, of the shared files beside them, and the latest of all."""
    plan_dir = Path(plan_dir).resolve()
    documents = {ident: d for ident, path in document_files.items() if (d := commit_date(path)) is not None}
    files = {name: d for name in SHARED_FILES
             if (plan_dir / name).is_file() and (d := commit_date(plan_dir / name)) is not None}
    every = [*documents.values(), *files.values()]
    return LastUpdated(documents, max(every) if every else None, files)


__all__ = ["LastUpdated", "SHARED_FILES", "commit_date", "last_updated"]
