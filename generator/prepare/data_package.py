"""`data/datapackage.json`: the open data's CSVs as a Frictionless Tabular Data Package (v1), so that
`frictionless validate`, and the portals and tools that read Data Packages, take them as they are.

Every CSV is a resource with its Table Schema: each column's type (numbers stay numbers), its title,
primary keys where rows are unique by them and the tidy values' foreign key to the indicators. The
encoding is given as `utf-8`, whose byte-order mark the files begin with. The titles and descriptions
are in every required language, joined as the CSV headers are (日本語 / English).
"""

from __future__ import annotations

import json
import re

from ..labels import load_labels
from ..model import Plan
from .csv_cells import codes, header
from .licence import licence
from .open_data import DataFile

PATH = "datapackage.json"


def _both(texts: list[str]) -> str:
    return " / ".join(dict.fromkeys(texts))  # one language's words once, where every language says the same


def _resource_name(path: str) -> str:
    return re.sub(r"[^a-z0-9._/-]", "-", path.removesuffix(".csv").lower())


def _keys(file: DataFile) -> dict:
    """The primary and foreign keys of a file whose rows are known to be unique by some columns."""
    if file.kind in ("indicators", "projects"):
        return {"primaryKey": [header("id")]}
    if file.kind == "evaluations":
        return {"primaryKey": [header("item"), header("period_kind"), header("year")]}
    if file.kind == "indicator_values":
        return {"foreignKeys": [{"fields": [header("indicator")],
                                 "reference": {"resource": "indicators", "fields": [header("id")]}}]}
    return {}


def _resource(plan: Plan, file: DataFile, keys: dict) -> dict:
    return {
        "name": _resource_name(file.path),
        "path": file.path,
        "profile": "tabular-data-resource",
        "title": _both([f"{plan.root.site_title.get(lang) or ''}: {file.path}" for lang in codes()]),
        "description": "\n\n".join(dict.fromkeys(file.description(load_labels(lang)) for lang in codes())),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": file.size,
        "schema": {"fields": [{**field, "title": field["name"]} for field in file.fields], **keys},
    }


def data_package(plan: Plan, files: list[DataFile]) -> DataFile:
    """The package of every CSV in `files` (the other open-data files), as a file of the open data."""
    csvs = [file for file in files if file.media_type == "text/csv"]
    names = {file.kind for file in csvs}
    resources = []
    for file in csvs:
        keys = _keys(file)
        if "foreignKeys" in keys and "indicators" not in names:
            keys = {}
        resources.append(_resource(plan, file, keys))
    shown = [licence(plan, load_labels(lang)) for lang in codes()]
    package = {
        "profile": "tabular-data-package",
        "name": f"municipality-{plan.root.code}-plan" if plan.root.code else "plan",
        "title": _both([plan.root.site_title.get(lang) or "" for lang in codes()]),
        "description": "\n\n".join(dict.fromkeys(plan.root.description.get(lang) or "" for lang in codes())),
        **({"homepage": plan.root.site_url} if plan.root.site_url else {}),
        "licenses": [{**({"name": shown[0].spdx} if shown[0].spdx else {}), "path": shown[0].url,
                      "title": _both([item.name for item in shown])}],
        "sources": [{"title": _both([document.source.title.get(lang) or "" for lang in codes()]),
                     **({"path": document.source.url} if document.source.url else {})}
                    for document in plan.documents],
        "resources": resources,
    }
    text = json.dumps(package, ensure_ascii=False, indent=2) + "\n"
    return DataFile(PATH, text, "application/json", "data_package")


__all__ = ["PATH", "data_package"]
