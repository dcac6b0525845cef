"""The static site engines Keikaku builds with: MkDocs 1.6, or ProperDocs, its maintained fork.

ProperDocs reads the same configs and runs the same themes and plugins: importing
`properdocs.replacement` makes every later `import mkdocs…` (Keikaku's, Material's) load ProperDocs.
So the engine is chosen once per process, before anything imports MkDocs.
"""

from __future__ import annotations

import importlib
import sys

from ..problems.errors import BuildError

# engine name → the module that switches the process to it (None: MkDocs itself)
ENGINES: dict[str, str | None] = {"mkdocs": None, "properdocs": "properdocs.replacement"}
DEFAULT_ENGINE = "mkdocs"


def use_engine(name: str) -> None:
    """Make this process build with `name`; call before anything imports MkDocs."""
    switch = ENGINES[name]
    if switch is None:
        return
    if "mkdocs" in sys.modules and switch not in sys.modules:
        raise BuildError(f"cannot switch to {name}: MkDocs is already loaded in this process")
    try:
        importlib.import_module(switch)
    except ImportError:
        raise BuildError(f"the {name} engine is not installed (pip install {name})") from None
