"""Turn pydantic's validation errors into editor-facing messages: what is wrong, expected, found."""

from __future__ import annotations

import difflib
import re
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..characters import character_name
from ..problems.errors import ProblemCollector
from ..model.addresses import HTTPS_URL_PATTERN, SITE_URL_PATTERN, suggested_address
from ..model.common import NON_BLANK_PATTERN, SLUG_PATTERN
from ..model.plan import DOCUMENT_PATH, EMAIL_PATTERN, READING_PATTERN
from ..languages import by_code
from ..messages import LanguageName, Message, OneOf, PlanText, catalogue, message_languages
from ..problems.keypath import KeyPath, format_key_path
from .yaml_reader import REPORTED, SourceMap


def _found(value: Any) -> Message:
    """What the editor wrote, as a phrase of the catalogue ("the number 3" / 「数値 3」)."""
    if value is None:
        return Message("found.nothing")
    if isinstance(value, bool):
        return Message("found.bool", {"value": str(value).lower()})
    if isinstance(value, (int, float)):
        digits = repr(value)
        if len(digits) > 40:  # 10^400 written out: its size is what the editor needs to see
            return Message("found.long_number", {"start": digits[:12], "digits": f"{len(digits):,}"})
        return Message("found.number", {"value": value})
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return Message("found.text", {"value": shown})
    if isinstance(value, dict):
        return Message("found.mapping" if value else "found.empty_mapping")
    if isinstance(value, list):
        return Message("found.list" if value else "found.empty_list")
    return Message("found.other", {"value": type(value).__name__})


def _is_language(key: Any) -> bool:
    """Whether the key `key` holds a text in one of the registry's languages."""
    try:
        by_code(str(key))
    except KeyError:
        return False
    return True


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
_NUMBER_INSIDE = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?|[-+]?\d+(\.\d+)?")


# A Japanese era year as plans write it: 令和5年度, 平成30年, R5, H30, 令和元年度.
_ERA_YEAR = re.compile(r"(令和|平成|昭和|[RrHhSs])\s*(元|[0-9０-９]{1,2})\s*年?(度)?")
_ERA_FIRST = {"令和": 2019, "R": 2019, "平成": 1989, "H": 1989, "昭和": 1926, "S": 1926}


def _era_year(text: str) -> tuple[int, bool] | None:
    """(Western year, whether a fiscal year) of a text that is a Japanese era year, else None."""
    match = _ERA_YEAR.fullmatch(text)
    if match is None:
        return None
    first = _ERA_FIRST[match.group(1).upper() if len(match.group(1)) == 1 else match.group(1)]
    number = 1 if match.group(2) == "元" else int(match.group(2).translate(_FULL_WIDTH))
    return first + number - 1, match.group(3) is not None


def number_problem(value: Any, whole: bool) -> Message:
    """The message for a value where a number belongs, naming what the editor most likely did."""
    expected = Message("expected.whole_number" if whole else "expected.number")
    found = _found(value)
    if isinstance(value, str):
        text = value.strip()
        if whole and (era := _era_year(text)) is not None:
            return Message("era_year", {"found": found, "write": era[0], "era": text})
        half = text.translate(_FULL_WIDTH)
        if half != text and (_PLAIN_NUMBER.fullmatch(half) or _THOUSANDS.fullmatch(half)):
            return Message("full_width_digits", {"expected": expected, "found": found, "write": half.replace(",", "")})
        if _THOUSANDS.fullmatch(text):
            return Message("thousands_separator", {"expected": expected, "found": found, "write": text.replace(",", "")})
        if _PLAIN_NUMBER.fullmatch(text):
            return Message("number_as_text", {"expected": expected, "found": found, "write": text})
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is not None and not number.is_finite() or number is not None and abs(number) > _FLOAT_MAX:
            return Message("number_not_finite", {"expected": expected, "found": found})
        if number is not None:  # e.g. 1e-05: YAML 1.1 reads a number with an exponent but no point as text
            return Message("number_with_exponent", {"expected": expected, "found": found, "write": f"{number:f}"})
        example = _NUMBER_INSIDE.search(half)
        if example:  # "39.3％", "33,832人": the number is there, with a unit or a separator around it
            return Message("number_with_unit", {"expected": expected, "found": found,
                                                "write": example.group().replace(",", "")})
    if whole and isinstance(value, float):
        return Message("not_whole", {"expected": expected, "found": found})
    return Message("type.number", {"expected": expected, "found": found})


# Each text pattern of the models, by the message that says what to write instead, so that no editor
# reads a regular expression (tests/test_validation_messages.py finds every pattern of the models here).
PATTERN_MESSAGES = {
    DOCUMENT_PATH: "document_path",
    SLUG_PATTERN: "id_format",
    NON_BLANK_PATTERN: "empty",
    r"^\d{4}-\d{2}(-\d{2})?$": "date_format",
    r"^\+?[0-9][0-9 ()-]{5,20}$": "phone_format",
    EMAIL_PATTERN: "email_format",
    HTTPS_URL_PATTERN: "https_url",
    SITE_URL_PATTERN: "site_url_format",
    READING_PATTERN: "reading_format",
}
# Yes/no words that YAML 1.1 read as true or false, and what to write for each.
_YES_NO = {"yes": "true", "on": "true", "y": "true", "no": "false", "off": "false", "n": "false"}
_CHOICES = re.compile(r"\^\(([\w|]+)\)\$")


def _not_ascii(text: str) -> str | None:
    """The first character of an id that only looks like a letter or digit (Cyrillic а, full-width ａ, a
    zero-width space), named, so that the editor can find what they cannot see."""
    odd = next((character for character in text if ord(character) > 0x7F), None)
    return character_name(odd) if odd is not None else None


def describe(error: ErrorDetails, model: type[BaseModel], loc: KeyPath) -> Message:
    """The catalogue message (code and parameters) for one pydantic error at the data path `loc`."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    found = _found(value)
    if kind == "missing":
        name = loc[-1] if loc else "value"
        expected = (Message("expected.language_text", {"language": LanguageName(str(name))}) if _is_language(name)
                    else Message("expected.key", {"key": name}))
        return Message("missing", {"expected": expected})
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        near = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = Message("hint.did_you_mean", {"near": near[0]}) if near else Message("hint.none")
        return Message("unknown_field", {"hint": hint, "allowed": allowed, "key": loc[-1]})
    if kind in ("string_type", "str_type"):
        return Message("type.text", {"found": found})
    if kind in ("int_type", "int_parsing", "int_from_float", "float_type", "float_parsing", "finite_number"):
        whole = kind != "float_type" and error["loc"][-1:] not in (("int",), ("float",), ("constrained-int",), ("constrained-float",))  # not an int | float union
        return number_problem(value, whole)
    if kind in ("bool_type", "bool_parsing"):
        if isinstance(value, str) and value.strip().lower() in _YES_NO:
            return Message("bool_word", {"found": found, "write": _YES_NO[value.strip().lower()]})
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return Message("bool_as_text", {"found": found})
        return Message("type.bool", {"found": found})
    if kind in ("list_type",):
        return Message("type.list", {"found": found})
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if isinstance(value, str) and (written := re.fullmatch(r"([A-Za-z_][A-Za-z0-9_-]*):(\S.*)", value.strip())):
            return Message("no_space_after_colon", {"found": value.strip(),
                                                    "write": f"{written.group(1)}: {written.group(2)}"})
        return Message("type.mapping", {"found": found})
    if kind in ("enum", "literal_error"):
        # pydantic words the choices in English ("'a', 'b' or 'c'"); the catalogue words them again.
        choices = re.findall(r"'((?:[^'\\]|\\.)*)'", str(ctx.get("expected", "")))
        return Message("enum" if kind == "enum" else "literal", {"expected": OneOf(choices), "found": found})
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if (choices := _CHOICES.fullmatch(pattern)) is not None:  # `^(a|b|c)$`: a choice of words
            return Message("literal", {"expected": OneOf(choices.group(1).split("|")), "found": found})
        if pattern == NON_BLANK_PATTERN and isinstance(value, str) and value.strip():
            return Message("invisible_only", {"found": found})
        if pattern in (HTTPS_URL_PATTERN, SITE_URL_PATTERN) and isinstance(value, str):
            suggestion = suggested_address(value, site=pattern == SITE_URL_PATTERN)
            if suggestion is not None:
                return Message(PATTERN_MESSAGES[pattern] + ".suggested", {"found": found, "write": suggestion})
        if pattern == SLUG_PATTERN and isinstance(value, str) and (odd := _not_ascii(value)) is not None:
            return Message("id_not_ascii", {"found": found, "character": odd})
        # A pattern no message names yet shows the regular expression (a test keeps this unused).
        return Message(PATTERN_MESSAGES.get(pattern, "format"), {"pattern": pattern, "found": found})
    if kind == "string_too_short":
        return Message("empty", {"found": found})
    if kind == "string_too_long":
        return Message("too_long", {"max": ctx.get("max_length"), "length": len(value) if isinstance(value, str) else "",
                                    "found": found})
    if kind == "too_short":
        return Message("too_short", {"min": ctx.get("min_length"), "actual": ctx.get("actual_length")})
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        name, bound = next(iter(ctx.items()), ("ge", ""))
        return Message("range", {"bound": Message(f"bound.{name}", {"n": bound}), "found": found})
    if kind in catalogue(message_languages()[0]):  # a rule of the plan: a model's `rule(code, **params)`
        return Message(kind, {name: PlanText(value) if isinstance(value, dict) else value for name, value in ctx.items()})
    # A check no catalogue words yet: pydantic's English goes to English readers only (a test keeps this unused).
    return Message("invalid_value", {"detail": error["msg"], "found": found})


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
        message = describe(error, model, loc)
        path = prefix + loc
        if error["type"] == "missing":
            where = smap.locate(path[:-1])
        elif error["type"] == "extra_forbidden":
            where = smap.locate(path, key=True)
        elif isinstance(offset := (error.get("ctx") or {}).get("offset"), int) and isinstance(error.get("input"), str):
            where = smap.locate_within(path, error["input"], offset)
        else:
            where = smap.locate(path)
        problems.add(where, format_key_path(path), message, data=data, path=path)
