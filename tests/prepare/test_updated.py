"""Every page says when it was last updated, from the git history of the plan's files, in the reader's
language (the era year beside the Western year in Japanese); the same commit gives the same bytes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date

import pytest

from generator.publish.build import build_site
from generator.labels import load_labels
from generator.load.plan import load_plan
from generator.render.formatting import format_date
from generator.render.markdown_site import render_site
from generator.prepare.updated import SHARED_FILES, LastUpdated, last_updated
from tests.site_text import furigana_off
from tests.conftest import PLANS, ROOT
from tests.plans import HOME_PLANS


@pytest.mark.parametrize(("day", "ja", "en"), [
    (date(2019, 4, 30), "2019年（平成31年）4月30日", "April 30, 2019"),
    (date(2019, 5, 1), "2019年（令和元年）5月1日", "May 1, 2019"),
    (date(2026, 11, 24), "2026年（令和8年）11月24日", "November 24, 2026"),
])
def test_dates_in_each_language(day, ja, en):
    assert format_date(day, load_labels("ja")) == ja
    assert format_date(day, load_labels("en")) == en


def _git_date(*paths) -> date | None:
    """The date of the last commit touching `paths`; None before their first commit (a fork's new plan)."""
    out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", *paths], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.strip()
    return date.fromisoformat(out) if out else None


@pytest.mark.parametrize("name", HOME_PLANS)
def test_dates_come_from_the_git_history_of_the_files_the_pages_are_built_from(name):
    # Committed or not: a city that has just written its plan with `generator new` has no history yet, and
    # its pages then show no date rather than an invented one. Files the loader never reads (the facts and
    # search queries beside the plan, for the tests) change no page's date.
    plan_dir = PLANS[name]
    loaded = load_plan(plan_dir)
    updated = last_updated(plan_dir, {i: f.path for i, f in loaded.document_files.items()})
    inside = plan_dir.resolve().is_relative_to(ROOT)

    def relative(path):
        return path.resolve().relative_to(ROOT).as_posix()

    read = [plan_dir / name for name in SHARED_FILES if (plan_dir / name).is_file()]
    read += [file.path for file in loaded.document_files.values()]
    whole = _git_date(*map(relative, read)) if inside else None
    assert updated.plan == whole
    for shared in SHARED_FILES:
        if (plan_dir / shared).is_file():
            assert updated.of_file(shared) == ((_git_date(relative(plan_dir / shared)) if inside else None) or whole)
    for ident, file in loaded.document_files.items():
        # A document not yet committed (a fork's new plan in a plan/ with history) takes the plan's date.
        own = _git_date(relative(file.path)) if inside else None
        assert updated.of(ident) == (own or whole)
    assert updated.of(None) == updated.plan


def test_a_commit_to_the_tests_beside_the_plan_changes_no_date(tmp_path):
    plan = tmp_path / "plan"
    shutil.copytree(PLANS["minimal"], plan)

    def commit(day: str, *paths: str) -> None:
        env = {"GIT_AUTHOR_DATE": f"{day}T12:00:00+09:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+09:00",
               "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
               "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": os.environ["PATH"], "HOME": str(tmp_path)}
        subprocess.run(["git", "add", *paths], cwd=tmp_path, check=True, env=env)
        subprocess.run(["git", "commit", "-q", "-m", day], cwd=tmp_path, check=True, env=env)

    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    commit("2025-04-01", ".")
    (plan / "facts.yaml").write_text("# facts for the tests\n", encoding="utf-8")
    commit("2025-06-01", "plan/facts.yaml")
    loaded = load_plan(plan)
    updated = last_updated(plan, {i: f.path for i, f in loaded.document_files.items()})
    assert updated.plan == date(2025, 4, 1)


def test_outside_git_no_date_is_invented(tmp_path):
    (tmp_path / "plan.yaml").write_text("x: 1\n", encoding="utf-8")
    assert last_updated(tmp_path, {"doc": tmp_path / "plan.yaml"}) == LastUpdated({}, None)


def test_every_page_shows_its_date_in_both_languages():
    plan = load_plan(PLANS["plan"]).plan
    day = date(2021, 3, 31)
    for language in render_site(plan, LastUpdated({}, day)):
        expected = format_date(day, load_labels(language.lang))
        for path, text in language.files.items():
            seen = furigana_off(text)
            assert f'<time datetime="2021-03-31">{expected}</time>' in seen, (language.lang, path)


def test_built_pages_carry_the_date_and_the_same_commit_gives_the_same_bytes(tmp_path):
    first = build_site(ROOT / "tests" / "data" / "minimal", tmp_path / "one").out
    second = build_site(ROOT / "tests" / "data" / "minimal", tmp_path / "two").out
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for relative in files:
        assert (first / relative).read_bytes() == (second / relative).read_bytes(), relative
    day = _git_date("tests/data/minimal")
    home = (first / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<time datetime="{day.isoformat()}">{day.year}年（(令和|平成)[^）]+）', home)
