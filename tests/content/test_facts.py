"""Facts taken by hand from the seeds appear on the built pages where a reader would look for them."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.site_text import page_file, page_text

MODULES = sorted(p.stem for p in Path(__file__).parent.glob("facts_*.py"))
PLAN_NAMES = {"plan": "kashiwa", "examples/musashino": "musashino",
              "examples/kashiwara": "kashiwara", "examples/narashino": "narashino"}


def _cases():
    for name in MODULES:
        module = importlib.import_module(f"tests.content.{name}")
        for index, fact in enumerate(module.FACTS):
            yield pytest.param(PLAN_NAMES[module.PLAN_DIR], fact, id=f"{name}-{index}")


def test_every_plan_has_facts():
    dirs = {importlib.import_module(f"tests.content.{name}").PLAN_DIR for name in MODULES}
    assert dirs == set(PLAN_NAMES)
    assert all((ROOT / d / "plan.yaml").is_file() for d in dirs)


@pytest.mark.parametrize(("plan", "fact"), list(_cases()))
def test_fact_is_on_its_page(built_sites, plan, fact):
    site = built_sites(plan)
    ja = page_text(page_file(site, "ja", fact.page).read_text(encoding="utf-8"))
    assert fact.ja in ja, f"{fact.ja!r} is not on the Japanese page {fact.page or '(home)'}"
    en = page_text(page_file(site, "en", fact.page).read_text(encoding="utf-8"))
    for text in fact.en:
        assert text in en, f"{text!r} is not on the English page en/{fact.page}"
