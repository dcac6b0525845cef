"""Per-language labels (基準値 / Baseline …) read from templates/labels/<lang>.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .resources import TEMPLATES_DIR



@dataclass(frozen=True)
class Labels:
    """The label data of one language; `labels.baseline` reads a key."""

    lang: str
    data: dict[str, Any]

    def __getattr__(self, key: str) -> Any:
        try:
            return self.data[key]
        except KeyError:
            raise AttributeError(f"label '{key}' is missing from templates/labels/{self.lang}.yaml") from None


@cache
def load_labels(lang: str, templates_dir: Path = TEMPLATES_DIR) -> Labels:
    path = templates_dir / "labels" / f"{lang}.yaml"
    return Labels(lang, yaml.safe_load(path.read_text(encoding="utf-8")))
