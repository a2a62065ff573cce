from __future__ import annotations

from locpipe.site.context import SiteContext
from locpipe.site.languages import SiteLanguages
from locpipe.site.robots import localized_robots
from locpipe.site.routing import Routing

SITE = SiteContext(
    Routing(frozenset({"page1.html", "page9.html"}), {"header": "page9.html"}, "page1.html"),
    SiteLanguages("en", ("ru", "de")),
)
TILDA = (
    b"User-Agent: *\r\nDisallow: /page9.html\r\nDisallow: /header\r\nDisallow: /tilda/form*\r\n"
    b"Disallow:\r\nSitemap: https://example.com/sitemap.xml\r\n"
)


def test_disallowed_pages_are_disallowed_in_every_language() -> None:
    assert localized_robots(TILDA, SITE) == (
        b"User-Agent: *\r\n"
        b"Disallow: /page9.html\r\nDisallow: /ru/page9.html\r\nDisallow: /de/page9.html\r\n"
        b"Disallow: /header\r\nDisallow: /ru/header\r\nDisallow: /de/header\r\n"
        b"Disallow: /tilda/form*\r\nDisallow:\r\nSitemap: https://example.com/sitemap.xml\r\n"
    )
