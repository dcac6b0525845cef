"""data/catalog.jsonld read as RDF with rdflib, as a DCAT harvester (ckanext-dcat) reads it: one
dcat:Dataset per data file, each with a distribution whose download address is a file of the built site,
the licence and both languages."""

from __future__ import annotations

import json
import shutil

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

from generator.load.plan import load_plan
from generator.model.licences import preset
from tests.conftest import PLANS

EU_LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")


def _graph(site) -> tuple[Graph, str]:
    catalog = site / "data" / "catalog.jsonld"
    base = catalog.resolve().as_uri()
    graph = Graph()
    graph.parse(data=catalog.read_text(encoding="utf-8"), format="json-ld", publicID=base)
    return graph, base


@pytest.mark.parametrize("name", sorted(PLANS))
def test_one_dataset_per_data_file_with_a_distribution_in_the_site(built_sites, name):
    site = built_sites(name)
    graph, _ = _graph(site)
    plan = load_plan(PLANS[name]).plan
    licence_url = URIRef(preset(plan.root.data_licence).url) if isinstance(plan.root.data_licence, str) \
        else URIRef(plan.root.data_licence.url)
    catalogs = list(graph.subjects(RDF.type, DCAT.Catalog))
    assert len(catalogs) == 1
    datasets = list(graph.objects(catalogs[0], DCAT.dataset))
    assert set(datasets) == set(graph.subjects(RDF.type, DCAT.Dataset))
    data = site / "data"
    files = sorted(path.relative_to(data).as_posix() for path in data.rglob("*")
                   if path.is_file() and path.suffix in (".csv", ".json")
                   and path.name not in ("plan.schema.json", "datapackage.json"))
    downloads = []
    for dataset in datasets:
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert len(distributions) == 1
        (download,) = graph.objects(distributions[0], DCAT.downloadURL)
        assert str(download).startswith(data.resolve().as_uri() + "/")
        downloads.append(str(download).removeprefix(data.resolve().as_uri() + "/"))
        assert (graph.value(dataset, DCTERMS.license), graph.value(distributions[0], DCTERMS.license)) == (
            licence_url, licence_url)
        assert set(graph.objects(dataset, DCTERMS.language)) == {EU_LANGUAGE.JPN, EU_LANGUAGE.ENG}
        titles = {title.language: str(title) for title in graph.objects(dataset, DCTERMS.title)}
        descriptions = {text.language for text in graph.objects(dataset, DCTERMS.description)}
        assert set(titles) == descriptions == {"ja", "en"}
        size = graph.value(distributions[0], DCAT.byteSize)
        assert int(size) == (data / downloads[-1]).stat().st_size
    assert sorted(downloads) == files  # one dataset per data file: every CSV and plan.json, each once


def test_absolute_addresses_with_a_site_address(tmp_path):
    from generator.publish.build import build_site
    plan = tmp_path / "plan"
    shutil.copytree(PLANS["evaluation"], plan)
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(text + "site_url: https://city.example.jp/plan/\n", encoding="utf-8")
    build_site(plan, tmp_path / "site")
    catalog = json.loads((tmp_path / "site" / "data" / "catalog.jsonld").read_text(encoding="utf-8"))
    graph = Graph().parse(data=json.dumps(catalog), format="json-ld")
    downloads = {str(url) for url in graph.objects(None, DCAT.downloadURL)}
    assert "https://city.example.jp/plan/data/evaluations.csv" in downloads
    assert (None, DCTERMS.title, Literal("Mihon Town operating policy", lang="en")) in graph
