"""Make a synthetic plan N times the size of a real one, for the scale benchmark.

Each document of the source plan is copied N times. Copy k (k ≥ 2) gets `-k` appended to every
`id` in it (document, items, KPIs, projects, tables: all stay unique, so every page, anchor and
search entry is distinct) and its document title gets a copy number, so the navigation and the
search index grow as they would for a city with N times as many documents. The text is the real
plan's text; references to divisions and glossary terms are kept, so every copy validates.

Usage: .venv/bin/python bench/synthetic_plan.py FACTOR OUT_DIR [--plan plan]
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

import yaml


def _with_suffix(data: Any, suffix: str) -> Any:
    """A copy of `data` with `suffix` added to every `id` value."""
    if isinstance(data, dict):
        return {key: (f"{value}{suffix}" if key == "id" and isinstance(value, str) else _with_suffix(value, suffix))
                for key, value in data.items()}
    if isinstance(data, list):
        return [_with_suffix(item, suffix) for item in data]
    return data


def _numbered(text: Any, copy: int) -> Any:
    """A title with its copy number, in every language: 第2期柏市総合戦略 (7)."""
    if isinstance(text, dict):
        return {lang: f"{value} ({copy})" for lang, value in text.items()}
    return text


def make_synthetic_plan(source: Path, factor: int, out: Path) -> Path:
    """Write a plan `factor` times the size of `source` into `out` (replaced); return `out`."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    root = yaml.safe_load((source / "plan.yaml").read_text(encoding="utf-8"))
    for name in ("divisions.yaml", "glossary.yaml"):
        if (source / name).is_file():
            shutil.copy(source / name, out / name)
    documents = []
    for relative in root["documents"]:
        original = yaml.safe_load((source / relative).read_text(encoding="utf-8"))
        for copy in range(1, factor + 1):
            if copy == 1:
                document = original
            else:
                document = _with_suffix(original, f"-{copy}")
                for key in ("title", "short_title"):
                    if key in document:
                        document[key] = _numbered(document[key], copy)
            target = Path(relative).with_name(f"{Path(relative).stem}-{copy}.yaml") if copy > 1 else Path(relative)
            (out / target).parent.mkdir(parents=True, exist_ok=True)
            (out / target).write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000),
                                      encoding="utf-8")
            documents.append(target.as_posix())
    root["documents"] = documents
    (out / "plan.yaml").write_text(yaml.safe_dump(root, allow_unicode=True, sort_keys=False, width=1000),
                                   encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factor", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--plan", type=Path, default=Path("plan"))
    args = parser.parse_args()
    make_synthetic_plan(args.plan, args.factor, args.out)
    print(f"wrote a plan {args.factor}× the size of {args.plan} into {args.out}")


if __name__ == "__main__":
    main()
