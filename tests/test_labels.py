"""Every label is shown somewhere: no label file carries words that no page uses."""

from __future__ import annotations

import re

from generator.labels import TEMPLATES_DIR, load_labels
from generator.languages import default_language
from generator.model import DocumentKind, Level, Note, Unit
from generator.render.formatting import ERAS
from tests.conftest import ROOT


def _sources() -> str:
    files = [*TEMPLATES_DIR.rglob("*.j2.md"), *(ROOT / "generator").rglob("*.py")]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def _used(key: str, sources: str) -> bool:
    """`labels.key`, `labels["key"]`, `labels.data["key"]`, `load_labels(…).key`, or the key as a string that indexes labels
    (e.g. a template's list of keys: `for key in ["activity_targets", …]`, then `labels[key]`)."""
    return bool(re.search(rf"(?:\blabels|load_labels\([^\n]*?\))(?:\.data)?(?:\.{key}\b|\[[\"']{key}[\"']\])"
                          rf"|[\"']{key}[\"']", sources))


def test_every_label_key_is_used():
    sources = _sources()
    unused = []
    for key in load_labels(default_language().code).data:
        # formatting.py composes "<fiscal_year|calendar_year>" + "_long" for a period written out in full.
        base = key.removesuffix("_long")
        if not (_used(key, sources) or base != key and _used(base, sources) and '"_long"' in sources):
            unused.append(key)
    assert not unused, f"label keys no template or module uses (remove them from every labels file): {unused}"


def test_label_tables_match_the_values_they_translate():
    labels = load_labels(default_language().code)
    assert set(labels.levels) == {level.value for level in Level}
    assert set(labels.units) == set(labels.unit_names) == {unit.value for unit in Unit}
    assert set(labels.document_kinds) == {kind.value for kind in DocumentKind}
    note_kinds = Note.model_fields["kind"].metadata
    pattern = next(item.pattern for item in note_kinds if getattr(item, "pattern", None))
    assert set(labels.note_kinds) == set(re.fullmatch(r"\^\((.*)\)\$", pattern).group(1).split("|"))
    assert set(labels.eras) == {name for name, _ in ERAS}
