"""Shared fixtures: built sites (one build per plan per test run, shared by the workers) and the golden-file flag.

The plans are found on disk (tests/plans.py): plan/, tests/data/*, examples/*, and a `generator new` plan.
"""

from __future__ import annotations

import os
import time
import traceback
from pathlib import Path

import pytest

from generator.publish.build import build_site

from tests.plans import PLANS, ROOT

__all__ = ["PLANS", "ROOT"]


@pytest.fixture(autouse=True)
def _english_messages_by_default(monkeypatch):
    # `check` speaks the locale's language; tests that expect English must not depend on the tester's locale.
    # Tests of other languages pass --lang, or set the locale themselves (tests/test_messages.py).
    monkeypatch.setenv("LC_ALL", "C.UTF-8")


# 2026-12-01 00:00 UTC: the day the checks of the year's results take as today ("a year still to come"), so
# that the expected messages hold on any day the tests run (load/evaluations.py reads it).
TESTS_DAY_EPOCH = "1796083200"


@pytest.fixture(autouse=True)
def _a_fixed_day(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TESTS_DAY_EPOCH)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))


def _shared_directory(tmp_path_factory) -> Path:
    """Where built sites live: with pytest-xdist, the directory every worker of this run shares."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent / "built-sites" if os.environ.get("PYTEST_XDIST_WORKER") else base / "built-sites"
    shared.mkdir(exist_ok=True)
    return shared


def _build_once(name: str, root: Path) -> Path:
    """The site of plan `name` under `root`: built by the first worker to ask, waited for by the others."""
    out, done, failed = root / name / "site", root / f"{name}.done", root / f"{name}.failed"
    try:
        os.close(os.open(root / f"{name}.lock", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:  # another worker builds it
        deadline = time.monotonic() + 900
        while not done.exists():
            if failed.exists():
                raise RuntimeError(f"building {name} failed in another worker:\n{failed.read_text(encoding='utf-8')}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"no site of {name} after 900 s")
            time.sleep(0.05)
        return out
    try:
        build_site(PLANS[name], out)
    except BaseException:
        failed.write_text(traceback.format_exc(), encoding="utf-8")
        raise
    done.touch()
    return out


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory):
    """name → site directory; each plan is built once per test run, on first use, whichever worker asks."""
    root = _shared_directory(tmp_path_factory)
    cache: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in PLANS:
            raise KeyError(f"no plan named {name!r}; found {sorted(PLANS)} (plan/ is 'plan', whatever city it holds)")
        if name not in cache:
            cache[name] = _build_once(name, root)
        return cache[name]

    return get
