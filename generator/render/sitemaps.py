"""The files for crawlers: a sitemap per language, a sitemap index and robots.txt, as strings.

MkDocs writes a sitemap of its own into each language's site: empty without a `site_url` (`<urlset/>`
fails the sitemaps XSD), and with the build's date as every `<lastmod>`, so that two builds of one commit
differ. These replace it: each `<lastmod>` is the date of the last commit to the files the page is built
from (none when no date is known), and each URL lists its pages in the other languages (reciprocal
`xhtml:link` alternates, as Google asks for multilingual sites). Without a site address no sitemap is
written at all (sitemaps need absolute URLs), and robots.txt names none.

Sitemaps sit at the site's root: a sitemap may only list URLs at or below its own directory.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from .page_head import page_url

SITEMAP_INDEX = "sitemap.xml"
_URLSET = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:xhtml="http://www.w3.org/1999/xhtml">')


def sitemap_name(language) -> str:
    return f"sitemap-{language.code}.xml"


def _url(site_url: str, language, path: str) -> str:
    return site_url + language.url_prefix + page_url(path)


def _sitemap(result, rendered, site_url: str) -> str:
    default = next(other.language for other in rendered if other.language.default)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', _URLSET]
    for path in sorted(result.files):
        lines.append(f"<url><loc>{escape(_url(site_url, result.language, path))}</loc>")
        day = result.updated.get(path)
        if day is not None:
            lines.append(f"<lastmod>{day.isoformat()}</lastmod>")
        versions = [other for other in rendered if path in other.files]
        if len(versions) > 1:
            for other in versions:
                lines.append(f'<xhtml:link rel="alternate" hreflang={quoteattr(other.language.code)} '
                             f'href={quoteattr(_url(site_url, other.language, path))}/>')
            lines.append(f'<xhtml:link rel="alternate" hreflang="x-default" '
                         f'href={quoteattr(_url(site_url, default, path))}/>')
        lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _index(rendered, site_url: str) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for result in rendered:
        lines.append(f"<sitemap><loc>{escape(site_url + sitemap_name(result.language))}</loc>")
        days = [day for day in result.updated.values() if day is not None]
        if days:
            lines.append(f"<lastmod>{max(days).isoformat()}</lastmod>")
        lines.append("</sitemap>")
    lines.append("</sitemapindex>")
    return "\n".join(lines) + "\n"


def crawler_files(rendered, site_url: str | None) -> dict[str, str]:
    """Path below the site's root → text: robots.txt, and with an address the sitemaps and their index."""
    robots = ["User-agent: *", "Allow: /"]
    if not site_url:
        return {"robots.txt": "\n".join(robots) + "\n"}
    files = {sitemap_name(result.language): _sitemap(result, rendered, site_url) for result in rendered}
    files[SITEMAP_INDEX] = _index(rendered, site_url)
    robots.append(f"Sitemap: {site_url}{SITEMAP_INDEX}")
    return {**files, "robots.txt": "\n".join(robots) + "\n"}


# MkDocs' own, removed from every language's site before these are written.
MKDOCS_SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")

__all__ = ["MKDOCS_SITEMAPS", "SITEMAP_INDEX", "crawler_files", "sitemap_name"]
