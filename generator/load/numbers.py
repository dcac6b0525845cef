"""What a plain YAML value reads as: numbers are decimal, and only `true` and `false` are yes/no values.

PyYAML follows YAML 1.1, where `012` is octal (10), `0x1A` hexadecimal (26), `0b101` binary (5),
`1:20` base 60 (80) and `1_000` a thousand, and where `yes`, `no`, `on` and `off` are true or false.
An editor who writes `fiscal_year: 03745` or `ratio: 1:20` means neither, and the site would publish
the wrong figure without a word. Here a plain value reads as a number only when it is written in
decimal digits; the other YAML 1.1 number forms are recognised and refused, with the decimal to
write instead, and `yes`, `no`, `on`, `off` stay text (a yes/no field names `true` or `false`).
Exponents keep YAML 1.1's form (`1.5e+3`), and `.inf` and `.nan` still read as numbers, for the
loader to refuse as not finite.
"""

from __future__ import annotations

import re

import yaml
from yaml.resolver import Resolver

from ..messages import Message

NONDECIMAL_TAG = "tag:keikaku,2026:nondecimal"
_CORE = "tag:yaml.org,2002:"

_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^(?:[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
# The YAML 1.1 number forms that are not plain decimal: leading zeros, other bases, base 60, underscores.
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+(?:\.[0-9_]*)?$")
_BASE = re.compile(r"^[-+]?0(?:b[01_]+|o[0-7_]+|x[0-9a-fA-F_]+)$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")
_UNDERSCORE = re.compile(r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)$")
_NONDECIMAL = re.compile("|".join(p.pattern for p in (_LEADING_ZERO, _BASE, _SEXAGESIMAL, _UNDERSCORE)))


class DecimalResolver(Resolver):
    """PyYAML's resolver with decimal numbers, `true`/`false`, null and nothing else (no dates, no `<<`)."""


DecimalResolver.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
        ("bool", _BOOL, "tTfF"),
        ("null", _NULL, ["~", "n", "N", ""]),
        ("int", _INT, "-+0123456789"),
        ("float", _FLOAT, "-+0123456789."),
        # Last: a form that no pattern above takes, and YAML 1.1 would have read as a number.
        (None, _NONDECIMAL, "-+0123456789."),
):
    DecimalResolver.add_implicit_resolver(NONDECIMAL_TAG if _tag is None else _CORE + _tag, _pattern, list(_first))


def nondecimal_message(text: str) -> Message:
    """The message for a plain value that YAML 1.1 reads as a number in another base or form."""
    digits = text.replace("_", "")
    if _BASE.match(text):
        return Message("number_base", {"found": text, "write": str(int(digits, 0))})
    if _SEXAGESIMAL.match(text):
        return Message("number_sexagesimal", {"found": text})
    if _LEADING_ZERO.match(text):
        sign = "-" if digits.startswith("-") else ""
        unsigned = digits.lstrip("+-").lstrip("0") or "0"
        return Message("number_leading_zero", {"found": text, "write": sign + (
            "0" + unsigned if unsigned.startswith(".") else unsigned)})
    return Message("number_underscore", {"found": text, "write": digits})


def implicit_tag(value: str) -> str:
    """What a plain value reads as, untagged."""
    return DecimalResolver().resolve(yaml.ScalarNode, value, (True, False))


def tag_contradicts(node: yaml.Node) -> bool:
    """An explicit tag (`!!int "012"`, `!!bool maybe`, `!!map` on a list) that its value cannot be.

    `!!str` makes anything text; `!!float` takes a whole number too; `!!int`, `!!float`, `!!bool` and
    `!!null` otherwise only agree with what the plain value already reads as."""
    tag = node.tag
    if isinstance(node, yaml.MappingNode):
        return tag != _CORE + "map"
    if isinstance(node, yaml.SequenceNode):
        return tag != _CORE + "seq"
    if tag in (_CORE + "str", NONDECIMAL_TAG) or not tag.startswith(_CORE):
        return False
    read_as = implicit_tag(node.value)
    if tag == _CORE + "float" and read_as == _CORE + "int":
        return False
    return read_as != tag


__all__ = ["NONDECIMAL_TAG", "DecimalResolver", "implicit_tag", "nondecimal_message", "tag_contradicts"]
