"""Every name a module exports in `__all__` exists in it."""

from __future__ import annotations

import importlib
import pkgutil

import generator


def test_every_exported_name_is_defined():
    missing = []
    for module_info in pkgutil.walk_packages(generator.__path__, "generator."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        missing += [f"{module_info.name}.{name}" for name in getattr(module, "__all__", []) if not hasattr(module, name)]
    assert not missing
