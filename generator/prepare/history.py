"""The plan's history, for citizens: what changed in each item, commit by commit, from git.

Each commit that touched the plan directory is loaded as the plan it was then, and compared with the one
before it by the plan diff (diff/compare.py): numbers (a target 34,000人 → 36,000人), items added and
removed, and texts. A commit whose plan does not validate with this version of Keikaku (written for an
older model) is skipped: its changes show with the next one that does. The first commit is where the
history starts, not a change. A `revision:` note added or changed in the same commit gives the change its
reason and date. The dates are the commits', so the same commit builds the same pages on any day.

Outside git, in a shallow clone with one commit, or when git is missing, the history is empty.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from .compare import ItemRef, Named, PlanDiff, ValueChange, diff_plans
from ..load.git import GitError, extract_plan_at
from ..load.plan import load_plan
from ..model import Plan, Revision
from ..model.walk import walk_items
from ..problems.errors import KeikakuError

MAX_COMMITS = 200  # the newest commits read; older changes are left to the repository's own history


@dataclass(frozen=True)
class HistoryEntry:
    """What one commit changed in one item (an indicator, a table, an item of the hierarchy…)."""

    day: date
    commit: str
    item: ItemRef
    kind: str                                    # "changed", "added" or "removed"
    changes: tuple[ValueChange, ...] = ()        # numbers, texts and grades that changed, for "changed"
    revision: Revision | None = None             # the note the commit added or changed, when it did


def _commits(plan_dir: Path) -> list[tuple[str, date]]:
    """(commit, date) of each commit touching the plan directory, oldest first."""
    try:
        done = subprocess.run(["git", "log", f"--max-count={MAX_COMMITS}", "--format=%H %cs", "--", "."],
                              cwd=plan_dir, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode != 0:
        return []
    commits = []
    for line in reversed(done.stdout.split("\n")):
        if line.strip():
            commit, day = line.split()
            commits.append((commit, date.fromisoformat(day)))
    return commits


def _revisions(plan: Plan) -> dict[str, Revision | None]:
    """id → revision note, of every item that can carry one."""
    notes: dict[str, Revision | None] = {}
    for place in walk_items(plan):
        node = place.node
        notes[node.id] = node.revision
        for entry in (*node.targets, *node.kpis, *node.projects, *node.tables):
            notes[entry.id] = entry.revision
    return notes


def _is_revision(change: ValueChange) -> bool:
    return any(segment.kind == "field" and segment.value == "revision" for segment in change.path)


def _entries(diff: PlanDiff, new: Plan, commit: str, day: date) -> list[HistoryEntry]:
    notes = _revisions(new)
    added = {change.item.id for change in diff.added}
    grouped: dict[str, list[ValueChange]] = {}
    refs: dict[str, ItemRef] = {}
    others = [change for change in diff.others if isinstance(change.old, Named) or isinstance(change.new, Named)
              or _is_revision(change)]  # grades; a direction or a flag is the data's, not the reader's
    for change in (*diff.numbers, *diff.texts, *others):
        if change.item.id in added or change.item.kind in ("plan", "document", "division", "term"):
            continue  # what a new item holds is the item; the site's settings and lists have pages of their own
        grouped.setdefault(change.item.id, []).append(change)
        refs[change.item.id] = change.item
    entries = []
    for change in diff.added:
        if change.item.kind not in ("document", "division", "term"):
            entries.append(HistoryEntry(day, commit, change.item, "added", revision=notes.get(change.item.id)))
    for change in diff.removed:
        if change.item.kind not in ("document", "division", "term"):
            entries.append(HistoryEntry(day, commit, change.item, "removed"))
    for ident, changes in grouped.items():
        noted = any(_is_revision(change) for change in changes)
        shown = tuple(change for change in changes if not _is_revision(change))
        if shown:
            entries.append(HistoryEntry(day, commit, refs[ident], "changed", shown,
                                        notes.get(ident) if noted else None))
    return entries


def plan_history(plan_dir: Path) -> tuple[HistoryEntry, ...]:
    """Every change to the plan's items, newest commit first. Reading the commits is one `git log`; what
    they changed is worked out once per list of commits (`serve` rebuilds on every edit, and an edit
    changes no commit)."""
    plan_dir = Path(plan_dir).resolve()
    commits = tuple(_commits(plan_dir))
    if len(commits) < 2:
        return ()
    return _history_of(plan_dir, commits)


@lru_cache(maxsize=4)
def _history_of(plan_dir: Path, commits: tuple[tuple[str, date], ...]) -> tuple[HistoryEntry, ...]:
    entries: list[HistoryEntry] = []
    previous: Plan | None = None
    with tempfile.TemporaryDirectory(prefix="keikaku-history-") as temporary:
        for position, (commit, day) in enumerate(commits):
            try:
                plan = load_plan(extract_plan_at(commit, plan_dir, Path(temporary) / str(position))).plan
            except (KeikakuError, GitError, OSError):
                continue  # not valid under today's model: its changes count with the next commit that is
            if previous is not None:
                entries.extend(_entries(diff_plans(previous, plan), plan, commit, day))
            previous = plan
    return tuple(reversed(entries))


__all__ = ["HistoryEntry", "MAX_COMMITS", "plan_history"]
