"""One truth for types: the validator and the JSON Schema editors see accept and reject the same files.

Every YAML file in tests/data/ (the valid minimal plan and each invalid case), and in the real plans,
is checked by the pydantic models and by `jsonschema`, an independent implementation of JSON Schema
(as VS Code's YAML extension and check-jsonschema are), against the committed `schema/`.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from pydantic import TypeAdapter, ValidationError

from generator.problems.errors import ProblemCollector
from generator.model import Division, Document, GlossaryTerm, PlanRoot
from generator.load.yaml_reader import load_yaml_file
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
MODELS = {"plan.yaml": (PlanRoot, "plan"), "divisions.yaml": (list[Division], "divisions"),
          "glossary.yaml": (list[GlossaryTerm], "glossary")}

# Files the loader refuses before either validator sees them: YAML-level problems (syntax, duplicate
# keys, anchors, tags, nesting, NaN…). JSON Schema validates data, so these cannot be compared; the
# `jsonschema` column would be meaningless (e.g. it accepts NaN as a number, which JSON cannot even write).
LOADER_CASES = {"yaml_syntax", "duplicate_key", "empty_file", "yaml_alias_bomb", "deep_nesting", "not_finite",
                "yaml_tag", "unclosed_quote", "tab", "full_width_space", "full_width_space_after_colon",
                "control_character", "thousands_separator", "key_not_text",
                # Hidden characters, numbers that are not decimal, tags against their values, files that are not
                # UTF-8 or not regular files, and the editors' syntax mistakes: refused as they are read.
                "hidden_characters", "escaped_characters", "nondecimal_numbers", "contradicting_tags", "shift_jis",
                "symlinks", "unclosed_quote_in_block", "full_width_colon", "no_space_after_colon",
                "comma_in_flow_text"}

# Files the models reject and the schema accepts, each for a rule JSON Schema cannot state or that
# we do not generate into it. Each entry must still disagree: a stale entry fails the test.
VALIDATOR_ONLY = {
    "period_both": "a period gives exactly one of fiscal_year and year: a cross-field rule (model validator)",
    "empty_target": "a target needs a number or a text: a cross-field rule (model validator)",
    "table_row_length": "one cell per column: the row length depends on another field",
    "prose_link": "links in prose may only use http, https or mailto: found by reading the Markdown",
    "year_with_decimal": "JSON Schema counts 2020.0 as an integer; the validator wants a year or a count written "
                         "as a whole number (2020), as YAML would read it back",
}


def _files() -> list[tuple[str, Path]]:
    """Every YAML file of tests/data (named by its case: `invalid/<case>/…` as `<case>/…`) and of the plans."""
    files = []
    for path in sorted(DATA.rglob("*.yaml")):
        relative = path.relative_to(DATA)
        parts = relative.parts[1:] if relative.parts[0] == "invalid" else relative.parts
        files.append(("/".join(parts), path))
    examples = ROOT / "examples"  # a fork may have removed them: its own plan/ is what counts
    for plan in (ROOT / "plan", *(sorted(p for p in examples.iterdir() if p.is_dir()) if examples.is_dir() else ())):
        files += [(f"{plan.name}/{p.relative_to(plan).as_posix()}", p) for p in sorted(plan.rglob("*.yaml"))]
    return files


def _schema(name: str) -> dict:
    return json.loads((ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("case", "path"), _files(), ids=[name for name, _ in _files()])
def test_validator_and_json_schema_agree(case, path):
    model, schema_name = MODELS.get(path.name, (Document, "document"))
    problems = ProblemCollector()
    loaded = load_yaml_file(path, case, problems)
    case_name = case.split("/")[0]
    if problems.problems:
        assert case_name in LOADER_CASES, [str(p) for p in problems.problems]
        return
    try:
        TypeAdapter(model).validate_python(loaded.data)
        validator_accepts = True
    except ValidationError:
        validator_accepts = False
    schema_errors = list(jsonschema.Draft202012Validator(_schema(schema_name)).iter_errors(loaded.data))
    schema_accepts = not schema_errors
    if case_name in VALIDATOR_ONLY:
        assert (validator_accepts, schema_accepts) == (False, True), f"{case} agrees now: remove it from VALIDATOR_ONLY"
        return
    assert validator_accepts == schema_accepts, (
        f"{case}: validator {'accepts' if validator_accepts else 'rejects'}, JSON Schema "
        f"{'accepts' if schema_accepts else 'rejects: ' + '; '.join(e.message for e in schema_errors[:3])}")


def test_the_corpus_covers_the_coercions_the_schema_forbids():
    # The cases that used to pass the validator while the schema (and so the editor) flagged them.
    for case in ("number_in_quotes", "bool_as_number", "page_in_quotes", "number_with_exponent"):
        assert (DATA / "invalid" / case / "strategy.yaml").is_file(), case
