"""`new`: write a minimal plan for a municipality, whose comments teach the format, ready to check and build.

The files are rendered from `templates/new_plan/*.j2`; names go through YAML quoting, so a name with
a colon or a quote cannot break the file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jinja2

from .problems.errors import MessageError
from .messages import Message
from .labels import TEMPLATES_DIR

NEW_PLAN_TEMPLATES = TEMPLATES_DIR / "new_plan"
NEW_SITE_CONFIG = TEMPLATES_DIR / "new_site" / "mkdocs.yml.j2"  # the city's mkdocs.yml, beside the plan's folder
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


class NewPlanError(MessageError):
    """The plan cannot be written where asked (the directory is not empty, or not a directory)."""


def _yaml_string(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: safe for any name.
    return json.dumps(value, ensure_ascii=False)


def render_new_plan(municipality_ja: str, municipality_en: str, directory: Path) -> dict[str, str]:
    """File name → text of a new plan for `directory` (which decides the relative path to the schemas)."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(NEW_PLAN_TEMPLATES)),
                                     undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    environment.filters["q"] = _yaml_string
    files = {}
    for name in sorted(environment.list_templates(extensions=["j2"])):
        target = name.removesuffix(".j2")
        schema = Path(os.path.relpath(SCHEMA_DIR, (Path(directory) / target).resolve().parent)).as_posix()
        files[target] = environment.get_template(name).render(ja=municipality_ja, en=municipality_en, schema=schema)
    return files


def render_site_config(municipality_ja: str, municipality_en: str) -> str:
    """The city's mkdocs.yml for a new plan: Material's indigo, and commented places for an emblem and a footer."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(NEW_SITE_CONFIG.parent)),
                                     undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    environment.filters["q"] = _yaml_string
    return environment.get_template(NEW_SITE_CONFIG.name).render(ja=municipality_ja, en=municipality_en)


def write_new_plan(directory: Path, municipality_ja: str, municipality_en: str) -> list[Path]:
    """Write a new plan into `directory`, which must not exist or be empty, and the city's mkdocs.yml beside it
    when there is none (a fork keeps the one it has, to edit); return the files written."""
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise NewPlanError(Message("new.is_a_file", {"directory": str(directory)}))
    if directory.is_dir() and any(directory.iterdir()):
        raise NewPlanError(Message("new.not_empty", {"directory": str(directory)}))
    files = render_new_plan(municipality_ja, municipality_en, directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    site_config = directory.absolute().parent / "mkdocs.yml"
    if not site_config.exists() and not site_config.is_symlink():
        site_config.write_text(render_site_config(municipality_ja, municipality_en), encoding="utf-8")
        written.append(directory.parent / "mkdocs.yml")
    return written
