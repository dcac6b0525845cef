"""What each page's <head> says about it, made in the render phase: Open Graph and Twitter card tags,
JSON-LD (the municipality as a GovernmentOrganization on the home page, a BreadcrumbList elsewhere),
and the @page rule of its printed margins (the site's name, the page's address, its date).

Every value is escaped for where it lands: attribute values, JSON inside <script>, CSS strings inside
<style>. The page's front matter carries the result (`kk_head`, `kk_print`), and site_overrides/main.html
prints it in the theme's `extrahead` block, so any engine that reads the front matter builds the same
head. Where the page's address is not known at build time (no `site_url`), or its plan has no date
from git, the page's script site_overrides/assets/javascripts/print-page.js adds the address it was
opened at, and the date it is printed on.
"""

from __future__ import annotations

import html
import json
import posixpath
from dataclasses import dataclass

SHARE_IMAGE = "assets/images/share.png"
PRINT_STYLE_ID = "kk-print-page"


@dataclass(frozen=True)
class SiteFacts:
    """What a page's head needs to know about the whole site, in one language."""

    site_name: str
    municipality: str
    municipality_names: tuple[str, ...]  # its name in every published language
    og_locale: str
    og_locale_alternates: tuple[str, ...]
    site_url: str | None                 # this language's root, absolute, when the plan sets site_url
    root_url: str | None                 # the plan's site_url


def json_for_script(data) -> str:
    """JSON that cannot end its <script> element early, whatever the plan's text holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_url(markdown_path: str) -> str:
    """A page's URL below its language's root: a/b/index.md → a/b/, index.md → ''."""
    return markdown_path.removesuffix("index.md")


def _url(site: SiteFacts, url: str, from_url: str) -> str:
    """A page's URL: absolute when the site has a site_url, else relative to the page `from_url`."""
    if site.site_url:
        return site.site_url + url
    relative = posixpath.relpath(url or ".", from_url or ".")
    return "./" if relative == "." else relative + "/"


def _breadcrumbs(url: str, site: SiteFacts, titles: dict[str, str]) -> dict:
    """Home, then each page above this one by URL (every level of the site has its own page), then it."""
    parts = url.strip("/").split("/")
    urls = [""] + ["/".join(parts[:depth]) + "/" for depth in range(1, len(parts) + 1)]
    items = [{"@type": "ListItem", "position": position, "name": titles[other], "item": _url(site, other, url)}
             for position, other in enumerate((other for other in urls if other in titles), start=1)]
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}


def _organization(site: SiteFacts) -> dict:
    organization = {"@context": "https://schema.org", "@type": "GovernmentOrganization", "name": site.municipality}
    others = [name for name in site.municipality_names if name != site.municipality]
    if others:
        organization["alternateName"] = others
    if site.root_url:
        organization["url"] = site.root_url
    return organization


def head_tags(markdown_path: str, title: str, description: str, site: SiteFacts, titles: dict[str, str]) -> str:
    """Open Graph, Twitter card and JSON-LD of one page; `titles`: page URL → title, of the pages above it."""
    url = page_url(markdown_path)
    canonical = site.site_url + url if site.site_url else None
    image = _url(site, SHARE_IMAGE.rsplit("/", 1)[0] + "/", url) + "share.png"
    properties = [
        ("og:type", "website" if markdown_path == "index.md" else "article"),
        ("og:site_name", site.site_name),
        ("og:title", title),
        ("og:description", description),
        ("og:locale", site.og_locale),
        *(("og:locale:alternate", locale) for locale in site.og_locale_alternates),
        *((("og:url", canonical),) if canonical else ()),
        ("og:image", image),
        ("og:image:width", "1200"),
        ("og:image:height", "630"),
        ("og:image:alt", site.site_name),
    ]
    names = [("twitter:card", "summary_large_image"), ("twitter:title", title),
             ("twitter:description", description), ("twitter:image", image)]
    tags = [f'<meta property="{key}" content="{html.escape(value)}">' for key, value in properties]
    tags += [f'<meta name="{key}" content="{html.escape(value)}">' for key, value in names]
    data = _organization(site) if markdown_path == "index.md" else _breadcrumbs(url, site, titles)
    tags.append(f'<script type="application/ld+json">{json_for_script(data)}</script>')
    return "\n    ".join(tags)


def css_string(text: str) -> str:
    """`text` as a quoted CSS string: quotes, backslashes, `<`, `>`, `&` and control characters escaped."""
    out = []
    for char in text:
        if char in '"\\<>&' or not char.isprintable():
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def print_margins(site_name: str, url: str | None, updated_text: str | None, printed_label: str) -> str:
    """The page's <style> with its @page margin boxes; what is unknown is left to print-page.js."""
    boxes = [f"@top-left{{content:{css_string(site_name)}}}"]
    if url:
        boxes.append(f"@top-right{{content:{css_string(url)}}}")
    if updated_text:
        boxes.append(f"@bottom-left{{content:{css_string(updated_text)}}}")
    boxes.append('@bottom-right{content:counter(page) " / " counter(pages)}')
    return (f'<style id="{PRINT_STYLE_ID}" media="print" data-printed-label="{html.escape(printed_label)}"'
            f'{"" if url else " data-add-url"}{"" if updated_text else " data-add-date"}>'
            f"@page{{{''.join(boxes)}}}</style>")


def footer_line(copyright_text: str | None, contact: str | None, licence_label: str, licence_name: str,
                licence_url: str) -> str:
    """The line every page's footer shows (the theme prints the site's `copyright` as HTML): the city's
    copyright and contact, and the licence of the open data, each escaped."""
    parts = [f'<span class="kk-copyright">{html.escape(copyright_text)}</span>'] if copyright_text else []
    if contact:
        parts.append(f'<span class="kk-contact">{html.escape(contact)}</span>')
    parts.append(f'<span class="kk-licence">{html.escape(licence_label)}: '
                 f'<a href="{html.escape(licence_url)}">{html.escape(licence_name)}</a></span>')
    return " · ".join(parts)


__all__ = ["PRINT_STYLE_ID", "footer_line", "SHARE_IMAGE", "SiteFacts", "css_string", "head_tags", "json_for_script", "page_url",
           "print_margins"]
