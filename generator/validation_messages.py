"""Turn pydantic's validation errors into editor-facing messages: what is wrong, expected, found."""

from __future__ import annotations

import difflib
import re
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .errors import ProblemCollector
from .model.plan import DOCUMENT_PATH
from .languages import by_code
from .yaml_source import REPORTED, KeyPath, SourceMap, format_key_path


def _found(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"'{shown}'"
    if isinstance(value, dict):
        return "a mapping" if value else "an empty mapping"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    return type(value).__name__


def _language_name(key: Any) -> str | None:
    """The English name of the language whose text the key `key` holds, if it is a language code."""
    try:
        return by_code(str(key)).name
    except KeyError:
        return None


_FLOAT_MAX = Decimal(sys.float_info.max)


def _fields_at(model: type[BaseModel], loc: KeyPath) -> list[str]:
    """Field names allowed at `loc` inside `model`, to suggest the right key for a typo."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = _keys_of(current)
        if part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
        if current is None:
            return []
    return list(_keys_of(current))


def _keys_of(model: Any) -> dict[str, Any]:
    """A model's fields by the key an editor writes (the alias, e.g. a language code with a hyphen)."""
    fields = getattr(model, "model_fields", None) or {}
    return {field.alias or name: field for name, field in fields.items()}


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def data_path(loc: tuple, data: Any, kind: str) -> KeyPath:
    """The part of pydantic's `loc` that names real keys of the data.

    pydantic adds union branch names (`int`, `Text`, …) to `loc`; they are not
    keys the editor wrote, so they are dropped by walking the data itself.
    """
    path: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(current, dict) and part in current or isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        elif last and kind == "missing" and isinstance(current, dict):
            path.append(part)
    return tuple(path)


# Full-width digits and signs (全角数字) as an IME types them, and their half-width forms.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋ー", "0123456789.,-+-")
_PLAIN_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)")
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?")


def number_problem(value: Any, whole: bool) -> tuple[str, str]:
    """(message, code) for a value where a number belongs, naming what the editor most likely did."""
    expected = "a whole number, e.g. 2020" if whole else "a number without units or separators, e.g. 33832"
    if isinstance(value, str):
        text = value.strip()
        half = text.translate(_FULL_WIDTH)
        if half != text and (_PLAIN_NUMBER.fullmatch(half) or _THOUSANDS.fullmatch(half)):
            return (f"wrong type (expected {expected}, found full-width digits (全角数字) {_found(value)}; "
                    f"write {half.replace(',', '')} in half-width digits)"), "full_width_digits"
        if _THOUSANDS.fullmatch(text):
            return (f"wrong type (expected {expected}, found {_found(value)} with a thousands separator; "
                    f"write {text.replace(',', '')}, without a comma)"), "thousands_separator"
        if _PLAIN_NUMBER.fullmatch(text):
            return (f"wrong type (expected {expected}, found the text {_found(value)} in quotes; "
                    f"write {text} without quotes)"), "number_as_text"
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is not None and not number.is_finite() or number is not None and abs(number) > _FLOAT_MAX:
            return f"not a finite number (expected {expected}, found {_found(value)})", "number_not_finite"
        if number is not None:  # e.g. 1e-05: YAML 1.1 reads a number with an exponent but no point as text
            return (f"wrong type (expected {expected}, found {_found(value)}, which YAML reads as text; "
                    f"write {number:f}, in digits)"), "number_as_text"
    if whole and isinstance(value, float):
        return f"wrong type (expected {expected}, found {_found(value)})", "not_whole"
    return f"wrong type (expected {expected}, found {_found(value)})", "type"


def describe(error: ErrorDetails, model: type[BaseModel], loc: KeyPath) -> tuple[str, str]:
    """(message, code) for one pydantic error at the data path `loc`."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        name = loc[-1] if loc else "value"
        what = f"{_language_name(name)} text" if _language_name(name) else f"`{name}:`"
        return f"required field is missing (expected {what}, found nothing)", "missing"
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        near = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"did you mean '{near[0]}'? " if near else ""
        listed = ", ".join(allowed)
        return f"unknown field ({hint}expected one of: {listed}; found '{loc[-1]}')", "unknown_field"
    if kind in ("string_type", "str_type"):
        return f"wrong type (expected text, found {_found(value)}; put the text in quotes)", "type"
    if kind in ("int_type", "int_parsing", "int_from_float", "float_type", "float_parsing", "finite_number"):
        whole = kind != "float_type" and error["loc"][-1:] not in (("int",), ("float",))  # not an int | float union
        return number_problem(value, whole)
    if kind in ("bool_type", "bool_parsing"):
        if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no", "on", "off"):
            return (f"wrong type (expected true or false, found the text {_found(value)} in quotes; "
                    f"write true or false without quotes)"), "bool_as_text"
        return f"wrong type (expected true or false, found {_found(value)})", "type"
    if kind in ("list_type",):
        return f"wrong type (expected a list, found {_found(value)})", "type"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"wrong type (expected a mapping of fields, found {_found(value)})", "type"
    if kind == "enum":
        return f"not an allowed value (expected one of {ctx.get('expected')}, found {_found(value)})", "enum"
    if kind == "literal_error":
        return f"not an allowed value (expected {ctx.get('expected')}, found {_found(value)})", "enum"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if pattern == DOCUMENT_PATH:
            return (f"not a file in the plan directory (expected a path such as 'documents/strategy.yaml' below it, "
                    f"without '..' or a leading '/', found {_found(value)})"), "document_path"
        if "a-z0-9" in pattern:
            return (f"not a valid id (expected lower-case letters, digits and hyphens such as 'basic-goal-1', "
                    f"found {_found(value)})"), "id_format"
        return f"wrong format (expected text matching {pattern}, found {_found(value)})", "format"
    if kind == "string_too_short":
        return f"text is empty (expected at least one character, found {_found(value)})", "empty"
    if kind == "too_short":
        return (f"list is too short (expected at least {ctx.get('min_length')} item(s), "
                f"found {ctx.get('actual_length')})"), "too_short"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(ctx.items()), ("", ""))
        words = {"ge": "at least", "le": "at most", "gt": "more than", "lt": "less than"}
        return f"number out of range (expected {words.get(bound[0], bound[0])} {bound[1]}, found {_found(value)})", "range"
    if kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
        return message, "invalid"
    return f"{error['msg']} (found {_found(value)})", kind


def report_validation_error(exc: ValidationError, model: type[BaseModel], data: Any, smap: SourceMap,
                            problems: ProblemCollector, prefix: KeyPath = ()) -> None:
    """Add one problem per pydantic error, at the line and column of the offending key or value."""
    seen: set[KeyPath] = set()
    for error in exc.errors(include_url=False):
        if error.get("input") is REPORTED:  # the loader has said what is wrong with this value
            continue
        loc = data_path(error["loc"], data, error["type"])
        if loc in seen:  # one message per place: a union reports each branch
            continue
        seen.add(loc)
        message, code = describe(error, model, loc)
        path = prefix + loc
        if error["type"] == "missing":
            where = smap.locate(path[:-1])
        elif error["type"] == "extra_forbidden":
            where = smap.locate(path, key=True)
        else:
            where = smap.locate(path)
        value = error.get("input")
        params = {"error_type": error["type"], "ctx": dict(error.get("ctx") or {}),
                  "found": value if isinstance(value, (str, int, float, bool, type(None))) else type(value).__name__}
        problems.add(where, format_key_path(path), message, code, params)
