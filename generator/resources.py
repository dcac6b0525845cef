"""Keikaku's own files: the page templates and labels, the theme overrides, the base MkDocs config.

All three ship inside the package (pyproject.toml maps `templates/` and `site_overrides/` to
`generator/templates/` and `generator/site_overrides/` in a wheel), so a plain `pip install .`
builds a plan. A source checkout keeps templates and overrides at the repository root, where they
are edited; an editable install finds them there.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    inside = PACKAGE_DIR / name  # an installed wheel
    return inside if inside.is_dir() else PACKAGE_DIR.parent / name  # a source checkout


TEMPLATES_DIR = _shipped("templates")
OVERRIDES_DIR = _shipped("site_overrides")
MKDOCS_YML = PACKAGE_DIR / "mkdocs.yml"
