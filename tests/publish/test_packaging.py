"""A non-editable install builds a plan: templates, theme overrides and the base MkDocs config ship in the wheel.

The wheel is built offline from a copy of the sources, with the locked build backend (setuptools, in
requirements-build.in), and installed into a fresh venv without its
dependencies, which come from this environment's site-packages on PYTHONPATH (no download in a test).
Outside the source checkout, only the installed package can be found.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile

from tests.conftest import ROOT
from tests.plans import PLANS

SHIPPED = ("templates", "site_overrides")


def _run(*args, **kwargs) -> str:
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_wheel_in_a_fresh_venv_builds_a_plan(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("generator", *SHIPPED):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
         "-w", str(tmp_path / "wheels"), str(source))
    wheel = next((tmp_path / "wheels").glob("keikaku-*.whl"))

    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"generator/{path.relative_to(ROOT).as_posix()}" for name in SHIPPED
                for path in (ROOT / name).rglob("*") if path.is_file() and "__pycache__" not in path.parts}
    expected.add("generator/mkdocs.yml")
    assert expected <= names, f"missing from the wheel: {sorted(expected - names)}"

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", str(venv))
    python = str(venv / "bin" / "python")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", str(wheel))
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run(python, "-c", "import generator; print(generator.__file__)", cwd=elsewhere, env=env)
    assert where.startswith(str(venv)), where

    out = tmp_path / "site"
    # examples/narashino where the repository ships it; a fork without examples/ builds its own plan.
    plan = PLANS.get("narashino", PLANS["plan"])
    _run(python, "-m", "generator", "build", "--plan", str(plan), "--out", str(out), cwd=elsewhere, env=env)
    page = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page
    assert 'rel=" alternate"' in page                       # site_overrides/main.html was used
    assert (out / "assets" / "stylesheets" / "keikaku.css").is_file()
