"""Colours as the theme draws them, and their contrast as WCAG 2.1 measures it.

A named colour's values are read from the installed theme's own palette stylesheet (Material for MkDocs
9.8), so they cannot drift from what the site shows; a `custom` colour from the city's `extra_css`.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_HEX = re.compile(r"#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\b")
_HSL = re.compile(r"hsla?\(\s*([\d.]+|var\(--md-hue\))\s*,\s*([\d.]+)%\s*,\s*([\d.]+)%\s*(?:,\s*([\d.]+)\s*)?\)")
MATERIAL_HUE = 225  # degrees: the theme's --md-hue, which its black and white palettes are drawn in
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_DECLARATION = re.compile(r"(--md-[a-z-]+)\s*:\s*([^;}]+)")
WHITE = (1.0, 1.0, 1.0, 1.0)


def parse_colour(text: str) -> tuple[float, float, float, float] | None:
    """(red, green, blue, alpha) from 0 to 1, from `#rgb`, `#rrggbb`, `#rrggbbaa` or `hsl(…)`; None otherwise."""
    text = text.strip()
    if (match := _HEX.fullmatch(text)) is not None:
        digits = match.group(1)
        if len(digits) in (3, 4):
            digits = "".join(c * 2 for c in digits)
        values = [int(digits[i:i + 2], 16) / 255 for i in range(0, len(digits), 2)]
        return (*values[:3], values[3] if len(values) == 4 else 1.0)
    if (match := _HSL.fullmatch(text)) is not None:
        hue = (MATERIAL_HUE if match.group(1).startswith("var") else float(match.group(1))) / 360
        saturation, lightness = float(match.group(2)) / 100, float(match.group(3)) / 100
        red, green, blue = colorsys.hls_to_rgb(hue, lightness, saturation)
        return red, green, blue, float(match.group(4)) if match.group(4) else 1.0
    return None


def over(colour: tuple, background: tuple) -> tuple:
    """`colour` as it shows on `background` (an opaque colour): its alpha blended in."""
    alpha = colour[3]
    return tuple(alpha * c + (1 - alpha) * b for c, b in zip(colour[:3], background[:3])) + (1.0,)


def _luminance(colour: tuple) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (channel(value) for value in colour[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground: tuple, background: tuple) -> float:
    """WCAG 2.1's contrast ratio of `foreground` (blended onto `background`) and `background`."""
    light, dark = sorted((_luminance(over(foreground, background)), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def hex_of(colour: tuple) -> str:
    return "#" + "".join(f"{round(value * 255):02x}" for value in colour[:3])


def css_variables(css: str, selector: str | None = None) -> dict[str, str]:
    """The `--md-…` custom properties a stylesheet sets (the last declaration of each wins); with `selector`,
    only in rules whose selector list holds it."""
    found: dict[str, str] = {}
    for selectors, body in _RULE.findall(css):
        names = [name.strip() for name in selectors.split(",")]
        if selector is not None and selector not in names:
            continue
        for name, value in _DECLARATION.findall(body):
            found[name] = value.strip()
    return found


@dataclass(frozen=True)
class Colours:
    """The colours whose contrast matters: the header's text on the header, links and the accent on the page."""

    primary: tuple            # the header's background; and the links', unless `link` is set apart
    on_primary: tuple         # the header's text
    link: tuple               # links on the white page
    accent: tuple             # links under the pointer, focus outlines


@cache
def _material_palette() -> str:
    import material
    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    return "".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("palette.*.min.css")))


def material_colours(primary: str, accent: str) -> Colours:
    """The colours of Material's named `primary` and `accent` in its light scheme."""
    palette = _material_palette()
    chosen = css_variables(palette, f"[data-md-color-primary={primary}]")
    light = css_variables(palette, f"[data-md-color-primary={primary}]:not([data-md-color-scheme=slate])")
    accents = css_variables(palette, f"[data-md-color-accent={accent}]")
    def value(variables: dict[str, str], name: str, default: str) -> tuple:
        # A colour the palette does not set for this name, or sets from another variable, is the theme's default.
        return parse_colour(variables.get(name, "")) or parse_colour(default)

    fg = value(chosen, "--md-primary-fg-color", "#4051b5")
    return Colours(primary=fg, on_primary=value(chosen, "--md-primary-bg-color", "#fff"),
                   link=parse_colour(light.get("--md-typeset-a-color", ""))
                   or parse_colour(chosen.get("--md-typeset-a-color", "")) or fg,
                   accent=value(accents, "--md-accent-fg-color", "#526cfe"))


# What each colour must reach, against what (WCAG 2.1 AA): text 4.5:1; the accent, which marks focus
# (a component, 1.4.11) and a link under the pointer, 3:1.
CHECKS = (
    ("primary", "on_primary", "primary", 4.5, "identity.check.header"),
    ("primary", "link", "white", 4.5, "identity.check.link"),
    ("accent", "accent", "white", 3.0, "identity.check.accent"),
)


__all__ = ["CHECKS", "Colours", "WHITE", "contrast", "css_variables", "hex_of", "material_colours", "over",
           "parse_colour"]
