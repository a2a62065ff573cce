from __future__ import annotations

import pytest

from locpipe.site import redirects
from locpipe.site.languages import SiteLanguages
from locpipe.site.routing import RoutingError

PAGES = frozenset({"index.html", "page11208690.html"})
NETLIFY = (
    b"# converted from htaccess\n/en /page11208690.html 200\n"
    b"https://old.example/* https://new.example/:splat 301!\n"
)


def test_routing_of_a_redirects_file() -> None:
    routing = redirects.read("_redirects", NETLIFY, PAGES).routing
    assert routing.page_at("/en") == "page11208690.html"
    assert routing.page_at("/") == "index.html"


def test_one_root_file_with_each_language_first() -> None:
    files = redirects.read("_redirects", NETLIFY, PAGES).localized(SiteLanguages("uk", ("de",)))
    assert list(files) == ["_redirects"]
    assert files["_redirects"] == b"# de\n/de/en /de/page11208690.html 200\n" + NETLIFY


def test_a_rule_without_target_is_named() -> None:
    with pytest.raises(RoutingError) as caught:
        redirects.read("_redirects", b"/a /b\n/broken\n", PAGES)
    assert caught.value.line == 2
