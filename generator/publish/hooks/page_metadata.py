"""MkDocs hooks that make each page describe itself to search engines and share previews.

Open Graph and Twitter card tags, and JSON-LD (the municipality as a GovernmentOrganization on the
home page, a BreadcrumbList on every other page), are built here in Python, where every value is
escaped for where it lands; site_overrides/main.html prints them in its `extrahead` block. The
share picture is generated here too and handed to MkDocs as a file of the site.

The generated MkDocs configs (generator/publish/mkdocs_config.py) pass what a page cannot know in
`extra.keikaku_meta`: the municipality's name, the Open Graph locales, the site's root URL.
"""

from __future__ import annotations

import html
import json
import posixpath

from mkdocs.structure.files import File

from generator.render.share_image import share_png

SHARE_IMAGE = "assets/images/share.png"


def on_files(files, config):
    meta = config["extra"]["keikaku_meta"]
    files.append(File.generated(config, SHARE_IMAGE, content=share_png(meta["municipality"])))
    return files


def _json_for_script(data: dict) -> str:
    """JSON that cannot end its <script> element early, whatever the plan's text holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _url(config, page_url: str, from_url: str) -> str:
    """A page's URL: absolute when the site has a site_url, else relative to the page `from_url`."""
    if config["site_url"]:
        return config["site_url"] + page_url
    relative = posixpath.relpath(page_url or ".", from_url or ".")
    return "./" if relative == "." else relative + "/"


def _breadcrumbs(page, config, nav) -> dict:
    """Home, then each page above this one by URL (every level of the site has its own page), then it."""
    titles = {other.url: html.unescape(other.title or "") for other in nav.pages}
    parts = page.url.strip("/").split("/")
    urls = [""] + ["/".join(parts[:depth]) + "/" for depth in range(1, len(parts) + 1)]
    items = [{"@type": "ListItem", "position": position, "name": titles[url], "item": _url(config, url, page.url)}
             for position, url in enumerate((url for url in urls if url in titles), start=1)]
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}


def _organization(config) -> dict:
    meta = config["extra"]["keikaku_meta"]
    organization = {"@context": "https://schema.org", "@type": "GovernmentOrganization",
                    "name": meta["municipality"]}
    others = [name for name in meta["municipality_names"] if name != meta["municipality"]]
    if others:
        organization["alternateName"] = others
    if meta["root_url"]:
        organization["url"] = meta["root_url"]
    return organization


def on_page_context(context, page, config, nav):
    meta = config["extra"]["keikaku_meta"]
    title = html.unescape(page.title or "")  # front matter holds it HTML-escaped, for the theme
    description = html.unescape(page.meta.get("description") or config["site_description"] or "")
    image = _url(config, SHARE_IMAGE.rsplit("/", 1)[0] + "/", page.url) + "share.png"
    properties = [
        ("og:type", "website" if page.is_homepage else "article"),
        ("og:site_name", html.unescape(config["site_name"])),
        ("og:title", title),
        ("og:description", description),
        ("og:locale", meta["og_locale"]),
        *(("og:locale:alternate", locale) for locale in meta["og_locale_alternates"]),
        *((("og:url", page.canonical_url),) if page.canonical_url else ()),
        ("og:image", image),
        ("og:image:width", "1200"),
        ("og:image:height", "630"),
        ("og:image:alt", html.unescape(config["site_name"])),
    ]
    names = [("twitter:card", "summary_large_image"), ("twitter:title", title),
             ("twitter:description", description), ("twitter:image", image)]
    tags = [f'<meta property="{key}" content="{html.escape(value)}">' for key, value in properties]
    tags += [f'<meta name="{key}" content="{html.escape(value)}">' for key, value in names]
    data = _organization(config) if page.is_homepage else _breadcrumbs(page, config, nav)
    tags.append(f'<script type="application/ld+json">{_json_for_script(data)}</script>')
    context["keikaku_head"] = "\n    ".join(tags)
    return context
