"""A `PlanDiff` worded for reviewers: Markdown in one language, every word from the labels data.

Plan text is untrusted: it is escaped for Markdown and kept to one line (render/diff_words.py), so a title
cannot add a heading, a link or HTML to the pull request's summary.
"""

from __future__ import annotations

from ..labels import Labels
from ..prepare.compare import PlanDiff
from ..render.diff_words import DiffWords


def render_diff(diff: PlanDiff, labels: Labels) -> str:
    writer = DiffWords(labels)
    words = writer.words
    lines = [f"## {words['heading']}", ""]
    if diff.is_empty():
        return "\n".join(lines + [words["empty"], ""])
    sections = (("added", [writer.placed(change, change.new_parent) for change in diff.added]),
                ("removed", [writer.placed(change, change.old_parent) for change in diff.removed]),
                ("moved", [writer.moved(change) for change in diff.moved]),
                ("numbers", [writer.change(change) for change in diff.numbers]),
                ("texts", [writer.change(change) for change in diff.texts]),
                ("others", [writer.change(change) for change in diff.others]))
    for key, entries in sections:
        if entries:
            lines += [f"### {words['sections'][key]}", ""] + [f"- {entry}" for entry in entries] + [""]
    return "\n".join(lines)
