"""What the open-data page shows of each file, and its schema.org `Dataset` JSON-LD."""

from __future__ import annotations

import json
import posixpath
from datetime import date

from ..labels import Labels
from ..languages import by_code
from ..model import Plan
from ..prepare.csv_cells import codes
from ..prepare.dcat import NOT_DATASETS, plan_span
from ..prepare.dcat import PATH as CATALOG_PATH
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
    return file.description(labels)


def _address(plan: Plan, file_path: str, page_path: str, lang: str) -> str:
    base = plan.root.site_url
    return (base + DATA_DIR + file_path) if base else data_url(file_path, page_path, lang)


def dataset_jsonld(plan: Plan, files: list[DataFile], labels: Labels, page_path: str,
                   updated: date | None) -> Safe:
    """One schema.org Dataset per data file, as a <script> block; `<` is escaped so no tag can close it.

    A file is one dataset whichever language's page describes it: its `@id` (the file's address, which the
    pages' relative links resolve to alike) and `identifier` are the same on every page. The schema, the
    Data Package and the catalogue describe the data: the schema is named as plan.json's `schemaVersion`,
    the catalogue as every dataset's `includedInDataCatalog`, and none is a dataset of its own."""
    municipality = _in(plan.root.municipality, labels)
    site = _in(plan.root.site_title, labels)
    shown = licence(plan, labels)
    span = plan_span(plan)
    schema = next((file for file in files if file.kind == "plan_schema"), None)
    creator = {"@type": "GovernmentOrganization", "name": municipality,
               **({"identifier": plan.root.code} if plan.root.code else {}),
               **({"url": plan.root.website or plan.root.site_url} if plan.root.website or plan.root.site_url else {})}
    catalogue = {"@type": "DataCatalog", "name": site,
                 "url": _address(plan, CATALOG_PATH, page_path, labels.lang)}
    datasets = []
    for file in files:
        if file.kind in NOT_DATASETS + ("data_catalog",):
            continue
        url = _address(plan, file.path, page_path, labels.lang)
        dataset = {
            "@context": "https://schema.org",
            "@type": "Dataset",
            "@id": url + "#dataset",
            "identifier": file.path,
            "name": f"{site}: {file.path}",
            "description": labels.dataset_description.format(description=description(file, labels), site=site,
                                                              municipality=municipality, licence=shown.name),
            "keywords": [municipality, labels.open_data_page, *[_in(document.title, labels) for document in plan.documents]],
            "inLanguage": list(dict.fromkeys(by_code(code).html_lang for code in codes())),
            "spatialCoverage": {"@type": "Place", "name": municipality},
            "license": shown.url,
            "creator": creator,
            "isAccessibleForFree": True,
            "includedInDataCatalog": catalogue,
            "distribution": [{"@type": "DataDownload", "encodingFormat": file.media_type, "contentUrl": url,
                              "contentSize": f"{file.size} B"}],
        }
        if span is not None:
            dataset["temporalCoverage"] = f"{span[0]}/{span[1] or '..'}"
        if file.kind == "plan_json" and schema is not None:
            dataset["schemaVersion"] = _address(plan, schema.path, page_path, labels.lang)
        if updated is not None:
            dataset["dateModified"] = updated.isoformat()
        datasets.append(dataset)
    text = json.dumps(datasets, ensure_ascii=False, sort_keys=False).replace("<", "\\u003c")
    return Safe(f'<script type="application/ld+json">{text}</script>')


__all__ = ["DATA_DIR", "data_url", "dataset_jsonld", "description", "licence"]
