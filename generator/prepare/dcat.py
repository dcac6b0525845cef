"""`data/catalog.jsonld`: the open data as a DCAT catalogue (JSON-LD, the DCAT-AP classes and properties
that ckanext-dcat harvests), so that a CKAN portal, such as the national catalogue or a prefecture's,
can list the plan's data.

Each data file is one `dcat:Dataset` with one `dcat:Distribution` (its download address, media type,
size and licence). The schema and the Data Package describe the data rather than being data: plan.json's
distribution conforms to the schema, and neither is a dataset of its own. Titles and descriptions are
given in every required language, tagged with it. Addresses are absolute when the plan sets `site_url`,
else relative to the catalogue, which lives beside the files. Dates come from the plan's last commit.
"""

from __future__ import annotations

import json
from datetime import date

from ..labels import load_labels
from ..languages import by_code
from ..model import Period, Plan
from .csv_cells import codes
from .licence import licence
from .open_data import DataFile

PATH = "catalog.jsonld"
NOT_DATASETS = ("plan_schema", "data_package")
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
LANGUAGE_URI = "http://publications.europa.eu/resource/authority/language/"  # DCAT-AP's language table


def _texts(texts: dict[str, str]) -> list[dict]:
    return [{"@value": text, "@language": by_code(lang).html_lang} for lang, text in texts.items() if text]


def _day(period: Period, end: bool) -> str:
    """The first (or last) day of a fiscal year (April to March) or a calendar year."""
    if period.is_fiscal:
        return f"{period.western + 1}-03-31" if end else f"{period.western}-04-01"
    return f"{period.western}-12-31" if end else f"{period.western}-01-01"


def plan_span(plan: Plan) -> tuple[str, str | None] | None:
    """The first and last day the plan's documents cover (None: open-ended), or None without periods."""
    spans = [document.period for document in plan.documents if document.period is not None]
    if not spans:
        return None
    start = min(spans, key=lambda span: span.start.western).start
    ends = [span.end for span in spans if span.end is not None]
    end = max(ends, key=lambda period: period.western) if ends and len(ends) == len(spans) else None
    return _day(start, False), (_day(end, True) if end is not None else None)


def _temporal(plan: Plan) -> dict | None:
    span = plan_span(plan)
    if span is None:
        return None
    temporal: dict = {"@type": "dct:PeriodOfTime", "dcat:startDate": {"@value": span[0], "@type": "xsd:date"}}
    if span[1] is not None:
        temporal["dcat:endDate"] = {"@value": span[1], "@type": "xsd:date"}
    return temporal


def _address(plan: Plan, path: str) -> str:
    return f"{plan.root.site_url}data/{path}" if plan.root.site_url else path


def data_catalog(plan: Plan, files: list[DataFile], updated: date | None) -> DataFile:
    shown = licence(plan, load_labels(codes()[0]))
    languages = [{"@id": LANGUAGE_URI + by_code(lang).iso_639_3.upper()} for lang in codes()]
    publisher = {"@type": "foaf:Organization",
                 "foaf:name": _texts({lang: plan.root.municipality.get(lang) or "" for lang in codes()}),
                 **({"dct:identifier": plan.root.code} if plan.root.code else {}),
                 **({"foaf:homepage": {"@id": plan.root.website}} if plan.root.website else {})}
    temporal = _temporal(plan)
    schema = next((file for file in files if file.kind == "plan_schema"), None)
    datasets = []
    for file in files:
        if file.kind in NOT_DATASETS:
            continue
        address = _address(plan, file.path)
        distribution = {
            "@id": address + "#distribution",
            "@type": "dcat:Distribution",
            "dct:title": file.path,
            "dcat:downloadURL": {"@id": address},
            "dcat:accessURL": {"@id": address},
            "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{file.media_type}"},
            "dcat:byteSize": {"@value": str(file.size), "@type": "xsd:nonNegativeInteger"},
            "dct:license": {"@id": shown.url},
        }
        if file.kind == "plan_json" and schema is not None:
            distribution["dct:conformsTo"] = {"@id": _address(plan, schema.path)}
        site_title = {lang: plan.root.site_title.get(lang) or "" for lang in codes()}
        dataset = {
            "@id": address + "#dataset",
            "@type": "dcat:Dataset",
            "dct:identifier": file.path,
            "dct:title": _texts({lang: f"{site_title[lang]}: {file.path}" for lang in codes()}),
            "dct:description": _texts({lang: file.description(load_labels(lang)) for lang in codes()}),
            "dct:language": languages,
            "dct:publisher": publisher,
            "dct:license": {"@id": shown.url},
            "dcat:keyword": _texts({lang: plan.root.municipality.get(lang) or "" for lang in codes()})
            + _texts({lang: load_labels(lang).open_data_page for lang in codes()}),
            "dcat:distribution": [distribution],
        }
        if temporal is not None:
            dataset["dct:temporal"] = temporal
        if updated is not None:
            dataset["dct:modified"] = {"@value": updated.isoformat(), "@type": "xsd:date"}
        datasets.append(dataset)
    catalog = {
        "@context": CONTEXT,
        "@id": _address(plan, PATH),
        "@type": "dcat:Catalog",
        "dct:title": _texts({lang: plan.root.site_title.get(lang) or "" for lang in codes()}),
        "dct:description": _texts({lang: plan.root.description.get(lang) or "" for lang in codes()}),
        "dct:publisher": publisher,
        "dct:language": languages,
        "dct:license": {"@id": shown.url},
        **({"foaf:homepage": {"@id": plan.root.site_url}} if plan.root.site_url else {}),
        **({"dct:modified": {"@value": updated.isoformat(), "@type": "xsd:date"}} if updated else {}),
        "dcat:dataset": datasets,
    }
    text = json.dumps(catalog, ensure_ascii=False, indent=2) + "\n"
    return DataFile(PATH, text, "application/ld+json", "data_catalog")


__all__ = ["NOT_DATASETS", "PATH", "data_catalog", "plan_span"]
