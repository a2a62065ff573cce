from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.site.export import read_site_source
from locpipe.site.languages import SiteLanguages
from locpipe.site.routing import RoutingError

LANGUAGES = SiteLanguages("en", ("ru",))


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "source"
    folder.mkdir()
    (folder / "page1.html").write_text("<html></html>")
    (folder / "page2.html").write_text("<html></html>")
    return folder


def test_the_sites_own_host_comes_from_cname(source: Path) -> None:
    (source / "CNAME").write_text("www.example.com\n")
    site = read_site_source(source, LANGUAGES, None, False).site
    assert site.base_url == "https://www.example.com"
    assert site.is_own_host("example.com")


def test_site_url_comes_first_and_makes_a_sitemap(source: Path) -> None:
    (source / "htaccess").write_text("DirectoryIndex page1.html\nRewriteRule ^two$ page2.html\n")
    read = read_site_source(source, LANGUAGES, "https://example.org/", False)
    assert read.site.base_url == "https://example.org"
    sitemap = read.rewritten["sitemap.xml"].decode()
    for loc in ("/", "/ru/", "/two", "/ru/two"):
        assert f"<loc>https://example.org{loc}</loc>" in sitemap


def test_no_sitemap_without_an_address(source: Path) -> None:
    assert "sitemap.xml" not in read_site_source(source, LANGUAGES, None, False).rewritten


def test_a_broken_sitemap_is_a_warning_with_its_line(source: Path) -> None:
    (source / "sitemap.xml").write_text("<urlset>\n<url>\n")
    read = read_site_source(source, LANGUAGES, None, False)
    [warning] = read.warnings
    assert warning.path == source / "sitemap.xml"
    assert warning.line == 3
    assert "sitemap.xml" not in read.rewritten


def test_a_slug_that_is_a_language_folder_is_an_error(source: Path) -> None:
    (source / "htaccess").write_text("RewriteRule ^ru/$ page2.html [NC]\n")
    with pytest.raises(RoutingError, match="the slug /ru collides"):
        read_site_source(source, LANGUAGES, None, False)
