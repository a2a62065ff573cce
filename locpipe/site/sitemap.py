"""``sitemap.xml`` (sitemaps.org protocol): read the export's, write every language's.

The written sitemap lists each address of the export's sitemap in every language,
each ``<url>`` with ``xhtml:link rel="alternate" hreflang`` to all of them and
``x-default`` (the source language), as search engines ask for language versions.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from locpipe.site.context import SiteContext, base_of
from locpipe.site.languages import html_lang
from locpipe.site.routing import RoutingError, localized_address

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: str | None = None


def read_sitemap(name: str, data: bytes) -> list[SitemapEntry]:
    """The ``<url>`` entries; raises ``RoutingError`` for a file that is not a sitemap."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise RoutingError(
            f"not a readable sitemap ({error.msg})", path=name, line=error.position[0]
        ) from None
    entries = []
    for url in root.iter(f"{{{SITEMAP_NS}}}url"):
        loc = (url.findtext(f"{{{SITEMAP_NS}}}loc") or "").strip()
        lastmod = url.findtext(f"{{{SITEMAP_NS}}}lastmod")
        if loc:
            entries.append(SitemapEntry(loc, lastmod.strip() if lastmod else None))
    return entries


def default_entries(site: SiteContext) -> list[SitemapEntry]:
    """Without a sitemap in the export: the start page and every slug, when the host is known."""
    if site.base_url is None:
        return []
    routing = site.routing
    addresses = ["/"] if routing.start_page in routing.pages else []
    addresses.extend(f"/{slug}" for slug in routing.slugs)
    if not routing.slugs:
        error_pages = {address.lstrip("/") for address in routing.error_pages.values()}
        addresses.extend(
            f"/{page}"
            for page in sorted(routing.pages)
            if "/" not in page and page != routing.start_page and page not in error_pages
        )
    return [SitemapEntry(site.base_url + address) for address in addresses]


def write_sitemap(entries: list[SitemapEntry], site: SiteContext) -> bytes:
    """The sitemap of every language: each address of the site's pages once per language."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">',
    ]
    for entry in entries:
        versions = _versions(entry, site)
        for _, loc in versions:
            lines.append("\t<url>")
            lines.append(f"\t\t<loc>{escape(loc)}</loc>")
            if entry.lastmod:
                lines.append(f"\t\t<lastmod>{escape(entry.lastmod)}</lastmod>")
            if len(versions) > 1:
                for code, href in [*versions, ("x-default", versions[0][1])]:
                    lines.append(
                        f'\t\t<xhtml:link rel="alternate" hreflang="{code}" href="{escape(href)}"/>'
                    )
            lines.append("\t</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _versions(entry: SitemapEntry, site: SiteContext) -> list[tuple[str, str]]:
    """``(hreflang, loc)`` of the entry in every language; just itself when not a page."""
    base = base_of(entry.loc)
    path = urlsplit(entry.loc).path or "/"
    if base is None or site.routing.page_at(path) is None:
        return [(html_lang(site.languages.source), entry.loc)]
    return [
        (html_lang(lang), base + localized_address(path, site.languages.folder(lang)))
        for lang in site.languages.all
    ]
