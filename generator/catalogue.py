"""One mechanism for every catalogue of words kept as data: messages to editors, labels for readers.

A catalogue is a directory of YAML files, one per language (`<code>.yaml`). What a language lacks comes
from its fallback, along the language registry's chain (Easy Japanese → Japanese), so a language may start
with a partial file or none. Keys beginning with `_` are the file's settings, not words. A key that no
language along the chain has is an error that names the catalogue and the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .languages import all_languages, by_code, fallback_chain


class Catalogue:
    """The words of one kind (messages, labels), in every language that has a file in `directory`."""

    def __init__(self, name: str, directory: Path):
        self.name, self.directory = name, Path(directory)

    def file(self, code: str) -> Path:
        return self.directory / f"{code}.yaml"

    def own(self, code: str) -> Mapping[str, Any]:
        """The language's own file, settings included; empty when it has none."""
        return _read(self.file(code))

    def settings(self, code: str) -> Mapping[str, Any]:
        return self.own(code).get("_settings") or {}

    def languages(self) -> list[str]:
        """Codes of the registry's languages that have a file of their own, in registry order."""
        return [language.code for language in all_languages() if self.file(language.code).is_file()]

    def words(self, code: str) -> Mapping[str, Any]:
        """Every word of `code`, each from the first language along its fallback chain that has it."""
        return _merged(self, code)

    def __hash__(self) -> int:
        return hash((self.name, self.directory))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Catalogue) and (self.name, self.directory) == (other.name, other.directory)


@cache
def _read(path: Path) -> dict[str, Any]:
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}


@cache
def _merged(catalogue: Catalogue, code: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for language in reversed(fallback_chain(by_code(code))):
        merged.update({key: value for key, value in catalogue.own(language.code).items() if not key.startswith("_")})
    if not merged:
        raise KeyError(f"no {catalogue.name} for {code} nor its fallbacks in {catalogue.directory}")
    return merged


__all__ = ["Catalogue"]
