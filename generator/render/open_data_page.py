"""What the open-data page shows of each file, and its schema.org `Dataset` JSON-LD."""

from __future__ import annotations

import json
import posixpath
from datetime import date

from ..labels import Labels
from ..languages import by_code
from ..model import Plan
from ..prepare.licence import licence
from ..prepare.open_data import DataFile
from .safety import Safe

DATA_DIR = "data/"  # below the default language's site root; other languages link to the same files


def _in(text, labels: Labels) -> str:
    return text.pick(by_code(labels.lang))[0]


def data_url(file_path: str, page_path: str, lang: str) -> str:
    """Link from the page of Markdown file `page_path` to a data file, which lives once, at /data/."""
    depth = len([part for part in posixpath.dirname(page_path).split("/") if part])
    return "../" * (depth + by_code(lang).url_prefix.count("/")) + DATA_DIR + file_path


def description(file: DataFile, labels: Labels) -> str:
    text = labels.data_descriptions[file.kind]
    return text.format(title=_in(file.table.title, labels)) if file.table is not None else text


def dataset_jsonld(plan: Plan, files: list[DataFile], labels: Labels, page_path: str,
                   updated: date | None) -> Safe:
    """One schema.org Dataset per file, as a <script> block; `<` is escaped so no tag can close it."""
    base = plan.root.site_url
    datasets = []
    for file in files:
        if file.kind in ("data_package", "data_catalog"):
            continue  # they describe the other files; neither is a dataset of its own
        url = (base + DATA_DIR + file.path) if base else data_url(file.path, page_path, labels.lang)
        dataset = {
            "@context": "https://schema.org",
            "@type": "Dataset",
            "name": f"{_in(plan.root.site_title, labels)}: {file.path}",
            "description": description(file, labels),
            "license": licence(plan, labels).url,
            "creator": {"@type": "GovernmentOrganization", "name": _in(plan.root.municipality, labels),
                        **({"identifier": plan.root.code} if plan.root.code else {})},
            "isAccessibleForFree": True,
            "distribution": [{"@type": "DataDownload", "encodingFormat": file.media_type, "contentUrl": url,
                              "contentSize": f"{file.size} B"}],
        }
        if updated is not None:
            dataset["dateModified"] = updated.isoformat()
        datasets.append(dataset)
    text = json.dumps(datasets, ensure_ascii=False, sort_keys=False).replace("<", "\\u003c")
    return Safe(f'<script type="application/ld+json">{text}</script>')


__all__ = ["DATA_DIR", "data_url", "dataset_jsonld", "description", "licence"]
