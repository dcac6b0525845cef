"""pydantic's errors become catalogue messages: every error the plan's models can raise has its own code.

The models are walked as pydantic compiled them (their core schemas): each kind of value and each
constraint names the pydantic errors it can raise, and each of those must get a message of its own,
never the catch-all that would show pydantic's English or a regular expression to an editor.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from generator.messages import catalogue, message_languages, render
from generator.model import Division, Document, GlossaryTerm, PlanRoot
from generator.load.validation import PATTERN_MESSAGES, describe

MODELS = (PlanRoot, Document, Division, GlossaryTerm)
CATCH_ALL = {"invalid_value", "format"}

# What pydantic can raise for each kind of value and each constraint of the models (strict mode).
# Kinds that only hold or wrap others raise nothing of their own.
ERRORS_OF = {
    "str": {"string_type"},
    ("str", "pattern"): {"string_pattern_mismatch"},
    ("str", "min_length"): {"string_too_short"},
    ("str", "max_length"): {"string_too_long"},
    "int": {"int_type", "int_from_float"},
    ("int", "ge"): {"greater_than_equal"}, ("int", "le"): {"less_than_equal"},
    ("int", "gt"): {"greater_than"}, ("int", "lt"): {"less_than"},
    "float": {"float_type", "finite_number"},
    ("float", "ge"): {"greater_than_equal"}, ("float", "le"): {"less_than_equal"},
    ("float", "gt"): {"greater_than"}, ("float", "lt"): {"less_than"},
    "bool": {"bool_type"},
    "list": {"list_type"},
    ("list", "min_length"): {"too_short"},
    "dict": {"dict_type"},
    "enum": {"enum"},
    "literal": {"literal_error"},
    "model": {"model_type", "model_attributes_type"},
    "model-fields": {"missing", "extra_forbidden"},
    **{kind: set() for kind in ("model-field", "default", "nullable", "definitions", "definition-ref", "union",
                                "function-after", "no-info")},
}
# Keys of a schema that describe it rather than constrain the value.
NOT_CONSTRAINTS = {"type", "ref", "metadata", "schema", "fields", "cls", "model_name", "config", "serialization",
                   "schema_ref", "definitions", "choices", "items_schema", "values_schema", "keys_schema", "function",
                   "computed_fields", "custom_init", "root_model", "default", "default_factory",
                   "default_factory_takes_data", "validation_alias", "serialization_alias", "strip_whitespace",
                   "members", "sub_type", "strict", "expected"}


def _schemas(schema: Any):
    if isinstance(schema, dict):
        if isinstance(schema.get("type"), str):
            yield schema
        for value in schema.values():
            yield from _schemas(value)
    elif isinstance(schema, (list, tuple)):
        for value in schema:
            yield from _schemas(value)


def _model_schemas():
    for model in MODELS:
        yield from _schemas(model.__pydantic_core_schema__)


def _error_types() -> set[str]:
    found: set[str] = set()
    unmapped = []
    for schema in _model_schemas():
        kind = schema["type"]
        keys = [kind] + [(kind, key) for key in schema if key not in NOT_CONSTRAINTS]
        for key in keys:
            if key in ERRORS_OF:
                found |= ERRORS_OF[key]
            else:
                unmapped.append(key)
    assert not unmapped, f"name the pydantic errors these can raise in ERRORS_OF: {sorted(set(map(str, unmapped)))}"
    return found


def _error(kind: str, value: Any = "x", **ctx: Any) -> dict:
    return {"type": kind, "loc": ("field",), "msg": "pydantic's English", "input": value, "ctx": ctx}


def test_every_error_the_models_can_raise_has_its_own_message():
    caught = []
    for kind in sorted(_error_types() - {"string_pattern_mismatch"}):  # each pattern: the next test
        ctx = {"pattern": "", "max_length": 80, "min_length": 1, "ge": 0, "expected": "'a' or 'b'"}
        code = describe(_error(kind, **ctx), PlanRoot, ("field",)).code
        if code in CATCH_ALL:
            caught.append(kind)
    assert caught == []


def test_every_pattern_of_the_models_has_a_message_that_says_what_to_write():
    patterns = {schema["pattern"] for schema in _model_schemas() if schema["type"] == "str" and "pattern" in schema}
    assert patterns
    worded = {pattern: describe(_error("string_pattern_mismatch", pattern=pattern), PlanRoot, ("field",)).code
              for pattern in patterns}
    assert {pattern: code for pattern, code in worded.items() if code in CATCH_ALL} == {}
    assert set(PATTERN_MESSAGES.values()) <= set(catalogue(message_languages()[0]))


@pytest.mark.parametrize(("model", "data", "code"), [
    (Division, {"id": "kikaku", "name": {"ja": "企画課", "en": "Planning"}, "phone": "０４-１２３４"}, "phone_format"),
    (Division, {"id": "kikaku", "name": {"ja": "企画課", "en": "Planning"}, "email": "kikaku"}, "email_format"),
    (Division, {"id": "kikaku", "name": {"ja": "企画課", "en": "Planning"}, "url": "http://x.jp/"}, "https_url"),
    (Division, {"id": "k" * 81, "name": {"ja": "企画課", "en": "Planning"}}, "too_long"),
])
def test_real_pydantic_errors_get_their_messages(model, data, code):
    try:
        TypeAdapter(model).validate_python(data)
    except Exception as exc:  # pydantic.ValidationError
        errors = exc.errors(include_url=False)
    else:
        pytest.fail("the data should be invalid")
    messages = [describe(error, model, tuple(error["loc"])) for error in errors]
    assert [message.code for message in messages] == [code]
    for lang in message_languages():  # worded in every language, with what was written
        assert str(data.get("phone") or data.get("email") or data.get("url") or data["id"])[:30] in render(
            messages[0], lang)


def test_a_pattern_of_words_is_worded_as_a_choice():
    message = describe(_error("string_pattern_mismatch", "sorce", pattern="^(source|transcription|figure)$"),
                       PlanRoot, ("field",))
    assert message.code == "literal"
    assert all(word in render(message, lang) for lang in message_languages()
               for word in ("source", "transcription", "figure", "sorce"))

