from __future__ import annotations

import pytest

from locpipe.site import htaccess
from locpipe.site.languages import SiteLanguages
from locpipe.site.routing import RoutingError

PAGES = frozenset({"page1.html", "page2.html", "404.html"})
TILDA = b"""ErrorDocument 404 /404.html\r
DirectoryIndex page1.html\r
\r
RewriteEngine On\r
RewriteCond %{HTTP:X-Forwarded-Proto} =http\r
RewriteRule ^(.*)$ https://example\\.com/$1 [R=301,L]\r
RewriteRule ^shop$ page2.html [NC]\r
RewriteRule ^shop/$ page2.html [NC]\r
RewriteRule ^members/ ma_start.html [NC]\r
RewriteRule ^favicon.ico$ https://static.tildacdn.com/x/favicon.ico [R=302,L]\r
"""


def test_routing_of_a_tilda_htaccess() -> None:
    routing = htaccess.read("htaccess", TILDA, PAGES).routing
    assert routing.slugs == {"shop": "page2.html"}
    assert routing.start_page == "page1.html"
    assert routing.error_pages == {404: "/404.html"}


@pytest.mark.parametrize(
    ("path", "page"),
    [("/", "page1.html"), ("/shop", "page2.html"), ("/SHOP/", "page2.html"),
     ("/page2.html", "page2.html"), ("/members/", None), ("/favicon.ico", None)],
)  # fmt: skip
def test_addresses(path: str, page: str | None) -> None:
    assert htaccess.read("htaccess", TILDA, PAGES).routing.page_at(path) == page


def test_the_root_file_is_the_export_and_a_language_folder_gets_its_own() -> None:
    files = htaccess.read("htaccess", TILDA, PAGES).localized(SiteLanguages("en", ("ru",)))
    assert files["htaccess"] == TILDA
    expected = TILDA.replace(b" /404.html", b" /ru/404.html").replace(
        b"example\\.com/$1", b"example\\.com/ru/$1"
    )
    assert files["ru/htaccess"] == expected  # slug rules are relative: kept; CRLF kept


def test_a_root_relative_rule_target_moves_into_the_folder() -> None:
    data = b"RewriteRule ^shop$ /page2.html [NC]\n"
    files = htaccess.read("htaccess", data, PAGES).localized(SiteLanguages("en", ("de",)))
    assert files["de/htaccess"] == b"RewriteRule ^shop$ /de/page2.html [NC]\n"


@pytest.mark.parametrize(
    ("data", "line"),
    [(b"DirectoryIndex page1.html\nRewriteRule ^shop$\n", 2), (b'ErrorDocument 404 "Oops\n', 1),
     (b"# \xff\n", 1)],
)  # fmt: skip
def test_a_line_locpipe_cannot_read_is_named(data: bytes, line: int) -> None:
    with pytest.raises(RoutingError) as caught:
        htaccess.read("htaccess", data, PAGES)
    assert caught.value.line == line
