"""Each case in tests/data/invalid/ is the minimal plan with some files replaced by broken ones.

`expected.txt` holds the exact messages `check` must print, one per line, with file, line and column.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.publish.build import build_site
from generator.cli import main

from tests.invalid_cases import CASES, DATA, make_invalid_plan


def _make_plan(case: str, workdir: Path) -> None:
    make_invalid_plan(case, workdir)


@pytest.mark.parametrize("case", CASES)
def test_check_reports_exact_messages(case, tmp_path, monkeypatch, capsys, update_golden):
    _make_plan(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--plan", "plan"]) == 1
    err = capsys.readouterr().err.splitlines()
    expected_file = DATA / "invalid" / case / "expected.txt"
    if update_golden:  # `make golden`: review the diff of tests/data/invalid/ before committing
        expected_file.write_text("\n".join(err[:-1]) + "\n", encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    assert err[:-1] == expected
    assert err[-1] == f"{len(expected)} problem{'s' if len(expected) != 1 else ''} found; nothing was built."
    assert "Traceback" not in "\n".join(err)


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Path:
    """A site built from the minimal plan, once: each failed build below must leave a copy of it as it was."""
    root = tmp_path_factory.mktemp("good")
    shutil.copytree(DATA / "minimal", root / "plan")
    build_site(root / "plan", root / "site")
    return root / "site"


def _tree(root: Path) -> dict[str, bytes | None]:
    return {p.relative_to(root).as_posix(): p.read_bytes() if p.is_file() else None for p in root.rglob("*")}


@pytest.mark.parametrize("case", CASES)
def test_failed_build_leaves_every_file_untouched(case, good_site, tmp_path, monkeypatch, capsys):
    # The previous site/ stays byte for byte, and nothing appears, changes or goes anywhere else either.
    _make_plan(case, tmp_path)
    shutil.copytree(good_site, tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    before = _tree(tmp_path)
    assert main(["build", "--plan", "plan", "--out", "site"]) == 1
    err = capsys.readouterr().err
    assert err.endswith("nothing was built.\n") and "Traceback" not in err
    assert _tree(tmp_path) == before


def test_every_error_kind_has_a_case():
    # One case per kind of problem the loader reports; adding a kind means adding a case.
    codes = {"unknown_key", "missing_english", "wrong_type", "text_is_number", "duplicate_key", "unknown_division",
             "duplicate_id", "yaml_syntax", "missing_document", "bad_id", "bad_unit", "empty_target",
             "period_both", "many_files", "reserved_id", "empty_file", "table_row_length", "prose_link", "errors_across_phases", "duplicate_anchor",
             "yaml_alias_bomb", "deep_nesting", "not_finite", "yaml_tag",
             "number_in_quotes", "bool_as_number", "page_in_quotes", "number_with_exponent",
             "unclosed_quote", "tab", "full_width_space", "full_width_space_after_colon", "full_width_digits",
             "thousands_separator", "control_character", "blank_text", "key_not_text", "document_outside_plan", "year_with_decimal",
             # Nothing a pull request writes reaches a reader, a clerk's spreadsheet or the build machine's files:
             "symlinks", "unsafe_addresses", "site_url_spaces", "hidden_characters", "escaped_characters",
             "invisible_titles", "lookalike_ids", "nondecimal_numbers", "contradicting_tags", "yes_no_words",
             "huge_numbers", "prose_bounds", "windows_reserved_ids", "document_listed_twice", "file_name_too_long",
             # and an editor's everyday mistakes get a message they can act on:
             "era_year", "unclosed_quote_in_block", "full_width_colon", "no_space_after_colon", "comma_in_flow_text",
             "references_with_type_errors", "shift_jis"}
    assert codes <= set(CASES)


@pytest.mark.parametrize(("name", "body", "expected"), [
    ("strategy.yaml", "notes: '" + "a" * 600_000 + "'\n",
     "plan/strategy.yaml: file is too large (expected at most 512 KiB, found 586 KiB); split it into several documents"),
    ("strategy.yaml", "- [" + ", ".join(["0"] * 30_000) + "]\n",
     "plan/strategy.yaml:1:74998: file holds too many values (expected at most 25,000 keys, values and list items in "
     "one file, found more by this line); split it into several documents"),
    # A glossary cannot be split into documents, and its limit leaves room for thousands of terms.
    ("glossary.yaml", "- notes: '" + "a" * 4_300_000 + "'\n",
     "plan/glossary.yaml: file is too large (expected at most 4.0 MiB, found 4.1 MiB); this file cannot be split into "
     "documents; shorten long definitions, or leave out entries the plan does not use"),
    ("plan.yaml", "notes: '" + "a" * 600_000 + "'\n",
     "plan/plan.yaml: file is too large (expected at most 512 KiB, found 586 KiB); move long texts into a document file"),
])
def test_oversized_files_are_refused(name, body, expected, tmp_path, monkeypatch, capsys):
    shutil.copytree(DATA / "minimal", tmp_path / "plan")
    (tmp_path / "plan" / name).write_text(body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--plan", "plan"]) == 1
    assert capsys.readouterr().err.splitlines() == [expected, "1 problem found; nothing was built."]


def test_an_alias_bomb_gets_an_answer_not_a_hang(tmp_path):
    # In a separate process with a deadline: before anchors were refused, this ran until memory ran out.
    # The deadline is generous for a loaded CI machine; `bench/` measures the real time.
    _make_plan("yaml_alias_bomb", tmp_path)
    done = subprocess.run([sys.executable, "-m", "generator", "check", "--plan", "plan"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "YAML alias '*i' is not allowed" in done.stderr and "Traceback" not in done.stderr


def test_a_glossary_of_2000_terms_is_accepted(tmp_path, monkeypatch, capsys):
    # A real plan's glossary may be long; it is one file, which cannot be split into documents.
    shutil.copytree(DATA / "minimal", tmp_path / "plan")
    entries = "".join(f"- id: term-{n}\n  term: {{ja: 用語{n}番, en: term number {n}}}\n  reading: ようご\n"
                      f"  definition:\n    ja: 計画の中で使われる言葉の説明です。計画の中で使われる言葉の説明です。\n"
                      f"    en: An explanation of a word used in the plan, long enough to read as a definition.\n"
                      for n in range(2000))
    (tmp_path / "plan" / "glossary.yaml").write_text(entries, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--plan", "plan"]) == 0, capsys.readouterr().err
