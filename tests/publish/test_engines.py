"""Toolchain insurance: the minimal plan builds the same site with MkDocs and with ProperDocs.

ProperDocs, the maintained fork of MkDocs 1.6, takes over `import mkdocs` for its whole process, so
it builds in a subprocess of its own (`generator build --engine properdocs`).
"""

from __future__ import annotations

import re
import subprocess
import sys

from generator.publish.build import build_site
from tests.conftest import ROOT

PLAN = ROOT / "tests" / "data" / "minimal"
# The one line that names the engine: <meta name="generator" content="mkdocs-1.6.1, …">.
_GENERATOR_META = re.compile(r'<meta name="generator" content="[^"]*">')


def _files(site) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    mkdocs_site = build_site(PLAN, tmp_path / "mkdocs").out
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--engine", "properdocs", "--plan", str(PLAN),
                             "--out", str(tmp_path / "properdocs")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr

    by_mkdocs, by_properdocs = _files(mkdocs_site), _files(tmp_path / "properdocs")
    assert sorted(by_properdocs) == sorted(by_mkdocs)
    assert len([name for name in by_mkdocs if name.endswith("index.html")]) >= 8
    differing = []
    for name, content in by_mkdocs.items():
        if name.endswith(".html"):
            mkdocs_html = content.decode("utf-8")
            properdocs_html = by_properdocs[name].decode("utf-8")
            assert "ProperDocs" in _GENERATOR_META.search(properdocs_html).group()
            if _GENERATOR_META.sub("", mkdocs_html) != _GENERATOR_META.sub("", properdocs_html):
                differing.append(name)
        elif content != by_properdocs[name]:
            differing.append(name)
    assert not differing, f"ProperDocs built these differently: {differing}"
