"""Web addresses: parsed as an address is, not matched by a loose pattern.

An address lands in the site's HTML attributes (canonical and hreflang links, which the theme prints as
they are), in JSON-LD and in the open data. A pattern such as `^https?://[^\\s]+/$` lets
`https://evil.example/"><script>…` through. So an address here is made of a scheme, a host name of
letters, digits and hyphens, an optional port, and a path (and, for pages other than the site, a query
and a fragment) of the characters RFC 3986 allows unescaped, minus the quotes and angle brackets that
could end an attribute; anything else is written percent-encoded. One pattern says it, in a form that
Python, pydantic (Rust) and every JSON Schema tool (ECMA-262) read alike. When an address is refused,
`suggested_address` works out what to write instead: the same address with spaces and non-ASCII
characters percent-encoded, a Japanese host name in its `xn--` form, and the final `/` a site needs.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import quote, urlsplit

from pydantic import Field, StringConstraints

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = rf"{_LABEL}(?:\.{_LABEL})*(?::[0-9]{{1,5}})?"
_ESCAPE = r"%[0-9A-Fa-f]{2}"
# RFC 3986's unreserved characters and sub-delimiters without ' ( ) (they end or break attributes and
# Markdown links), and ':' '@'; the site's own address leaves out '&' too, which starts an entity in HTML.
_PCHAR = rf"(?:[A-Za-z0-9._~!$&*+,;=:@-]|{_ESCAPE})"
_SITE_PCHAR = rf"(?:[A-Za-z0-9._~!$*+,;=:@-]|{_ESCAPE})"
HTTPS_URL_PATTERN = rf"^https://{_HOST}(?:/{_PCHAR}*)*(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?$"
SITE_URL_PATTERN = rf"^https?://{_HOST}(?:/{_SITE_PCHAR}*)*/$"

HttpsUrl = Annotated[str, StringConstraints(pattern=HTTPS_URL_PATTERN, max_length=2000)]
SiteUrl = Annotated[str, StringConstraints(pattern=SITE_URL_PATTERN, max_length=500), Field(
    description="Address of the published site, ending in `/`, e.g. `https://plan.city.example.lg.jp/`.")]


def suggested_address(written: str, *, site: bool) -> str | None:
    """What to write instead of a refused address, when it can be worked out: None when it cannot."""
    text = written.strip()
    try:
        parts = urlsplit(text)
        if parts.scheme.lower() not in (("http", "https") if site else ("https",)) or not parts.hostname:
            return None
        host = parts.hostname.encode("idna").decode("ascii")
        if parts.port is not None:
            host += f":{parts.port}"
    except (ValueError, UnicodeError):  # a host no address can have, a port out of range
        return None
    unsafe = "'()&" if site else "'()"
    path = quote(parts.path, safe="/%" + "".join(c for c in "._~!$&*+,;=:@-" if c not in unsafe))
    if site:
        suggestion = f"{parts.scheme.lower()}://{host}{path if path.endswith('/') else path + '/'}"
    else:
        query = "?" + quote(parts.query, safe="/?%=&._~!$*+,;:@-") if parts.query else ""
        fragment = "#" + quote(parts.fragment, safe="/?%._~!$&*+,;=:@-") if parts.fragment else ""
        suggestion = f"https://{host}{path or '/'}{query}{fragment}"
    pattern = SITE_URL_PATTERN if site else HTTPS_URL_PATTERN
    return suggestion if re.fullmatch(pattern, suggestion) and suggestion != written else None


__all__ = ["HTTPS_URL_PATTERN", "SITE_URL_PATTERN", "HttpsUrl", "SiteUrl", "suggested_address"]
