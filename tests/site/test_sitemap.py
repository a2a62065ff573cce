from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from locpipe.site.context import SiteContext
from locpipe.site.languages import SiteLanguages
from locpipe.site.routing import Routing, RoutingError
from locpipe.site.sitemap import SITEMAP_NS, XHTML_NS, SitemapEntry, read_sitemap, write_sitemap

TILDA = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
\t<url>
\t\t<loc>https://example.com/</loc>
\t\t<lastmod>2021-07-22T20:32:16+00:00</lastmod>
\t</url>
\t<url><loc>https://example.com/shop</loc></url>
</urlset>
"""
SITE = SiteContext(
    Routing(frozenset({"page1.html", "page2.html"}), {"shop": "page2.html"}, "page1.html"),
    SiteLanguages("en", ("ru", "de")),
)


def test_read() -> None:
    assert read_sitemap("sitemap.xml", TILDA) == [
        SitemapEntry("https://example.com/", "2021-07-22T20:32:16+00:00"),
        SitemapEntry("https://example.com/shop"),
    ]


def test_written_sitemap_lists_every_language_with_alternates() -> None:
    root = ET.fromstring(write_sitemap(read_sitemap("sitemap.xml", TILDA), SITE))
    urls = root.findall(f"{{{SITEMAP_NS}}}url")
    locs = [url.findtext(f"{{{SITEMAP_NS}}}loc") for url in urls]
    assert locs == [
        "https://example.com/", "https://example.com/ru/", "https://example.com/de/",
        "https://example.com/shop", "https://example.com/ru/shop", "https://example.com/de/shop",
    ]  # fmt: skip
    links = urls[4].findall(f"{{{XHTML_NS}}}link")
    assert [(link.get("hreflang"), link.get("href")) for link in links] == [
        ("en", "https://example.com/shop"),
        ("ru", "https://example.com/ru/shop"),
        ("de", "https://example.com/de/shop"),
        ("x-default", "https://example.com/shop"),
    ]
    assert urls[1].findtext(f"{{{SITEMAP_NS}}}lastmod") == "2021-07-22T20:32:16+00:00"


def test_an_unreadable_sitemap_is_named_with_its_line() -> None:
    with pytest.raises(RoutingError) as caught:
        read_sitemap("sitemap.xml", b"<urlset>\n<url>\n</urlset>")
    assert caught.value.line == 3
