"""Messages in every language, from catalogues kept as data (generator/messages/<code>.yaml).

Each case in tests/data/invalid/ may hold `expected.<lang>.txt` beside `expected.txt` (English): the exact
lines `check --lang <lang>` prints. Every case is also checked for English leaking into another language.
"""

from __future__ import annotations

import re
import shutil
import string
from dataclasses import replace
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.problems.errors import ProblemCollector
from generator import languages
from generator.languages import by_code, default_language
from generator.messages import CATALOGUE_DIR, catalogue, catalogue_languages, locale_language, message_languages
from generator.load.yaml_reader import load_yaml_file
from tests.conftest import ROOT

from tests.invalid_cases import CASES, DATA, make_invalid_plan
TRANSLATED = sorted((case, path.name.split(".")[1]) for case in CASES
                    for path in (DATA / "invalid" / case).glob("expected.*.txt"))
# Words of an English message; none may reach an editor who reads another language.
ENGLISH = re.compile(r"\b(expected|found|wrong type|required field|unknown|not allowed|Input should|did you mean)\b")


def _check(case: str, workdir: Path, capsys, *options: str) -> list[str]:
    make_invalid_plan(case, workdir)
    assert main(["check", "--plan", "plan", *options]) == 1
    return capsys.readouterr().err.splitlines()


@pytest.mark.parametrize(("case", "lang"), TRANSLATED)
def test_check_reports_exact_translated_messages(case, lang, tmp_path, monkeypatch, capsys, update_golden):
    monkeypatch.chdir(tmp_path)
    err = _check(case, tmp_path, capsys, "--lang", lang)
    expected_file = DATA / "invalid" / case / f"expected.{lang}.txt"
    if update_golden:  # `make golden`: review the diff of tests/data/invalid/
        expected_file.write_text("\n".join(err[:-1]) + "\n", encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    assert err[:-1] == expected


def _other_languages() -> list[str]:
    return [lang for lang in message_languages() if by_code(lang).name != "English"]


@pytest.mark.parametrize("lang", _other_languages())
@pytest.mark.parametrize("case", CASES)
def test_no_english_reaches_an_editor_in_another_language(case, lang, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    err = _check(case, tmp_path, capsys, "--lang", lang)
    leaks = [line for line in err if ENGLISH.search(line.split(": ", 1)[-1])]
    assert leaks == []


def test_every_catalogue_has_every_message():
    keys = {lang: set(catalogue(lang)) for lang in catalogue_languages()}
    assert len(keys) >= 2
    first = next(iter(keys.values()))
    assert {lang: sorted(first ^ other) for lang, other in keys.items() if other != first} == {}


# Parameters holding the YAML parser's or pydantic's own English words: a catalogue in another language
# leaves them out rather than show English to its readers.
PARSERS_ENGLISH = {"problem", "context", "detail"}


def _fields(template: Any) -> set[str]:
    if not isinstance(template, str):
        return set()
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_takes_the_same_parameters_in_every_catalogue():
    own = {lang: {key: _fields(template) - PARSERS_ENGLISH for key, template in catalogue(lang).items()}
           for lang in catalogue_languages()}
    first_lang, first = next(iter(own.items()))
    differing = {(lang, key): (sorted(first[key]), sorted(fields)) for lang, messages in own.items()
                 for key, fields in messages.items() if fields != first.get(key)}
    assert differing == {}, f"parameters differ from {first_lang}.yaml"


def test_every_message_the_code_names_is_in_the_catalogues():
    named = set()
    for path in (ROOT / "generator").rglob("*.py"):
        # Message("code", …) and the models' rule("code", …)
        named |= set(re.findall(r"(?:Message|rule)\(\s*\"([a-z_.]+)\"", path.read_text(encoding="utf-8")))
    assert named, "no message codes found in the code"
    for lang in message_languages():
        assert sorted(named - set(catalogue(lang))) == [], lang


def test_catalogue_fields_are_well_formed():
    for lang in message_languages():
        for key, template in catalogue(lang).items():
            if isinstance(template, str):
                try:
                    list(string.Formatter().parse(template))
                except ValueError as exc:
                    pytest.fail(f"generator/messages/{lang}.yaml, {key}: {exc} (write a literal brace as {{{{ or }}}})")


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "ja_JP.UTF-8"}, "ja"),
    ({"LC_ALL": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, "ja"),
    ({"LC_ALL": "en_US.UTF-8", "LANG": "ja_JP.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({}, "en"),
])
def test_default_language_follows_the_locale(environ, expected):
    assert locale_language(environ) == expected


@pytest.mark.parametrize(("locale", "summary"), [("ja_JP.UTF-8", "2件の問題が見つかりました。サイトは作られていません。"),
                                                 ("C.UTF-8", "2 problems found; nothing was built.")])
def test_check_speaks_the_language_of_the_locale(tmp_path, locale, summary):
    plan = tmp_path / "plan"
    shutil.copytree(DATA / "minimal", plan)
    shutil.copy(DATA / "invalid" / "unknown_key" / "strategy.yaml", plan / "strategy.yaml")
    environment = {"PATH": "/usr/bin:/bin", "LANG": locale, "PYTHONPATH": str(ROOT)}  # no LC_ALL: LANG decides
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--plan", "plan"], cwd=tmp_path,
                            env=environment, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == summary


def test_catalogues_are_files_of_the_registry_languages():
    assert {path.stem for path in CATALOGUE_DIR.glob("*.yaml")} == set(catalogue_languages())
    assert set(catalogue_languages()) <= set(message_languages())


def test_a_registered_language_without_a_catalogue_falls_back_along_the_registry(tmp_path, monkeypatch, capsys):
    # As Easy Japanese would, before (or without) a catalogue of its own: its fallback's messages.
    fallback = default_language()
    extra = replace(fallback, code="xx-test", url_prefix="xx-test/", default=False, required=False,
                    fallback=fallback.code)
    monkeypatch.setattr(languages, "REGISTRY", languages.REGISTRY + (extra,))
    assert "xx-test" in message_languages() and "xx-test" not in catalogue_languages()
    assert catalogue("xx-test") == catalogue(fallback.code)
    monkeypatch.chdir(tmp_path)
    err = _check("wrong_type", tmp_path, capsys, "--lang", "xx-test")
    assert main(["check", "--plan", "plan", "--lang", fallback.code]) == 1
    assert err == capsys.readouterr().err.splitlines()


def test_the_japanese_messages_editors_meet_most_are_pinned():
    # Exact Japanese for a wrong type, an unknown key, a missing translation, a dangling reference,
    # full-width digits and a tab: each case holds expected.ja.txt.
    pinned = {case for case, lang in TRANSLATED if lang == "ja"}
    assert {"wrong_type", "unknown_key", "missing_english", "unknown_division", "full_width_digits",
            "tab"} <= pinned


@pytest.mark.parametrize("doc", ["README.md", "docs-dev/EDITORS_GUIDE.md"])
def test_the_messages_the_docs_show_are_the_ones_check_prints(doc):
    shown = [line for line in (ROOT / doc).read_text(encoding="utf-8").splitlines() if line.startswith("plan/strategy.yaml:")]
    printed = {line for path in (DATA / "invalid").glob("*/expected*.txt")
               for line in path.read_text(encoding="utf-8").splitlines()}
    assert shown
    assert [line for line in shown if line not in printed] == []


@pytest.mark.parametrize(("text", "code"), [
    ("title: a\nnote: @city\n", "yaml_syntax.reserved_start"),
    ('title: a\npath: "C:\\qdir"\n', "yaml_syntax.escape"),
    ("title: a\n---\ntitle: b\n", "yaml_syntax.documents"),
    ("title: a\nnote: see: here\n", "yaml_syntax.colon"),
    ("title: a\n  note: b\nc: d\n", "yaml_syntax.colon"),
])
def test_yaml_syntax_errors_editors_make_say_what_to_write_in_every_language(text, code, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    problems = ProblemCollector()
    assert load_yaml_file(path, "plan.yaml", problems) is None
    [problem] = problems.problems
    assert problem.detail.code == code
    for lang in _other_languages():
        assert not ENGLISH.search(problem.message_in(lang)) and not re.search(r"[a-z]+ [a-z]+ [a-z]+", problem.message_in(lang))


def test_build_and_check_speak_the_same_language(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    checked = _check("wrong_type", tmp_path, capsys, "--lang", "ja")
    assert main(["build", "--plan", "plan", "--out", "site", "--lang", "ja"]) == 1
    assert capsys.readouterr().err.splitlines() == checked
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_plan_without_problems_is_reported_in_the_editors_language(lang, tmp_path, capsys):
    # Whatever the plan, what `check` and `build` say when all is well is the catalogue's, not English.
    plan = ROOT / "tests" / "data" / "minimal"
    assert main(["check", "--plan", str(plan), "--lang", lang]) == 0
    assert main(["build", "--plan", str(plan), "--out", str(tmp_path / "site"), "--lang", lang]) == 0
    said = capsys.readouterr().out.splitlines()
    words = catalogue(lang)
    assert said[0].startswith(f"{plan}: ") and said[0].endswith(words["check.ok.one"].split("{count}")[1])
    assert said[1].startswith(words["build.done"].split("{")[0]) and f"{tmp_path / 'site'}/" in said[1]
    assert said[2].startswith(words["build.coverage"].split("{")[0])


@pytest.mark.parametrize(("flags", "locale", "shown"), [
    ("", "ja_JP.UTF-8", "strategy.yaml:30:25: 基本目標1 > 数値目標"),  # no flags: the locale decides
    ("", "C.UTF-8", 'strategy.yaml:30:25: Basic goal 1 > numerical target "'),
    ("--format github --lang ja", "C.UTF-8", "strategy.yaml,line=30,col=25,title=基本目標1 > 数値目標"),
])
def test_make_check_passes_its_flags_and_follows_the_locale(flags, locale, shown, tmp_path):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    plan = tmp_path / "plan"
    shutil.copytree(DATA / "minimal", plan)
    shutil.copy(DATA / "invalid" / "wrong_type" / "strategy.yaml", plan / "strategy.yaml")
    installed = tmp_path / "installed"  # newer than requirements.lock: make installs nothing, runs this Python
    installed.touch()
    environment = {"PATH": "/usr/bin:/bin", "LANG": locale}
    result = subprocess.run(["make", "--no-print-directory", "check", f"PLAN={plan}", f"CHECK_FLAGS={flags}",
                             f"PY={sys.executable}", f"STAMP={installed}"],
                            cwd=ROOT, env=environment, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode != 0
    output = result.stdout if "github" in flags else result.stderr
    assert shown in output
