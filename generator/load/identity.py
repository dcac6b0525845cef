"""The city's identity: its `mkdocs.yml` (generator/model/site_config.py) and the files it names.

The file is the one beside the plan's folder (the repository's top level, for `plan/`), or the one given
with `--config`; without one, the site takes Material's indigo and no emblem. It comes from a pull request
like the plan, and is read like the plan: as a regular file, with positions, strictly validated. The files
it names (emblem, icon, stylesheets) are regular files inside its folder; an SVG that could run a script
or load another site, and a stylesheet that loads from another host, are refused. Its colours are checked
for WCAG 2.1 AA contrast, each problem at `mkdocs.yml:LINE:COL` with what to change.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..messages import Message
from ..model.site_config import SiteConfig
from ..problems.errors import Location, ProblemCollector, display_path
from .colours import CHECKS, WHITE, Colours, contrast, css_variables, hex_of, material_colours, parse_colour
from .files import Refused, read_plan_file
from .validation import report_validation_error
from .yaml_reader import ROOT, LoadedFile, load_plan_file

CONFIG_FILE = "mkdocs.yml"
MAX_ASSET_BYTES = 1024 * 1024  # an emblem, an icon or a stylesheet
ASSET_DIR = "assets/city/"  # where the files go in each language's site
_IMAGE_MAGIC = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
                ".webp": (b"RIFF",), ".ico": (b"\x00\x00\x01\x00",)}
_UNSAFE_CSS = re.compile(r"@import|url\(\s*['\"]?\s*(?!data:|#)[a-z][a-z0-9+.-]*:|url\(\s*['\"]?\s*//|expression\s*\(",
                         re.IGNORECASE)
_SVG_ALLOWED = {"svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "title",
                "desc", "defs", "lineargradient", "radialgradient", "stop", "clippath", "mask", "symbol", "use",
                "pattern", "metadata"}


@dataclass(frozen=True)
class Identity:
    """The site's identity: its settings, the files to copy into each language's site, and its colours."""

    config: SiteConfig = field(default_factory=SiteConfig)
    files: dict[str, bytes] = field(default_factory=dict)    # path in the site → content
    colours: Colours = field(default_factory=lambda: material_colours("indigo", "indigo"))
    source: str | None = None                                 # the file it was read from, as the editor knows it

    def site_path(self, written: str | None) -> str | None:
        """Where a file named in mkdocs.yml lives in each language's site."""
        return ASSET_DIR + written if written else None


def find_site_config(plan_dir: Path) -> Path | None:
    """The city's mkdocs.yml: the one in the folder that holds the plan's folder, when there is one."""
    candidate = Path(plan_dir).absolute().parent / CONFIG_FILE
    return candidate if candidate.exists() or candidate.is_symlink() else None


def _svg_problem(data: bytes) -> str | None:
    """What makes an SVG unsafe to publish: what could run a script, embed a page or load another site."""
    text = data.decode("utf-8", "replace")
    if re.search(r"<!DOCTYPE|<!ENTITY", text, re.IGNORECASE):
        return "<!DOCTYPE>"
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError:
        return "XML that cannot be read"
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1].lower()
        if name not in _SVG_ALLOWED:
            return f"<{name}>"
        for attribute, value in element.attrib.items():
            attribute = attribute.rsplit("}", 1)[-1].lower()
            if attribute.startswith("on"):
                return f"{attribute}="
            if attribute == "href" and not value.strip().startswith("#"):
                return f"href={value[:40]}"
            if "url(" in value and not re.fullmatch(r"\s*url\(\s*#[^)]*\)\s*", value):
                return f"{attribute}={value[:40]}"
    return None


def _content_problem(written: str, data: bytes) -> Message | None:
    suffix = Path(written).suffix.lower()
    if suffix == ".svg":
        unsafe = _svg_problem(data)
        return Message("identity.svg_unsafe", {"what": unsafe}) if unsafe else None
    if suffix == ".css":
        try:
            css = data.decode("utf-8")
        except UnicodeDecodeError:
            return Message("identity.css_not_utf8")
        found = _UNSAFE_CSS.search(css)
        return Message("identity.css_unsafe", {"what": found.group(0)}) if found else None
    if not data.startswith(_IMAGE_MAGIC[suffix]):
        return Message("identity.not_an_image", {"kind": suffix[1:].upper()})
    return None


def _colours(config: SiteConfig, stylesheets: dict[str, str], loaded: LoadedFile,
             problems: ProblemCollector) -> Colours | None:
    palette = config.theme.palette
    named = material_colours(palette.primary if palette.primary != "custom" else "indigo",
                             palette.accent if palette.accent != "custom" else "indigo")
    custom: dict[str, str] = {}
    for css in stylesheets.values():
        custom.update(css_variables(css))
    values = {"primary": named.primary, "on_primary": named.on_primary, "link": named.link, "accent": named.accent}
    for key, variable, role in (("primary", "--md-primary-fg-color", "primary"), ("on_primary", "--md-primary-bg-color", "primary"),
                                ("link", "--md-typeset-a-color", "primary"), ("accent", "--md-accent-fg-color", "accent")):
        if getattr(palette, role) != "custom":
            continue
        written = custom.get(variable)
        colour = parse_colour(written) if written else None
        if colour is None and key in ("primary", "accent"):
            problems.add(loaded.source_map.locate(("theme", "palette", role)), f"theme.palette.{role}", Message(
                "identity.colour_missing", {"variable": variable, "role": role}))
            return None
        if colour is not None:
            values[key] = colour
        elif key == "link":
            values["link"] = values["primary"]
    colours = Colours(**values)
    for role, foreground, background, needed, what in CHECKS:
        back = getattr(colours, background) if background != "white" else WHITE
        ratio = contrast(getattr(colours, foreground), back)
        if ratio < needed:
            problems.add(loaded.source_map.locate(("theme", "palette", role)), f"theme.palette.{role}", Message(
                "identity.contrast", {"what": Message(what), "foreground": hex_of(getattr(colours, foreground)),
                                      "background": hex_of(back), "ratio": f"{ratio:.2f}", "needed": f"{needed:g}"}))
    return colours


def load_identity(path: Path | None, problems: ProblemCollector) -> Identity:
    """The identity in `path` (None: the defaults); its problems go to `problems`."""
    if path is None:
        return Identity()
    path = Path(path)
    display = display_path(path)
    loaded = load_plan_file(path.parent, path.name, display, problems, ROOT)
    if loaded is None:
        return Identity(source=display)
    try:
        config = SiteConfig.model_validate(loaded.data if loaded.data is not None else {})
    except ValidationError as exc:
        report_validation_error(exc, SiteConfig, loaded.data, loaded.source_map, problems)
        return Identity(source=display)
    files: dict[str, bytes] = {}
    stylesheets: dict[str, str] = {}
    named = [(("theme", "logo"), config.theme.logo), (("theme", "favicon"), config.theme.favicon),
             *((("extra_css", index), css) for index, css in enumerate(config.extra_css))]
    for key_path, written in named:
        if written is None:
            continue
        where = loaded.source_map.locate(key_path)
        key = ".".join(str(part) for part in key_path)
        data = read_plan_file(path.parent, written, MAX_ASSET_BYTES, Message("identity.smaller_file"))
        if data is None or isinstance(data, Refused):
            problems.add(where, key, data.message if isinstance(data, Refused) else Message(
                "identity.file_missing", {"file": written}))
            continue
        if (wrong := _content_problem(written, data)) is not None:
            problems.add(where, key, wrong)
            continue
        files[ASSET_DIR + written] = data
        if written.endswith(".css"):
            stylesheets[written] = data.decode("utf-8")
    colours = _colours(config, stylesheets, loaded, problems)
    return Identity(config, files, colours or Identity().colours, display)


__all__ = ["ASSET_DIR", "CONFIG_FILE", "Identity", "find_site_config", "load_identity"]
