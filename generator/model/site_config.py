"""The city's `mkdocs.yml`: what MkDocs and Material let a site set, in their words, and no more.

A city that forks Keikaku keeps its site's identity here, beside its plan: its colours (`theme.palette`,
one of Material's named colours, or `custom` with the colours in an `extra_css` file), its emblem
(`theme.logo`) and icon (`theme.favicon`), a contact line for every page's footer (`extra.contact`) and a
copyright line (`copyright`), both in every language. Keikaku reads the file itself, strictly (unknown
keys are refused), and writes each language's MkDocs configuration from it: MkDocs never loads the file,
so no tag in it (`!!python/…`) can run on the machine that builds the site.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .common import StrictModel, Text

# Material for MkDocs 9.8's named colours (its palette stylesheet), and `custom`.
MATERIAL_COLOURS = ("red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal", "green",
                    "light-green", "lime", "yellow", "amber", "orange", "deep-orange", "brown", "grey", "blue-grey",
                    "black", "white")
ColourName = Literal[MATERIAL_COLOURS + ("custom",)]  # type: ignore[valid-type]
# A file beside mkdocs.yml (a path below its folder, without `..` or a leading `/`).
_BELOW = r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*"
IMAGE_PATTERN = _BELOW + r"\.(png|svg|ico|webp|jpg|jpeg)$"
CSS_PATTERN = _BELOW + r"\.css$"
ImagePath = Annotated[str, StringConstraints(pattern=IMAGE_PATTERN, max_length=200)]
CssPath = Annotated[str, StringConstraints(pattern=CSS_PATTERN, max_length=200)]


class Palette(StrictModel):
    """The site's colours, as Material names them."""

    scheme: Literal["default"] = Field(default="default", description="The light scheme (the one Keikaku checks).")
    primary: ColourName = Field(default="indigo", description="The header's colour and the links' (a Material colour name, or `custom`: then an `extra_css` file sets `--md-primary-fg-color`).")
    accent: ColourName = Field(default="indigo", description="The colour of links under the pointer and of focus (a Material colour name, or `custom`: `--md-accent-fg-color`).")


class Theme(StrictModel):
    """The theme's identity: its colours, emblem and icon."""

    palette: Palette = Field(default_factory=Palette, description="The colours; checked for WCAG 2.1 AA contrast.")
    logo: ImagePath | None = Field(default=None, description="The emblem in the header: a PNG, SVG, WebP or JPEG file beside mkdocs.yml.")
    favicon: ImagePath | None = Field(default=None, description="The icon of the browser's tab: a PNG, SVG or ICO file beside mkdocs.yml.")


class Extra(StrictModel):
    """What the site adds to every page."""

    contact: Text | None = Field(default=None, description="A contact line in every page's footer, in every language, e.g. the planning office's name and telephone.")


class SiteConfig(StrictModel):
    """The city's `mkdocs.yml`."""

    site_name: str | None = Field(default=None, description="The site's name where no language is known (MkDocs asks for one); each language's site takes its title from plan.yaml's `site_title`.")
    theme: Theme = Field(default_factory=Theme, description="The theme's colours, emblem and icon.")
    extra_css: list[CssPath] = Field(default_factory=list, description="Stylesheets beside mkdocs.yml: the custom colours, or small changes of look.")
    extra: Extra = Field(default_factory=Extra, description="A contact line for every page's footer.")
    copyright: Text | None = Field(default=None, description="A copyright line in every page's footer, in every language.")


__all__ = ["CSS_PATTERN", "IMAGE_PATTERN", "MATERIAL_COLOURS", "Palette", "SiteConfig", "Theme"]
