"""The house: folders by phase, every import pointing down the pipeline, and no import circle.

The layers, lowest first, as docs-dev/ARCHITECTURE.md draws them. A module imports only from its own
package or from a lower layer (a lazy import inside a function counts too), and no chain of imports
comes back to where it began.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
LAYERS = [
    ["generator.languages", "generator.resources", "generator.characters", "generator.ruby"],  # what every phase shares
    ["generator.catalogue"],  # one mechanism for every catalogue of words kept as data
    ["generator.messages", "generator.labels", "generator.page_kinds"],  # the catalogues; the kinds of page
    ["generator.problems"],  # what is wrong, where, in the editor's terms
    ["generator.model"],  # the plan as typed data, and its JSON Schema
    ["generator.load"],  # read the plan's files and validate them
    ["generator.prepare"],  # derive, once: progress, dates, open data, coverage
    ["generator.render"],  # Markdown for every page (strings)
    ["generator.publish", "generator.diff"],  # the engine and the output tree; the plan diff
    ["generator.sheets"],  # the survey sheets: export to the divisions, import into the YAML (prints a plan diff)
    ["generator.new_plan"],  # `new`: a plan's first files
    ["generator.cli"],  # the command line
    ["generator.__main__"],  # python -m generator
]
MAX_TOP_LEVEL_MODULES = 12


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [f"{target}.{alias.name}" for alias in node.names]
            found |= {name for name in names if _known(name)} or ({target} if _known(target) else set())
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if _known(alias.name)}
    return found


MODULES = {_module(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _known(name: str) -> bool:
    return name in MODULES


def _layer(module: str) -> tuple[int, str]:
    for rank, layer in enumerate(LAYERS):
        for top in layer:
            if module == top or module.startswith(top + "."):
                return rank, top
    raise AssertionError(f"{module} is in no layer: add it to LAYERS and to docs-dev/ARCHITECTURE.md")


def test_every_import_points_down_or_stays_in_its_package():
    upward = []
    for module, path in MODULES.items():
        if module == "generator":
            continue
        rank, top = _layer(module)
        for target in _imports(path):
            if target == "generator":
                continue
            target_rank, target_top = _layer(target)
            if target_top != top and target_rank >= rank:
                upward.append(f"{module} → {target}")
    assert upward == []


def test_no_import_circle():
    graph = {module: {target for target in _imports(path) if target != module} for module, path in MODULES.items()}
    circles, state = [], {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                circles.append(" → ".join(trail[trail.index(target):] + [target]) if target in trail else target)
            elif target not in state:
                visit(target, trail + [target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_the_top_level_holds_only_entry_points_and_what_every_phase_shares():
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top
    architecture = (ROOT / "docs-dev" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for package in sorted(path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()):
        assert f"generator/{package}" in architecture, f"docs-dev/ARCHITECTURE.md does not map generator/{package}"
