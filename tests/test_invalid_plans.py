"""Each case in tests/data/invalid/ is the minimal plan with some files replaced by broken ones.

`expected.txt` holds the exact messages `check` must print, one per line, with file, line and column.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main

DATA = Path(__file__).parent / "data"
CASES = sorted(p.name for p in (DATA / "invalid").iterdir() if p.is_dir())


def _make_plan(case: str, workdir: Path) -> None:
    plan = workdir / "plan"
    shutil.copytree(DATA / "minimal", plan)
    for path in (DATA / "invalid" / case).glob("*.yaml"):
        shutil.copy(path, plan / path.name)


@pytest.mark.parametrize("case", CASES)
def test_check_reports_exact_messages(case, tmp_path, monkeypatch, capsys):
    _make_plan(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--plan", "plan"]) == 1
    err = capsys.readouterr().err.splitlines()
    expected = (DATA / "invalid" / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert err[:-1] == expected
    assert err[-1] == f"{len(expected)} problem{'s' if len(expected) != 1 else ''} found; nothing was built."
    assert "Traceback" not in "\n".join(err)


@pytest.mark.parametrize("case", ["unknown_key", "unknown_division"])
def test_failed_build_leaves_previous_site_untouched(case, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(DATA / "minimal", tmp_path / "good")
    assert main(["build", "--plan", "good", "--out", "site"]) == 0
    before = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    _make_plan(case, tmp_path)
    assert main(["build", "--plan", "plan", "--out", "site"]) == 1
    after = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert after == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")]
    assert leftovers == []


def test_every_error_kind_has_a_case():
    # One case per kind of problem the loader reports; adding a kind means adding a case.
    codes = {"unknown_key", "missing_english", "wrong_type", "text_is_number", "duplicate_key", "unknown_division",
             "duplicate_id", "yaml_syntax", "missing_document", "bad_id", "bad_unit", "empty_target",
             "period_both", "many_files", "reserved_id", "empty_file", "table_row_length", "prose_link", "errors_across_phases", "duplicate_anchor"}
    assert codes <= set(CASES)
