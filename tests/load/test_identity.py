"""The city's mkdocs.yml: its identity on every page, checked like the plan, and nothing of another city.

Two cities build with identities of their own (colours, emblem, icon, footer): neither site holds a trace of
the other's name, colours or emblem. Colours below WCAG 2.1 AA, unsafe files, links, unknown keys and YAML
tags are refused at `mkdocs.yml:LINE:COL`.
"""

from __future__ import annotations

import base64
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from generator.cli import main
from generator.publish.build import build_site
from tests.conftest import ROOT

MINIMAL = ROOT / "tests" / "data" / "minimal"


def _png(rgb: tuple[int, int, int]) -> bytes:
    """A 2 × 2 PNG of one colour: an emblem of a city of these tests."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + bytes(rgb) * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _city(root: Path, name_ja: str, name_en: str, config: str, files: dict[str, bytes | str]) -> Path:
    """A repository of a city: its plan (the minimal plan, renamed) and its mkdocs.yml beside it."""
    plan = root / "plan"
    shutil.copytree(MINIMAL, plan)
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(text.replace("見本市", name_ja).replace("Mihon City", name_en), encoding="utf-8")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for relative, content in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            (root / relative).write_bytes(content)
        else:
            (root / relative).write_text(content, encoding="utf-8")
    return plan


CITY_A = """site_name: 東山町の計画
theme:
  palette: {primary: custom, accent: custom}
  logo: identity/east-emblem.png
  favicon: identity/east-icon.png
extra_css: [identity/east.css]
extra:
  contact: {ja: 東山町 企画課 電話 0000-00-0000, en: Higashiyama Town Planning Division}
copyright: {ja: 東山町, en: Higashiyama Town}
"""
CITY_A_CSS = ":root { --md-primary-fg-color: #6b2f1f; --md-primary-bg-color: #ffffff; --md-accent-fg-color: #7a3b10; }\n"
CITY_B = """site_name: 西川村の計画
theme:
  palette: {primary: blue-grey, accent: deep-purple}
  logo: identity/west.svg
extra:
  contact: {ja: 西川村 総務課, en: Nishikawa Village General Affairs Division}
"""
WEST_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>西川村</title><circle cx="5" cy="5" r="4" fill="#2e4a5a"/></svg>'


@pytest.fixture(scope="module")
def two_cities(tmp_path_factory):
    root = tmp_path_factory.mktemp("cities")
    east = _city(root / "east", "東山町", "Higashiyama Town", CITY_A, {
        "identity/east-emblem.png": _png((107, 47, 31)), "identity/east-icon.png": _png((122, 59, 16)),
        "identity/east.css": CITY_A_CSS})
    west = _city(root / "west", "西川村", "Nishikawa Village", CITY_B, {"identity/west.svg": WEST_SVG})
    return build_site(east, root / "east-site").out, build_site(west, root / "west-site").out


def _all_text(site: Path) -> str:
    """Every page, index, sitemap and file of the site's own (the theme's stylesheets and scripts name every
    Material colour, whichever a site takes)."""
    theme = {"stylesheets", "javascripts"}
    return "\n".join(path.read_bytes().decode("utf-8", "replace") for path in sorted(site.rglob("*"))
                     if path.is_file() and path.suffix in (".html", ".css", ".json", ".xml", ".js", ".svg")
                     and not any(part in theme for part in path.relative_to(site).parts[:-1]))


def test_each_city_shows_its_own_identity(two_cities):
    east, west = two_cities
    home = (east / "index.html").read_text(encoding="utf-8")
    assert 'data-md-color-primary="custom"' in home and "assets/city/identity/east-emblem.png" in home
    assert 'rel="icon" href="assets/city/identity/east-icon.png"' in home
    assert "東山町 企画課 電話 0000-00-0000" in home and "Higashiyama Town Planning Division" in (
        east / "en" / "index.html").read_text(encoding="utf-8")
    assert (east / "assets" / "city" / "identity" / "east.css").read_text(encoding="utf-8") == CITY_A_CSS
    west_home = (west / "index.html").read_text(encoding="utf-8")
    assert 'data-md-color-primary="blue-grey"' in west_home and 'data-md-color-accent="deep-purple"' in west_home
    assert "assets/city/identity/west.svg" in west_home and "西川村 総務課" in west_home


def test_no_trace_of_the_other_city(two_cities):
    east, west = two_cities
    east_text, west_text = _all_text(east), _all_text(west)
    for trace in ("東山町", "Higashiyama", "#6b2f1f", "#7a3b10", "east-emblem", "east-icon", "east.css", "0000-00-0000"):
        assert trace not in west_text, trace
    for trace in ("西川村", "Nishikawa", "blue-grey", "deep-purple", "west.svg", "#2e4a5a", "総務課"):
        assert trace not in east_text, trace
    assert (east / "assets" / "images" / "share.png").read_bytes() != (west / "assets" / "images" / "share.png").read_bytes()
    assert not (west / "assets" / "city" / "identity" / "east-emblem.png").exists()


def _check(root: Path, capsys, *options: str) -> list[str]:
    assert main(["check", "--plan", str(root / "plan"), *options]) == 1
    return capsys.readouterr().err.splitlines()[:-1]


@pytest.mark.parametrize(("config", "files", "expected"), [
    ("theme:\n  palette: {primary: custom, accent: indigo}\nextra_css: [c.css]\n",
     {"c.css": ":root { --md-primary-fg-color: #9bd3ff; --md-primary-bg-color: #ffffff; }"},
     ["mkdocs.yml:2:22: theme.palette.primary: colours #ffffff on #9bd3ff (the header's text on the header) have a "
      "contrast of 1.60:1 (expected at least 4.5:1, WCAG 2.1 AA); choose a darker colour, or another Material colour",
      "mkdocs.yml:2:22: theme.palette.primary: colours #9bd3ff on #ffffff (links on the page) have a contrast of "
      "1.60:1 (expected at least 4.5:1, WCAG 2.1 AA); choose a darker colour, or another Material colour"]),
    ("theme:\n  palette:\n    primary: yellow\n",
     {},
     ["mkdocs.yml:3:14: theme.palette.primary: colours #b8a500 on #ffffff (links on the page) have a contrast of "
      "2.49:1 (expected at least 4.5:1, WCAG 2.1 AA); choose a darker colour, or another Material colour"]),
])
def test_colours_below_wcag_aa_are_refused_at_their_line(tmp_path, capsys, config, files, expected):
    root = tmp_path / "city"
    _city(root, "見本市", "Mihon City", config, files)
    problems = _check(root, capsys)
    assert [line.replace(f"{root}/", "") for line in problems] == expected


@pytest.mark.parametrize(("config", "files", "found"), [
    ("theme:\n  logo: logo.svg\n", {"logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'},
     "mkdocs.yml:2:9: theme.logo: an SVG that could run a script or load another site (expected a plain drawing, found <script>)"),
    ("theme:\n  logo: logo.svg\n", {"logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'},
     "found onload="),
    ("theme:\n  logo: logo.svg\n", {"logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>'},
     "found <image>"),
    ("extra_css: [c.css]\n", {"c.css": '@import "https://evil.example/track.css";'},
     "mkdocs.yml:1:13: extra_css.0: a stylesheet that loads from another site (expected every rule in this file, found @import)"),
    ("extra_css: [c.css]\n", {"c.css": "body { background: url(https://evil.example/pixel.gif); }"},
     "found url(https:"),
    ("theme:\n  favicon: icon.png\n", {"icon.png": "<html>not a picture</html>"},
     "mkdocs.yml:2:12: theme.favicon: not a PNG image"),
    ("hooks: [evil.py]\n", {}, "mkdocs.yml:1:1: hooks: unknown field"),
    ("plugins: [search]\n", {}, "mkdocs.yml:1:1: plugins: unknown field"),
    ("theme:\n  palette: !!python/name:os.system\n", {}, "YAML tag '!!python/name:os.system' is not allowed"),
    ("theme:\n  logo: ../outside.png\n", {}, "mkdocs.yml:2:9: theme.logo: wrong format"),
])
def test_unsafe_or_unknown_settings_are_refused(tmp_path, capsys, config, files, found):
    root = tmp_path / "city"
    _city(root, "見本市", "Mihon City", config, files)
    problems = [line.replace(f"{root}/", "") for line in _check(root, capsys)]
    assert any(found in line for line in problems), problems


def test_a_linked_emblem_is_refused_and_never_read(tmp_path, capsys):
    root = tmp_path / "city"
    secret = tmp_path / "secret.png"
    secret.write_bytes(_png((1, 2, 3)))
    _city(root, "見本市", "Mihon City", "theme:\n  logo: identity/emblem.png\n", {})
    (root / "identity").mkdir()
    (root / "identity" / "emblem.png").symlink_to(secret)
    problems = [line.replace(f"{root}/", "") for line in _check(root, capsys)]
    assert problems == ["mkdocs.yml:2:9: theme.logo: 'identity/emblem.png' is a symbolic link (expected a regular file "
                        "inside the plan directory; a link could lead anywhere on the machine that builds the site, "
                        "so it is not followed; put the file itself here)"]


def test_the_repositorys_own_identity_passes_its_checks(capsys):
    assert main(["check", "--plan", str(ROOT / "plan"), "--config", str(ROOT / "mkdocs.yml")]) == 0
