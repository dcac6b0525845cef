"""Shared fixtures: built sites (one build per plan per test session) and the golden-file flag.

The plans are found on disk (tests/plans.py): plan/, tests/data/*, examples/*.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import build_site

from tests.plans import PLANS, ROOT

__all__ = ["PLANS", "ROOT"]


@pytest.fixture(autouse=True)
def _english_messages_by_default(monkeypatch):
    # `check` speaks the locale's language; tests that expect English must not depend on the tester's locale.
    # Tests of other languages pass --lang, or set the locale themselves (tests/test_messages.py).
    monkeypatch.setenv("LC_ALL", "C.UTF-8")


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory):
    """name → site directory; each plan is built once, on first use."""
    cache: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in PLANS:
            raise KeyError(f"no plan named {name!r}; found {sorted(PLANS)} (plan/ is 'plan', whatever city it holds)")
        if name not in cache:
            out = tmp_path_factory.mktemp(f"site-{name}") / "site"
            build_site(PLANS[name], out)
            cache[name] = out
        return cache[name]

    return get
